/**
 * `npm run search:why -- "query" [more queries]`: why the results come in this order. For each
 * query, against the built `dist/` (direct path, Traditional edition), every result page with its
 * score and the features that make it up (src/search/rank.ts: score = Σ WEIGHTS × features),
 * the largest contributions first. For reading a miss before changing a weight.
 *
 *   tsx tools/search/why.ts [--dist dist] [--hans] "query" …
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseQuery, type ParsedQuery, type SearchData } from '../../src/search/query';
import { WEIGHTS, type Features } from '../../src/search/rank';
import { isRunAsScript } from '../run-as-script';
import { nodeSearch } from './node';

/** One line per result: page, score, then each non-zero feature as weight×value. */
export function explainHits(hits: readonly { url: string; score: number; features: Features }[], limit = 6): string[] {
  return hits.slice(0, limit).map((hit, index) => {
    const parts = (Object.keys(WEIGHTS) as (keyof Features)[])
      .map((name) => ({ name, value: hit.features[name], total: WEIGHTS[name] * hit.features[name] }))
      .filter((part) => part.value !== 0)
      .sort((a, b) => b.total - a.total)
      .map((part) => `${part.name} ${part.total.toFixed(1)}`);
    return `${index + 1}. ${hit.url.replace(/\?.*$/u, '')}  ${hit.score.toFixed(2)}  (${parts.join(', ')})`;
  });
}

/** How the query was read: its terms (name, weak, loose; first forms looked for) and what it asks. */
export function describeParse(query: ParsedQuery): string {
  const terms = query.terms.map((term) => {
    const marks = [term.name ? 'name' : '', term.weak ? 'weak' : '', term.loose ? 'loose' : ''].filter(Boolean);
    const words = term.words.length > 1 ? ` words ${term.words.map((forms) => forms[0]).join('+')}` : '';
    return `[${term.text}${marks.length ? ` ${marks.join(' ')}` : ''}: ${term.alternatives.slice(0, 4).join('|')}${words}]`;
  });
  const asks = [
    query.question ? 'question' : 'term query',
    query.wants ?? '',
    query.asks ?? '',
    query.asksName ? 'name' : '',
  ];
  return `${terms.join(' ')}  (${asks.filter(Boolean).join(', ')})`;
}

if (isRunAsScript(import.meta.url)) {
  const args = process.argv.slice(2);
  const distAt = args.indexOf('--dist');
  const dist = (distAt === -1 ? undefined : args.splice(distAt, 2)[1]) ?? 'dist';
  const hansAt = args.indexOf('--hans');
  if (hansAt !== -1) args.splice(hansAt, 1);
  if (args.length === 0) {
    console.error('usage: tsx tools/search/why.ts [--dist dist] [--hans] "query" …');
    process.exit(2);
  }
  const search = await nodeSearch({ dist });
  try {
    const edition = hansAt === -1 ? 'hant' : 'hans';
    const engine = await search.engine(edition);
    // (One SearchData for both editions, as the dialog reads it.)
    const data = JSON.parse(await readFile(join(dist, 'pagefind', 'search-data.json'), 'utf8')) as SearchData;
    for (const query of args) {
      const outcome = await engine.search(query);
      console.log(`「${query}」 → ${outcome.query}${outcome.partial ? ' (partial)' : ''}`);
      console.log(`  ${describeParse(parseQuery(query, data))}`);
      for (const line of explainHits(outcome.hits)) console.log(`  ${line}`);
      if (outcome.hits.length === 0) console.log('  (nothing)');
    }
  } finally {
    await search.close();
  }
}
