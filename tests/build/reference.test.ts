/**
 * The site reads like a reference (issue 12), checked on every built page of both editions:
 * no trace of the brief the site was started from, no raw source ids on screen, source links
 * only to publishers' own pages, the references page grouped and anchored, the FAQ's FAQPage
 * structured data equal to its visible questions and answers, and no edit / report links when
 * the build was not given a repository.
 */
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { remove } from 'unist-util-remove';
import { describe, expect, test } from 'vitest';
import { SOURCE_KINDS, nonCanonicalReason } from '../../src/data/schemas';
import { traditionalOnlyChars } from '../../src/i18n/convert';
import { loadData } from '../../src/lib/data';
import { SOURCE_KIND_LABEL, sourceAnchor } from '../../src/lib/sources';
import { builtPages, loadPage, readDist, textOf } from './helpers';

const pages = await builtPages();
const data = loadData();
const attr = (node: Element | undefined, name: string): string => (node ? String(node.properties[name] ?? '') : '');

/** What a reader can see or hear: text outside script/style, plus readable attributes. */
function visibleText(tree: Root): string {
  const copy = structuredClone(tree);
  remove(
    copy,
    (node) => node.type === 'element' && ['script', 'style', 'template'].includes((node as Element).tagName),
  );
  const attributes = selectAll('[title], [aria-label], [alt], meta[content]', copy).map((node) =>
    ['title', 'ariaLabel', 'alt', 'content'].map((name) => attr(node, name)).join(' '),
  );
  return `${textOf(copy)} ${attributes.join(' ')}`;
}

test('the site has pages of both editions to check', () => {
  expect(pages.filter((page) => page.startsWith('/zh-hans/')).length).toBeGreaterThan(10);
  expect(pages).toContain('/faq/');
  expect(pages).toContain('/zh-hans/faq/');
});

describe.each(pages)('%s', (pathname) => {
  test('never mentions the brief: no 種子 / 种子, no "seed" citation or anchor', async () => {
    const tree = await loadPage(pathname);
    const text = visibleText(tree);
    expect(text).not.toMatch(/種子|种子/);
    expect(text).not.toMatch(/\bseed\b/i);
    const hrefs = selectAll('a[href]', tree).map((node) => attr(node, 'href'));
    expect(hrefs.filter((href) => /seed/i.test(href))).toEqual([]);
  });

  test('shows no raw source id (S9, S105b)', async () => {
    const text = visibleText(await loadPage(pathname));
    expect(text.match(/(?<![A-Za-z0-9])S\d{1,3}[a-z]?(?![A-Za-z0-9])/g) ?? []).toEqual([]);
  });

  test('links no source through a mirror, proxy, staging or login host', async () => {
    const links = selectAll('a[href^="http"]', await loadPage(pathname)).map((node) => attr(node, 'href'));
    expect(links.flatMap((href) => (nonCanonicalReason(href) ? [`${href}: ${nonCanonicalReason(href)}`] : []))).toEqual(
      [],
    );
  });

  test('shows no edit or report links (the build was given no repository)', async () => {
    expect(process.env['EDIT_BASE_URL'] ?? '', 'run the build-output tests on a build without EDIT_BASE_URL').toBe('');
    expect(process.env['ISSUES_URL'] ?? '', 'run the build-output tests on a build without ISSUES_URL').toBe('');
    expect(selectAll('.repo-links', await loadPage(pathname))).toEqual([]);
  });
});

describe('the references page', () => {
  test.each(['/references/', '/zh-hans/references/'])(
    '%s lists every source once, grouped, each anchored',
    async (path) => {
      const tree = await loadPage(path);
      const headings = selectAll('article h3', tree).map(textOf);
      const labels = SOURCE_KINDS.map((kind) => SOURCE_KIND_LABEL[kind]);
      if (path === '/references/') expect(headings).toEqual(labels);
      else expect(headings).toHaveLength(labels.length);
      const items = selectAll('ul.source-list > li[id]', tree);
      expect(items.map((item) => attr(item, 'id')).sort()).toEqual(data.sources.map((s) => sourceAnchor(s.id)).sort());
      for (const source of data.sources) {
        const item = items.find((node) => attr(node, 'id') === sourceAnchor(source.id))!;
        const text = textOf(item);
        if (path === '/references/') {
          expect(text.startsWith(`${source.publisher}，〈`), text).toBe(true);
          expect(text).toContain(source.title);
        }
        if (source.date) expect(text, source.id).toContain(`${source.date.slice(0, 4)} 年`);
        const link = select('a[href]', item);
        expect(attr(link, 'href') || undefined, source.id).toBe(source.url);
      }
    },
  );
});

