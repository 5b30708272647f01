/**
 * Hands each page rendered by `astro build` to the build's listeners (src/lib/rendered-pages.ts):
 * the search indexer, the link check and the CSP's script hashes. The response is passed on
 * unchanged.
 */
import { defineMiddleware } from 'astro:middleware';
import { renderedPageListeners } from './lib/rendered-pages';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const listeners = renderedPageListeners();
  // Astro writes every prerendered body as it is (the 404 page's too), except redirects.
  const redirect = response.status >= 300 && response.status < 400;
  if (listeners.length === 0 || !context.isPrerendered || redirect) return response;
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  // The indexer's listener waits while it has too many pages in hand (memory stays bounded).
  await Promise.all(listeners.map((listener) => listener(context.url.pathname, html)));
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
