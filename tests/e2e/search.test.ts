/**
 * Search in Chromium: the dialog shows what the engine computes (the query sets and the clean
 * results checks run in Node: tests/build/search-sets.test.ts, search-results.test.ts), answer
 * cards, hostile input, and search per edition.
 */
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { runQuery } from '../../tools/search/eval';
import { nodeSearch } from '../../tools/search/node';
import { loadSets } from '../../tools/search/sets';
import { launch, openPage, type WatchedPage } from '../support/browser';
import { hostileInputs } from '../support/hostile';

const siteUrl = inject('siteUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch(inject('chromiumPath'));
});
afterAll(async () => {
  await browser?.close();
});

async function withPage(run: (watched: WatchedPage) => Promise<void>) {
  const watched = await openPage(browser, siteUrl);
  try {
    await run(watched);
    expect(watched.problems).toEqual([]);
  } finally {
    await watched.context.close();
  }
}

// Both search paths: Pagefind's fragments read directly (this site's size; undefined) and the
// Pagefind wasm index that larger sites take (scan limit 0).
const PATHS = [
  ['direct fragments', undefined],
  ['Pagefind wasm index', 0],
] as const;

/**
 * The query sets themselves run in Node (tests/build/search-sets.test.ts, every query on both
 * paths): here a smoke set, the first query of every group of every set, typed into the dialog,
 * must show exactly the links the same engine gives in Node (pages, order, highlight terms).
 */
/** A result as the dialog shows it: its link, title and snippet text. */
interface Shown {
  href: string;
  title: string;
  excerpt: string;
}

describe.each(PATHS)('the dialog shows what the engine computes in Node (%s)', (_name, scanLimit) => {
  test('the first query of every group of every query set', async () => {
    const search = await nodeSearch({ dist: 'dist' });
    try {
      const engine = await search.engine('hant', scanLimit);
      const queries = [
        ...new Set(
          (await loadSets()).flatMap((set) => Object.values(set.groups).map((group: { q: string }[]) => group[0]!.q)),
        ),
      ];
      expect(queries.length).toBeGreaterThanOrEqual(15);
      await withPage(async ({ page }) => {
        await page.goto(new URL('overview/', siteUrl).href);
        if (scanLimit !== undefined)
          await page.evaluate((limit) => {
            document.documentElement.dataset['searchScanLimit'] = String(limit);
          }, scanLimit);
        await page.keyboard.press('/');
        await page.locator('#search-input').waitFor();
        const shown: Shown[][][] = [];
        const computed: Shown[][][] = [];
        for (const query of queries) {
          await runQuery(page, query);
          shown.push(
            await page.locator('.search-hit').evaluateAll((hits) =>
              hits.map((hit) =>
                [hit, ...hit.querySelectorAll('.search-subresults li')].map((part) => {
                  const link = part.querySelector(':scope > a')!;
                  return {
                    href: link.getAttribute('href') ?? '',
                    title: (link.firstElementChild ?? link).textContent ?? '',
                    excerpt: part.querySelector(':scope > .search-excerpt')?.textContent ?? '',
                  };
                }),
              ),
            ),
          );
          computed.push(
            (await engine.search(query)).hits.map((hit) =>
              [hit, ...hit.subResults.slice(0, 4)].map((part) => ({
                href: part.url,
                title: part.title,
                excerpt: toString(fromHtml(part.excerpt, { fragment: true })),
              })),
            ),
          );
        }
        // The same pages in the same order, with the same titles, links and snippets.
        expect(shown).toEqual(computed);
        expect(shown.filter((hits) => hits.length > 0).length).toBeGreaterThan(queries.length / 2);
        const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
        expect(loaded.some((name) => name.includes('/pagefind/wasm.'))).toBe(scanLimit === 0);
      });
    } finally {
      await search.close();
    }
  }, 120_000);
});

