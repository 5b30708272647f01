/**
 * Offline reading in Chromium at the site root, the network cut with Playwright's
 * context.setOffline: a page opened once reloads offline; after 「離線閱讀」 every page of the
 * edition opens and search answers as it does online, in both editions; the control removes the
 * copy. Deploys under a sub-path (a changed deploy, OFFLINE=0, Save-Data) are in subpath.test.ts,
 * which shares its sub-path build with the navigation test there. The CSP is enforced throughout
 * (openPage reports violations as problems).
 */
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { runQuery } from '../../tools/search/eval';
import { loadSets } from '../../tools/search/sets';
import { launch, withWatchedPage } from '../support/browser';
import { downloadCopy, workerReady } from '../support/offline';

const siteUrl = inject('siteUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch(inject('chromiumPath'));
});
afterAll(async () => {
  await browser?.close();
});

describe('at the site root', () => {
  test('a page opened once reloads offline; the worker comes after load and the copy only when asked', async () => {
    await withWatchedPage(browser, siteUrl, {}, async ({ page, context }) => {
      const events: string[] = [];
      context.on('request', (request) => events.push(new URL(request.url()).pathname));
      // Whether the load event had fired when the page registered the worker, seen in the page:
      // Playwright's own 'load' event can reach the test after the request the load handler made.
      await page.addInitScript(() => {
        let loaded = false;
        addEventListener('load', () => (loaded = true), { once: true });
        const container = navigator.serviceWorker;
        const register = container.register.bind(container);
        container.register = (...args: Parameters<ServiceWorkerContainer['register']>) => {
          document.documentElement.dataset['registeredAfterLoad'] ??= String(loaded); // the first call counts
          return register(...args);
        };
      });
      await page.goto(new URL('founding/', siteUrl).href);
      await workerReady(page);
      const heading = await page.locator('h1').textContent();
      expect(events).toContain('/sw.js');
      await expect(page.locator('html').getAttribute('data-registered-after-load')).resolves.toBe('true');
      // Nothing of the offline copy, and nothing of search, before the reader asks.
      expect(events.filter((path) => /\/offline\/|\/pagefind\//.test(path))).toEqual([]);

      await context.setOffline(true);
      await page.reload();
      await expect(page.locator('h1').textContent()).resolves.toBe(heading);
      // Its stylesheet came along: the page is laid out, not raw HTML.
      await expect(page.evaluate(() => getComputedStyle(document.body).marginTop)).resolves.toBe('0px');

      // A page never opened: the worker says so in Chinese and links what is kept.
      await page.goto(new URL('timeline/', siteUrl).href);
      await expect(page.locator('h1').textContent()).resolves.toBe('目前沒有網路連線');
      await expect(page.locator('main').textContent()).resolves.toContain('這一頁還沒有存到這台裝置上');
      const kept = await page.locator('main li a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      expect(kept).toContain('/founding/');
    });
  });

  for (const edition of [
    { name: 'Traditional', prefix: '', unvisited: 'timeline/', missing: '目前沒有網路連線' },
    { name: 'Simplified', prefix: 'zh-hans/', unvisited: 'zh-hans/timeline/', missing: '目前没有网络连接' },
  ]) {
    test(`${edition.name}: after 「離線閱讀」 every page opens offline and search answers as online`, async () => {
      await withWatchedPage(browser, siteUrl, {}, async ({ page, context }) => {
        const start = new URL(`${edition.prefix}overview/`, siteUrl).href;
        await page.goto(start);
        await workerReady(page);
        await downloadCopy(page);
        const list = JSON.parse(
          await readFile(
            new URL(`../../dist/offline/${edition.prefix ? 'hans' : 'hant'}.json`, import.meta.url),
            'utf8',
          ),
        ) as { files: string[] };
        const pages = list.files.filter((file) => file.endsWith('/'));
        expect(pages.length).toBeGreaterThanOrEqual(10);
        expect(pages.every((file) => file.startsWith(`/${edition.prefix}`))).toBe(true);

        // Online answers first, for the comparison: the first query of every group of every query
        // set (the sets themselves run in Node, tests/build/search-sets.test.ts; an emoji-only
        // query leaves the status empty, so runQuery cannot time it).
        const all = [
          ...new Set(
            (await loadSets()).flatMap((set) => Object.values(set.groups).map((group: { q: string }[]) => group[0]!.q)),
          ),
        ].filter((query) => /[\p{L}\p{N}]/u.test(query));
        await page.keyboard.press('/');
        const online: string[][] = [];
        for (const query of all) online.push(await runQuery(page, query));
        expect(online.filter((hits) => hits.length > 0).length).toBeGreaterThan(all.length / 2);

        await context.setOffline(true);
        for (const path of pages) {
          const response = await page.goto(new URL(path.slice(1), siteUrl).href);
          expect(response?.ok(), path).toBe(true);
          await expect(page.locator('h1').first().textContent(), path).resolves.not.toBe(edition.missing);
        }
        await page.goto(start);
        await page.keyboard.press('/');
        const offline: string[][] = [];
        for (const query of all) offline.push(await runQuery(page, query));
        expect(offline).toEqual(online);
      });
    }, 300_000);
  }

  test('the second control removes the copy', async () => {
    await withWatchedPage(browser, siteUrl, {}, async ({ page, context }) => {
      await page.goto(new URL('aims/', siteUrl).href);
      await workerReady(page);
      await downloadCopy(page);
      await page.locator('#offline-drop').click();
      await page.locator('#offline-get').waitFor();
      await expect(page.locator('#offline-status').textContent()).resolves.toBe('已刪除離線版本。');
      const kept = await page.evaluate(async () => {
        const urls: string[] = [];
        for (const name of await caches.keys())
          for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
        return urls;
      });
      expect(kept.filter((path) => path.endsWith('/') || path.includes('pagefind'))).toEqual([]);
      await context.setOffline(true);
      await page.goto(new URL('members/', siteUrl).href);
      await expect(page.locator('h1').textContent()).resolves.toBe('目前沒有網路連線');
    });
  });
});
