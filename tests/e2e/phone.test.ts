/**
 * Reading on a phone (320, 390 px) and a narrow window (768 px), in a real Chromium: the menu on
 * each layout, the 本頁內容 bar, tables, footnote numbers, the header, the search dialog (axe
 * with each of them open: accessibility.test.ts). One page for the whole file, resized per test.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { GROUPS } from '../../src/data/groups';
import { launch, openPage, type WatchedPage } from '../support/browser';
import { builtPages, distDir, editionPages } from '../build/helpers';

const siteUrl = inject('siteUrl');
const WIDTHS = [320, 390, 768] as const;
const PHONES = [320, 390] as const;
const built = await builtPages();
const docPages = (await editionPages()).filter((page) => built.includes(page) && page !== '/' && page !== '/zh-hans/');
const htmlOf = (page: string) => readFileSync(new URL(`${page.slice(1)}index.html`, distDir), 'utf8');
/** Pages with a table: only there can a cell be too narrow or a first column wrap. */
const tablePages = docPages.filter((page) => /class="table-scroll|first-column-short/.test(htmlOf(page)));
/**
 * One page of each layout with the menu (home, 404, a content page, a Simplified content page):
 * what the menu lists and marks on every page is checked in the built HTML (tests/build/chrome.test.ts).
 */
const MENU_PAGES = ['/', '/404.html', '/structure/', '/zh-hans/members/'] as const;
let browser: Browser;
/** One page for the whole file, resized per test: no test leaves state a later one reads. */
let watched: WatchedPage;

beforeAll(async () => {
  browser = await launch(inject('chromiumPath'));
  watched = await openPage(browser, siteUrl, { width: 390, height: 740 });
  // Jumps land at once (no smooth scrolling), so positions can be read right after a click.
  await watched.page.emulateMedia({ reducedMotion: 'reduce' });
});
afterAll(async () => {
  await watched?.context.close();
  await browser?.close();
});

async function withPage(options: { width: number }, run: (page: Page) => Promise<void>): Promise<void> {
  await watched.page.setViewportSize({ width: options.width, height: options.width >= 768 ? 1024 : 740 });
  watched.problems.length = 0;
  await run(watched.page);
  expect(watched.problems).toEqual([]);
}

const url = (path: string) => new URL(path.slice(1), siteUrl).href;
const hansOf = (page: string) => page.startsWith('/zh-hans/');
const isOpen = (page: Page, id: string) =>
  page.evaluate((dialogId) => (document.getElementById(dialogId) as HTMLDialogElement).open, id);
const focusInside = (page: Page, id: string) =>
  page.evaluate((dialogId) => document.getElementById(dialogId)!.contains(document.activeElement), id);
const focusOnMenuButton = (page: Page) => page.evaluate(() => document.activeElement?.id === 'menu-button');

describe('the menu', () => {
  const CLOSERS = ['Escape', 'backdrop', 'button'] as const;
  for (const width of WIDTHS) {
    test(`at ${width} px it opens on each layout, on screen, keeps focus, and closes three ways`, async () => {
      await withPage({ width }, async (page) => {
        const problems: string[] = [];
        for (const [index, pathname] of MENU_PAGES.entries()) {
          await page.goto(url(pathname));
          const button = page.locator('#menu-button');
          await button.click();
          if (!(await isOpen(page, 'site-menu'))) {
            problems.push(`${pathname}: the menu did not open`);
            continue;
          }
          if ((await button.getAttribute('aria-expanded')) !== 'true')
            problems.push(`${pathname}: aria-expanded is not true while open`);
          const box = await page.locator('#site-menu').boundingBox();
          if (!box || box.x < 0 || box.width < 200 || box.x + box.width > width)
            problems.push(`${pathname}: the menu panel is off screen (${JSON.stringify(box)})`);
          const links = await page.locator('#site-menu .sidebar a').count();
          if (links < 10) problems.push(`${pathname}: the open menu shows ${links} links`);
          // Tab round the whole menu and further; focus never leaves it.
          for (let tab = 0; tab < links + 6; tab++) {
            await page.keyboard.press('Tab');
            if (!(await focusInside(page, 'site-menu'))) {
              problems.push(`${pathname}: Tab ${tab + 1} took focus out of the open menu`);
              break;
            }
          }
          // Each page closes one of the three ways, in turn.
          const close = CLOSERS[index % CLOSERS.length]!;
          if (close === 'Escape') await page.keyboard.press('Escape');
          else if (close === 'backdrop') await page.mouse.click(width - 8, 400);
          else await page.locator('#site-menu [data-close-menu]').click();
          if (await isOpen(page, 'site-menu')) problems.push(`${pathname}: ${close} did not close the menu`);
          else if (!(await focusOnMenuButton(page)))
            problems.push(`${pathname}: focus did not return to the menu button after ${close}`);
          // The dialog's close event (which resets aria-expanded) is queued, not synchronous.
          await page
            .waitForFunction(() => document.getElementById('menu-button')!.ariaExpanded === 'false', null, {
              timeout: 2000,
            })
            .catch(() => problems.push(`${pathname}: aria-expanded is not false after ${close}`));
        }
        expect(problems).toEqual([]);
      });
    });
  }
});

describe('the 本頁內容 bar', () => {
  for (const width of [390, 768] as const) {
    test(
      `at ${width} px it sticks under the header, reaches every h2/h3 and names the section`,
      { timeout: 300_000 },
      async () => {
        await withPage({ width }, async (page) => {
          const problems: string[] = [];
          // Both editions share the headings' layout: the Traditional pages, every one at 390 px.
          for (const pathname of docPages.filter(
            (doc) => !hansOf(doc) && (width === 390 || ['/structure/', '/timeline/'].includes(doc)),
          )) {
            await page.goto(url(pathname));
            const bar = page.locator('details.toc-disclosure');
            if ((await bar.count()) === 0) continue;
            const hashes = await bar
              .locator('a')
              .evaluateAll((anchors) => anchors.map((a) => decodeURIComponent((a as HTMLAnchorElement).hash)));
            expect(hashes.length, pathname).toBeGreaterThan(0);
            for (const hash of hashes) {
              await bar.locator('summary').click();
              await bar.locator(`a[href="${hash.replace(/"/g, '\\"')}"]`).click();
              const at = await page.evaluate((id) => {
                const heading = document.getElementById(id)!.getBoundingClientRect();
                const header = document.querySelector('.site-header')!.getBoundingClientRect();
                const summary = document.querySelector('.toc-disclosure summary')!.getBoundingClientRect();
                const open = (document.querySelector('.toc-disclosure') as HTMLDetailsElement).open;
                return { top: heading.top, bottom: heading.bottom, header: header.bottom, bar: summary, open };
              }, hash.slice(1));
              if (at.open) problems.push(`${pathname}${hash}: the bar stayed open after the jump`);
              if (Math.abs(at.bar.top - at.header) > 1)
                problems.push(`${pathname}${hash}: the bar is not under the header (${at.bar.top} vs ${at.header})`);
              if (at.top < at.bar.bottom - 1 || at.bottom > (await page.evaluate(() => innerHeight)))
                problems.push(
                  `${pathname}${hash}: heading at ${at.top}–${at.bottom}, hidden (bar ends at ${at.bar.bottom})`,
                );
            }
            // Scrolled so the first heading sits just under the bar: the bar names it.
            const first = hashes[0]!.slice(1);
            await page.evaluate((id) => document.getElementById(id)!.scrollIntoView(), first);
            const name = await bar.locator('a').first().textContent();
            await expect.poll(() => page.locator('[data-toc-current]').textContent()).toBe(name);
          }
          expect(problems).toEqual([]);
        });
      },
    );
  }
});

describe('tables', () => {
  for (const width of WIDTHS) {
    test(`at ${width} px no cell with Chinese text is narrower than four characters, and short first columns do not wrap`, async () => {
      await withPage({ width }, async (page) => {
        const problems: string[] = [];
        for (const pathname of tablePages) {
          await page.goto(url(pathname));
          const found = await page.evaluate(() => {
            const out: string[] = [];
            for (const cell of document.querySelectorAll<HTMLElement>('.table-scroll :is(th, td)')) {
              const style = getComputedStyle(cell);
              if (!/\p{Script=Han}/u.test(cell.textContent ?? '') || cell.getClientRects().length === 0) continue;
              const content = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
              const size = parseFloat(style.fontSize);
              if (content < 4 * size - 0.5)
                out.push(`「${cell.textContent!.trim().slice(0, 12)}」 ${content.toFixed(0)} px < 4 × ${size} px`);
            }
            for (const cell of document.querySelectorAll<HTMLElement>('.first-column-short tr > :first-child')) {
              if (cell.getClientRects().length === 0) continue;
              // A cell made of blocks (the meetings table's year above its ordinal) is one line per block.
              const blocks = [...cell.children].filter((child) => getComputedStyle(child).display === 'block');
              for (const part of blocks.length > 0 ? blocks : [cell]) {
                const line = parseFloat(getComputedStyle(part).lineHeight);
                const range = document.createRange();
                range.selectNodeContents(part);
                const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.bottom / line)));
                if (tops.size > 1)
                  out.push(`first column 「${part.textContent!.trim()}」 wraps onto ${tops.size} lines`);
              }
            }
            return out;
          });
          problems.push(...found.map((problem) => `${pathname}: ${problem}`));
        }
        expect(problems).toEqual([]);
      });
    });
  }

  test('at 390 px a table wider than the screen scrolls inside its box, with its first column kept in view', async () => {
    await withPage({ width: 390 }, async (page) => {
      await page.goto(url('/structure/'));
      const result = await page.evaluate(() => {
        const box = document.querySelector<HTMLElement>('.table-scroll')!;
        const first = box.querySelector<HTMLElement>('tbody tr > :first-child')!;
        const before = first.getBoundingClientRect().left;
        box.scrollLeft = box.scrollWidth;
        return {
          overflow: box.scrollWidth - box.clientWidth,
          moved: first.getBoundingClientRect().left - before,
          page: document.documentElement.scrollWidth,
        };
      });
      expect(result.overflow).toBeGreaterThan(0);
      expect(result.moved).toBe(0);
      expect(result.page).toBeLessThanOrEqual(390);
    });
  });
});

