/**
 * Matching, ranking and excerpts over page texts (pure; the browser engine in client.ts feeds
 * it Pagefind's fragments, whichever path it read them by, and unit tests feed it plain objects).
 *
 * A page's text is Pagefind's `content`: the title, then each block, headings included, joined
 * with ". ". Its `anchors` are the article's h2/h3 headings (src/search/index-html.ts), which
 * cut the text into sections: [heading][body] …
 *
 * Ranking (below, "the ranking model"): each page gets named features (Features) and one score,
 * their weighted sum (WEIGHTS, one reason per weight); every kind of query is sorted by that
 * score. Pages with every content word are shown; in a question, pages with most of them; when
 * no page has every word, the best partial matches (labelled so). Words no page holds are
 * dropped as long as one that says something remains (never empty when the site has an
 * answer); a query the site does not hold as typed is read as a question, each word for itself.
 * The best passage (a section, and in it two sentences with the most words and the kind of
 * answer a question asks for) is where the snippet comes from.
 */
import {
  ASKING,
  findAll,
  GLOSSARY_PAGE,
  hasCjk,
  lowerSameLength,
  markText,
  type AnswerType,
  type ParsedQuery,
  type ParsedTerm,
} from './query';

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
  /** An h3 (a subsection: on a listing page, one kind of what it lists). */
  subsection?: boolean;
}

interface Prepared {
  lower: string;
  lowerTitle: string;
  sections: Section[];
  /** `lower` without short bracketed asides (「東協（東盟）秘書處」 → 東協秘書處), and where each of its characters is in `lower`. */
  unbracketed: { text: string; at: number[] };
}

/** A short aside in full-width brackets: the other regions' name at first mention, an abbreviation. */
const ASIDE = /（[^（）。]{1,16}）/gu;

