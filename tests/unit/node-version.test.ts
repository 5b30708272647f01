/** README, `.nvmrc`, `engines` and the `node` dev dependency name the same Node. */
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
const pkg = JSON.parse(read('package.json')) as { engines: { node: string }; devDependencies: Record<string, string> };
const nvmrc = read('.nvmrc').trim();
const installed = (JSON.parse(read('package-lock.json')) as { packages: Record<string, { version: string }> }).packages[
  'node_modules/node'
]!.version;

test('.nvmrc, the node dev dependency and the installed Node share one major version', () => {
  expect(nvmrc).toMatch(/^\d+$/);
  expect(pkg.devDependencies['node']).toMatch(new RegExp(`^[\\^~]?${nvmrc}\\.`));
  expect(installed.split('.')[0]).toBe(nvmrc);
});

test('that Node satisfies engines', () => {
  const minimum = /^>=(\d+)\.(\d+)\.(\d+)$/.exec(pkg.engines.node);
  expect(minimum, `engines.node "${pkg.engines.node}" as >=x.y.z`).not.toBeNull();
  const [major, minor] = installed.split('.').map(Number) as [number, number];
  expect(major > Number(minimum![1]) || (major === Number(minimum![1]) && minor >= Number(minimum![2]))).toBe(true);
});

test('the README names the same Node and the same minimum', () => {
  const readme = read('README.md');
  expect(readme).toContain(`Node.js ${nvmrc}`);
  expect(readme).toContain(pkg.engines.node.replace(/^>=(\d+\.\d+)\.0$/, '$1'));
});
