/**
 * The site's search engine (src/search/client.ts) in Node, against a built `dist/`: the same
 * code the dialog runs, on either search path, without a browser. The query sets
 * (tests/search/*.json) run through it in the build tests and in `npm run search:eval`.
 *
 * `dist/` is served over loopback by tools/serve.ts (as the browser tests see it: its
 * `_headers`, compression), so the engine and Pagefind fetch what a reader's browser fetches.
 * The wasm path imports the built `pagefind.js` itself, one module instance per edition.
 */
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SEARCH_DIRECT_MAX_PAGES } from '../../src/budgets';
import type { Edition } from '../../src/i18n/editions';
import { createSearch, type PagefindModule, type SearchEngine } from '../../src/search/client';
import { serve } from '../serve';

export interface NodeSearchOptions {
  /** The built site (default `dist`). */
  dist?: string | undefined;
  /** The base path it was built for (`BASE_PATH`, default `/`). */
  base?: string | undefined;
}

export interface NodeSearch {
  /** The engine for an edition; `scanLimit` 0 forces Pagefind's wasm path (as larger sites take). */
  engine(edition: Edition, scanLimit?: number): Promise<SearchEngine>;
  /** Paths requested from the server so far (which files a search path read). */
  requested(): string[];
  /** Stops the loopback server. */
  close(): Promise<void>;
}

/**
 * Pagefind's `pagefind.js` learns its index language from `<html lang>` when it starts (there is
 * no option for it). In Node there is no page: the loader gives it one whose `<html lang>` is the
 * edition's, only while `init()` constructs the instance, then removes it again.
 */
let instances = 0;
async function pagefindFor(dist: string, bundleUrl: string, language: string): Promise<PagefindModule> {
  // A query string makes a separate module instance (Pagefind keeps one instance per module).
  const file = pathToFileURL(join(resolve(dist), 'pagefind', 'pagefind.js'));
  file.search = `?language=${encodeURIComponent(language)}&instance=${++instances}`;
  const module = (await import(/* @vite-ignore */ file.href)) as PagefindModule;
  return {
    // Pagefind would derive its bundle path from the module's file URL, which Node cannot fetch.
    options: (options) => module.options({ ...options, basePath: bundleUrl }),
    init: async () => {
      const scope = globalThis as { document?: unknown };
      scope.document = {
        querySelector: (selector: string) => (selector === 'html' ? { getAttribute: () => language } : null),
      };
      try {
        const started = module.init();
        delete scope.document;
        await started;
      } finally {
        delete scope.document;
      }
    },
    search: (term, options) => module.search(term, options),
    filters: () => module.filters(),
  };
}

/** Serves `dist/` on loopback and makes search engines over it. */
export async function nodeSearch(options: NodeSearchOptions = {}): Promise<NodeSearch> {
  const dist = options.dist ?? 'dist';
  const base = options.base ?? '/';
  const server = await serve({ dir: dist, port: 0, base });
  // Ranking a query set keeps the event loop busy for seconds: a kept-alive socket the server
  // closed meanwhile is reused by the next fetch and reset (ECONNRESET). Here, over loopback
  // and for one process, the server leaves idle sockets open.
  server.keepAliveTimeout = 0;
  const requested: string[] = [];
  server.on('request', (request: { url?: string }) => requested.push(new URL(request.url ?? '/', 'http://x').pathname));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const bundleUrl = `${origin}${base}pagefind/`;
  return {
    engine: (edition, scanLimit = SEARCH_DIRECT_MAX_PAGES) =>
      createSearch({
        edition,
        bundlePath: bundleUrl,
        dataUrl: `${bundleUrl}search-data.json`,
        // As the dialog passes them (src/client/search-ui.ts): result URLs are site paths.
        pagefindOptions: { baseUrl: base, noWorker: true },
        fullScanLimit: scanLimit,
        loadPagefind: (_bundlePath, language) => pagefindFor(dist, bundleUrl, language),
      }),
    requested: () => [...requested],
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
