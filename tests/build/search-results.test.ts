/**
 * What search shows is clean, in Node through the site's engine (tools/search/node.ts) on both
 * editions: no result titled by a bare number; no snippet with ↩, a footnote number or a heading
 * run into its text; each snippet is a piece of the page as a reader sees it. The browser test
 * (tests/e2e/search.test.ts) checks that the dialog shows exactly these titles and snippets.
 * And hostile input: the engine answers anything with plain text and escaped snippets.
 */
import { fileURLToPath } from 'node:url';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { remove } from 'unist-util-remove';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Edition } from '../../src/i18n/editions';
import { pagePath } from '../../tools/search/score';
import { nodeSearch, type NodeSearch } from '../../tools/search/node';
import { loadSets } from '../../tools/search/sets';
import { hostileInputs } from '../support/hostile';
import { distDir, loadPage } from './helpers';

let search: NodeSearch;
beforeAll(async () => {
  search = await nodeSearch({ dist: fileURLToPath(distDir) });
});
afterAll(async () => {
  await search?.close();
});

/** The text of an excerpt as the dialog shows it (escaped text and <mark>, src/client/search-ui.ts). */
const shownText = (html: string) => toString(fromHtml(html, { fragment: true }));

// Spaces, the separators Pagefind puts between blocks, the 「，」「。」 the index copy ends blocks
// with (src/search/index-html.ts) and the word joiner are not what this checks. (A table cell's
// column label is: the reader text below carries it as the index copy does.)
const normal = (text: string) => text.replace(/[\s.…\u2060，。]/gu, '');

const texts = new Map<string, string>();
/** The page as a reader sees it, without footnote markers, footnotes or anchor icons. */
async function readerText(path: string): Promise<string> {
  let text = texts.get(path);
  if (text === undefined) {
    const article = structuredClone(select('article', await loadPage(path))!) as unknown as Root;
    // Table cells as indexed (src/search/index-html.ts): each body cell holding Chinese starts
    // with its column's header, unless it is the row's header or carries its own phone label.
    const labelled: { cell: Element; label: string }[] = [];
    for (const table of selectAll('table', article)) {
      const labels = selectAll('thead th', table).map((cell) => toString(cell).trim());
      for (const row of selectAll('tbody tr', table)) {
        const cells = row.children.filter(
          (child): child is Element => child.type === 'element' && (child.tagName === 'td' || child.tagName === 'th'),
        );
        cells.forEach((cell, column) => {
          const label = labels[column];
          if (label && cell.tagName === 'td' && !select('.cell-label', cell)) labelled.push({ cell, label });
        });
      }
    }
    // Only what is indexed: footnote marks and notes, anchors and data-pagefind-ignore text (the
    // phone tables' cell labels) never reach a snippet.
    const dropped = new Set(
      selectAll(
        'sup:has(a[data-footnote-ref]), section[data-footnotes], .heading-anchor, [data-pagefind-ignore]',
        article,
      ),
    );
    remove(article, (node) => dropped.has(node as never));
    for (const { cell, label } of labelled)
      if (/\p{Script=Han}/u.test(toString(cell))) cell.children.unshift({ type: 'text', value: `${label}：` });
    // Headings fenced off: a snippet that runs a heading into its text is not a substring.
    for (const heading of selectAll('h1, h2, h3', article)) {
      heading.children.unshift({ type: 'text', value: '¶' });
      heading.children.push({ type: 'text', value: '¶' });
    }
    text = normal(toString(article));
    texts.set(path, text);
  }
  return text;
}

describe.each(['hant', 'hans'] as Edition[])('results are clean (%s)', (edition) => {
  test('no result is titled by a bare number; no snippet has ↩, a footnote number or a heading run in', async () => {
    const engine = await search.engine(edition);
    const navigational = (await loadSets()).find((set) => set.name === 'navigational.json')!;
    const queries = [
      ...Object.values(navigational.groups)
        .flat()
        .map((entry) => entry.q),
      '堪培拉',
      '1989',
      '秘書處 新加坡',
    ];
    const problems: string[] = [];
    let snippets = 0;
    for (const query of queries) {
      const { hits } = await engine.search(query);
      for (const hit of hits) {
        const path = pagePath(hit.url);
        const parts = [hit, ...hit.subResults.slice(0, 4)];
        for (const part of parts)
          if (/^\d+$/.test(part.title.trim())) problems.push(`${query}: result titled "${part.title}"`);
        const page = await readerText(path);
        for (const part of parts) {
          snippets++;
          const text = shownText(part.excerpt);
          if (text.includes('↩')) problems.push(`${query} ${path}: ↩ in "${text}"`);
          if (!page.includes(normal(text)))
            problems.push(`${query} ${path}: snippet not in the page's text (footnote number, heading?): "${text}"`);
        }
      }
    }
    expect(snippets).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });
});

