/**
 * The configured Markdown pipeline (src/markdown/pipeline.ts, the object astro.config.mjs
 * passes to `markdown.processor`) on a fixture page that exercises every plugin: GFM tables,
 * footnotes and autolinks; source citations; heading ids and anchors; the table wrapper; the
 * unindexed footnotes; base-path links; the image check. Astro's own steps run too.
 */
import { readFile } from 'node:fs/promises';
import { markdownConfigDefaults } from '@astrojs/markdown-remark';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { beforeAll, expect, test } from 'vitest';
import { UI } from '../../src/data/site';
import { markdownProcessor } from '../../src/markdown/pipeline';

const fixture = new URL('../fixtures/markdown/pipeline.md', import.meta.url);
const sources = [
  { id: 'S1', publisher: 'APEC', title: 'APEC Leaders’ Declaration', url: 'https://www.apec.org/meeting-papers/s1' },
  { id: 'S2', publisher: '維基百科', title: '亞太經濟合作會議簡介' },
];
let html = '';

beforeAll(async () => {
  const renderer = await markdownProcessor({ base: '/apec/', sources }).createRenderer({
    ...markdownConfigDefaults,
    syntaxHighlight: false,
  });
  const result = await renderer.render(await readFile(fixture, 'utf8'), { fileURL: fixture });
  html = result.code;
});

test('renders the fixture page as recorded (review the diff when a plugin changes)', async () => {
  await expect(html).toMatchFileSnapshot('../fixtures/markdown/pipeline.html');
});

test('heading ids come from rehype-slug, repeated headings apart, each h2/h3 with a named anchor', () => {
  const tree = fromHtml(html, { fragment: true });
  const headings = selectAll('h2, h3', tree);
  expect(headings.map((heading) => heading.properties['id'])).toEqual([
    '成立與背景',
    '成立與背景-1',
    '延伸閱讀',
    'footnote-label',
  ]);
  const anchor = select('h2#成立與背景 a.heading-anchor', tree);
  expect(anchor?.properties['ariaLabel']).toBe(`${UI.anchorLabel}：成立與背景`);
  expect(anchor?.properties['href']).toBe('#成立與背景');
});

test('footnotes cite sources by title, are labelled 註釋 and kept out of the index', () => {
  const tree = fromHtml(html, { fragment: true });
  const footnotes = select('section[data-footnotes]', tree);
  expect(footnotes?.properties['dataPagefindIgnore']).toBe('');
  expect(select('h2#footnote-label', tree)?.children[0]).toMatchObject({ type: 'text', value: '註釋' });
  expect(select('a[href="https://www.apec.org/meeting-papers/s1"]', footnotes!)).toBeDefined();
  expect(html).toContain('亞太經濟合作會議簡介');
  expect(html).not.toMatch(/>S1 S2/);
});

test('tables are wrapped after the footnote references in them are made, links get the base path', () => {
  const tree = fromHtml(html, { fragment: true });
  expect(select('div.table-scroll > table sup a[data-footnote-ref]', tree)).toBeDefined();
  expect(selectAll('a[href^="/apec/aims/"]', tree)).toHaveLength(1);
  expect(select('a[href="https://www.apec.org/"]', tree)).toBeDefined();
});
