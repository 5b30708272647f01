/** Structure every built page must have, and the search bundle that must cover them. */
import { readdir, readFile } from 'node:fs/promises';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { describe, expect, test } from 'vitest';
import { decodeFragment } from '../../src/search/pagefind-bundle';
import { builtPages, contentPages, distDir, editionPages, langOf, loadPage, textOf } from './helpers';

const pages = await builtPages();
const content = await contentPages();
const indexed = await editionPages();
const attr = (node: Element | undefined, name: string) => {
  const value = node?.properties[name];
  return Array.isArray(value) ? value.join(' ') : value === undefined || value === null ? undefined : String(value);
};

describe.each(pages)('%s', (pathname) => {
  test('has lang, one h1, a title and a meta description', async () => {
    const tree = await loadPage(pathname);
    expect(attr(select('html', tree), 'lang')).toBe(langOf(pathname));
    expect(selectAll('h1', tree)).toHaveLength(1);
    expect(textOf(select('title', tree)!)).not.toBe('');
    expect(attr(select('meta[name="description"]', tree), 'content')?.length ?? 0).toBeGreaterThan(10);
  });

  test('has ids on every h2/h3 and no duplicate ids', async () => {
    const tree = await loadPage(pathname);
    for (const heading of selectAll('main h2, main h3', tree)) {
      expect(attr(heading, 'id'), textOf(heading)).toBeTruthy();
    }
    const ids = selectAll('[id]', tree).map((node) => attr(node, 'id'));
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  test('has landmarks and a skip link to main', async () => {
    const tree = await loadPage(pathname);
    expect(selectAll('main', tree)).toHaveLength(1);
    expect(select('header', tree)).toBeDefined();
    const skip = select('a.skip-link', tree);
    expect(attr(skip, 'href')).toBe('#main');
    expect(attr(select('main', tree), 'id')).toBe('main');
  });

  test('links only to pages and anchors that exist', async () => {
    const tree = await loadPage(pathname);
    const broken: string[] = [];
    for (const link of selectAll('a[href]', tree)) {
      const href = attr(link, 'href')!;
      if (/^(https?:|mailto:)/.test(href)) continue;
      const target = new URL(href, `http://site${pathname}`);
      const targetPath = target.pathname;
      if (!pages.includes(targetPath) && !targetPath.startsWith('/pagefind/')) {
        broken.push(href);
        continue;
      }
      const id = decodeURIComponent(target.hash.slice(1));
      if (id && !select(`[id="${id.replace(/"/g, '\\"')}"]`, await loadPage(targetPath))) broken.push(href);
    }
    expect(broken).toEqual([]);
  });
});

describe('content pages', () => {
  test('every content page is built in both editions and marks exactly one article body for search', async () => {
    expect(content.length).toBeGreaterThanOrEqual(4);
    for (const pathname of indexed) {
      expect(pages).toContain(pathname);
      expect(selectAll('[data-pagefind-body]', await loadPage(pathname)), pathname).toHaveLength(1);
    }
  });

  test('no other page is marked for search', async () => {
    for (const pathname of pages.filter((page) => !indexed.includes(page))) {
      expect(selectAll('[data-pagefind-body]', await loadPage(pathname)), pathname).toHaveLength(0);
    }
  });

  test('the table of contents lists the h2/h3 headings with working anchors', async () => {
    for (const pathname of content) {
      const tree = await loadPage(pathname);
      const headings = selectAll('article h2[id], article h3[id]', tree)
        .map((node) => attr(node, 'id'))
        .filter((id) => id !== 'footnote-label');
      const toc = selectAll('.toc a', tree).map((link) => decodeURIComponent(attr(link, 'href')!.slice(1)));
      expect(toc, pathname).toEqual(headings);
    }
  });

  test('the sidebar marks the current page, and prev/next chain every page in order', async () => {
    const order: string[] = [];
    // Walk back to the first page, then forward along "next" links.
    const first = await (async () => {
      let current = content[0]!;
      for (;;) {
        const prev = select('a[rel="prev"]', await loadPage(current));
        if (!prev) return current;
        current = attr(prev, 'href')!;
      }
    })();
    let pathname: string | undefined = first;
    while (pathname) {
      order.push(pathname);
      const tree = await loadPage(pathname);
      expect(attr(select('.sidebar a[aria-current="page"]', tree), 'href'), pathname).toBe(pathname);
      pathname = attr(select('a[rel="next"]', tree), 'href');
    }
    expect([...order].sort()).toEqual(content);
  });
});

describe('search bundle', () => {
  test('Pagefind indexes every content page of both editions and no other', async () => {
    const fragments = await readdir(new URL('pagefind/fragment/', distDir));
    const urls = await Promise.all(
      fragments.map(async (name) => {
        return (await decodeFragment(await readFile(new URL(`pagefind/fragment/${name}`, distDir)))).url;
      }),
    );
    expect(urls.sort()).toEqual(indexed);
  });

  test('indexed text joins blocks with Chinese punctuation: 「. 」 only ends a title or heading', async () => {
    // A 「. 」 the page itself has (an English theme such as 「Empower. Include. Grow.」) is text,
    // not a join: the English words before it, period included, are on the page.
    const pageTexts = new Map<string, string>();
    const pageText = async (url: string) => {
      if (!pageTexts.has(url)) pageTexts.set(url, textOf(await loadPage(url)));
      return pageTexts.get(url)!;
    };
    const fragments = await readdir(new URL('pagefind/fragment/', distDir));
    const joins: string[] = [];
    for (const name of fragments) {
      // Decoded as pagefind.js decodes it (the U+200B word breaks removed).
      const fragment = await decodeFragment(await readFile(new URL(`pagefind/fragment/${name}`, distDir)));
      const { content } = fragment;
      const headings = [fragment.meta?.['title'], ...(fragment.anchors ?? []).map((anchor) => anchor.text)];
      for (const join of content.matchAll(/\. /g)) {
        const before = content.slice(0, join.index);
        const initial = /(?:^|\s)[A-Z]$/.test(before); // 「C. Fred Bergsten」
        // The English words just before the period, as the page shows them (「Balance.」, 「Tāiki ē.」).
        const latin = /[\p{Script=Latin}][\p{Script=Latin}\s'’-]*$/u.exec(before)?.[0];
        const original = latin !== undefined && (await pageText(fragment.url)).includes(`${latin}.`);
        if (!initial && !original && !headings.some((heading) => heading && before.endsWith(heading))) {
          joins.push(`${fragment.url}: …${before.slice(-20)}. ${content.slice(join.index + 2, join.index + 12)}…`);
        }
      }
      expect(content, fragment.url).not.toContain('\u2060');
    }
    expect(joins).toEqual([]);
  });

  test('ships the search data the client folds queries with', async () => {
    const data = JSON.parse(await readFile(new URL('pagefind/search-data.json', distDir), 'utf8')) as object;
    expect(Object.keys(data).length).toBeGreaterThan(0);
  });
});
