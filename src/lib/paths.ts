/** URL helpers that keep every internal link working under a sub-path (`BASE_PATH`). */

/** Normalise a base path to `/` or `/some/path/`. */
export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** Prefix a root-relative path (`/founding/#x`) with the base path; other URLs pass through. */
export function withBase(path: string, base: string): string {
  if (!path.startsWith('/') || path.startsWith('//')) return path;
  const prefix = normaliseBase(base);
  if (prefix !== '/' && (path === prefix.slice(0, -1) || path.startsWith(prefix))) return path;
  return prefix + path.slice(1);
}

/** Content entry id (`founding`, `guide/setup`) → route param (`index` → undefined). */
export function toSlugParam(id: string): string | undefined {
  return id === 'index' ? undefined : id;
}

/** Content entry id → root-relative page path with a trailing slash. */
export function pagePath(id: string): string {
  const param = toSlugParam(id);
  return param === undefined ? '/' : `/${param}/`;
}
