/** Reading the site in a real Chromium: navigation, search, themes, the phone menu (axe: accessibility.test.ts). */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launch, withWatchedPage } from '../support/browser';
import { builtPages } from '../build/helpers';

const siteUrl = inject('siteUrl');
const pages = (await builtPages()).filter((page) => page.endsWith('/') || page === '/404.html');
let browser: Browser;

beforeAll(async () => {
  browser = await launch(inject('chromiumPath'));
});
afterAll(async () => {
  await browser?.close();
});

const url = (path: string) => new URL(path.slice(1), siteUrl).href;

describe('navigation', () => {
  test('the sidebar, the table of contents and prev/next lead where they say', async () => {
    await withWatchedPage(browser, siteUrl, {}, async ({ page }) => {
      await page.goto(url('/overview/'));
      const sidebarLink = page.locator('#sidebar a', { hasText: '成立' }).first();
      const target = await sidebarLink.getAttribute('href');
      await sidebarLink.click();
      await page.waitForURL(url(target!));
      expect(await page.locator('#sidebar a[aria-current="page"]').getAttribute('href')).toBe(target);

      const tocLink = page.locator('.toc a').nth(1);
      const hash = await tocLink.getAttribute('href');
      await tocLink.click();
      await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash))).toBe(hash);
      const top = () => page.evaluate((id) => document.getElementById(id)!.getBoundingClientRect().top, hash!.slice(1));
      await expect.poll(top).toBeLessThan(200);
      await expect.poll(() => page.locator('.toc a[aria-current]').getAttribute('href')).toBe(hash);

      const next = page.locator('a[rel="next"]');
      const nextHref = await next.getAttribute('href');
      await next.click();
      await page.waitForURL(url(nextHref!));
      await page.locator('a[rel="prev"]').click();
      await page.waitForURL(url(target!));
    });
  });

  test('at 375 px the menu opens, closes with Escape and navigates', async () => {
    await withWatchedPage(browser, siteUrl, { width: 375, height: 740 }, async ({ page }) => {
      await page.goto(url('/founding/'));
      const menu = page.locator('#site-menu');
      expect(await menu.isVisible()).toBe(false);
      const button = page.locator('#menu-button');
      await button.click();
      expect(await button.getAttribute('aria-expanded')).toBe('true');
      expect(await menu.isVisible()).toBe(true);
      await page.keyboard.press('Escape');
      expect(await menu.isVisible()).toBe(false);
      await button.click();
      const link = menu.locator('.sidebar a').last();
      const href = await link.getAttribute('href');
      await link.click();
      await page.waitForURL(url(href!));
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    });
  });

  test('no page is wider than a 320 px screen', async () => {
    await withWatchedPage(browser, siteUrl, { width: 320, height: 640 }, async ({ page }) => {
      const wide: string[] = [];
      for (const pathname of pages) {
        await page.goto(url(pathname));
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 320) wide.push(`${pathname}: ${width}px`);
      }
      expect(wide).toEqual([]);
    });
  });

  test('the theme toggle switches, is remembered, and the page never paints the wrong theme', async () => {
    await withWatchedPage(browser, siteUrl, { colorScheme: 'light' }, async ({ page }) => {
      await page.goto(url('/overview/'));
      const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const light = await background();
      await page.locator('#theme-button').click();
      expect(await page.locator('#theme-button').getAttribute('aria-pressed')).toBe('true');
      const dark = await background();
      expect(dark).not.toBe(light);
      // The remembered theme is applied before first paint: check at DOMContentLoaded.
      await page.goto(url('/founding/'), { waitUntil: 'commit' });
      await page.waitForFunction(() => document.body !== null);
      expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
      expect(await background()).toBe(dark);
    });
  });
});

describe('search', () => {
  test('opens with / and Ctrl+K, finds 坎培拉 and 堪培拉, and the result highlights the word on the founding page', async () => {
    await withWatchedPage(browser, siteUrl, {}, async ({ page }) => {
      await page.goto(url('/overview/'));
      // Nothing of search loads before the reader reaches for it.
      expect(
        await page.evaluate(() =>
          performance.getEntriesByType('resource').some((entry) => entry.name.includes('pagefind')),
        ),
      ).toBe(false);
      await page.keyboard.press('/');
      const input = page.locator('#search-input');
      // Loading search on intent may take seconds on a busy two-core machine: this checks the keys, not speed.
      const slowLoad = { timeout: 10_000 };
      await expect.poll(() => input.evaluate((node) => node === document.activeElement), slowLoad).toBe(true);
      await page.keyboard.press('Escape');
      expect(await page.locator('#search-dialog').evaluate((node) => (node as HTMLDialogElement).open)).toBe(false);
      await page.keyboard.press('Control+k');
      await expect.poll(() => input.evaluate((node) => node === document.activeElement), slowLoad).toBe(true);
      for (const query of ['坎培拉', '堪培拉']) {
        await input.fill('');
        await input.pressSequentially(query, { delay: 30 });
        const hit = page.locator('.search-hit a[href*="/founding/"]').first();
        await hit.waitFor();
        expect(await page.locator('.search-hit mark').first().textContent()).toBe('坎培拉');
      }
      // Keyboard only: arrow down into the results (堪培拉 is a glossary term, so its answer card
      // comes first, linking to the section), again to the first page, Enter to follow.
      await page.keyboard.press('ArrowDown');
      expect(await page.evaluate(() => document.activeElement?.closest('.search-answer') !== null)).toBe(true);
      await page.keyboard.press('ArrowDown');
      const focused = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
      expect(focused).toContain('highlight=');
      await page.keyboard.press('Enter');
      await page.waitForURL(/highlight=/);
      const mark = page.locator('article mark.search-highlight').first();
      await mark.waitFor();
      expect(await mark.textContent()).toBe('坎培拉');
    });
  });

  test('?q= opens search with the query, and Back closes it', async () => {
    await withWatchedPage(browser, siteUrl, {}, async ({ page }) => {
      await page.goto(url('/overview/'));
      await page.goto(`${url('/founding/')}?q=${encodeURIComponent('秘書處')}`);
      const dialog = page.locator('#search-dialog');
      await page.locator('.search-hit').first().waitFor();
      expect(await page.locator('#search-input').inputValue()).toBe('秘書處');
      await page.goBack();
      await expect.poll(() => dialog.evaluate((node) => (node as HTMLDialogElement).open)).toBe(false);
      expect(new URL(page.url()).pathname).toMatch(/\/founding\/$/);
    });
  });
});
