/** The Markdown steps that make pages read on a phone: footnote numbers and short first columns. */
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { WORD_JOINER, rehypeFootnoteNowrap } from '../../src/markdown/rehype-footnote-nowrap';
import { rehypeWrapTables } from '../../src/markdown/rehype-wrap-tables';

const render = async (markdown: string) =>
  String(
    await unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkRehype)
      .use(rehypeWrapTables)
      .use(rehypeFootnoteNowrap)
      .use(rehypeStringify)
      .process(markdown),
  );

describe('rehypeFootnoteNowrap', () => {
  test('glues each footnote number to the character before it, once, also after an element', async () => {
    const html = await render('起點。[^a][^b]見**粗體**[^a]\n\n[^a]: 甲\n\n[^b]: 乙');
    expect(html).toContain(`起點。${WORD_JOINER}<sup>`);
    expect(html).toContain(`</sup>${WORD_JOINER}<sup>`);
    expect(html).toContain(`</strong>${WORD_JOINER}<sup>`);
    expect(html.split(WORD_JOINER)).toHaveLength(4);
  });

  test('leaves the rest of the text alone', async () => {
    expect(await render('沒有註釋的段落。')).not.toContain(WORD_JOINER);
  });
});

describe('rehypeWrapTables: short first columns', () => {
  const table = (first: string) =>
    `| 名稱 | 說明 |\n| --- | --- |\n| ${first} | 一段較長的說明文字 |\n| 經濟委員會 | 說明 |`;

  test('marks a table whose first column holds only short names', async () => {
    expect(await render(table('經濟技術合作指導委員會'))).toContain('<table class="first-column-short">');
  });

  test('leaves a table with a long first cell unmarked', async () => {
    expect(await render(table('這一格是一句很長的話，不是名稱，所以應該可以換行'))).toMatch(/<table>/);
  });
});
