/**
 * Offline reading in the built dist/: the worker's size and headers, each edition's download
 * list (complete, nothing of the other edition, every file real), the size the footer shows,
 * and the web app manifests with their icons.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { selectAll } from 'hast-util-select';
import { describe, expect, test } from 'vitest';
import { KB, SERVICE_WORKER_MAX_BYTES } from '../../src/budgets';
import { SIZE_MARKER, formatDownloadSize } from '../../src/data/offline';
import { parseHeaders } from '../../src/lib/header-formats';
import { headersFor } from '../../src/lib/header-rules';
import { builtPages, distDir, loadPage, readDist, textOf } from './helpers';

const dist = fileURLToPath(distDir);
const base = /<html[^>]*\sdata-base="([^"]*)"/.exec(readFileSync(join(dist, 'index.html'), 'utf8'))?.[1] ?? '/';
const fileOf = (url: string) => {
  const path = url.slice(base.length);
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
};
const editions = [
  { id: 'hant', prefix: '', lang: 'zh-hant-tw' },
  { id: 'hans', prefix: 'zh-hans/', lang: 'zh-hans' },
] as const;
const listOf = (id: string) =>
  JSON.parse(readFileSync(join(dist, 'offline', `${id}.json`), 'utf8')) as { bytes: number; files: string[] };

test(`sw.js is at the base path, within ${SERVICE_WORKER_MAX_BYTES / KB} KB brotli, and revalidated`, async () => {
  const worker = readFileSync(join(dist, 'sw.js'));
  const brotli = brotliCompressSync(worker, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  expect(brotli, `sw.js is ${brotli} B brotli`).toBeLessThanOrEqual(SERVICE_WORKER_MAX_BYTES);
  const rules = parseHeaders(await readDist('_headers'));
  for (const path of ['sw.js', 'manifest.webmanifest', 'zh-hans/manifest.webmanifest', 'offline/hant.json'])
    expect(headersFor(rules, base + path).get('Cache-Control'), path).toBe('public, max-age=0, must-revalidate');
});

describe.each(editions)('the $id download list', ({ id, prefix, lang }) => {
  const list = listOf(id);
  const other = editions.find((edition) => edition.id !== id)!;

  test('every listed file exists, once, under the base path', () => {
    expect(new Set(list.files).size).toBe(list.files.length);
    expect(list.files.filter((url) => !url.startsWith(base) || !existsSync(join(dist, fileOf(url))))).toEqual([]);
  });

  test("holds every page of the edition and none of the other's", async () => {
    const pages = (await builtPages()).filter((page) =>
      prefix ? page.startsWith(`/${prefix}`) : !page.startsWith(`/${other.prefix}`),
    );
    expect(pages.length).toBeGreaterThanOrEqual(10);
    for (const page of pages) expect(list.files, page).toContain(base + page.slice(1));
    const foreign = list.files.filter((url) =>
      other.prefix ? url.startsWith(base + other.prefix) : !url.startsWith(base + prefix),
    );
    expect(foreign.filter((url) => url.endsWith('/') || url.endsWith('.html'))).toEqual([]);
  });

  test('holds every _astro file and what its search reads, and no other language index', () => {
    for (const file of readdirSync(join(dist, '_astro'))) expect(list.files).toContain(`${base}_astro/${file}`);
    const search = list.files.filter((url) => url.includes('/pagefind/'));
    expect(search).toContain(`${base}pagefind/search-data.json`);
    const fragments = readdirSync(join(dist, 'pagefind', 'fragment')).filter((file) => file.startsWith(`${lang}_`));
    for (const fragment of fragments) expect(search).toContain(`${base}pagefind/fragment/${fragment}`);
    expect(search.filter((url) => url.includes(`/${other.lang}_`) || url.includes(`.${other.lang}_`))).toEqual([]);
    expect(list.files).toContain(`${base}${prefix}manifest.webmanifest`);
  });

  test('its pages offer the download with its size', async () => {
    const tree = await loadPage(`/${prefix}`);
    const button = selectAll('#offline-get', tree)[0];
    expect(button && textOf(button)).toBe(
      `${prefix ? '下载全站供离线阅读' : '下載全站供離線閱讀'}（${prefix ? '约' : '約'} ${formatDownloadSize(list.bytes)}）`,
    );
    expect(list.bytes).toBeGreaterThan(50 * KB);
  });
});

test('no page keeps the size placeholder', async () => {
  for (const page of await builtPages())
    expect(await readDist(fileOf(base + page.slice(1))), page).not.toContain(SIZE_MARKER);
});

test('the download size reads as a reader expects', () => {
  expect(formatDownloadSize(176_984)).toBe('180 KB');
  expect(formatDownloadSize(3_000)).toBe('10 KB');
  expect(formatDownloadSize(1_234_000)).toBe('1.2 MB');
});

describe.each(editions)('the $id web app manifest', ({ id, prefix }) => {
  const manifest = JSON.parse(readFileSync(join(dist, prefix, 'manifest.webmanifest'), 'utf8')) as {
    name: string;
    short_name: string;
    lang: string;
    start_url: string;
    scope: string;
    theme_color: string;
    background_color: string;
    color_scheme_dark: { theme_color: string; background_color: string };
    icons: { src: string; sizes: string; type: string; purpose: string }[];
  };

  test('names, language, start and scope under the base path, light and dark colours', async () => {
    const home = await loadPage(`/${prefix}`);
    expect(manifest.name).toBe(textOf(selectAll('title', home)[0]!));
    expect(manifest.short_name.length).toBeLessThanOrEqual(12);
    expect(manifest.lang).toBe(id === 'hant' ? 'zh-Hant-TW' : 'zh-Hans');
    expect(manifest.start_url).toBe(base + prefix);
    expect(manifest.scope).toBe(base);
    const themes = selectAll('meta[name="theme-color"]', home).map((meta) => String(meta.properties['content']));
    expect([manifest.theme_color, manifest.color_scheme_dark.theme_color]).toEqual(themes);
    const link = selectAll('link[rel="manifest"]', home)[0];
    expect(link?.properties['href']).toBe(`${base}${prefix}manifest.webmanifest`);
  });

  test('every icon is a PNG of the size it declares, including a maskable one', () => {
    for (const icon of manifest.icons) {
      const png = readFileSync(join(dist, icon.src.slice(base.length)));
      expect(png.subarray(1, 4).toString('latin1'), icon.src).toBe('PNG');
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, icon.src).toBe(icon.sizes);
    }
    expect(manifest.icons.some((icon) => icon.purpose === 'maskable')).toBe(true);
    expect(manifest.icons.some((icon) => icon.sizes === '512x512' && icon.purpose === 'any')).toBe(true);
  });
});
