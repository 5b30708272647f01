/**
 * Two clean builds of the same sources, in different folders, give byte-identical trees: the
 * project's own dist/ (`npm test` builds it first, at the project's path) and a copy built in a
 * folder whose path has a space and Chinese characters (escaped in file URLs), as a user's may.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
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

const projectDir = fileURLToPath(new URL('../../', import.meta.url));

test('a build in a path with a space equals the project’s own build, with no build time or folder leaking in', async () => {
  const copy = await copyProject('apec 網站 copy-');
  copies.push(copy);
  const result = await copy.build({ ASTRO_LOG_LEVEL: 'error' });
  expect(result.ok, result.output).toBe(true);
  const builds = [
    { dir: projectDir, tree: await fileHashes(join(projectDir, 'dist')) },
    { dir: copy.dir, tree: await fileHashes(join(copy.dir, 'dist')) },
  ];
  const [first, second] = builds.map((build) => build.tree) as [Map<string, string>, Map<string, string>];
  // `tsx tools/build.ts` in such a path once exited 0 having built nothing.
  expect(first.size).toBeGreaterThan(20);
  expect(second.has('index.html') && second.has('pagefind/search-data.json') && second.has('_headers')).toBe(true);
  expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
  const differing = [...first].filter(([file, hash]) => second.get(file) !== hash).map(([file]) => file);
  // The project's dist/ must be a plain `npm run build` of these sources (as `npm test` makes it).
  expect(differing, 'rebuild dist/ with `npm run build` (no BASE_PATH, SITE_URL or OFFLINE) and run again').toEqual([]);
  // No build timestamp and no build folder in the output: pages carry only the content's own dates.
  for (const { dir } of builds) {
    for (const file of ['index.html', 'founding/index.html', 'sitemap-0.xml']) {
      const text = await readFile(join(dir, 'dist', file), 'utf8');
      expect(text, file).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
      expect(text, file).not.toContain(dir.replace(/\/$/, ''));
    }
  }
}, 600_000);
