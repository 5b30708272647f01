/**
 * Performance budgets: the one place they live. Enforced on bytes (deterministic) by
 * tests/build/budgets.test.ts over dist/ and, in a real browser, by tests/e2e/budgets.test.ts;
 * measured (not enforced) by `npm run bench`, which also reports against the scale targets.
 *
 * Sizes are BROTLI bytes at quality 11 (what a CDN sends), 1 KB = 1,000 bytes.
 * Files Pagefind already ships gzip-compressed (wasm, index, fragment, filter, meta) are
 * counted as stored: a CDN sends them as they are.
 *
 * Why these numbers: the Starlight equivalent sends 10 requests and 40.5 KB brotli for one
 * page (24.5 KB of it JavaScript) and 85 KB more for search; see docs/performance.md.
 */

import { EDITIONS, editionOf } from './i18n/editions';

export const KB = 1000;

/** What one page costs before the reader reaches for search. */
export interface PageBudget {
  /** The page's HTML document. */
  html: number;
  /** All stylesheets the page links, together. */
  css: number;
  /** All scripts the page loads up front (src, modulepreload), together; inline scripts are in the HTML. */
  js: number;
  /** HTML + CSS + JS. */
  total: number;
  /** HTML + stylesheets + scripts (incl. modulepreload) + favicon + eagerly loaded images. */
  requests: number;
}

/**
 * Page types. Every built page is one of them: `home` (`/`), `notFound` (`/404.html`),
 * `long` (the pages listed in LONG_PAGES: reference tables whose length is their content),
 * and `content` (everything else).
 */
export const PAGE_BUDGETS = {
  /** The home page: the site map in cards. */
  home: { html: 9 * KB, css: 4.5 * KB, js: 2 * KB, total: 14 * KB, requests: 4 },
  /**
   * An ordinary documentation page: ≤ 14 KB. Measured 2026-12-01 (docs/performance.md): the
   * largest is /members/ at 12.86 KB (HTML 7.32, CSS 4.16, JS 1.38). It was 14.70 KB before the
   * search dialog (markup, words, styles) and the offline control's messages moved into the
   * scripts that use them, and Vite's empty dynamic-import preload helper left the site script
   * (src/integrations/client-scripts.ts). The stylesheet is 4.16 KB against 4.5.
   */
  content: { html: 9 * KB, css: 4.5 * KB, js: 2 * KB, total: 14 * KB, requests: 4 },
  /** A reference page whose length is the content (glossary, timeline, sources, FAQ). */
  long: { html: 20 * KB, css: 4.5 * KB, js: 2 * KB, total: 25 * KB, requests: 4 },
  /** The not-found page. */
  notFound: { html: 4 * KB, css: 4.5 * KB, js: 2 * KB, total: 10 * KB, requests: 4 },
} as const satisfies Record<string, PageBudget>;

export type PageType = keyof typeof PAGE_BUDGETS;

/**
 * Pages allowed the `long` budget (site paths). Add a page here only when its length is its
 * content. The FAQ carries every answer twice, the second time as FAQPage structured data
 * (0.46 KB brotli): 14.21 KB, over the content budget by that copy (measured 2026-12-01). The
 * glossary is 14.01 KB and grows with every term. /meetings/ is one table row per meeting with
 * its sources and the host-city map's figure (19.03 KB, HTML 13.23, measured 2026-12-07; the map
 * itself is a lazy image, not counted) and grows by a row a year.
 */
export const LONG_PAGES: readonly string[] = ['/glossary/', '/timeline/', '/references/', '/faq/', '/meetings/'];

/** A page's type; a page of another edition (`/zh-hans/x/`) is typed like its source (`/x/`). */
export function pageTypeOf(sitePath: string): PageType {
  const path = `/${sitePath.slice(1 + EDITIONS[editionOf(sitePath)].prefix.length)}`;
  if (path === '/') return 'home';
  if (path === '/404.html' || path === '/404/') return 'notFound';
  if (LONG_PAGES.includes(path)) return 'long';
  return 'content';
}

/**
 * The offline-reading service worker (`sw.js`, src/offline/sw.ts), brotli. Registered after the
 * page has loaded, so it is not one of a page's requests; checked on its own by
 * tests/build/offline.test.ts and reported by `npm run bench`.
 */
export const SERVICE_WORKER_MAX_BYTES = 3 * KB;

/** Scripts allowed in <head> that block rendering: only inline ones, and this small (bytes, raw). */
export const MAX_INLINE_HEAD_SCRIPT = 512;

