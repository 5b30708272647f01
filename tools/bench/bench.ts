/**
 * `npm run bench`: measures the site (not a test; numbers, not pass/fail) and writes
 * bench-results/latest.json and bench-results/latest.md. Everything is built in temporary
 * copies of the project (never into dist/ or the shared Astro caches).
 *
 * 1. Page weight per page type (home, content, long content, 404) and the search phases
 *    (intent → first results → a second query), in Chromium, bytes as the brotli server sends.
 * 2. Lighthouse 12.2.3 on home and a content page, mobile and desktop, median of runs.
 * 3. Search latency, last keystroke → results on screen, cold and warm, median.
 * 4. Build at scale: synthetic corpora (tools/corpus.ts), build + index time and peak
 *    memory, indexing alone, ms/page, dist and index size, one-page-edit rebuild, and
 *    Pagefind's own CLI on the largest corpus.
 *
 * Environment:
 *   BENCH_SCALE=100,1000,10000   corpus sizes (empty: skip step 4)
 *   BENCH_LH_RUNS=5              Lighthouse runs per page and form factor (0: skip step 2)
 *   BENCH_QUERIES=20             search queries for the latency medians (0: skip step 3)
 *   BENCH_REBUILD=1000           corpus size for the one-page-edit rebuild (must be in BENCH_SCALE)
 *   BENCH_PAGEFIND_CLI=1         run Pagefind's CLI on the largest corpus (0: skip)
 *   BENCH_INDEX_ALONE=1          time indexing alone, apart from the build, at each scale (0: skip)
 *   BENCH_SITE=0                 skip steps 1–3 (the real site)
 *   BENCH_ONLY=latency           the real site's search latency alone (no page weights, Lighthouse or scale)
 *   BENCH_ROOT=<dir>             project to measure (default: the working directory)
 *   BENCH_BUILD_TIMEOUT=600      seconds any one build or indexing run may take (then: a lower bound)
 *   BENCH_DEADLINE=1140          seconds after which no step may still run (keeps the bench < 20 min)
 *   BENCH_TMP=/tmp/apec-bench    work directory (deleted afterwards unless BENCH_KEEP=1)
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import {
  BUDGET_QUERIES,
  KB,
  PAGE_BUDGETS,
  SCALE_TARGETS,
  SEARCH_BUDGET,
  SERVICE_WORKER_MAX_BYTES,
  pageTypeOf,
} from '../../src/budgets';
import { editionOf } from '../../src/i18n/editions';
import { CHROMIUM_ARGS, ensureChromium } from '../chromium';
import {
  countingProxy,
  measureLatency,
  measurePage,
  measureSearch,
  type PageWeight,
  type SearchLatency,
  type SearchPhases,
} from './browser';
import { runLighthouse, type LighthouseSummary } from './lighthouse';
import { makeProject, run, toolPath, type RunResult } from './project';
import { BUILD_ENV } from '../build';
import { editPage, writeCorpus } from '../corpus';
import { serve } from '../serve';

/** The project to measure (default: the working directory; BENCH_ROOT for a snapshot elsewhere). */
const root = resolve(process.env['BENCH_ROOT'] ?? process.cwd());
const here = fileURLToPath(new URL('.', import.meta.url));
const env = process.env;
const SCALE = (env['BENCH_SCALE'] ?? '100,1000,10000')
  .split(',')
  .map((n) => Number(n.trim()))
  .filter((n) => n > 0);
const LH_RUNS = Number(env['BENCH_LH_RUNS'] ?? 5);
const QUERIES = Number(env['BENCH_QUERIES'] ?? 20);
const REBUILD_AT = Number(env['BENCH_REBUILD'] ?? 1000);
const PAGEFIND_CLI = env['BENCH_PAGEFIND_CLI'] !== '0';
const INDEX_ALONE = env['BENCH_INDEX_ALONE'] !== '0';
/** `latency`: build the real site and measure search latency only (quick: about two minutes). */
const LATENCY_ONLY = env['BENCH_ONLY'] === 'latency';
const WORK = resolve(env['BENCH_TMP'] ?? `/tmp/apec-bench-${process.pid}`);
const KEEP = env['BENCH_KEEP'] === '1';
/** A build or indexing run stopped after this long is reported as a lower bound. */
const STEP_TIMEOUT_MS = Number(env['BENCH_BUILD_TIMEOUT'] ?? 600) * 1000;
/** The whole bench stops starting new work after this long (default 19 min: `npm run bench` < 20 min). */
const DEADLINE = Date.now() + Number(env['BENCH_DEADLINE'] ?? 1140) * 1000;
/** Time a step may take: a share of what is left before the deadline, at most BENCH_BUILD_TIMEOUT. */
const allowance = (share: number) =>
  Math.min(STEP_TIMEOUT_MS, Math.max(5_000, (DEADLINE - Date.now() - 20_000) * share));

