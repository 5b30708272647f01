/** tools/run-as-script.ts: a tool started from a path that URLs escape still knows it was started. */
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { isRunAsScript } from '../../tools/run-as-script';

let dir = '';
let script = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'apec 測試 '));
  script = join(dir, 'build tool.ts');
  await writeFile(script, '');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

test('matches a script whose path has a space and Chinese characters', () => {
  const moduleUrl = pathToFileURL(script).href;
  expect(moduleUrl).toContain('%20'); // what the old `file://${process.argv[1]}` check missed
  expect(moduleUrl).not.toBe(`file://${script}`);
  expect(isRunAsScript(moduleUrl, script)).toBe(true);
});

test('matches a relative script path and one reached through a symlink', async () => {
  const moduleUrl = pathToFileURL(script).href;
  const link = join(dir, 'link.ts');
  await symlink(script, link);
  expect(isRunAsScript(moduleUrl, link)).toBe(true);
  expect(isRunAsScript(moduleUrl, relative(process.cwd(), script))).toBe(true);
});

test('is false for another script, or when Node runs no script', () => {
  const moduleUrl = pathToFileURL(script).href;
  expect(isRunAsScript(moduleUrl, join(dir, 'other.ts'))).toBe(false);
  expect(isRunAsScript(moduleUrl, undefined)).toBe(false);
});
