import { brotliCompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildSearchData } from '../../src/search/fold-build';
import { parseQuery, suggest, type SearchData } from '../../src/search/query';
import { FIXTURE_GLOSSARY, FIXTURE_PAGES, pageText } from './search-fixtures';

const pages = FIXTURE_PAGES.map((page) => ({ url: page.url, text: pageText(page) }));
const variantPage = { url: '/variants/', text: '在平臺上與平台上；裡面與裏面；路線；著名；臺灣與台灣；冷戰' };
const data: SearchData = buildSearchData({ pages: [...pages, variantPage], glossary: FIXTURE_GLOSSARY });

/** Alternatives of a one-term query. */
const alts = (q: string, d: SearchData = data) => parseQuery(q, d).terms[0]?.alternatives ?? [];

describe('buildSearchData', () => {
  it('is JSON-serialisable and versioned', () => {
    const copy = JSON.parse(JSON.stringify(data)) as SearchData;
    expect(copy).toEqual(data);
    expect(data.v).toBe(1);
  });

  it('folds characters only to characters the site uses, most frequent first', () => {
    expect(data.f['战']).toBe('戰');
    expect(data.f['书']).toBe('書');
    // both 臺 and 台 occur: each folds to both
    expect([...(data.f['台'] ?? '')].sort()).toEqual(['台', '臺']);
    expect([...(data.f['臺'] ?? '')].sort()).toEqual(['台', '臺']);
    // 綫 (variant) → 線; 着 → 著
    expect(data.f['綫']).toContain('線');
    expect(data.f['着']).toContain('著');
    // a character the site does not use at all gets no entry
    expect(data.f['鬱']).toBeUndefined();
  });

  it('keeps only glossary forms that occur in the pages', () => {
    const group = data.g[data.k['堪培拉'] as number];
    expect(group).toContain('坎培拉');
    expect(group).toContain('堪培拉'); // the glossary page names it
    const asean = data.g[data.k['asean'] as number] ?? [];
    expect(asean[0]).toBe('東協');
    expect(asean).not.toContain('Association of Southeast Asian Nations'); // not on any page
  });

  it('needs no code for a new glossary entry', () => {
    const d = buildSearchData({
      pages: [{ url: '/x/', text: '舊金山的金門宣言' }],
      glossary: [{ tw: '金門宣言', cn: ['金门宣言'], en: 'Golden Gate Declaration' }],
    });
    expect(alts('golden gate declaration', d)).toContain('金門宣言');
    expect(alts('金门宣言', d)).toContain('金門宣言');
  });

  it('stays small for a realistic site', () => {
    const json = JSON.stringify(data);
    expect(json.length).toBeLessThan(20_000);
    expect(brotliCompressSync(Buffer.from(json)).length).toBeLessThan(6_000);
  });
});

describe('parseQuery: script and variants', () => {
  it.each([
    ['秘书处', '秘書處'],
    ['冷战', '冷戰'],
    ['冷戰', '冷戰'],
    ['澳大利亚', '澳洲'],
    ['平台', '平臺'],
    ['平臺', '平台'],
    ['臺灣', '台灣'],
    ['裏面', '裡面'],
    ['里面', '裡面'],
    ['路綫', '路線'],
    ['着名', '著名'],
  ])('%s → %s', (query, form) => {
    expect(alts(query)).toContain(form);
  });

  it('keeps subwords as they are (秘書 matches inside 秘書處)', () => {
    expect(alts('秘書')).toContain('秘書');
  });
});

describe('parseQuery: regional names and English', () => {
  it.each([
    ['堪培拉', '坎培拉'],
    ['東盟', '東協'],
    ['东盟', '東協'],
    ['高官會', '資深官員會議'],
    ['高官会', '資深官員會議'],
    ['新西兰', '紐西蘭'],
    ['新西蘭', '紐西蘭'],
    ['Seoul Declaration', '漢城宣言'],
    ['seoul apec declaration', '漢城宣言'],
    ['SOM', '資深官員會議'],
    ['som', '資深官員會議'],
    ['abac', 'apec 企業諮詢委員會'],
    ['ABAC', '工商諮詢理事會'],
    ['克林頓', '柯林頓'],
    ['Canberra', '坎培拉'],
  ])('%s → %s', (query, form) => {
    expect(alts(query)).toContain(form);
  });

  it('merges a multi-word English name into one term', () => {
    const parsed = parseQuery('Seoul Declaration 1991', data);
    expect(parsed.terms.map((t) => t.text)).toEqual(['seoul declaration', '1991']);
  });

  it('replaces a name inside a longer Chinese term', () => {
    expect(alts('堪培拉首屆部長級會議')).toContain('坎培拉首屆部長級會議');
  });

  it('splits a long Chinese term into words for scattered matching, names kept whole', () => {
    const term = parseQuery('資深官員會議的角色', data).terms[0];
    expect(term?.parts.length).toBe(2);
    expect(term?.parts[0]).toContain('資深官員會議');
    expect(term?.parts[1]).toContain('角色');
  });
});

describe('parseQuery: normalisation and terms', () => {
  it('normalises width, case, spaces and punctuation', () => {
    expect(parseQuery('  ＡＰＥＣ\u3000　1989  ', data).normalized).toBe('apec 1989');
    expect(parseQuery('《漢城宣言》', data).terms.map((t) => t.text)).toEqual(['漢城宣言']);
  });

  it('keeps a quoted phrase as one exact term', () => {
    const parsed = parseQuery('"部長級 會議" 坎培拉', data);
    expect(parsed.terms[0]).toMatchObject({ text: '部長級 會議', quoted: true, parts: [] });
    expect(parsed.terms[1]?.text).toBe('坎培拉');
  });

  it('leaves an absent term as its own only alternative', () => {
    expect(alts('火星')).toEqual(['火星']);
    expect(alts('xyzzy')).toEqual(['xyzzy']);
  });
});

