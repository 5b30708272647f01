/**
 * Matching, ranking and excerpts over page texts (pure; the browser engine in client.ts feeds
 * it Pagefind's fragments, whichever path it read them by, and unit tests feed it plain objects).
 *
 * A page's text is Pagefind's `content`: the title, then each block, headings included, joined
 * with ". ". Its `anchors` are the article's h2/h3 headings (src/search/index-html.ts), which
 * cut the text into sections: [heading][body] …
 *
 * Ranking, in order of weight:
 * 1. coverage: the share of the query's content words a page contains, each word weighted by
 *    how rare it is on the site (a word on every page says little). Pages with every word are
 *    full matches; only when there are none are partial matches shown (and labelled so). In a
 *    term query (not a question), a page with only the term's words scattered does not match
 *    when other pages hold the term as typed.
 * 2. an exact title or heading match of any form of the query puts that page first;
 * 3. words in the title or a heading outweigh words in the body (a word on every page, such
 *    as APEC, does not count there when the query has words that say more), and words together
 *    in one section outweigh words scattered over the page; in a question, words the reader
 *    typed next to each other count when a page has them together (more in a heading), and a
 *    heading asking the reader's why or how about a query word counts as a heading match;
 * 4. reference pages (glossary, sources, timeline: `isReference`) count for less unless the
 *    query names them (a word of the query in their title, or an exact heading match).
 */
import { ASKING, findAll, hasCjk, lowerSameLength, markText, type ParsedQuery, type ParsedTerm } from './query';

export interface PageText {
  url: string;
  title: string;
  content: string;
  anchors?: readonly { element?: string; id?: string; text?: string }[] | undefined;
}

export interface Section {
  /** Heading id ('' for the text before the first heading). */
  id: string;
  title: string;
  headingStart: number;
  bodyStart: number;
  end: number;
}

interface Prepared {
  lower: string;
  lowerTitle: string;
  sections: Section[];
}

const prepared = new WeakMap<PageText, Prepared>();

/** Skip the ". " Pagefind puts after a heading (and any spaces). */
const skipJoin = (text: string, at: number): number => {
  let i = at;
  while (i < text.length && (text[i] === '.' || text[i] === ' ')) i++;
  return i;
};

/**
 * Where a heading's text stands as a block of its own (after a block break, before ". "), not
 * where the same words occur inside a paragraph or a chart above it.
 */
function headingAt(lower: string, text: string, from: number): number {
  let loose = -1;
  for (let at = lower.indexOf(text, from); at >= 0; at = lower.indexOf(text, at + 1)) {
    if (loose < 0) loose = at;
    const end = at + text.length;
    const before = at === 0 || lower[at - 1] === ' ';
    const after = end === lower.length || lower.startsWith('. ', end) || lower[end] === '.';
    if (before && after) return at;
  }
  return loose;
}

function prepare(page: PageText): Prepared {
  let value = prepared.get(page);
  if (value) return value;
  const lower = lowerSameLength(page.content);
  const lowerTitle = lowerSameLength(page.title);
  const sections: Section[] = [];
  const titleAt = lower.startsWith(lowerTitle) && lowerTitle ? skipJoin(page.content, lowerTitle.length) : 0;
  sections.push({ id: '', title: page.title, headingStart: 0, bodyStart: titleAt, end: page.content.length });
  let cursor = titleAt;
  for (const anchor of page.anchors ?? []) {
    const text = typeof anchor.text === 'string' ? anchor.text.trim() : '';
    if (typeof anchor.id !== 'string' || !anchor.id || !text || anchor.element === 'h1') continue;
    const at = headingAt(lower, lowerSameLength(text), cursor);
    if (at < 0) continue;
    const previous = sections[sections.length - 1] as Section;
    previous.end = at;
    const bodyStart = skipJoin(page.content, at + text.length);
    sections.push({ id: anchor.id, title: text, headingStart: at, bodyStart, end: page.content.length });
    cursor = bodyStart;
  }
  value = { lower, lowerTitle, sections };
  prepared.set(page, value);
  return value;
}

export function sectionsOf(page: PageText): readonly Section[] {
  return prepare(page).sections;
}

/** Index of the section holding position `at`. */
function sectionAt(sections: readonly Section[], at: number): number {
  let index = 0;
  for (let i = 0; i < sections.length; i++) if ((sections[i] as Section).headingStart <= at) index = i;
  return index;
}

