/**
 * Offline reading, inside the build (after the search index, before `_headers`):
 *
 * 1. per edition, the list 「離線閱讀」 downloads (`offline/<edition>.json`: its pages, every
 *    `_astro/` file, its maps, what its search needs, icons and web app manifest) and its size, which
 *    replaces SIZE_MARKER in that edition's pages;
 * 2. `sw.js`, bundled from src/offline/sw.ts with the build's version: a hash of every file
 *    the build ships and of the worker's own code, so a build that changes nothing keeps the
 *    same worker byte for byte, and a changed worker gets new caches.
 *
 * With `OFFLINE=0`, only `sw.js` is written, as a kill switch for workers installed earlier.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import { build as esbuild } from 'esbuild';
import { SEARCH_DIRECT_MAX_PAGES } from '../budgets';
import {
  OFFLINE_DIR,
  OFFLINE_PAGE_TEXT,
  SERVICE_WORKER_FILE,
  SIZE_MARKER,
  WEB_MANIFEST_FILE,
  formatDownloadSize,
  offlineEnabled,
} from '../data/offline';
import { SITE } from '../data/site';
import { EDITIONS, type Edition } from '../i18n/editions';
import { localise } from '../i18n/localise';
import { eachLimit } from '../lib/concurrency';
import { normaliseBase } from '../lib/paths';
import { searchFiles } from '../search/pagefind-bundle';
import { SEARCH_DATA_FILE } from './pagefind';

const WORKER_SOURCE = fileURLToPath(new URL('../offline/sw.ts', import.meta.url));
/** Files Pagefind already ships gzip-compressed: sent as stored. */
const PRECOMPRESSED = /\.(pf_index|pf_fragment|pf_filter|pf_meta|pagefind|png)$/;
/** What the offline copy leaves out: build metadata, share images, the worker and its lists. */
const NOT_FOR_READING = /^(_headers|robots\.txt|sitemap[^/]*\.xml|og-image\.png|sw\.js|offline\/.*)$/;

const editionIds = Object.keys(EDITIONS) as Edition[];

/** The edition a built file belongs to by its path (`zh-hans/…` → hans), or undefined for shared files. */
function editionOfPage(file: string): Edition {
  const prefixed = editionIds.find((id) => EDITIONS[id].prefix && file.startsWith(EDITIONS[id].prefix));
  return prefixed ?? editionIds.find((id) => !EDITIONS[id].prefix)!;
}

/** `founding/index.html` → `<base>founding/`; `404.html` stays a file. */
const urlOf = (base: string, file: string) => base + file.replace(/(^|\/)index\.html$/, '$1');

/** Stands for the build's version in the bundled worker until the version is known. */
const VERSION_PLACEHOLDER = 'apec-offline-version';

/** The service worker's source, bundled and minified with the build's constants. */
export async function buildWorker(options: { version: string; killSwitch: boolean }): Promise<string> {
  const words = editionIds.map((id) => {
    const t = (text: string) => localise(text, id);
    return [
      EDITIONS[id].lang,
      `${t(OFFLINE_PAGE_TEXT.title)}｜${t(SITE.title)}`,
      t(OFFLINE_PAGE_TEXT.heading),
      t(OFFLINE_PAGE_TEXT.missing),
      t(OFFLINE_PAGE_TEXT.none),
    ];
  });
  const result = await esbuild({
    entryPoints: [WORKER_SOURCE],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2023',
    write: false,
    legalComments: 'none',
    charset: 'utf8',
    define: {
      VERSION: JSON.stringify(options.version),
      KILL_SWITCH: String(options.killSwitch),
      PAGE_TEXT: JSON.stringify(words),
      EDITIONS: JSON.stringify(editionIds.map((id) => [id, EDITIONS[id].prefix])),
    },
  });
  return result.outputFiles[0]!.text;
}

/** Bytes a CDN sends for a file: a fast brotli estimate (quality 5; the budgets use 11 on a few files). */
const estimateBytes = (file: string, body: Buffer) =>
  PRECOMPRESSED.test(file) || body.length <= 256
    ? body.length
    : brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }).length;

export interface OfflineList {
  bytes: number;
  files: string[];
}