/** Queries for the latency medians: names, places and terms the site is about (some fold or alias). */
const LATENCY_QUERIES = [
  '坎培拉',
  'APEC',
  '秘書處',
  '茂物目標',
  '共識',
  '漢城宣言',
  '部長級會議',
  '太子城願景',
  '經濟體',
  '亞太經合組織',
  '堪培拉',
  'WTO',
  '香港',
  '中華台北',
  '領袖會議',
  '工作小組',
  '大阪行動綱領',
  '貿易',
  '投資',
  '東協',
  '資深官員會議',
  '新加坡',
  '霍克',
  '秘书处',
  '1989',
  '自願',
  '企業諮詢委員會',
  '開放區域主義',
  '主辦',
  '執行長',
];

const started = Date.now();
const log = (line: string) =>
  console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const kb = (bytes: number) => (bytes / KB).toFixed(1);

function dirSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
    files++;
  }
  return { bytes, files };
}

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => done(port));
    });
  });
}

/** `astro build` in a project copy; peak memory before the build:done hooks (render) and overall. */
async function astroBuild(
  project: string,
  extraEnv: NodeJS.ProcessEnv = {},
  timeoutMs = STEP_TIMEOUT_MS,
): Promise<RunResult & { indexMs?: number | undefined; renderPeakRss: number; stoppedIn?: string }> {
  let renderPeakRss = 0;
  const result = await run('astro', ['build'], {
    cwd: project,
    env: { PATH: toolPath(root), ...BUILD_ENV, ...extraEnv },
    quiet: true,
    timeoutMs,
    onPoll: (rss, out) => {
      // Rendering ends when "generating static routes" reports completion; the build:done hooks
      // (link checks, indexing, headers) follow.
      const at = out.indexOf('generating static routes');
      if (at < 0 || !out.slice(at).includes('Completed in')) renderPeakRss = Math.max(renderPeakRss, rss);
    },
  });
  if (result.timedOut) {
    const indexing = /Waiting for integration "apec:pagefind"|generating static routes[\s\S]*Completed in/.test(
      result.stdout,
    );
    return {
      ...result,
      indexMs: undefined,
      renderPeakRss: renderPeakRss || result.peakRss,
      stoppedIn: indexing ? 'build:done hooks (indexing)' : 'rendering',
    };
  }
  if (result.code !== 0) {
    const tail = `${result.stdout}\n${result.stderr}`
      .split('\n')
      .filter((line) => !/^\s+at |├─|└─/.test(line))
      .slice(-25)
      .join('\n');
    throw new Error(`astro build failed in ${project}:\n${tail}`);
  }
  // "indexed F files; T ms after rendering (…)" (src/integrations/pagefind.ts)
  const indexed = /indexed \d+ files; (\d+) ms after rendering/.exec(result.stdout);
  return {
    ...result,
    indexMs: indexed ? Number(indexed[1]) : undefined,
    renderPeakRss: renderPeakRss || result.peakRss,
  };
}

interface SiteReport {
  source: string;
  buildMs: number;
  buildPeakMb: number;
  pages: Record<string, PageWeight & { type: string; budget: number }>;
  search?: SearchPhases & { query: string; second: string; page: string };
  /** Per page measured (home, the typical content page). */
  latency?: (SearchLatency & { page: string })[];
  lighthouse?: LighthouseSummary[];
  errors: string[];
}

