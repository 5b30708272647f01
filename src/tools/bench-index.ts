/**
 * Indexing alone, in its own process, so the bench can report its time and peak memory
 * apart from the Astro build: runs the site's own `buildSearchBundle` (the code the build
 * integration runs) over the HTML of a built site and writes the bundle to `outDir`.
 * Run with the project as working directory (it reads src/data/).
 *
 *   tsx src/tools/bench-index.ts <builtSiteDir> <outDir>
 */
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { buildSearchBundle, indexedText } from '../integrations/pagefind';

const [site, out] = process.argv.slice(2);
if (!site || !out) {
  console.error('usage: tsx src/tools/bench-index.ts <builtSiteDir> <outDir>');
  process.exit(2);
}
const started = performance.now();
const entries = await readdir(site, { recursive: true, withFileTypes: true });
const paths = entries
  .filter(
    (entry) =>
      entry.isFile() && entry.name.endsWith('.html') && !relative(site, entry.parentPath).startsWith('pagefind'),
  )
  .map((entry) => relative(site, join(entry.parentPath, entry.name)).split(sep).join('/'))
  .sort();
const pages = await Promise.all(
  paths.map(async (sourcePath) => ({ sourcePath, html: await readFile(join(site, sourcePath), 'utf8') })),
);
const read = performance.now();
const files = await buildSearchBundle(pages);
const indexed = performance.now();
let bytes = 0;
for (const file of files) {
  const target = join(out, file.path);
  await mkdir(join(target, '..'), { recursive: true });
  await writeFile(target, file.content);
  bytes += file.content.length;
}
await pagefind.close();
console.log(
  JSON.stringify({
    pages: pages.filter((page) => indexedText(page.html) !== undefined).length,
    files: files.length,
    bytes,
    readMs: Math.round(read - started),
    indexMs: Math.round(indexed - read),
    totalMs: Math.round(performance.now() - started),
  }),
);
