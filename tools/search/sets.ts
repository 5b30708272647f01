/**
 * The query sets in tests/search/: every `*.json` file there is one set, of one of two kinds.
 *
 * - recall set (queries.json): groups of `{ q, expect: string[], also?: string[] }`; every page
 *   in `expect` must be among the first five, a query expecting `[]` must return nothing,
 *   pages in `also` may be returned without lowering precision.
 * - ranking set (questions.json, navigational.json, held-out sets): groups of
 *   `{ q, expect: string, also?: string[] }`; `expect` (or a page in `also`) should come first.
 *
 * A set's own `require` holds its thresholds (recall sets: `recallAt5`, `precision`, `minQueries`,
 * `minGroups`, and `groups`, the groups checked when not all; a recall set's checked groups also
 * have no failure; ranking sets: `top1`, `mrr`, `minQueries`, over all groups together).
 * `requireWasm`, when present, replaces `require` on Pagefind's wasm path. A set without
 * `require` is still run and reported, and its expected pages must exist.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  evaluate,
  evaluateRanking,
  pagePath,
  type EvalQuery,
  type GroupResult,
  type RankQuery,
  type RankResult,
} from './score';

export const SETS_DIR = fileURLToPath(new URL('../../tests/search/', import.meta.url));

export interface RecallRequirement {
  /** Only these groups are checked (default: all). */
  groups?: string[];
  recallAt5?: number;
  precision?: number;
  minQueries?: number;
  minGroups?: number;
}

export interface RankRequirement {
  top1?: number;
  mrr?: number;
  minQueries?: number;
}

export type QuerySetFile =
  | {
      name: string;
      kind: 'recall';
      groups: Record<string, EvalQuery[]>;
      require?: RecallRequirement;
      requireWasm?: RecallRequirement;
    }
  | {
      name: string;
      kind: 'rank';
      groups: Record<string, RankQuery[]>;
      require?: RankRequirement;
      requireWasm?: RankRequirement;
    };

/** The two search paths (src/search/client.ts): fragments read directly, or Pagefind's wasm index. */
export type SearchPath = 'direct' | 'wasm';

export type SetOutcome =
  | { set: QuerySetFile & { kind: 'recall' }; results: GroupResult[] }
  | { set: QuerySetFile & { kind: 'rank' }; results: RankResult[] };

/** Reads one set file; throws naming the file when it is neither kind. */
export function parseSet(name: string, text: string): QuerySetFile {
  const json = JSON.parse(text) as { groups?: unknown; require?: unknown; requireWasm?: unknown };
  const groups = json.groups;
  if (!groups || typeof groups !== 'object' || Array.isArray(groups))
    throw new Error(`tests/search/${name}: no "groups" object`);
  const queries = Object.values(groups as Record<string, unknown>).flatMap((list) =>
    Array.isArray(list) ? (list as unknown[]) : [],
  );
  const isQuery = (x: unknown): x is { q: unknown; expect: unknown; also?: unknown } =>
    !!x && typeof x === 'object' && 'q' in x && 'expect' in x;
  const strings = (x: unknown) => Array.isArray(x) && x.every((item) => typeof item === 'string');
  const alsoOk = (x: { also?: unknown }) => x.also === undefined || strings(x.also);
  if (
    queries.length > 0 &&
    queries.every((x) => isQuery(x) && typeof x.q === 'string' && strings(x.expect) && alsoOk(x))
  )
    return {
      name,
      kind: 'recall',
      groups: groups as Record<string, EvalQuery[]>,
      require: json.require as RecallRequirement,
      requireWasm: json.requireWasm as RecallRequirement,
    };
  if (
    queries.length > 0 &&
    queries.every((x) => isQuery(x) && typeof x.q === 'string' && typeof x.expect === 'string' && alsoOk(x))
  )
    return {
      name,
      kind: 'rank',
      groups: groups as Record<string, RankQuery[]>,
      require: json.require as RankRequirement,
      requireWasm: json.requireWasm as RankRequirement,
    };
  throw new Error(
    `tests/search/${name}: every query must be { q, expect: string[] } (recall) or { q, expect: string } (ranking), with an optional also: string[]`,
  );
}

