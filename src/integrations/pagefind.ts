/**
 * Builds the Pagefind index as part of the Astro build (no separate CLI step to forget),
 * plus the search data the client needs for script folding and glossary aliases.
 *
 * - `astro build`: indexes the written HTML in `astro:build:done`.
 * - `astro dev`: builds the index in memory from the pages the dev server renders
 *   (`getFiles()`), on the first request for `/pagefind/…`, again after any file changes.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { SEARCH_DIRECT_MAX_BYTES } from '../data/budgets';
import { loadData } from '../lib/data';
import { buildSearchData } from '../search/fold-build';
import { answerCards } from '../search/answers';
import { searchableHtml } from '../search/index-html';
import { builtFile, setRenderedPageListener } from '../lib/rendered-pages';
import { eachLimit } from '../utils/concurrency';
import { normaliseBase } from '../utils/paths';
import { listBuiltHtml, readBuiltPages } from './built-pages';

export const SEARCH_DATA_FILE = 'search-data.json';
/** Files handed to Pagefind at once while indexing. */
const INDEX_CONCURRENCY = 16;
/** Index files written at once. */
const WRITE_CONCURRENCY = 32;
const UNUSED_UI = /^pagefind-(ui|modular-ui|component-ui|highlight)\./;

export interface PageSource {
  /** Path of the HTML file relative to the site root, e.g. `founding/index.html`. */
  sourcePath: string;
  html: string;
}

const BODY = /<article\b[^>]*\bdata-pagefind-body\b[^>]*>([\s\S]*?)<\/article>/;

/** The indexed text of a page (its `data-pagefind-body` element), or undefined if not indexed. */
export function indexedText(html: string): string | undefined {
  const body = BODY.exec(html)?.[1];
  if (body === undefined) return undefined;
  return body
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Fragment files by index language (`fragment/zh-hans_ab12.pf_fragment`), for languages
 * whose fragments together stay within `maxBytes`: only there is reading them all cheaper
 * than Pagefind's wasm and word index.
 */
export function fragmentManifest(
  files: readonly { path: string; content: Uint8Array }[],
  maxBytes = SEARCH_DIRECT_MAX_BYTES,
): Record<string, string[]> {
  const byLanguage = new Map<string, { paths: string[]; bytes: number }>();
  for (const { path, content } of files) {
    const language = /^fragment\/(.+)_[0-9a-f]+\.pf_fragment$/.exec(path)?.[1];
    if (!language) continue;
    const entry = byLanguage.get(language) ?? { paths: [], bytes: 0 };
    entry.paths.push(path);
    entry.bytes += content.byteLength;
    byLanguage.set(language, entry);
  }
  // Sorted: Pagefind hands files over in no fixed order, and builds must be byte-identical.
  const manifest: Record<string, string[]> = {};
  for (const [language, { paths, bytes }] of [...byLanguage].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (bytes <= maxBytes) manifest[language] = paths.sort();
  }
  return manifest;
}

/** The `{ url, content }` of every page fragment in a Pagefind bundle (gzip'd JSON). */
export function fragmentTexts(
  files: readonly { path: string; content: Uint8Array }[],
): { url: string; text: string }[] {
  return files
    .filter((file) => /^fragment\/.*\.pf_fragment$/.test(file.path))
    .map((file) => {
      const json = gunzipSync(file.content)
        .toString('utf8')
        .replace(/^pagefind_dcd/, '');
      const fragment = JSON.parse(json) as { url: string; content: string };
      // The extended build marks its Chinese word breaks with U+200B; pagefind.js strips them too.
      return { url: fragment.url, text: fragment.content.replace(/\u200B/g, '') };
    })
    .sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/**
 * What Pagefind needs of a page: the `<html>` tag (its `lang` picks the index) and the
 * `data-pagefind-body` element, which holds every `data-pagefind-*` attribute the site uses.
 * Header, sidebar and metadata are left out: Pagefind would parse them only to skip them.
 */
export function indexedPart(html: string): string {
  const body = BODY.exec(html);
  const end = html.lastIndexOf('</article>');
  if (!body || end < body.index) return html;
  const root = /<html\b[^>]*>/i.exec(html)?.[0] ?? '<html>';
  return `<!doctype html>${root}<head><meta charset="utf-8"></head><body>${html.slice(body.index, end + 10)}</body></html>`;
}

type PagefindApi = typeof pagefind;
type BundleFile = { path: string; content: Uint8Array };

const LANG = /<html\b[^>]*?\slang="([^"]*)"/i;
const ENTRY_FILE = 'pagefind-entry.json';

