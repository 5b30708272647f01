/**
 * Bad input, each row of the README's "Bad input" table at the cheapest level that proves its
 * message: the frontmatter schema, the content-file checks, the Markdown pipeline, the data
 * loader and the answer cards, each called directly with exactly what a writer could get wrong.
 * tests/fail-safe/bad-input.test.ts runs the real build only for what needs one (the file and
 * line in the build's output, dist/ left as it was, invalid MDX, and one error of each stage).
 */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdownConfigDefaults } from '@astrojs/markdown-remark';
import { describe, expect, test } from 'vitest';
import { docsSchema } from '../../src/content-schema';
import { glossarySchema, sourceSchema, timelineSchema } from '../../src/data/schemas';
import { checkContentFiles, findBrokenLinks, pageLinks } from '../../src/integrations/content-checks';
import { checkMeetings, parseDataList } from '../../src/lib/data';
import { checkShapes } from '../../src/lib/maps/member-map';
import { takeContentProblems } from '../../src/lib/content-problems';
import { markdownProcessor } from '../../src/markdown/pipeline';
import { answerCards } from '../../src/search/answers';
import { BAD_INPUT_ROWS } from '../support/bad-input-rows';

describe('frontmatter (src/content-schema.ts, as the docs collection checks it)', () => {
  const good = {
    title: '測試頁',
    description: '這是一個用來測試錯誤輸入的頁面。',
    sidebar: { group: 'reference', order: 99 },
    lastReviewed: '2026-11-26',
    sources: ['S1'],
  };
  const issues = (frontmatter: object) => {
    const result = docsSchema.safeParse(frontmatter);
    return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };

  test('a good page passes', () => {
    expect(issues(good)).toEqual([]);
  });
  test('missing frontmatter field', () => {
    const missing: Partial<typeof good> = { ...good };
    delete missing.description;
    expect(issues(missing)).toEqual(['description: Invalid input: expected string, received undefined']);
  });
  test('mistyped frontmatter value', () => {
    expect(issues({ ...good, sidebar: { group: 'reference', order: '第二' } })).toEqual([
      'sidebar.order: Invalid input: expected number, received string',
    ]);
  });
  test('unknown frontmatter field', () => {
    expect(issues({ ...good, titel: '錯字' })).toEqual([': Unrecognized key: "titel"']);
  });
  test('unknown sidebar group', () => {
    expect(issues({ ...good, sidebar: { group: 'misc', order: 99 } })).toEqual([
      'sidebar.group: Invalid option: expected one of "basics"|"organisation"|"history"|"reference"',
    ]);
  });
  test('unknown source in frontmatter', () => {
    expect(issues({ ...good, sources: ['S1', 'S9999'] })).toEqual([
      'sources: unknown source "S9999" (not in src/data/sources.yaml)',
    ]);
  });
});

describe('content files and links (src/integrations/content-checks.ts)', () => {
  test('duplicate slug, file that is not UTF-8, empty file', async () => {
    const root = await mkdtemp(join(tmpdir(), 'bad-input-'));
    await mkdir(join(root, 'content'));
    await writeFile(join(root, 'content', 'zz-test.md'), '---\ntitle: 甲\n---\n');
    await writeFile(join(root, 'content', 'zz-test.mdx'), '---\ntitle: 甲\n---\n');
    await writeFile(
      join(root, 'content', 'zz-utf16.md'),
      Buffer.from('---\ntitle: 測試頁\n---\n\n正文段落。\n', 'utf16le'),
    );
    await writeFile(join(root, 'content', 'zz-empty.md'), '');
    expect(checkContentFiles(join(root, 'content'), root)).toEqual([
      'content/zz-empty.md: the file is empty (it needs frontmatter and text)',
      'content/zz-test.mdx: same page URL as content/zz-test.md (/zz-test/): rename one of them',
      'content/zz-utf16.md: not valid UTF-8 text (save the file as UTF-8)',
    ]);
  });

  test('broken internal link, broken anchor', () => {
    const pages = [
      {
        path: '/zz-test/',
        ...pageLinks('<h2 id="有的標題">有的標題</h2><a href="/no-such-page/">x</a><a href="#no-such-heading">y</a>'),
      },
    ];
    expect(findBrokenLinks(pages, '/', () => false)).toEqual([
      '/zz-test/: broken link to /no-such-page/ (no such page or file)',
      '/zz-test/: broken anchor #no-such-heading (no element with id "no-such-heading")',
    ]);
  });
});