/** How one term of the query occurs on one page. */
export interface TermOnPage {
  /** 1 = some form occurs as typed; 0.7 = all its parts occur; 0.6 = all its content words; 0 = not. */
  strength: number;
  /** The strings found (for highlighting). */
  needles: string[];
  /** Positions found (capped), in text order. */
  positions: number[];
  inTitle: boolean;
  /** Sections (indexes) where it occurs in the heading. */
  headings: Set<number>;
  /** Sections (indexes) where it occurs at all. */
  sections: Set<number>;
  /** Occurrences of the term's primary forms (as typed, or the site's preferred form). */
  primary: number;
  /** A primary form is in the title / in a heading. */
  primaryTitle: boolean;
  primaryHeading: boolean;
  /** A multi-word term found as typed (its words together). */
  phrase?: boolean;
}

const NOT_FOUND: TermOnPage = {
  strength: 0,
  needles: [],
  positions: [],
  inTitle: false,
  headings: new Set(),
  sections: new Set(),
  primary: 0,
  primaryTitle: false,
  primaryHeading: false,
};

/**
 * The closing 「延伸閱讀」 section (README: every page ends with one) lists links to other pages:
 * a word there says what the page points to, not what it is about.
 */
const FURTHER_READING = new Set(['延伸閱讀', '延伸阅读']);
const isFurtherReading = (section: Section | undefined): boolean => !!section && FURTHER_READING.has(section.title);

/** Occurrences of any of `alternatives`; null when none occurs (in text or title). */
function occurrences(
  page: PageText,
  alternatives: readonly string[],
  primaryForms?: ReadonlySet<string>,
): TermOnPage | null {
  const { lower, lowerTitle, sections } = prepare(page);
  const needles: string[] = [];
  const positions: number[] = [];
  let inTitle = false;
  let primary = 0;
  let primaryTitle = false;
  let primaryHeading = false;
  for (const alternative of alternatives) {
    const needle = alternative.toLowerCase();
    const found = findAll(lower, needle, 100);
    const titled = findAll(lowerTitle, needle, 1).length > 0;
    if (found.length === 0 && !titled) continue;
    needles.push(alternative);
    positions.push(...found);
    inTitle ||= titled;
    if (primaryForms?.has(needle)) {
      primaryTitle ||= titled;
      for (const at of found) {
        const section = sections[sectionAt(sections, at)] as Section;
        if (isFurtherReading(section)) continue;
        primary++;
        if (section.id && at < section.bodyStart) primaryHeading = true;
      }
    }
  }
  if (needles.length === 0) return null;
  positions.sort((a, b) => a - b);
  const headings = new Set<number>();
  const inSections = new Set<number>();
  for (const at of positions) {
    const index = sectionAt(sections, at);
    const section = sections[index] as Section;
    if (isFurtherReading(section)) continue;
    inSections.add(index);
    if (index > 0 && at < section.bodyStart) headings.add(index);
  }
  return {
    strength: 1,
    needles,
    positions,
    inTitle,
    headings,
    sections: inSections,
    primary,
    primaryTitle,
    primaryHeading,
  };
}

/** Every group (part or word) must occur; the union of their occurrences. */
function allOf(page: PageText, groups: readonly string[][], strength: number): TermOnPage | null {
  if (groups.length === 0) return null;
  // Each word's primary forms: the site's preferred form (first) and the word as typed (last).
  const found = groups.map((group) =>
    occurrences(
      page,
      group,
      new Set([group[0] ?? '', group[group.length - 1] ?? ''].map((form) => form.toLowerCase())),
    ),
  );
  if (found.some((hit) => hit === null)) return null;
  const hits = found as TermOnPage[];
  const headings = new Set<number>();
  const sections = new Set<number>();
  // A section counts when every group occurs in it.
  const first = hits[0] as TermOnPage;
  for (const index of first.sections) if (hits.every((hit) => hit.sections.has(index))) sections.add(index);
  for (const index of first.headings) if (hits.every((hit) => hit.headings.has(index))) headings.add(index);
  return {
    strength,
    needles: hits.flatMap((hit) => hit.needles),
    positions: hits.flatMap((hit) => hit.positions).sort((a, b) => a - b),
    inTitle: hits.every((hit) => hit.inTitle),
    headings,
    sections: sections.size > 0 ? sections : new Set(hits.flatMap((hit) => [...hit.sections])),
    primary: Math.min(...hits.map((hit) => hit.primary)),
    primaryTitle: hits.every((hit) => hit.primaryTitle),
    primaryHeading: headings.size > 0 && hits.every((hit) => hit.primaryHeading),
  };
}

