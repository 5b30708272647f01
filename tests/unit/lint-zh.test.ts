/** The Chinese copy lint (tools/lint-zh.ts) on small strings. */
import { describe, expect, test } from 'vitest';
import {
  bannedTerms,
  exitCodeOf,
  expiredAnnouncements,
  expiredSchedule,
  expiredStatements,
  lintZh,
  periodEnd,
  proseOf,
} from '../../tools/lint-zh';

const rules = (text: string) => lintZh(text, 'x.md').map((problem) => problem.rule);

describe('lintZh()', () => {
  test('accepts clean copy', () => {
    expect(rules('首屆部長級會議於 1989 年 11 月 6 日至 7 日在坎培拉（堪培拉）舉行。[^a]')).toEqual([]);
    expect(rules('APEC 的 21 個成員經濟體，見[成員](/members/)頁。')).toEqual([]);
    expect(rules('資深官員會議（港陸稱「高官會」）每年開會 3 至 4 次。')).toEqual([]);
    expect(rules('1991 年通過《漢城宣言》。')).toEqual([]);
  });

  test('flags half-width punctuation next to Chinese', () => {
    expect(rules('APEC 成立於 1989 年,總部在新加坡.')).toEqual(['half-width-punctuation', 'half-width-punctuation']);
    expect(rules('亞太經濟合作(APEC)')).toContain('half-width-punctuation');
  });

  test('flags straight and curly quotes around Chinese', () => {
    expect(rules('稱為"經濟體"。')).toContain('quotes');
    expect(rules('稱為“經濟體”。')).toEqual(['quotes', 'quotes']);
  });

  test('flags missing spaces between Chinese and Latin or digits, and spaces next to full-width punctuation', () => {
    expect(rules('1989年')).toEqual(['spacing']);
    expect(rules('APEC的成員')).toEqual(['spacing']);
    expect(rules('成立於 1989 年 ，')).toEqual(['spacing']);
    expect(rules('（ APEC）')).toEqual(['spacing']);
  });

  test('allows a Hong Kong / mainland form only in （） right after the Taiwan form', () => {
    expect(rules('東協（東盟）的六個成員。東協秘書處。')).toEqual([]);
    expect(rules('當時的東盟六國。')).toEqual(['banned-term']);
    expect(rules('坎培拉（香港與中國大陸稱「堪培拉」）')).toEqual([]);
    expect(rules('在堪培拉（坎培拉）舉行')).toEqual(['banned-term']);
    expect(rules('首爾（漢城）')).toEqual([]);
    expect(rules('南韓首都漢城')).toEqual(['banned-term', 'banned-term']);
  });

  test('takes the forms from the glossary and the member list; a quoted form is a mention', () => {
    // 新西蘭 is a Hong Kong / mainland form of a member, 亞太經合組織 a Hong Kong form of the organisation.
    expect(rules('新西蘭與亞太經合組織')).toEqual(['banned-term', 'banned-term']);
    expect(rules('香港與中國大陸則多稱「亞太經合組織」；中國大陸譯為《亞太經合組織經濟領導人共同決心宣言》。')).toEqual(
      [],
    );
    expect(bannedTerms([{ tw: '汶萊', hk: ['文萊'], cn: ['文萊', '汶萊'] }])).toMatchObject({ 文萊: ['汶萊'] });
    expect(bannedTerms([{ tw: '汶萊', cn: ['汶萊'] }])).not.toHaveProperty('汶萊');
  });

  test('writes 臺 in 臺灣 and 中華臺北, and leaves proper names with 台 alone', () => {
    expect(rules('臺灣以中華臺北的名義參與。')).toEqual([]);
    expect(rules('台灣以中華台北的名義參與。')).toEqual(['spelling', 'spelling']);
    expect(rules('台積電創辦人')).toEqual([]);
    expect(rules('中華臺北（Chinese Taipei；中國大陸稱「中國台北」）')).toEqual([]);
    expect(lintZh('- 台灣的參與', 'x.md')[0]?.message).toMatch(/「臺灣」/);
  });

  test('flags seed errors', () => {
    expect(rules('首爾（現城首爾）')).toContain('seed-error');
    expect(rules('經過十幾年的發展')).toEqual(['seed-error']);
    expect(rules('世界貿易組織及其他多邊貿易體要求')).toEqual(['seed-error']);
    expect(rules('開放的多邊貿易體制')).toEqual([]);
  });

  test('reports file and line, and skips frontmatter keys, code, imports, JSX and footnote ids', () => {
    const text = [
      '---',
      'title: 成立與背景',
      'description: APEC的成立。',
      'sources: [S1, S9]',
      '---',
      "import Timeline from '../src/components/content/Timeline.astro';",
      '<Timeline from={1989} to={1992} />',
      '```',
      'code 1989年',
      '```',
      '| 委員會 | 英文 |',
      '| --- | --- |',
      '| 經濟委員會 | Economic Committee（EC） |',
      '',
      '[^a]: S9 S13 S105b',
      '[^b]: S7：第3屆',
      '南韓',
    ].join('\n');
    expect(lintZh(text, 'p.md').map((problem) => `${problem.line}:${problem.rule}`)).toEqual([
      '3:spacing',
      '16:spacing',
      '17:banned-term',
    ]);
  });
});

