/**
 * Indexing alone, in its own process, so the bench can report its time and peak memory
 * apart from the Astro build: runs the site's own `buildSearchBundle` (the code the build
 * integration runs) over a built site and writes the bundle to `outDir`.
 * Run with the project as working directory (it reads src/data/).
 *
 *   tsx tools/bench/index-alone.ts <builtSiteDir> <outDir>
 */
import { buildSearchBundle, writeBundleFiles } from '../../src/integrations/pagefind';
import { close } from 'pagefind';

const [site, out] = process.argv.slice(2);
if (!site || !out) {
  console.error('usage: tsx tools/bench/index-alone.ts <builtSiteDir> <outDir>');
  process.exit(2);
}
const started = performance.now();
const files = await buildSearchBundle({ dir: site });
const indexed = performance.now();
await writeBundleFiles(out, files);
await close();
const bytes = files.reduce((sum, file) => sum + file.content.length, 0);
console.log(
  JSON.stringify({
    pages: files.filter((file) => file.path.startsWith('fragment/')).length,
    files: files.length,
    bytes,
    readMs: 0,
    indexMs: Math.round(indexed - started),
    totalMs: Math.round(performance.now() - started),
  }),
);
