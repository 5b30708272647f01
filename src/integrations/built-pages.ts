/**
 * The HTML pages of a build. During `astro build` each step collects what it needs of a page
 * while the page is rendered (`PageFacts`), so no step reads the whole site back from disk
 * after rendering: at 10,000 pages per edition that was over 500 MB of HTML held in memory.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { builtFile, setRenderedPageListener } from '../lib/rendered-pages';
import { eachLimit } from '../lib/concurrency';

export interface BuiltHtml {
  /** Path relative to the output folder, with `/` separators, e.g. `founding/index.html`. */
  file: string;
  html: string;
}

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

/** `files` (from `listBuiltHtml`) read from `outDir`, in the same order. */
export async function readBuiltPages(outDir: string, files: readonly string[]): Promise<BuiltHtml[]> {
  const pages = new Array<BuiltHtml>(files.length);
  await eachLimit(files, READ_CONCURRENCY, async (file, at) => {
    pages[at] = { file, html: await readFile(join(outDir, file), 'utf8') };
  });
  return pages;
}

/** Every HTML page under `outDir` (outside pagefind/), sorted by path. */
export async function readBuiltHtml(outDir: string): Promise<BuiltHtml[]> {
  return readBuiltPages(outDir, await listBuiltHtml(outDir));
}

/**
 * What one build step (`name`) needs of each page, `extract`ed as the page is rendered.
 * `extract` must not keep substrings of the page: V8 keeps the whole page alive behind a
 * substring (see `interner`). Pages the renderer did not hand over are read from disk at the end.
 */
export class PageFacts<T> {
  readonly #facts = new Map<string, T>();
  readonly #name: string;
  readonly #extract: (html: string) => T;

  constructor(name: string, extract: (html: string) => T) {
    this.#name = name;
    this.#extract = extract;
  }

  /** Start collecting (in `astro:build:start`); `base` is the site's base path. */
  listen(base: string): void {
    setRenderedPageListener(this.#name, (pathname, html) => {
      this.#facts.set(builtFile(pathname, base), this.#extract(html));
    });
  }

  /** Stop collecting. */
  stop(): void {
    setRenderedPageListener(this.#name, undefined);
  }

  /** Stop collecting; the facts of every HTML page now under `outDir`, by file, sorted by path. */
  async all(outDir: string): Promise<Map<string, T>> {
    this.stop();
    const files = await listBuiltHtml(outDir);
    const missing = files.filter((file) => !this.#facts.has(file));
    for (const page of await readBuiltPages(outDir, missing)) this.#facts.set(page.file, this.#extract(page.html));
    return new Map(files.map((file) => [file, this.#facts.get(file) as T]));
  }
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
