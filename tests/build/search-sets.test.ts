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
 * that loses ground on questions nobody tuned for fails here. Issue #21, 2026-12-07, questions
 * top-1 (navigational in brackets); "once" is the one measurement at the end of the round judged:
 *
 * - heldout (70c992e): first round, 65.4 → 84.0 % on the pages of then; then read and tuned on.
 *   Two of its misses expect /timeline/ for a year's host city (written before /meetings/).
 * - heldout2 (ed72f8b): second round, once: 68.2 → 78.8 % (93.8 → 92.3 %); then read and tuned on.
 * - heldout3 (b66f460): third round, once: 80.0 → 82.0 % (96.2 → 97.4 %); then read and tuned on.
 * - heldout4 (957f19d): fourth round, once: 84.3 → 87.0 % (95.5 → 97.0 %); its writer accepted a
 *   second page (`also`, mostly the FAQ) on 49 of 115 questions: counting only `expect`, 78.3 %.
 * - heldout5 (b91edc5): written after the fourth round to measure it, `also` on 17 of 127; once:
 *   81.1 % (94.2 %), 79.5 % counting only `expect`; then read and tuned on in the sixth round.
 * - heldout6 (9362a52): sixth round, once: 81.1 → 84.6 % (92.2 → 92.2 %); then read and tuned on.
 * - heldout7 (8af63dd): seventh round, once: 85.2 → 85.2 % (90.8 → 94.7 %), `also` on 7 of 135.
 *   Not read before that measurement, not tuned on.
 *
 * Floors are today's values. heldout's first set fell from 87.7 to 86.4 % (94.8 → 93.5 %) when
 * 中華臺北 began leading to /taiwan/, the page that explains it: its Chinese Taipei queries, written
 * before that page existed, name only /members/.
 */
const HELDOUT_FLOORS: Record<string, Record<'direct' | 'wasm', RankRequirement>> = {
  'heldout-questions.json': {
    direct: { top1: 0.864, mrr: 0.912, minQueries: 81 },
    wasm: { top1: 0.864, mrr: 0.912, minQueries: 81 },
  },
  'heldout-navigational.json': {
    direct: { top1: 0.935, mrr: 0.965, minQueries: 77 },
    wasm: { top1: 0.935, mrr: 0.965, minQueries: 77 },
  },
  'heldout2-questions.json': {
    direct: { top1: 0.894, mrr: 0.937, minQueries: 85 },
    wasm: { top1: 0.894, mrr: 0.937, minQueries: 85 },
  },
  'heldout2-navigational.json': {
    direct: { top1: 0.984, mrr: 0.984, minQueries: 65 },
    wasm: { top1: 0.984, mrr: 0.984, minQueries: 65 },
  },
  'heldout3-questions.json': {
    direct: { top1: 0.86, mrr: 0.905, minQueries: 100 },
    wasm: { top1: 0.86, mrr: 0.905, minQueries: 100 },
  },
  'heldout3-navigational.json': {
    direct: { top1: 1, mrr: 1, minQueries: 78 },
    wasm: { top1: 1, mrr: 1, minQueries: 78 },
  },
  'heldout4-questions.json': {
    direct: { top1: 0.887, mrr: 0.926, minQueries: 115 },
    wasm: { top1: 0.887, mrr: 0.926, minQueries: 115 },
  },
  'heldout4-navigational.json': {
    direct: { top1: 0.97, mrr: 0.97, minQueries: 66 },
    wasm: { top1: 0.97, mrr: 0.97, minQueries: 66 },
  },
  'heldout5-questions.json': {
    direct: { top1: 0.85, mrr: 0.896, minQueries: 127 },
    wasm: { top1: 0.85, mrr: 0.896, minQueries: 127 },
  },
  'heldout5-navigational.json': {
    direct: { top1: 0.986, mrr: 0.987, minQueries: 69 },
    wasm: { top1: 0.986, mrr: 0.987, minQueries: 69 },
  },
  'heldout6-questions.json': {
    direct: { top1: 0.867, mrr: 0.919, minQueries: 143 },
    wasm: { top1: 0.867, mrr: 0.919, minQueries: 143 },
  },
  'heldout6-navigational.json': {
    direct: { top1: 0.961, mrr: 0.968, minQueries: 77 },
    wasm: { top1: 0.961, mrr: 0.968, minQueries: 77 },
  },
  'heldout7-questions.json': {
    direct: { top1: 0.852, mrr: 0.904, minQueries: 135 },
    wasm: { top1: 0.852, mrr: 0.904, minQueries: 135 },
  },
  'heldout7-navigational.json': {
    direct: { top1: 0.947, mrr: 0.957, minQueries: 76 },
    wasm: { top1: 0.947, mrr: 0.957, minQueries: 76 },
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