describe('Markdown (the configured pipeline, src/markdown/pipeline.ts)', () => {
  const sources = [{ id: 'S1', publisher: 'APEC', title: 'APEC Leaders’ Declaration' }];
  /** The problems a page records (`content/x.md:line: …`), as the build reports them. */
  const problemsOf = async (markdown: string) => {
    const renderer = await markdownProcessor({ base: '/', sources }).createRenderer({
      ...markdownConfigDefaults,
      syntaxHighlight: false,
    });
    takeContentProblems();
    const fileURL = pathToFileURL(join(process.cwd(), 'content', 'zz-test.md'));
    await renderer.render(markdown, { fileURL }).catch(() => undefined);
    return takeContentProblems();
  };

  test('footnote without definition', async () => {
    expect(await problemsOf('正文。\n\n事實。[^missing]\n')).toEqual([
      'content/zz-test.md:3: footnote [^missing] has no definition',
    ]);
  });
  test('footnote citing an unknown source', async () => {
    expect(await problemsOf('事實。[^a]\n\n[^a]: S9999\n')).toEqual([
      'content/zz-test.md:3: footnote [^a] cites unknown source "S9999"',
    ]);
  });
  test('image that does not exist', async () => {
    expect(await problemsOf('正文。\n\n![圖](./missing.png)\n')).toEqual([
      'content/zz-test.md:3: image ./missing.png does not exist',
    ]);
  });
});

describe('data files (src/lib/data.ts with src/data/schemas.ts)', () => {
  test('glossary entry without a Taiwan form', () => {
    const entry = { id: 'zz-test', category: 'concept', hk: ['測試'], sources: ['S1'] };
    expect(() => parseDataList('src/data/glossary.yaml', JSON.stringify([entry]), glossarySchema)).toThrow(
      'src/data/glossary.yaml: entry 1 (zz-test): tw: Invalid input: expected string, received undefined',
    );
  });
  test('timeline entry with an impossible date', () => {
    const entry = { date: '2023-02-30', kind: 'milestone', title: '不存在的日子', sources: ['S1'] };
    expect(() => parseDataList('src/data/timeline.yaml', JSON.stringify([entry]), timelineSchema)).toThrow(
      'src/data/timeline.yaml: entry 1 (2023-02-30): date: is not a real calendar date',
    );
  });
  test('meeting hosted by an economy that is not a member', () => {
    const meeting = { year: 2027, kind: 'leaders', number: 1, host: 'atlantis', status: 'announced' } as const;
    expect(() => checkMeetings([meeting], new Set(['peru']))).toThrow(
      'src/data/meetings.yaml: entry 1 (2027 leaders): host: unknown member "atlantis"',
    );
  });
  test('member economy whose map `shape` has no outline', () => {
    expect(() => checkShapes([{ id: 'atlantis', shape: '999', joined: 1998, name: '亞特蘭提斯' }])).toThrow(
      "src/data/members.yaml: entry 1 (atlantis): shape: '999' has no outline in world-atlas/countries-50m.json",
    );
  });
  test('source URL on a mirror, proxy or staging host', () => {
    const source = {
      id: 'S9998',
      kind: 'apec',
      publisher: 'APEC',
      title: 'Working Level',
      url: 'https://apec-stg.sitefinity.cloud/about-us/how-apec-operates/working-level',
    };
    expect(() => parseDataList('src/data/sources.yaml', JSON.stringify([source]), sourceSchema)).toThrow(
      "src/data/sources.yaml: entry 1 (S9998): url: https://apec-stg.sitefinity.cloud/about-us/how-apec-operates/working-level is a CMS staging or preview host, not the publisher's own page",
    );
  });
});

describe('answer cards (src/search/answers.ts, against the pages Pagefind indexed)', () => {
  const pages = [
    {
      url: '/structure/',
      content: '',
      meta: { title: '組織' },
      anchors: [{ element: 'h2', id: '部長級會議', text: '部長級會議' }],
    },
  ];
  const entry = (page: string) =>
    parseDataList(
      'src/data/glossary.yaml',
      JSON.stringify([{ id: 'zz-test', page, category: 'concept', tw: '測試詞', sources: ['S1'] }]),
      glossarySchema,
    );
  test('glossary `page` with no such section', () => {
    expect(() => answerCards(pages, entry('/structure/#no-such-section'))).toThrow(
      'src/data/glossary.yaml: entry 1 (zz-test): page: /structure/ has no section #no-such-section (its sections: #部長級會議)',
    );
  });
  test('glossary `page` with no such page', () => {
    expect(() => answerCards(pages, entry('/no-such-page/'))).toThrow(
      'src/data/glossary.yaml: entry 1 (zz-test): page: no page /no-such-page/ on the site (page: /no-such-page/)',
    );
  });
});

test('the README’s table lists every row with the kind of test that proves it, and each unit row is tested here', async () => {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const table = readme.slice(readme.indexOf('## Bad input'), readme.indexOf('## Tests'));
  const rows = [...table.matchAll(/^\| ([^|]+?) \| .+ \| ([^|]+?) \|$/gmu)]
    .map(([, name, kind]) => [name!, kind!] as const)
    .filter(([name]) => name !== 'Bad input' && !name.startsWith('---'));
  expect(Object.fromEntries(rows)).toEqual(BAD_INPUT_ROWS);
  const tested = expect.getState().testPath;
  const source = await readFile(tested!, 'utf8');
  for (const [name, kind] of Object.entries(BAD_INPUT_ROWS))
    if (kind.includes('unit')) expect(source, name).toContain(name);
});