describe('parseQuery: hostile input', () => {
  const hostile = [
    '',
    '   \t\n  ',
    'a'.repeat(10_000),
    '坎'.repeat(10_000),
    '😀🇹🇼👨‍👩‍👧',
    '\u202e\u202dשלום عربي',
    '\u0000\u0001\u0007\u001b[31m',
    '.*+?^${}()|[]\\',
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '"unbalanced',
    '""',
    '\ud800\udfff\ud800',
    '__proto__ constructor toString',
  ];
  it.each(hostile.map((q) => [q.slice(0, 20), q]))('never throws: %s', (_label, q) => {
    const parsed = parseQuery(q, data);
    expect(Array.from(parsed.normalized).length).toBeLessThanOrEqual(200);
    expect(
      [...parsed.normalized].some((ch) => ch === '<' || ch === '>' || ch === '\u202e' || ch.charCodeAt(0) < 0x20),
    ).toBe(false);
    for (const term of parsed.terms) expect(term.alternatives.length).toBeLessThanOrEqual(24);
    expect(() => suggest(q, data)).not.toThrow();
  });

  it('does not treat prototype names as aliases', () => {
    expect(alts('__proto__')).toEqual(['proto']); // _ is punctuation: normalised away
    expect(alts('constructor')).toEqual(['constructor']);
  });

  it('handles non-string input', () => {
    expect(parseQuery(undefined, data).terms).toEqual([]);
    expect(parseQuery(null, data).terms).toEqual([]);
  });
});

describe('English names', () => {
  it('are keys before a comma too ("Hong Kong, China" → hong kong)', () => {
    const withComma = buildSearchData({
      pages: [{ url: '/members/', text: '中國香港於 1991 年加入。' }],
      glossary: [{ tw: '中國香港', twAlt: ['香港'], en: 'Hong Kong, China' }],
    });
    expect(alts('Hong Kong', withComma)).toContain('中國香港');
    expect(alts('hong kong china', withComma)).toContain('中國香港');
  });
});

describe('suggest', () => {
  it('offers the site form for a typo or an over-long name', () => {
    expect(suggest('坎培位', data)).toContain('坎培拉');
    expect(suggest('亞太經濟合作組織的歷史', data).length).toBeGreaterThanOrEqual(0);
    expect(suggest('seol declaration', data).some((s) => s.includes('漢城宣言') || s.includes('seoul'))).toBe(true);
  });

  it('suggests nothing for a known name', () => {
    expect(suggest('坎培拉', data)).toEqual([]);
  });

  it('never repeats a word the suggested name already holds', () => {
    const withApec = buildSearchData({
      pages: [{ url: '/x/', text: 'APEC 企業諮詢委員會（ABAC）每年開會。' }],
      glossary: [{ tw: 'APEC 企業諮詢委員會', abbr: 'ABAC' }],
    });
    const suggestions = suggest('apec 企業諮詢委員', withApec);
    expect(suggestions).toContain('APEC 企業諮詢委員會');
    for (const suggestion of suggestions) {
      const words = suggestion.toLowerCase().split(' ');
      expect(new Set(words).size, suggestion).toBe(words.length);
    }
  });
});

describe('English names', () => {
  it('are found without their bracketed part and their years, as readers write them', () => {
    const named = buildSearchData({
      pages: [{ url: '/x/', text: '2014 年通過 APEC 連結性藍圖。日本通商產業省提議。' }],
      glossary: [
        { tw: 'APEC 連結性藍圖', en: 'APEC Connectivity Blueprint 2015–2025' },
        { tw: '通商產業省', en: 'Ministry of International Trade and Industry (Japan)' },
      ],
    });
    const parsed = parseQuery('When was the APEC Connectivity Blueprint adopted', named);
    expect(parsed.terms[0]?.text).toBe('apec connectivity blueprint');
    expect(parsed.terms[0]?.alternatives).toContain('apec 連結性藍圖');
    for (const q of ['connectivity blueprint', 'Ministry of International Trade and Industry'])
      expect(parseQuery(q, named).terms, q).toHaveLength(1);
  });
});

describe('reader words (src/data/reader-words.yaml)', () => {
  const readerData = buildSearchData({
    pages: [...pages, { url: '/faq/', text: '常見問題。詞彙對照。APEC 於 1989 年成立，創立之初有 12 個成員。' }],
    glossary: FIXTURE_GLOSSARY,
    readerWords: [
      { site: ['成立'], reader: ['創立', 'founded'] },
      { site: ['常見問題'], reader: ['FAQ'] },
      { site: ['詞彙'], reader: ['名詞'] },
    ],
  });

  it("lets the reader's word find the site's, in any script and inside a longer word", () => {
    expect(alts('創立', readerData)).toContain('成立');
    expect(alts('创立', readerData)).toContain('成立');
    expect(alts('founded', readerData)).toContain('成立');
    expect(alts('FAQ', readerData)).toContain('常見問題');
    expect(alts('名詞對照', readerData)).toContain('詞彙對照');
  });

  it("works one way only: the site's word does not find the reader's", () => {
    expect(alts('成立', readerData)).not.toContain('創立');
  });
});

describe('presentIn', () => {
  it('finds which phrases occur in one pass, including overlapping and repeated ones', async () => {
    const { presentIn } = await import('../../src/search/fold-build');
    expect(
      [...presentIn('紐西蘭與澳洲在坎培拉開會', ['紐西蘭', '坎培拉', '堪培拉', '澳洲在', '', '洲'])].sort(),
    ).toEqual(['坎培拉', '洲', '澳洲在', '紐西蘭'].sort());
  });
});
