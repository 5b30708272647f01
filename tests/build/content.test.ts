/**
 * Content checks on the built pages (dist/): facts stay consistent across pages, the data
 * components render the data files, every citation resolves, no seed sentence is copied and
 * the copy uses Taiwan forms.
 */
import { readFileSync } from 'node:fs';
import type { Element, Nodes, Root, RootContent } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { describe, expect, test } from 'vitest';
import { loadData } from '../../src/lib/data';
import { copiedPassages, type Fingerprint } from '../../tools/fingerprint';
import { lintLine } from '../../tools/lint-zh';
import { contentPages, loadPage, textOf } from './helpers';

const pages = await contentPages();
const data = loadData();

const attr = (node: Element | undefined, name: string): string | undefined => {
  const value = node?.properties[name];
  return Array.isArray(value) ? value.join(' ') : value === undefined || value === null ? undefined : String(value);
};

/** The page's article (falls back to <main>, then the whole page). */
const articleOf = (tree: Root): Element | Root => select('main article', tree) ?? select('main', tree) ?? tree;

/** A copy of `node` without the elements matching `selector`. */
function without(node: Element | Root, selector: string): Element | Root {
  const drop = new Set<Nodes>(selectAll(selector, node));
  const prune = <T extends Element | Root>(parent: T): T => ({
    ...parent,
    children: parent.children
      .filter((child) => !drop.has(child))
      .map((child) => (child.type === 'element' ? prune(child) : child)) as RootContent[],
  });
  return prune(node);
}

/** Prose the page itself writes: no footnote list, no name-variant cells, no citations. */
const proseText = (tree: Root) =>
  textOf(
    without(
      articleOf(tree),
      'section[data-footnotes], [data-term-variant], .source-list, .source-disclosure, cite, nav, script, style',
    ),
  );

describe('founding date and place', () => {
  test('the founding page gives 6–7 November 1989 in 坎培拉', async () => {
    const text = textOf(articleOf(await loadPage('/founding/')));
    expect(text).toContain('1989 年 11 月 6 日至 7 日');
    expect(text).toContain('坎培拉');
    expect(text).toMatch(/1989 年 11 月 5 日[^。]*晚宴/);
  });

  test.each(pages)('%s: every date given for the Canberra meeting is 6–7 November 1989', async (pathname) => {
    const text = proseText(await loadPage(pathname));
    for (const match of text.matchAll(/1989 年 11 月 (\d{1,2}) 日至 (?:11 月 )?(\d{1,2}) 日/g)) {
      expect([match[1], match[2]], match[0]).toEqual(['6', '7']);
    }
    for (const match of text.matchAll(/1989 年 11 月 (\d{1,2}) 日/g)) {
      const day = Number(match[1]);
      expect([5, 6], match[0]).toContain(day);
      if (day === 5) {
        const sentence = text.slice(match.index, text.indexOf('。', match.index));
        expect(sentence, 'the 5 November date is only for the welcome dinner').toMatch(/晚宴|設宴/);
      }
    }
    for (const sentence of text.split(/[。，；]/)) {
      if (!/坎培拉|堪培拉/.test(sentence) || !/首屆|成立/.test(sentence)) continue;
      for (const year of sentence.matchAll(/(\d{4}) 年/g)) expect(year[1], sentence).toBe('1989');
    }
    expect(text).not.toMatch(/(?:成立|創立)於 (?!1989)\d{4} 年/);
  });

  test('the timeline dates the Canberra meeting 1989-11-06', async () => {
    const tree = await loadPage('/timeline/');
    const item = selectAll('.timeline__item', tree).find((node) => textOf(node).includes('坎培拉'));
    expect(attr(select('time', item), 'dateTime')).toBe('1989-11-06');
    expect(textOf(select('time', item)!)).toBe('1989 年 11 月 6 日至 7 日');
  });
});

