/**
 * Recomputes `expect` in tests/search/queries.json from each query's hand-written `forms`
 * (the site's own forms of what the reader means) against the built Traditional pages:
 * a page is expected when, for every term, it contains one of the term's forms, compared
 * case-insensitively, a form with Latin letters or digits at an edge as a whole word there.
 * The rule is written out here, apart from the search client's matcher, so the query set
 * checks the client rather than repeating it. Run after content changes
 * (`npm run search:refresh`), then review the diff.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EDITIONS } from '../../src/i18n/editions';
import { fragmentTexts } from '../../src/integrations/pagefind';
import { fragmentLanguage } from '../../src/search/pagefind-bundle';

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
    .filter((name) => fragmentLanguage(`fragment/${name}`) === EDITIONS.hant.lang.toLowerCase())
    .map(async (name) => ({ path: `fragment/${name}`, content: await readFile(join(fragmentDir, name)) })),
);
const pages = (await fragmentTexts(files)).map((page) => ({ url: page.url, text: page.text.toLowerCase() }));

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `form` in `text` (lower case), not as part of a longer Latin word or number. */
const occursIn = (text: string, form: string) => {
  const lower = form.toLowerCase();
  const before = /^[a-z0-9]/.test(lower) ? '(?<![a-z0-9])' : '';
  const after = /[a-z0-9]$/.test(lower) ? '(?![a-z0-9])' : '';
  return new RegExp(`${before}${escape(lower)}${after}`, 'u').test(text);
};
for (const queries of Object.values(set.groups)) {
  for (const query of queries) {
    query.expect =
      query.forms.length === 0
        ? []
        : pages
            .filter((page) => query.forms.every((forms) => forms.some((form) => occursIn(page.text, form))))
            .map((page) => page.url)
            .sort();
  }
}
await writeFile(file, `${JSON.stringify(set, null, 2)}\n`);
console.log(`refreshed ${Object.values(set.groups).flat().length} queries against ${pages.length} pages`);
