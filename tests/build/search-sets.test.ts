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
 * Floors for the held-out sets (tests/search/heldout-*.json: written from the pages alone by
 * someone who had not read the ranking code, committed before the ranking changes of issue #21
 * and never edited). Each is what the set measured on the site as merged on 2026-12-07 (the
 * ranking model of #21, the pages of #22 and #23), on each path; they carry no `require` of their
 * own, as their files stay as written. The first measurement, on the pages as they were when the
 * set was written, was 84.0 % / 82.7 % (questions, direct / wasm) and 94.8 % (navigational): pages
 * added since (/taiwan/, /meetings/) now come first for some of its queries. The 2005 theme's
 * 「Make the Change」 put "make" on the site (MRR 0.847 → 0.844): 「How does APEC make decisions」
 * now requires it and finds only /meetings/. A change that loses ground on questions nobody
 * tuned for fails here.
 */
const HELDOUT_FLOORS: Record<string, Record<'direct' | 'wasm', RankRequirement>> = {
  'heldout-questions.json': {
    direct: { top1: 0.79, mrr: 0.844, minQueries: 81 },
    wasm: { top1: 0.79, mrr: 0.844, minQueries: 81 },
  },
  'heldout-navigational.json': {
    direct: { top1: 0.909, mrr: 0.933, minQueries: 77 },
    wasm: { top1: 0.909, mrr: 0.933, minQueries: 77 },
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
