/**
 * Reading the HTML pages of a build back from the output folder, for the steps that run
 * after Astro has written them (link check, CSP script hashes).
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { eachLimit } from './concurrency';

/** Files read at once: one promise per file would open every file at once, and 20,000 pages exceed the usual limit (EMFILE). */
const READ_CONCURRENCY = 32;

/** The HTML files under `outDir` (outside pagefind/), relative, sorted. */
export async function listBuiltHtml(outDir: string): Promise<string[]> {
  const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(outDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((file) => !file.startsWith('pagefind/'))
    .sort();
}

/**
 * What a build step needs of each HTML page under `outDir`, by file (sorted by path): each
 * page is read, passed to `extract` and let go, so the site is never in memory at once.
 * `extract` must not keep substrings of the page: V8 keeps the whole page alive behind a
 * substring (see `interner`).
 */
export async function collectFromPages<T>(outDir: string, extract: (html: string) => T): Promise<Map<string, T>> {
  const files = await listBuiltHtml(outDir);
  const facts = new Array<T>(files.length);
  await eachLimit(files, READ_CONCURRENCY, async (file, at) => {
    facts[at] = extract(await readFile(join(outDir, file), 'utf8'));
  });
  return new Map(files.map((file, at) => [file, facts[at] as T]));
}

/**
 * A function that returns one stored copy of each distinct string it is given (links and ids
 * repeat from page to page). The copy shares no memory with the text it was cut from: V8
 * represents a substring (a regex match, a `slice`) as a view into its parent string, so a
 * short id kept as it is would keep its whole page in memory.
 */
export function interner(): (s: string) => string {
  const kept = new Map<string, string>();
  return (s) => {
    let copy = kept.get(s);
    if (copy === undefined) {
      copy = JSON.parse(JSON.stringify(s)) as string;
      kept.set(copy, copy);
    }
    return copy;
  };
}
