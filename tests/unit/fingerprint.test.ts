/**
 * tools/fingerprint.ts: the "nothing copied from the brief" check works from hashes alone and
 * can fail. The fingerprint here is made from a fixture text by the command-line tool, as the
 * committed seed fingerprint is.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { fromHtml } from 'hast-util-from-html';
import { select } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { copiedPassages, fingerprint, normaliseText, type Fingerprint } from '../../tools/fingerprint';

const root = fileURLToPath(new URL('../../', import.meta.url));
const sampleFile = join(root, 'tests/fixtures/fingerprint-sample.txt');
let sample = '';
let print: Fingerprint;
let dir = '';

beforeAll(async () => {
  sample = await readFile(sampleFile, 'utf8');
  dir = await mkdtemp(join(tmpdir(), 'apec-fingerprint-'));
  const out = join(dir, 'print.json');
  await promisify(execFile)(join(root, 'node_modules/.bin/tsx'), ['tools/fingerprint.ts', sampleFile, '--out', out], {
    cwd: root,
  });
  print = JSON.parse(await readFile(out, 'utf8')) as Fingerprint;
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The article text of a page, as the build test reads built pages. */
const articleText = (html: string) => toString(select('article', fromHtml(html))!);
const page = (body: string) => `<!doctype html><html lang="zh-Hant-TW"><body><article>${body}</article></body></html>`;

test('the tool writes the same fingerprint as the function, and no text', () => {
  expect(print).toEqual(fingerprint(sample));
  expect(print.hashes.length).toBeGreaterThan(50);
  expect(JSON.stringify(print)).not.toMatch(/\p{Script=Han}/u);
});

test('finds a copied sentence, whatever its white space and punctuation width', () => {
  const copied = '居民提著自製的紙燈沿著石板路\n  慢慢走到渡口，再把燈放進水裡';
  const html = page(
    `<h2>燈會</h2><p>鎮上有個老傳統。${copied.replace('紙燈', '<strong>紙燈</strong>')}。其他的事另外再說。</p>`,
  );
  const found = copiedPassages(articleText(html), print);
  // The copied run goes on through the full stop the sample has after it too.
  expect(found).toEqual([normaliseText('居民提著自製的紙燈沿著石板路慢慢走到渡口，再把燈放進水裡。')]);
});

test('finds two separate copied passages as two', () => {
  const html = page(
    '<p>據說這個習俗已經流傳了兩百多年，最早是為了替夜裡出港的漁船照亮回家的方向。</p><p>我們自己寫的一段話，和範例毫無關係。</p><p>鎮上的老師傅也開始在廟前教孩子們如何用竹篾和棉紙紮燈。</p>',
  );
  expect(copiedPassages(articleText(html), print)).toHaveLength(2);
});

test('passes prose that says the same in its own words', () => {
  const html = page(
    '<p>每到秋天，這座河畔小鎮的居民會帶著親手做的紙燈走到渡口放燈；這個兩百多年的習俗，原本是為夜歸的漁船指路。</p>',
  );
  expect(copiedPassages(articleText(html), print)).toEqual([]);
});

test('ignores a shared run with few Han characters (a name in Latin letters)', () => {
  const text = 'Asia-Pacific Economic Cooperation 亞太';
  expect(copiedPassages(text, fingerprint(`${text}的介紹`))).toEqual([]);
});
