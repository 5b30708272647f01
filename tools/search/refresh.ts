/**
 * Recomputes `expect` in tests/search/queries.json from each query's hand-written `forms`
 * (the site's own forms of what the reader means) against the built Traditional pages:
 * a page is expected when, for every term, it contains one of the term's forms. Run after
 * content changes (`npm run search:refresh`), then review the diff.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fragmentTexts } from '../../src/integrations/pagefind';
import { findAll, lowerSameLength } from '../../src/search/query';

interface Query {
  q: string;
  forms: string[][];
  expect: string[];
}

const file = new URL('../../tests/search/queries.json', import.meta.url);
const dist = process.argv[2] ?? 'dist';
const set = JSON.parse(await readFile(file, 'utf8')) as { description: string; groups: Record<string, Query[]> };
// The Traditional edition's text exactly as Pagefind indexed it.
const fragmentDir = join(dist, 'pagefind', 'fragment');
const files = await Promise.all(
  (await readdir(fragmentDir))
    .filter((name) => name.startsWith('zh-hant-tw_'))
    .map(async (name) => ({ path: `fragment/${name}`, content: await readFile(join(fragmentDir, name)) })),
);
const pages = fragmentTexts(files).map((page) => ({ url: page.url, text: lowerSameLength(page.text) }));
for (const queries of Object.values(set.groups)) {
  for (const query of queries) {
    query.expect =
      query.forms.length === 0
        ? []
        : pages
            .filter((page) =>
              query.forms.every((forms) => forms.some((form) => findAll(page.text, form.toLowerCase(), 1).length > 0)),
            )
            .map((page) => page.url)
            .sort();
  }
}
await writeFile(file, `${JSON.stringify(set, null, 2)}\n`);
console.log(`refreshed ${Object.values(set.groups).flat().length} queries against ${pages.length} pages`);
