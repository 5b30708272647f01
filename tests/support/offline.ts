/**
 * The service worker and the 離線閱讀 control as the browser tests drive them (tests/e2e/
 * offline.test.ts at the site root, tests/e2e/subpath.test.ts under a sub-path).
 */
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The page's service worker registration: states of its active, waiting and installing workers. */
export const workerStates = (page: Page) =>
  page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    if (!registration) return null;
    const { active, waiting, installing } = registration;
    return { active: active?.state ?? null, waiting: waiting?.state ?? null, installing: installing?.state ?? null };
  });

/** Wait until one service worker is active for the page's scope, none waiting or installing. */
export const workerReady = (page: Page) =>
  expect
    .poll(() => workerStates(page), { timeout: 30_000 })
    .toEqual({ active: 'activated', waiting: null, installing: null });

/**
 * Have the browser check sw.js now. Chromium checks by itself after navigations, on its own
 * schedule (immediately for a new tab, later for a tab the old worker controls); the test does
 * not wait for that schedule.
 */
export const checkForUpdate = (page: Page) =>
  page.evaluate(async () => {
    await (await navigator.serviceWorker.getRegistration())?.update();
  });

/** Ask for the new deploy's worker and wait until it has installed, beside the active one. */
export async function newWorkerWaiting(page: Page): Promise<void> {
  await checkForUpdate(page);
  await expect
    .poll(() => workerStates(page), { timeout: 30_000 })
    .toEqual({ active: 'activated', waiting: 'installed', installing: null });
}

export const cacheNames = (page: Page) => page.evaluate(() => caches.keys());

/** Paths the service worker fetches from the network, from now on (Playwright reports its requests). */
export function workerRequests(context: BrowserContext): string[] {
  const paths: string[] = [];
  context.on('request', (request) => {
    if (request.serviceWorker()) paths.push(new URL(request.url()).pathname);
  });
  return paths;
}

/** Ask for the edition's copy and wait until the footer says when it was made. */
export async function downloadCopy(page: Page) {
  const get = page.locator('#offline-get');
  await expect(get.textContent()).resolves.toMatch(/（[约約] \d+ KB）/);
  await get.click();
  // Done when the download button gives way to the remove button (which an outdated copy shows too).
  await get.waitFor({ state: 'hidden', timeout: 30_000 });
  await page.locator('#offline-drop').waitFor();
  await expect(page.locator('#offline-status').textContent()).resolves.toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
}
