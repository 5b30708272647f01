/**
 * Content is input and can be wrong. Each row breaks one thing in a copy of the project and
 * runs the real build: it must fail with one clear message naming the file and the problem,
 * and leave the previous dist/ exactly as it was. The README's "Bad input" table lists
 * these rows.
 */
import { createHash } from 'node:crypto';
import { appendFile, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { copyProject, type ProjectCopy } from '../support/project-copy';

const page = (frontmatter: string, body = '正文段落。') => `---\n${frontmatter}\n---\n\n${body}\n`;
const good = [
  'title: 測試頁',
  'description: 這是一個用來測試錯誤輸入的頁面。',
  'sidebar:',
  '  group: reference',
  '  order: 99',
  'lastReviewed: 2026-11-26',
  'sources: [S1]',
].join('\n');

interface BadInput {
  name: string;
  files: Record<string, string | Buffer>;
  /** Text appended to data files. */
  append?: Record<string, string>;
  expect: RegExp[];
}

export const BAD_INPUTS: BadInput[] = [
  {
    name: 'missing frontmatter field',
    files: { 'content/zz-test.md': page(good.replace(/description:.*\n/, '')) },
    expect: [/zz-test/, /description/],
  },
  {
    name: 'mistyped frontmatter value',
    files: { 'content/zz-test.md': page(good.replace('order: 99', 'order: 第二')) },
    expect: [/zz-test/, /order/],
  },
  {
    name: 'unknown frontmatter field',
    files: { 'content/zz-test.md': page(`${good}\ntitel: 錯字`) },
    expect: [/zz-test/, /titel/],
  },
  {
    name: 'unknown sidebar group',
    files: { 'content/zz-test.md': page(good.replace('group: reference', 'group: misc')) },
    expect: [/zz-test/, /group/],
  },
  {
    name: 'unknown source in frontmatter',
    files: { 'content/zz-test.md': page(good.replace('[S1]', '[S1, S9999]')) },
    expect: [/zz-test/, /unknown source "S9999"/],
  },
  {
    name: 'duplicate slug',
    files: { 'content/zz-test.md': page(good), 'content/zz-test.mdx': page(good) },
    expect: [/zz-test\.mdx?: same page URL as content\/zz-test\.mdx?/],
  },
  {
    name: 'broken internal link',
    files: { 'content/zz-test.md': page(good, '見[不存在的頁](/no-such-page/)。') },
    expect: [/content\/zz-test\.md: broken link to \/no-such-page\//],
  },
  {
    name: 'broken anchor',
    files: { 'content/zz-test.md': page(good, '見[本頁](#no-such-heading)。\n\n## 有的標題\n\n文字。') },
    expect: [/content\/zz-test\.md: broken anchor #no-such-heading/],
  },
  {
    name: 'footnote without definition',
    files: { 'content/zz-test.md': page(good, '事實。[^missing]') },
    expect: [/zz-test\.md/, /\[\^missing\] has no definition/],
  },
  {
    name: 'footnote citing an unknown source',
    files: { 'content/zz-test.md': page(good, '事實。[^a]\n\n[^a]: S9999') },
    expect: [/zz-test\.md/, /cites unknown source "S9999"/],
  },
  {
    name: 'invalid MDX',
    files: { 'content/zz-test.mdx': page(good, '<div>沒有關閉的標籤\n\n文字。') },
    expect: [/zz-test\.mdx/],
  },
  {
    name: 'image that does not exist',
    files: { 'content/zz-test.md': page(good, '![圖](./missing.png)') },
    expect: [/zz-test\.md/, /missing\.png/],
  },
  {
    name: 'file that is not UTF-8',
    files: { 'content/zz-test.md': Buffer.from(page(good), 'utf16le') },
    expect: [/content\/zz-test\.md: not valid UTF-8/],
  },
  { name: 'empty file', files: { 'content/zz-test.md': '' }, expect: [/content\/zz-test\.md: the file is empty/] },
  {
    name: 'glossary entry without a Taiwan form',
    files: {},
    append: { 'src/data/glossary.yaml': '\n- id: zz-test\n  category: concept\n  hk: [測試]\n  sources: [S1]\n' },
    expect: [/src\/data\/glossary\.yaml: entry \d+ \(zz-test\): tw: /],
  },
  {
    name: 'glossary page link to a section that does not exist',
    files: {},
    append: {
      'src/data/glossary.yaml':
        '\n- id: zz-test\n  page: /structure/#no-such-section\n  category: concept\n  tw: 測試詞\n  sources: [S1]\n',
    },
    expect: [/src\/data\/glossary\.yaml: entry \d+ \(zz-test\): page: \/structure\/ has no section #no-such-section/],
  },
  {
    name: 'glossary page link to a page that does not exist',
    files: {},
    append: {
      'src/data/glossary.yaml':
        '\n- id: zz-test\n  page: /no-such-page/\n  category: concept\n  tw: 測試詞\n  sources: [S1]\n',
    },
    expect: [/src\/data\/glossary\.yaml: entry \d+ \(zz-test\): page: no page \/no-such-page\/ on the site/],
  },
  {
    name: 'timeline entry with an impossible date',
    files: {},
    append: {
      'src/data/timeline.yaml': '\n- date: 2023-02-30\n  kind: milestone\n  title: 不存在的日子\n  sources: [S1]\n',
    },
    expect: [/src\/data\/timeline\.yaml: entry \d+ \(2023-02-30\): date: is not a real calendar date/],
  },
  {
    name: 'meeting hosted by an economy that is not a member',
    files: {},
    append: {
      'src/data/meetings.yaml':
        '\n- year: 2027\n  kind: leaders\n  number: 34\n  host: atlantis\n  city: 測試市\n  status: announced\n  sources: [S1]\n',
    },
    expect: [/src\/data\/meetings\.yaml: entry \d+ \(2027 leaders\): host: unknown member "atlantis"/],
  },
  {
    name: 'member economy whose map shape has no outline',
    files: {},
    append: {
      'src/data/members.yaml': "\n- id: atlantis\n  shape: '999'\n  joined: 1998\n  founding: false\n  sources: [S1]\n",
      'src/data/glossary.yaml':
        '\n- id: member-atlantis\n  category: member\n  tw: 亞特蘭提斯\n  en: Atlantis\n  sources: [S1]\n',
    },
    expect: [
      /src\/data\/members\.yaml: entry 22 \(atlantis\): shape: '999' has no outline in world-atlas\/countries-50m\.json/,
    ],
  },
  {
    name: 'source URL on a mirror, proxy or staging host',
    files: {},
    append: {
      'src/data/sources.yaml':
        '\n- id: S9998\n  kind: apec\n  publisher: APEC\n  title: Working Level\n  url: "https://apec-stg.sitefinity.cloud/about-us/how-apec-operates/working-level"\n',
    },
    expect: [
      /src\/data\/sources\.yaml: entry \d+ \(S9998\): url: https:\/\/apec-stg\.sitefinity\.cloud\/\S+ is a CMS staging or preview host, not the publisher's own page/,
    ],
  },
];

let project: ProjectCopy;
let distHash: string;

async function hashTree(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const file of (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()) {
    hash.update(file.slice(dir.length)).update(await readFile(file));
  }
  return hash.digest('hex');
}

beforeAll(async () => {
  project = await copyProject();
  const first = await project.build({ ASTRO_LOG_LEVEL: 'error' });
  expect(first.ok, first.output).toBe(true);
  distHash = await hashTree(join(project.dir, 'dist'));
}, 300_000);

afterAll(async () => {
  await project?.remove();
});

describe.each(BAD_INPUTS)('bad input: $name', (bad) => {
  test('fails the build with a message naming the file and the problem, and keeps dist/', async () => {
    const originals = new Map<string, string>();
    try {
      for (const [file, text] of Object.entries(bad.files)) await writeFile(join(project.dir, file), text);
      for (const [file, text] of Object.entries(bad.append ?? {})) {
        originals.set(file, await readFile(join(project.dir, file), 'utf8'));
        await appendFile(join(project.dir, file), text);
      }
      const result = await project.build({ ASTRO_LOG_LEVEL: 'error' });
      expect(result.ok, result.output).toBe(false);
      for (const pattern of bad.expect) expect(result.output).toMatch(pattern);
      expect(await hashTree(join(project.dir, 'dist'))).toBe(distHash);
    } finally {
      for (const file of Object.keys(bad.files)) await rm(join(project.dir, file), { force: true });
      for (const [file, text] of originals) await writeFile(join(project.dir, file), text);
    }
  }, 180_000);
});

test('a page that failed to render fails the next build too: no stale content cache', async () => {
  const file = join(project.dir, 'content/zz-test.md');
  try {
    await writeFile(file, page(good, '事實。[^missing]'));
    for (let run = 0; run < 2; run += 1) {
      const result = await project.build({ ASTRO_LOG_LEVEL: 'error' });
      expect(result.ok, `run ${run + 1}: ${result.output}`).toBe(false);
      expect(result.output).toMatch(/content\/zz-test\.md:\d+: footnote \[\^missing\] has no definition/);
    }
    expect(await hashTree(join(project.dir, 'dist'))).toBe(distHash);
  } finally {
    await rm(file, { force: true });
  }
}, 300_000);