describe('answer card', () => {
  for (const [path, query, term] of [
    ['founding/', '堪培拉', '坎培拉'],
    ['founding/', '东盟', '東協'],
    ['founding/', 'Senior Officials', '資深官員會議'],
    ['zh-hans/founding/', '东盟', '东盟'],
    ['zh-hans/founding/', '堪培拉', '堪培拉'],
  ] as const) {
    test(`${query} on /${path}: the card for ${term} comes before the pages`, async () => {
      await withPage(async ({ page }) => {
        await page.goto(new URL(path, siteUrl).href);
        await page.keyboard.press('/');
        await runQuery(page, query);
        const card = page.locator('#search-results .search-answer');
        await expect.poll(() => card.count()).toBe(1);
        expect(await card.locator('.search-answer-term').textContent()).toContain(term);
        // First in the results, before the list of pages.
        const order = await page.evaluate(() =>
          [...document.querySelectorAll('#search-results > *')].map((node) => node.className),
        );
        expect(order[0]).toBe('search-answer');
        expect(order).toContain('search-hits');
        // The link leads to the section that explains it, in the same edition.
        const href = (await card.locator('a').getAttribute('href'))!;
        expect(href.startsWith('/zh-hans/')).toBe(path.startsWith('zh-hans/'));
        await card.locator('a').click();
        await page.waitForURL((url) => url.pathname === decodeURI(href.split('#')[0]!));
        const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
        if (id) expect(await page.locator(`[id="${id}"]`).count()).toBe(1);
      });
    });
  }

  test('no card for a word that is not a glossary term', async () => {
    await withPage(async ({ page }) => {
      await page.goto(new URL('founding/', siteUrl).href);
      await page.keyboard.press('/');
      await runQuery(page, '冷戰');
      expect(await page.locator('.search-answer').count()).toBe(0);
    });
  });
});

// The engine answers all 500 in Node (tests/build/search-results.test.ts); the dialog renders
// the first 40 (every piece, the huge ones, all joined, and mixes): what reaches the page.
test('hostile inputs: no error, nothing injected, search still works', async () => {
  await withPage(async ({ page }) => {
    await page.goto(new URL('founding/', siteUrl).href);
    await page.keyboard.press('/');
    const input = page.locator('#search-input');
    const inputs = hostileInputs(40);
    for (const value of inputs) {
      await input.fill(value);
      await input.press('Enter');
    }
    await page.waitForTimeout(300);
    const state = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: number }).__pwned,
      injected: document.querySelectorAll(
        '#search-results script, #search-results img, #search-results svg, #search-results iframe',
      ).length,
      marks: [...document.querySelectorAll('#search-results *')].every((node) =>
        ['UL', 'LI', 'A', 'SPAN', 'P', 'MARK', 'BUTTON', 'SECTION', 'H3', 'DL', 'DIV', 'DT', 'DD'].includes(
          node.tagName,
        ),
      ),
    }));
    expect(state).toEqual({ pwned: undefined, injected: 0, marks: true });
    expect(await runQuery(page, '坎培拉')).toContain('/founding/');
  });
}, 300_000);

describe('editions', () => {
  test('search on a Simplified page returns Simplified pages, for Simplified or Traditional input', async () => {
    await withPage(async ({ page }) => {
      await page.goto(new URL('zh-hans/founding/', siteUrl).href);
      await page.keyboard.press('/');
      for (const query of ['堪培拉', '坎培拉', '秘书处', '秘書處']) {
        const results = await runQuery(page, query);
        expect(results.length, query).toBeGreaterThan(0);
        for (const result of results) expect(result, query).toMatch(/^\/zh-hans\//);
      }
      expect(await page.locator('#search-status').textContent()).toMatch(/找到 \d+ 页/);
    });
  });

  test('search on a Traditional page returns Traditional pages', async () => {
    await withPage(async ({ page }) => {
      await page.goto(new URL('founding/', siteUrl).href);
      await page.keyboard.press('/');
      for (const query of ['堪培拉', '秘书处']) {
        const results = await runQuery(page, query);
        expect(results.length, query).toBeGreaterThan(0);
        for (const result of results) expect(result, query).not.toMatch(/zh-hans/);
      }
    });
  });

  test('the edition switch keeps the section and is remembered without redirecting', async () => {
    await withPage(async ({ page }) => {
      await page.goto(new URL('founding/', siteUrl).href);
      const heading = await page.locator('article h2[id]').nth(1).getAttribute('id');
      await page.goto(`${new URL('founding/', siteUrl).href}#${encodeURIComponent(heading!)}`);
      await page.locator('#edition-switch').click();
      await page.waitForURL(/\/zh-hans\/founding\//);
      expect(decodeURIComponent(new URL(page.url()).hash.slice(1))).toBe(heading);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
      // Back on a Traditional page: no redirect, but the Simplified switch stands out.
      await page.goto(new URL('aims/', siteUrl).href);
      expect(new URL(page.url()).pathname).toMatch(/^\/aims\/$/);
      expect(await page.locator('#edition-switch').getAttribute('class')).toContain('edition-preferred');
    });
  });
});
