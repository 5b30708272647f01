/**
 * A hand-off from the page renderer to the build: during `astro build`, the search
 * integration registers a listener here and src/middleware.ts passes it every HTML page as
 * soon as it is rendered, so Pagefind indexes pages in its own process while Astro is still
 * rendering the rest. Kept on globalThis: the middleware runs from Astro's prerender bundle,
 * the integration from the config, and they share nothing else. Nothing is registered in
 * `astro dev`, so the middleware passes pages through untouched.
 */
export type RenderedPageListener = (pathname: string, html: string) => Promise<void>;

const KEY = Symbol.for('apec.renderedPageListener');
const store = globalThis as typeof globalThis & { [KEY]?: RenderedPageListener | undefined };

export const renderedPageListener = (): RenderedPageListener | undefined => store[KEY];

export const setRenderedPageListener = (listener: RenderedPageListener | undefined): void => {
  store[KEY] = listener;
};