/** Every set in tests/search/ (or `dir`), by file name. */
export async function loadSets(dir = SETS_DIR): Promise<QuerySetFile[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  return Promise.all(names.map(async (name) => parseSet(name, await readFile(`${dir}/${name}`, 'utf8'))));
}

/** Runs a set: `run` takes a query and gives the result URLs (or site paths), best first. */
export async function runSet(set: QuerySetFile, run: (q: string) => Promise<string[]>): Promise<SetOutcome> {
  return set.kind === 'recall'
    ? { set, results: await evaluate(run, { groups: set.groups }) }
    : { set, results: await evaluateRanking(run, { groups: set.groups }) };
}

/** Every page a set names (expected or acceptable), as site paths. */
export function pagesNamed(set: QuerySetFile): string[] {
  const pages = Object.values(set.groups)
    .flat()
    .flatMap((query: EvalQuery | RankQuery) => [
      ...(Array.isArray(query.expect) ? query.expect : [query.expect]),
      ...(query.also ?? []),
    ]);
  return [...new Set(pages.map(pagePath))].sort();
}

const percent = (x: number) => `${(x * 100).toFixed(1)} %`;

/** What falls short of the set's `require` on `path` (empty when it holds), one line per problem. */
export function shortfalls(outcome: SetOutcome, path: SearchPath): string[] {
  const problems: string[] = [];
  const { name } = outcome.set;
  if (outcome.set.kind === 'recall') {
    const need = (path === 'wasm' ? outcome.set.requireWasm : undefined) ?? outcome.set.require ?? {};
    const results = (outcome.results as GroupResult[]).filter(
      (result) => need.groups === undefined || need.groups.includes(result.group),
    );
    if (need.groups) {
      const missing = need.groups.filter((group) => !results.some((result) => result.group === group));
      if (missing.length > 0) problems.push(`${name}: no group ${missing.join(', ')}`);
    }
    const total = results.reduce((sum, result) => sum + result.queries, 0);
    if (need.minGroups !== undefined && results.length < need.minGroups)
      problems.push(`${name}: ${results.length} groups, fewer than ${need.minGroups}`);
    if (need.minQueries !== undefined && total < need.minQueries)
      problems.push(`${name}: ${total} queries, fewer than ${need.minQueries}`);
    for (const result of results) {
      for (const failure of result.failures)
        problems.push(
          `${name} ${result.group}: ${failure.q} → expected ${failure.expected.join(' ') || 'nothing'}; got ${failure.got.join(' ') || 'nothing'}`,
        );
      if (need.recallAt5 !== undefined && result.recallAt5 < need.recallAt5)
        problems.push(`${name} ${result.group}: recall@5 ${percent(result.recallAt5)} < ${percent(need.recallAt5)}`);
      if (need.precision !== undefined && result.precision < need.precision)
        problems.push(
          `${name} ${result.group}: precision ${percent(result.precision)} < ${percent(need.precision)}; extra pages: ${result.extras
            .map((extra) => `${extra.q} → ${extra.got.join(' ')}`)
            .join('; ')}`,
        );
    }
    return problems;
  }
  const need = (path === 'wasm' ? outcome.set.requireWasm : undefined) ?? outcome.set.require ?? {};
  const all = (outcome.results as RankResult[]).at(-1) as RankResult;
  const misses = () =>
    all.failures
      .map((failure) => `${failure.q} → ${failure.expected} ${failure.rank ? `at ${failure.rank}` : 'missing'}`)
      .join('; ');
  if (need.minQueries !== undefined && all.queries < need.minQueries)
    problems.push(`${name}: ${all.queries} queries, fewer than ${need.minQueries}`);
  if (need.top1 !== undefined && all.top1 < need.top1)
    problems.push(`${name}: top-1 ${percent(all.top1)} < ${percent(need.top1)} (${misses()})`);
  if (need.mrr !== undefined && all.mrr < need.mrr)
    problems.push(`${name}: MRR ${all.mrr.toFixed(3)} < ${need.mrr} (${misses()})`);
  return problems;
}