interface ScaleReport {
  pages: number;
  markdownKb: number;
  buildMs: number;
  /** CPU seconds (user + system) of the build and the processes it ran, in ms: compares variants on a busy machine. */
  buildCpuMs: number | undefined;
  buildPeakMb: number;
  renderPeakMb: number;
  /** Peak of the Astro (Node) process alone, and of the Pagefind processes it runs. */
  astroPeakMb: number;
  pagefindPeakMb: number;
  /** The search step's time after the last page rendered (Pagefind indexes during rendering). */
  indexInBuildMs?: number | undefined;
  astroMs?: number | undefined;
  msPerPage: number;
  distMb: number;
  distFiles: number;
  indexMb: number;
  indexFiles: number;
  indexAlone?: { ms: number; peakMb: number; readMs: number; indexMs: number };
  rebuild?: { ms: number; peakMb: number; ratio: number; indexMs?: number | undefined };
  pagefindCli?: { ms: number; peakMb: number; indexMb: number };
  /** The cold build hit BENCH_BUILD_TIMEOUT: its figures are lower bounds. */
  timedOut?: string;
}

async function benchSite(chromePath: string): Promise<SiteReport> {
  const project = makeProject(root, join(WORK, 'site'));
  const port = await freePort();
  log(`site: building the real content/ in ${project} (SITE_URL http://localhost:${port})`);
  let source = 'real site (content/)';
  let built: Awaited<ReturnType<typeof astroBuild>>;
  try {
    built = await astroBuild(project, { SITE_URL: `http://localhost:${port}` });
  } catch (error) {
    // Others edit content/ while the bench runs; measure the shell on a small synthetic site instead.
    log(
      `site: the real site does not build (${String(error).split('\n').slice(0, 4).join(' / ')}); falling back to a 40-page synthetic corpus`,
    );
    writeCorpus(root, join(project, 'content'), { pages: 40, seed: 7 });
    source = 'SYNTHETIC 40-page corpus (the real content/ did not build at bench time)';
    built = await astroBuild(project, { SITE_URL: `http://localhost:${port}` });
  }
  const dist = join(project, 'dist');
  const server = await serve({ dir: dist, port });
  const proxy = await countingProxy(`http://127.0.0.1:${port}/`);
  const browser = await chromium.launch({ executablePath: chromePath, args: CHROMIUM_ARGS, headless: true });
  const report: SiteReport = {
    source,
    buildMs: Math.round(built.wallMs),
    buildPeakMb: mb(built.peakRss),
    pages: {},
    errors: [],
  };
  try {
    // Page types: home, a typical content page (median HTML size), the longest content page, 404.
    const htmlPages = readdirSync(dist, { recursive: true })
      .map(String)
      .filter((file) => file.endsWith('index.html') && !file.startsWith('pagefind') && file !== 'index.html')
      .map((file) => ({ path: `/${file.slice(0, -'index.html'.length)}`, bytes: statSync(join(dist, file)).size }))
      .sort((a, b) => a.bytes - b.bytes);
    // The primary edition's pages (not /zh-hans/…), like a reader arriving from a search engine.
    const primary = htmlPages.filter((page) => editionOf(page.path) === 'hant');
    const ordinary = primary.filter((page) => pageTypeOf(page.path) === 'content');
    const content = ordinary[Math.floor(ordinary.length / 2)]?.path ?? '/';
    const long = primary.at(-1)?.path ?? content;
    for (const [label, path] of LATENCY_ONLY
      ? []
      : ([
          ['home', '/'],
          ['content', content],
          ['long content', long],
          ['404', '/404.html'],
        ] as const)) {
      const weight = await measurePage(browser, proxy.origin, proxy.list, path.slice(1));
      const type = pageTypeOf(path);
      report.pages[label] = { ...weight, type, budget: PAGE_BUDGETS[type].total };
      log(`  ${label} ${path}: ${weight.requests} requests, ${kb(weight.bytes)} KB ${JSON.stringify(weight.byType)}`);
      for (const worker of weight.serviceWorker)
        log(
          `  ${label}: after load, the service worker ${worker.path} ${kb(worker.bytes)} KB (${worker.encoding || 'identity'})`,
        );
    }
    const step = async (name: string, body: () => Promise<void>) => {
      try {
        await body();
      } catch (error) {
        report.errors.push(`${name}: ${String(error).split('\n').slice(0, 6).join(' / ')}`);
        log(`  ${name} failed: ${String(error).split('\n')[0]}`);
      }
    };
    if (!LATENCY_ONLY)
      await step('search phases', async () => {
        const [query, second] = BUDGET_QUERIES;
        const search = await measureSearch(browser, proxy.origin, proxy.list, content.slice(1), query, second);
        report.search = { ...search, query, second, page: content };
        log(
          `  search ${query}: intent ${kb(search.intent.bytes)} KB, first results +${kb(search.firstResults.bytes)} KB (${search.total.requests} requests, ${search.hits} hits), then ${second} +${kb(search.secondQuery.bytes)} KB`,
        );
      });
    if (QUERIES > 0) {
      const queries = Array.from({ length: QUERIES }, (_, i) => LATENCY_QUERIES[i % LATENCY_QUERIES.length] as string);
      // Home (search opens in the same dialog there) and the typical content page.
      for (const path of ['/', content]) {
        await step(`search latency ${path}`, async () => {
          const latency = await measureLatency(browser, proxy.origin, path.slice(1), queries);
          (report.latency ??= []).push({ ...latency, page: path });
          for (const failure of latency.openFailures) log(`  latency ${path}: retried: ${failure.slice(0, 600)}`);
          log(
            `  latency ${path}: ${latency.openFailures.length} retried opens; cold median ${latency.coldMedian.toFixed(0)} ms (next frame ${latency.coldFrameMedian.toFixed(0)}), warm median ${latency.warmMedian.toFixed(0)} ms (next frame ${latency.warmFrameMedian.toFixed(0)}); ${latency.warmWithHits}/${latency.queries} queries with hits`,
          );
        });
      }
    }
    await browser.close();
    if (LH_RUNS > 0 && !LATENCY_ONLY) {
      await step('lighthouse', async () => {
        log(`  lighthouse: ${LH_RUNS} runs × home and ${content} × mobile and desktop`);
        report.lighthouse = await runLighthouse(
          chromePath,
          [`http://localhost:${port}/`, `http://localhost:${port}${content}`],
          LH_RUNS,
          log,
        );
      });
    }
  } finally {
    await browser.close().catch(() => undefined);
    await proxy.close();
    await new Promise<void>((done) => server.close(() => done()));
    if (!KEEP) rmSync(project, { recursive: true, force: true });
  }
  return report;
}

