/**
 * Search in Chromium: the dialog shows what the engine computes (the query sets themselves run
 * in Node, tests/build/search-sets.test.ts), answer cards, clean results, hostile input, and
 * search per edition.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { loadRankSet, runQuery } from '../../tools/search/eval';
import { nodeSearch } from '../../tools/search/node';
import { loadSets } from '../../tools/search/sets';
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
        const shown: string[][] = [];
        const computed: string[][] = [];
        for (const query of queries) {
          await runQuery(page, query);
          shown.push(
            await page
              .locator('.search-hit > a')
              .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? '')),
          );
          computed.push((await engine.search(query)).hits.map((hit) => hit.url));
        }
        expect(shown).toEqual(computed);
        expect(shown.filter((hrefs) => hrefs.length > 0).length).toBeGreaterThan(queries.length / 2);
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

describe.each(['', 'zh-hans/'])('results are clean (edition /%s)', (edition) => {
  test('no result is titled by a bare number; no snippet has ↩, a footnote number or a heading run in', async () => {
    await withPage(async ({ page }) => {
      await page.goto(new URL(`${edition}overview/`, siteUrl).href);
      await page.keyboard.press('/');
      const set = await loadRankSet('navigational');
      const queries = [
        ...Object.values(set.groups)
          .flat()
          .map((entry) => entry.q),
        '堪培拉',
        '1989',
        '秘書處 新加坡',
      ];
      const problems: string[] = [];
      const texts = new Map<string, string>();
      // Spaces, the separators Pagefind puts between blocks, the 「，」「。」 the index copy ends blocks
      // with (src/search/index-html.ts) and the word joiner are not what this checks.
      const normal = (text: string) => text.replace(/[\s.…\u2060，。]/gu, '');
      let snippets = 0;
      for (const query of queries) {
        await runQuery(page, query);
        const shown = await page.evaluate(() => ({
          titles: [...document.querySelectorAll('#search-results a')].map((a) => a.textContent?.trim() ?? ''),
          hits: [...document.querySelectorAll('.search-hit')].map((hit) => ({
            url: hit.querySelector('a')?.getAttribute('href') ?? '',
            parts: [hit, ...hit.querySelectorAll('.search-subresults li')].map((part) => ({
              title: part.querySelector('a')?.textContent?.trim() ?? '',
              excerpt: part.querySelector(':scope > .search-excerpt')?.textContent ?? '',
            })),
          })),
        }));
        for (const title of shown.titles) if (/^\d+$/.test(title)) problems.push(`${query}: result titled "${title}"`);
        for (const hit of shown.hits) {
          const path = hit.url.split(/[?#]/)[0]!;
          if (!texts.has(path)) {
            // The page as a reader sees it, without footnote markers, footnotes or anchor icons.
            const text = await page.evaluate(async (url) => {
              const doc = new DOMParser().parseFromString(await (await fetch(url)).text(), 'text/html');
              const article = doc.querySelector('article')!;
              article
                // Only what is indexed: footnote marks and notes, anchors and data-pagefind-ignore
                // text (the phone tables' cell labels) never reach a snippet.
                .querySelectorAll(
                  'sup:has(a[data-footnote-ref]), section[data-footnotes], .heading-anchor, [data-pagefind-ignore]',
                )
                .forEach((node) => node.remove());
              // Headings fenced off: a snippet that runs a heading into its text is not a substring.
              article.querySelectorAll('h1, h2, h3').forEach((heading) => {
                heading.prepend('¶');
                heading.append('¶');
              });
              return article.textContent ?? '';
            }, path);
            texts.set(path, normal(text));
          }
          for (const part of hit.parts) {
            snippets++;
            if (part.excerpt.includes('↩')) problems.push(`${query} ${path}: ↩ in "${part.excerpt}"`);
            if (!texts.get(path)!.includes(normal(part.excerpt)))
              problems.push(
                `${query} ${path}: snippet not in the page's text (footnote number, heading?): "${part.excerpt}"`,
              );
          }
        }
      }
      expect(snippets).toBeGreaterThan(100);
      expect(problems).toEqual([]);
    });
  }, 300_000);
});

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
