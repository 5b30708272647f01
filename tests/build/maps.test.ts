/**
 * The maps and the chart in dist/ (src/lib/maps/): drawn from the data, in both editions, every
 * member economy and every meeting city on its map under the name the edition writes, each file
 * small, and shown by the pages as lazy images of the right size with a text alternative.
 */
import { brotliCompressSync, constants } from 'node:zlib';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, test } from 'vitest';
import { EDITIONS, editionPath, type Edition } from '../../src/i18n/editions';
import { localise } from '../../src/i18n/localise';
import { loadData } from '../../src/lib/data';
import { loadPage, readDist } from './helpers';

const { members, meetings } = loadData();
const editions = Object.keys(EDITIONS) as Edition[];
/** Each file ≤ 40 KB as a CDN sends it (issue 23). */
const MAP_MAX_BYTES = 40_000;

const svgFile = (edition: Edition, name: string) => `${EDITIONS[edition].prefix}maps/${name}.svg`;
const loadSvg = async (edition: Edition, name: string): Promise<{ text: string; tree: Root }> => {
  const text = await readDist(svgFile(edition, name));
  return { text, tree: fromHtml(text, { fragment: true }) };
};
const attr = (node: Element | undefined, name: string) => node?.properties[name];

describe.each(editions)('%s edition', (edition) => {
  test('the member map draws every member economy, with its name as the edition writes it', async () => {
    const { tree } = await loadSvg(edition, 'members');
    const problems: string[] = [];
    for (const member of members) {
      const shape = select(`[data-member="${member.id}"]`, tree);
      if (!shape || String(attr(shape, 'd') ?? '').length < 10) problems.push(`${member.id}: no outline`);
      const name = select(`text[data-name="${member.id}"]`, tree);
      const expected = localise(member.tw, edition);
      if (!name || toString(name) !== expected)
        problems.push(`${member.id}: name ${name ? toString(name) : 'missing'}, expected ${expected}`);
    }
    expect(problems).toEqual([]);
    // Too small to see at this scale: a marker each.
    for (const id of ['singapore', 'brunei', 'hong-kong-china'])
      expect(select(`circle[data-marker="${id}"]`, tree), id).toBeTruthy();
    // The legend names every year joined.
    const legend = toString(select('.legend', tree)!);
    for (const year of new Set(members.map((member) => member.joined))) expect(legend).toContain(`${year}`);
  });

  test('the host-city map marks every meeting city, named with each year it held a meeting', async () => {
    const { tree } = await loadSvg(edition, 'hosts');
    const problems: string[] = [];
    for (const city of new Set(meetings.map((meeting) => meeting.city))) {
      if (!select(`[data-city="${city}"]`, tree)) problems.push(`${city}: no point`);
      const label = select(`text[data-label="${city}"]`, tree);
      const text = label ? toString(label) : '';
      if (!text.startsWith(localise(city, edition))) problems.push(`${city}: label "${text}"`);
      for (const meeting of meetings.filter((candidate) => candidate.city === city))
        if (!text.includes(String(meeting.year))) problems.push(`${city}: label "${text}" lacks ${meeting.year}`);
    }
    expect(problems).toEqual([]);
    const newest = meetings.at(-1)!;
    expect(attr(select(`[data-city="${newest.city}"]`, tree), 'className')).toContain('a');
  });

  test('the growth chart counts the members of each year', async () => {
    const { tree } = await loadSvg(edition, 'growth');
    const bars = selectAll('g[data-year]', tree).map((bar) => [
      Number(attr(bar, 'dataYear')),
      Number(toString(select('text', bar)!)),
    ]);
    const first = Math.min(...members.map((member) => member.joined));
    const last = Math.max(...members.map((member) => member.joined));
    expect(bars).toEqual(
      Array.from({ length: last - first + 1 }, (_, index) => {
        const year = first + index;
        return [year, members.filter((member) => member.joined <= year).length];
      }),
    );
    expect(bars[0]?.[1]).toBe(12);
    expect(bars.at(-1)?.[1]).toBe(21);
  });

  test.each(['members', 'growth', 'hosts'])('%s.svg: named, described, within 40 KB brotli', async (name) => {
    const { text, tree } = await loadSvg(edition, name);
    const bytes = brotliCompressSync(Buffer.from(text), {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length;
    expect(bytes, `${svgFile(edition, name)} is ${bytes} B brotli`).toBeLessThanOrEqual(MAP_MAX_BYTES);
    const svg = select('svg', tree)!;
    expect(attr(svg, 'role')).toBe('img');
    expect(attr(svg, 'lang')).toBe(EDITIONS[edition].lang);
    expect(toString(select('title', tree)!).length).toBeGreaterThan(4);
    expect(toString(select('desc', tree)!).length).toBeGreaterThan(20);
    // Light and dark: the file carries its own colours for both.
    expect(text).toContain('@media (prefers-color-scheme:dark)');
  });
});

describe.each([
  ['/members/', ['members', 'growth']],
  ['/meetings/', ['hosts']],
] as const)('%s shows its maps in both editions', (page, names) => {
  test.each(editions)('%s', async (edition) => {
    const tree = await loadPage(editionPath(page, edition));
    const images = selectAll('main .map-figure img', tree);
    expect(images.map((img) => String(attr(img, 'src')).split('/').slice(-2).join('/'))).toEqual(
      names.map((name) => `maps/${name}.svg`),
    );
    for (const [index, img] of images.entries()) {
      const name = names[index]!;
      expect(String(attr(img, 'src'))).toMatch(new RegExp(`/${EDITIONS[edition].prefix}maps/${name}\\.svg$`));
      const { tree: svg } = await loadSvg(edition, name);
      const root = select('svg', svg)!;
      expect([attr(img, 'width'), attr(img, 'height')].map(Number)).toEqual(
        [attr(root, 'width'), attr(root, 'height')].map(Number),
      );
      expect(attr(img, 'loading')).toBe('lazy');
      expect(String(attr(img, 'alt')).length).toBeGreaterThan(20);
    }
  });
});
