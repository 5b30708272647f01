/**
 * The service worker (src/offline/sw.ts, bundled as the build bundles it) run in Node against a
 * small in-memory CacheStorage and a fetch stub: what a reader gets when keeping a copy fails,
 * and what the 「離線閱讀」 message does once a newer worker has deleted this build's cache.
 * The browser tests (tests/e2e/offline.test.ts) cover the worker in Chromium.
 */
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { buildWorker } from '../../src/integrations/offline';

const SCOPE = 'https://site.test/';
const VERSION = 'v1';
const CACHE = `apec ${SCOPE} ${VERSION}`;

const keyOf = (request: string | { url: string }, ignoreSearch = false) => {
  const url = new URL(typeof request === 'string' ? request : request.url, SCOPE);
  return url.origin + url.pathname + (ignoreSearch ? '' : url.search);
};

/** A Cache that keeps responses in memory; `full` makes put() fail as a full disk does. */
class MemoryCache {
  readonly entries = new Map<string, Response>();
  full = false;
  async put(request: string | { url: string }, response: Response) {
    if (this.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.entries.set(keyOf(request), response);
  }
  async match(request: string | { url: string }, options: { ignoreSearch?: boolean } = {}) {
    const key = keyOf(request, options.ignoreSearch);
    for (const [stored, response] of this.entries)
      if (keyOf(stored, options.ignoreSearch) === key) return response.clone();
    return undefined;
  }
  async keys() {
    return [...this.entries.keys()].map((url) => ({ url }));
  }
  async delete(request: string | { url: string }) {
    return this.entries.delete(keyOf(request));
  }
}

class MemoryCacheStorage {
  readonly named = new Map<string, MemoryCache>();
  async has(name: string) {
    return this.named.has(name);
  }
  async open(name: string) {
    let cache = this.named.get(name);
    if (!cache) this.named.set(name, (cache = new MemoryCache()));
    return cache;
  }
  async keys() {
    return [...this.named.keys()];
  }
  async delete(name: string) {
    return this.named.delete(name);
  }
}

/** A same-origin network response, as the worker's keepable() expects one. */
const fromNetwork = (body: string, type = 'text/html; charset=utf-8') => {
  const response = new Response(body, { headers: { 'content-type': type } });
  Object.defineProperty(response, 'type', { value: 'basic' });
  return response;
};

type Listener = (event: Record<string, unknown>) => void;

/** The worker started in a fresh context; `network` answers its fetches. */
async function startWorker(network: (url: string) => Promise<Response>) {
  const listeners = new Map<string, Listener>();
  const caches = new MemoryCacheStorage();
  const self = {
    registration: { scope: SCOPE, unregister: async () => true },
    location: new URL('sw.js', SCOPE),
    navigator: {},
    clients: { matchAll: async () => [] },
    skipWaiting: async () => undefined,
    addEventListener: (type: string, listener: Listener) => listeners.set(type, listener),
  };
  const source = await buildWorker({ version: VERSION, killSwitch: false });
  runInNewContext(source, {
    self,
    caches,
    fetch: (request: string | { url: string }) => network(typeof request === 'string' ? request : request.url),
    Response,
    Request,
    Headers,
    URL,
    DOMException,
    console,
  });
  /** A GET from a page: the worker's answer. */
  const get = (path: string, mode = 'navigate') => {
    let answer: Promise<Response> | undefined;
    listeners.get('fetch')!({
      request: { url: new URL(path, SCOPE).href, method: 'GET', mode, headers: new Headers() },
      respondWith: (response: Promise<Response>) => (answer = response),
    });
    if (!answer) throw new Error(`the worker did not answer ${path}`);
    return answer;
  };
  /** A message from the 「離線閱讀」 control: the worker's replies, once it is done. */
  const message = async (data: object) => {
    const replies: object[] = [];
    let work: Promise<unknown> = Promise.resolve();
    listeners.get('message')!({
      data,
      source: { postMessage: (reply: object) => replies.push(reply) },
      waitUntil: (promise: Promise<unknown>) => (work = promise),
    });
    await work;
    return replies;
  };
  return { caches, get, message };
}

describe('keeping a copy fails (a full disk): the reader still gets what the network sent', () => {
  test('network first (a page): the new page, not the kept older copy', async () => {
    const worker = await startWorker(async () => fromNetwork('<p>new</p>'));
    const cache = await worker.caches.open(CACHE);
    await cache.put(`${SCOPE}founding/`, fromNetwork('<p>old</p>'));
    cache.full = true;
    const response = await worker.get('founding/');
    await expect(response.text()).resolves.toBe('<p>new</p>');
  });

  test('cache first (a content-hashed file): the file, not a failed request', async () => {
    const worker = await startWorker(async () => fromNetwork('console.log(1)', 'text/javascript'));
    (await worker.caches.open(CACHE)).full = true;
    const response = await worker.get('_astro/site.abc123.js', 'no-cors');
    await expect(response.text()).resolves.toBe('console.log(1)');
  });

  test('with room, both paths keep what they fetched', async () => {
    const worker = await startWorker(async (url) => fromNetwork(url));
    await worker.caches.open(CACHE); // as the install step leaves it
    await (await worker.get('founding/')).text();
    await (await worker.get('_astro/site.abc123.js', 'no-cors')).text();
    const kept = [...(await worker.caches.open(CACHE)).entries.keys()];
    expect(kept).toEqual([`${SCOPE}founding/`, `${SCOPE}_astro/site.abc123.js`]);
  });
});

describe('the 「離線閱讀」 message', () => {
  test('after a newer worker deleted this build’s cache, it does not bring the cache back', async () => {
    const fetched: string[] = [];
    const worker = await startWorker(async (url) => {
      fetched.push(url);
      return fromNetwork(JSON.stringify({ files: [] }), 'application/json');
    });
    const replies = await worker.message({ get: 'hant' });
    expect(await worker.caches.keys()).toEqual([]);
    expect(fetched).toEqual([]);
    expect(replies).toEqual([{ failed: true }]);
  });

  test('with its cache there, it downloads the edition’s list and says when', async () => {
    const worker = await startWorker(async () => fromNetwork(JSON.stringify({ files: [] }), 'application/json'));
    await worker.caches.open(CACHE);
    const replies = await worker.message({ get: 'hant' });
    expect(replies).toEqual([{ saved: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }]);
    expect(await (await worker.caches.open(CACHE)).match(`${SCOPE}offline/hant.json`)).toBeDefined();
  });
});