describe('text', () => {
  test('at 320 and 390 px no line starts with a footnote number', async () => {
    const problems: string[] = [];
    for (const width of PHONES) {
      await withPage({ width }, async (page) => {
        for (const pathname of docPages.filter((doc) => !hansOf(doc))) {
          await page.goto(url(pathname));
          const found = await page.evaluate(() => {
            const out: string[] = [];
            for (const sup of document.querySelectorAll('article sup:has(> a[data-footnote-ref])')) {
              // The last visible character before the number.
              const walker = document.createTreeWalker(document.querySelector('article')!, NodeFilter.SHOW_TEXT);
              let previous: Text | null = null;
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                if (sup.contains(node)) break;
                if ((node.textContent ?? '').replace(/[\s\u2060]/g, '') !== '') previous = node as Text;
              }
              if (!previous) continue;
              const text = previous.textContent!;
              let end = text.length;
              while (end > 0 && /[\s\u2060]/.test(text[end - 1]!)) end--;
              const range = document.createRange();
              range.setStart(previous, end - 1);
              range.setEnd(previous, end);
              const char = range.getBoundingClientRect();
              const number = sup.getBoundingClientRect();
              if (number.left < char.left)
                out.push(`${sup.textContent} after 「${text.slice(Math.max(0, end - 6), end)}」`);
            }
            return out;
          });
          problems.push(...found.map((problem) => `${width}px ${pathname}: ${problem}`));
        }
      });
    }
    expect(problems).toEqual([]);
  });

  test('at 320 px the header shows the whole site title', async () => {
    await withPage({ width: 320 }, async (page) => {
      for (const pathname of ['/', '/founding/', '/zh-hans/members/', '/404.html']) {
        await page.goto(url(pathname));
        const title = await page.locator('.site-title').evaluate((link) => ({
          cut: link.scrollWidth > link.clientWidth,
          right: link.getBoundingClientRect().right,
          search: document.getElementById('search-button')!.getBoundingClientRect().left,
        }));
        expect(title.cut, pathname).toBe(false);
        expect(title.right, pathname).toBeLessThanOrEqual(title.search);
      }
    });
  });

  test('at 390 px h1 is clearly larger than h2', async () => {
    await withPage({ width: 390 }, async (page) => {
      await page.goto(url('/founding/'));
      const [h1, h2] = await page.evaluate(() =>
        ['article h1', 'article h2'].map((selector) =>
          parseFloat(getComputedStyle(document.querySelector(selector)!).fontSize),
        ),
      );
      expect(h1! / h2!).toBeGreaterThanOrEqual(1.25);
    });
  });

  test('at 390 px the home page shows its fact cards two by two and page links on the first screen', async () => {
    await withPage({ width: 390 }, async (page) => {
      await page.goto(url('/'));
      const cards = await page.locator('.home-facts li').evaluateAll((items) =>
        items.map((item) => {
          const rect = item.getBoundingClientRect();
          return { top: Math.round(rect.top), left: Math.round(rect.left) };
        }),
      );
      expect(new Set(cards.map((card) => card.top)).size).toBe(2);
      expect(new Set(cards.map((card) => card.left)).size).toBe(2);
      const cardLinks = await page
        .locator('.home-cards a')
        .evaluateAll((links) => links.filter((link) => link.getBoundingClientRect().top < innerHeight).length);
      expect(cardLinks).toBeGreaterThan(0);
    });
  });
});