test('either script finds the page that explains, in either edition', async () => {
  const cases: [Edition, string, string][] = [
    ['hans', '秘書處', '/zh-hans/secretariat/'],
    ['hans', '茂物目標', '/zh-hans/aims/'],
    ['hans', '資深官員會議一年開幾次', '/zh-hans/structure/'],
    ['hant', '秘书处', '/secretariat/'],
    ['hant', '茂物目标', '/aims/'],
    ['hant', '资深官员会议一年开几次', '/structure/'],
  ];
  for (const [edition, query, page] of cases) {
    const { hits } = await (await search.engine(edition)).search(query);
    expect(hits.length > 0 ? pagePath(hits[0]!.url) : 'nothing', `${edition} ${query}`).toBe(page);
  }
});

test('500 hostile inputs: the engine answers each, and its snippets are escaped text with <mark> only', async () => {
  const engine = await search.engine('hant');
  const problems: string[] = [];
  let snippets = 0;
  const markupIn = (html: string) =>
    fromHtml(html, { fragment: true }).children.filter(
      (node) => node.type !== 'text' && !(node.type === 'element' && node.tagName === 'mark'),
    ).length;
  for (const [index, input] of hostileInputs(500).entries()) {
    const outcome = await engine.search(input);
    if (typeof outcome.query !== 'string' || !Array.isArray(outcome.hits)) problems.push(`#${index}: no outcome`);
    for (const hit of outcome.hits)
      for (const part of [hit, ...hit.subResults]) {
        snippets++;
        if (markupIn(part.excerpt) > 0) problems.push(`#${index}: markup in ${JSON.stringify(part.excerpt)}`);
      }
  }
  expect(snippets).toBeGreaterThan(100);
  expect(problems).toEqual([]);
  // And it still works.
  expect((await engine.search('坎培拉')).hits.map((hit) => pagePath(hit.url))).toContain('/founding/');
});

describe('pages that list rather than explain', () => {
  // Their group's `reference` (src/data/groups.ts) unless the frontmatter's `listing` says otherwise:
  // /meetings/ is in the 歷史 group with the timeline, and explains how hosts are chosen.
  const listing = ['/timeline/', '/glossary/', '/faq/', '/references/'];
  const explaining = ['/overview/', '/aims/', '/members/', '/meetings/'];
  test.each([...listing, ...explaining].flatMap((path) => [path, `/zh-hans${path}`]))(
    '%s carries Pagefind meta `listing` only if it lists',
    async (path) => {
      const article = select('article[data-pagefind-body]', await loadPage(path));
      const meta = article?.properties?.['dataPagefindMeta'];
      expect(meta, path).toBe(listing.includes(path.replace(/^\/zh-hans/u, '')) ? 'listing:1' : undefined);
    },
  );
});

test("the first result's snippet shows a word of the question that says something, not only a lone 年 it was typed with", async () => {
  const engine = await search.engine('hant');
  const sets = await loadSets();
  const questions = ['questions.json', 'dev-questions.json']
    .map((name) => sets.find((set) => set.name === name)!)
    .flatMap((set) => Object.values(set.groups).flat())
    .map((entry) => entry.q);
  // (A mark of two or more characters, or a Latin word or number: 2026, APEC, 舉行.)
  const telling = (html: string) =>
    selectAll('mark', fromHtml(html, { fragment: true })).some((mark) => Array.from(toString(mark).trim()).length >= 2);
  const problems: string[] = [];
  for (const question of questions) {
    const [first] = (await engine.search(question)).hits;
    if (first && !telling(first.excerpt)) problems.push(`${question}: ${shownText(first.excerpt)}`);
  }
  expect(questions.length).toBeGreaterThan(150);
  expect(problems).toEqual([]);
});