export function matchTerm(page: PageText, term: ParsedTerm): TermOnPage {
  const primary = new Set([term.typed, term.alternatives[0] ?? '', ...term.primary].map((form) => form.toLowerCase()));
  const exact = occurrences(page, term.alternatives, primary);
  if (term.quoted) return exact ?? NOT_FOUND;
  const loose = allOf(page, term.parts, 0.7) ?? allOf(page, term.words, 0.6);
  if (exact && loose) {
    // The words as typed, together (「秘書處設」): a phrase match, and the words' own
    // title, heading and frequency signals too.
    return {
      strength: 1,
      needles: [...new Set([...exact.needles, ...loose.needles])],
      positions: [...new Set([...exact.positions, ...loose.positions])].sort((a, b) => a - b),
      inTitle: exact.inTitle || loose.inTitle,
      headings: new Set([...exact.headings, ...loose.headings]),
      sections: new Set([...exact.sections, ...loose.sections]),
      primary: Math.max(exact.primary, loose.primary),
      primaryTitle: exact.primaryTitle || loose.primaryTitle,
      primaryHeading: exact.primaryHeading || loose.primaryHeading,
      phrase: true,
    };
  }
  return exact ?? loose ?? NOT_FOUND;
}

const BM25_K1 = 1.2;
const BM25_B = 0.75;
/** Weight of the best section's score (0–1) against coverage (×10). */
const BEST_SECTION = 6;

/** Text without spaces and punctuation, lower-cased: for "is this heading exactly the query". */
const bare = (text: string): string => lowerSameLength(text).replace(/[\s\p{P}\p{S}]/gu, '');

export interface RankInput<P extends PageText> {
  page: P;
  /** Pagefind's own score, normalised to [0, 1] (0 on the direct path). */
  pagefind: number;
  reference: boolean;
}

export interface Ranked<P extends PageText> {
  page: P;
  score: number;
  /** Share of the query's (weighted) content words on the page, 0–1. */
  coverage: number;
  /** The same, counting only words found in the form typed or the site's own (not an alias: 漢城 for 首爾). */
  typedCover: number;
  terms: TermOnPage[];
  /** Strings to highlight on this page. */
  needles: string[];
  /** The section the page is most about for this query (index into sectionsOf(page)). */
  bestSection: number;
}

export interface RankOutcome<P extends PageText> {
  ranked: Ranked<P>[];
  /** No page has every content word: these are the best partial matches. */
  partial: boolean;
}

/**
 * Rank pages for a parsed query. Returns nothing when a required word occurs on no page
 * (words the site never uses give no result), except in a question, where such words are
 * dropped as long as one content word remains (and the result is then partial).
 */
