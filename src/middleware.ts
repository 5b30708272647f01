/**
 * Hands each page rendered by `astro build` to the search indexer (src/lib/rendered-pages.ts),
 * so indexing overlaps rendering. The response is passed on unchanged.
 */
import { defineMiddleware } from 'astro:middleware';
import { renderedPageListener } from './lib/rendered-pages';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const listener = renderedPageListener();
  if (!listener || !context.isPrerendered || !response.ok) return response;
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  // Waits only while the indexer has too many pages in hand (memory stays bounded).
  await listener(context.url.pathname, html);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