/**
 * The Pagefind API for index number `n`, each with its own Pagefind process: one index per
 * language keeps each index (and the memory Pagefind needs to build it) half the size, and one
 * can be released before the next is built. Node gives every module URL its own instance, and
 * the API keeps its process in module scope, so `?shard=n` is a second process.
 */
async function pagefindApi(n: number): Promise<PagefindApi> {
  if (n === 0) return pagefind;
  const url = `${PAGEFIND_URL}?shard=${n}`;
  try {
    return (await importNative(url)) as PagefindApi;
  } catch {
    // Inside a vm context (Vitest) a Function body has no import(); the bundler's import works there.
    return (await import(/* @vite-ignore */ url)) as PagefindApi;
  }
}

/** Resolved while the module loads: Astro's config loader is gone by the time pages render. */
const PAGEFIND_URL = import.meta.resolve('pagefind');

/**
 * Node's own `import()`. Astro loads integrations through Vite, which rewrites `import()` to
 * its module runner, and that runner is closed while pages render; a Function body is left as is.
 */
const importNative = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

/** Pagefind's bundles for separate languages as one: the same files, entry lists merged. */
export function mergeBundles(bundles: readonly (readonly BundleFile[])[]): BundleFile[] {
  const merged = new Map<string, BundleFile>();
  const languages: Record<string, unknown> = {};
  let entry: Record<string, unknown> | undefined;
  for (const files of bundles) {
    for (const file of files) {
      if (file.path === ENTRY_FILE) {
        const parsed = JSON.parse(new TextDecoder().decode(file.content)) as Record<string, unknown>;
        Object.assign(languages, parsed['languages']);
        entry ??= parsed;
        continue;
      }
      const seen = merged.get(file.path);
      if (seen && Buffer.compare(seen.content, file.content) !== 0)
        throw new Error(`Pagefind indexes disagree on ${file.path}`);
      merged.set(file.path, file);
    }
  }
  if (entry) {
    // Keys in sorted order, as one Pagefind index over every language writes them.
    entry['languages'] = Object.fromEntries(Object.entries(languages).sort(([a], [b]) => (a < b ? -1 : 1)));
    merged.set(ENTRY_FILE, { path: ENTRY_FILE, content: new TextEncoder().encode(JSON.stringify(entry)) });
  }
  return [...merged.values()];
}

interface Shard {
  api: PagefindApi;
  index: pagefind.PagefindIndex;
}

/**
 * Pagefind indexes that take pages as they come (each page once, a bounded number in flight),
 * one per page language, and hand back one bundle at the end.
 */
export class SearchIndexer {
  readonly #shards = new Map<string, Promise<Shard>>();
  readonly #added = new Set<string>();
  readonly #seen = new Set<string>();
  readonly #inFlight = new Set<Promise<void>>();
  readonly #failures: string[] = [];
  #files: Promise<BundleFile[]> | undefined;

  /** Pages indexed so far. */
  get size(): number {
    return this.#added.size;
  }