export function rank<P extends PageText>(
  query: ParsedQuery,
  inputs: readonly RankInput<P>[],
  /** Pages on the site (for rarity): more than `inputs` when the index picked the candidates. */
  siteSize = inputs.length,
): RankOutcome<P> {
  const terms = query.terms;
  if (terms.length === 0 || inputs.length === 0) return { ranked: [], partial: false };
  const matches = inputs.map((input) => terms.map((term) => matchTerm(input.page, term)));
  // A term, not a question: when some page holds the term as typed (in any of its forms), a
  // page with only its words scattered (經濟 for 經濟體, 支援 … 小組 for 支援小組) does not
  // match it. The looser matches are for words no page holds together.
  if (!query.question) {
    terms.forEach((_, t) => {
      if (!matches.some((found) => (found[t] as TermOnPage).strength === 1)) return;
      for (const found of matches) if ((found[t] as TermOnPage).strength < 1) found[t] = NOT_FOUND;
    });
  }
  const optional = inputs.map((input) =>
    terms.map((term) => term.optional.filter((alternatives) => occurrences(input.page, alternatives) !== null).length),
  );
  const pages = Math.max(siteSize, inputs.length);
  const df = terms.map((_, t) => matches.filter((m) => (m[t] as TermOnPage).strength > 0).length);
  let required = terms.map((term, t) => !term.weak && (df[t] as number) > 0);
  let partial = false;
  const missing = terms.some((term, t) => !term.weak && df[t] === 0);
  if (missing) {
    if (!query.question || !required.some(Boolean)) return { ranked: [], partial: false };
    partial = true;
  }
  if (!required.some(Boolean)) required = terms.map((_, t) => (df[t] as number) > 0);
  if (!required.some(Boolean)) return { ranked: [], partial: false };
  // Rarer words weigh more (idf), normalised so the required words sum to 1.
  // In a question, names (glossary forms, Latin words, numbers) say what it is about; common
  // words (成立, 舉行) only which part of it.
  const idf = df.map((n, t) => {
    const value = Math.max(0.02, Math.log((pages + 1) / Math.max(n, 0.5)));
    if (!query.question) return value;
    const term = terms[t] as ParsedTerm;
    // A name other than the site's own (APEC is on every page) is what the question is about.
    return term.name ? (n < pages ? Math.max(value, 0.8) : value) : value * 0.5;
  });
  const total = terms.reduce((sum, _, t) => sum + (required[t] ? (idf[t] as number) : 0), 0);
  const weight = idf.map((w, t) => (required[t] ? w / total : 0));
  // A word on every page (APEC on this site) in a title or heading says nothing about which
  // page answers, when the query has words that do.
  const everywhere = df.map((n) => n >= pages);
  const telling = terms.some((_, t) => required[t] && !everywhere[t]);
  const titled = (t: number) => !(telling && everywhere[t]);
  // Words the reader typed next to each other (創始成員, 第一次部長級會議), as pairs of terms.
  // (Spaces do not part words; punctuation does.)
  const typed = lowerSameLength(query.reading ?? query.normalized).replace(/\s+/gu, '');
  const adjacent = terms
    .map((_, t) => t)
    .filter((t) => {
      const a = terms[t] as ParsedTerm;
      const b = terms[t + 1];
      if (b === undefined || !required[t] || !required[t + 1] || !titled(t) || !titled(t + 1)) return false;
      return typed.includes(`${bare(a.text)}${bare(b.text)}`);
    });
  const whole = terms.length === 1 || !query.question ? new Set(wholeForms(query).map(bare)) : new Set<string>();
  const parts = new Set(
    terms
      .filter((_, t) => required[t])
      .flatMap((term) => [...term.alternatives, ...term.words.flat()])
      .map(bare)
      .filter((form) => form.length >= 2),
  );

  let sectionCount = 0;
  let sectionChars = 0;
  for (const input of inputs) {
    for (const section of prepare(input.page).sections) {
      sectionCount++;
      sectionChars += section.end - section.headingStart;
    }
  }
  const averageLength = Math.max(1, sectionChars / Math.max(1, sectionCount));

  const ranked: Ranked<P>[] = inputs.map((input, p) => {
    const found = matches[p] as TermOnPage[];
    const { sections } = prepare(input.page);
    let coverage = 0;
    let titleCover = 0;
    let headingCover = 0;
    let frequency = 0;
    let phrase = 0;
    let typedCover = 0;
    terms.forEach((_, t) => {
      const hit = found[t] as TermOnPage;
      const w = weight[t] as number;
      if (hit.strength === 0 || w === 0) return;
      coverage += w;
      // (Latin input is a name in another language: every Chinese form of it counts as typed,
      // another Latin form does not: APEC for Asia-Pacific Economic Cooperation.)
      const latin = !hasCjk((terms[t] as ParsedTerm).text);
      if (hit.primary > 0 || hit.primaryTitle || (latin && hit.needles.some(hasCjk))) typedCover += w;
      // Title and headings: full weight for the form typed (or the site's own), half for an alias.
      if (!titled(t)) {
        // (in neither)
      } else if (hit.inTitle) titleCover += w * hit.strength * (hit.primaryTitle ? 1 : 0.5);
      else if (hit.headings.size > 0) headingCover += w * hit.strength * (hit.primaryHeading ? 1 : 0.5);
      const body = hit.positions.filter((at) => !isFurtherReading(sections[sectionAt(sections, at)])).length;
      if (hit.phrase) phrase += w;
      frequency += w * (Math.log1p(hit.primary) + 0.5 * Math.log1p(Math.max(0, body - hit.primary)));
    });
    // The passage that answers: BM25 over the page's sections (a heading counts twice, the
    // page title once for every section), best section, normalised to 0–1.
    let bestSection = 0;
    let bestCover = 0;
    sections.forEach((section, index) => {
      if (isFurtherReading(section)) return;
      const length = Math.max(1, section.end - section.headingStart);
      let value = 0;
      terms.forEach((_, t) => {
        const hit = found[t] as TermOnPage;
        const w = weight[t] as number;
        if (hit.strength === 0 || w === 0) return;
        let tf = hit.inTitle ? 1 : 0;
        for (const at of hit.positions) {
          if (at < section.headingStart || at >= section.end) continue;
          tf += index > 0 && at < section.bodyStart ? 2 : 1;
        }
        if (tf === 0) return;
        value +=
          (w * hit.strength * (tf * (BM25_K1 + 1))) / (tf + BM25_K1 * (1 - BM25_B + (BM25_B * length) / averageLength));
      });
      value /= BM25_K1 + 1;
      if (value > bestCover) {
        bestCover = value;
        bestSection = index;
      }
    });
    const exactHeading = sections.some((section, index) => index > 0 && whole.has(bare(section.title)));
    const exactTitle = whole.has(bare(input.page.title));
    // In a longer query, a heading that is exactly one of its names (「資深官員會議一年開幾次」).
    const wordHeading = sections.some(
      (section, index) => index > 0 && !isFurtherReading(section) && parts.has(bare(section.title)),
    );
    // A heading asking the reader's why or how about one of the query's words (為何稱為「經濟體」).
    const asking = query.asks ? ASKING[query.asks] : undefined;
    const asksHeading =
      !!asking &&
      sections.some(
        (section, index) =>
          index > 0 &&
          !isFurtherReading(section) &&
          asking.test(section.title) &&
          terms.some((_, t) => weight[t] !== 0 && titled(t) && (found[t] as TermOnPage).headings.has(index)),
      );
    const optionalHits = (optional[p] as number[]).reduce((sum, n) => sum + n, 0);
    // The reader's adjacent words together on the page, in any of their forms (首屆部長級會議).
    const { lower } = prepare(input.page);
    let together = 0;
    for (const t of adjacent) {
      const first = found[t] as TermOnPage;
      const second = found[t + 1] as TermOnPage;
      const at: number[] = [];
      for (const a of first.needles)
        for (const b of second.needles)
          for (const joined of [a + b, `${a} ${b}`]) at.push(...findAll(lower, joined.toLowerCase(), 20));
      const body = at.filter((position) => !isFurtherReading(sections[sectionAt(sections, position)]));
      if (body.length === 0) continue;
      // More often together counts for more (up to twice); together in a heading, twice more.
      const pair = (weight[t] as number) + (weight[t + 1] as number);
      together += pair * Math.min(2, 1 + Math.log2(body.length) / 2);
      const inHeading = body.some((position) => {
        const section = sections[sectionAt(sections, position)] as Section;
        return section.id !== '' && position < section.bodyStart;
      });
      if (inHeading) together += 2 * pair;
    }
    let score =
      10 * coverage +
      6 * titleCover +
      2.5 * headingCover +
      BEST_SECTION * bestCover +
      0.6 * frequency +
      2 * phrase +
      2 * together +
      0.3 * Math.min(optionalHits, 3) +
      (exactTitle || exactHeading ? 30 : wordHeading || asksHeading ? 4 : 0) +
      0.2 * input.pagefind;
    // A reference page lists everything; it comes after the page that explains, unless named.
    if (input.reference && !(titleCover > 0 || exactHeading || exactTitle)) score *= 0.45;
    const needles = [...new Set(found.flatMap((hit) => hit.needles))];
    return {
      page: input.page,
      score,
      coverage,
      typedCover: Math.round(typedCover * 1000) / 1000,
      terms: found,
      needles,
      bestSection: Math.max(0, bestSection),
    };
  });
  for (const entry of ranked) entry.coverage = Math.round(entry.coverage * 1000) / 1000;
  const full = ranked.filter((entry) => entry.coverage >= 0.999);
  let shown: Ranked<P>[];
  // A question's words are the reader's, not the page's (參加 for 參與, 開始 for 始於): a page
  // with most of them, together, may answer better than one with all of them scattered.
  const byScore = query.question;
  const names = terms.map((term, t) => term.name && required[t]);
  const hasAllNames = (entry: Ranked<P>) =>
    names.some(Boolean) && entry.terms.every((hit, t) => !names[t] || hit.strength > 0);
  if (full.length > 0) shown = byScore ? ranked.filter((entry) => entry.coverage >= 0.6 || hasAllNames(entry)) : full;
  else {
    partial = true;
    const best = Math.max(...ranked.map((entry) => entry.coverage));
    shown = ranked.filter((entry) => entry.coverage > 0 && entry.coverage >= best / 2);
  }
  shown.sort(
    (a, b) =>
      (byScore ? 0 : b.coverage - a.coverage || b.typedCover - a.typedCover) ||
      b.score - a.score ||
      (a.page.url < b.page.url ? -1 : a.page.url > b.page.url ? 1 : 0),
  );
  return { ranked: shown, partial };
}

