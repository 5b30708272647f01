/**
 * The site built for a sub-path (BASE_PATH=/some/sub/path/) and served there with its _headers
 * (CSP enforced): navigation, assets and search work and nothing leaks to `/`; offline reading
 * under the path, replaced by a changed deploy and removed by OFFLINE=0, and Save-Data. One copy
 * of the project builds the three deploys once (the first is what the navigation test reads).
 */
import { readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { runQuery } from '../../tools/search/eval';
import { serve } from '../../tools/serve';
import { launch, openPage, withWatchedPage } from '../support/browser';
import {
  cacheNames,
  checkForUpdate,
  downloadCopy,
  newWorkerWaiting,
  workerReady,
  workerRequests,
  workerStates,
} from '../support/offline';
import { copyProject, type ProjectCopy } from '../support/project-copy';

const base = '/some/sub/path/';
const marker = '這一段只在第二次部署出現。';
let project: ProjectCopy;
let server: Server;
let browser: Browser;
let origin: string;
let siteUrl: string;
const live = () => join(project.dir, 'live');
const deploy = async (build: string) => {
  await rm(live(), { force: true });
  await symlink(join(project.dir, build), live());
};

beforeAll(async () => {
  project = await copyProject();
  const env = { BASE_PATH: base, SITE_URL: 'https://docs.example.net', ASTRO_LOG_LEVEL: 'error' };
  const builds: [string, Record<string, string>][] = [
    ['first', env],
    ['second', env],
    ['off', { ...env, OFFLINE: '0' }],
  ];
  for (const [name, extra] of builds) {
    if (name === 'second') {
      const file = join(project.dir, 'content', 'founding.md');
      const text = await readFile(file, 'utf8');
      await writeFile(file, text.replace(/\n## /, `\n${marker}\n\n## `));
    }
    const result = await project.build(extra);
    expect(result.ok, result.output).toBe(true);
    await rename(join(project.dir, 'dist'), join(project.dir, name));
  }
  await deploy('first');
  server = await serve({ dir: live(), port: 0, base });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server did not start');
  origin = `http://localhost:${address.port}`;
  siteUrl = `${origin}${base}`;
  browser = await launch(inject('chromiumPath'));
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  await project?.remove();
});

test('navigation and search work under the sub-path with the CSP enforced', async () => {
  await deploy('first');
  const { page, context, problems } = await openPage(browser, siteUrl);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  try {
    const response = await page.goto(siteUrl);
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.locator('.home-cards a').first().click();
    await page.waitForURL(new RegExp(`${base}[^/]+/$`));
    const next = page.locator('a[rel="next"]');
    const nextHref = await next.getAttribute('href');
    expect(nextHref).toMatch(new RegExp(`^${base}`));
    await next.click();
    await page.waitForURL(`**${nextHref}`);

    await page.keyboard.press('/');
    await page.locator('#search-input').fill('坎培拉');
    const hit = page.locator('.search-hit a').first();
    await hit.waitFor();
    const href = await hit.getAttribute('href');
    expect(href).toMatch(new RegExp(`^${base}founding/`));
    await hit.click();
    await page.waitForURL(/highlight=/);
    await page.locator('article mark.search-highlight').first().waitFor();

    // The Simplified edition lives under the same sub-path.
    await page.locator('#edition-switch').click();
    await page.waitForURL(`**${base}zh-hans/founding/**`);

    expect(requests.filter((path) => !path.startsWith(base))).toEqual([]);
    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
});

describe('a sub-path deploy, then a changed deploy, then OFFLINE=0', () => {
  test('the copy lives under the path, is replaced by the next deploy, and OFFLINE=0 removes it', async () => {
    const site = `${origin}${base}`;
    // A changed build is a new version; the worker of each build names it.
    const versionOf = async (build: string) =>
      /"([0-9a-f]{16})"/.exec(await readFile(join(project.dir, build, 'sw.js'), 'utf8'))?.[1];
    const [firstVersion, secondVersion] = [await versionOf('first'), await versionOf('second')];
    expect(firstVersion).toMatch(/^[0-9a-f]{16}$/);
    expect(secondVersion).toMatch(/^[0-9a-f]{16}$/);
    expect(secondVersion).not.toBe(firstVersion);
    await deploy('first');
    await withWatchedPage(browser, site, {}, async ({ page, context }) => {
      const outside: string[] = [];
      context.on('request', (request) => {
        const path = new URL(request.url()).pathname;
        if (!path.startsWith(base)) outside.push(path);
      });
      await page.goto(`${site}founding/`);
      await workerReady(page);
      await expect(page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope)).resolves.toBe(
        site,
      );
      await downloadCopy(page);
      const first = await cacheNames(page);
      expect(first).toEqual([`apec ${site} ${firstVersion}`]);
      await expect(page.locator('article').textContent()).resolves.not.toContain(marker);

      await context.setOffline(true);
      await page.goto(`${site}structure/`);
      await expect(page.locator('h1').textContent()).resolves.not.toBe('目前沒有網路連線');
      await page.keyboard.press('/');
      await expect(runQuery(page, '坎培拉')).resolves.toContain(`${base}founding/`);

      // The second deploy: online, the next navigation shows it at once.
      await deploy('second');
      await context.setOffline(false);
      await page.goto(`${site}founding/`);
      await expect(page.locator('article').textContent()).resolves.toContain(marker);
      // The new worker installs with the new copy, and takes over once the old one's pages are gone.
      const fetchedByWorker = workerRequests(context);
      await newWorkerWaiting(page);
      // Without Save-Data it downloaded the edition again by itself: its list, and pages never opened.
      expect(fetchedByWorker).toContain(`${base}offline/hant.json`);
      expect(fetchedByWorker).toContain(`${base}timeline/`);
      // Until then the old build's copy is still there, beside the new one.
      await expect(cacheNames(page)).resolves.toEqual([
        `apec ${site} ${firstVersion}`,
        `apec ${site} ${secondVersion}`,
      ]);
      await page.close();
      const next = await context.newPage();
      await next.goto(`${site}aims/`);
      await workerReady(next);
      // The old build's cache is gone; only the new one is left.
      await expect(cacheNames(next)).resolves.toEqual([`apec ${site} ${secondVersion}`]);
      await next.locator('#offline-drop').waitFor();

      await context.setOffline(true);
      await next.goto(`${site}founding/`);
      await expect(next.locator('article').textContent()).resolves.toContain(marker);
      await next.goto(`${site}zh-hans/founding/`);
      await expect(next.locator('h1').textContent()).resolves.toBe('目前没有网络连接');

      // OFFLINE=0: the kill switch removes the caches and the worker; pages come from the network.
      await deploy('off');
      await context.setOffline(false);
      await next.goto(`${site}overview/`);
      await checkForUpdate(next);
      await expect.poll(() => workerStates(next), { timeout: 30_000 }).toBeNull();
      await expect(cacheNames(next)).resolves.toEqual([]);
      await expect(next.locator('#offline').count()).resolves.toBe(0);
      expect(outside).toEqual([]);
    });
  }, 300_000);

  test('with Save-Data a new deploy downloads nothing by itself: the old copy stays, the footer offers the update', async () => {
    const site = `${origin}${base}`;
    const secondVersion = /"([0-9a-f]{16})"/.exec(await readFile(join(project.dir, 'second', 'sw.js'), 'utf8'))?.[1];
    await deploy('first');
    await withWatchedPage(browser, site, {}, async ({ page, context }) => {
      // What Chromium sends when the reader's system or browser asks to save data.
      await context.setExtraHTTPHeaders({ 'Save-Data': 'on' });
      await page.goto(`${site}founding/`);
      await workerReady(page);
      await downloadCopy(page);

      await deploy('second');
      await page.goto(`${site}founding/`);
      // Online, the page is the new build's at once (network first), Save-Data or not.
      await expect(page.locator('article').textContent()).resolves.toContain(marker);
      const fetchedByWorker = workerRequests(context);
      await newWorkerWaiting(page);
      // The new worker installed without fetching anything: no list, no page, no search file.
      expect(fetchedByWorker.filter((path) => path !== `${base}sw.js`)).toEqual([]);

      await page.close();
      const next = await context.newPage();
      await next.goto(`${site}aims/`);
      await workerReady(next);
      await expect(cacheNames(next)).resolves.toEqual([`apec ${site} ${secondVersion}`]);
      // The footer says the copy is older than the site, and offers it again (once offline-ui.ts,
      // loaded after the page, has read the copy's list: polled, as a busy machine may be slow).
      await expect
        .poll(() => next.locator('#offline-status').textContent())
        .toMatch(/^網站已經更新，這台裝置上的離線版本仍是 \d{4}年\d{1,2}月\d{1,2}日.*存的舊版。/);
      await expect(next.locator('#offline-get').isVisible()).resolves.toBe(true);
      await expect(next.locator('#offline-drop').isVisible()).resolves.toBe(true);
      // Kept safe: offline, the copy still opens a page never opened, and search still answers.
      await context.setOffline(true);
      await next.goto(`${site}structure/`);
      await expect(next.locator('h1').textContent()).resolves.not.toBe('目前沒有網路連線');
      await next.keyboard.press('/');
      await expect(runQuery(next, '坎培拉')).resolves.toContain(`${base}founding/`);

      // Asked for, the update downloads: the new build of a page never opened is there offline.
      await context.setOffline(false);
      await next.goto(`${site}aims/`);
      await next.locator('#offline-get').waitFor();
      const fetchedWhenAsked = workerRequests(context);
      await downloadCopy(next);
      await expect(next.locator('#offline-status').textContent()).resolves.not.toContain('網站已經更新');
      expect(fetchedWhenAsked).toContain(`${base}offline/hant.json`);
      expect(fetchedWhenAsked).toContain(`${base}structure/`);
      await context.setOffline(true);
      await next.goto(`${site}founding/`);
      await expect(next.locator('article').textContent()).resolves.toContain(marker);
    });
  }, 300_000);

  test('with Save-Data, searching the new deploy online leaves the kept copy whole: offline search answers as before', async () => {
    const site = `${origin}${base}`;
    const query = '坎培拉';
    await deploy('first');
    await withWatchedPage(browser, site, {}, async ({ page, context }) => {
      await context.setExtraHTTPHeaders({ 'Save-Data': 'on' });
      await page.goto(`${site}overview/`);
      await workerReady(page);
      await downloadCopy(page);
      // What the old build's copy answers offline (the changed page among the results).
      await context.setOffline(true);
      await page.goto(`${site}overview/`);
      await page.keyboard.press('/');
      const before = await runQuery(page, query);
      expect(before).toContain(`${base}founding/`);

      // A changed deploy; with Save-Data the new worker keeps the old copy as it is.
      await deploy('second');
      await context.setOffline(false);
      await page.goto(`${site}founding/`);
      await newWorkerWaiting(page);
      await page.close();
      const next = await context.newPage();
      // Online, in the other edition: the new build's search data answers (and its fragments of
      // this edition arrive); none of it may mix into the Traditional copy.
      await next.goto(`${site}zh-hans/aims/`);
      await workerReady(next);
      await next.keyboard.press('/');
      await expect(runQuery(next, query)).resolves.toContain(`${base}zh-hans/founding/`);

      await context.setOffline(true);
      await next.goto(`${site}overview/`);
      await expect.poll(() => next.locator('#offline-status').textContent()).toMatch(/^網站已經更新/);
      await next.keyboard.press('/');
      await expect(runQuery(next, query)).resolves.toEqual(before);
    });
  }, 300_000);
});