  #shard(language: string): Promise<Shard> {
    let shard = this.#shards.get(language);
    if (!shard) {
      shard = pagefindApi(this.#shards.size).then(async (api) => {
        const { index, errors } = await api.createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        return { api, index };
      });
      this.#shards.set(language, shard);
    }
    return shard;
  }

  /** Whether the page at `sourcePath` was handed to `add` (indexed, or found to have nothing to index). */
  saw(sourcePath: string): boolean {
    return this.#seen.has(sourcePath);
  }

  /** Index a page if it has a `data-pagefind-body` and was not added before; resolves once there is room for more. */
  async add(page: PageSource): Promise<void> {
    this.#seen.add(page.sourcePath);
    if (this.#added.has(page.sourcePath) || !BODY.test(page.html)) return;
    if (this.#files) throw new Error(`Pagefind: ${page.sourcePath} added after the index was closed`);
    this.#added.add(page.sourcePath);
    while (this.#inFlight.size >= INDEX_CONCURRENCY) await Promise.race(this.#inFlight);
    const language = (LANG.exec(page.html)?.[1] ?? '').toLowerCase();
    const task: Promise<void> = this.#shard(language)
      .then(({ index }) =>
        index.addHTMLFile({ sourcePath: page.sourcePath, content: searchableHtml(indexedPart(page.html)) }),
      )
      .then(
        (added) => {
          if (added.errors.length > 0) this.#failures.push(`${page.sourcePath}: ${added.errors.join('; ')}`);
        },
        (error: unknown) => {
          this.#failures.push(`${page.sourcePath}: ${String(error)}`);
        },
      )
      .finally(() => this.#inFlight.delete(task));
    this.#inFlight.add(task);
  }

  /**
   * Wait for every page, then return the bundle's files (in memory) and release the indexes.
   * The first call closes the index to new pages; later calls share its result.
   */
  files(): Promise<BundleFile[]> {
    this.#files ??= this.#collect();
    return this.#files;
  }

  async #collect(): Promise<BundleFile[]> {
    await Promise.all(this.#inFlight);
    if (this.#failures.length > 0) throw new Error(`Pagefind could not index:\n${this.#failures.join('\n')}`);
    if (this.#shards.size === 0) this.#shard('');
    // One index at a time: Pagefind builds an index on every core it has, so two at once only
    // compete (10,000 pages per edition: 70 s each alone, 200 s each side by side) and each
    // holds several GB meanwhile. Adding pages, the light part, overlaps rendering instead.
    const bundles: BundleFile[][] = [];
    for (const pending of this.#shards.values()) {
      const { index } = await pending;
      const { files, errors } = await index.getFiles();
      if (errors.length > 0) throw new Error(`Pagefind could not write its index: ${errors.join('; ')}`);
      await index.deleteIndex();
      bundles.push(files);
    }
    return mergeBundles(bundles);
  }

  /** Stop the Pagefind processes (after the last build step that needs them). */
  async close(): Promise<void> {
    for (const pending of this.#shards.values()) await (await pending).api.close();
  }
}

/**
 * Index the pages; return the bundle's files in memory (Pagefind's own plus search data).
 * `indexer` may already hold pages (added while they were rendered; the caller closes it);
 * the rest are added here.
 */
export async function buildSearchBundle(
  pages: readonly PageSource[],
  indexer?: SearchIndexer,
  timings: Record<string, number> = {},
): Promise<BundleFile[]> {
  let mark = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - mark);
    mark = now;
  };
  const index = indexer ?? new SearchIndexer();
  for (const page of pages) await index.add(page);
  const files = await index.files();
  if (index !== indexer) await index.close();
  lap('pagefind');
  // Pagefind also writes its ready-made UIs; this site has its own, so they are not shipped.
  const used = files.filter((file) => !UNUSED_UI.test(file.path));
  // Member names are aliases too (澳大利亞 → 澳洲, 文萊 → 汶萊).
  const { glossary, members } = loadData();
  // The folding data is derived from exactly the text Pagefind indexed (its fragments).
  const searchData = buildSearchData({ pages: fragmentTexts(used), glossary: [...glossary, ...members] });
  searchData.p = fragmentManifest(used);
  searchData.a = answerCards(used, glossary);
  lap('searchData');
  return [...used, { path: SEARCH_DATA_FILE, content: new TextEncoder().encode(JSON.stringify(searchData)) }];
}

/** Write the bundle's files under `dir`: each folder made once, a bounded number of writes in flight. */
export async function writeBundleFiles(dir: string, files: readonly BundleFile[]): Promise<void> {
  for (const folder of new Set(files.map((file) => dirname(join(dir, file.path))))) {
    await mkdir(folder, { recursive: true });
  }
  await eachLimit(files, WRITE_CONCURRENCY, (file) => writeFile(join(dir, file.path), file.content));
}

async function writeBundle(outDir: string, logger: AstroIntegrationLogger, live: SearchIndexer | undefined) {
  const started = performance.now();
  const built = await listBuiltHtml(outDir);
  // Pages the renderer did not hand over (normally none, or only pages with nothing to index):
  // if one of them is searchable, the live index is incomplete and every page is indexed again.
  const unseen = await readBuiltPages(
    outDir,
    built.filter((file) => !live?.saw(file)),
  );
  const complete = live !== undefined && unseen.every((page) => !BODY.test(page.html));
  const indexer = complete ? live : new SearchIndexer();
  const pages = complete ? [] : await readBuiltPages(outDir, built);
  const timings: Record<string, number> = { read: Math.round(performance.now() - started) };
  const files = await buildSearchBundle(
    pages.map(({ file, html }) => ({ sourcePath: file, html })),
    indexer,
    timings,
  );
  await indexer.close();
  if (!complete) await live?.close();
  const writing = performance.now();
  await writeBundleFiles(join(outDir, 'pagefind'), files);
  timings['write'] = Math.round(performance.now() - writing);
  logger.info(
    `indexed ${indexer.size} pages (${live?.size ?? 0} while rendering), ${files.length} files; ${Math.round(performance.now() - started)} ms after rendering (${Object.entries(
      timings,
    )
      .map(([name, ms]) => `${name} ${ms}`)
      .join(', ')})`,
  );
}

/** Follow same-origin links from the home page; return every HTML page the dev server renders. */
async function crawl(origin: string, base: string): Promise<PageSource[]> {
  const seen = new Set<string>([base]);
  const queue = [base];
  const pages: PageSource[] = [];
  while (queue.length > 0) {
    const path = queue.shift()!;
    const response = await fetch(new URL(path, origin));
    if (!response.ok || !response.headers.get('content-type')?.includes('text/html')) continue;
    const html = await response.text();
    pages.push({ sourcePath: `${path.slice(base.length)}index.html`, html });
    for (const [, href] of html.matchAll(/href="([^"#?]+)"/g)) {
      if (
        !href ||
        !href.startsWith(base) ||
        !href.endsWith('/') ||
        href.startsWith(`${base}pagefind/`) ||
        seen.has(href)
      )
        continue;
      seen.add(href);
      queue.push(href);
    }
  }
  return pages;
}

export function pagefindIntegration(): AstroIntegration {
  let base = '/';
  let live: SearchIndexer | undefined;
  return {
    name: 'apec:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = normaliseBase(config.base);
      },
      'astro:build:start': () => {
        // Index pages while the rest render (src/middleware.ts hands them over).
        const indexer = new SearchIndexer();
        live = indexer;
        setRenderedPageListener('apec:pagefind', (pathname, html) =>
          indexer.add({ sourcePath: builtFile(pathname, base), html }),
        );
      },
      'astro:build:generated': () => {
        // Every page is rendered: let Pagefind build its indexes while the other
        // astro:build:done steps (sitemap, link check) run.
        setRenderedPageListener('apec:pagefind', undefined);
        void live?.files().catch(() => undefined); // failures are reported in astro:build:done
      },
      'astro:build:done': async ({ dir, logger }) => {
        setRenderedPageListener('apec:pagefind', undefined);
        const indexer = live;
        live = undefined;
        await writeBundle(fileURLToPath(dir), logger, indexer);
      },
      'astro:server:setup': ({ server, logger }) => {
        let bundle: Promise<Map<string, Uint8Array>> | undefined;
        server.watcher.on('all', () => {
          bundle = undefined;
        });
        const prefix = `${base}pagefind/`;
        server.middlewares.use((request, response, next) => {
          const path = request.url?.split('?')[0] ?? '';
          if (!path.startsWith(prefix)) return next();
          const address = server.httpServer?.address();
          if (!address || typeof address === 'string') return next();
          bundle ??= crawl(`http://localhost:${address.port}`, base)
            .then(buildSearchBundle)
            .then((files) => {
              logger.info(`search index built in memory from ${files.length} files`);
              return new Map(files.map((file) => [file.path, file.content]));
            });
          bundle
            .then((files) => {
              const file = files.get(decodeURIComponent(path.slice(prefix.length)));
              if (!file) {
                response.statusCode = 404;
                response.end();
                return;
              }
              const type = path.endsWith('.js')
                ? 'text/javascript'
                : path.endsWith('.json')
                  ? 'application/json'
                  : path.endsWith('.css')
                    ? 'text/css'
                    : 'application/octet-stream';
              response.setHeader('Content-Type', type);
              response.setHeader('Cache-Control', 'no-store');
              response.end(file);
            })
            .catch((error: unknown) => {
              bundle = undefined;
              next(error);
            });
        });
      },
    },
  };
}
