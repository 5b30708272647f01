/** The FAQ extraction (remark-faq), its FAQPage form, and the edit / report links. */
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, test } from 'vitest';
import { faqPageJsonLd, isFaqList, type FaqItem } from '../../src/lib/faq';
import { remarkFaq } from '../../src/markdown/remark-faq';
import { repoLinks } from '../../src/lib/repo-links';

async function faqOf(markdown: string, path = '/repo/content/faq.md'): Promise<unknown> {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkFaq, { pages: ['faq'] });
  const file = new VFile({ path, value: markdown });
  await processor.run(processor.parse(file), file);
  return (file.data as { astro?: { frontmatter?: { faq?: unknown } } }).astro?.frontmatter?.faq;
}

describe('remarkFaq', () => {
  const page = [
    '導言，不是問題。',
    '',
    '## APEC 是國際組織嗎？',
    '',
    'APEC 自稱論壇。[^a]詳見[概述](/overview/)。',
    '',
    '## 多久開一次會？',
    '',
    '每年一次。',
    '',
    '- 資深官員會議每年 3 至 4 次。',
    '',
    '## 延伸閱讀',
    '',
    '- [概述](/overview/)',
    '',
    '[^a]: S2',
  ].join('\n');

  test('reads each ## …？ section as a question and its visible text as the answer', async () => {
    const faq = await faqOf(page);
    expect(isFaqList(faq)).toBe(true);
    expect(faq).toEqual([
      { question: 'APEC 是國際組織嗎？', answer: 'APEC 自稱論壇。詳見概述。' },
      { question: '多久開一次會？', answer: '每年一次。\n資深官員會議每年 3 至 4 次。' },
    ]);
  });

  test('leaves other pages alone', async () => {
    expect(await faqOf(page, '/repo/content/overview.md')).toBeUndefined();
  });

  test('fails on a question without an answer, naming it', async () => {
    await expect(faqOf('## 沒有答案？\n\n## 下一題？\n\n有。')).rejects.toThrow(/question "沒有答案？" has no answer/);
  });

  test('faqPageJsonLd() is a schema.org FAQPage of Question / Answer pairs', () => {
    const items: FaqItem[] = [{ question: '問？', answer: '答。' }];
    expect(faqPageJsonLd(items)).toEqual({
      '@type': 'FAQPage',
      mainEntity: [{ '@type': 'Question', name: '問？', acceptedAnswer: { '@type': 'Answer', text: '答。' } }],
    });
  });
});

describe('repoLinks()', () => {
  const page = { filePath: 'content/founding.md', title: '成立與背景', pageUrl: 'https://apec.example.org/founding/' };

  test('nothing when neither variable is set (or they are blank)', () => {
    expect(repoLinks({}, page)).toEqual({});
    expect(repoLinks({ EDIT_BASE_URL: ' ', ISSUES_URL: '' }, page)).toEqual({});
  });

  test('an edit link to the page source and a prefilled new issue', () => {
    const links = repoLinks(
      { EDIT_BASE_URL: 'https://github.com/org/repo/edit/main', ISSUES_URL: 'https://github.com/org/repo/issues/new' },
      page,
    );
    expect(links.edit).toBe('https://github.com/org/repo/edit/main/content/founding.md');
    const report = new URL(links.report!);
    expect(report.origin + report.pathname).toBe('https://github.com/org/repo/issues/new');
    expect(report.searchParams.get('title')).toBe('回報錯誤：成立與背景');
    expect(report.searchParams.get('body')).toContain('https://apec.example.org/founding/');
  });

  test('a value that is not an absolute http(s) URL is an error naming the variable', () => {
    expect(() => repoLinks({ EDIT_BASE_URL: 'github.com/org/repo' }, page)).toThrow(
      /EDIT_BASE_URL: "github\.com\/org\/repo" is not an absolute URL/,
    );
    expect(() => repoLinks({ ISSUES_URL: 'javascript:alert(1)' }, page)).toThrow(
      /ISSUES_URL: .* must be an http\(s\) URL/,
    );
  });
});
