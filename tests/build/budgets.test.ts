/**
 * Performance budgets (src/budgets.ts) on the built dist/, in bytes as a CDN sends
 * them: brotli quality 11 for text, files Pagefind ships pre-compressed as they are.
 * Every failure names the page, the resource and the budget.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { afterAll, describe, expect, it } from 'vitest';
import {
  FONT_FILE,
  FRAGMENTS_PER_QUERY,
  SEARCH_DIRECT_MAX_PAGES,
  KB,
  MAX_INLINE_HEAD_SCRIPT,
  MAX_INLINE_SCRIPTS,
  PAGE_BUDGETS,
  SEARCH_BUDGET,
  pageTypeOf,
} from '../../src/budgets';
import { directFragments } from '../../src/search/pagefind-bundle';
import { builtPages, distDir, loadPage } from './helpers';

const dist = fileURLToPath(distDir);
const base = (() => {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  return /<html[^>]*\sdata-base="([^"]*)"/.exec(html)?.[1] ?? '/';
})();

const kb = (bytes: number) => `${(bytes / KB).toFixed(2)} KB`;

/** Pagefind's own files are gzip already (wasm, index, fragment, filter, meta): sent as stored. */
const PRECOMPRESSED = /\.(pf_index|pf_fragment|pf_filter|pf_meta|pagefind)$/;

const brotliCache = new Map<string, number>();
/** Bytes a CDN sends for a file of dist/ (site path, e.g. `/_astro/x.css`). */
function sentBytes(sitePath: string): number {
  let size = brotliCache.get(sitePath);
  if (size === undefined) {
    const file = join(dist, sitePath.slice(base.length));
    const body = readFileSync(file);
    size =
      PRECOMPRESSED.test(file) || body.length <= 256
        ? body.length
        : brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    brotliCache.set(sitePath, size);
  }
  return size;
}

const htmlFileOf = (page: string) => (page.endsWith('.html') ? page.slice(1) : `${page.slice(1)}index.html`);

const attr = (node: Element, name: string): string | undefined => {
  const value = node.properties[name];
  if (value === undefined || value === null || value === false) return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
};
const rels = (node: Element) =>
  Array.isArray(node.properties['rel'])
    ? node.properties['rel'].map(String)
    : String(node.properties['rel'] ?? '').split(/\s+/);
const isExternal = (url: string) => /^(https?:)?\/\//i.test(url);
/** A site path for a URL in a page (`/_astro/x.js`), or undefined for external / data URLs. */
const sitePathOf = (url: string, page: string): string | undefined => {
  if (isExternal(url) || url.startsWith('data:')) return undefined;
  return new URL(url, `http://site${page}`).pathname;
};