describe('proseOf()', () => {
  test('strips Markdown syntax', () => {
    expect(proseOf('- 見 [成立](/founding/#x) 一節。[^a]')).toBe('見 成立 一節。');
    expect(proseOf('## 《漢城宣言》的四項目標')).toBe('《漢城宣言》的四項目標');
  });
});

describe('dated statements', () => {
  const page = [
    '本頁。',
    '<span data-until="2026-11">截至 2026 年 2 月，會議預定於 2026 年 11 月舉行。</span>[^a]',
  ].join('\n');

  test('the marker is not copy: its attribute raises no quote or spacing problem', () => {
    expect(lintZh(page, 'p.md')).toEqual([]);
  });

  test('periodEnd() is the last day a partial date covers', () => {
    expect(periodEnd('2026-11')).toBe('2026-11-30');
    expect(periodEnd('2024-02')).toBe('2024-02-29');
    expect(periodEnd('2026')).toBe('2026-12-31');
    expect(periodEnd('2026-11-05')).toBe('2026-11-05');
  });

  test('fail the lint once the date has passed, and not before', () => {
    expect(expiredStatements(page, 'p.md', '2026-11-30')).toEqual([]);
    const late = expiredStatements(page, 'p.md', '2026-12-01');
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({ file: 'p.md', line: 2, rule: 'dated-statement', severity: 'error' });
    expect(late[0]?.message).toMatch(/until 2026-11/);
    expect(exitCodeOf(late)).toBe(1);
    expect(exitCodeOf(expiredStatements(page, 'p.md', '2026-11-30'))).toBe(0);
  });

  test('a day-precise marker expires the next day', () => {
    const day = '<span data-until="2026-11-19">截至 2026 年 11 月 1 日，會議訂於 11 月 19 日閉幕。</span>';
    expect(expiredStatements(day, 'p.md', '2026-11-19')).toEqual([]);
    expect(exitCodeOf(expiredStatements(day, 'p.md', '2026-11-20'))).toBe(1);
  });

  test('a timeline entry still marked scheduled after its date fails the lint, naming its line', () => {
    const yaml = [
      '- date: 2025-10-31',
      '  kind: leaders',
      '  title: 舉行過的會議',
      '- date: 2026-11',
      '  kind: leaders',
      '  title: 預定的會議',
      '  scheduled: true',
    ].join('\n');
    expect(expiredSchedule(yaml, 't.yaml', '2026-11-15')).toEqual([]);
    const late = expiredSchedule(yaml, 't.yaml', '2026-12-01');
    expect(late).toEqual([expect.objectContaining({ line: 4, rule: 'dated-statement', severity: 'error' })]);
    expect(exitCodeOf(late)).toBe(1);
  });

  test('a meeting still "announced" after its last day only gets a warning (warnings pass)', () => {
    const meeting = { year: 2026, status: 'announced', dates: { start: '2026-11-18', end: '2026-11-19' } } as const;
    expect(expiredAnnouncements([meeting], 'm.yaml', '2026-11-19')).toEqual([]);
    const yaml = '- year: 2025\n  status: held\n- year: 2026\n  status: announced\n';
    const late = expiredAnnouncements(
      [{ ...meeting, year: 2025, status: 'held' }, meeting],
      'm.yaml',
      '2026-11-20',
      yaml,
    );
    expect(late).toEqual([expect.objectContaining({ line: 3, rule: 'dated-statement', severity: 'warning' })]);
    expect(late[0]?.message).toMatch(/2026 meeting is still "announced" after 2026-11-19/);
    expect(exitCodeOf(late)).toBe(0);
  });
});
