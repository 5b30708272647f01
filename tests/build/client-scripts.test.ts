/**
 * The browser scripts as built (src/integrations/client-scripts.ts): the words of the search
 * dialog and of the 離線閱讀 control live in the scripts that use them, in both editions, and in
 * no page; so does the dialog's stylesheet; no chunk carries Vite's dynamic-import preload
 * helper; every script and stylesheet is in the offline lists.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { OFFLINE_MESSAGES } from '../../src/data/offline';
import { SEARCH_TEXT } from '../../src/data/search-text';
import { builtPages, distDir } from './helpers';

const dist = fileURLToPath(distDir);
const chunks = readdirSync(join(dist, '_astro')).filter((file) => file.endsWith('.js'));
const chunk = (name: string) => {
  const file = chunks.find((candidate) => candidate.startsWith(`${name}.`));
  if (!file) throw new Error(`dist/_astro/ has no ${name} chunk (found: ${chunks.join(', ')})`);
  return readFileSync(join(dist, '_astro', file), 'utf8');
};
const htmlOf = (page: string) =>
  readFileSync(join(dist, page.endsWith('.html') ? page.slice(1) : `${page.slice(1)}index.html`), 'utf8');

describe('words built into the on-intent scripts, in both editions', () => {
  // Simplified forms checked by hand against the converter's output (OpenCC twp → cn).
  test.each([
    ['search-ui', SEARCH_TEXT.none, '没有找到符合「{q}」的内容。'],
    ['search-ui', SEARCH_TEXT.placeholder, '输入繁体、简体或英文'],
    ['search-ui', SEARCH_TEXT.sections, '认识 APEC|组织与运作|历史|参考'],
    ['offline-ui', OFFLINE_MESSAGES.progress, '正在下载：{n}／{total}'],
    ['offline-ui', OFFLINE_MESSAGES.removed, '已删除离线版本。'],
  ])('%s holds 「%s」 and 「%s」', (name, traditional, simplified) => {
    const code = chunk(name);
    expect(code).toContain(traditional);
    expect(code).toContain(simplified);
  });

  test('every word of each table is in its script', () => {
    const missing = [
      ...Object.values(SEARCH_TEXT).filter((text) => !chunk('search-ui').includes(text)),
      ...Object.values(OFFLINE_MESSAGES).filter((text) => !chunk('offline-ui').includes(text)),
    ];
    expect(missing).toEqual([]);
  });

  test('no page carries the search dialog or the control’s messages', async () => {
    const found: string[] = [];
    for (const page of await builtPages()) {
      const html = htmlOf(page);
      for (const marker of ['id="search-dialog"', 'search-strings', 'data-offline-text', OFFLINE_MESSAGES.failed])
        if (html.includes(marker)) found.push(`${page}: ${marker}`);
    }
    expect(found).toEqual([]);
  });
});

test('no chunk carries the dynamic-import preload helper (0.66 KB brotli of every page)', () => {
  // The helper's marks: it picks `modulepreload` from `relList` and injects <link> elements.
  expect(
    chunks.filter((file) => /relList|modulepreload/.test(readFileSync(join(dist, '_astro', file), 'utf8'))),
  ).toEqual([]);
});

/**
 * The preload helper's replacement (src/integrations/client-scripts.ts) ignores a lazy chunk's
 * dependency list, which is safe only while that list is empty: `cssCodeSplit: false`
 * (astro.config.mjs) keeps CSS out of the chunks loaded on intent. Vite writes each list next to
 * its import (`import(\`./x.js\`),[]`); a chunk that brought CSS along would name it there (or
 * through `__vite__mapDeps`), and its stylesheet would be linked by no page.
 */
test('no lazily loaded chunk carries CSS or anything else the replaced preload helper would have to load', async () => {
  const lazy: string[] = [];
  const withDependencies: string[] = [];
  for (const file of chunks) {
    const code = readFileSync(join(dist, '_astro', file), 'utf8');
    if (code.includes('__vite__mapDeps')) withDependencies.push(`${file}: __vite__mapDeps`);
    for (const [, target, dependencies] of code.matchAll(/import\(`\.\/([^`]+)`\)\s*,\s*([^)]*)\)/g)) {
      lazy.push(target!);
      if (!/^(\[\]|void 0)$/.test(dependencies!.trim())) withDependencies.push(`${file} → ${target}: ${dependencies}`);
    }
  }
  expect(lazy.sort()).toEqual(expect.arrayContaining([chunks.find((name) => name.startsWith('search-ui.'))]));
  expect(withDependencies).toEqual([]);
  // Every stylesheet is linked by the pages, or is the search dialog's (linked by the site script).
  const stylesheets = readdirSync(join(dist, '_astro')).filter((file) => file.endsWith('.css'));
  const linked = new Set<string>();
  for (const page of await builtPages())
    for (const [, name] of htmlOf(page).matchAll(/<link rel="stylesheet" href="[^"]*\/_astro\/([^"]+\.css)"/g))
      linked.add(name!);
  expect(stylesheets.filter((file) => !linked.has(file) && !file.startsWith('search.'))).toEqual([]);
});

test('the search dialog’s stylesheet is its own file, named by the site script (linked on intent) and by no page', async () => {
  const stylesheets = readdirSync(join(dist, '_astro')).filter((file) => file.endsWith('.css'));
  const search = stylesheets.filter((file) => file.startsWith('search.'));
  expect(search, stylesheets.join(', ')).toHaveLength(1);
  expect(chunk('BaseLayout.astro_astro_type_script_index_0_lang')).toContain(`/_astro/${search[0]}`);
  const linking: string[] = [];
  for (const page of await builtPages()) if (htmlOf(page).includes(search[0]!)) linking.push(page);
  expect(linking).toEqual([]);
});

test('every script and stylesheet is in both editions’ offline lists (search and the control work offline)', () => {
  const assets = readdirSync(join(dist, '_astro'));
  for (const id of ['hant', 'hans']) {
    const { files } = JSON.parse(readFileSync(join(dist, 'offline', `${id}.json`), 'utf8')) as { files: string[] };
    expect(
      assets.filter((file) => !files.some((url) => url.endsWith(`/_astro/${file}`))),
      id,
    ).toEqual([]);
  }
});
