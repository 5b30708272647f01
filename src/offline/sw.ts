/**
 * The service worker (built into `<base>sw.js` by src/integrations/offline.ts, typed with the
 * WebWorker lib by src/offline/tsconfig.json). Its scope is the base path.
 *
 * - Pages (and every other file whose name does not change with its content): network first;
 *   what arrives is kept, and the copy is used only when the network fails.
 * - Content-hashed files (`_astro/`, Pagefind's index, fragments, filters and .pf_meta): cache first.
 * - Nothing is fetched ahead until the page asks (`{ get: 'hant' }` from 「離線閱讀」), except the
 *   pages open when the worker first starts, taken from the browser's own HTTP cache only
 *   (`only-if-cached`: what is not there yet, such as a favicon still loading, is left out). The
 *   worker starts right after load; a fetch of its own that reached the network would be a second
 *   request for a file the page is loading (the budget test once saw favicon.svg twice).
 * - Each build has its own cache (`VERSION` is a hash of what the build ships). A new worker
 *   fetches the new build of whatever the old cache held (visited pages, downloaded editions);
 *   only if that all arrives does it install, and once the old one lets go it deletes the old caches.
 * - Save-Data (the browser's `Save-Data: on` header on the pages it asks for, or
 *   `navigator.connection.saveData`): a new worker downloads nothing by itself. It keeps the old
 *   build's copy as it is (pages are still network-first, so online readers get the new build) and
 *   marks each downloaded edition's list `x-outdated`; the 離線閱讀 control then says so and offers
 *   the download again (src/client/offline-ui.ts).
 * - While an edition's copy is kept, the search bundle's files whose names do not change with
 *   their content (Pagefind's loader, entry, wasm, our search-data.json: `pagefind/` but not
 *   HASHED) are written only by `download`: network first still answers online readers, but what
 *   arrives is not kept. Those files name the build's hashed fragments and index; a newer build's
 *   copy beside an older build's fragments (Save-Data's kept copy, or an old worker still
 *   answering after a deploy) would make offline search miss pages. Kept as a whole, the copy
 *   answers offline as its own build did until the reader updates it.
 */
/// <reference lib="webworker" />
export type {};

declare const self: ServiceWorkerGlobalScope;
/** Build-time constants (esbuild `define`). */
declare const VERSION: string;
declare const KILL_SWITCH: boolean;
/** [Traditional, Simplified] words for the offline page: lang, title, heading, missing, none. */
declare const PAGE_TEXT: [string, string, string, string, string][];
/** Edition id and path prefix under the base path: [['hant', ''], ['hans', 'zh-hans/']]. */
declare const EDITIONS: [string, string][];

const scope = new URL(self.registration.scope).pathname;
const PREFIX = `apec ${self.registration.scope} `;
const CACHE = PREFIX + VERSION;
const HASHED = /\/_astro\/|\/pagefind\/(fragment|index|filter)\/|\.pf_meta$/;
/** Files of the search bundle that name other files by hash: kept only with the copy they belong to. */
const SEARCH_BUNDLE = /\/pagefind\//;
const ASSET = /(?:href|src)="([^"]*\/(?:_astro\/[^"]+|favicon\.svg))"/g;
const manifestUrl = (edition: string) => `${scope}offline/${edition}.json`;
/** Kept in the cache while the browser asks to save data, so that the next build's worker knows at install. */
const SAVE_DATA = `${scope}offline/save-data`;

/** The URL a response is kept under: no query (`?highlight=`, Pagefind's `?ts=`), no fragment. */
const keyOf = (url: string) => {
  const parsed = new URL(url, self.location.href);
  return parsed.origin + parsed.pathname;
};

const keepable = (response: Response) => response.ok && response.type === 'basic' && !response.redirected;

/**
 * This build's cache, or undefined once a newer worker (or the kill switch) deleted it: a worker
 * still answering an open page must not bring an old build's cache back.
 */
const ownCache = async () => ((await caches.has(CACHE)) ? caches.open(CACHE) : undefined);

async function fetchInto(cache: Cache | undefined, request: Request | string, init?: RequestInit): Promise<Response> {
  const response = await fetch(request, init);
  if (cache && keepable(response))
    await cache.put(keyOf(typeof request === 'string' ? request : request.url), response.clone());
  return response;
}

/**
 * A response the reader asked for, kept on the way when `cache` is given. Keeping is not the
 * network: a write that fails (a full disk's QuotaExceededError) still hands over the response
 * that arrived, rather than an older copy or an error.
 */
async function passOn(cache: Cache | undefined, request: Request, response: Response): Promise<Response> {
  if (cache && keepable(response)) await cache.put(keyOf(request.url), response.clone()).catch(() => undefined);
  return response;
}

/** Only what the browser's HTTP cache holds; a miss fails without a request. */
const FROM_HTTP_CACHE: RequestInit = { cache: 'only-if-cached', mode: 'same-origin' };

/**
 * Keep a page and the stylesheet and scripts it links (fetched only when not kept already).
 * From the HTTP cache (FROM_HTTP_CACHE), an asset not there is skipped rather than failing the page.
 */
async function keepPage(cache: Cache, url: string, init?: RequestInit): Promise<void> {
  const response = await fetchInto(cache, url, init);
  if (!keepable(response) || !response.headers.get('content-type')?.includes('html')) return;
  for (const [, asset] of (await response.text()).matchAll(ASSET)) {
    const assetUrl = new URL(asset!, url).href;
    if (await cache.match(assetUrl)) continue;
    const kept = fetchInto(cache, assetUrl, init);
    await (init === FROM_HTTP_CACHE ? kept.catch(() => undefined) : kept);
  }
}

/** Run `task` over `items`, six at a time. */
async function each<T>(items: readonly T[], task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: 6 }, lane));
}

