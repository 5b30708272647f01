import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { rehypeBaseLinks } from '../../src/markdown/rehype-base-links';
import { rehypeFootnotesUnindexed } from '../../src/markdown/rehype-footnotes-unindexed';
import { rehypeWrapTables } from '../../src/markdown/rehype-wrap-tables';
import { remarkCiteSources } from '../../src/markdown/remark-cite-sources';

const sources = [
  { id: 'S9', publisher: 'ASEAN', title: 'Joint Statement', date: '1989-11', url: 'https://example.org/s9' },
  { id: 'S6', publisher: 'APEC', title: 'APEC Business Advisory Council' },
];
const render = async (markdown: string, base = '/') =>
  String(
    await unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkCiteSources, { sources })
      .use(remarkRehype)
      .use(rehypeWrapTables)
      .use(rehypeBaseLinks, { base })
      .use(rehypeStringify)
      .process(markdown),
  );

describe('remarkCiteSources', () => {
  test('turns source ids into publisher, linked title and date, with an optional note', async () => {
    const html = await render('事實。[^a]\n\n[^a]: S9 S6：此說僅有單一來源');
    expect(html).toContain(
      'ASEAN，〈<a href="https://example.org/s9">Joint Statement</a>〉，1989 年 11 月；APEC，〈APEC Business Advisory Council〉：此說僅有單一來源。',
    );
    expect(html).not.toMatch(/\bS9\b|\bS6\b/);
  });

  test('does not take the brief as a source', async () => {
    await expect(render('事實。[^a]\n\n[^a]: seed')).rejects.toThrow(/must start with source ids/);
  });

  test('fails on an unknown source id, naming it', async () => {
    await expect(render('事實。[^a]\n\n[^a]: S999')).rejects.toThrow(/\[\^a\] cites unknown source "S999"/);
  });

  test('fails on a footnote that cites no source', async () => {
    await expect(render('事實。[^a]\n\n[^a]: 見維基百科')).rejects.toThrow(/must start with source ids/);
  });

  test('fails on a reference without a definition', async () => {
    await expect(render('事實。[^missing]')).rejects.toThrow(/\[\^missing\] has no definition/);
  });

  test('fails on a definition nobody cites', async () => {
    await expect(render('事實。\n\n[^a]: S9')).rejects.toThrow(/defined but never cited/);
  });
});

describe('rehypeWrapTables', () => {
  test('wraps tables in a focusable, labelled scroll region', async () => {
    expect(await render('| a |\n| - |\n| 1 |')).toMatch(
      /^<div class="table-scroll" tabindex="0" role="region" aria-label="表格"><table class="first-column-short">/,
    );
  });

  test('leaves documents without tables alone', async () => {
    expect(await render('文字')).toBe('<p>文字</p>');
  });
});

describe('rehypeBaseLinks', () => {
  test('prefixes root-relative links with the base path', async () => {
    expect(await render('[成立](/founding/#x) [外部](https://apec.org/) [本頁](#y)', '/sub/path/')).toBe(
      '<p><a href="/sub/path/founding/#x">成立</a> <a href="https://apec.org/">外部</a> <a href="#y">本頁</a></p>',
    );
  });
});

describe('rehypeFootnotesUnindexed', () => {
  test('marks the footnote section to be left out of the search index', async () => {
    const html = String(
      await unified()
        .use(remarkParse)
        .use(remarkGfm)
        .use(remarkRehype)
        .use(rehypeFootnotesUnindexed)
        .use(rehypeStringify)
        .process('事實。[^a]\n\n[^a]: 來源'),
    );
    expect(html).toMatch(/<section data-footnotes class="footnotes" data-pagefind-ignore="">/);
  });
});
