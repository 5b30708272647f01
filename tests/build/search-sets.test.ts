/**
 * Search quality, in Node: every query set in tests/search/ (tools/search/sets.ts) through the
 * site's own engine (src/search/client.ts) against the built index, on both search paths:
 * Pagefind's fragments read directly (this site's size) and Pagefind's wasm index (scan limit
 * 0, the path larger sites take). Each set's `require` holds its thresholds. The browser test
 * (tests/e2e/search.test.ts) checks on a few queries that the dialog shows what this computes.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { nodeSearch, type NodeSearch } from '../../tools/search/node';
import {
  loadSets,
  pagesNamed,
  runSet,
  shortfalls,
  type QuerySetFile,
  type RankRequirement,
} from '../../tools/search/sets';
import { distDir } from './helpers';

/**
 * Floors for the held-out sets (tests/search/heldout*-*.json: each written from the pages alone by
 * someone who had not read the ranking code or the other sets, committed before the ranking round
 * it judges, and never edited; they carry no `require` of their own, as their files stay as
 * written). Each floor is what the set measures on the site as it is, on each path, so a change
 * that loses ground on questions nobody tuned for fails here. Issue #21, 2026-12-07:
 *
 * - heldout (70c992e): judged the first round (65.4 → 84.0 % questions on the pages of then);
 *   seen during the `rankfix` round and the second round, so a development set since. 86.4 %
 *   now: two of its misses expect /timeline/ for a year's host city, written before /meetings/
 *   existed, and /meetings/ now comes first.
 * - heldout2 (ed72f8b): judged the second round, measured once after it: questions 68.2 → 78.8 %,
 *   navigational 93.8 → 92.3 %. Read then, and tuned on in the third round (84.7 %, 98.5 %).
 * - heldout3 (b66f460): judged the third round, measured once after it: questions 80.0 → 82.0 %,
 *   navigational 96.2 → 97.4 %. Not tuned on.
 */
const HELDOUT_FLOORS: Record<string, Record<'direct' | 'wasm', RankRequirement>> = {
  'heldout-questions.json': {
    direct: { top1: 0.864, mrr: 0.911, minQueries: 81 },
    wasm: { top1: 0.864, mrr: 0.911, minQueries: 81 },
  },
  'heldout-navigational.json': {
    direct: { top1: 0.935, mrr: 0.959, minQueries: 77 },
    wasm: { top1: 0.935, mrr: 0.959, minQueries: 77 },
  },
  'heldout2-questions.json': {
    direct: { top1: 0.847, mrr: 0.905, minQueries: 85 },
    wasm: { top1: 0.847, mrr: 0.905, minQueries: 85 },
  },
  'heldout2-navigational.json': {
    direct: { top1: 0.984, mrr: 0.984, minQueries: 65 },
    wasm: { top1: 0.984, mrr: 0.984, minQueries: 65 },
  },
  'heldout3-questions.json': {
    direct: { top1: 0.82, mrr: 0.869, minQueries: 100 },
    wasm: { top1: 0.82, mrr: 0.869, minQueries: 100 },
  },
  'heldout3-navigational.json': {
    direct: { top1: 0.974, mrr: 0.974, minQueries: 78 },
    wasm: { top1: 0.974, mrr: 0.974, minQueries: 78 },
  },
};

const sets = await loadSets();
let search: NodeSearch;

beforeAll(async () => {
  search = await nodeSearch({ dist: fileURLToPath(distDir) });
});
afterAll(async () => {
  await search?.close();
});

test('the query sets are found and each names only pages the site has', () => {
  expect(sets.map((set) => set.name)).toEqual(
    expect.arrayContaining(['navigational.json', 'queries.json', 'questions.json', ...Object.keys(HELDOUT_FLOORS)]),
  );
  for (const set of sets) {
    const missing = pagesNamed(set).filter((page) => !existsSync(new URL(`.${page}index.html`, distDir)));
    expect(missing, set.name).toEqual([]);
  }
});

describe.each([
  ['direct', undefined],
  ['wasm', 0],
] as const)('search path: %s', (path, scanLimit) => {
  test('the engine reads what this path reads', async () => {
    const before = search.requested().length;
    const engine = await search.engine('hant', scanLimit);
    expect((await engine.search('坎培拉')).hits.length).toBeGreaterThan(0);
    const read = search.requested().slice(before);
    expect(
      read.some((file) => file.startsWith('/pagefind/wasm.')),
      path,
    ).toBe(scanLimit === 0);
    expect(engine.fromMemory()).toBe(scanLimit !== 0);
  });

  test.each(sets.map((set) => [set.name, set] as const))('%s', async (_name, set) => {
    const engine = await search.engine('hant', scanLimit);
    const floor = HELDOUT_FLOORS[set.name]?.[path];
    const judged: QuerySetFile = floor && set.kind === 'rank' ? { ...set, require: floor, requireWasm: floor } : set;
    const outcome = await runSet(judged, async (q) => (await engine.search(q)).hits.map((hit) => hit.url));
    expect(shortfalls(outcome, path)).toEqual([]);
  });
});
