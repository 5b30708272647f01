/**
 * `npm run search:eval`: runs tests/search/queries.json through the real search (the
 * built site's dialog, in Chromium) and prints recall@5 and precision per group.
 * The e2e test tests/e2e/search-eval.test.ts runs the same code and asserts 100 %.
 *
 *   tsx tools/search/eval.ts [dist] [--json out.json]
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { evaluate, pagePath, type GroupResult, type QuerySet } from './score';
import { isRunAsScript } from '../run-as-script';

export const loadQueries = async (): Promise<QuerySet> =>
  JSON.parse(await readFile(new URL('../../tests/search/queries.json', import.meta.url), 'utf8')) as QuerySet;

/** Type a query into the open search dialog; return the result pages in order. */
export async function runQuery(page: Page, query: string): Promise<string[]> {
  const input = page.locator('#search-input');
  const status = page.locator('#search-status');
  await input.fill('');
  await page.waitForFunction(() => document.getElementById('search-status')?.textContent === '');
  await input.fill(query);
  await status.filter({ hasText: /\S/ }).waitFor();
  const hrefs = await page
    .locator('.search-hit > a')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return hrefs.map(pagePath);
}

/**
 * Open the dialog on `pageUrl` and run every query of the set. `scanLimit` 0 forces the
 * Pagefind wasm path that larger sites take (this site is small enough to read fragments).
 */
export async function evaluateInBrowser(
  page: Page,
  pageUrl: string,
  queries: QuerySet,
  scanLimit?: number,
): Promise<GroupResult[]> {
  await page.goto(pageUrl);
  if (scanLimit !== undefined) {
    await page.evaluate((limit) => {
      document.documentElement.dataset['searchScanLimit'] = String(limit);
    }, scanLimit);
  }
  await page.keyboard.press('/');
  await page.locator('#search-input').waitFor();
  const base = new URL(pageUrl).pathname.replace(/(zh-hans\/)?[^/]*\/?$/, '');
  return evaluate(async (q) => (await runQuery(page, q)).map((path) => `/${path.slice(base.length)}`), queries);
}

export function formatTable(results: readonly GroupResult[]): string {
  const rows = results.map((result) =>
    [
      result.group.padEnd(12),
      String(result.queries).padStart(7),
      `${(result.recallAt5 * 100).toFixed(1)} %`.padStart(10),
      `${(result.precision * 100).toFixed(1)} %`.padStart(10),
      String(result.failures.length).padStart(8),
    ].join('  '),
  );
  return [
    [
      'group'.padEnd(12),
      'queries'.padStart(7),
      'recall@5'.padStart(10),
      'precision'.padStart(10),
      'failures'.padStart(8),
    ].join('  '),
    ...rows,
  ].join('\n');
}

if (isRunAsScript(import.meta.url)) {
  const { chromium } = await import('playwright-core');
  const { serve } = await import('../serve');
  const { CHROMIUM_ARGS, ensureChromium } = await import('../chromium');
  const args = process.argv.slice(2);
  const jsonAt = args.indexOf('--json');
  const jsonOut = jsonAt === -1 ? undefined : args.splice(jsonAt, 2)[1];
  const server = await serve({ dir: args[0] ?? 'dist', port: 0 });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server did not start');
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  const results = await evaluateInBrowser(page, `http://localhost:${address.port}/overview/`, await loadQueries());
  console.log(formatTable(results));
  for (const result of results) {
    for (const failure of result.failures)
      console.log(
        `  ${result.group}: ${failure.q} → expected ${failure.expected.join(' ')}; got ${failure.got.join(' ') || 'nothing'}`,
      );
  }
  if (jsonOut) await writeFile(jsonOut, JSON.stringify(results, null, 2));
  await browser.close();
  server.close();
}