/** Raw bytes of all inline executable scripts in one page (CSP hashes them; keep them tiny). */
export const MAX_INLINE_SCRIPTS = 1024;

/**
 * Search, from intent to the first results: everything fetched after the reader shows
 * intent (pointer on / focus in the search control) until the first results are on screen.
 */
export const SEARCH_BUDGET = {
  /**
   * The lazily imported search UI chunk(s) (search-ui + client + query + the dialog with both
   * editions' words) and the dialog's stylesheet: 11.94 KB on 2026-12-01, of which the dialog's
   * markup, words and styles (1.9 KB) used to be in every page instead; 14.0 KB on 2026-12-07
   * with the ranking model of issue #21 (named features, passages and answer types, reader
   * words, the error and retry); 16.5 KB later that day (search-ui 15.5 KB + its stylesheet 1 KB),
   * with the Porter stemmer for English words (1.2 KB), names asked, asides and everyday words;
   * 17.4 KB in the fifth round (near passages, the A-not-A form, years named from the reader's
   * clock, names with one character mistyped and the note saying so); 18.0 KB in the seventh,
   * when a start whose search data did not arrive began to fail visibly (error and retry) instead
   * of searching without folding. The whole path from intent to first results stays within
   * firstResultsStatic.
   */
  ui: 18.5 * KB,
  /** pagefind.js (the loader). */
  pagefindJs: 14 * KB,
  /** The Pagefind wasm (served pre-compressed). */
  wasm: 60 * KB,
  /** pagefind-entry.json + the language's .pf_meta. */
  meta: 4 * KB,
  /** Folding / alias data (pagefind/search-data.json). */
  searchData: 8 * KB,
  /**
   * The static part (ui + pagefind.js + wasm + meta + search data) plus the largest index
   * chunk plus the 5 largest fragments (the worst 5 results): the bound `npm test` enforces.
   */
  firstResultsStatic: 95 * KB,
  /** Measured in Chromium (e2e test and bench): all bytes from intent to the first results. */
  firstResultsMeasured: 95 * KB,
  /**
   * Requests from intent to the first results (measured). On the direct path (up to
   * SEARCH_DIRECT_MAX_PAGES pages) the client reads the search UI's script and stylesheet, the
   * search data and one fragment per page of the edition: 18 with the 14 pages of 2026-12-07
   * (15 with 11 pages before /meetings/, /taiwan/ and /ftaap/); the bytes stay under
   * firstResultsMeasured.
   */
  firstResultsRequests: 20,
} as const;

/**
 * Up to this many pages per language the search client skips Pagefind's JS and wasm and reads
 * every page fragment listed in search-data.json (the search client's default `fullScanLimit`).
 * The static bound then counts the UI, the search data and every fragment.
 */
export const SEARCH_DIRECT_MAX_PAGES = 150;

/**
 * The build lists a language's fragments for direct reading (search-data.json `p`) only while
 * they total at most this many bytes as stored; past it, search goes through Pagefind's wasm
 * and index, whose cost does not grow with the site.
 */
export const SEARCH_DIRECT_MAX_BYTES = 60 * KB;

/** How many fragments a typical first result page needs (the static bound uses the largest). */
export const FRAGMENTS_PER_QUERY = 5;

/** Extensions that mean a web font; none may ship. */
export const FONT_FILE = /\.(woff2?|ttf|otf|eot)$/i;

/**
 * Targets for `npm run bench` (reported, not enforced by `npm test`: times are noisy).
 */
export const SCALE_TARGETS = {
  /** The scale the site is built for: pages per edition (both editions are built). */
  pages: 1000,
  /** Those pages built and indexed (one `astro build`, this 2-core machine), seconds. */
  buildSeconds: 45,
  /** Peak memory of that build (process tree: Astro and Pagefind), bytes. */
  buildPeakBytes: 2.5 * 1024 ** 3,
  /** A corpus this large must still build (no time or memory target). */
  completesPages: 10000,
  /** Lighthouse category scores (each of performance, accessibility, best practices, SEO). */
  lighthouseScore: 100,
  /** Search latency medians, ms, from the last keystroke to results on screen (issue #13: warm ≤ 60 ms). */
  searchColdMs: 1000,
  searchWarmMs: 60,
} as const;

/**
 * Queries the browser checks use for "first results": a place name on a few pages and the
 * site's most common word (on every page: the worst case for fragments loaded).
 */
export const BUDGET_QUERIES = ['坎培拉', 'APEC'] as const;