/** The text without asides, and each remaining character's position in the text. */
function withoutAsides(lower: string): { text: string; at: number[] } {
  let text = '';
  const at: number[] = [];
  let from = 0;
  for (const match of lower.matchAll(ASIDE)) {
    for (let i = from; i < match.index; i++) at.push(i);
    text += lower.slice(from, match.index);
    from = match.index + match[0].length;
  }
  for (let i = from; i < lower.length; i++) at.push(i);
  return { text: text + lower.slice(from), at };
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
    const subsection = anchor.element === 'h3';
    sections.push({ id: anchor.id, title: text, headingStart: at, bodyStart, end: page.content.length, subsection });
    cursor = bodyStart;
  }
  value = { lower, lowerTitle, sections, unbracketed: withoutAsides(lower) };
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
  const { lower, lowerTitle, sections, unbracketed } = prepare(page);
  const needles: string[] = [];
  const positions: number[] = [];
  let inTitle = false;
  let primary = 0;
  let primaryTitle = false;
  let primaryHeading = false;
  for (const alternative of alternatives) {
    const needle = alternative.toLowerCase();
    // (Also across an aside: 「東協（東盟）秘書處」 holds 東協秘書處; the span found is marked too.)
    const spans = findAll(unbracketed.text, needle, 100).map((at): [number, number] => [
      unbracketed.at[at] as number,
      (unbracketed.at[at + needle.length - 1] as number) + 1,
    ]);
    const found = [...new Set([...findAll(lower, needle, 100), ...spans.map(([start]) => start)])];
    const titled = findAll(lowerTitle, needle, 1).length > 0;
    if (found.length === 0 && !titled) continue;
    needles.push(alternative);
    for (const [start, end] of spans) if (end - start > needle.length) needles.push(page.content.slice(start, end));
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

/* ------------------------------------------------------------------ the ranking model */

/**
 * What is known of one page for one query, each feature about 0–1 (`optional` counts up to 3).
 * A page's score is Σ WEIGHTS[feature] × feature, times REFERENCE_FACTOR for a reference page
 * the query does not name when another page holds as many of its words; results are sorted by
 * that score alone, for every kind of query.
 */
export interface Features {
  coverage: number;
  typed: number;
  title: number;
  heading: number;
  explains: number;
  passage: number;
  answer: number;
  frequency: number;
  phrase: number;
  together: number;
  optional: number;
  exact: number;
  namedHeading: number;
  naming: number;
  near: number;
  pagefind: number;
}

/** The ranking model: one weight per feature, and why. */
export const WEIGHTS: Readonly<Record<keyof Features, number>> = {
  /** Share of the query's words on the page, rarer words weighing more: that the page holds them at all. */
  coverage: 6,
  /**
   * A query naming something (not a question): the share of its words found as typed or in the
   * site's own form, not an alias only. 首爾 typed: the pages saying 首爾 before those saying 漢城.
   * (A question's wording is the reader's, not a choice among names: 0 there.)
   */
  typed: 20,
  /** The query's words in the page title: the page is about them. */
  title: 6,
  /** The query's words in a section heading: a section is about them. */
  heading: 2.5,
  /** The page the glossary names as the one explaining the query's main term (its `page`; the term carries at least half the query's weight, and is not a word on every page when others say more). */
  explains: 6,
  /** The best passage (a section, BM25) holds the words together: it answers, not a mention. */
  passage: 6,
  /** The best passage holds the kind of answer asked for (a place for 哪裡, a date for 何時). */
  answer: 3,
  /** The words recur (log of their count): the page dwells on them. */
  frequency: 0.6,
  /** A term of several words found as typed, not only its words scattered. */
  phrase: 2,
  /** Words the reader typed next to each other stand together on the page (more in a heading). */
  together: 2,
  /** Lone characters of the query (年, 開), or loose English words (make), found: a little evidence each. */
  optional: 0.3,
  /** The title or a heading is exactly the query: the page about it comes first. */
  exact: 30,
  /** A heading is exactly one of the query's names, or asks the reader's why or how. */
  namedHeading: 4,
  /**
   * The query asks what a thing is called: the glossary's table of names, holding the name,
   * answers; more than the page explaining the thing gets for naming it (explains + namedHeading).
   */
  naming: 12,
  /**
   * The share of the query's words within a short stretch of text (a list entry, a table row, an
   * answer): with coverage, most of what a page gets for holding the words, so that holding them
   * together counts as much as holding them at all.
   */
  near: 4,
  /** Pagefind's own score (wasm path only): a tie-breaker. */
  pagefind: 0.2,
};

/**
 * A reference page (glossary, sources, timeline) lists everything: after the page that explains,
 * unless its title or a heading names the query, or no other page holds as many of its words.
 */
const REFERENCE_FACTOR = 0.45;
/** In a question, a page with this share of the words (or all its names) is shown: the reader's words are not the page's. */
const QUESTION_COVER = 0.6;
const BM25_K1 = 1.2;
const BM25_B = 0.75;

/** Text without spaces and punctuation, lower-cased: for "is this heading exactly the query". */
const bare = (text: string): string => lowerSameLength(text).replace(/[\s\p{P}\p{S}]/gu, '');

/** What a passage holds when it answers each kind of question (ParsedQuery.wants). */
const ANSWERS: Readonly<Record<AnswerType, RegExp>> = {
  date: /\d{4}\s*年|\d{1,2}\s*月\s*\d{1,2}\s*日|(?<![\d.])(?:19|20)\d{2}(?![\d.])/u,
  place: /在\p{Script=Han}{2,8}(?:舉行|召開|設立|成立|運作|發表|簽署)|設(?:在|於)|位於|總部|首都/u,
  person: /總理|總統|首相|部長|執行長|主席|外長|大使|領袖/u,
  number: /\d+\s*(?:個|位|名|次|項|屆|%|％)|[一二三四五六七八九十兩]+\s*(?:個|位|名|次|項|屆)/u,
};

/** The passage holds the kind of answer the query asks for: its pattern, or one of the site's names of that kind. */
function holdsAnswer(passage: string, query: ParsedQuery): boolean {
  if (!query.wants) return false;
  if (ANSWERS[query.wants].test(passage)) return true;
  return !!query.answerNames?.some((name) => passage.includes(name));
}

export interface RankInput<P extends PageText> {
  page: P;
  /** Pagefind's own score, normalised to [0, 1] (0 on the direct path). */
  pagefind: number;
  reference: boolean;
}

export interface Ranked<P extends PageText> {
  page: P;
  score: number;
  features: Features;
  /** Share of the query's (weighted) content words on the page, 0–1. */
  coverage: number;
  terms: TermOnPage[];
  /** Strings to highlight on this page. */
  needles: string[];
  /** The passage that answers: its section (index into sectionsOf(page)) … */
  bestSection: number;
  /** … and the position in the page's text where its answering sentence starts. */
  answerAt: number;
  /** The passage is the answer under a question heading (an FAQ entry): link to it, show its first sentence. */
  answerEntry: boolean;
  /** A reference page the query does not name (REFERENCE_FACTOR). */
  listing: boolean;
}

export interface RankOutcome<P extends PageText> {
  ranked: Ranked<P>[];
  /** The reading ranked: the query, or its fallback (each content word a term of its own); `Ranked.terms` follow its terms. */
  query: ParsedQuery;
  /** No page has every content word: these are the best partial matches. */
  partial: boolean;
  /** Words no page holds, read as the site's name they were meant to be (typoFix): 茂物目表 → 茂物目標. */
  fixed?: { typed: string; name: string }[] | undefined;
}

/** How the query's terms count: their weights (rarity) and which of them say something. */
interface TermModel {
  query: ParsedQuery;
  weight: number[];
  required: boolean[];
  /** The term counts in titles and headings (not a word on every page, when others say more). */
  titled: boolean[];
  /** Terms t whose words the reader typed right before term t + 1's. */
  adjacent: number[];
  /** Bare forms of the whole query, and of its names (for exact title or heading matches). */
  whole: Set<string>;
  /** Bare forms of the query's names, each with the page the glossary says explains it. */
  parts: Map<string, string | undefined>;
  averageLength: number;
  partial: boolean;
}

/** Each term on each page. In a term query (not a question), scattered words do not match a term other pages hold as typed. */
function matchAll<P extends PageText>(query: ParsedQuery, inputs: readonly RankInput<P>[]): TermOnPage[][] {
  const matches = inputs.map((input) => query.terms.map((term) => matchTerm(input.page, term)));
  if (query.question) return matches;
  query.terms.forEach((_, t) => {
    if (!matches.some((found) => (found[t] as TermOnPage).strength === 1)) return;
    for (const found of matches) if ((found[t] as TermOnPage).strength < 1) found[t] = NOT_FOUND;
  });
  return matches;
}

/**
 * The terms' weights: rarer words weigh more (idf), normalised so the required words sum to 1.
 * In a question, names (glossary forms, Latin words, numbers) say what it is about; common
 * words (成立, 舉行) only which part of it. Null when no word that says something is on the site.
 */
function termModel(
  query: ParsedQuery,
  matches: TermOnPage[][],
  pages: number,
  sections: number,
  averageLength: number,
): TermModel | null {
  const terms = query.terms;
  const df = terms.map((_, t) => matches.filter((m) => (m[t] as TermOnPage).strength > 0).length);
  if (!terms.some((term, t) => !term.weak && (df[t] as number) > 0)) return null;
  // (A loose English word counts only when no other word of the query is on the site.)
  const firm = terms.some((term, t) => !term.weak && !term.loose && (df[t] as number) > 0);
  const required = terms.map(
    (term, t) => (df[t] as number) > 0 && !(term.weak && query.question) && !(term.loose && firm),
  );
  // Rarity over the site's sections: on a small site many words are on every page, fewer in every section.
  const sectionDf = terms.map((_, t) => matches.reduce((sum, m) => sum + (m[t] as TermOnPage).sections.size, 0));
  // In a question, a name in at most half the sections says what it is about, common words only
  // which part of it; a name nearly everywhere (APEC here) says nothing, and the common words lead.
  const tellingName = (t: number) => (terms[t] as ParsedTerm).name && (sectionDf[t] as number) <= sections / 2;
  const namesTell = terms.some((_, t) => required[t] && tellingName(t));
  const idf = sectionDf.map((n, t) => {
    const value = Math.max(0.02, Math.log((sections + 1) / Math.max(n, 0.5)));
    if (!query.question) return value;
    return tellingName(t) ? Math.max(value, 0.8) : (terms[t] as ParsedTerm).name || !namesTell ? value : value * 0.5;
  });
  const total = terms.reduce((sum, _, t) => sum + (required[t] ? (idf[t] as number) : 0), 0);
  const weight = idf.map((w, t) => (required[t] ? w / total : 0));
  // A word on every page (APEC here) in a title or heading says nothing, when other words do.
  const everywhere = df.map((n) => n >= pages);
  const telling = terms.some((_, t) => required[t] && !everywhere[t]);
  const titled = terms.map((_, t) => !(telling && everywhere[t]));
  // (Spaces do not part words the reader typed together; punctuation does. A pair counts when one
  // of its words says something: 每年 next to 開會, a word on every page, is how pages answer.)
  const typed = lowerSameLength(query.reading ?? query.normalized).replace(/\s+/gu, '');
  const adjacent = terms
    .map((_, t) => t)
    .filter((t) => {
      const b = terms[t + 1];
      if (b === undefined || !required[t] || !required[t + 1] || !(titled[t] || titled[t + 1])) return false;
      return typed.includes(`${bare((terms[t] as ParsedTerm).text)}${bare(b.text)}`);
    });
  const whole = new Set(
    terms.length === 1
      ? (terms[0] as ParsedTerm).alternatives.map(bare)
      : query.question
        ? []
        : [bare(terms.map((term) => term.text).join(''))],
  );
  const parts = new Map(
    terms
      .filter((term, t) => required[t] && term.name)
      .flatMap((term) =>
        [...term.alternatives, ...term.words.flat()].map((form) => [bare(form), term.explainedAt] as const),
      )
      .filter(([form]) => form.length >= 2),
  );
  const partial = terms.some((term, t) => !term.weak && !term.loose && df[t] === 0);
  return { query, weight, required, titled, adjacent, whole, parts, averageLength, partial };
}

/** Sections (not the closing further reading) of the candidate pages: how many, and their average length (BM25's length normalisation). */
function sectionStats(pages: readonly PageText[]): { average: number; count: number } {
  let count = 0;
  let chars = 0;
  for (const page of pages) {
    for (const section of prepare(page).sections) {
      if (isFurtherReading(section)) continue;
      count++;
      chars += section.end - section.headingStart;
    }
  }
  return { average: Math.max(1, chars / Math.max(1, count)), count: Math.max(1, count) };
}

/** Coverage, title, heading, the explaining page, frequency and phrase: how the query's terms occur on the page. */
function termFeatures(page: PageText, found: readonly TermOnPage[], model: TermModel) {
  const { sections } = prepare(page);
  const out = { coverage: 0, typed: 0, title: 0, heading: 0, explains: 0, frequency: 0, phrase: 0 };
  const headings = new Map<number, number>();
  found.forEach((hit, t) => {
    const w = model.weight[t] as number;
    if (hit.strength === 0 || w === 0) return;
    out.coverage += w;
    // (Latin input is a name in another language: each of its Chinese forms counts as typed.)
    const latin = !hasCjk((model.query.terms[t] as ParsedTerm).text);
    const asTyped = hit.primary > 0 || hit.primaryTitle || (latin && hit.needles.some(hasCjk));
    if (asTyped && !model.query.question) out.typed += w;
    // Full weight for the form typed (or the site's own), half for an alias; a heading counts the
    // words of the query it holds itself (below), not words scattered over several headings.
    const form = w * hit.strength;
    if (!model.titled[t]) {
      // (in neither)
    } else if (hit.inTitle) out.title += form * (hit.primaryTitle ? 1 : 0.5);
    else
      for (const index of hit.headings)
        headings.set(index, (headings.get(index) ?? 0) + form * (hit.primaryHeading ? 1 : 0.5));
    const explainer = (model.query.terms[t] as ParsedTerm).explainedAt;
    if (explainer && model.titled[t] && w >= 0.5 && page.url.endsWith(explainer)) out.explains += w;
    const body = hit.positions.filter((at) => !isFurtherReading(sections[sectionAt(sections, at)])).length;
    if (hit.phrase) out.phrase += w;
    out.frequency += w * (Math.log1p(hit.primary) + 0.5 * Math.log1p(Math.max(0, body - hit.primary)));
  });
  out.heading = Math.max(0, ...headings.values());
  return out;
}

/** BM25 of one section (a heading counts twice, the page title once for every section), 0–1. */
function sectionScore(section: Section, index: number, found: readonly TermOnPage[], model: TermModel): number {
  const length = Math.max(1, section.end - section.headingStart);
  let value = 0;
  found.forEach((hit, t) => {
    const w = model.weight[t] as number;
    if (hit.strength === 0 || w === 0) return;
    let tf = hit.inTitle ? 1 : 0;
    for (const at of hit.positions) {
      if (at < section.headingStart || at >= section.end) continue;
      tf += index > 0 && at < section.bodyStart ? 2 : 1;
    }
    if (tf === 0) return;
    const norm = 1 - BM25_B + (BM25_B * length) / model.averageLength;
    value += (w * hit.strength * (tf * (BM25_K1 + 1))) / (tf + BM25_K1 * norm);
  });
  return value / (BM25_K1 + 1);
}

/** Sentences of a section's body: [start, end) pairs, cut after 。！？ and at block joins. */
function sentences(text: string, section: Section): [number, number][] {
  const out: [number, number][] = [];
  let start = section.bodyStart;
  for (let i = section.bodyStart; i < section.end; i++) {
    if (SENTENCE_END.has(text[i] as string) || blockJoin(text, i)) {
      if (i + 1 - start > 1) out.push([start, i + 1]);
      start = skipJoin(text, i + 1);
      i = start - 1;
    }
  }
  if (section.end - start > 1) out.push([start, section.end]);
  return out;
}

/**
 * The passage of a section that answers: two sentences running (an answer often finishes in
 * the next sentence) with the most of the query's (weighted) words, plus the kind of answer
 * asked for; the first such. Returns where it starts and, when it holds that kind of answer,
 * the share of the query's words it holds (`answers`; else 0).
 */
function bestSentence(page: PageText, section: Section, found: readonly TermOnPage[], model: TermModel) {
  const wants = model.query.wants;
  const list = sentences(page.content, section);
  let best = { at: section.bodyStart, value: 0, answers: 0 };
  list.forEach(([start, own], i) => {
    // (A passage starts at a sentence holding one of the words.)
    if (!found.some((hit) => hit.positions.some((at) => at >= start && at < own))) return;
    const end = (list[i + 1] ?? [start, own])[1];
    let value = 0;
    let first = 0;
    found.forEach((hit, t) => {
      if (hit.positions.some((at) => at >= start && at < end)) value += model.weight[t] as number;
      if (hit.positions.some((at) => at >= start && at < own)) first += model.weight[t] as number;
    });
    // (It answers when it holds most of the query's words and that kind of answer; of two
    // passages holding as much, the one whose first sentence holds more: a table row, not the row before it.)
    const answers = value >= 0.5 && !!wants && holdsAnswer(page.content.slice(start, end), model.query);
    const total = value + (answers ? 0.5 : 0) + first / 100;
    if (total > best.value) best = { at: start, value: total, answers: answers ? value : 0 };
  });
  return best;
}

/** The passage that answers: the best section (BM25, and the kind of answer asked for), and its best sentence. */
function bestPassage(page: PageText, found: readonly TermOnPage[], model: TermModel) {
  const { sections } = prepare(page);
  let best = { index: 0, passage: 0, answer: 0, at: sections[0]?.bodyStart ?? 0, value: -1 };
  sections.forEach((section, index) => {
    if (isFurtherReading(section)) return;
    const passage = sectionScore(section, index, found, model);
    if (passage === 0) return;
    const sentence = bestSentence(page, section, found, model);
    const answer = sentence.answers;
    const value = WEIGHTS.passage * passage + WEIGHTS.answer * answer;
    if (value > best.value) best = { index, passage, answer, at: sentence.at, value };
  });
  return best;
}

/**
 * In a question, a section heading that states (not asks, as an FAQ entry does) most of its
 * words, an alias at half (「2026 年深圳會議」 for 2026 年 APEC 在哪裡舉行): the list's entry answers.
 * (A topic named goes to the page that explains it.)
 */
function namedInHeading(page: PageText, found: readonly TermOnPage[], model: TermModel): boolean {
  if (!model.query.question) return false;
  return prepare(page).sections.some((section, index) => {
    if (index === 0 || isFurtherReading(section) || /[？?]$/u.test(section.title)) return false;
    // (A listing page's subsection names a kind of what it lists, 「政府與國際組織」 sources: no topic.)
    if (section.subsection) return false;
    const held = found.reduce((sum, hit, t) => {
      if (!model.titled[t] || !hit.headings.has(index)) return sum;
      return sum + (model.weight[t] as number) * hit.strength * (hit.primaryHeading ? 1 : 0.5);
    }, 0);
    return held >= 0.5;
  });
}

/** A question heading (an FAQ entry) holding most of the query's words: it is the answer. */
function isAnswerEntry(page: PageText, index: number, found: readonly TermOnPage[], model: TermModel): boolean {
  const section = prepare(page).sections[index];
  if (!section?.id || !/[？?]$/u.test(section.title)) return false;
  const inHeading = found.reduce((sum, hit, t) => sum + (hit.headings.has(index) ? (model.weight[t] as number) : 0), 0);
  return inHeading >= 0.5;
}

/** Exact title or heading, a heading naming one of the query's names, or asking its why or how. */
function headingFeatures(page: PageText, found: readonly TermOnPage[], model: TermModel) {
  const { sections } = prepare(page);
  // (A heading that is exactly the query, on a page other than the one the glossary names as
  // explaining it, is a section mentioning it: 中華臺北 in the members list, explained on /taiwan/.)
  const explainer = model.query.terms.length === 1 ? model.query.terms[0]?.explainedAt : undefined;
  const elsewhere = !!explainer && !page.url.endsWith(explainer);
  const exactHeading =
    !elsewhere && sections.some((section, index) => index > 0 && model.whole.has(bare(section.title)));
  const exact = model.whole.has(bare(page.title)) || exactHeading;
  const body = (index: number) => index > 0 && !isFurtherReading(sections[index]);
  // In a longer query, a heading that is exactly one of its names (「資深官員會議一年開幾次」).
  const named = sections.some((section, index) => {
    if (!body(index) || !model.parts.has(bare(section.title))) return false;
    // (A name the glossary explains on another page: this section mentions it.)
    const explainedAt = model.parts.get(bare(section.title));
    return !explainedAt || page.url.endsWith(explainedAt);
  });
  // A heading asking the reader's why or how about one of the query's words (為何稱為「經濟體」).
  const asking = model.query.asks ? ASKING[model.query.asks] : undefined;
  const asks =
    !!asking &&
    sections.some(
      (section, index) =>
        body(index) &&
        asking.test(section.title) &&
        found.some((hit, t) => model.weight[t] !== 0 && model.titled[t] && hit.headings.has(index)),
    );
  return { exact: exact ? 1 : 0, namedHeading: !exact && (named || asks) ? 1 : 0, exactHeading };
}

/** A short stretch of text: a list entry, a table row, a sentence or two (characters). */
const NEAR_SPAN = 100;

/**
 * The largest share of the query's (weighted) words within NEAR_SPAN characters of each other,
 * outside further reading: a passage holding them together (「2014 年 … 北京 … 通過」 in one
 * timeline entry) answers, where the same words spread over a page only mention.
 */
function nearness(page: PageText, found: readonly TermOnPage[], model: TermModel): number {
  const { sections } = prepare(page);
  const marks: { at: number; t: number }[] = [];
  found.forEach((hit, t) => {
    if (model.weight[t] === 0) return;
    for (const at of hit.positions) if (!isFurtherReading(sections[sectionAt(sections, at)])) marks.push({ at, t });
  });
  marks.sort((a, b) => a.at - b.at);
  // (A sliding window: how many of each term's occurrences are in it.)
  const inWindow = new Map<number, number>();
  let best = 0;
  let from = 0;
  for (const mark of marks) {
    inWindow.set(mark.t, (inWindow.get(mark.t) ?? 0) + 1);
    for (let first = marks[from]; first && first.at < mark.at - NEAR_SPAN; first = marks[++from]) {
      const left = (inWindow.get(first.t) ?? 1) - 1;
      if (left === 0) inWindow.delete(first.t);
      else inWindow.set(first.t, left);
    }
    let value = 0;
    for (const t of inWindow.keys()) value += (model.weight[t] as number) * (found[t] as TermOnPage).strength;
    best = Math.max(best, value);
  }
  return best;
}

/** The reader's adjacent words together on the page, in any of their forms (首屆部長級會議). */
function together(page: PageText, found: readonly TermOnPage[], model: TermModel): number {
  const { lower, sections } = prepare(page);
  let value = 0;
  for (const t of model.adjacent) {
    const at: number[] = [];
    for (const a of (found[t] as TermOnPage).needles)
      for (const b of (found[t + 1] as TermOnPage).needles)
        for (const joined of [a + b, `${a} ${b}`]) at.push(...findAll(lower, joined.toLowerCase(), 200));
    const body = at.filter((position) => !isFurtherReading(sections[sectionAt(sections, position)]));
    if (body.length === 0) continue;
    // More often together counts for more (up to twice); together in a heading, twice more.
    const pair = (model.weight[t] as number) + (model.weight[t + 1] as number);
    value += pair * Math.min(2, 1 + Math.log2(body.length) / 2);
    const inHeading = body.some((position) => {
      const section = sections[sectionAt(sections, position)] as Section;
      return section.id !== '' && position < section.bodyStart;
    });
    if (inHeading) value += 2 * pair;
  }
  return value;
}

/** 1 on the glossary when the query asks what a thing is called and the glossary holds one of the query's names. */
function namesAsked(page: PageText, found: readonly TermOnPage[], model: TermModel): number {
  if (!model.query.asksName || !page.url.endsWith(GLOSSARY_PAGE)) return 0;
  return found.some((hit, t) => hit.strength > 0 && (model.query.terms[t] as ParsedTerm).name) ? 1 : 0;
}

/** One page's features and score. */
function scorePage<P extends PageText>(input: RankInput<P>, found: TermOnPage[], model: TermModel): Ranked<P> {
  const terms = termFeatures(input.page, found, model);
  const passage = bestPassage(input.page, found, model);
  const headings = headingFeatures(input.page, found, model);
  // (Lone characters, and loose English words not required: a little evidence each.)
  const optional = model.query.terms.reduce(
    (sum, term, t) =>
      sum +
      term.optional.filter((forms) => occurrences(input.page, forms) !== null).length +
      (!model.required[t] && term.loose && (found[t] as TermOnPage).strength > 0 ? 1 : 0),
    0,
  );
  const features: Features = {
    ...terms,
    passage: passage.passage,
    answer: passage.answer,
    together: together(input.page, found, model),
    optional: Math.min(optional, 3),
    exact: headings.exact,
    namedHeading: headings.namedHeading,
    naming: namesAsked(input.page, found, model),
    near: nearness(input.page, found, model),
    pagefind: input.pagefind,
  };
  let score = 0;
  for (const name of Object.keys(WEIGHTS) as (keyof Features)[]) score += WEIGHTS[name] * features[name];
  const named = terms.title > 0 || headings.exact || features.naming > 0 || namedInHeading(input.page, found, model);
  return {
    page: input.page,
    score,
    listing: input.reference && !named,
    features,
    coverage: Math.round(terms.coverage * 1000) / 1000,
    terms: found,
    needles: [...new Set(found.flatMap((hit) => hit.needles))],
    bestSection: passage.index,
    answerAt: passage.at,
    answerEntry: isAnswerEntry(input.page, passage.index, found, model),
  };
}

/**
 * Which pages are shown: those with every word; in a question, those with most of them (or
 * all its names); when no page has every word, the best partial matches (labelled so).
 */
function shown<P extends PageText>(ranked: Ranked<P>[], model: TermModel): { list: Ranked<P>[]; partial: boolean } {
  const full = ranked.filter((entry) => entry.coverage >= 0.999);
  if (full.length === 0) {
    const best = Math.max(...ranked.map((entry) => entry.coverage));
    return { list: ranked.filter((entry) => entry.coverage > 0 && entry.coverage >= best / 2), partial: true };
  }
  if (!model.query.question) return { list: full, partial: model.partial };
  const names = model.query.terms.map((term, t) => term.name && model.required[t]);
  const hasAllNames = (entry: Ranked<P>) =>
    names.some(Boolean) && entry.terms.every((hit, t) => !names[t] || hit.strength > 0);
  return {
    list: ranked.filter((entry) => entry.coverage >= QUESTION_COVER || hasAllNames(entry)),
    partial: model.partial,
  };
}

/**
 * Rank pages for a parsed query: one score (Σ WEIGHTS × features) sorts every kind of query.
 * Words no page holds are dropped (the result is then partial) as long as a word that says
 * something remains. A query with a term no page holds as typed, or with no word the site has,
 * is read as a question (each content word for itself); when still no word is found, nothing.
 */
export function rank<P extends PageText>(
  query: ParsedQuery,
  inputs: readonly RankInput<P>[],
  /** Pages on the site (for rarity): more than `inputs` when the index picked the candidates. */
  siteSize = inputs.length,
): RankOutcome<P> {
  if (query.terms.length === 0 || inputs.length === 0) return { ranked: [], partial: false, query };
  // A name no page holds as typed, one character mistyped (茂物目表): the name it was meant to be.
  const unheldAsTyped = (term: ParsedTerm) => !inputs.some((input) => matchTerm(input.page, term).strength === 1);
  if (query.terms.some((term) => term.fixed && unheldAsTyped(term))) {
    const fixed: { typed: string; name: string }[] = [];
    const terms = query.terms.map((term) => {
      if (!term.fixed || !unheldAsTyped(term)) return term;
      fixed.push({ typed: term.text, name: term.fixed.text });
      return term.fixed;
    });
    return { ...rank({ ...query, terms }, inputs, siteSize), fixed };
  }
  const matches = matchAll(query, inputs);
  const { average, count } = sectionStats(inputs.map((input) => input.page));
  const pages = Math.max(siteSize, inputs.length);
  const model = termModel(query, matches, pages, (count * pages) / inputs.length, average);
  // A term no page holds as typed (「APEC的宗旨」): its words, each for itself, as in a question.
  const unheld = query.terms.some((_, t) => !matches.some((found) => (found[t] as TermOnPage).strength === 1));
  if (!model || (unheld && query.fallback)) {
    if (!query.fallback) return { ranked: [], partial: false, query };
    return rank(query.fallback, inputs, siteSize);
  }
  const ranked = inputs.map((input, p) => scorePage(input, matches[p] as TermOnPage[], model));
  // (A list that alone holds all the words, 2026 with 城市 and 領袖會議, is the answer; not the
  // glossary, which holds every name: it answers what a thing is called, not what happened.)
  const fullest = Math.max(0, ...ranked.filter((entry) => !entry.listing).map((entry) => entry.coverage));
  for (const entry of ranked) {
    const names = entry.page.url.endsWith(GLOSSARY_PAGE);
    if (entry.listing && (names || entry.coverage <= fullest + 0.001)) entry.score *= REFERENCE_FACTOR;
  }
  const { list, partial } = shown(ranked, model);
  list.sort((a, b) => b.score - a.score || (a.page.url < b.page.url ? -1 : a.page.url > b.page.url ? 1 : 0));
  return { ranked: list, partial, query };
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
