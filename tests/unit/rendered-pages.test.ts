import { expect, test } from 'vitest';
import { builtFile } from '../../src/lib/rendered-pages';

test('a rendered page maps to the file Astro writes it to', () => {
  expect(builtFile('/', '/')).toBe('index.html');
  expect(builtFile('/founding/', '/')).toBe('founding/index.html');
  expect(builtFile('/sub/zh-hans/founding/', '/sub/')).toBe('zh-hans/founding/index.html');
  // Status pages are written as 404.html and 500.html, not 404/index.html.
  expect(builtFile('/404/', '/')).toBe('404.html');
  expect(builtFile('/sub/404/', '/sub/')).toBe('404.html');
  expect(builtFile('/500', '/')).toBe('500.html');
  expect(builtFile('/zh-hans/404/', '/')).toBe('zh-hans/404/index.html');
});
