/** `_headers` and the README's nginx snippet come from one source and agree with the build. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { inlineScriptHashes, rulesForBuild } from '../../src/integrations/headers';
import { formatNginx, parseHeaders } from '../../src/lib/header-formats';
import { headersFor } from '../../src/lib/header-rules';
import { builtPages, distDir, readDist } from './helpers';

const rules = parseHeaders(await readDist('_headers'));
const csp = headersFor(rules, '/founding/').get('Content-Security-Policy') ?? '';

test('the CSP has no unsafe-inline, forbids framing, and allows each inline script by hash', async () => {
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("'wasm-unsafe-eval'");
  const html = await Promise.all(
    (await builtPages()).map((page) => readDist(page.endsWith('/') ? `${page.slice(1)}index.html` : page.slice(1))),
  );
  const hashes = inlineScriptHashes(html);
  expect(hashes.length).toBeGreaterThan(0);
  for (const hash of hashes) expect(csp).toContain(`'${hash}'`);
  // The theme script really is the one hashed.
  const script = /<script>([\s\S]*?)<\/script>/.exec(html[0]!)?.[1] ?? '';
  expect(csp).toContain(`sha256-${createHash('sha256').update(script).digest('base64')}`);
});

test('hashed files are cached for a year, HTML and unhashed search files revalidate', () => {
  const cache = (path: string) => headersFor(rules, path).get('Cache-Control');
  expect(cache('/_astro/site.B1a2.js')).toContain('immutable');
  expect(cache('/pagefind/fragment/zh-hant-tw_abc.pf_fragment')).toContain('immutable');
  expect(cache('/pagefind/pagefind-entry.json')).toContain('must-revalidate');
  expect(cache('/pagefind/pagefind.js')).toContain('must-revalidate');
  expect(cache('/founding/')).toContain('must-revalidate');
  expect(cache('/zh-hans/founding/')).toContain('must-revalidate');
  for (const name of ['Referrer-Policy', 'X-Content-Type-Options', 'Permissions-Policy']) {
    expect(headersFor(rules, '/').get(name), name).toBeTruthy();
  }
});

test("the README's nginx snippet is the one generated from this build", async () => {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const block = /<!-- nginx:start -->\n```nginx\n([\s\S]*?)```\n<!-- nginx:end -->/.exec(readme)?.[1];
  expect(block).toBe(formatNginx(await rulesForBuild(fileURLToPath(distDir), '/')));
});
