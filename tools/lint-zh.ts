/**
 * Chinese copy lint for content/*.md(x): full-width punctuation, 「」 quotes, one half-width
 * space between CJK and Latin letters or digits (`1989 年`, `APEC 的`), no space next to
 * full-width punctuation, and Taiwan usage (a Hong Kong / mainland form may appear only inside
 * the full-width parentheses right after the Taiwan form, e.g. `東協（東盟）`).
 *
 * 臺 or 台: the site writes 臺 (臺灣, 中華臺北, as in APEC's own Chinese name for the member);
 * a 台 in those words is an error. Proper names that use 台 (台積電) are not affected.
 *
 * Dated statements: text that is true only until a date (「預定於 2026 年 11 月舉行」) is
 * wrapped in `<span data-until="2026-11">…</span>` and says its as-of date in words; once the
 * lint runs after that date (end of the month or year when the day is left out) it fails, as
 * it does for a timeline entry still marked `scheduled` after its date: readers must never see
 * a past meeting announced as coming. A meeting in src/data/meetings.yaml still `announced`
 * after its last day only gets a warning: the table says what was announced, which stays
 * true, but the outcome is worth looking up.
 *
 * Usage: node tools/lint-zh.ts [file ...]   (default: every content/**\/*.md(x))
 * Prints `file:line: [rule] message`; exits 1 on any error, 0 with warnings only.
 * Erasable TypeScript only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadData } from '../src/lib/data';
import type { Meeting } from '../src/data/schemas';
import { isRunAsScript } from './run-as-script';

export interface Problem {
  file: string;
  line: number;
  rule: 'half-width-punctuation' | 'quotes' | 'spacing' | 'banned-term' | 'seed-error' | 'spelling' | 'dated-statement';
  message: string;
  /** Warnings are printed but do not fail the lint. */
  severity?: 'error' | 'warning' | undefined;
}

/** 台 where the site writes 臺: 臺灣 and 中華臺北 (not 台積電 or a quoted 「中國台北」). */
const TAI = /台灣|中華台北/gu;

const CJK = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const FULL_PUNCT = '，。、；：？！（）「」『』《》〈〉';
const HALF_PUNCT_NEXT_TO_CJK = new RegExp(`[${CJK}][,.:;?!()]|[,:;?!()][${CJK}]`, 'gu');
const CURLY_QUOTES = /[“”‘’]/gu;
const STRAIGHT_QUOTE_CJK = new RegExp(`[${CJK}]"|"[${CJK}]|"[^"]*[${CJK}][^"]*"`, 'gu');
const MISSING_SPACE = new RegExp(`[${CJK}][A-Za-z0-9]|[A-Za-z0-9][${CJK}]`, 'gu');
const SPACE_NEXT_TO_FULL = new RegExp(`[ \\t\\u00a0][${FULL_PUNCT}]|[${FULL_PUNCT}][ \\t\\u00a0]`, 'gu');

/**
 * Forms that are not another name in src/data/glossary.yaml or members.yaml but must not
 * appear either → the Taiwan forms they may follow in parentheses.
 */
const OTHER_BANNED: Readonly<Record<string, readonly string[]>> = {
  漢城: ['首爾'], // Seoul's former name (the 1991 漢城宣言 keeps it)
  布特拉加亞: ['太子城願景'], // the mainland name of the Putrajaya Vision, without its year
  南韓: ['韓國'], // APEC's name for the member is Korea (韓國); 南韓 is colloquial
  執行主任: ['執行長'], // Wikipedia's name for the post; Taiwan's foreign ministry writes 執行長
};

/**
 * Non-Taiwan forms → the Taiwan forms they may follow in parentheses: every Hong Kong and
 * mainland form in the glossary and the member list that is not also a Taiwan form of the
 * same entry, plus OTHER_BANNED.
 */
export function bannedTerms(
  entries: readonly { tw: string; twAlt?: readonly string[]; hk?: readonly string[]; cn?: readonly string[] }[],
): Record<string, readonly string[]> {
  const banned: Record<string, string[]> = {};
  for (const entry of entries) {
    const taiwan = [entry.tw, ...(entry.twAlt ?? [])];
    for (const form of [...(entry.hk ?? []), ...(entry.cn ?? [])]) {
      if (taiwan.includes(form)) continue;
      banned[form] = [...new Set([...(banned[form] ?? []), ...taiwan])];
    }
  }
  return { ...banned, ...OTHER_BANNED };
}

let banned: Record<string, readonly string[]> | undefined;
/** The banned forms of the current data files (read once). */
const BANNED = () => {
  const { glossary, members } = loadData();
  return (banned ??= bannedTerms([...glossary, ...members]));
};

