/**
 * Indexing alone, in its own process, so the bench can report its time and peak memory
 * apart from the Astro build: runs the site's own `buildSearchBundle` (the code the build
 * integration runs) over the HTML of a built site and writes the bundle to `outDir`.
 * Run with the project as working directory (it reads src/data/).
 *
 *   tsx tools/bench/index-alone.ts <builtSiteDir> <outDir>
 */
import { readBuiltHtml } from '../../src/integrations/built-pages';
import { buildSearchBundle, indexedText, writeBundleFiles } from '../../src/integrations/pagefind';

const [site, out] = process.argv.slice(2);
if (!site || !out) {
  console.error('usage: tsx tools/bench/index-alone.ts <builtSiteDir> <outDir>');
  process.exit(2);
}
const started = performance.now();
const pages = (await readBuiltHtml(site)).map(({ file, html }) => ({ sourcePath: file, html }));
const read = performance.now();
const files = await buildSearchBundle(pages);
const indexed = performance.now();
await writeBundleFiles(out, files);
const bytes = files.reduce((sum, file) => sum + file.content.length, 0);
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
