/**
 * Browser measurements for `npm run bench` and the e2e budget test: what a page transfers
 * before search, what search transfers from intent to the first results, and how long the
 * search takes from the last keystroke to results on screen. Bytes are body bytes as sent
 * (Content-Length of the brotli/gzip response from tools/serve.ts, a CDN stand-in).
 */
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { echoOf } from '../../src/search/query';

export interface Transfer {
  url: string;
  /** Path relative to the site origin. */
  path: string;
  type: string;
  status: number;
  /** Body bytes as transferred (compressed when the server compressed). */
  bytes: number;
  encoding: string;
  /** ms since the measurement started. */
  at: number;
}

/**
 * A counting proxy in front of the site server: every response body as sent (compressed when
 * the server compressed), whoever asked for it (the page, its dedicated Pagefind worker, …).
 * CDP on the page does not see the worker's requests; the server side sees everything.
 */
export async function countingProxy(
  upstream: string,
): Promise<{ origin: string; list: Transfer[]; close: () => Promise<void> }> {
  const target = new URL(upstream);
  const list: Transfer[] = [];
  const started = Date.now();
  const server = createServer((request, response) => {
    const forward = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: request.url,
        method: request.method,
        headers: { ...request.headers, host: target.host },
      },
      (upstreamResponse) => {
        let bytes = 0;
        upstreamResponse.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
        });
        upstreamResponse.on('end', () => {
          const url = new URL(request.url ?? '/', 'http://proxy');
          list.push({
            url: url.href,
            path: url.pathname + url.search,
            type: String(upstreamResponse.headers['content-type'] ?? ''),
            status: upstreamResponse.statusCode ?? 0,
            bytes,
            encoding: String(upstreamResponse.headers['content-encoding'] ?? ''),
            at: Date.now() - started,
          });
        });
        response.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
        upstreamResponse.pipe(response);
      },
    );
    forward.on('error', () => response.writeHead(502).end());
    request.pipe(forward);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${address.port}/`,
    list,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** Transfers recorded from now on (the proxy's list is shared; measurements run one at a time). */
export function recorder(list: Transfer[]) {
  const start = list.length;
  return { mark: () => list.length, since: (from = start, to = list.length) => list.slice(from, to) };
}

export const sum = (list: readonly Transfer[]) => list.reduce((total, transfer) => total + transfer.bytes, 0);

export function classify(
  transfer: Transfer,
): 'html' | 'css' | 'js' | 'wasm' | 'json' | 'index' | 'fragment' | 'image' | 'other' {
  const path = transfer.path.split('?')[0] ?? '';
  if (path.endsWith('.css')) return 'css';
  if (path.endsWith('.js') || path.endsWith('.mjs')) return 'js';
  if (path.includes('wasm')) return 'wasm';
  if (path.endsWith('.json') || path.endsWith('.pf_meta') || path.endsWith('.pf_filter')) return 'json';
  if (path.endsWith('.pf_index')) return 'index';
  if (path.endsWith('.pf_fragment')) return 'fragment';
  if (/\.(svg|png|jpe?g|webp|avif|gif|ico)$/.test(path)) return 'image';
  if (transfer.type === 'Document' || path.endsWith('/') || path.endsWith('.html')) return 'html';
  return 'other';
}

export interface PageWeight {
  path: string;
  requests: number;
  bytes: number;
  byType: Record<string, number>;
  transfers: Transfer[];
  /** Requests for search code or data before any intent (must be none). */
  searchBeforeIntent: string[];
  /**
   * The service worker script (registered after load for offline reading): not part of the
   * page's transfers or budget, reported and held to its own budget (SERVICE_WORKER_MAX_BYTES).
   */
  serviceWorker: Transfer[];
}

const isServiceWorker = (transfer: Transfer) => /\/sw\.js$/.test(transfer.path.split('?')[0] ?? '');

// The search chunk, its data and index, and the dialog's stylesheet (src/styles/search.css → _astro/search.*.css).
const isSearchRequest = (transfer: Transfer) =>
  /\/pagefind\/|search-ui|search-data|\/_astro\/search\./.test(transfer.path);

/** Load `path` in a fresh context (empty cache), wait for the network to settle, scroll to the end. */
export async function measurePage(
  browser: Browser,
  origin: string,
  list: Transfer[],
  path: string,
  viewport = { width: 1280, height: 900 },
): Promise<PageWeight> {
  const context = await browser.newContext({ viewport, locale: 'zh-TW', colorScheme: 'light' });
  const page = await context.newPage();
  try {
    const rec = recorder(list);
    await page.goto(new URL(path, origin).href, { waitUntil: 'networkidle' });
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(300);
    await page.waitForLoadState('networkidle');
    const all = rec.since();
    const transfers = all.filter((transfer) => !isServiceWorker(transfer));
    const byType: Record<string, number> = {};
    for (const transfer of transfers) byType[classify(transfer)] = (byType[classify(transfer)] ?? 0) + transfer.bytes;
    return {
      path,
      requests: transfers.length,
      bytes: sum(transfers),
      byType,
      transfers,
      searchBeforeIntent: transfers.filter(isSearchRequest).map((transfer) => transfer.path),
      serviceWorker: all.filter(isServiceWorker),
    };
  } finally {
    await context.close();
  }
}

export interface SearchPhases {
  /** Bytes on hover/focus of the search button (the UI chunk). */
  intent: { bytes: number; requests: number; files: string[] };
  /** Bytes from opening the dialog to the first query's results (Pagefind, wasm, data, chunks). */
  firstResults: { bytes: number; requests: number; byType: Record<string, number>; files: string[] };
  /** intent + firstResults. */
  total: { bytes: number; requests: number };
  /** Bytes for a second, different query. */
  secondQuery: { bytes: number; requests: number };
  hits: number;
}

async function waitForOutcome(page: Page, query: string, timeout = 30_000) {
  await page.waitForFunction(
    (q) => {
      const status = document.getElementById('search-status')?.textContent ?? '';
      return status.includes(q) || (document.querySelectorAll('.search-hit').length > 0 && status !== '');
    },
    query,
    { timeout },
  );
}

/** Open search the way a reader does (hover, click), type `query`, wait for results; count bytes per phase. */
export async function measureSearch(
  browser: Browser,
  origin: string,
  list: Transfer[],
  path: string,
  query: string,
  second: string,
): Promise<SearchPhases> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-TW' });
  const page = await context.newPage();
  try {
    await page.goto(new URL(path, origin).href, { waitUntil: 'networkidle' });
    await page.waitForTimeout(300);
    const loaded = list.length;
    const uiLoaded = page
      .waitForResponse((response) => /search-ui/.test(response.url()), { timeout: 5000 })
      .catch(() => undefined);
    await page.hover('#search-button');
    await uiLoaded;
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    const hovered = list.length;
    await page.click('#search-button');
    await page.waitForSelector('#search-input', { state: 'visible' });
    await page.keyboard.type(query);
    await waitForOutcome(page, query);
    await page.waitForTimeout(300);
    await page.waitForLoadState('networkidle');
    const hits = await page.locator('.search-hit').count();
    const searched = list.length;
    await page.fill('#search-input', '');
    await page.keyboard.type(second);
    await waitForOutcome(page, second);
    await page.waitForTimeout(300);
    await page.waitForLoadState('networkidle');
    // The service worker registers after load, whenever the browser gets to it: not search's.
    const phase = (from: number, to?: number) => list.slice(from, to).filter((t) => !isServiceWorker(t));
    const intent = phase(loaded, hovered);
    const first = phase(hovered, searched);
    const again = phase(searched);
    const byType: Record<string, number> = {};
    for (const transfer of first) byType[classify(transfer)] = (byType[classify(transfer)] ?? 0) + transfer.bytes;
    return {
      intent: { bytes: sum(intent), requests: intent.length, files: intent.map((t) => `${t.path} ${t.bytes}`) },
      firstResults: {
        bytes: sum(first),
        requests: first.length,
        byType,
        files: first.map((t) => `${t.path} ${t.bytes}`),
      },
      total: { bytes: sum(intent) + sum(first), requests: intent.length + first.length },
      secondQuery: { bytes: sum(again), requests: again.length },
      hits,
    };
  } finally {
    await context.close();
  }
}

/**
 * Latency from the last keystroke to that query's results in the page, measured inside the
 * page with performance.now(). Includes the UI's input debounce, as a reader experiences it.
 *
 * The clock starts at the `input` event of the keystroke that completes the query (its
 * `timeStamp`, seen in the capture phase before the UI's own listener runs) and stops when the
 * status names this query (「…」 around the normalised query, as every status the UI writes
 * does): the UI writes the status and the result list in one task, so the list is in the DOM
 * then. With no debounce every keystroke renders its own results, so the first status after
 * the last keystroke may still be an earlier prefix's (秘書 before 秘書處): those do not count.
 * `frameMs` adds the next frame (a task queued from requestAnimationFrame runs after paint).
 */
async function timeQuery(
  page: Page,
  query: string,
  settle = true,
): Promise<{ ms: number; frameMs: number; hits: number }> {
  if (settle) {
    await page.fill('#search-input', '');
    // The emptied query renders an empty status (after the debounce, if any).
    await page.waitForFunction(() => (document.getElementById('search-status')?.textContent ?? '').trim() === '');
  }
  const expected = `「${echoOf(query)}」`;
  await page.evaluate(
    ({ full, expected }) => {
      const bench = { last: 0, done: 0, frame: 0 };
      (window as unknown as { __bench: typeof bench }).__bench = bench;
      const input = document.getElementById('search-input') as HTMLInputElement;
      const status = document.getElementById('search-status') as HTMLElement;
      // (No named functions in here: tsx would wrap them in a helper the page does not have.)
      addEventListener(
        'input',
        (event) => {
          if (bench.last === 0 && event.target === input && input.value === full) bench.last = event.timeStamp;
        },
        true,
      );
      const observer = new MutationObserver(() => {
        if (bench.last === 0 || !(status.textContent ?? '').includes(expected)) return;
        bench.done = performance.now();
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => (bench.frame = performance.now())));
      });
      observer.observe(status, { childList: true, characterData: true, subtree: true });
    },
    { full: query, expected },
  );
  await page.keyboard.type(query);
  await page.waitForFunction(() => (window as unknown as { __bench: { frame: number } }).__bench.frame > 0, undefined, {
    timeout: 30_000,
  });
  const { ms, frameMs } = await page.evaluate(() => {
    const b = (window as unknown as { __bench: { last: number; done: number; frame: number } }).__bench;
    return { ms: b.done - b.last, frameMs: b.frame - b.last };
  });
  return { ms, frameMs, hits: await page.locator('.search-hit').count() };
}

export interface SearchLatency {
  /** Last keystroke → this query's results in the DOM, per query. */
  coldMs: number[];
  warmMs: number[];
  coldMedian: number;
  warmMedian: number;
  /** The same to the next frame after the results (about when they are painted). */
  coldFrameMedian: number;
  warmFrameMedian: number;
  /** Queries that found something, of those run warm. */
  warmWithHits: number;
  queries: number;
  /** Times `/` did not open search (retried in a fresh page), with what the page saw. */
  openFailures: string[];
}

export const median = (values: readonly number[]) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/**
 * A fresh context on `url` with the search dialog open (by `/`) and its input ready. When the
 * dialog does not open, the error says what the page saw (errors, failed requests, focus).
 */
async function openSearchOn(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-TW' });
  const page = await context.newPage();
  const seen: string[] = [];
  page.on('pageerror', (error) => seen.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') seen.push(`console: ${message.text()}`);
  });
  page.on('requestfailed', (request) => seen.push(`failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) seen.push(`navigated: ${frame.url()}`);
  });
  try {
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.keyboard.press('/');
    await page.waitForSelector('#search-input', { state: 'visible', timeout: 15_000 });
  } catch (error) {
    const focus = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120)).catch(() => '?');
    await context.close();
    throw new Error(
      `search did not open on ${url}: ${String(error).split('\n')[0]}; focus ${focus}; ${seen.join('; ')}`,
      { cause: error },
    );
  }
  return { context, page };
}