/** Seed errors that must not come back (fact sheet §7). */
const SEED_ERRORS: readonly (readonly [RegExp, string])[] = [
  [/現城/gu, '「現城」是錯字，應為「現稱」'],
  [/十幾年/gu, '「十幾年」已過時：APEC 成立於 1989 年'],
  [/多邊貿易體(?![制系])/gu, '「多邊貿易體」不完整，應為「多邊貿易體制」'],
  [/亞太經合(?![組會])/gu, '名稱不完整，應為「亞太經合會」或「亞太經合組織」'],
  [/一體化程序/gu, '「程序」應為「進程」'],
];

/** A name or title given in 「」 or 《》 (not nested). */
const QUOTED = /「[^「」]*」|《[^《》]*》/gu;

/** Is the banned form at `index` inside `（…）` that directly follows one of `allowed`? */
export function insideGloss(text: string, index: number, allowed: readonly string[]): boolean {
  let depth = 0;
  for (let i = index - 1; i >= 0; i -= 1) {
    const char = text[i];
    if (char === '）') depth += 1;
    else if (char === '（') {
      if (depth === 0) {
        const before = text.slice(0, i);
        return allowed.some((form) => before.endsWith(form));
      }
      depth -= 1;
    }
  }
  return false;
}

/** Problems of one line of prose (already stripped of Markdown syntax). */
export function lintLine(text: string, file: string, line: number): Problem[] {
  const problems: Problem[] = [];
  const add = (rule: Problem['rule'], message: string) => problems.push({ file, line, rule, message });
  for (const match of text.matchAll(HALF_PUNCT_NEXT_TO_CJK))
    add('half-width-punctuation', `half-width punctuation next to Chinese: "${match[0]}"`);
  for (const match of text.matchAll(CURLY_QUOTES)) add('quotes', `use 「」 instead of ${match[0]}`);
  for (const match of text.matchAll(STRAIGHT_QUOTE_CJK))
    add('quotes', `use 「」 instead of straight quotes: ${match[0].slice(0, 20)}`);
  for (const match of text.matchAll(MISSING_SPACE))
    add('spacing', `missing space between Chinese and Latin/digit: "${match[0]}"`);
  for (const match of text.matchAll(SPACE_NEXT_TO_FULL))
    add('spacing', `no space next to full-width punctuation: "${match[0]}"`);
  const quoted = [...text.matchAll(QUOTED)].map((match) => [match.index, match.index + match[0].length] as const);
  for (const [term, allowed] of Object.entries(BANNED())) {
    for (let index = text.indexOf(term); index !== -1; index = text.indexOf(term, index + term.length)) {
      if (term === '漢城' && text.startsWith('宣言', index + term.length)) continue;
      if (allowed.length > 0 && insideGloss(text, index, allowed)) continue;
      // Quoted, the form is mentioned (「香港稱『…』」, a document's mainland title), not used.
      if (quoted.some(([start, end]) => start < index && index + term.length < end)) continue;
      add(
        'banned-term',
        allowed.length > 0
          ? `「${term}」: use 「${allowed[0]}」 (「${term}」 only in （） right after 「${allowed[0]}」)`
          : `「${term}」 is not allowed`,
      );
    }
  }
  for (const match of text.matchAll(TAI))
    add('spelling', `「${match[0]}」: the site writes 臺 (「${match[0].replace('台', '臺')}」)`);
  for (const [pattern, message] of SEED_ERRORS) {
    const count = [...text.matchAll(pattern)].length;
    for (let i = 0; i < count; i += 1) add('seed-error', message);
  }
  return problems;
}

/** Strip the Markdown syntax that is not copy: footnote refs, link targets, code, emphasis. */
export function proseOf(line: string): string {
  return line
    .replace(/`[^`]*`/g, ' ')
    .replace(/\[\^[^\]]+\]/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<https?:[^>]+>/g, ' ')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/\*\*|__/g, '')
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/^\s*>\s?/, '')
    .replace(/^\s*(?:[-*+]|\d+\.)\s+/, '')
    .trim();
}

/** Lint a whole Markdown / MDX file. */
export function lintZh(text: string, file: string): Problem[] {
  const problems: Problem[] = [];
  const lines = text.split(/\r?\n/);
  let inFrontmatter = lines[0] === '---';
  let inFence = false;
  let inComment = false;
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (inFrontmatter) {
      if (index > 0 && raw === '---') inFrontmatter = false;
      const field = /^\s*(?:title|description|label):\s*(.+)$/.exec(raw);
      if (field?.[1]) problems.push(...lintLine(field[1].replace(/^(['"])(.*)\1$/, '$2'), file, line));
      return;
    }
    if (/^\s*(```|~~~)/.test(raw)) {
      inFence = !inFence;
      return;
    }
    if (inFence) return;
    if (inComment || raw.includes('<!--')) {
      inComment = !raw.includes('-->');
      return;
    }
    if (/^\s*(import|export)\s/.test(raw) || /^\s*<\/?[A-Za-z]/.test(raw)) return;
    const footnote = /^\[\^[^\]]+\]:\s*(.*)$/.exec(raw);
    if (footnote) {
      const note = /：(.*)$/.exec(footnote[1] ?? '');
      if (note?.[1]) problems.push(...lintLine(proseOf(note[1]), file, line));
      return;
    }
    if (/^\s*\|/.test(raw)) {
      if (/^\s*\|[\s:|-]+\|?\s*$/.test(raw)) return;
      for (const cell of raw.split('|')) problems.push(...lintLine(proseOf(cell), file, line));
      return;
    }
    problems.push(...lintLine(proseOf(raw), file, line));
  });
  return problems;
}

