/**
 * The site's voice in the built Traditional edition: body text states facts in Chinese.
 * Counted over every content page's article, outside footnotes, tables of official names
 * (a table with an 英文 / 原文 column), text marked `lang="en"`, citations, and the glossary
 * and references pages (which list originals on purpose):
 * - workshop caveats (「譯名未經來源確認」, 「暫譯」…, tools/lint-zh.ts `WORKSHOP_CAVEAT`): at most 3;
 * - English-only names (a run of Latin words outside （）, not an acronym or an allowed product
 *   name: tools/lint-zh.ts `englishOnlyNames`): at most 5.
 */
import type { Element, Nodes, Root, RootContent } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { describe, expect, test } from 'vitest';
import { englishOnlyNames, workshopCaveats } from '../../tools/lint-zh';
import { contentPages, loadPage, textOf } from './helpers';

const MAX_CAVEATS = 3;
const MAX_ENGLISH_NAMES = 5;
/** Pages that list names and sources in their original form. */
const LISTING_PAGES = new Set(['/glossary/', '/references/']);

/** Tables of official names: a header cell names the original (英文名稱, 原文). */
const isNamesTable = (table: Element): boolean =>
  selectAll('thead th, tr:first-child th', table).some((cell) => /英文|原文/.test(textOf(cell)));

/** A copy of `node` without the elements `drop` selects. */
function without(node: Element | Root, drop: (element: Element) => boolean): Element | Root {
  const prune = <T extends Element | Root>(parent: T): T => ({
    ...parent,
    children: parent.children
      .filter((child) => child.type !== 'element' || !drop(child))
      .map((child) => (child.type === 'element' ? prune(child) : child)) as RootContent[],
  });
  return prune(node);
}

const DROPPED = new Set(['script', 'style', 'nav', 'cite']);
const dropped = (element: Element): boolean => {
  if (DROPPED.has(element.tagName)) return true;
  if ('dataFootnotes' in element.properties) return true;
  const lang = element.properties['lang'];
  if (typeof lang === 'string' && lang.startsWith('en')) return true;
  const classes = element.properties['className'];
  // Source lists cite publishers and titles as published, like footnotes.
  const citations = ['source-list', 'source-disclosure'];
  if (Array.isArray(classes) && classes.some((name) => citations.includes(String(name)))) return true;
  return element.tagName === 'table' && isNamesTable(element);
};

/** One line per block, so runs of Latin words never join across blocks. */
const BLOCKS = 'h1, h2, h3, h4, p, li, td, th, caption, figcaption, dt, dd, summary, blockquote';
function bodyBlocks(tree: Root): string[] {
  const article = select('main article', tree);
  if (!article) throw new Error('page has no <main><article>');
  const body = without(article, dropped);
  // `select` also matches the element itself: look for a nested block among the children.
  const nested = (block: Element) =>
    block.children.some((child) => child.type === 'element' && select(BLOCKS, child) !== undefined);
  const leaves = selectAll(BLOCKS, body).filter((block) => !nested(block));
  return leaves.map((block: Nodes) => textOf(block)).filter((text) => text !== '');
}

const pages = (await contentPages()).filter((page) => !LISTING_PAGES.has(page));
const found = await Promise.all(
  pages.map(async (page) => {
    const blocks = bodyBlocks(await loadPage(page));
    return {
      page,
      caveats: blocks.flatMap(workshopCaveats),
      names: blocks.flatMap(englishOnlyNames),
    };
  }),
);
const report = (key: 'caveats' | 'names') =>
  found.filter((entry) => entry[key].length > 0).map((entry) => `${entry.page}: ${entry[key].join(' | ')}`);

describe('the built Traditional edition states facts in Chinese', () => {
  test('the body text is read from every content page except the listing pages', () => {
    expect(pages.length).toBeGreaterThan(5);
    expect(found.every((entry) => entry.page !== '/glossary/')).toBe(true);
  });

  test(`at most ${MAX_CAVEATS} workshop caveats in body text`, () => {
    const count = found.reduce((sum, entry) => sum + entry.caveats.length, 0);
    expect(count, report('caveats').join('\n')).toBeLessThanOrEqual(MAX_CAVEATS);
  });

  test.each([...LISTING_PAGES])('%s mentions how names were checked at most once', async (page) => {
    // The listing pages keep originals, but a caveat beside each name is the same workshop note
    // repeated; one sentence says how forms were checked.
    const article = select('main article', await loadPage(page));
    if (!article) throw new Error(`${page} has no <main><article>`);
    const text = textOf(without(article, (element) => 'dataFootnotes' in element.properties));
    const caveats = workshopCaveats(text);
    expect(caveats.length, `${page}: ${caveats.join(' | ')}`).toBeLessThanOrEqual(1);
  });

  test(`at most ${MAX_ENGLISH_NAMES} English-only names in body text`, () => {
    const count = found.reduce((sum, entry) => sum + entry.names.length, 0);
    expect(count, report('names').join('\n')).toBeLessThanOrEqual(MAX_ENGLISH_NAMES);
  });
});
