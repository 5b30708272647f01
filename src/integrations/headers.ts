/**
 * Writes `_headers` (Netlify / Cloudflare Pages format) into the build from
 * src/lib/header-rules.ts, with the SHA-256 hashes of the site's inline scripts in the CSP.
 */
import { createHash } from 'node:crypto';
import { readdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { formatHeaders } from '../lib/header-formats';
import { headerRules, type HeaderRule } from '../lib/header-rules';
import { normaliseBase } from '../lib/paths';
import { collectFromPages } from '../lib/built-pages';

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g;

/** `sha256-…` of each inline executable script in one page. */
const pageScriptHashes = (html: string): string[] =>
  Array.from(
    html.matchAll(INLINE_SCRIPT),
    ([, body]) => `sha256-${createHash('sha256').update(body!).digest('base64')}`,
  );

/** `sha256-…` for every distinct inline executable script in the pages. */
export function inlineScriptHashes(htmlPages: readonly string[]): string[] {
  return [...new Set(htmlPages.flatMap(pageScriptHashes))].sort();
}

/** Reads a built site (its file names and its pages' inline scripts) and returns its header rules. */
export async function rulesForBuild(outDir: string, base: string): Promise<HeaderRule[]> {
  const files = (await readdir(outDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => relative(outDir, join(entry.parentPath, entry.name)));
  const perPage = await collectFromPages(outDir, pageScriptHashes);
  const hashes = [...new Set([...perPage.values()].flat())].sort();
  const unhashedSearchFiles = files
    .filter((file) => file.startsWith(`pagefind${sep}`) && file.split(sep).length === 2)
    .map((file) => file.split(sep)[1]!)
    // *.pf_meta names carry a content hash but sit beside unhashed files: left to the CDN's default.
    .filter((name) => !name.endsWith('.pf_meta'))
    .sort();
  return headerRules({ base, scriptHashes: hashes, unhashedSearchFiles });
}

export function headersIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'apec:headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = normaliseBase(config.base);
      },
      'astro:build:done': async ({ dir }) => {
        const outDir = fileURLToPath(dir);
        await writeFile(join(outDir, '_headers'), formatHeaders(await rulesForBuild(outDir, base)));
      },
    },
  };
}