/** The last day a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date covers, as `YYYY-MM-DD`. */
export function periodEnd(date: string): string {
  const [year = 0, month, day] = date.split('-').map(Number);
  if (day !== undefined && month !== undefined) return date;
  const end = month === undefined ? new Date(Date.UTC(year, 12, 0)) : new Date(Date.UTC(year, month, 0));
  return end.toISOString().slice(0, 10);
}

const UNTIL = /data-until="(\d{4}(?:-\d{2}){0,2})"/g;

/** Errors for `data-until` statements whose date has passed on `today` (YYYY-MM-DD). */
export function expiredStatements(text: string, file: string, today: string): Problem[] {
  const problems: Problem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    for (const match of raw.matchAll(UNTIL)) {
      const until = match[1]!;
      if (today > periodEnd(until)) {
        problems.push({
          file,
          line: index + 1,
          rule: 'dated-statement',
          severity: 'error',
          message: `statement valid until ${until} is out of date: check what happened and rewrite it`,
        });
      }
    }
  });
  return problems;
}

/** Errors for timeline entries still `scheduled: true` after their date (src/data/timeline.yaml). */
export function expiredSchedule(yamlText: string, file: string, today: string): Problem[] {
  const problems: Problem[] = [];
  let date: string | undefined;
  let dateLine = 0;
  yamlText.split(/\r?\n/).forEach((raw, index) => {
    const dated = /^-\s+date:\s*'?(\d{4}(?:-\d{2}){0,2})'?\s*$/.exec(raw);
    if (dated) {
      date = dated[1];
      dateLine = index + 1;
    }
    if (date && /^\s+scheduled:\s*true\s*$/.test(raw) && today > periodEnd(date)) {
      problems.push({
        file,
        line: dateLine,
        rule: 'dated-statement',
        severity: 'error',
        message: `entry ${date} is still marked scheduled after its date: record what happened`,
      });
    }
  });
  return problems;
}

/** Warnings for meetings still `announced` after their last day (src/data/meetings.yaml). */
export function expiredAnnouncements(
  meetings: readonly Pick<Meeting, 'year' | 'status' | 'dates'>[],
  file: string,
  today: string,
  /** The file's text, to name the entry's line. */
  text = '',
): Problem[] {
  const lines = text.split(/\r?\n/);
  return meetings.flatMap((meeting) => {
    const line = lines.findIndex((raw) => raw.trim() === `- year: ${meeting.year}`) + 1;
    const last = meeting.dates?.end ?? meeting.dates?.start ?? String(meeting.year);
    if (meeting.status !== 'announced' || today <= periodEnd(last)) return [];
    return [
      {
        file,
        line,
        rule: 'dated-statement' as const,
        severity: 'warning' as const,
        message: `the ${meeting.year} meeting is still "announced" after ${last}: look for a public report of it and record it`,
      },
    ];
  });
}

/** The lint's exit code: 1 when any problem is an error (warnings alone pass). */
export const exitCodeOf = (problems: readonly Problem[]): number =>
  problems.some((problem) => problem.severity !== 'warning') ? 1 : 0;

function contentFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((entry) => /\.mdx?$/.test(entry))
    .map((entry) => join(dir, entry))
    .sort();
}

function main(args: readonly string[]): number {
  const files = args.length > 0 ? [...args] : contentFiles('content');
  const today = new Date().toISOString().slice(0, 10);
  const problems: Problem[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    problems.push(...lintZh(text, file), ...expiredStatements(text, file, today));
  }
  const timeline = 'src/data/timeline.yaml';
  if (args.length === 0 && existsSync(timeline))
    problems.push(...expiredSchedule(readFileSync(timeline, 'utf8'), timeline, today));
  const meetings = 'src/data/meetings.yaml';
  if (args.length === 0 && existsSync(meetings))
    problems.push(...expiredAnnouncements(loadData().meetings, meetings, today, readFileSync(meetings, 'utf8')));
  let errors = 0;
  for (const problem of problems) {
    const warning = problem.severity === 'warning';
    if (!warning) errors += 1;
    console.log(`${problem.file}:${problem.line}: ${warning ? 'warning ' : ''}[${problem.rule}] ${problem.message}`);
  }
  const warnings = problems.length - errors;
  if (errors > 0) console.log(`\n${errors} problem(s) in Chinese copy.`);
  else console.log(`lint-zh: ${files.length} file(s) clean${warnings > 0 ? ` (${warnings} warning(s))` : ''}.`);
  return exitCodeOf(problems);
}

if (isRunAsScript(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
