/**
 * Builds the Pagefind index as part of the Astro build (no separate CLI step to forget),
 * plus the search data the client needs for script folding and glossary aliases.
 *
 * - `astro build`: in `astro:build:done`, Pagefind indexes the written HTML pages, one index
 *   for both editions (one language each).
 * - `astro dev`: builds the index in memory from the pages the dev server renders
 *   (`addHTMLFile`, `getFiles()`), on the first request for `/pagefind/…`, again after any
 *   file changes.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { SEARCH_DIRECT_MAX_BYTES } from '../budgets';
import type { GlossaryEntry } from '../data/schemas';
import { loadData } from '../lib/data';
import { answerCards } from '../search/answers';
import { buildSearchData } from '../search/fold-build';
import { searchableHtml } from '../search/index-html';
import { decodeFragment, fragmentLanguage, isFragmentFile, type PagefindFragment } from '../search/pagefind-bundle';
import { eachLimit } from '../lib/concurrency';
import { normaliseBase } from '../lib/paths';

export const SEARCH_DATA_FILE = 'search-data.json';
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
    const language = fragmentLanguage(path);
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

/** Every page fragment in a Pagefind bundle, decoded (src/search/pagefind-bundle.ts), by URL. */
export async function bundleFragments(
  files: readonly { path: string; content: Uint8Array }[],
): Promise<PagefindFragment[]> {
  const fragments = await Promise.all(
    files.filter((file) => isFragmentFile(file.path)).map((file) => decodeFragment(file.content)),
  );
  return fragments.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/** The `{ url, text }` of every page fragment in a Pagefind bundle: the text exactly as indexed. */
export async function fragmentTexts(
  files: readonly { path: string; content: Uint8Array }[],
): Promise<{ url: string; text: string }[]> {
  return (await bundleFragments(files)).map((fragment) => ({ url: fragment.url, text: fragment.content }));
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

type BundleFile = { path: string; content: Uint8Array };

/** What to index: pages in memory (dev server), or the HTML files written under a folder (build). */
export type SearchInput = { pages: readonly PageSource[] } | { dir: string };

/** Every HTML page written under `dir`, in a stable order. */
async function readPages(dir: string): Promise<PageSource[]> {
  const paths = (await readdir(dir, { recursive: true }))
    .filter((path) => path.endsWith('.html'))
    .map((path) => path.split('\\').join('/'))
    .sort();
  return Promise.all(
    paths.map(async (sourcePath) => ({ sourcePath, html: await readFile(join(dir, sourcePath), 'utf8') })),
  );
}

/** Pagefind's bundle for `input`, in memory. Pages without a `data-pagefind-body` are left out. */
async function pagefindFiles(input: SearchInput): Promise<BundleFile[]> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const problems: string[] = [];
    const pages = 'dir' in input ? await readPages(input.dir) : input.pages;
    for (const page of pages) {
      if (!BODY.test(page.html)) continue;
      // Only the article, without footnote marks and with ids on h2/h3 alone: sub-results are sections.
      const content = searchableHtml(indexedPart(page.html));
      const added = await index.addHTMLFile({ sourcePath: page.sourcePath, content });
      problems.push(...added.errors.map((error) => `${page.sourcePath}: ${error}`));
    }
    if (problems.length > 0) throw new Error(`Pagefind could not index:\n${problems.join('\n')}`);
    const bundle = await index.getFiles();
    if (bundle.errors.length > 0) throw new Error(`Pagefind could not write its index: ${bundle.errors.join('; ')}`);
    return bundle.files;
  } finally {
    await index.deleteIndex();
  }
}

/**
 * Index `input`; return the bundle's files in memory (Pagefind's own plus search data).
 * `cards`: the glossary entries that get an answer card (their `page` must be in `input`).
 */
export async function buildSearchBundle(
  input: SearchInput,
  timings: Record<string, number> = {},
  cards: readonly GlossaryEntry[] = loadData().glossary,
): Promise<BundleFile[]> {
  let mark = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - mark);
    mark = now;
  };
  const files = await pagefindFiles(input);
  lap('pagefind');
  // Pagefind also writes its ready-made UIs; this site has its own, so they are not shipped.
  const used = files.filter((file) => !UNUSED_UI.test(file.path));
  // Member names are aliases too (澳大利亞 → 澳洲, 文萊 → 汶萊).
  const { glossary, members, readerWords } = loadData();
  // The folding data is derived from exactly the text Pagefind indexed (its fragments).
  const fragments = await bundleFragments(used);
  const pages = fragments.map((fragment) => ({ url: fragment.url, text: fragment.content }));
  const searchData = buildSearchData({ pages, glossary: [...glossary, ...members], readerWords });
  searchData.p = fragmentManifest(used);
  searchData.a = answerCards(fragments, cards);
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

async function writeBundle(outDir: string, logger: AstroIntegrationLogger) {
  const started = performance.now();
  const timings: Record<string, number> = {};
  const files = await buildSearchBundle({ dir: outDir }, timings);
  await pagefind.close();
  const writing = performance.now();
  await writeBundleFiles(join(outDir, 'pagefind'), files);
  timings['write'] = Math.round(performance.now() - writing);
  logger.info(
    `indexed ${files.length} files; ${Math.round(performance.now() - started)} ms after rendering (${Object.entries(
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
  return {
    name: 'apec:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = normaliseBase(config.base);
      },
      'astro:build:done': async ({ dir, logger }) => {
        await writeBundle(fileURLToPath(dir), logger);
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
            .then((pages) => buildSearchBundle({ pages }))
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
