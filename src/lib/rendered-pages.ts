/**
 * A hand-off from the page renderer to the build: during `astro build`, integrations register
 * listeners here and src/middleware.ts passes each of them every HTML page as soon as it is
 * rendered. Pagefind indexes pages in its own process while Astro renders the rest, and the
 * link check and the CSP collect what they need, so nothing reads the whole site back from
 * disk afterwards. Kept on globalThis: the middleware runs from Astro's prerender bundle, the
 * integrations from the config, and they share nothing else. Nothing is registered in
 * `astro dev`, so the middleware passes pages through untouched.
 */
export type RenderedPageListener = (pathname: string, html: string) => void | Promise<void>;

const KEY = Symbol.for('apec.renderedPageListeners');
const store = globalThis as typeof globalThis & { [KEY]?: Map<string, RenderedPageListener> };
const listeners = (store[KEY] ??= new Map());

export const renderedPageListeners = (): readonly RenderedPageListener[] => [...listeners.values()];

/**
 * Call `listener` with every page rendered from now on, or stop (`undefined`). One listener per
 * `name`: a build that failed before it stopped its listener leaves none behind for the next.
 */
export function setRenderedPageListener(name: string, listener: RenderedPageListener | undefined): void {
  if (listener) listeners.set(name, listener);
  else listeners.delete(name);
}

/** Pages Astro writes as `404.html` and `500.html` whatever the build format. */
const STATUS_PAGES = /^(?:404|500)\/?$/;

/**
 * The file a rendered page is written to, relative to the output folder (`build.format:
 * 'directory'`, as Astro names it): `/sub/founding/` → `founding/index.html`, `/sub/404/` → `404.html`.
 */
export function builtFile(pathname: string, base: string): string {
  const path = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//, '');
  if (STATUS_PAGES.test(path)) return `${path.replace(/\/$/, '')}.html`;
  if (path === '' || path.endsWith('/')) return `${path}index.html`;
  return path.endsWith('.html') ? path : `${path}.html`;
}
