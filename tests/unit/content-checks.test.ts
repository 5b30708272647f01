import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { interner } from '../../src/integrations/built-pages';
import { checkContentFiles, findBrokenLinks, pageLinks } from '../../src/integrations/content-checks';

test('finds broken links, anchors and links that leave the base path', () => {
  const pages = [
    {
      path: '/',
      ...pageLinks('<a href="/sub/founding/#canberra">x</a><a href="#main">skip</a><main id="main"></main>'),
    },
    {
      path: '/founding/',
      ...pageLinks(
        '<h2 id="canberra">坎培拉</h2><a href="/sub/founding/#nope">x</a><a href="/sub/gone/">y</a><a href="/x/">z</a><img src="/sub/logo.png">',
      ),
    },
  ];
  expect(findBrokenLinks(pages, '/sub/', (path) => path === '/logo.png')).toEqual([
    '/founding/: broken anchor /sub/founding/#nope (no element with id "nope")',
    '/founding/: broken link to /sub/gone/ (no such page or file)',
    "/founding/: <a> points outside the site's base path /sub/: /x/",
  ]);
});

test('reports non-UTF-8, empty and duplicate content files by name', async () => {
  const root = await mkdtemp(join(tmpdir(), 'content-'));
  const dir = join(root, 'content');
  await mkdir(dir);
  await writeFile(join(dir, 'a.md'), '---\ntitle: 甲\n---\n');
  await writeFile(join(dir, 'a.mdx'), '---\ntitle: 甲\n---\n');
  await writeFile(join(dir, 'b.md'), Buffer.from([0xff, 0xfe, 0x00]));
  await writeFile(join(dir, 'c.md'), '  \n');
  expect(checkContentFiles(dir, root)).toEqual([
    'content/a.mdx: same page URL as content/a.md (/a/): rename one of them',
    'content/b.md: not valid UTF-8 text (save the file as UTF-8)',
    'content/c.md: the file is empty (it needs frontmatter and text)',
  ]);
});

test('a page’s ids and links are kept as copies that share one string per distinct value', () => {
  const keep = interner();
  const page = (n: number) =>
    `<main id="main-content-area"><a href="/sub/founding/#the-canberra-meeting">${n}</a><img src="/sub/logo.png"></main>`;
  const first = pageLinks(page(1), keep);
  const second = pageLinks(page(2), keep);
  expect([...first.ids]).toEqual(['main-content-area']);
  expect(first.links).toEqual([
    ['a', '/sub/founding/#the-canberra-meeting'],
    ['img', '/sub/logo.png'],
  ]);
  // Interned: the second page adds no new strings.
  expect(second.links[0]![1]).toBe(first.links[0]![1]);
  expect([...second.ids][0]).toBe([...first.ids][0]);
});
