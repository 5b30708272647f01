/**
 * Budgets (src/budgets.ts) in a real Chromium, on bytes as sent by the CDN stand-in
 * (tools/serve.ts, brotli): what a page transfers before search, that nothing of search
 * loads before the reader shows intent, and what search transfers up to the first results.
 * Bytes are counted by a proxy in front of the server, so requests from Pagefind's worker
 * count too.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { BUDGET_QUERIES, KB, PAGE_BUDGETS, SEARCH_BUDGET, pageTypeOf } from '../../src/budgets';
import {
  classify,
  countingProxy,
  measurePage,
  measureSearch,
  recorder,
  type Transfer,
} from '../../tools/bench/browser';
import { launch } from '../support/browser';
import { builtPages, contentPages } from '../build/helpers';

const siteUrl = inject('siteUrl');
const kb = (bytes: number) => `${(bytes / KB).toFixed(2)} KB`;
const built = await builtPages();
const content = (await contentPages()).filter((page) => built.includes(page) && pageTypeOf(page) === 'content');
const samples = [...new Set(['/', content[0], content[Math.floor(content.length / 2)], '/404.html'])].filter(
  (page): page is string => !!page && built.includes(page),
);

let browser: Browser;
let proxy: Awaited<ReturnType<typeof countingProxy>>;

beforeAll(async () => {
  browser = await launch(inject('chromiumPath'));
  proxy = await countingProxy(siteUrl);
});
afterAll(async () => {
  await browser?.close();
  await proxy?.close();
});

const describeList = (list: readonly Transfer[]) =>
  list.map((t) => `${t.path} ${kb(t.bytes)}${t.encoding ? ` ${t.encoding}` : ''}`).join(', ');

describe('before search (transferred, brotli)', () => {
  test.each(samples)('%s', async (page) => {
    const weight = await measurePage(browser, proxy.origin, proxy.list, page.slice(1));
    const type = pageTypeOf(page);
    const budget = PAGE_BUDGETS[type];
    const problems: string[] = [];
    const counted = weight.transfers.filter((t) => ['html', 'css', 'js'].includes(classify(t)));
    const bytes = counted.reduce((total, t) => total + t.bytes, 0);
    if (bytes > budget.total)
      problems.push(
        `${page}: transferred HTML + CSS + JS ${kb(bytes)} (${describeList(counted)}), over the ${type} page budget ${kb(budget.total)}`,
      );
    if (weight.requests > budget.requests)
      problems.push(
        `${page}: ${weight.requests} requests (${describeList(weight.transfers)}), over the ${type} page budget ${budget.requests}`,
      );
    for (const path of weight.searchBeforeIntent)
      problems.push(`${page}: ${path} loaded before the reader showed any intent to search`);
    for (const t of weight.transfers) {
      if (/\.(css|js|html)$|\/$/.test(t.path.split('?')[0]!) && t.bytes > 256 && t.encoding !== 'br')
        problems.push(`${page}: ${t.path} sent without brotli`);
    }
    expect(problems).toEqual([]);
  });
});

test("the service worker, starting after load, asks the network for nothing of the open page's", async () => {
  // The page's own favicon request made late, as under load: the worker has started by then and
  // keeps the open page from the HTTP cache only, so the server still sees each file once.
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.route('**/favicon.svg', async (route) => {
      await new Promise((done) => setTimeout(done, 700));
      await route.continue();
    });
    const rec = recorder(proxy.list);
    await page.goto(proxy.origin, { waitUntil: 'networkidle' });
    await page.waitForFunction(
      async () => (await navigator.serviceWorker.getRegistration())?.active?.state === 'activated',
    );
    await page.waitForLoadState('networkidle');
    const paths = rec.since().map((t) => t.path);
    expect(paths.filter((path) => path === '/favicon.svg')).toHaveLength(1);
    expect(paths.filter((path) => path !== '/sw.js').length).toBeLessThanOrEqual(
      PAGE_BUDGETS[pageTypeOf('/')].requests,
    );
  } finally {
    await context.close();
  }
});

describe('search, from intent to the first results', () => {
  const page = content[0] ?? '/';
  test.each(BUDGET_QUERIES)('query %s', async (query) => {
    const phases = await measureSearch(
      browser,
      proxy.origin,
      proxy.list,
      page.slice(1),
      query,
      BUDGET_QUERIES.find((q) => q !== query) ?? query,
    );
    const problems: string[] = [];
    if (phases.hits === 0)
      problems.push(`${page}: query ${query} found nothing; the budget needs a query with results`);
    if (phases.total.bytes > SEARCH_BUDGET.firstResultsMeasured) {
      problems.push(
        `${page}: search for ${query} transferred ${kb(phases.total.bytes)} in ${phases.total.requests} requests, over the budget ${kb(SEARCH_BUDGET.firstResultsMeasured)}: ` +
          [...phases.intent.files, ...phases.firstResults.files]
            .map((file) => file.replace(/ (\d+)$/, (_, n: string) => ` ${kb(Number(n))}`))
            .join(', '),
      );
    }
    if (phases.total.requests > SEARCH_BUDGET.firstResultsRequests) {
      problems.push(
        `${page}: search for ${query} made ${phases.total.requests} requests, over the budget ${SEARCH_BUDGET.firstResultsRequests}`,
      );
    }
    expect(problems).toEqual([]);
  });
});
