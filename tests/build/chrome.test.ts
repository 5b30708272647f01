/**
 * The page chrome in the built HTML: the menu on every page lists every page and marks the
 * current one (tests/e2e/phone.test.ts opens it on one page of each layout); the sidebar,
 * prev/next and the page's h1 use the same words.
 */
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { describe, expect, test } from 'vitest';
import { builtPages, editionPages, loadPage, textOf } from './helpers';

const built = await builtPages();
const docs = (await editionPages()).filter((page) => built.includes(page) && !/^\/(zh-hans\/)?$/.test(page));
const href = (node: Element | undefined) => String(node?.properties['href'] ?? '');
const h1Of = async (page: string) => textOf(select('article h1', await loadPage(page))!);

describe('menu and labels', () => {
  test('every page (home and 404 too) has the menu, listing every page of its edition', async () => {
    for (const page of built.filter((path) => path.endsWith('/') || path === '/404.html')) {
      const tree = await loadPage(page);
      const edition = page.startsWith('/zh-hans/') ? '/zh-hans/' : '/';
      const listed = selectAll('#site-menu .sidebar a', tree).map(href).sort();
      const wanted = docs.filter((doc) => doc.startsWith('/zh-hans/') === (edition === '/zh-hans/')).sort();
      expect(listed, page).toEqual(wanted);
      expect(select('#menu-button[aria-controls="site-menu"]', tree), page).toBeTruthy();
      // The page itself is marked (the home link on a home page); on the 404 page, nothing.
      const current = selectAll('#site-menu [aria-current="page"]', tree).map(href);
      expect(current, page).toEqual(page === '/404.html' ? [] : [page]);
    }
  });

  test('the sidebar, the menu and prev/next name each page by its h1', async () => {
    for (const page of docs) {
      const tree = await loadPage(page);
      const h1 = await h1Of(page);
      for (const where of ['#sidebar', '#site-menu']) {
        const current = select(`${where} a[aria-current="page"]`, tree);
        expect(href(current), `${page} ${where}`).toBe(page);
        expect(textOf(current!), `${page} ${where}`).toBe(h1);
      }
      for (const rel of ['prev', 'next']) {
        const link = select(`.pagination a[rel="${rel}"]`, tree);
        if (!link) continue;
        expect(textOf(select('.pagination-title', link)!), `${page} ${rel}`).toBe(await h1Of(href(link)));
      }
    }
  });
});
