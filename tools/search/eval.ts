/**
 * `npm run search:eval`: runs every query set in tests/search/ (tools/search/sets.ts:
 * queries.json, questions.json, navigational.json and any other set file there) through the
 * site's search engine and prints recall@5 and precision per group (recall sets) or top-1 and
 * MRR (ranking sets), with each set's failures; on both search paths (Pagefind's fragments
 * read directly, and its wasm index). By default the engine runs in Node (tools/search/node.ts,
 * a few seconds); `--browser` types every query into the built site's dialog in Chromium
 * instead (minutes), to compare the two. The build test tests/build/search-sets.test.ts runs
 * the Node path and asserts each set's `require`.
 *
 *   tsx tools/search/eval.ts [dist] [--browser] [--json out.json]
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import {
  evaluate,
  evaluateRanking,
  pagePath,
  type GroupResult,
  type QuerySet,
  type RankResult,
  type RankSet,
} from './score';
import { loadSets, runSet, shortfalls, type SetOutcome } from './sets';
import { isRunAsScript } from '../run-as-script';

export const loadQueries = async (): Promise<QuerySet> =>
  JSON.parse(await readFile(new URL('../../tests/search/queries.json', import.meta.url), 'utf8')) as QuerySet;

/** The ranking sets: questions as readers type them, and navigational queries (a topic named). */
export const loadRankSet = async (name: 'questions' | 'navigational'): Promise<RankSet> =>
  JSON.parse(await readFile(new URL(`../../tests/search/${name}.json`, import.meta.url), 'utf8')) as RankSet;

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
  return evaluate(await openSearch(page, pageUrl, scanLimit), queries);
}

/** The same for a ranking set: top-1 and MRR per group (and `all`). */
export async function evaluateRankingInBrowser(
  page: Page,
  pageUrl: string,
  set: RankSet,
  scanLimit?: number,
): Promise<RankResult[]> {
  return evaluateRanking(await openSearch(page, pageUrl, scanLimit), set);
}

/** Open the dialog on `pageUrl`; return a function that runs a query and gives site paths. */
async function openSearch(page: Page, pageUrl: string, scanLimit?: number): Promise<(q: string) => Promise<string[]>> {
  await page.goto(pageUrl);
  if (scanLimit !== undefined) {
    await page.evaluate((limit) => {
      document.documentElement.dataset['searchScanLimit'] = String(limit);
    }, scanLimit);
  }
  await page.keyboard.press('/');
  await page.locator('#search-input').waitFor();
  const base = new URL(pageUrl).pathname.replace(/(zh-hans\/)?[^/]*\/?$/, '');
  return async (q) => (await runQuery(page, q)).map((path) => `/${path.slice(base.length)}`);
}

export function formatRankTable(results: readonly RankResult[]): string {
  const rows = results.map((result) =>
    [
      result.group.padEnd(14),
      String(result.queries).padStart(7),
      `${(result.top1 * 100).toFixed(1)} %`.padStart(8),
      result.mrr.toFixed(3).padStart(6),
    ].join('  '),
  );
  return [['group'.padEnd(14), 'queries'.padStart(7), 'top-1'.padStart(8), 'MRR'.padStart(6)].join('  '), ...rows].join(
    '\n',
  );
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

/** One search path: a function that runs a query and gives the result pages, best first. */
type Runner = (q: string) => Promise<string[]>;

function printOutcome(outcome: SetOutcome): void {
  if (outcome.set.kind === 'recall') {
    const results = outcome.results as GroupResult[];
    console.log(`\n${outcome.set.name} (recall@5, precision)\n${formatTable(results)}`);
    for (const result of results) {
      for (const failure of result.failures)
        console.log(
          `  ${result.group}: ${failure.q} → expected ${failure.expected.join(' ')}; got ${failure.got.join(' ') || 'nothing'}`,
        );
      for (const extra of result.extras) console.log(`  ${result.group}: ${extra.q} → also ${extra.got.join(' ')}`);
    }
    return;
  }
  const ranked = outcome.results as RankResult[];
  console.log(`\n${outcome.set.name} (top-1, MRR)\n${formatRankTable(ranked)}`);
  for (const failure of ranked.at(-1)?.failures ?? [])
    console.log(
      `  ${failure.q} → expected ${failure.expected} (${failure.rank ? `rank ${failure.rank}` : 'missing'}); got ${failure.got.join(' ') || 'nothing'}`,
    );
}

if (isRunAsScript(import.meta.url)) {
  const args = process.argv.slice(2);
  const jsonAt = args.indexOf('--json');
  const jsonOut = jsonAt === -1 ? undefined : args.splice(jsonAt, 2)[1];
  const browserAt = args.indexOf('--browser');
  const inBrowser = browserAt !== -1;
  if (inBrowser) args.splice(browserAt, 1);
  const dist = args[0] ?? 'dist';
  const sets = await loadSets();
  const report: Record<string, Record<string, unknown>> = {};
  let shortfall = 0;
  let close: () => Promise<void>;
  let runnerFor: (scanLimit: number | undefined) => Promise<Runner>;
  if (inBrowser) {
    const { chromium } = await import('playwright-core');
    const { serve } = await import('../serve');
    const { CHROMIUM_ARGS, ensureChromium } = await import('../chromium');
    const server = await serve({ dir: dist, port: 0 });
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('server did not start');
    const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    const pageUrl = `http://localhost:${address.port}/overview/`;
    runnerFor = (scanLimit) => openSearch(page, pageUrl, scanLimit);
    close = async () => {
      await browser.close();
      server.close();
    };
  } else {
    const { nodeSearch } = await import('./node');
    const search = await nodeSearch({ dist });
    runnerFor = async (scanLimit) => {
      const engine = await search.engine('hant', scanLimit);
      return async (q) => (await engine.search(q)).hits.map((hit) => hit.url);
    };
    close = () => search.close();
  }
  console.log(inBrowser ? 'Search in Chromium (the dialog)' : 'Search in Node (tools/search/node.ts)');
  // Both search paths: Pagefind's fragments read directly (this site's size) and its wasm index.
  for (const [path, scanLimit] of [
    ['direct fragments', undefined],
    ['Pagefind wasm index', 0],
  ] as const) {
    console.log(`\n== ${path}`);
    const run = await runnerFor(scanLimit);
    for (const set of sets) {
      const outcome = await runSet(set, run);
      printOutcome(outcome);
      const problems = shortfalls(outcome, scanLimit === 0 ? 'wasm' : 'direct');
      for (const problem of problems) console.log(`  ✗ ${problem}`);
      shortfall += problems.length;
      (report[path] ??= {})[set.name] = outcome.results;
    }
  }
  if (jsonOut) await writeFile(jsonOut, JSON.stringify(report, null, 2));
  await close();
  if (shortfall > 0) {
    console.log(`\n${shortfall} shortfall(s) against the sets' \`require\``);
    process.exitCode = 1;
  }
}
