import { expect, test } from 'vitest';
import { normaliseBase, pagePath, toSlugParam, withBase } from '../../src/lib/paths';

test('normalises base paths to / or /a/b/', () => {
  expect(normaliseBase(undefined)).toBe('/');
  expect(normaliseBase('')).toBe('/');
  expect(normaliseBase('/')).toBe('/');
  expect(normaliseBase('docs')).toBe('/docs/');
  expect(normaliseBase('/some/sub/path')).toBe('/some/sub/path/');
  expect(normaliseBase('//x//')).toBe('/x/');
});

test('prefixes root-relative links with the base and leaves the rest alone', () => {
  expect(withBase('/founding/#canberra', '/docs/')).toBe('/docs/founding/#canberra');
  expect(withBase('/founding/', '/')).toBe('/founding/');
  expect(withBase('/docs/founding/', '/docs/')).toBe('/docs/founding/');
  expect(withBase('https://apec.org/', '/docs/')).toBe('https://apec.org/');
  expect(withBase('//cdn.example/x', '/docs/')).toBe('//cdn.example/x');
  expect(withBase('#top', '/docs/')).toBe('#top');
  expect(withBase('relative/', '/docs/')).toBe('relative/');
});

test('maps entry ids to routes', () => {
  expect(toSlugParam('index')).toBeUndefined();
  expect(toSlugParam('founding')).toBe('founding');
  expect(pagePath('index')).toBe('/');
  expect(pagePath('history/timeline')).toBe('/history/timeline/');
});