/** Forms of the whole query (for "a title or heading is exactly the query"). */
function wholeForms(query: ParsedQuery): string[] {
  if (query.terms.length === 1) return (query.terms[0] as ParsedTerm).alternatives;
  return [query.terms.map((term) => term.text).join('')];
}

/* ------------------------------------------------------------------ excerpts */

/** About two lines of the results list. */
export const EXCERPT_CHARS = 76;
const BEFORE_MAX = 28;
const SENTENCE_END = new Set(['。', '！', '？', '!', '?', '；', ';']);
const CLAUSE_END = new Set(['，', '、', '：', ':', ',', '；', ';', '）', '」', '』', '》']);
const WORD_CHAR = /[\p{L}\p{N}]/u;
const HAN_OR_PUNCT = /[\p{Script=Han}\s\p{P}]/u;

/** True when a cut between text[at-1] and text[at] would split a number or a Latin word. */
function insideWord(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  const before = text[at - 1] as string;
  const after = text[at] as string;
  return WORD_CHAR.test(before) && WORD_CHAR.test(after) && !HAN_OR_PUNCT.test(before) && !HAN_OR_PUNCT.test(after);
}

/** A ". " Pagefind put between blocks (not a decimal point or an abbreviation's dot). */
const blockJoin = (text: string, at: number): boolean =>
  text[at] === '.' && text[at + 1] === ' ' && !/[A-Za-z0-9]/.test(text[at - 1] ?? '');

