/**
 * Lighthouse 12.2.3 (pinned) on the system Chromium via chrome-launcher: the four category
 * scores, LCP and total bytes, median of N runs, mobile (default config, simulated slow 4G
 * and CPU) and desktop (lighthouse's desktop config).
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { CHROMIUM_ARGS } from '../chromium';
import { median } from './browser';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

export interface LighthouseRun {
  scores: Record<(typeof CATEGORIES)[number], number>;
  lcpMs: number;
  totalBytes: number;
  /** Audits scored below 1 in a category (why a score is not 100). */
  failing: string[];
}

export interface LighthouseSummary {
  url: string;
  formFactor: 'mobile' | 'desktop';
  runs: number;
  /** Medians over the runs. */
  scores: Record<(typeof CATEGORIES)[number], number>;
  lcpMs: number;
  totalBytes: number;
  failing: string[];
}

export async function runLighthouse(
  chromePath: string,
  urls: readonly string[],
  runs: number,
  log: (line: string) => void,
): Promise<LighthouseSummary[]> {
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: [...CHROMIUM_ARGS, '--headless=new'],
    logLevel: 'silent',
  });
  const summaries: LighthouseSummary[] = [];
  try {
    for (const url of urls) {
      for (const formFactor of ['mobile', 'desktop'] as const) {
        const list: LighthouseRun[] = [];
        for (let run = 0; run < runs; run++) {
          // A trace occasionally fails to record (NO_NAVSTART) on a busy machine: retry that run.
          let lhr;
          for (let attempt = 1; ; attempt++) {
            const result = await lighthouse(
              url,
              { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
              formFactor === 'desktop' ? desktopConfig : undefined,
            );
            if (!result) throw new Error(`lighthouse returned nothing for ${url}`);
            lhr = result.lhr;
            if (!lhr.runtimeError) break;
            if (attempt >= 3) throw new Error(`lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
            log(`  lighthouse ${formFactor} ${url}: ${lhr.runtimeError.code}, retrying`);
          }
          const scores = Object.fromEntries(
            CATEGORIES.map((id) => [id, Math.round((lhr.categories[id]?.score ?? 0) * 100)]),
          ) as LighthouseRun['scores'];
          const failing: string[] = [];
          for (const id of CATEGORIES) {
            for (const ref of lhr.categories[id]?.auditRefs ?? []) {
              const audit = lhr.audits[ref.id];
              if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1)
                failing.push(`${id}: ${ref.id} (${audit.displayValue ?? audit.score})`);
            }
          }
          list.push({
            scores,
            lcpMs: Number(lhr.audits['largest-contentful-paint']?.numericValue ?? NaN),
            totalBytes: Number(lhr.audits['total-byte-weight']?.numericValue ?? NaN),
            failing,
          });
        }
        const summary: LighthouseSummary = {
          url,
          formFactor,
          runs,
          scores: Object.fromEntries(
            CATEGORIES.map((id) => [id, median(list.map((run) => run.scores[id]))]),
          ) as LighthouseRun['scores'],
          lcpMs: Math.round(median(list.map((run) => run.lcpMs))),
          totalBytes: median(list.map((run) => run.totalBytes)),
          failing: [...new Set(list.flatMap((run) => run.failing))],
        };
        log(
          `  lighthouse ${formFactor} ${url}: ${CATEGORIES.map((id) => summary.scores[id]).join('/')} LCP ${summary.lcpMs} ms, ${summary.totalBytes} B`,
        );
        summaries.push(summary);
      }
    }
  } finally {
    chrome.kill();
  }
  return summaries;
}