async function benchScale(pages: number, largest: boolean): Promise<ScaleReport> {
  const project = makeProject(root, join(WORK, `scale-${pages}`));
  const { bytes } = writeCorpus(root, join(project, 'content'), { pages, seed: 1 });
  log(`scale ${pages}: corpus ${kb(bytes)} KB of Markdown; astro build…`);
  // The largest build is the figure the targets are about: it gets most of the time left.
  const cold = await astroBuild(project, {}, allowance(largest ? 0.8 : 0.3));
  const dist = join(project, 'dist');
  const size = dirSize(dist);
  const index = existsSync(join(dist, 'pagefind')) ? dirSize(join(dist, 'pagefind')) : { bytes: 0, files: 0 };
  const report: ScaleReport = {
    pages,
    markdownKb: Math.round(bytes / 1000),
    buildMs: Math.round(cold.wallMs),
    buildCpuMs: cold.cpuMs,
    buildPeakMb: mb(cold.peakRss),
    renderPeakMb: mb(cold.renderPeakRss),
    astroPeakMb: mb(cold.peakOtherRss),
    pagefindPeakMb: mb(cold.peakPagefindRss),
    indexInBuildMs: cold.indexMs,
    astroMs: cold.indexMs === undefined ? undefined : Math.round(cold.wallMs - cold.indexMs),
    msPerPage: Math.round((cold.wallMs / pages) * 100) / 100,
    distMb: Math.round((size.bytes / 1024 / 1024) * 10) / 10,
    distFiles: size.files,
    indexMb: Math.round((index.bytes / 1024 / 1024) * 10) / 10,
    indexFiles: index.files,
    ...(cold.timedOut
      ? { timedOut: `stopped after ${Math.round(cold.wallMs / 1000)} s in ${cold.stoppedIn ?? '?'}` }
      : {}),
  };
  if (cold.timedOut)
    log(
      `scale ${pages}: the build did not finish in ${Math.round(cold.wallMs / 1000)} s (${cold.stoppedIn}); figures are lower bounds`,
    );
  log(
    `scale ${pages}: build ${(cold.wallMs / 1000).toFixed(1)} s, CPU ${cold.cpuMs === undefined ? '?' : (cold.cpuMs / 1000).toFixed(1)} s (search step after rendering ${cold.indexMs ?? '?'} ms), peak ${mb(cold.peakRss)} MB (Astro ${report.astroPeakMb} MB, Pagefind ${report.pagefindPeakMb} MB), dist ${report.distMb} MB, index ${report.indexMb} MB`,
  );

  // Nothing to index when the build was stopped (Astro writes the pages out at the end).
  if (largest && PAGEFIND_CLI && !cold.timedOut) {
    const out = join(project, 'pagefind-cli');
    const cli = await run('pagefind', ['--site', dist, '--output-path', out], {
      cwd: project,
      env: { PATH: toolPath(root) },
      quiet: true,
      timeoutMs: allowance(0.5),
    });
    if (cli.timedOut) {
      report.pagefindCli = { ms: Math.round(cli.wallMs), peakMb: mb(cli.peakRss), indexMb: NaN };
      log(`scale ${pages}: pagefind CLI did not finish in ${Math.round(cli.wallMs / 1000)} s (a lower bound)`);
    } else if (cli.code === 0) {
      report.pagefindCli = {
        ms: Math.round(cli.wallMs),
        peakMb: mb(cli.peakRss),
        indexMb: Math.round((dirSize(out).bytes / 1024 / 1024) * 10) / 10,
      };
      log(`scale ${pages}: pagefind CLI ${(cli.wallMs / 1000).toFixed(1)} s, peak ${mb(cli.peakRss)} MB`);
    } else log(`scale ${pages}: pagefind CLI failed: ${cli.stderr.slice(-500)}`);
  }
  const alone =
    cold.timedOut || !INDEX_ALONE
      ? undefined
      : await run('tsx', [join(here, 'index-alone.ts'), dist, join(project, 'index-alone')], {
          cwd: project,
          env: { PATH: toolPath(root) },
          quiet: true,
          timeoutMs: allowance(largest ? 1 : 0.3),
        });
  if (!alone) log(`scale ${pages}: indexing alone skipped${INDEX_ALONE ? ' (the build did not finish)' : ''}`);
  else if (alone.timedOut) {
    report.indexAlone = { ms: Math.round(alone.wallMs), peakMb: mb(alone.peakRss), readMs: NaN, indexMs: NaN };
    log(
      `scale ${pages}: indexing alone did not finish in ${Math.round(alone.wallMs / 1000)} s (peak so far ${mb(alone.peakRss)} MB)`,
    );
  } else if (alone.code === 0) {
    const parsed = JSON.parse(alone.stdout.trim().split('\n').at(-1) ?? '{}') as { readMs: number; indexMs: number };
    report.indexAlone = {
      ms: Math.round(alone.wallMs),
      peakMb: mb(alone.peakRss),
      readMs: parsed.readMs,
      indexMs: parsed.indexMs,
    };
    log(`scale ${pages}: indexing alone ${(alone.wallMs / 1000).toFixed(1)} s, peak ${mb(alone.peakRss)} MB`);
  } else log(`scale ${pages}: indexing alone failed: ${alone.stderr.slice(-500)}`);
  rmSync(join(project, 'index-alone'), { recursive: true, force: true });

  if (pages === REBUILD_AT && !cold.timedOut) {
    editPage(join(project, 'content'), Math.floor(pages / 2), `bench ${new Date().toISOString()}`);
    const again = await astroBuild(project, {}, allowance(0.3));
    if (again.timedOut) log(`scale ${pages}: the rebuild did not finish in ${Math.round(again.wallMs / 1000)} s`);
    report.rebuild = {
      ms: Math.round(again.wallMs),
      peakMb: mb(again.peakRss),
      ratio: Math.round((again.wallMs / cold.wallMs) * 100) / 100,
      indexMs: again.indexMs,
    };
    log(
      `scale ${pages}: rebuild after a one-page edit ${(again.wallMs / 1000).toFixed(1)} s (${report.rebuild.ratio} × cold)`,
    );
  }
  if (!KEEP) rmSync(project, { recursive: true, force: true });
  return report;
}

