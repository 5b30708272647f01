/** The YAML data files load, validate and cross-reference; the schemas reject bad entries. */
import { describe, expect, test, vi } from 'vitest';
import { DataError, loadData, parseDataList } from '../../src/lib/data';
import {
  glossarySchema,
  memberSchema,
  nonCanonicalReason,
  readerWordsSchema,
  sourceSchema,
  timelineSchema,
} from '../../src/data/schemas';
import { lintZh } from '../../tools/lint-zh';

describe('loadData()', () => {
  const data = loadData();

  test('loads every file', () => {
    expect(data.sources.length).toBeGreaterThan(10);
    expect(data.glossary.length).toBeGreaterThan(50);
    expect(data.timeline.length).toBeGreaterThan(30);
  });

  test('has the 21 member economies, 12 of them founders, 6 of those in ASEAN in 1989', () => {
    expect(data.members).toHaveLength(21);
    expect(data.members.filter((member) => member.founding)).toHaveLength(12);
    expect(
      data.members
        .filter((member) => member.aseanIn1989)
        .map((member) => member.id)
        .sort(),
    ).toEqual(['brunei', 'indonesia', 'malaysia', 'philippines', 'singapore', 'thailand']);
    for (const member of data.members) {
      expect(member.founding, member.id).toBe(member.joined === 1989);
    }
    const joined = (year: number) => data.members.filter((member) => member.joined <= year).length;
    expect([1989, 1991, 1993, 1994, 1998].map(joined)).toEqual([12, 15, 17, 18, 21]);
  });

  test('a member’s names are those of its glossary entry', () => {
    const brunei = data.members.find((member) => member.id === 'brunei');
    expect(brunei).toMatchObject({ tw: '汶萊', hk: ['文萊'], cn: ['文萊'], en: 'Brunei Darussalam', joined: 1989 });
    expect(data.members.filter((member) => member.tw === '')).toEqual([]);
  });

  test('the timeline is in order and has one leaders’ meeting a year from 1993 to 2026', () => {
    const dates = data.timeline.map((entry) => entry.date);
    expect([...dates].sort((a, b) => a.slice(0, 4).localeCompare(b.slice(0, 4)))).toEqual(dates);
    const leaders = data.timeline
      .filter((entry) => entry.kind === 'leaders')
      .map((entry) => Number(entry.date.slice(0, 4)));
    expect(leaders).toEqual(Array.from({ length: 34 }, (_, index) => 1993 + index));
    expect(data.timeline.filter((entry) => entry.scheduled).map((entry) => entry.date)).toEqual(['2026-11']);
    expect(data.timeline[1]).toMatchObject({ date: '1989-11-06', city: '坎培拉', host: 'australia' });
  });

  test('Chinese copy in the data follows the site’s typography', () => {
    const texts: [string, string][] = [
      ...data.timeline.flatMap((entry) =>
        [entry.title, entry.body, entry.dateLabel, entry.city]
          .filter((text) => text !== undefined)
          .map((text): [string, string] => [entry.date, text]),
      ),
      ...data.members.flatMap((member): [string, string][] =>
        member.joinedNote ? [[member.id, member.joinedNote]] : [],
      ),
      ...data.glossary.flatMap((entry): [string, string][] => (entry.note ? [[entry.id, entry.note]] : [])),
    ];
    const problems = texts.flatMap(([where, text]) =>
      lintZh(text, where).filter((problem) => problem.rule !== 'banned-term'),
    );
    expect(problems).toEqual([]);
  });
});

describe('reader words (src/data/reader-words.yaml)', () => {
  test('load, each with site and reader words; FAQ and 名詞 lead to the page names', () => {
    const words = loadData().readerWords;
    expect(words.length).toBeGreaterThan(10);
    const siteOf = (reader: string) => words.find((entry) => entry.reader.includes(reader))?.site;
    expect(siteOf('FAQ')).toContain('常見問題');
    expect(siteOf('名詞')).toContain('詞彙');
    expect(siteOf('創立')).toContain('成立');
  });

  test('reject an entry without site words, a one-character reader word, a word listed twice', () => {
    const parse = (entry: unknown) => () => parseDataList('r.yaml', JSON.stringify([entry]), readerWordsSchema);
    expect(parse({ site: ['成立'], reader: ['創立'] })).not.toThrow();
    expect(parse({ site: [], reader: ['創立'] })).toThrow(/r\.yaml: entry 1: site/);
    expect(parse({ site: ['成立'], reader: ['創'] })).toThrow(
      /r\.yaml: entry 1: reader\.0: a reader word needs at least two characters/,
    );
    expect(parse({ site: ['常見問題'], reader: ['FAQ', 'faq'] })).toThrow(/listed twice/);
    expect(parse({ site: ['成立'], reader: ['創立'], note: 'x' })).toThrow(/r\.yaml: entry 1/);
  });
});

