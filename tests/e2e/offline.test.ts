/**
 * Offline reading in Chromium, the network cut with Playwright's context.setOffline: a page
 * opened once reloads offline; after 「離線閱讀」 every page of the edition opens and search
 * answers as it does online, in both editions; a new deploy replaces the copy and the old
 * caches; a sub-path build does all this under its path; OFFLINE=0 removes the worker again;
 * with Save-Data a new deploy downloads nothing by itself and the footer offers the update.
 * The CSP is enforced throughout (openPage reports violations as problems).
 */
import { readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { EvalQuery } from '../../tools/search/score';
import { evaluateInBrowser, loadQueries, runQuery } from '../../tools/search/eval';
import { serve } from '../../tools/serve';
import { launch, openPage, type WatchedPage } from '../support/browser';
import { copyProject, type ProjectCopy } from '../support/project-copy';

const siteUrl = inject('siteUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch(inject('chromiumPath'));
});
afterAll(async () => {
  await browser?.close();
});

async function withPage(url: string, run: (watched: WatchedPage) => Promise<void>) {
  const watched = await openPage(browser, url);
  try {
    await run(watched);
    expect(watched.problems).toEqual([]);
  } finally {
    await watched.context.close();
  }
}

/** The page's service worker registration: states of its active, waiting and installing workers. */
const workerStates = (page: Page) =>
  page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    if (!registration) return null;
    const { active, waiting, installing } = registration;
    return { active: active?.state ?? null, waiting: waiting?.state ?? null, installing: installing?.state ?? null };
  });

/** Wait until one service worker is active for the page's scope, none waiting or installing. */
const workerReady = (page: Page) =>
  expect
    .poll(() => workerStates(page), { timeout: 30_000 })
    .toEqual({ active: 'activated', waiting: null, installing: null });

/**
 * Have the browser check sw.js now. Chromium checks by itself after navigations, on its own
 * schedule (immediately for a new tab, later for a tab the old worker controls); the test does
 * not wait for that schedule.
 */
const checkForUpdate = (page: Page) =>
  page.evaluate(async () => {
    await (await navigator.serviceWorker.getRegistration())?.update();
  });

/** Ask for the new deploy's worker and wait until it has installed, beside the active one. */
async function newWorkerWaiting(page: Page): Promise<void> {
  await checkForUpdate(page);
  await expect
    .poll(() => workerStates(page), { timeout: 30_000 })
    .toEqual({ active: 'activated', waiting: 'installed', installing: null });
}

const cacheNames = (page: Page) => page.evaluate(() => caches.keys());

/** Paths the service worker fetches from the network, from now on (Playwright reports its requests). */
function workerRequests(context: BrowserContext): string[] {
  const paths: string[] = [];
  context.on('request', (request) => {
    if (request.serviceWorker()) paths.push(new URL(request.url()).pathname);
  });
  return paths;
}

/** Ask for the edition's copy and wait until the footer says when it was made. */
async function downloadCopy(page: Page) {
  const get = page.locator('#offline-get');
  await expect(get.textContent()).resolves.toMatch(/（[约約] \d+ KB）/);
  await get.click();
  // Done when the download button gives way to the remove button (which an outdated copy shows too).
  await get.waitFor({ state: 'hidden', timeout: 30_000 });
  await page.locator('#offline-drop').waitFor();
  await expect(page.locator('#offline-status').textContent()).resolves.toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
}

