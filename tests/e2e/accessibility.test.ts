/**
 * axe-core on each distinct layout, in light and dark: the home page, a content page, a long
 * page with a table, the glossary (its card table), the 404 page, the search dialog open with
 * results and an answer card, and on a phone the menu open, the 本頁內容 bar open, the card table
 * and the full-screen search dialog. The Simplified edition is checked where it differs from the
 * Traditional one: its home page, its glossary (names kept in Traditional with their own `lang`)
 * and its search dialog (its own words). Every page and edition shares these layouts; each page
 * at 320 px and the menu on every page are checked in site.test.ts and phone.test.ts.
 * Zero violations, with axe's full default rule set (WCAG 2.2 A and AA and best practices).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { axeViolations } from '../support/axe';
import { launch, openPage } from '../support/browser';

const siteUrl = inject('siteUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch(inject('chromiumPath'));
});
afterAll(async () => {
  await browser?.close();
});

const url = (path: string) => new URL(path.slice(1), siteUrl).href;

/** A layout: where to go and what to open there before axe runs. */
type Layout = [name: string, path: string, open?: (page: Page) => Promise<void>];

const searchFor = (query: string) => async (page: Page) => {
  await page.keyboard.press('/');
  await page.locator('#search-input').fill(query);
  await page.locator('.search-hit').first().waitFor();
};

const DESKTOP: Layout[] = [
  ['home', '/'],
  ['home (Simplified)', '/zh-hans/'],
  ['content page', '/founding/'],
  ['long page with a table', '/structure/'],
  ['glossary', '/glossary/'],
  ['glossary (Simplified)', '/zh-hans/glossary/'],
  ['404', '/404.html'],
  ['search dialog open, with an answer card', '/overview/', searchFor('APEC')],
  ['search dialog open (Simplified)', '/zh-hans/overview/', searchFor('秘书处')],
];

const PHONE: Layout[] = [
  [
    'phone: menu open',
    '/structure/',
    async (page) => {
      await page.locator('#menu-button').click();
      await page.locator('#site-menu .sidebar a').first().waitFor();
    },
  ],
  ['phone: 本頁內容 bar open', '/timeline/', (page) => page.locator('.toc-disclosure summary').click()],
  ['phone: card table', '/members/'],
  [
    'phone: search dialog, full screen',
    '/founding/',
    async (page) => {
      await page.locator('#search-button').click();
      await page.locator('#search-input').fill('秘書處');
      await page.locator('.search-hit').first().waitFor();
    },
  ],
];

describe.each(['light', 'dark'] as const)('axe-core (%s)', (colorScheme) => {
  // One browser context per width: the layouts are visited in turn, each page loaded once.
  test.each([
    ['1280 px', 1280, 900, DESKTOP],
    ['390 px', 390, 740, PHONE],
  ] as const)(
    'no violations on each distinct layout at %s',
    async (_name, width, height, layouts) => {
      const watched = await openPage(browser, siteUrl, { width, height, colorScheme });
      try {
        await watched.page.emulateMedia({ reducedMotion: 'reduce' });
        const report: string[] = [];
        for (const [name, path, open] of layouts) {
          await watched.page.goto(url(path));
          await open?.(watched.page);
          for (const violation of await axeViolations(watched.page)) report.push(`${name} (${path}): ${violation}`);
        }
        expect(report).toEqual([]);
        expect(watched.problems).toEqual([]);
      } finally {
        await watched.context.close();
      }
    },
    180_000,
  );
});
