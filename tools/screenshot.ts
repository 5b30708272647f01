/**
 * Screenshots of pages, wide and narrow, light and dark, for looking at what we built.
 *   tsx tools/screenshot.ts http://localhost:4321/founding/ [more urls] --out .tmp/shots [--narrow 390] [--full]
 */
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from './chromium';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt === -1 ? '.tmp/shots' : args.splice(outAt, 2)[1]!;
const narrowAt = args.indexOf('--narrow');
const narrow = narrowAt === -1 ? 375 : Number(args.splice(narrowAt, 2)[1]);
if (!Number.isInteger(narrow) || narrow < 200) throw new Error('--narrow wants a width in CSS pixels, e.g. 390');
const full = args.includes('--full');
const urls = args.filter((arg) => !arg.startsWith('--'));
await mkdir(out, { recursive: true });
const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
for (const url of urls) {
  for (const [width, height] of [
    [1280, 900],
    [narrow, 740],
  ] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width, height }, colorScheme });
      await page.goto(url);
      const name = `${new URL(url).pathname.replace(/\W+/g, '_')}-${width}-${colorScheme}.png`;
      await page.screenshot({ path: `${out}/${name}`, fullPage: full });
      console.log(`${out}/${name}`);
      await page.close();
    }
  }
}
await browser.close();