/** openSearchOn, tried up to three times; each failure is kept for the report. */
async function openSearchRetrying(browser: Browser, url: string, failures: string[]) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await openSearchOn(browser, url);
    } catch (error) {
      failures.push(String(error));
      if (attempt === 3) throw error;
    }
  }
}

/** Cold: a fresh context per query, search opened with `/` and the query typed at once. Warm: all queries in one page. */
export async function measureLatency(
  browser: Browser,
  origin: string,
  path: string,
  queries: readonly string[],
): Promise<SearchLatency> {
  const coldMs: number[] = [];
  const coldFrameMs: number[] = [];
  const openFailures: string[] = [];
  for (const query of queries) {
    const { context, page } = await openSearchRetrying(browser, new URL(path, origin).href, openFailures);
    try {
      // Typed at once: the first query also waits for whatever search still has to load.
      const { ms, frameMs } = await timeQuery(page, query, false);
      coldMs.push(ms);
      coldFrameMs.push(frameMs);
    } finally {
      await context.close();
    }
  }
  const warmMs: number[] = [];
  const warmFrameMs: number[] = [];
  let warmWithHits = 0;
  const { context, page } = await openSearchRetrying(browser, new URL(path, origin).href, openFailures);
  try {
    await timeQuery(page, queries[0] ?? 'APEC'); // warm the engine up
    for (const query of queries) {
      const { ms, frameMs, hits } = await timeQuery(page, query);
      warmMs.push(ms);
      warmFrameMs.push(frameMs);
      if (hits > 0) warmWithHits++;
    }
  } finally {
    await context.close();
  }
  return {
    coldMs,
    warmMs,
    coldMedian: median(coldMs),
    warmMedian: median(warmMs),
    coldFrameMedian: median(coldFrameMs),
    warmFrameMedian: median(warmFrameMs),
    warmWithHits,
    queries: queries.length,
    openFailures,
  };
}
