/** Reading the built site (dist/) as hast trees, for the build-output tests. */
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import type { Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { EDITIONS, editionOf, editionPath, type Edition } from '../../src/i18n/editions';

export const distDir = new URL('../../dist/', import.meta.url);
const contentDir = new URL('../../content/', import.meta.url);

if (!existsSync(new URL('index.html', distDir))) {
  throw new Error('dist/ is missing: run `npm run build` first (`npm test` does).');
}

const cache = new Map<string, Promise<Root>>();

/** Parse a built page, e.g. `/founding/` → dist/founding/index.html. */
export const loadPage = (pathname: string): Promise<Root> => {
  const file = pathname.endsWith('.html') ? pathname.slice(1) : `${pathname.slice(1)}index.html`;
  let page = cache.get(file);
  if (!page) {
    page = readFile(new URL(file, distDir), 'utf8').then((html) => fromHtml(html));
    cache.set(file, page);
  }
  return page;
};

export const readDist = (path: string): Promise<string> => readFile(new URL(path, distDir), 'utf8');

/** Pathnames of every content page, from the files in content/ (`founding.md` → `/founding/`). */
export async function contentPages(): Promise<string[]> {
  const entries = await readdir(contentDir, { recursive: true });
  return entries
    .filter((entry) => /\.mdx?$/.test(entry) && !entry.split('/').some((part) => part.startsWith('_')))
    .map((entry) => entry.replace(/\.mdx?$/, '').replace(/(^|\/)index$/, ''))
    .map((slug) => (slug === '' ? '/' : `/${slug}/`))
    .sort();
}

/** Content pages of every edition: the Traditional pages and their twins (`/zh-hans/…`). */
export async function editionPages(): Promise<string[]> {
  const pages = await contentPages();
  return (Object.keys(EDITIONS) as Edition[])
    .flatMap((edition) => pages.map((page) => editionPath(page, edition)))
    .sort();
}

/** The language a built page must declare. */
export const langOf = (pathname: string): string => EDITIONS[editionOf(pathname)].lang;

/** Pathnames of every HTML page in dist/ (`/`, `/founding/`, `/404.html`). */
export async function builtPages(): Promise<string[]> {
  const entries = await readdir(distDir, { recursive: true });
  return entries
    .filter((entry) => entry.endsWith('.html') && !entry.startsWith('pagefind/'))
    .map((entry) => (entry.endsWith('index.html') ? `/${entry.slice(0, -'index.html'.length)}` : `/${entry}`))
    .sort();
}

export const textOf = (node: Nodes): string => toString(node).replace(/\s+/g, ' ').trim();