/** Module graph: a JS file's static imports (`import"./x.js"`, `from"./x.js"`) and dynamic ones. */
function imports(sitePath: string): { static: string[]; dynamic: string[] } {
  const code = readFileSync(join(dist, sitePath.slice(base.length)), 'utf8');
  const resolve = (spec: string) => new URL(spec, `http://site${sitePath}`).pathname;
  const statics = [...code.matchAll(/(?:\bfrom\s*|\bimport\s*)["'](\.{1,2}\/[^"']+)["']/g)].map((m) => resolve(m[1]!));
  const dynamics = [...code.matchAll(/\bimport\(\s*["'`](\.{1,2}\/[^"'`$]+)["'`]\s*\)/g)].map((m) => resolve(m[1]!));
  return { static: [...new Set(statics)], dynamic: [...new Set(dynamics)] };
}

/** A JS file and everything it imports statically, transitively. */
function closure(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const next = queue.shift()!;
    if (seen.has(next)) continue;
    seen.add(next);
    queue.push(...imports(next).static);
  }
  return [...seen];
}

interface PageCost {
  page: string;
  html: number;
  css: Map<string, number>;
  js: Map<string, number>;
  requests: string[];
  problems: string[];
}

function pageCost(page: string, tree: Root): PageCost {
  const problems: string[] = [];
  const htmlPath = `${base}${htmlFileOf(page)}`;
  const cost: PageCost = {
    page,
    html: sentBytes(htmlPath),
    css: new Map(),
    js: new Map(),
    requests: [htmlPath],
    problems,
  };

  for (const link of selectAll('link[rel][href]', tree)) {
    const href = attr(link, 'href')!;
    const kind = rels(link);
    const loads = kind.some((rel) =>
      ['stylesheet', 'modulepreload', 'preload', 'icon', 'manifest', 'prefetch'].includes(rel),
    );
    if (!loads) continue;
    if (isExternal(href)) {
      problems.push(`${page}: <link rel="${kind.join(' ')}"> loads a third-party URL ${href}`);
      continue;
    }
    const path = sitePathOf(href, page)!;
    if (kind.includes('stylesheet')) cost.css.set(path, sentBytes(path));
    else if (kind.includes('modulepreload')) cost.js.set(path, sentBytes(path));
    else if (kind.includes('preload') && attr(link, 'as') === 'font')
      problems.push(`${page}: preloads a web font ${href}`);
    if (kind.includes('prefetch')) problems.push(`${page}: prefetches ${href} before any intent`);
    // The web app manifest is fetched when the reader installs the site, not to show the page
    // (Chromium loads no manifest while loading a page: tests/e2e/budgets.test.ts counts what it does fetch).
    if (kind.includes('manifest')) continue;
    // A favicon is one request however many are declared; Chromium fetches the first it likes.
    if (kind.includes('icon') && cost.requests.some((request) => request.startsWith('icon:'))) continue;
    cost.requests.push(kind.includes('icon') ? `icon:${path}` : path);
  }

  const entryScripts: string[] = [];
  let inlineBytes = 0;
  for (const script of selectAll('script', tree)) {
    const type = attr(script, 'type') ?? '';
    if (/json/.test(type)) continue;
    const src = attr(script, 'src');
    const inHead = select('head', tree)?.children.includes(script) ?? false;
    if (src) {
      if (isExternal(src)) {
        problems.push(`${page}: <script src="${src}"> is a third-party script`);
        continue;
      }
      const path = sitePathOf(src, page)!;
      const deferred = type === 'module' || attr(script, 'defer') !== undefined || attr(script, 'async') !== undefined;
      if (inHead && !deferred)
        problems.push(`${page}: render-blocking <script src="${src}"> in <head> (use type="module" or defer)`);
      entryScripts.push(path);
    } else {
      const body = script.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
      inlineBytes += Buffer.byteLength(body);
      if (inHead && Buffer.byteLength(body) > MAX_INLINE_HEAD_SCRIPT) {
        problems.push(
          `${page}: inline <script> in <head> is ${Buffer.byteLength(body)} B, over ${MAX_INLINE_HEAD_SCRIPT} B (it blocks rendering)`,
        );
      }
    }
  }
  if (inlineBytes > MAX_INLINE_SCRIPTS)
    problems.push(`${page}: inline scripts total ${inlineBytes} B, over ${MAX_INLINE_SCRIPTS} B`);
  for (const path of closure(entryScripts)) {
    cost.js.set(path, sentBytes(path));
    if (!cost.requests.includes(path)) cost.requests.push(path);
  }

  for (const img of selectAll('img', tree)) {
    const src = attr(img, 'src') ?? '';
    if (isExternal(src)) problems.push(`${page}: <img src="${src}"> is a third-party image`);
    if (attr(img, 'width') === undefined || attr(img, 'height') === undefined)
      problems.push(`${page}: <img src="${src}"> has no width/height (layout shift)`);
    const eager = attr(img, 'loading') !== 'lazy';
    const inMain = selectAll('main img', tree).includes(img);
    if (inMain && eager && attr(img, 'fetchpriority') !== 'high')
      problems.push(
        `${page}: <img src="${src}"> in <main> is not loading="lazy" (mark an above-the-fold image fetchpriority="high")`,
      );
    if (eager && src) cost.requests.push(sitePathOf(src, page) ?? src);
  }
  for (const node of selectAll('iframe[src], video[src], audio[src], source[src], embed[src], object[data]', tree)) {
    const url = attr(node, 'src') ?? attr(node, 'data') ?? '';
    if (isExternal(url)) problems.push(`${page}: <${node.tagName}> loads a third-party URL ${url}`);
  }
  for (const style of selectAll('style', tree)) {
    const css = style.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
    if (/@font-face/i.test(css)) problems.push(`${page}: inline <style> declares @font-face (no web fonts)`);
  }
  return cost;
}

const pages = await builtPages();
const allFiles = (readdirSync(dist, { recursive: true }) as string[]).map((file) => file.split('\\').join('/'));

describe('page budgets (brotli, before search)', () => {
  // `BUDGETS_REPORT=1 npx vitest run tests/build/budgets.test.ts` prints every page's numbers.
  const report: string[] = [];
  afterAll(() => {
    if (process.env['BUDGETS_REPORT'])
      console.log(['page type requests HTML CSS JS total (KB, brotli)', ...report.sort()].join('\n'));
  });

  it.each(pages)('%s', async (page) => {
    const tree = await loadPage(page);
    const cost = pageCost(page, tree);
    const type = pageTypeOf(page);
    const budget = PAGE_BUDGETS[type];
    const problems = [...cost.problems];
    const cssBytes = [...cost.css.values()].reduce((a, b) => a + b, 0);
    const jsBytes = [...cost.js.values()].reduce((a, b) => a + b, 0);
    const total = cost.html + cssBytes + jsBytes;
    report.push(
      [
        page,
        type,
        cost.requests.length,
        ...[cost.html, cssBytes, jsBytes, total].map((bytes) => (bytes / KB).toFixed(2)),
      ].join(' '),
    );
    const list = (map: Map<string, number>) => [...map].map(([path, bytes]) => `${path} ${kb(bytes)}`).join(', ');
    if (cost.html > budget.html)
      problems.push(
        `${page}: HTML ${htmlFileOf(page)} is ${kb(cost.html)}, over the ${type} page budget ${kb(budget.html)}`,
      );
    if (cssBytes > budget.css)
      problems.push(`${page}: CSS ${kb(cssBytes)} (${list(cost.css)}), over the ${type} page budget ${kb(budget.css)}`);
    if (jsBytes > budget.js)
      problems.push(`${page}: JS ${kb(jsBytes)} (${list(cost.js)}), over the ${type} page budget ${kb(budget.js)}`);
    if (total > budget.total) {
      problems.push(
        `${page}: HTML + CSS + JS ${kb(total)} (HTML ${kb(cost.html)}; ${list(cost.css)}; ${list(cost.js)}), over the ${type} page budget ${kb(budget.total)}`,
      );
    }
    if (cost.requests.length > budget.requests) {
      problems.push(
        `${page}: ${cost.requests.length} requests (${cost.requests.join(', ')}), over the ${type} page budget ${budget.requests}`,
      );
    }
    if (cost.css.size > 1)
      problems.push(`${page}: ${cost.css.size} stylesheets (${list(cost.css)}); one is the budget`);
    expect(problems).toEqual([]);
  });
});

describe('no web fonts, no third-party requests', () => {
  it('ships no font files', () => {
    expect(allFiles.filter((file) => FONT_FILE.test(file)).map((file) => `dist/${file}: a web font file`)).toEqual([]);
  });

  it('no stylesheet declares @font-face or loads anything from another origin', () => {
    const problems: string[] = [];
    for (const file of allFiles.filter((name) => name.endsWith('.css'))) {
      const css = readFileSync(join(dist, file), 'utf8');
      if (/@font-face/i.test(css)) problems.push(`dist/${file}: declares @font-face`);
      for (const [, url] of css.matchAll(/url\(\s*["']?([^"')]+)/g))
        if (isExternal(url!)) problems.push(`dist/${file}: loads ${url}`);
      for (const [, url] of css.matchAll(/@import\s+(?:url\()?\s*["']?([^"');\s]+)/g))
        problems.push(`dist/${file}: @import ${url} (an extra request)`);
    }
    expect(problems).toEqual([]);
  });
});

describe('search loads on intent only, within budget', () => {
  /**
   * The site's entry scripts (from the home page) and the search chunk(s) they import dynamically,
   * with any stylesheet those scripts name (site.ts links the dialog's with the search chunk).
   */
  async function searchChunks(): Promise<{ entry: string[]; ui: string[] }> {
    const tree = await loadPage('/');
    const entry = closure(
      selectAll('script[src]', tree)
        .map((script) => attr(script, 'src')!)
        .filter((src) => !isExternal(src))
        .map((src) => sitePathOf(src, '/')!),
    );
    const dynamic = entry.flatMap((path) => imports(path).dynamic).filter((path) => /search/i.test(path));
    const ui = closure(dynamic).filter((path) => !entry.includes(path));
    const stylesheets = [...entry, ...ui].flatMap((path) =>
      [
        ...readFileSync(join(dist, path.slice(base.length)), 'utf8').matchAll(
          /["'`]([^"'`]*\/_astro\/[^"'`]+\.css)["'`]/g,
        ),
      ].map((match) => sitePathOf(match[1]!, path)!),
    );
    return { entry, ui: [...ui, ...new Set(stylesheets)] };
  }

  it('no page loads search code or data up front', async () => {
    const { ui } = await searchChunks();
    const problems: string[] = [];
    for (const page of pages) {
      const tree = await loadPage(page);
      for (const node of selectAll('script[src], link[href]', tree)) {
        const url = attr(node, 'src') ?? attr(node, 'href') ?? '';
        const path = sitePathOf(url, page);
        if (path && (ui.includes(path) || path.startsWith(`${base}pagefind/`))) {
          problems.push(`${page}: ${node.tagName} ${url} loads search before the reader asks for it`);
        }
      }
    }
    expect(ui.length, 'no search chunk imported dynamically by the site script').toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  const entry = JSON.parse(readFileSync(join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { hash: string; wasm: string | null }>;
  };

  const searchData = JSON.parse(readFileSync(join(dist, 'pagefind', 'search-data.json'), 'utf8')) as {
    p?: Record<string, string[]>;
  };

  it.each(Object.keys(entry.languages).sort())(
    'opening search and the first results (%s index)',
    async (languageId) => {
      const language = entry.languages[languageId]!;
      const { ui } = await searchChunks();
      const pf = (name: string) => `${base}pagefind/${name}`;
      const uiCode = ui.map((path) => readFileSync(join(dist, path.slice(base.length)), 'utf8')).join('\n');
      const noWorker = /noWorker\s*:\s*(!0|true)/.test(uiCode);
      const dir = (name: string) =>
        readdirSync(join(dist, 'pagefind', name))
          .filter((file) => file.startsWith(`${languageId}_`))
          .map((file) => ({ path: pf(`${name}/${file}`), bytes: statSync(join(dist, 'pagefind', name, file)).size }))
          .sort((a, b) => b.bytes - a.bytes);
      // Small sites: the client skips Pagefind's JS and wasm and reads every fragment listed in
      // search-data.json (`p`), then verifies each page itself (src/search/client.ts).
      const direct = directFragments(searchData.p?.[languageId], SEARCH_DIRECT_MAX_PAGES);
      if (direct) {
        const paths = [...ui, pf('search-data.json'), ...direct.map((file) => pf(file))];
        const total = paths.reduce((sum, path) => sum + sentBytes(path), 0);
        const fragments = direct.reduce((sum, file) => sum + sentBytes(pf(file)), 0);
        // (The search code and its stylesheet have a budget of their own on either path.)
        const uiBytes = ui.reduce((sum, path) => sum + sentBytes(path), 0);
        expect(uiBytes, `search code and styles ${kb(uiBytes)} over ${kb(SEARCH_BUDGET.ui)}`).toBeLessThanOrEqual(
          SEARCH_BUDGET.ui,
        );
        expect(
          total <= SEARCH_BUDGET.firstResultsStatic
            ? []
            : [
                `search (${languageId}, direct mode: every fragment): first results ${kb(total)} in ${paths.length} files, over the budget ${kb(SEARCH_BUDGET.firstResultsStatic)}: ` +
                  `${ui.map((path) => `${path} ${kb(sentBytes(path))}`).join(', ')}, ${pf('search-data.json')} ${kb(sentBytes(pf('search-data.json')))}, ${direct.length} fragments ${kb(fragments)}`,
              ],
        ).toEqual([]);
        return;
      }
      type Part = [kind: keyof typeof SEARCH_BUDGET, path: string, bytes: number];
      const part = (kind: keyof typeof SEARCH_BUDGET, path: string): Part => [kind, path, sentBytes(path)];
      const wasm = pf(`wasm.${language.wasm ?? 'unknown'}.pagefind`);
      const parts: Part[] = [
        ...ui.map((path) => part('ui', path)),
        part('pagefindJs', pf('pagefind.js')),
        ...(noWorker ? [] : [part('pagefindJs', pf('pagefind-worker.js'))]),
        part('wasm', wasm),
        part('meta', pf('pagefind-entry.json')),
        part('meta', pf(`pagefind.${language.hash}.pf_meta`)),
        part('searchData', pf('search-data.json')),
      ];
      const problems: string[] = [];
      const byKind = new Map<string, number>();
      for (const [kind, , bytes] of parts) byKind.set(kind, (byKind.get(kind) ?? 0) + bytes);
      for (const [kind, total] of byKind) {
        const limit = SEARCH_BUDGET[kind as keyof typeof SEARCH_BUDGET];
        const files = parts
          .filter((candidate) => candidate[0] === kind)
          .map(([, path, bytes]) => `${path} ${kb(bytes)}`);
        if (total > limit)
          problems.push(
            `search (${languageId}): ${kind} ${kb(total)} (${files.join(', ')}), over its budget ${kb(limit)}`,
          );
      }
      const index = dir('index')[0];
      const fragments = dir('fragment').slice(0, FRAGMENTS_PER_QUERY);
      const fragmentBytes = fragments.reduce((sum, fragment) => sum + fragment.bytes, 0);
      const total = [...byKind.values()].reduce((a, b) => a + b, 0) + (index?.bytes ?? 0) + fragmentBytes;
      if (total > SEARCH_BUDGET.firstResultsStatic) {
        const lines = [
          ...parts.map(([, path, bytes]) => `${path} ${kb(bytes)}`),
          index ? `${index.path} ${kb(index.bytes)} (largest index chunk)` : 'no index chunk',
          `${fragments.length} largest fragments ${kb(fragmentBytes)} (${fragments.map((f) => f.path.split('/').pop()).join(', ')})`,
        ];
        problems.push(
          `search (${languageId}): first results ${kb(total)}, over the budget ${kb(SEARCH_BUDGET.firstResultsStatic)}:\n  ${lines.join('\n  ')}`,
        );
      }
      expect(problems).toEqual([]);
    },
  );
});
