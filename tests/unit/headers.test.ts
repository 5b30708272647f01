import { expect, test } from 'vitest';
import { formatHeaders, parseHeaders } from '../../src/lib/header-formats';
import { headersFor, patternToRegExp } from '../../src/lib/header-rules';

const file = `# comment
/*
  X-Content-Type-Options: nosniff

/_astro/*
  Cache-Control: public, max-age=31536000, immutable

/:page/
  Cache-Control: public, max-age=0, must-revalidate
`;

test('parses and writes the _headers format round-trip', () => {
  const rules = parseHeaders(file);
  expect(rules.map((rule) => rule.pattern)).toEqual(['/*', '/_astro/*', '/:page/']);
  expect(parseHeaders(formatHeaders(rules))).toEqual(rules);
});

test('matches splats and placeholders like a CDN', () => {
  expect(patternToRegExp('/_astro/*').test('/_astro/a.b.css')).toBe(true);
  expect(patternToRegExp('/:page/').test('/founding/')).toBe(true);
  expect(patternToRegExp('/:page/').test('/a/b/')).toBe(false);
  expect(patternToRegExp('/a.b').test('/aXb')).toBe(false);
  const rules = parseHeaders(file);
  expect(Object.fromEntries(headersFor(rules, '/_astro/x.css'))).toEqual({
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'public, max-age=31536000, immutable',
  });
  expect(headersFor(rules, '/founding/').get('Cache-Control')).toBe('public, max-age=0, must-revalidate');
});

test('rejects a header line outside any path', () => {
  expect(() => parseHeaders('  X-A: b')).toThrow(/line 1/);
});