function table(rows: (string | number)[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => String(row[column] ?? '').length)));
  const line = (row: (string | number)[]) =>
    `| ${row.map((cell, column) => String(cell).padEnd(widths[column]!)).join(' | ')} |`;
  return [line(rows[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

function render(site: SiteReport | undefined, scale: ScaleReport[], meta: Record<string, unknown>): string {
  const out: string[] = [
    `# Bench ${String(meta['date'])}`,
    '',
    `Machine: ${String(meta['cpus'])} cores, ${String(meta['memGb'])} GB; load average at start ${String(meta['loadStart'])}, at end ${String(meta['loadEnd'])}.`,
    '',
  ];
  if (site && Object.keys(site.pages).length === 0) out.push(`Real site: ${site.source} (search latency only).`, '');
  if (site && Object.keys(site.pages).length > 0) {
    out.push(`## Page weight (${site.source}; Chromium, brotli as sent)`, '');
    out.push(
      table([
        [
          'page type',
          'path',
          'requests',
          'HTML KB',
          'CSS KB',
          'JS KB',
          'other KB',
          'total KB',
          'budget (HTML+CSS+JS) KB',
          'search before intent',
        ],
        ...Object.entries(site.pages).map(([label, w]) => {
          const html = w.byType['html'] ?? 0;
          const css = w.byType['css'] ?? 0;
          const js = w.byType['js'] ?? 0;
          return [
            label,
            w.path,
            w.requests,
            kb(html),
            kb(css),
            kb(js),
            kb(w.bytes - html - css - js),
            kb(w.bytes),
            kb(w.budget),
            w.searchBeforeIntent.length === 0 ? 'none' : w.searchBeforeIntent.join(' '),
          ];
        }),
      ]),
      '',
    );
  }
  if (site) {
    if (site.search) {
      const s = site.search;
      out.push(`## Search phases (${s.page}, query「${s.query}」then「${s.second}」)`, '');
      out.push(
        table([
          ['phase', 'requests', 'KB', 'detail'],
          [
            'intent (hover)',
            s.intent.requests,
            kb(s.intent.bytes),
            s.intent.files.map((f) => f.split(' ')[0]!.split('/').pop()).join(', '),
          ],
          [
            'open + first results',
            s.firstResults.requests,
            kb(s.firstResults.bytes),
            Object.entries(s.firstResults.byType)
              .map(([k, v]) => `${k} ${kb(v)}`)
              .join(', '),
          ],
          [
            'intent → first results',
            s.total.requests,
            kb(s.total.bytes),
            `budget ${kb(SEARCH_BUDGET.firstResultsMeasured)} KB; ${s.hits} hits`,
          ],
          ['second query', s.secondQuery.requests, kb(s.secondQuery.bytes), ''],
        ]),
        '',
      );
    }
    for (const l of site.latency ?? []) {
      out.push(
        `## Search latency (${l.page}; last keystroke → that query's results in the DOM, incl. the UI's debounce; ${l.queries} queries)`,
        '',
      );
      out.push(
        table([
          ['', 'median ms', 'min ms', 'max ms', 'median to next frame ms'],
          [
            'cold (fresh page)',
            l.coldMedian.toFixed(0),
            Math.min(...l.coldMs).toFixed(0),
            Math.max(...l.coldMs).toFixed(0),
            l.coldFrameMedian.toFixed(0),
          ],
          [
            'warm',
            l.warmMedian.toFixed(0),
            Math.min(...l.warmMs).toFixed(0),
            Math.max(...l.warmMs).toFixed(0),
            l.warmFrameMedian.toFixed(0),
          ],
        ]),
        '',
      );
    }
    if (site.lighthouse) {
      out.push(`## Lighthouse 12.2.3 (median of ${LH_RUNS} runs)`, '');
      out.push(
        table([
          ['page', 'form factor', 'perf', 'a11y', 'best pr.', 'SEO', 'LCP ms', 'total KB', 'audits below 1'],
          ...site.lighthouse.map((l) => [
            new URL(l.url).pathname,
            l.formFactor,
            l.scores.performance,
            l.scores.accessibility,
            l.scores['best-practices'],
            l.scores.seo,
            l.lcpMs,
            kb(l.totalBytes),
            l.failing.join('; ') || '—',
          ]),
        ]),
        '',
      );
    }
  }
  if (scale.length > 0) {
    out.push('## Build at scale (synthetic corpus; wall time, peak RSS of the process tree)', '');
    out.push(
      table([
        [
          'pages',
          'build s',
          'search step after rendering s',
          'ms/page',
          'peak MB: tree',
          'Astro',
          'Pagefind',
          'index alone s',
          'index alone peak MB',
          'dist MB',
          'index MB (files)',
          'one-page rebuild s',
        ],
        ...scale.map((s) => [
          s.pages,
          `${s.timedOut ? '> ' : ''}${(s.buildMs / 1000).toFixed(1)}`,
          s.indexInBuildMs === undefined ? '?' : (s.indexInBuildMs / 1000).toFixed(1),
          s.msPerPage,
          s.buildPeakMb,
          s.astroPeakMb,
          s.pagefindPeakMb,
          s.indexAlone
            ? `${Number.isNaN(s.indexAlone.indexMs) ? '> ' : ''}${(s.indexAlone.ms / 1000).toFixed(1)}`
            : '—',
          s.indexAlone?.peakMb ?? '—',
          s.distMb,
          `${s.indexMb} (${s.indexFiles})`,
          s.rebuild ? `${(s.rebuild.ms / 1000).toFixed(1)} (${s.rebuild.ratio} × cold)` : '—',
        ]),
      ]),
      '',
    );
    const cli = scale.find((s) => s.pagefindCli);
    if (cli?.pagefindCli)
      out.push(
        `Pagefind CLI on the ${cli.pages}-page output: ${(cli.pagefindCli.ms / 1000).toFixed(1)} s, peak ${cli.pagefindCli.peakMb} MB, index ${cli.pagefindCli.indexMb} MB.`,
        '',
      );
  }
  const checks = targetChecks(site, scale);
  out.push(
    '## Targets',
    '',
    table([
      ['target', 'value', 'holds'],
      ...checks.map((c) => [c.name, c.value, c.ok === undefined ? 'n/a' : c.ok ? 'yes' : 'NO']),
    ]),
    '',
  );
  return out.join('\n');
}

function targetChecks(
  site: SiteReport | undefined,
  scale: ScaleReport[],
): { name: string; value: string; ok?: boolean | undefined }[] {
  const checks: { name: string; value: string; ok?: boolean | undefined }[] = [];
  for (const [label, w] of Object.entries(site?.pages ?? {})) {
    const shell = (w.byType['html'] ?? 0) + (w.byType['css'] ?? 0) + (w.byType['js'] ?? 0);
    checks.push({
      name: `${label}: HTML+CSS+JS ≤ ${kb(w.budget)} KB, ≤ ${PAGE_BUDGETS[w.type as keyof typeof PAGE_BUDGETS].requests} requests`,
      value: `${kb(shell)} KB, ${w.requests} req`,
      ok: shell <= w.budget && w.requests <= PAGE_BUDGETS[w.type as keyof typeof PAGE_BUDGETS].requests,
    });
  }
  const worker = Object.values(site?.pages ?? {}).flatMap((w) => w.serviceWorker)[0];
  if (worker)
    checks.push({
      name: `service worker (fetched after load) ≤ ${kb(SERVICE_WORKER_MAX_BYTES)} KB brotli`,
      value: `${kb(worker.bytes)} KB`,
      ok: worker.bytes <= SERVICE_WORKER_MAX_BYTES,
    });
  if (site?.search)
    checks.push({
      name: `search intent → first results ≤ ${kb(SEARCH_BUDGET.firstResultsMeasured)} KB`,
      value: `${kb(site.search.total.bytes)} KB`,
      ok: site.search.total.bytes <= SEARCH_BUDGET.firstResultsMeasured,
    });
  for (const latency of site?.latency ?? []) {
    checks.push({
      name: `search cold median on ${latency.page} ≤ ${SCALE_TARGETS.searchColdMs} ms`,
      value: `${latency.coldMedian.toFixed(0)} ms`,
      ok: latency.coldMedian <= SCALE_TARGETS.searchColdMs,
    });
    checks.push({
      name: `search warm median on ${latency.page} ≤ ${SCALE_TARGETS.searchWarmMs} ms`,
      value: `${latency.warmMedian.toFixed(0)} ms`,
      ok: latency.warmMedian <= SCALE_TARGETS.searchWarmMs,
    });
  }
  for (const l of site?.lighthouse ?? []) {
    const min = Math.min(...Object.values(l.scores));
    checks.push({
      name: `Lighthouse ${l.formFactor} ${new URL(l.url).pathname}: 100 in all four`,
      value: Object.values(l.scores).join('/'),
      ok: min >= SCALE_TARGETS.lighthouseScore,
    });
  }
  const at = (n: number) => scale.find((s) => s.pages === n);
  const target = at(SCALE_TARGETS.pages);
  if (target) {
    const pages = SCALE_TARGETS.pages.toLocaleString('en');
    checks.push({
      name: `${pages} pages (both editions) built and indexed ≤ ${SCALE_TARGETS.buildSeconds} s`,
      value: `${target.timedOut ? '> ' : ''}${(target.buildMs / 1000).toFixed(1)} s (CPU ${
        target.buildCpuMs === undefined ? '?' : (target.buildCpuMs / 1000).toFixed(1)
      } s)`,
      ok: !target.timedOut && target.buildMs <= SCALE_TARGETS.buildSeconds * 1000,
    });
    checks.push({
      name: `${pages} pages: build peak (Astro + Pagefind processes) < ${(SCALE_TARGETS.buildPeakBytes / 1024 ** 3).toFixed(1)} GB`,
      value: `${target.timedOut ? '≥ ' : ''}${target.buildPeakMb} MB`,
      ok:
        target.buildPeakMb * 1024 * 1024 < SCALE_TARGETS.buildPeakBytes ? (target.timedOut ? undefined : true) : false,
    });
  }
  const big = at(SCALE_TARGETS.completesPages);
  if (big)
    checks.push({
      name: `${SCALE_TARGETS.completesPages.toLocaleString('en')} pages still build`,
      value: `${big.timedOut ? `stopped after ${(big.buildMs / 1000).toFixed(0)} s` : `${(big.buildMs / 1000).toFixed(1)} s`}, peak ${big.buildPeakMb} MB`,
      ok: big.timedOut ? undefined : true,
    });
  const rebuilt = scale.find((s) => s.rebuild);
  if (rebuilt?.rebuild)
    checks.push({
      name: `one-page edit rebuild (${rebuilt.pages} pages), × cold`,
      value: `${rebuilt.rebuild.ratio} ×`,
    });
  return checks;
}

async function main() {
  mkdirSync(WORK, { recursive: true });
  const meta = {
    date: new Date().toISOString(),
    cpus: cpus().length,
    memGb: Math.round(totalmem() / 1024 ** 3),
    freeGbStart: Math.round(freemem() / 1024 ** 3),
    loadStart: loadavg()
      .map((n) => n.toFixed(2))
      .join(' '),
    loadEnd: '',
    scale: SCALE,
    lighthouseRuns: LH_RUNS,
    queries: QUERIES,
    node: process.version,
  };
  log(`work dir ${WORK}; load average ${meta.loadStart} (other builds on this machine make times noisy)`);
  const chromePath = ensureChromium((line) => log(line));
  let site: SiteReport | undefined;
  const errors: string[] = [];
  try {
    if (env['BENCH_SITE'] !== '0') {
      site = await benchSite(chromePath);
      errors.push(...site.errors.map((error) => `site: ${error}`));
    }
  } catch (error) {
    errors.push(`site: ${String(error)}`);
    log(`site step failed: ${String(error)}`);
  }
  const scale: ScaleReport[] = [];
  const sizes = LATENCY_ONLY ? [] : [...SCALE].sort((a, b) => a - b);
  for (const pages of sizes) {
    if (DEADLINE - Date.now() < 60_000) {
      errors.push(`scale ${pages}: skipped, BENCH_DEADLINE reached`);
      continue;
    }
    try {
      scale.push(await benchScale(pages, pages === sizes.at(-1)));
    } catch (error) {
      errors.push(`scale ${pages}: ${String(error)}`);
      log(`scale ${pages} failed: ${String(error)}`);
    }
  }
  meta.loadEnd = loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
  const markdown = render(site, scale, meta);
  const results = {
    meta,
    site: site && {
      ...site,
      pages: Object.fromEntries(
        Object.entries(site.pages).map(([k, v]) => [
          k,
          { ...v, transfers: v.transfers.map((t) => `${t.path} ${t.bytes} ${t.encoding}`) },
        ]),
      ),
    },
    scale,
    targets: targetChecks(site, scale),
    errors,
    totalSeconds: Math.round((Date.now() - started) / 1000),
  };
  mkdirSync(join(process.cwd(), 'bench-results'), { recursive: true });
  writeFileSync(join(process.cwd(), 'bench-results', 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(process.cwd(), 'bench-results', 'latest.md'), `${markdown}\n`);
  console.log(markdown);
  if (errors.length > 0) console.log(`\nErrors:\n${errors.join('\n')}`);
  console.log(`\nWrote bench-results/latest.json and latest.md in ${results.totalSeconds} s.`);
  if (!KEEP) rmSync(WORK, { recursive: true, force: true });
}

await main();
