import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect, test } from 'vitest';
import { interner } from '../../src/lib/built-pages';
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

test('a page’s ids and links are read with their tag', () => {
  const page = `<main id="main-content-area"><a href="/sub/founding/#the-canberra-meeting">1</a><img src="/sub/logo.png"></main>`;
  const links = pageLinks(page, interner());
  expect([...links.ids]).toEqual(['main-content-area']);
  expect(links.links).toEqual([
    ['a', '/sub/founding/#the-canberra-meeting'],
    ['img', '/sub/logo.png'],
  ]);
});

test('interned ids and links keep nothing of the pages they were cut from', () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  /** Heap still in use after cutting an id out of each of 16 pages of 1 MB and letting the pages go. */
  const heldAfter = (keep: (s: string) => string): number => {
    gc();
    const before = process.memoryUsage().heapUsed;
    const kept: string[] = [];
    for (let n = 0; n < 16; n += 1) {
      const page = `<p id="section-${n}-of-the-page">${String(n).repeat(1_000_000)}</p>`;
      kept.push(...pageLinks(page, keep).ids);
    }
    gc();
    const held = process.memoryUsage().heapUsed - before;
    expect(kept).toHaveLength(16);
    return held;
  };
  // The control: a plain substring is a view into its page, which stays in memory with it.
  expect(heldAfter((s) => s)).toBeGreaterThan(8_000_000);
  expect(heldAfter(interner())).toBeLessThan(2_000_000);
});