describe('member table', () => {
  test('lists the 21 economies with the years in members.yaml', async () => {
    const tree = await loadPage('/members/');
    const table = select('table.member-table', tree);
    expect(table).toBeDefined();
    expect(textOf(select('caption', table)!)).toContain('21');
    const rows = selectAll('tbody tr', table);
    expect(rows).toHaveLength(21);
    const shown = new Map(rows.map((row) => [attr(row, 'dataMemberId'), row]));
    for (const member of data.members) {
      const row = shown.get(member.id);
      expect(row, member.id).toBeDefined();
      expect(textOf(select('th[scope="row"]', row)!)).toBe(member.tw);
      expect(Number(textOf(select('.member-table__joined', row)!)), member.id).toBe(member.joined);
    }
    expect(selectAll('thead th[scope="col"]', table).length).toBeGreaterThanOrEqual(3);
  });

  test('the timeline shows every leaders’ meeting, none of them still 預定, and links the meetings table', async () => {
    const tree = await loadPage('/timeline/');
    expect(selectAll('.timeline__item', tree)).toHaveLength(data.timeline.length);
    const leaders = selectAll('.timeline__item--leaders', tree);
    expect(leaders).toHaveLength(data.timeline.filter((entry) => entry.kind === 'leaders').length);
    expect(selectAll('.timeline__item--scheduled', tree)).toEqual([]);
    expect(textOf(select('article', tree)!)).not.toContain('預定');
    expect(textOf(leaders.at(-1)!)).toMatch(/深圳.*2026 年 11 月 18 日至 19 日/s);
    expect(selectAll('article a[href="/meetings/"]', tree).length).toBeGreaterThan(0);
  });
});

describe('meetings', () => {
  test('one table row per meeting in meetings.yaml, year, ordinal, host, city and theme', async () => {
    const tree = await loadPage('/meetings/');
    const tables = selectAll('article table.meeting-table', tree);
    expect(tables).toHaveLength(1);
    const rows = selectAll('tbody tr', tables[0]!);
    expect(rows).toHaveLength(data.meetings.length);
    const memberName = new Map(data.members.map((member) => [member.id, member.tw]));
    data.meetings.forEach((meeting, index) => {
      const row = rows[index]!;
      const text = textOf(row);
      expect(textOf(select('.meeting-table__year', row)!)).toBe(String(meeting.year));
      expect(textOf(select('.meeting-table__host', row)!)).toBe(memberName.get(meeting.host));
      expect(textOf(select('.meeting-table__city', row)!)).toContain(meeting.city);
      if (meeting.number) expect(text, String(meeting.year)).toContain(`第 ${meeting.number} 屆`);
      if (meeting.theme) expect(text).toContain(meeting.theme);
      if (meeting.themeOriginal) expect(text).toContain(meeting.themeOriginal);
      expect(selectAll('.source-disclosure li', row), String(meeting.year)).toHaveLength(meeting.sources.length);
    });
    const cancelled = select('tr#meeting-2019', tree)!;
    expect(textOf(cancelled)).toContain('取消');
    expect(textOf(cancelled)).not.toMatch(/第 \d+ 屆/);
  });

  test('the host counts come from the data: three for the United States, Peru and China; never Hong Kong, China or Chinese Taipei', async () => {
    const items = selectAll('.meeting-hosts li', await loadPage('/meetings/')).map(textOf);
    expect(items[0]).toMatch(/^三次：/);
    for (const name of ['美國', '秘魯', '中國（']) expect(items[0]).toContain(name);
    expect(items.at(-1)).toBe('未曾主辦：中國香港、中華臺北');
  });
});

