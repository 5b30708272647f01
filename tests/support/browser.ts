/**
 * A real Chromium page for the browser tests, watching for what must never happen:
 * console errors, uncaught exceptions, CSP violations and requests that leave the
 * local server.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM_ARGS } from '../../tools/chromium';

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors, page errors, CSP violations and off-site requests seen so far. */
  problems: string[];
}

export const launch = (executablePath: string): Promise<Browser> =>
  chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });

export async function openPage(
  browser: Browser,
  siteUrl: string,
  options: { width?: number; height?: number; colorScheme?: 'light' | 'dark' } = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    colorScheme: options.colorScheme ?? 'light',
    locale: 'zh-TW',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  const origin = new URL(siteUrl).origin;
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
      problems.push(`off-site request: ${url}`);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return { page, context, problems };
}

/**
 * Open a watched page on `siteUrl`, run `run` in it, then require that nothing that must never
 * happen was seen (console errors, CSP violations, off-site requests); the context is closed
 * either way.
 */
export async function withWatchedPage<T>(
  browser: Browser,
  siteUrl: string,
  options: Parameters<typeof openPage>[2],
  run: (watched: WatchedPage) => Promise<T>,
): Promise<T> {
  const watched = await openPage(browser, siteUrl, options);
  try {
    const result = await run(watched);
    expect(watched.problems).toEqual([]);
    return result;
  } finally {
    await watched.context.close();
  }
}
