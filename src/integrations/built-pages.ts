/**
 * The HTML pages of a finished build, read from disk once and shared by the steps that run
 * in `astro:build:done` (link check, search index, `_headers`), instead of once per step.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { eachLimit } from '../utils/concurrency';

export interface BuiltHtml {
  /** Path relative to the output folder, with `/` separators, e.g. `founding/index.html`. */
  file: string;
  html: string;
}

/** Files read at once. */
const READ_CONCURRENCY = 32;

const cache = new Map<string, Promise<BuiltHtml[]>>();

async function load(outDir: string): Promise<BuiltHtml[]> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(outDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((file) => !file.startsWith('pagefind/'))
    .sort();
  // A bounded number of reads in flight: one promise per file would open every file at once,
  // and 20,000 pages (10,000 per edition) exceed the usual limit on open files (EMFILE).
  const pages = new Array<BuiltHtml>(files.length);
  await eachLimit(files, READ_CONCURRENCY, async (file, at) => {
    pages[at] = { file, html: await readFile(join(outDir, file), 'utf8') };
  });
  return pages;
}

/** Every HTML page under `outDir` (outside pagefind/), sorted by path; read once per folder. */
export function readBuiltHtml(outDir: string): Promise<BuiltHtml[]> {
  let pages = cache.get(outDir);
  if (!pages) {
    pages = load(outDir);
    cache.set(outDir, pages);
  }
  return pages;
}

/** Drop the pages of `outDir` from memory (after the last step that needs them). */
export const forgetBuiltHtml = (outDir: string): void => {
  cache.delete(outDir);
};
