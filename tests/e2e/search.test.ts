/**
 * Search in Chromium: the measured query set (100 % recall, nothing for absent terms),
 * hostile input, and search per edition.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { evaluateInBrowser, loadQueries, runQuery } from '../../tools/search/eval';
import { launch, openPage, type WatchedPage } from '../support/browser';

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

test('the query set: 100 % recall@5 in every group, and nothing for absent terms', async () => {
  await withPage(async ({ page }) => {
    const results = await evaluateInBrowser(page, new URL('overview/', siteUrl).href, await loadQueries());
    expect(results.length).toBeGreaterThanOrEqual(9);
    expect(results.reduce((sum, result) => sum + result.queries, 0)).toBeGreaterThanOrEqual(100);
    for (const result of results) {
      expect(result.failures, result.group).toEqual([]);
      expect(result.recallAt5, result.group).toBe(1);
    }
    expect(results.find((result) => result.group === 'absent')?.precision).toBe(1);
  });
}, 300_000);

test('the Pagefind wasm path that larger sites take finds the same pages', async () => {
  await withPage(async ({ page }) => {
    const all = (await loadQueries()) as { groups: Record<string, { q: string; expect: string[] }[]> };
    const subset = {
      groups: {
        regional: all.groups['regional']!,
        simplified: all.groups['simplified']!,
        absent: all.groups['absent']!,
      },
    };
    const results = await evaluateInBrowser(page, new URL('overview/', siteUrl).href, subset, 0);
    for (const result of results) expect(result.failures, result.group).toEqual([]);
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
    expect(loaded.some((name) => name.includes('/pagefind/wasm.'))).toBe(true);
  });
}, 300_000);

/** Deterministic hostile inputs: metacharacters, markup, RTL, controls, emoji, huge. */
function hostileInputs(count: number): string[] {
  const pieces = [
    '<script>window.__pwned=1</script>',
    '"><img src=x onerror="window.__pwned=1">',
    "'><svg onload=window.__pwned=1>",
    '.*+?^${}()|[]\\',
    '(?<=a)b',
    '\u202e\u05e9\u05dc\u05d5\u05dd',
    '\u0000\u0001\u0007\u001b[31m',
    '😀👩‍👩‍👧‍👦🇹🇼',
    '&lt;&amp;&#x3C;',
    '%00%3Cscript%3E',
    '坎培拉',
    'APEC',
    '   ',
    '\t\n',
    '"',
    '*',
    '\\u003c',
    'javascript:alert(1)',
  ];
  const inputs = ['', ' ', 'x'.repeat(10_000), '坎'.repeat(10_000), pieces.join('')];
  let seed = 42;
  const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648);
  while (inputs.length < count) {
    const parts = Array.from({ length: 1 + (next() % 4) }, () => pieces[next() % pieces.length]!);
    inputs.push(parts.join(next() % 2 === 0 ? ' ' : ''));
  }
  return inputs;
}

test('500 hostile inputs: no error, nothing injected, search still works', async () => {
  await withPage(async ({ page }) => {
    await page.goto(new URL('founding/', siteUrl).href);
    await page.keyboard.press('/');
    const input = page.locator('#search-input');
    const inputs = hostileInputs(500);
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
        ['UL', 'LI', 'A', 'SPAN', 'P', 'MARK', 'BUTTON'].includes(node.tagName),
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