export function offlineIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'apec:offline',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = normaliseBase(config.base);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        if (!offlineEnabled()) {
          const worker = await buildWorker({ version: 'off', killSwitch: true });
          await writeFile(join(outDir, SERVICE_WORKER_FILE), worker);
          logger.info(`OFFLINE=0: no offline control; ${SERVICE_WORKER_FILE} removes workers installed earlier`);
          return;
        }
        const files = (await readdir(outDir, { recursive: true, withFileTypes: true }))
          .filter((entry) => entry.isFile())
          .map((entry) => relative(outDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
          .sort();
        const sizes = new Map<string, number>();
        await eachLimit(files, 16, async (file) => {
          if (NOT_FOR_READING.test(file)) return;
          sizes.set(file, estimateBytes(file, await readFile(join(outDir, file))));
        });
        const searchData = JSON.parse(await readFile(join(outDir, 'pagefind', SEARCH_DATA_FILE), 'utf8')) as {
          p?: Record<string, string[]>;
        };
        const lists = new Map<Edition, OfflineList>();
        for (const id of editionIds) {
          const language = EDITIONS[id].lang.toLowerCase();
          const listed = [
            ...files.filter((file) => file.endsWith('.html') && editionOfPage(file) === id),
            ...files.filter((file) => file.startsWith('_astro/') || file.startsWith('icons/')),
            // The edition's maps and charts (maps/*.svg, zh-hans/maps/*.svg): pages show them.
            ...files.filter((file) => file.startsWith(`${EDITIONS[id].prefix}maps/`) && file.endsWith('.svg')),
            // What the edition's search reads, as the search client decides (src/search/pagefind-bundle.ts).
            ...searchFiles(
              files.filter((file) => file.startsWith('pagefind/')).map((file) => file.slice('pagefind/'.length)),
              language,
              searchData.p?.[language],
              SEARCH_DIRECT_MAX_PAGES,
              SEARCH_DATA_FILE,
            ).map((file) => `pagefind/${file}`),
            'favicon.svg',
            'apple-touch-icon.png',
            EDITIONS[id].prefix + WEB_MANIFEST_FILE,
          ].filter((file) => sizes.has(file));
          const unique = [...new Set(listed)];
          lists.set(id, {
            bytes: unique.reduce((sum, file) => sum + sizes.get(file)!, 0),
            files: unique.map((file) => urlOf(base, file)),
          });
        }
        // The pages say how much their edition's copy weighs.
        await eachLimit(
          files.filter((file) => file.endsWith('.html')),
          16,
          async (file) => {
            const html = await readFile(join(outDir, file), 'utf8');
            if (!html.includes(SIZE_MARKER)) return;
            const size = formatDownloadSize(lists.get(editionOfPage(file))!.bytes);
            await writeFile(join(outDir, file), html.replaceAll(SIZE_MARKER, size));
          },
        );
        await mkdir(join(outDir, OFFLINE_DIR), { recursive: true });
        for (const [id, list] of lists) {
          await writeFile(join(outDir, OFFLINE_DIR, `${id}.json`), `${JSON.stringify(list)}\n`);
        }
        // The version: every shipped file's path and content, and the worker's own code (bundled
        // once with a placeholder for the version), so a new worker also gets its own caches.
        const draft = await buildWorker({ version: VERSION_PLACEHOLDER, killSwitch: false });
        const hash = createHash('sha256');
        hash.update(`${SERVICE_WORKER_FILE}\0${draft}\n`);
        for (const file of [...files, ...editionIds.map((id) => `${OFFLINE_DIR}/${id}.json`)].sort()) {
          if (file === SERVICE_WORKER_FILE) continue;
          const content = await readFile(join(outDir, file));
          hash.update(`${file}\0${createHash('sha256').update(content).digest('hex')}\n`);
        }
        const version = hash.digest('hex').slice(0, 16);
        const worker = draft.replaceAll(VERSION_PLACEHOLDER, version);
        await writeFile(join(outDir, SERVICE_WORKER_FILE), worker);
        const workerBrotli = brotliCompressSync(Buffer.from(worker), {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
        }).length;
        logger.info(
          `version ${version}; ${[...lists]
            .map(([id, list]) => `${id} ${formatDownloadSize(list.bytes)} in ${list.files.length} files`)
            .join(
              ', ',
            )}; ${SERVICE_WORKER_FILE} ${Buffer.byteLength(worker)} B (${workerBrotli} B brotli); ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
}