/**
 * About two lines of `text` around position `at`, within [lo, hi): starting at the sentence
 * (or, if that is long, the clause) holding the match, ending at a sentence or clause end,
 * never inside a number or a Latin word; every needle marked. Safe HTML (escaped + <mark>).
 */
export function excerpt(text: string, at: number, needles: readonly string[], lo = 0, hi = text.length): string {
  const target = Math.min(Math.max(at, lo), Math.max(lo, hi - 1));
  // Start: the sentence start before the match, or a clause start if the sentence began long ago.
  let start = lo;
  for (let i = target - 1; i >= lo; i--) {
    if (SENTENCE_END.has(text[i] as string) || blockJoin(text, i)) {
      start = i + 1;
      break;
    }
  }
  let clipped = false;
  if (target - start > BEFORE_MAX) {
    let clause = -1;
    for (let i = target - 1; i >= target - BEFORE_MAX && i > start; i--) {
      if (CLAUSE_END.has(text[i] as string)) {
        clause = i + 1;
        break;
      }
    }
    if (clause < 0) {
      clause = target - Math.floor(BEFORE_MAX / 2);
      while (clause < target && insideWord(text, clause)) clause++;
    }
    start = clause;
    clipped = true;
  }
  while (start < hi && /[\s.]/.test(text[start] as string)) start++;
  // End: the last sentence end within the budget; else a clause end; else a word boundary.
  const limit = Math.min(hi, start + EXCERPT_CHARS);
  let end = -1;
  let clauseEnd = -1;
  let depth = 0;
  for (let i = start; i < limit; i++) {
    const ch = text[i] as string;
    if (ch === '（' || ch === '(' || ch === '「' || ch === '《') depth++;
    else if ((ch === '）' || ch === ')' || ch === '」' || ch === '》') && depth > 0) depth--;
    // Never end inside brackets or quotes (「…（ABAC；」).
    if (depth > 0 && !blockJoin(text, i)) continue;
    if (SENTENCE_END.has(ch)) end = i + 1;
    else if (blockJoin(text, i)) end = i;
    else if (CLAUSE_END.has(ch) && i > target) clauseEnd = i + 1;
  }
  const matchEnd = target + 1;
  let truncated = false;
  if (end <= matchEnd) {
    if (limit >= hi) end = hi;
    else if (clauseEnd > matchEnd) {
      end = clauseEnd;
      truncated = true;
    } else {
      end = limit;
      while (end > matchEnd && insideWord(text, end)) end--;
      truncated = true;
    }
  }
  let body = text.slice(start, end).replace(/\s+/gu, ' ').trim();
  // A clause cut ends on its comma: show the ellipsis instead.
  if (truncated) body = body.replace(/[，、：:,；;]$/u, '');
  const lead = clipped ? '…' : '';
  return `${lead}${markText(body, needles)}${truncated ? '…' : ''}`;
}
