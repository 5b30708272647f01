/** The YAML data files load, validate and cross-reference; the schemas reject bad entries. */
import { describe, expect, test, vi } from 'vitest';
import { DataError, loadData, parseDataList } from '../../src/lib/data';
import {
  citySchema,
  glossarySchema,
  meetingSchema,
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

  test('the timeline is in order and has one leaders’ meeting a year from 1993 to 2026 but the cancelled 2019 one', () => {
    const dates = data.timeline.map((entry) => entry.date);
    expect([...dates].sort((a, b) => a.slice(0, 4).localeCompare(b.slice(0, 4)))).toEqual(dates);
    const leaders = data.timeline
      .filter((entry) => entry.kind === 'leaders')
      .map((entry) => Number(entry.date.slice(0, 4)));
    // 2019's meeting was cancelled: its card is the announcement (a milestone), not a meeting.
    expect(leaders).toEqual(Array.from({ length: 34 }, (_, index) => 1993 + index).filter((year) => year !== 2019));
    expect(data.timeline.find((entry) => entry.date === '2019-10-30')).toMatchObject({ kind: 'milestone' });
    expect(data.timeline.filter((entry) => entry.scheduled).map((entry) => entry.date)).toEqual([]);
    expect(data.timeline[1]).toMatchObject({ date: '1989-11-06', city: '坎培拉', host: 'australia' });
  });

  test('meetings.yaml has one meeting a year: ministerial 1989–1992, then the Leaders’ Meetings to 2026', () => {
    expect(data.meetings.map((meeting) => meeting.year)).toEqual(
      Array.from({ length: 38 }, (_, index) => 1989 + index),
    );
    expect(data.meetings.filter((meeting) => meeting.kind === 'ministerial').map((meeting) => meeting.year)).toEqual([
      1989, 1990, 1991, 1992,
    ]);
    const cancelled = data.meetings.filter((meeting) => meeting.status === 'cancelled');
    expect(cancelled).toMatchObject([{ year: 2019, host: 'chile', city: '聖地牙哥' }]);
    expect(cancelled[0]?.number).toBeUndefined();
    // Ordinals the sources state (fact sheet §6), the rest follow by counting.
    const numberOf = (year: number) => data.meetings.find((meeting) => meeting.year === year)?.number;
    expect([1993, 2002, 2003, 2006, 2008, 2010, 2020, 2023, 2024, 2025, 2026].map(numberOf)).toEqual([
      1, 10, 11, 14, 16, 18, 27, 30, 31, 32, 33,
    ]);
    expect(data.meetings.filter((meeting) => meeting.status === 'virtual').map((meeting) => meeting.year)).toEqual([
      2020, 2021,
    ]);
    expect(data.meetings.at(-1)).toMatchObject({
      year: 2026,
      host: 'china',
      city: '深圳',
      dates: { start: '2026-11-18', end: '2026-11-19' },
      theme: '建設亞太共同體，促進共同繁榮',
    });
  });

  test('every meeting city is a place in the glossary, by its Taiwan form', () => {
    const places = new Set(data.glossary.filter((entry) => entry.category === 'place').map((entry) => entry.tw));
    expect(data.meetings.filter((meeting) => !places.has(meeting.city)).map((meeting) => meeting.city)).toEqual([]);
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
      ...data.meetings.flatMap((meeting) =>
        [meeting.city, meeting.theme, meeting.note]
          .filter((text) => text !== undefined)
          .map((text): [string, string] => [`meetings ${meeting.year}`, text]),
      ),
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

  describe('a meeting', () => {
    const meeting = {
      year: 2005,
      kind: 'leaders',
      number: 13,
      host: 'korea',
      city: '釜山',
      status: 'held',
      sources: ['S75'],
    };
    const parse = (entry: object) => () =>
      parseDataList('src/data/meetings.yaml', JSON.stringify([meeting, entry]), meetingSchema);

    test('valid entries pass', () => {
      expect(parseDataList('m.yaml', JSON.stringify([meeting]), meetingSchema)).toEqual([
        { ...meeting, themeTranslated: false },
      ]);
    });

    test.each([
      [
        'with an ordinal but ministerial',
        { kind: 'ministerial' },
        /entry 2 \(2005 ministerial\): number: only a Leaders’ Meeting/,
      ],
      [
        'without an ordinal',
        { number: undefined },
        /entry 2 \(2005 leaders\): number: a Leaders’ Meeting that was not cancelled needs/,
      ],
      [
        'cancelled but numbered',
        { status: 'cancelled' },
        /entry 2 \(2005 leaders\): number: a cancelled meeting is not numbered/,
      ],
      ['with an unknown status', { status: 'postponed' }, /entry 2 \(2005 leaders\): status:/],
      [
        'starting in another year',
        { dates: { start: '2004-11-18' } },
        /entry 2 \(2005 leaders\): dates: start 2004-11-18 is not in 2005/,
      ],
      [
        'ending before it starts',
        { dates: { start: '2005-11-18', end: '2005-11-17' } },
        /entry 2 \(2005 leaders\): dates: end 2005-11-17 is before start 2005-11-18/,
      ],
      [
        'with a month for a date',
        { dates: { start: '2005-11' } },
        /entry 2 \(2005 leaders\): dates\.start: must be a full date/,
      ],
      [
        'on an impossible date',
        { dates: { start: '2005-11-31' } },
        /entry 2 \(2005 leaders\): dates\.start: is not a real calendar date/,
      ],
      ['without sources', { sources: [] }, /entry 2 \(2005 leaders\): sources:/],
      ['without a city', { city: undefined }, /entry 2 \(2005 leaders\): city:/],
      [
        'with an English theme and no Chinese one',
        { themeOriginal: 'One Community, Our Future' },
        /entry 2 \(2005 leaders\): theme: a theme in English needs its Chinese form/,
      ],
      [
        'translated with nothing to translate',
        { theme: '測試', themeTranslated: true },
        /entry 2 \(2005 leaders\): themeTranslated: a translated theme needs the original/,
      ],
      ['with an unknown field', { venue: '釜山' }, /entry 2 \(2005 leaders\): \(entry\):.*venue/],
    ] as const)('%s', (_name, change, message) => {
      const entry = JSON.parse(JSON.stringify({ ...meeting, ...change })) as object;
      expect(parse(entry)).toThrow(DataError);
      expect(parse(entry)).toThrow(new RegExp(`^src/data/meetings\\.yaml: ${message.source}`));
    });
  });

  test('a member without a joining year', () => {
    const member = { id: 'x', shape: '152', founding: false, sources: ['S1'] };
    expect(() => parseDataList('m.yaml', JSON.stringify([member]), memberSchema)).toThrow(/joined/);
  });

  test.each([
    ['without a shape', undefined, /entry 1 \(x\): shape: /],
    ['with a shape id that is not a quoted ISO code', 36, /entry 1 \(x\): shape: /],
  ])('a member %s', (_name, shape, message) => {
    const member = { id: 'x', shape, joined: 1989, founding: true, sources: ['S1'] };
    expect(() => parseDataList('src/data/members.yaml', JSON.stringify([member]), memberSchema)).toThrow(message);
  });

  test('a city outside the globe', () => {
    const city = { name: '某城', lon: 200, lat: 10, sources: ['S1'] };
    expect(() => parseDataList('src/data/cities.yaml', JSON.stringify([city]), citySchema)).toThrow(
      /cities\.yaml: entry 1 \(某城\): lon: /,
    );
  });
});

/** A meetings.yaml entry for 1993 hosted by Chile (a member in the mocked files), with fields replaced. */
const meetingYaml = (fields: Partial<Record<'host' | 'number' | 'sources', string>>): string =>
  `- year: 1993\n  kind: leaders\n  number: ${fields.number ?? '1'}\n  host: ${fields.host ?? 'chile'}\n` +
  `  city: 聖地牙哥\n  status: held\n  sources: ${fields.sources ?? '[S1]'}\n`;

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
      {
        'timeline.yaml': '[]',
        'members.yaml': "- id: atlantis\n  shape: '999'\n  joined: 1989\n  founding: false\n  sources: [S1]\n",
      },
      /members\.yaml: atlantis: no glossary entry member-atlantis names it/,
    ],
    [
      'a meeting citing a source missing from sources.yaml',
      { 'timeline.yaml': '[]', 'meetings.yaml': meetingYaml({ sources: '[S1, S998]' }) },
      /meetings\.yaml: entry 1 \(1993 leaders\): unknown source "S998"/,
    ],
    [
      'a Leaders’ Meeting numbered out of turn',
      { 'timeline.yaml': '[]', 'meetings.yaml': meetingYaml({ number: '2' }) },
      /meetings\.yaml: entry 1 \(1993 leaders\): number: 2 but it is Leaders' Meeting 1/,
    ],
    [
      'a meeting in a city without coordinates',
      { 'timeline.yaml': '[]', 'meetings.yaml': meetingYaml({}), 'cities.yaml': '[]' },
      /meetings\.yaml: entry 1 \(1993 leaders\): city: 聖地牙哥 has no coordinates in src\/data\/cities\.yaml/,
    ],
    [
      'a city listed twice in cities.yaml',
      {
        'timeline.yaml': '[]',
        'cities.yaml':
          '- { name: 聖地牙哥, lon: -70.67, lat: -33.45, sources: [S1] }\n- { name: 聖地牙哥, lon: -70, lat: -33, sources: [S1] }\n',
      },
      /cities\.yaml: entry 2 \(聖地牙哥\): name: listed twice/,
    ],
    [
      'a city citing a source missing from sources.yaml',
      { 'timeline.yaml': '[]', 'cities.yaml': '- { name: 聖地牙哥, lon: -70.67, lat: -33.45, sources: [S997] }\n' },
      /cities\.yaml: entry 1 \(聖地牙哥\): unknown source "S997"/,
    ],
    [
      'two meetings in one year',
      { 'timeline.yaml': '[]', 'meetings.yaml': meetingYaml({}) + meetingYaml({ number: '2' }) },
      /meetings\.yaml: entry 2 \(1993 leaders\): year: 1993 does not follow 1993/,
    ],
  ] as const)('loadData() rejects %s', async (_name, overrides, message) => {
    const files: Record<string, string> = {
      'sources.yaml': '- id: S1\n  kind: news\n  publisher: 測試\n  title: 測試來源\n',
      'members.yaml': "- id: chile\n  shape: '152'\n  joined: 1994\n  founding: false\n  sources: [S1]\n",
      'cities.yaml': '- { name: 聖地牙哥, lon: -70.67, lat: -33.45, sources: [S1] }\n',
      'timeline.yaml': "- date: '2000'\n  kind: milestone\n  title: 測試\n  sources: [S999]\n",
      'glossary.yaml': '- id: member-chile\n  category: member\n  tw: 智利\n  en: Chile\n  sources: [S1]\n',
      'meetings.yaml': '[]',
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