/** Download an edition's list into `cache`, then record when (the list kept last marks it complete). */
async function download(cache: Cache, edition: string, progress: (n: number, total: number) => void): Promise<string> {
  const listResponse = await fetch(manifestUrl(edition), { cache: 'no-cache' });
  if (!listResponse.ok) throw new Error(`${manifestUrl(edition)}: ${listResponse.status}`);
  const { files } = (await listResponse.clone().json()) as { files: string[] };
  let done = 0;
  await each(files, async (file) => {
    // Only content-hashed files are never out of date: a page kept earlier may be an older build's.
    if (!HASHED.test(file) || !(await cache.match(file))) {
      const response = await fetchInto(cache, file);
      if (!response.ok) throw new Error(`${file}: ${response.status}`);
    }
    progress(++done, files.length);
  });
  const saved = new Date().toISOString();
  await cache.put(
    manifestUrl(edition),
    new Response(await listResponse.blob(), { headers: { 'content-type': 'application/json', 'x-saved': saved } }),
  );
  return saved;
}

/**
 * Remove an edition's copy, keeping files another downloaded edition still lists, and the site
 * icon (the offline page shows it; without one the browser asks for a favicon.ico that cannot load).
 */
async function remove(cache: Cache, edition: string): Promise<void> {
  const keep = new Set([`${scope}favicon.svg`]);
  let files: string[] = [];
  for (const [id] of EDITIONS) {
    const list = await cache.match(manifestUrl(id));
    if (!list) continue;
    const listed = ((await list.json()) as { files: string[] }).files;
    if (id === edition) files = listed;
    else listed.forEach((file) => keep.add(file));
  }
  await each(files, async (file) => {
    if (!keep.has(file)) await cache.delete(file);
  });
  await cache.delete(manifestUrl(edition));
}

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * Offline, a page never kept: say so, and link the kept pages of the same edition (or of any
 * edition when it has none). Status 200: the worker answered, and a 5xx would be logged as an error.
 */
async function offlinePage(url: URL): Promise<Response> {
  const editionOf = (path: string) => EDITIONS.findLastIndex(([, prefix]) => path.startsWith(scope + prefix));
  const edition = editionOf(url.pathname);
  const [lang, title, heading, missing, none] = PAGE_TEXT[edition]!;
  const cache = await ownCache();
  const links: string[][] = EDITIONS.map(() => []);
  let stylesheet = '';
  let csp = '';
  for (const request of ((await cache?.keys()) ?? []).slice(0, 500)) {
    const path = new URL(request.url).pathname;
    if (!path.endsWith('/')) continue;
    const response = (await cache!.match(request))!;
    const html = await response.text();
    csp ||= response.headers.get('content-security-policy') ?? '';
    stylesheet ||= /<link rel="stylesheet" href="([^"]+)"/.exec(html)?.[1] ?? '';
    const name = /<title>([^<｜]*)/.exec(html)?.[1] ?? escapeHtml(path);
    links[editionOf(path)]!.push(`<li><a href="${escapeHtml(path)}">${name}</a></li>`);
  }
  const list = links[edition]!.length ? links[edition]! : links.flat();
  const body = `<!doctype html><html lang="${lang}"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>${
    (await cache?.match(`${scope}favicon.svg`)) ? `<link rel="icon" href="${scope}favicon.svg">` : ''
  }${
    stylesheet && `<link rel="stylesheet" href="${stylesheet}">`
  }<main id="main" class="not-found"><h1>${heading}</h1><p>${list.length ? missing : none}</p><ul>${list.join('')}</ul></main></html>`;
  const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' };
  if (csp) headers['content-security-policy'] = csp;
  return new Response(body, { headers });
}

/** The browser says it saves data (worker-side; Chromium exposes the Network Information API here). */
const connectionSavesData = () =>
  (self.navigator as { connection?: { saveData?: boolean } }).connection?.saveData === true;

let savingData: boolean | undefined;

/** Remember whether the reader's browser asks to save data, as the pages it opens say (write only on change). */
async function noteSaveData(cache: Cache | undefined, request: Request): Promise<void> {
  const on = request.headers.get('save-data') === 'on' || connectionSavesData();
  if (!cache || on === savingData) return;
  savingData = on;
  await (on ? cache.put(SAVE_DATA, new Response('on')) : cache.delete(SAVE_DATA));
}

