/**
 * Two clean builds of the same sources, in different folders, give byte-identical trees; one
 * folder's path has a space and Chinese characters (escaped in file URLs), as a user's may.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { copyProject, type ProjectCopy } from '../support/project-copy';

const copies: ProjectCopy[] = [];
afterAll(async () => {
  await Promise.all(copies.map((copy) => copy.remove()));
});

async function fileHashes(dir: string): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const hashes = new Map<string, string>();
  for (const entry of entries.filter((candidate) => candidate.isFile())) {
    const file = join(entry.parentPath, entry.name);
    hashes.set(
      relative(dir, file),
      createHash('sha256')
        .update(await readFile(file))
        .digest('hex'),
    );
  }
  return hashes;
}

test('a build in a path with a space equals one from a plain path, with no build time or folder leaking in', async () => {
  const trees: Map<string, string>[] = [];
  for (const prefix of ['apec-site-', 'apec 網站 copy-']) {
    const copy = await copyProject(prefix);
    copies.push(copy);
    const result = await copy.build({ ASTRO_LOG_LEVEL: 'error' });
    expect(result.ok, result.output).toBe(true);
    trees.push(await fileHashes(join(copy.dir, 'dist')));
  }
  const [first, second] = trees as [Map<string, string>, Map<string, string>];
  // `tsx tools/build.ts` in such a path once exited 0 having built nothing.
  expect(first.size).toBeGreaterThan(20);
  expect(second.has('index.html') && second.has('pagefind/search-data.json') && second.has('_headers')).toBe(true);
  expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
  const differing = [...first].filter(([file, hash]) => second.get(file) !== hash).map(([file]) => file);
  expect(differing).toEqual([]);
  // No build timestamp and no build folder in the output: pages carry only the content's own dates.
  for (const copy of copies) {
    for (const file of ['index.html', 'founding/index.html', 'sitemap-0.xml']) {
      const text = await readFile(join(copy.dir, 'dist', file), 'utf8');
      expect(text, file).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
      expect(text, file).not.toContain(copy.dir);
    }
  }
}, 600_000);
