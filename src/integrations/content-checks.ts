/**
 * Checks on content that neither the collection schema nor the Markdown pipeline make:
 * raw files (encoding, emptiness, two files for one URL) before anything is built, and
 * the built pages' links and anchors afterwards. Each problem names the file; any problem
 * stops the build before dist/ is replaced (see tools/build.ts).
 */
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { takeContentProblems } from '../lib/content-problems';
import { normaliseBase } from '../lib/paths';
import { collectFromPages, interner } from '../lib/built-pages';

/** Astro's content cache, in `cacheDir`. */
const DATA_STORE = 'data-store.json';

export class ContentError extends Error {
  override name = 'ContentError';
}

/** Problems with the files in `dir` (the content folder), as `file: problem` lines. */
export function checkContentFiles(dir: string, root: string = process.cwd()): string[] {
  const problems: string[] = [];
  const ids = new Map<string, string>();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.mdx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) {
    const name = relative(root, file).split(sep).join('/');
    const bytes = readFileSync(file);
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      problems.push(`${name}: not valid UTF-8 text (save the file as UTF-8)`);
      continue;
    }
    if (text.trim() === '') problems.push(`${name}: the file is empty (it needs frontmatter and text)`);
    const id = relative(dir, file)
      .split(sep)
      .join('/')
      .replace(/\.mdx?$/, '');
    const other = ids.get(id);
    if (other) problems.push(`${name}: same page URL as ${other} (/${id}/): rename one of them`);
    ids.set(id, name);
  }
  return problems;
}

/** What the link check needs of a page: its ids, and its links as `[tag, href]`. */
export interface PageLinks {
  ids: ReadonlySet<string>;
  links: readonly (readonly [tag: string, href: string])[];
}

export interface BuiltPage extends PageLinks {
  /** Site path of the page without the base path, e.g. `/founding/` or `/404.html`. */
  path: string;
}

const LINK = /<(a|link|img|script|source)\b[^>]*?\s(?:href|src)="([^"]*)"/g;
const ID = /\sid="([^"]*)"/g;

/** The ids and links of a page's HTML; `keep` stores each string (see `interner`). */
export function pageLinks(html: string, keep: (s: string) => string = (s) => s): PageLinks {
  return {
    ids: new Set(Array.from(html.matchAll(ID), (match) => keep(match[1]!))),
    links: Array.from(html.matchAll(LINK), (match) => [keep(match[1]!), keep(match[2]!)] as const),
  };
}

/**
 * Internal links, images and anchors that lead nowhere. Pages are served under `base`;
 * `exists` tells whether a non-page file (asset) exists at a site path.
 */
export function findBrokenLinks(
  pages: readonly BuiltPage[],
  base: string,
  exists: (path: string) => boolean,
): string[] {
  const idsByPath = new Map<string, ReadonlySet<string>>();
  for (const page of pages) idsByPath.set(page.path, page.ids);
  const problems: string[] = [];
  for (const page of pages) {
    const pageUrl = `http://site${base}${page.path.slice(1)}`;
    for (const [tag, raw] of page.links) {
      const href = raw.replace(/&amp;/g, '&');
      if (href === '' || /^(https?:|mailto:|data:|tel:)/.test(href) || href.startsWith('//')) continue;
      const url = new URL(href, pageUrl);
      const path = decodeURIComponent(url.pathname);
      if (!path.startsWith(base)) {
        problems.push(`${page.path}: <${tag}> points outside the site's base path ${base}: ${href}`);
        continue;
      }
      const sitePath = `/${path.slice(base.length)}`;
      const target = idsByPath.get(sitePath);
      if (!target) {
        if (!exists(sitePath)) problems.push(`${page.path}: broken link to ${href} (no such page or file)`);
        continue;
      }
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (anchor && !target.has(anchor))
        problems.push(`${page.path}: broken anchor ${href} (no element with id "${anchor}")`);
    }
  }
  return [...new Set(problems)];
}

/** The content file a built page comes from, for error messages (`/founding/` → `content/founding.md`). */
function sourceOf(pagePath: string, contentDir: string): string {
  const slug = pagePath.replace(/^\/|\/$/g, '') || 'index';
  for (const extension of ['.md', '.mdx']) {
    if (existsSync(join(contentDir, slug + extension))) return `content/${slug}${extension}`;
  }
  return `page ${pagePath}`;
}

/** Runs the checks above in the Astro build: files first, links after the pages are written. */
export function contentChecks(options: { contentDir?: string } = {}): AstroIntegration {
  let base = '/';
  let cacheDir: URL | undefined;
  const contentDir = options.contentDir ?? join(process.cwd(), 'content');
  return {
    name: 'apec:content-checks',
    hooks: {
      'astro:config:setup': () => {
        const problems = checkContentFiles(contentDir);
        if (problems.length > 0) throw new ContentError(`Content problems:\n${problems.join('\n')}`);
      },
      'astro:config:done': ({ config }) => {
        base = normaliseBase(config.base);
        cacheDir = config.cacheDir;
      },
      'astro:build:done': async ({ dir }) => {
        const rendering = takeContentProblems();
        if (rendering.length > 0) {
          // Astro's content cache keeps a page that failed to render as if it were fine, and
          // would skip it on the next build: drop the cache so every page is checked again.
          if (cacheDir) rmSync(new URL(DATA_STORE, cacheDir), { force: true });
          throw new ContentError(`Content problems:\n${rendering.join('\n')}`);
        }
        const outDir = fileURLToPath(dir);
        const keep = interner();
        const facts = await collectFromPages(outDir, (html) => pageLinks(html, keep));
        const pages = Array.from(facts, ([file, page]) => ({
          path: `/${file}`.replace(/index\.html$/, ''),
          ...page,
        }));
        const problems = findBrokenLinks(pages, base, (path) => existsSync(join(outDir, path)));
        if (problems.length > 0) {
          const named = problems.map((problem) => {
            const pagePath = problem.slice(0, problem.indexOf(':'));
            return `${sourceOf(pagePath, contentDir)}: ${problem.slice(problem.indexOf(':') + 2)}`;
          });
          throw new ContentError(`Broken links in the built site:\n${named.join('\n')}`);
        }
      },
    },
  };
}
