/**
 * Bad input that needs a real build to prove: a copy of the project with one thing broken is
 * built, and the build must stop with one message naming the file (and line), and leave the
 * previous dist/ exactly as it was. One row per stage where the build can stop (a data file at
 * start-up, a content file before rendering, frontmatter, rendering, links after rendering, the
 * search index last), invalid MDX, which only the MDX compiler raises, and a map file that cannot be
 * drawn (an endpoint that fails while the pages render). Every row of the
 * README's table has a unit test too, except invalid MDX (tests/unit/bad-input.test.ts, with the
 * exact messages; tests/support/bad-input-rows.ts says which test proves which row).
 */
import { createHash } from 'node:crypto';
import { appendFile, cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BAD_INPUT_ROWS, type BadInputRow } from '../support/bad-input-rows';
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
  name: BadInputRow;
  files: Record<string, string | Buffer>;
  /** Text appended to data files. */
  append?: Record<string, string>;
  expect: RegExp[];
}

const BAD_INPUTS: BadInput[] = [
  {
    name: 'member economy whose map `shape` has no outline',
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
    name: 'glossary entry without a Taiwan form',
    files: {},
    append: { 'src/data/glossary.yaml': '\n- id: zz-test\n  category: concept\n  hk: [測試]\n  sources: [S1]\n' },
    expect: [/src\/data\/glossary\.yaml: entry \d+ \(zz-test\): tw: /],
  },
  { name: 'empty file', files: { 'content/zz-test.md': '' }, expect: [/content\/zz-test\.md: the file is empty/] },
  {
    name: 'unknown frontmatter field',
    files: { 'content/zz-test.md': page(`${good}\ntitel: 錯字`) },
    expect: [/zz-test/, /titel/],
  },
  {
    name: 'invalid MDX',
    files: { 'content/zz-test.mdx': page(good, '<div>沒有關閉的標籤\n\n文字。') },
    expect: [/content\/zz-test\.mdx:\d+/],
  },
  {
    name: 'broken internal link',
    files: { 'content/zz-test.md': page(good, '見[不存在的頁](/no-such-page/)。') },
    expect: [/content\/zz-test\.md: broken link to \/no-such-page\//],
  },
  {
    name: 'glossary `page` with no such section',
    files: {},
    append: {
      'src/data/glossary.yaml':
        '\n- id: zz-test\n  page: /structure/#no-such-section\n  category: concept\n  tw: 測試詞\n  sources: [S1]\n',
    },
    expect: [/src\/data\/glossary\.yaml: entry \d+ \(zz-test\): page: \/structure\/ has no section #no-such-section/],
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
  // The previous build: the project's own dist/ (`npm test` builds it first); what it holds does
  // not matter, only that a failed build leaves it exactly as it was.
  await cp(fileURLToPath(new URL('../../dist/', import.meta.url)), join(project.dir, 'dist'), { recursive: true });
  distHash = await hashTree(join(project.dir, 'dist'));
}, 300_000);

afterAll(async () => {
  await project?.remove();
});

test('every row of the README’s table that needs a build has one here', () => {
  const needBuild = Object.entries(BAD_INPUT_ROWS)
    .filter(([, kind]) => kind.includes('build'))
    .map(([name]) => name);
  const built: BadInputRow[] = [...BAD_INPUTS.map((bad) => bad.name), 'footnote without definition'];
  expect(built.sort()).toEqual(needBuild.sort());
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

test('footnote without definition: the build names the file and line, and a page that failed to render fails the next build too (no stale content cache)', async () => {
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
