/**
 * Search evaluation (pure; the caller decides how a query is run, e.g. in Chromium against the
 * built site). Queries come from tests/search/queries.json: named groups of `{ q, expect }`,
 * where `expect` lists page paths (`/founding/`) and `[]` means "must return nothing".
 *
 * Per group:
 * - recallAt5: expected pages found among the first 5 results, divided by min(5, expected),
 *   averaged over the group's queries that expect pages (1 when the group has none);
 * - precision: share of returned pages that were expected, averaged over queries that returned
 *   something; a query expecting [] scores 1 only when it returns nothing;
 * - failures: queries missing an expected page in the top 5, or returning a page for an
 *   "absent" query.
 */

export interface EvalQuery {
  q: string;
  expect: string[];
  /** Pages that may also be returned without counting against precision. */
  also?: string[] | undefined;
}

export type QuerySet = Record<string, EvalQuery[]> | { groups: Record<string, EvalQuery[]> };

export interface EvalFailure {
  q: string;
  expected: string[];
  got: string[];
}

export interface GroupResult {
  group: string;
  queries: number;
  recallAt5: number;
  precision: number;
  failures: EvalFailure[];
  /** Queries that returned pages they should not (what lowers precision), with those pages. */
  extras: EvalFailure[];
}

/** Reduces a result URL to its path (`https://x/founding/?highlight=a#h` → `/founding/`). */
export function pagePath(url: string): string {
  try {
    const path = new URL(url, 'https://eval.invalid').pathname;
    return path.endsWith('/') || path.includes('.') ? path : `${path}/`;
  } catch {
    return url;
  }
}

const groupsOf = (queries: QuerySet): Record<string, EvalQuery[]> =>
  'groups' in queries && typeof queries.groups === 'object' && !Array.isArray(queries.groups)
    ? (queries.groups as Record<string, EvalQuery[]>)
    : (queries as Record<string, EvalQuery[]>);

/** The distinct pages a query returns, best first; none when the search throws. */
async function pagesFound(run: (q: string) => Promise<string[]>, q: string): Promise<string[]> {
  try {
    return [...new Set((await run(q)).map(pagePath))];
  } catch {
    return [];
  }
}

export async function evaluate(run: (q: string) => Promise<string[]>, queries: QuerySet): Promise<GroupResult[]> {
  const results: GroupResult[] = [];
  for (const [group, list] of Object.entries(groupsOf(queries))) {
    if (!Array.isArray(list)) continue;
    let recallSum = 0;
    let recallCount = 0;
    let precisionSum = 0;
    let precisionCount = 0;
    const failures: EvalFailure[] = [];
    const extras: EvalFailure[] = [];
    for (const { q, expect, also = [] } of list) {
      const got = await pagesFound(run, q);
      const expected = expect.map(pagePath);
      const acceptable = [...expected, ...also.map(pagePath)];
      const extra = got.filter((page) => !acceptable.includes(page));
      if (expected.length > 0 && extra.length > 0) extras.push({ q, expected, got: extra });
      const top5 = got.slice(0, 5);
      if (expected.length === 0) {
        precisionSum += got.length === 0 ? 1 : 0;
        precisionCount++;
        if (got.length > 0) failures.push({ q, expected, got });
        continue;
      }
      const found = expected.filter((page) => top5.includes(page)).length;
      recallSum += found / Math.min(expected.length, 5);
      recallCount++;
      if (got.length > 0) {
        precisionSum += got.filter((page) => acceptable.includes(page)).length / got.length;
        precisionCount++;
      }
      if (found < Math.min(expected.length, 5)) failures.push({ q, expected, got });
    }
    const round = (x: number) => Math.round(x * 1000) / 1000;
    results.push({
      group,
      queries: list.length,
      recallAt5: round(recallCount ? recallSum / recallCount : 1),
      precision: round(precisionCount ? precisionSum / precisionCount : 1),
      failures,
      extras,
    });
  }
  return results;
}

/* ------------------------------------------------------------------ ranking sets */

/** A query with the one page that should come first (tests/search/questions.json, navigational.json). */
export interface RankQuery {
  q: string;
  expect: string;
  /** Other pages that answer it as well: any of them first counts as top-1. */
  also?: string[] | undefined;
}

export type RankSet = { groups: Record<string, RankQuery[]> };

export interface RankFailure {
  q: string;
  expected: string;
  /** Rank of the expected page (1 = first), or 0 when it was not returned. */
  rank: number;
  got: string[];
}

export interface RankResult {
  group: string;
  queries: number;
  /** Share of queries whose expected page came first. */
  top1: number;
  /** Mean reciprocal rank of the expected page (0 when missing). */
  mrr: number;
  failures: RankFailure[];
}

/** Top-1 and MRR per group, and for all groups together (group `all`, last). */
export async function evaluateRanking(run: (q: string) => Promise<string[]>, set: RankSet): Promise<RankResult[]> {
  const results: RankResult[] = [];
  const total = { queries: 0, top1: 0, rr: 0, failures: [] as RankFailure[] };
  for (const [group, list] of Object.entries(set.groups)) {
    let top1 = 0;
    let rr = 0;
    const failures: RankFailure[] = [];
    for (const { q, expect, also = [] } of list) {
      const got = await pagesFound(run, q);
      const acceptable = [expect, ...also].map(pagePath);
      const rank = got.findIndex((page) => acceptable.includes(page)) + 1;
      if (rank === 1) top1++;
      if (rank > 0) rr += 1 / rank;
      if (rank !== 1) failures.push({ q, expected: pagePath(expect), rank, got: got.slice(0, 5) });
    }
    const round = (x: number) => Math.round(x * 1000) / 1000;
    results.push({
      group,
      queries: list.length,
      top1: round(list.length ? top1 / list.length : 1),
      mrr: round(list.length ? rr / list.length : 1),
      failures,
    });
    total.queries += list.length;
    total.top1 += top1;
    total.rr += rr;
    total.failures.push(...failures);
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  results.push({
    group: 'all',
    queries: total.queries,
    top1: round(total.queries ? total.top1 / total.queries : 1),
    mrr: round(total.queries ? total.rr / total.queries : 1),
    failures: total.failures,
  });
  return results;
}