/** Some edition's copy is kept in `cache` (its list is there). */
async function holdsCopy(cache: Cache): Promise<boolean> {
  for (const [edition] of EDITIONS) if (await cache.match(manifestUrl(edition))) return true;
  return false;
}

async function networkFirst(request: Request): Promise<Response> {
  const cache = await ownCache();
  if (request.mode === 'navigate') await noteSaveData(cache, request);
  // A kept copy's search files change only with the whole copy (see the header).
  const keepInto =
    cache && SEARCH_BUNDLE.test(new URL(request.url).pathname) && (await holdsCopy(cache)) ? undefined : cache;
  let response: Response;
  try {
    // The request itself: a navigation keeps its redirect mode (a followed redirect may not answer it).
    response = await fetch(request);
  } catch (error) {
    const kept = await cache?.match(request, { ignoreSearch: true });
    if (kept) return kept;
    if (request.mode === 'navigate') return offlinePage(new URL(request.url));
    throw error;
  }
  return passOn(keepInto, request, response);
}

async function cacheFirst(request: Request): Promise<Response> {
  const cache = await ownCache();
  return (await cache?.match(request, { ignoreSearch: true })) ?? passOn(cache, request, await fetch(request));
}

/**
 * Save-Data: an older build's cache copied as it is, nothing fetched; each downloaded edition's
 * list marked `x-outdated`, so the page can offer the new build instead of fetching it unasked.
 */
async function keepAsItIs(old: Cache, cache: Cache): Promise<void> {
  const lists = EDITIONS.map(([edition]) => manifestUrl(edition));
  await each(await old.keys(), async (request) => {
    const response = (await old.match(request))!;
    if (!lists.includes(new URL(request.url).pathname)) return cache.put(request, response);
    const headers = new Headers(response.headers);
    headers.set('x-outdated', '1');
    await cache.put(request, new Response(await response.blob(), { headers }));
  });
}

/**
 * The new build of everything an older build's cache held; throws (install fails) when offline.
 * With Save-Data, the older copy as it is instead (keepAsItIs).
 */
async function carryOver(): Promise<void> {
  const cache = await caches.open(CACHE);
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name === CACHE) continue;
    const old = await caches.open(name);
    if (connectionSavesData() || (await old.match(SAVE_DATA))) {
      await keepAsItIs(old, cache);
      continue;
    }
    for (const [edition] of EDITIONS)
      if (await old.match(manifestUrl(edition))) await download(cache, edition, () => {});
    const pages = (await old.keys()).map((request) => request.url).filter((url) => /\/$|\.html$/.test(url));
    await each(pages, async (page) => {
      if (!(await cache.match(page))) await keepPage(cache, page);
    });
  }
}

if (KILL_SWITCH) {
  // OFFLINE=0: remove this site's caches and the worker itself; pages go straight to the network.
  self.addEventListener('install', () => void self.skipWaiting());
  self.addEventListener('activate', (event) =>
    event.waitUntil(
      (async () => {
        for (const name of await caches.keys()) if (name.startsWith(PREFIX)) await caches.delete(name);
        await self.registration.unregister();
      })(),
    ),
  );
} else {
  self.addEventListener('install', (event) => event.waitUntil(carryOver()));

  self.addEventListener('activate', (event) =>
    event.waitUntil(
      (async () => {
        for (const name of await caches.keys())
          if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
        // Pages opened before any worker ran: keep them too, from the browser's HTTP cache only.
        const cache = await caches.open(CACHE);
        for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) {
          if (!(await cache.match(keyOf(client.url))))
            await keepPage(cache, client.url, FROM_HTTP_CACHE).catch(() => undefined);
        }
      })(),
    ),
  );

  self.addEventListener('fetch', (event) => {
    const { request } = event;
    const url = new URL(request.url);
    if (request.method !== 'GET' || url.origin !== self.location.origin || !url.pathname.startsWith(scope)) return;
    event.respondWith(HASHED.test(url.pathname) ? cacheFirst(request) : networkFirst(request));
  });

  // From the page's 「離線閱讀」 control: { get: edition } or { drop: edition }; replies go to that page.
  self.addEventListener('message', (event) => {
    const { get, drop } = (event.data ?? {}) as { get?: string; drop?: string };
    const edition = EDITIONS.find(([id]) => id === (get ?? drop))?.[0];
    if (!edition) return;
    const reply = (message: object) => event.source?.postMessage(message);
    event.waitUntil(
      // This build's cache only if it still exists (ownCache): a newer worker may have deleted it.
      ownCache()
        .then(async (cache) => {
          if (!cache) throw new Error(`${CACHE}: deleted by a newer worker`);
          if (get) reply({ saved: await download(cache, edition, (n, total) => reply({ n, total })) });
          else reply({ removed: await remove(cache, edition).then(() => true) });
        })
        .catch(() => reply({ failed: true })),
    );
  });
}
