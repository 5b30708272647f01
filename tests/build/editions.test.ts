/** The Simplified edition twins every Traditional page: same headings, same ids, no Traditional-only characters. */
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { remove } from 'unist-util-remove';
import { describe, expect, test } from 'vitest';
import { traditionalOnlyChars } from '../../src/i18n/convert';
import { contentPages, loadPage, readDist, textOf } from './helpers';

const pages = await contentPages();
const ids = (tree: Root) =>
  selectAll('article h2[id], article h3[id]', tree).map((node) => String(node.properties['id']));
const attr = (node: Element | undefined, name: string) => (node ? String(node.properties[name] ?? '') : undefined);

describe.each(pages)('%s', (pathname) => {
  test('has a Simplified twin with the same headings and ids', async () => {
    const [hant, hans] = await Promise.all([loadPage(pathname), loadPage(`/zh-hans${pathname}`)]);
    expect(ids(hans)).toEqual(ids(hant));
    expect(ids(hant).length).toBeGreaterThan(0);
    expect(textOf(select('h1', hans)!)).not.toBe('');
  });

  test('the twin has no Traditional-only characters outside marked exceptions', async () => {
    const tree = structuredClone(await loadPage(`/zh-hans${pathname}`));
    remove(tree, (node) => {
      const element = node as Element;
      return (
        element.type === 'element' && (element.properties['dataZhKeep'] !== undefined || element.tagName === 'script')
      );
    });
    const body = select('body', tree)!;
    const head = selectAll('title, meta[name="description"]', tree)
      .map((node) => attr(node, 'content') || textOf(node))
      .join(' ');
    expect(traditionalOnlyChars(`${textOf(body)} ${head}`)).toEqual([]);
  });

  test('both editions name each other as alternates', async () => {
    for (const page of [pathname, `/zh-hans${pathname}`]) {
      const tree = await loadPage(page);
      const alternates = selectAll('link[rel="alternate"][hreflang]', tree).map((node) => [
        attr(node, 'hrefLang'),
        new URL(attr(node, 'href')!).pathname,
      ]);
      expect(alternates, page).toEqual([
        ['zh-Hant-TW', pathname],
        ['zh-Hans', `/zh-hans${pathname}`],
        ['x-default', pathname],
      ]);
    }
  });
});

test('the sitemap lists both editions, each with its twin', async () => {
  const xml = await readDist('sitemap-0.xml');
  for (const pathname of pages) {
    expect(xml).toContain(`${pathname}</loc>`);
    expect(xml).toContain(`/zh-hans${pathname}</loc>`);
  }
  expect(xml).toContain('hreflang="zh-Hans"');
});
