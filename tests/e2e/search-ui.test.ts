/**
 * The search dialog's own behaviour in Chromium (ranking is unit-tested in Node): a load failure
 * shows an error with a retry, never 「沒有找到」; the status line echoes the query as typed.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { runQuery } from '../../tools/search/eval';
import { launch, openPage } from '../support/browser';

const siteUrl = inject('siteUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch(inject('chromiumPath'));
});
afterAll(async () => {
  await browser?.close();
});

const status = (page: Page) => page.locator('#search-status');

describe.each([
  ['direct fragments', undefined, '**/pagefind/fragment/**'],
  ['Pagefind wasm index', 0, '**/pagefind/pagefind.js'],
  ['search data (folding, names)', undefined, '**/pagefind/search-data.json'],
] as const)('a load failure (%s)', (_name, scanLimit, blocked) => {
  test('shows an error with a retry, never 「沒有找到」; the retry searches again', async () => {
    const { page, context, problems } = await openPage(browser, siteUrl);
    try {
      await page.goto(new URL('overview/', siteUrl).href);
      if (scanLimit !== undefined)
        await page.evaluate(
          (limit) => (document.documentElement.dataset['searchScanLimit'] = String(limit)),
          scanLimit,
        );
      await page.route(blocked, (route) => route.abort());
      await page.keyboard.press('/');
      await page.locator('#search-input').fill('坎培拉');
      await expect.poll(() => status(page).textContent()).toContain('載入失敗');
      expect(await status(page).textContent()).not.toContain('沒有找到');
      expect(await page.locator('.search-hit').count()).toBe(0);
      await page.unroute(blocked);
      await page.locator('#search-results .search-retry').click();
      await expect.poll(() => page.locator('.search-hit').count()).toBeGreaterThan(0);
      expect(await status(page).textContent()).toContain('坎培拉');
      // The only problems are the requests this test blocked (and the console saying so).
      expect(
        problems.filter((problem) => !/pagefind|Failed to load|failed to load|net::ERR_FAILED/i.test(problem)),
      ).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});

test('the status line echoes the query as the reader typed it (casing kept), and says which mistyped name it searched as', async () => {
  const { page, context, problems } = await openPage(browser, siteUrl);
  try {
    await page.goto(new URL('overview/', siteUrl).href);
    await page.keyboard.press('/');
    await runQuery(page, 'Apec  秘書處在哪裡');
    expect(await status(page).textContent()).toContain('「Apec 秘書處在哪裡」');
    // A name with one character mistyped is searched as the name, and the status line says so.
    await runQuery(page, '茂物目表是什麼');
    expect(await status(page).textContent()).toContain('「茂物目表」以「茂物目標」搜尋。');
    expect(await page.locator('.search-hit > a').first().getAttribute('href')).toMatch(/^\/aims\//);
    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
});
