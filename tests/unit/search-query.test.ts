import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, pagePath } from '../../tools/search/score';
import { parseSet, runSet, shortfalls } from '../../tools/search/sets';
import { escapeHtml, findAll, markText } from '../../src/search/query';

describe('markText / escapeHtml', () => {
  it('escapes everything and marks matches', () => {
    expect(markText('A < B & "坎培拉"', ['坎培拉'])).toBe('A &lt; B &amp; &quot;<mark>坎培拉</mark>&quot;');
    expect(markText('<img onerror=x>', ['img'])).toBe('&lt;<mark>img</mark> onerror=x&gt;');
    expect(escapeHtml(`<script>'"&`)).toBe('&lt;script&gt;&#39;&quot;&amp;');
  });

  it('marks case-insensitively, longest first, without overlaps', () => {
    expect(markText('APEC 企業諮詢委員會', ['apec', 'apec 企業諮詢委員會'])).toBe('<mark>APEC 企業諮詢委員會</mark>');
  });

  it('treats regex metacharacters literally', () => {
    expect(markText('a.*b and a.b', ['a.*b'])).toBe('<mark>a.*b</mark> and a.b');
  });
});

describe('findAll', () => {
  it('needs word boundaries for short Latin needles', () => {
    expect(findAll('some somalia', 'som')).toEqual([]);
    expect(findAll('資深官員會議（som）', 'som')).toEqual([7]);
    expect(findAll('1989年', '198')).toEqual([]);
    expect(findAll('1989年', '1989')).toEqual([0]);
    expect(findAll('the declaration', 'declar')).toEqual([4]);
  });
  it('finds Chinese substrings anywhere', () => {
    expect(findAll('秘書處', '秘書')).toEqual([0]);
  });
});

describe('evaluate', () => {
  it('computes recall@5, precision and failures per group', async () => {
    const answers: Record<string, string[]> = {
      a: ['https://x/founding/?highlight=a#h', '/aims/'],
      b: [],
      c: ['/glossary/'],
    };
    const results = await evaluate(async (q) => answers[q] ?? [], {
      groups: {
        one: [
          { q: 'a', expect: ['/founding/'] },
          { q: 'b', expect: ['/aims/'] },
        ],
        absent: [
          { q: 'b', expect: [] },
          { q: 'c', expect: [] },
        ],
      },
    });
    expect(results[0]).toMatchObject({ group: 'one', recallAt5: 0.5, precision: 0.5 });
    expect(results[0]?.failures.map((f) => f.q)).toEqual(['b']);
    expect(results[1]).toMatchObject({ group: 'absent', recallAt5: 1, precision: 0.5 });
    expect(pagePath('/founding/?x=1#y')).toBe('/founding/');
  });
});

describe('tests/search/queries.json', () => {
  const file = JSON.parse(readFileSync(new URL('../search/queries.json', import.meta.url), 'utf8')) as {
    groups: Record<string, { q: string; expect: string[] }[]>;
  };
  // The site's pages: one per file in content/ (a page added there may be named by a query).
  const pages = new Set(
    readdirSync(new URL('../../content/', import.meta.url))
      .filter((name) => /\.mdx?$/u.test(name))
      .map((name) => `/${name.replace(/\.mdx?$/u, '')}/`),
  );

  it('has at least 100 queries in the required groups', () => {
    const groups = Object.keys(file.groups);
    for (const name of [
      'traditional',
      'subword',
      'multiword',
      'simplified',
      'variants',
      'regional',
      'english',
      'numbers',
      'absent',
    ]) {
      expect(groups).toContain(name);
    }
    expect(Object.values(file.groups).flat().length).toBeGreaterThanOrEqual(100);
  });

  it('names only real pages, and absent queries expect nothing', () => {
    for (const [group, list] of Object.entries(file.groups)) {
      for (const { q, expect: expected } of list) {
        expect(typeof q).toBe('string');
        for (const page of expected) expect(pages.has(page), `${group}: ${q}: ${page}`).toBe(true);
        if (group === 'absent') expect(expected).toEqual([]);
      }
    }
  });
});

describe('query set files (tools/search/sets.ts)', () => {
  it('tells a recall set from a ranking set and rejects anything else, naming the file', () => {
    expect(parseSet('a.json', '{ "groups": { "g": [{ "q": "x", "expect": ["/a/"] }] } }').kind).toBe('recall');
    expect(parseSet('b.json', '{ "groups": { "g": [{ "q": "x", "expect": "/a/", "also": ["/b/"] }] } }').kind).toBe(
      'rank',
    );
    expect(() => parseSet('c.json', '{ "groups": { "g": [{ "q": "x", "expect": 3 }] } }')).toThrow(
      'tests/search/c.json: every query must be',
    );
    expect(() => parseSet('d.json', '{ "queries": [] }')).toThrow('tests/search/d.json: no "groups" object');
  });

  it('counts a page in `also` as an answer (ranking) and as no loss of precision (recall)', async () => {
    const run = async () => ['/aims/', '/founding/'];
    const rank = parseSet(
      'r.json',
      '{ "groups": { "g": [{ "q": "x", "expect": "/founding/", "also": ["/aims/"] }] } }',
    );
    const ranked = await runSet(rank, run);
    expect(ranked.results.at(-1)).toMatchObject({ top1: 1, mrr: 1 });
    const recall = parseSet(
      'q.json',
      '{ "require": { "precision": 1 }, "groups": { "g": [{ "q": "x", "expect": ["/founding/"], "also": ["/aims/"] }] } }',
    );
    expect(shortfalls(await runSet(recall, run), 'direct')).toEqual([]);
    const strict = parseSet(
      's.json',
      '{ "require": { "precision": 1 }, "groups": { "g": [{ "q": "x", "expect": ["/founding/"] }] } }',
    );
    expect(shortfalls(await runSet(strict, run), 'direct')).toEqual([
      's.json g: precision 50.0 % < 100.0 %; extra pages: x → /aims/',
    ]);
  });

  it('holds a ranking set to its `require`, and `requireWasm` replaces it on the wasm path', async () => {
    const set = parseSet(
      'n.json',
      '{ "require": { "top1": 1 }, "requireWasm": { "top1": 0.5 }, "groups": { "g": [{ "q": "x", "expect": "/founding/" }, { "q": "y", "expect": "/aims/" }] } }',
    );
    const outcome = await runSet(set, async () => ['/founding/']);
    expect(shortfalls(outcome, 'direct')).toEqual(['n.json: top-1 50.0 % < 100.0 % (y → /aims/ missing)']);
    expect(shortfalls(outcome, 'wasm')).toEqual([]);
  });
});
