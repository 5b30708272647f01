/**
 * The site built for a sub-path (BASE_PATH=/some/sub/path/) and served there with its
 * _headers (CSP enforced): navigation, assets and search all work, nothing leaks to `/`.
 */
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { serve } from '../../tools/serve';
import { launch, openPage } from '../support/browser';
import { copyProject, type ProjectCopy } from '../support/project-copy';

const base = '/some/sub/path/';
let project: ProjectCopy;
let server: Server;
let browser: Browser;
let siteUrl: string;

beforeAll(async () => {
  project = await copyProject();
  const result = await project.build({
    BASE_PATH: base,
    SITE_URL: 'https://docs.example.net',
    ASTRO_LOG_LEVEL: 'error',
  });
  expect(result.ok, result.output).toBe(true);
  server = await serve({ dir: join(project.dir, 'dist'), port: 0, base });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server did not start');
  siteUrl = `http://localhost:${address.port}${base}`;
  browser = await launch(inject('chromiumPath'));
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  await project?.remove();
});

test('navigation and search work under the sub-path with the CSP enforced', async () => {
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