describe('parseDataList() rejects', () => {
  const glossaryEntry = { id: 'x', category: 'concept', tw: '共識決', sources: ['S2'] };
  const timelineEntry = { date: '2023-02-28', kind: 'milestone', title: '測試', sources: ['S1'] };

  test('accepts valid entries', () => {
    expect(parseDataList('g.yaml', JSON.stringify([glossaryEntry]), glossarySchema)).toHaveLength(1);
    expect(parseDataList('t.yaml', JSON.stringify([timelineEntry]), timelineSchema)).toHaveLength(1);
  });

  test('a glossary entry without `tw`', () => {
    const entry: Partial<typeof glossaryEntry> = { ...glossaryEntry };
    delete entry.tw;
    expect(() => parseDataList('g.yaml', JSON.stringify([entry]), glossarySchema)).toThrow(
      /g\.yaml: entry 1 \(x\): tw/,
    );
  });

  test('a timeline entry dated 2023-02-30', () => {
    const entry = { ...timelineEntry, date: '2023-02-30' };
    expect(() => parseDataList('t.yaml', JSON.stringify([entry]), timelineSchema)).toThrow(/not a real calendar date/);
    expect(() => parseDataList('t.yaml', JSON.stringify([{ ...entry, date: '2023-13' }]), timelineSchema)).toThrow(
      DataError,
    );
  });

  test('a malformed source id, an unknown key and a duplicate id', () => {
    expect(() =>
      parseDataList('g.yaml', JSON.stringify([{ ...glossaryEntry, sources: ['wiki'] }]), glossarySchema),
    ).toThrow(/sources\.0/);
    expect(() => parseDataList('g.yaml', JSON.stringify([{ ...glossaryEntry, zh: '共識' }]), glossarySchema)).toThrow(
      DataError,
    );
    expect(() => parseDataList('g.yaml', JSON.stringify([glossaryEntry, glossaryEntry]), glossarySchema)).toThrow(
      /duplicate id "x"/,
    );
  });

  test('a source on a mirror, proxy, staging or login host, naming the entry and the problem', () => {
    const source = { id: 'S5', kind: 'apec', publisher: 'APEC', title: 'Policy Support Unit' };
    const bad: [string, RegExp][] = [
      ['https://apec-stg.sitefinity.cloud/Groups/x', /staging/],
      ['http://hanjaro.juntong.or.kr/page_translater_mobile.aspx?sURL=http%3A%2F%2Fwww.apec.org%2F', /proxy/],
      ['https://ptop.only.wip.la:443/https/www.scribd.com/document/1/Apec', /proxy/],
      ['https://54e1ad4b48888.kfd.me/zh-hk/x', /mirror/],
      ['https://wikimili.com/en/APEC_Papua_New_Guinea_2018', /mirror/],
      ['http://core-varnish-new.prod.aop.cambridge.org/core/books/x', /origin/],
      ['https://idp.springer.com/auth/personal/springernature?redirect_uri=https://rd.springer.com/x', /login|proxy/],
      ['https://voa.pangea-cms.com/preview/en-US/a/x.html', /staging|preview/],
      ['https://link.springer.com/referenceworkentry/10.1007%252F978-1', /double-encoded/],
    ];
    for (const [url, problem] of bad) {
      expect(() => parseDataList('src/data/sources.yaml', JSON.stringify([{ ...source, url }]), sourceSchema)).toThrow(
        new RegExp(`src/data/sources\\.yaml: entry 1 \\(S5\\): url: .*${problem.source}`),
      );
    }
    expect(nonCanonicalReason('https://www.apec.org/about-us/policy-support-unit')).toBeUndefined();
  });

  test("every source URL in sources.yaml is a publisher's own address", () => {
    for (const source of loadData().sources) {
      if (source.url) expect(nonCanonicalReason(source.url), `${source.id} ${source.url}`).toBeUndefined();
    }
  });

  test('a member without a joining year', () => {
    const member = { id: 'x', founding: false, sources: ['S1'] };
    expect(() => parseDataList('m.yaml', JSON.stringify([member]), memberSchema)).toThrow(/joined/);
  });
});

describe('cross-file checks', () => {
  test('every cited source id exists in sources.yaml (and an unknown one would be caught)', () => {
    const { sources, members, timeline, glossary } = loadData();
    const known = new Set(sources.map((source) => source.id));
    const cited = [...members, ...timeline, ...glossary].flatMap((entry) => entry.sources);
    expect(cited.filter((id) => !known.has(id))).toEqual([]);
    // The same check loadData() runs, applied to an entry citing an id that is not listed.
    const bogus = parseDataList(
      't.yaml',
      JSON.stringify([{ date: '2000', kind: 'milestone', title: '測試', sources: ['S999'] }]),
      timelineSchema,
    );
    expect(bogus[0]?.sources.filter((id) => !known.has(id))).toEqual(['S999']);
  });

  test.each([
    [
      'a timeline entry citing a source missing from sources.yaml',
      {},
      /timeline\.yaml: entry 1 \(2000\): unknown source "S999"/,
    ],
    [
      'a member no glossary entry names',
      { 'timeline.yaml': '[]', 'members.yaml': '- id: atlantis\n  joined: 1989\n  founding: false\n  sources: [S1]\n' },
      /members\.yaml: atlantis: no glossary entry member-atlantis names it/,
    ],
  ] as const)('loadData() rejects %s', async (_name, overrides, message) => {
    const files: Record<string, string> = {
      'sources.yaml': '- id: S1\n  kind: news\n  publisher: 測試\n  title: 測試來源\n',
      'members.yaml': '[]',
      'timeline.yaml': "- date: '2000'\n  kind: milestone\n  title: 測試\n  sources: [S999]\n",
      'glossary.yaml': '[]',
      ...overrides,
    };
    vi.resetModules();
    vi.doMock('node:fs', async (importOriginal) => {
      const actual = await importOriginal<typeof import('node:fs')>();
      const readFileSync = ((path: unknown, ...rest: unknown[]) => {
        const name = String(path).split('/').pop() ?? '';
        return files[name] ?? Reflect.apply(actual.readFileSync, actual, [path, ...rest]);
      }) as typeof actual.readFileSync;
      return { ...actual, readFileSync };
    });
    try {
      const fresh = await import('../../src/lib/data');
      expect(() => fresh.loadData()).toThrow(message);
    } finally {
      vi.doUnmock('node:fs');
      vi.resetModules();
    }
  });

  test('every timeline host is a member', () => {
    const { members, timeline } = loadData();
    const ids = new Set(members.map((member) => member.id));
    expect(timeline.filter((entry) => entry.host && !ids.has(entry.host))).toEqual([]);
  });
});
