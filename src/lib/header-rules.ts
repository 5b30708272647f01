/**
 * The HTTP headers the site must be served with, as data, and how a CDN applies them:
 * `_headers` (Netlify, Cloudflare Pages) and the README's nginx snippet are both rendered
 * from these rules (./header-formats.ts), so they cannot drift. Patterns are root-relative;
 * the base path is prefixed when the files are written.
 */

/**
 * One rule: the headers a CDN adds to every path matching `pattern`. A pattern may use `*`
 * (any rest of the path) and `:name` (one path segment). Every rule that matches a path
 * applies; when two set the same header, the later wins.
 */
export interface HeaderRule {
  pattern: string;
  headers: [name: string, value: string][];
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A path pattern as the body of a regular expression (no anchors), for JavaScript and nginx alike. */
export const patternSource = (pattern: string): string =>
  pattern
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : escapeRegExp(part)))
    .join('');

export const patternToRegExp = (pattern: string): RegExp => new RegExp(`^${patternSource(pattern)}$`);

/** The headers a CDN would send for `pathname`. */
export function headersFor(rules: readonly HeaderRule[], pathname: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const rule of rules) {
    if (!patternToRegExp(rule.pattern).test(pathname)) continue;
    for (const [name, value] of rule.headers) result.set(name, value);
  }
  return result;
}

/** Content-Security-Policy. No 'unsafe-inline': inline scripts are allowed by hash only. */
export function contentSecurityPolicy(scriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    // Pagefind compiles its WebAssembly search engine: that, and nothing else, needs wasm-unsafe-eval.
    `script-src 'self' 'wasm-unsafe-eval'${scriptHashes.map((hash) => ` '${hash}'`).join('')}`,
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const SECURITY_HEADERS = (scriptHashes: readonly string[]): [string, string][] => [
  ['Content-Security-Policy', contentSecurityPolicy(scriptHashes)],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  [
    'Permissions-Policy',
    'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()',
  ],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Strict-Transport-Security', 'max-age=31536000'],
];

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'public, max-age=0, must-revalidate';

/**
 * The rules for one build. `unhashedSearchFiles` are the files at the top of pagefind/
 * whose names do not change with their content (pagefind.js, pagefind-entry.json, …):
 * revalidated. Everything in pagefind's sub-folders and in _astro/ is content-hashed:
 * cached for a year.
 */
export function headerRules(options: {
  base: string;
  scriptHashes: readonly string[];
  unhashedSearchFiles: readonly string[];
}): HeaderRule[] {
  const { base, scriptHashes, unhashedSearchFiles } = options;
  const at = (pattern: string) => base + pattern.replace(/^\//, '');
  return [
    { pattern: at('/*'), headers: SECURITY_HEADERS(scriptHashes) },
    { pattern: at('/_astro/*'), headers: [['Cache-Control', IMMUTABLE]] },
    ...['fragment', 'index', 'filter'].map((folder) => ({
      pattern: at(`/pagefind/${folder}/*`),
      headers: [['Cache-Control', IMMUTABLE]] as [string, string][],
    })),
    ...unhashedSearchFiles.map((file) => ({
      pattern: at(`/pagefind/${file}`),
      headers: [['Cache-Control', REVALIDATE]] as [string, string][],
    })),
    // Offline reading: the service worker must be revalidated on every check (a new deploy is a
    // new sw.js); the web app manifests and the per-edition download lists change with the build.
    ...['/sw.js', '/manifest.webmanifest', '/:lang/manifest.webmanifest', '/offline/*'].map((pattern) => ({
      pattern: at(pattern),
      headers: [['Cache-Control', REVALIDATE]] as [string, string][],
    })),
    // The maps and charts (src/lib/maps/): drawn from the data, so they change with it under the same name.
    ...['/maps/*', '/:lang/maps/*'].map((pattern) => ({
      pattern: at(pattern),
      headers: [['Cache-Control', REVALIDATE]] as [string, string][],
    })),
    ...['/', '/:page/', '/:lang/:page/', '/404.html'].map((pattern) => ({
      pattern: at(pattern),
      headers: [['Cache-Control', REVALIDATE]] as [string, string][],
    })),
  ];
}