describe('search', () => {
  for (const width of PHONES) {
    test(`at ${width} px the dialog fills the screen, its placeholder fits, chips follow the sidebar on one line, snippets take two lines`, async () => {
      await withPage({ width }, async (page) => {
        await page.goto(url('/founding/'));
        await page.locator('#search-button').click();
        const dialog = page.locator('#search-dialog');
        await page.locator('#search-input').fill('APEC');
        await page.locator('.search-hit').first().waitFor();
        await page.locator('.search-filters label').first().waitFor();
        const box = await dialog.boundingBox();
        expect(box).toEqual({ x: 0, y: 0, width, height: 740 });
        const placeholder = await page.locator('#search-input').evaluate((input) => {
          const field = input as HTMLInputElement;
          const style = getComputedStyle(field);
          const context = document.createElement('canvas').getContext('2d')!;
          context.font = `${style.fontSize} ${style.fontFamily}`;
          const room = field.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
          return { text: context.measureText(field.placeholder).width, room };
        });
        expect(placeholder.text).toBeLessThanOrEqual(placeholder.room);
        const chips = await page.locator('.search-filters label').evaluateAll((labels) =>
          labels.map((label) => ({
            text: label.textContent!.trim(),
            top: Math.round(label.getBoundingClientRect().top),
          })),
        );
        expect(chips.map((chip) => chip.text)).toEqual(GROUPS.map((group) => group.label));
        expect(new Set(chips.map((chip) => chip.top)).size).toBe(1);
        const excerpts = await page
          .locator('.search-excerpt')
          .evaluateAll((paragraphs) =>
            paragraphs.map((p) => p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight)),
          );
        expect(excerpts.length).toBeGreaterThan(0);
        expect(Math.max(...excerpts)).toBeLessThanOrEqual(2.05);
        expect(await page.locator('.search-hints').isVisible()).toBe(false);
      });
    });
  }

  test('at 1280 px the dialog shows the key hints', async () => {
    await withPage({ width: 1280 }, async (page) => {
      await page.goto(url('/founding/'));
      await page.keyboard.press('/');
      await expect.poll(() => isOpen(page, 'search-dialog')).toBe(true);
      expect(await page.locator('.search-hints').isVisible()).toBe(true);
      expect((await page.locator('.search-hints').textContent())!.replace(/\s+/g, ' ')).toContain('Enter 開啟');
    });
  });
});