describe('at the site root', () => {
  test('a page opened once reloads offline; the worker comes after load and the copy only when asked', async () => {
    await withPage(siteUrl, async ({ page, context }) => {
      const events: string[] = [];
      context.on('request', (request) => events.push(new URL(request.url()).pathname));
      // Whether the load event had fired when the page registered the worker, seen in the page:
      // Playwright's own 'load' event can reach the test after the request the load handler made.
      await page.addInitScript(() => {
        let loaded = false;
        addEventListener('load', () => (loaded = true), { once: true });
        const container = navigator.serviceWorker;
        const register = container.register.bind(container);
        container.register = (...args: Parameters<ServiceWorkerContainer['register']>) => {
          document.documentElement.dataset['registeredAfterLoad'] ??= String(loaded); // the first call counts
          return register(...args);
        };
      });
      await page.goto(new URL('founding/', siteUrl).href);
      await workerReady(page);
      const heading = await page.locator('h1').textContent();
      expect(events).toContain('/sw.js');
      await expect(page.locator('html').getAttribute('data-registered-after-load')).resolves.toBe('true');
      // Nothing of the offline copy, and nothing of search, before the reader asks.
      expect(events.filter((path) => /\/offline\/|\/pagefind\//.test(path))).toEqual([]);

      await context.setOffline(true);
      await page.reload();
      await expect(page.locator('h1').textContent()).resolves.toBe(heading);
      // Its stylesheet came along: the page is laid out, not raw HTML.
      await expect(page.evaluate(() => getComputedStyle(document.body).marginTop)).resolves.toBe('0px');

      // A page never opened: the worker says so in Chinese and links what is kept.
      await page.goto(new URL('timeline/', siteUrl).href);
      await expect(page.locator('h1').textContent()).resolves.toBe('目前沒有網路連線');
      await expect(page.locator('main').textContent()).resolves.toContain('這一頁還沒有存到這台裝置上');
      const kept = await page.locator('main li a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      expect(kept).toContain('/founding/');
    });
  });

  for (const edition of [
    { name: 'Traditional', prefix: '', unvisited: 'timeline/', missing: '目前沒有網路連線' },
    { name: 'Simplified', prefix: 'zh-hans/', unvisited: 'zh-hans/timeline/', missing: '目前没有网络连接' },
  ]) {
    test(`${edition.name}: after 「離線閱讀」 every page opens offline and search answers as online`, async () => {
      await withPage(siteUrl, async ({ page, context }) => {
        const start = new URL(`${edition.prefix}overview/`, siteUrl).href;
        await page.goto(start);
        await workerReady(page);
        await downloadCopy(page);
        const list = JSON.parse(
          await readFile(
            new URL(`../../dist/offline/${edition.prefix ? 'hans' : 'hant'}.json`, import.meta.url),
            'utf8',
          ),
        ) as { files: string[] };
        const pages = list.files.filter((file) => file.endsWith('/'));
        expect(pages.length).toBeGreaterThanOrEqual(10);
        expect(pages.every((file) => file.startsWith(`/${edition.prefix}`))).toBe(true);

        // Online answers first, for the comparison: the first four queries of every group of the
        // query set (an emoji-only query leaves the status empty, so runQuery cannot time it).
        const queries = await loadQueries();
        const all = Object.values((queries as { groups: Record<string, EvalQuery[]> }).groups)
          .flatMap((group) => group.slice(0, 4).map((query) => query.q))
          .filter((query) => /[\p{L}\p{N}]/u.test(query));
        await page.keyboard.press('/');
        const online: string[][] = [];
        for (const query of all) online.push(await runQuery(page, query));
        expect(online.filter((hits) => hits.length > 0).length).toBeGreaterThan(all.length / 2);

        await context.setOffline(true);
        for (const path of pages) {
          const response = await page.goto(new URL(path.slice(1), siteUrl).href);
          expect(response?.ok(), path).toBe(true);
          await expect(page.locator('h1').first().textContent(), path).resolves.not.toBe(edition.missing);
        }
        await page.goto(start);
        await page.keyboard.press('/');
        const offline: string[][] = [];
        for (const query of all) offline.push(await runQuery(page, query));
        expect(offline).toEqual(online);
        if (!edition.prefix) {
          // The whole query set, offline, held to what tests/e2e/search.test.ts holds it to online.
          const results = await evaluateInBrowser(page, start, queries);
          for (const result of results) expect(result.recallAt5, result.group).toBe(1);
          expect(results.find((result) => result.group === 'absent')?.precision).toBe(1);
        }
      });
    }, 300_000);
  }

  test('the second control removes the copy', async () => {
    await withPage(siteUrl, async ({ page, context }) => {
      await page.goto(new URL('aims/', siteUrl).href);
      await workerReady(page);
      await downloadCopy(page);
      await page.locator('#offline-drop').click();
      await page.locator('#offline-get').waitFor();
      await expect(page.locator('#offline-status').textContent()).resolves.toBe('已刪除離線版本。');
      const kept = await page.evaluate(async () => {
        const urls: string[] = [];
        for (const name of await caches.keys())
          for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
        return urls;
      });
      expect(kept.filter((path) => path.endsWith('/') || path.includes('pagefind'))).toEqual([]);
      await context.setOffline(true);
      await page.goto(new URL('members/', siteUrl).href);
      await expect(page.locator('h1').textContent()).resolves.toBe('目前沒有網路連線');
    });
  });
});

describe('a sub-path deploy, then a changed deploy, then OFFLINE=0', () => {
  const base = '/some/sub/path/';
  const marker = '這一段只在第二次部署出現。';
  let project: ProjectCopy;
  let server: Server;
  let origin: string;
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
  }, 600_000);

  afterAll(async () => {
    await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
    await project?.remove();
  });

  test('the copy lives under the path, is replaced by the next deploy, and OFFLINE=0 removes it', async () => {
    const site = `${origin}${base}`;
    // A changed build is a new version; the worker of each build names it.
    const versionOf = async (build: string) =>
      /"([0-9a-f]{16})"/.exec(await readFile(join(project.dir, build, 'sw.js'), 'utf8'))?.[1];
    const [firstVersion, secondVersion] = [await versionOf('first'), await versionOf('second')];
    expect(firstVersion).toMatch(/^[0-9a-f]{16}$/);
    expect(secondVersion).toMatch(/^[0-9a-f]{16}$/);
    expect(secondVersion).not.toBe(firstVersion);
    await withPage(site, async ({ page, context }) => {
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
    await withPage(site, async ({ page, context }) => {
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
      // The footer says the copy is older than the site, and offers it again.
      await expect(next.locator('#offline-status').textContent()).resolves.toMatch(
        /^網站已經更新，這台裝置上的離線版本仍是 \d{4}年\d{1,2}月\d{1,2}日.*存的舊版。/,
      );
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
    await withPage(site, async ({ page, context }) => {
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