describe('timeline citations', () => {
  test('every entry lists its sources as publisher and title, none as an id', async () => {
    const items = selectAll('.timeline__item', await loadPage('/timeline/'));
    expect(items).toHaveLength(data.timeline.length);
    const byId = new Map(data.sources.map((source) => [source.id, source]));
    items.forEach((item, index) => {
      const entry = data.timeline[index]!;
      const cited = selectAll('.source-disclosure li', item).map(textOf);
      expect(cited, entry.date).toHaveLength(entry.sources.length);
      entry.sources.forEach((id, at) => expect(cited[at]).toContain(byId.get(id)!.publisher));
    });
  });
});

describe('FAQ structured data', () => {
  /** The page's visible questions (h2 ending in ？) and the text of each answer, footnote marks left out. */
  function visibleFaq(tree: Root): { question: string; answer: string }[] {
    const article = structuredClone(select('main article', tree)!);
    remove(article, (node) => {
      const element = node as Element;
      return (
        element.type === 'element' &&
        (element.properties['dataFootnoteRef'] !== undefined ||
          (element.tagName === 'sup' && select('a[data-footnote-ref]', element) !== undefined) ||
          String(element.properties['className'] ?? '').includes('heading-anchor'))
      );
    });
    const out: { question: string; answer: string }[] = [];
    let current: { question: string; parts: string[] } | undefined;
    for (const node of article.children) {
      if (node.type !== 'element') continue;
      if (node.tagName === 'h2') {
        if (current) out.push({ question: current.question, answer: current.parts.join('') });
        const text = textOf(node);
        current = /[？?]$/.test(text) ? { question: text, parts: [] } : undefined;
      } else if (current && ['p', 'ul', 'ol'].includes(node.tagName)) {
        current.parts.push(textOf(node));
      }
    }
    if (current) out.push({ question: current.question, answer: current.parts.join('') });
    return out;
  }

  // Spaces and the word joiner that keeps a footnote mark on its word's line are not text.
  const squash = (text: string) => text.replace(/[\s\u2060]+/g, '');

  test.each(['/faq/', '/zh-hans/faq/'])(
    '%s has valid FAQPage JSON-LD with ≥ 10 questions, equal to the visible ones',
    async (path) => {
      const html = await readDist(`${path.slice(1)}index.html`);
      const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
        ([, json]) => JSON.parse(json!) as Record<string, unknown>,
      );
      const faq = blocks.filter((block) => block['@type'] === 'FAQPage');
      expect(faq).toHaveLength(1);
      expect(faq[0]!['@context']).toBe('https://schema.org');
      const entities = faq[0]!['mainEntity'] as {
        '@type': string;
        name: string;
        acceptedAnswer: { '@type': string; text: string };
      }[];
      expect(entities.length).toBeGreaterThanOrEqual(10);
      for (const entity of entities) {
        expect(entity['@type']).toBe('Question');
        expect(entity.name).toMatch(/[？?]$/);
        expect(entity.acceptedAnswer['@type']).toBe('Answer');
        expect(entity.acceptedAnswer.text.length).toBeGreaterThan(20);
      }
      const visible = visibleFaq(await loadPage(path));
      expect(entities.map((entity) => entity.name)).toEqual(visible.map((item) => item.question));
      expect(entities.map((entity) => squash(entity.acceptedAnswer.text))).toEqual(
        visible.map((item) => squash(item.answer)),
      );
      if (path.startsWith('/zh-hans/')) expect(traditionalOnlyChars(JSON.stringify(entities))).toEqual([]);
    },
  );

  test('every answer links to the page that explains it', async () => {
    const article = select('main article', await loadPage('/faq/'))!;
    const answered: [string, number][] = [];
    let current: [string, number] | undefined;
    for (const node of article.children) {
      if (node.type !== 'element') continue;
      if (node.tagName === 'h2') {
        current = /[？?]$/.test(textOf(node)) ? [textOf(node), 0] : undefined;
        if (current) answered.push(current);
      } else if (current && node.tagName === 'p') {
        current[1] += selectAll('a[href^="/"]', node).length;
      }
    }
    expect(answered.length).toBeGreaterThanOrEqual(10);
    expect(answered.filter(([, links]) => links === 0).map(([question]) => question)).toEqual([]);
  });

  test('the FAQ is in the reference group, after the explanatory pages', async () => {
    const tree = await loadPage('/faq/');
    expect(attr(select('main article', tree), 'dataPagefindFilter')).toBe('section:參考');
  });
});
