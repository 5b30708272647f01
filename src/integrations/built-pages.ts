/**
 * The HTML pages of a finished build, read from disk once and shared by the steps that run
 * in `astro:build:done` (link check, search index, `_headers`), instead of once per step.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export interface BuiltHtml {
  /** Path relative to the output folder, with `/` separators, e.g. `founding/index.html`. */
  file: string;
  html: string;
}

const cache = new Map<string, Promise<BuiltHtml[]>>();

async function load(outDir: string): Promise<BuiltHtml[]> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(outDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((file) => !file.startsWith('pagefind/'))
    .sort();
  return Promise.all(files.map(async (file) => ({ file, html: await readFile(join(outDir, file), 'utf8') })));
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