describe('aims', () => {
  test('lists the four objectives of the Seoul Declaration', async () => {
    const tree = await loadPage('/aims/');
    const heading = selectAll('h2', tree).find((node) => textOf(node).includes('漢城宣言'));
    expect(heading).toBeDefined();
    const list = select(`h2#${attr(heading, 'id')} ~ ol`, articleOf(tree));
    const items = selectAll(':scope > li', list).map(textOf);
    expect(items).toHaveLength(4);
    expect(items[0]).toMatch(/成長與發展/);
    expect(items[1]).toMatch(/相互依存/);
    expect(items[2]).toMatch(/開放的多邊貿易體制/);
    expect(items[3]).toMatch(/減少.*障礙/);
  });
});

describe.each(pages)('%s', (pathname) => {
  test('every footnote reference resolves and every footnote is referenced', async () => {
    const tree = await loadPage(pathname);
    const ids = new Set(selectAll('[id]', tree).map((node) => attr(node, 'id')));
    const refs = selectAll('a[data-footnote-ref]', tree);
    expect(refs.length, 'cites at least one source').toBeGreaterThan(0);
    const targets = new Set<string>();
    for (const ref of refs) {
      const href = attr(ref, 'href') ?? '';
      expect(href.startsWith('#'), href).toBe(true);
      const id = decodeURIComponent(href.slice(1));
      expect(ids.has(id), `footnote target ${id}`).toBe(true);
      targets.add(id);
    }
    const definitions = selectAll('section[data-footnotes] li[id]', tree);
    expect(definitions.length).toBeGreaterThan(0);
    for (const definition of definitions)
      expect(targets.has(attr(definition, 'id')!), attr(definition, 'id')).toBe(true);
  });

  test('internal links with a fragment point at an element of the target page', async () => {
    const tree = await loadPage(pathname);
    for (const link of selectAll('main article a[href^="/"]', tree)) {
      const href = attr(link, 'href')!;
      const [path = '', fragment] = href.split('#');
      expect(pages, href).toContain(path.replace(/^\/[^/]+(?=\/[^/]+\/$)/, '') || path);
      if (!fragment) continue;
      const target = await loadPage(path);
      expect(
        selectAll('[id]', target).map((node) => attr(node, 'id')),
        href,
      ).toContain(decodeURIComponent(fragment));
    }
  });

  test('ends with a 延伸閱讀 section of internal links', async () => {
    const tree = await loadPage(pathname);
    const headings = selectAll('main article h2', tree).filter((node) => attr(node, 'id') !== 'footnote-label');
    expect(textOf(headings.at(-1)!)).toBe('延伸閱讀');
    expect(selectAll(`h2#${attr(headings.at(-1), 'id')} + ul a[href^="/"]`, tree).length).toBeGreaterThan(0);
  });

  test('uses Taiwan forms (other forms only in （） right after the Taiwan form)', async () => {
    const text = proseText(await loadPage(pathname));
    const problems = lintLine(text, pathname, 0).filter(
      (problem) => problem.rule === 'banned-term' || problem.rule === 'seed-error',
    );
    expect(problems.map((problem) => problem.message)).toEqual([]);
  });

  test('components use no inline style or script', async () => {
    const tree = await loadPage(pathname);
    expect(selectAll('main [style]', tree)).toEqual([]);
    expect(selectAll('main style, main script', tree)).toEqual([]);
  });
});

describe('no seed text copied', () => {
  // Hashes of the brief's 20-character runs (tools/fingerprint.ts), never its text: the brief
  // itself is not in the repository. Regenerate with `npm run fingerprint -- <brief.txt>`.
  const print = JSON.parse(
    readFileSync(new URL('../fixtures/seed-fingerprint.json', import.meta.url), 'utf8'),
  ) as Fingerprint;

  test('the fingerprint covers a whole brief', () => {
    expect(print.n).toBeGreaterThanOrEqual(15);
    expect(print.hashes.length).toBeGreaterThan(500);
  });

  test.each(pages)('%s shares no 20-character run of Chinese prose with the seed', async (pathname) => {
    expect(copiedPassages(textOf(articleOf(await loadPage(pathname))), print)).toEqual([]);
  });
});
