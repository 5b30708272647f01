/**
 * Query parsing for the site search: pure, runs in the browser and in Node; its one dependency
 * is the Porter stemmer (`stemmer`), for English words inflected otherwise than the site's.
 *
 * A raw query is normalised (NFKC, control/format characters removed, punctuation to spaces,
 * Latin lower-cased, whitespace collapsed, capped at MAX_QUERY_CHARS code points), split into
 * terms (whitespace; a "quoted phrase" is one term; multi-word glossary names such as
 * `Seoul Declaration` are merged into one term), and every term is expanded into the list of
 * strings the site may actually contain: Simplified/variant characters folded to the forms the
 * pages use (SearchData.f), and glossary / regional names replaced by the site's forms
 * (SearchData.g + SearchData.k). The build side is src/search/fold-build.ts.
 *
 * Nothing here builds a RegExp from input; all matching is indexOf / Map look-ups.
 */
import { stemmer } from 'stemmer';

/** Compact, JSON-serialisable data shipped to the browser (built by fold-build.ts). */
export interface SearchData {
  /** Format version. */
  v: 1;
  /**
   * Character folding: a query character → the characters the site uses for it, most frequent
   * on the site first (the character itself is included when the site uses it). Only
   * characters whose folding differs from "itself" are listed. E.g. 战→戰, 台→臺台, 里→裡裏.
   */
  f: Record<string, string>;
  /** Alias groups: each a list of forms that occur on the site, preferred (Taiwan) form first. */
  g: string[][];
  /**
   * Keys → index into `g`. Chinese keys are canonicalised with {@link canon}; Latin keys with
   * {@link latinKey} (lower case, punctuation to spaces). Covers every glossary form, its
   * Simplified conversion, English names and abbreviations, and OpenCC regional phrases
   * (新西兰→紐西蘭) whose target occurs on the site.
   */
  k: Record<string, number>;
  /** Extra "did you mean" vocabulary (site forms), besides the alias groups. */
  w: string[];
  /**
   * Pagefind's fragment files per index language (`zh-hant-tw` → `fragment/….pf_fragment`),
   * so a small site can be searched by reading its fragments directly, without the wasm.
   */
  p?: Record<string, string[]> | undefined;
  /** Answer cards for glossary terms (src/search/answers.ts). */
  a?: AnswerCards | undefined;
  /** Names of places (and member economies) and of people on the site, in both scripts: what a place or person answer holds. */
  n?: Partial<Record<'place' | 'person', string[]>> | undefined;
}

/** A card's words in one edition. */
export interface CardText {
  /** Taiwan form (the site's), other Taiwan forms, Hong Kong forms, mainland forms. */
  tw: string;
  alt: string[];
  hk: string[];
  cn: string[];
  /** The glossary note's first sentence. */
  note?: string | undefined;
  /** Title of the section the card links to. */
  section: string;
}

export interface AnswerCard {
  /** Target in the Traditional edition, root-relative without the base (`/structure/#資深官員會議`). */
  u: string;
  /** Traditional and Simplified edition texts. */
  t: CardText;
  s: CardText;
  en?: string;
  ab?: string;
}

export interface AnswerCards {
  c: AnswerCard[];
  /** {@link cardKey} of every form (both scripts) → index into `c`. */
  k: Record<string, number>;
}

export interface ParsedTerm {
  /** The normalised term as typed. */
  text: string;
  /** Typed inside double quotes: must occur contiguously, no scattered match. */
  quoted: boolean;
  /** Strings to look for on the site, best first; the term matches a page if any occurs. */
  alternatives: string[];
  /**
   * For long unquoted Chinese terms: the term split into words (each ≥ 2 characters), each
   * with its own alternatives. A page where every part occurs is a (lower-ranked) scattered
   * match. Empty when the term cannot be split honestly.
   */
  parts: string[][];
  /**
   * For unquoted Chinese terms: the content words of the term (glossary names, words of two or
   * more characters), each with its alternatives. A page with every word is a looser match than
   * `parts`; used for questions and for terms that occur nowhere as typed (「年願景」→ 願景).
   */
  words: string[][];
  /** Single characters left over by `words` (年, 開): they add to a page's score, never required. */
  optional: string[][];
  /** A single Chinese character typed alone in a question (「2026 年 …」): never required. */
  weak: boolean;
  /** A name (glossary form, reader word, or a number) rather than a common word: weighs more in a question. */
  name: boolean;
  /**
   * An English word of a question that is no name the site knows and no number (make, legally):
   * the site's English is mostly original titles, so it adds a little to a page's score and is
   * required only when no other word of the query is on the site.
   */
  loose: boolean;
  /** The term as typed, in the site's characters (秘书处 → 秘書處): with alternatives[0], its primary forms. */
  typed: string;
  /**
   * The page that explains the term (root-relative, `/structure/`): its glossary entry's `page`,
   * from the answer cards. Undefined for a term with no entry, or an entry without a page.
   */
  explainedAt?: string | undefined;
  /** The site's name the term was meant to be, one character mistyped (typoFix): used when no page holds the term. */
  fixed?: ParsedTerm | undefined;
  /**
   * The alternatives that are the form typed or the site's preferred form, in any script
   * (東盟/东盟, not the alias 東協): a page with one of these ranks above one with an alias only.
   */
  primary: string[];
}

export interface ParsedQuery {
  /** The normalised query string (safe to display after HTML escaping). */
  normalized: string;
  terms: ParsedTerm[];
  /**
   * The query is a question: question words or particles (什麼, 哪裡, 嗎 …) were removed, or it
   * ends in a question mark. Its content words may then be partly missing from the site.
   */
  question: boolean;
  /** The query as the reader wrote it, how-often phrases read as pages write them (questionReading). */
  reading?: string | undefined;
  /** The question asks why or how (ASKING). */
  asks?: 'why' | 'how' | undefined;
  /** The query asks what something is called, or names one thing twice (東協 and 東盟): ASKING_NAME. */
  asksName?: boolean | undefined;
  /** The kind of answer the question asks for (ANSWER_TYPES): a place, a date, a person, a number. */
  wants?: AnswerType | undefined;
  /** The site's names of that kind (SearchData.n: places for a place, people for a person). */
  answerNames?: readonly string[] | undefined;
  /**
   * Not a question: the same words read as one (every content word a term of its own), for
   * when the site does not hold the query as typed. Never empty when the site has an answer.
   */
  fallback?: ParsedQuery | undefined;
}

export const MAX_QUERY_CHARS = 200;
export const MAX_TERMS = 8;
export const MAX_ALTERNATIVES = 24;
const MAX_RAW_CHARS = 4000;

const EMPTY_DATA: SearchData = { v: 1, f: {}, g: [], k: {}, w: [] };

// Static patterns only (never built from input).
const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/gu;
const KEEP_PUNCT = new Set(['"', '-', '.', "'", '+', '#', '&']);
const PUNCT_OR_SYMBOL = /[\p{P}\p{S}]/u;
const HAN = /\p{Script=Han}/u;
const LATIN_WORD_CHAR = /[\p{L}\p{N}]/u;
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** The query as the status line repeats it: the reader's own text and casing, spaces collapsed. */
export const echoOf = (typed: string): string => typed.trim().replace(/\s+/gu, ' ');

/** NFKC, strip control/format chars, punctuation → space, lower-case, collapse, cap. */
export function normalizeQuery(raw: unknown): string {
  let text = typeof raw === 'string' ? raw : raw == null ? '' : String(raw);
  if (text.length > MAX_RAW_CHARS) text = text.slice(0, MAX_RAW_CHARS);
  text = text.normalize('NFKC').replace(CONTROL_OR_FORMAT, ' ').toLowerCase();
  let out = '';
  let count = 0;
  let lastSpace = true;
  for (const ch of text) {
    const isSpace = /\s/u.test(ch) || (PUNCT_OR_SYMBOL.test(ch) && !KEEP_PUNCT.has(ch));
    if (isSpace) {
      if (!lastSpace) {
        out += ' ';
        count++;
        lastSpace = true;
      }
    } else {
      out += ch;
      count++;
      lastSpace = false;
    }
    if (count >= MAX_QUERY_CHARS) break;
  }
  return out.trim();
}

/** True when the string contains a Han (or other CJK) character. */
export const hasCjk = (text: string): boolean => CJK_CHAR.test(text);

/** Key for Latin names: lower case, any punctuation to a space, collapsed. */
export function latinKey(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKC').toLowerCase()) {
    out += /\s/u.test(ch) || PUNCT_OR_SYMBOL.test(ch) ? ' ' : ch;
  }
  return out.replace(/\s+/gu, ' ').trim();
}

/** Canonical form of a Chinese string: each character folded to the site's most frequent form. */
export function canon(text: string, data: SearchData): string {
  let out = '';
  for (const ch of text) out += firstChar(data.f[ch]) ?? ch;
  return out;
}

const firstChar = (value: string | undefined): string | undefined => {
  if (value === undefined || value.length === 0) return undefined;
  const cp = value.codePointAt(0);
  return cp === undefined ? undefined : String.fromCodePoint(cp);
};

/** English words to their stems (Porter): `hosted`, `hosts` and `host` are one word. */
const stemKey = (key: string): string => key.split(' ').map(stemmer).join(' ');

/**
 * Key used in SearchData.k for a form (Chinese → canon, Latin → latinKey). A Latin form that is
 * no key takes the key of the same words inflected otherwise (decisions → decision).
 */
export function aliasKey(form: string, data: SearchData): string {
  const latin = latinKey(form);
  if (hasCjk(latin)) return canon(latin.replace(/ /gu, ''), data);
  if (own(data.k, latin) !== undefined) return latin;
  return prepare(data).stems.get(stemKey(latin)) ?? latin;
}

/** Look-up key of a card form: NFKC, lower case, no spaces or punctuation (Latin: spaces kept single). */
export function cardKey(form: string): string {
  const latin = latinKey(form);
  return hasCjk(latin) ? latin.replace(/ /gu, '') : latin;
}

/**
 * The answer card for a query that is a glossary term (any form, either script), with any
 * question words left out (「ABAC 是什麼」). A Latin query of four or more letters also finds the
 * one card whose English name starts with it (「Senior Officials」).
 */
export function findCard(raw: unknown, data: SearchData): AnswerCard | undefined {
  const cards = data.a;
  if (!cards) return undefined;
  const parsed = parseQuery(raw, data);
  const texts = [parsed.normalized, parsed.terms.map((term) => term.text).join(' ')];
  for (const text of texts) {
    const index = own(cards.k, cardKey(text));
    if (index !== undefined) return cards.c[index];
  }
  const typed = cardKey(parsed.normalized);
  if (hasCjk(typed) || typed.length < 4) return undefined;
  let found: number | undefined;
  for (const [key, index] of Object.entries(cards.k)) {
    if (!key.startsWith(`${typed} `)) continue;
    if (found !== undefined && found !== index) return undefined;
    found = index;
  }
  return found === undefined ? undefined : cards.c[found];
}

interface Prepared {
  maxCjkKey: number;
  maxLatinWords: number;
  /** Latin keys by their words' stems (the first key of each stem). */
  stems: Map<string, string>;
  /** A Traditional character → the Simplified one the site also uses for it (from `f`: 标 → 标標). */
  simplified: Map<string, string>;
  /** Chinese keys of three or more characters, by length, with their alias group (for typo fixes). */
  cjkKeys: Map<number, { chars: string[]; group: number }[]>;
}
const preparedCache = new WeakMap<SearchData, Prepared>();
function prepare(data: SearchData): Prepared {
  let prepared = preparedCache.get(data);
  if (!prepared) {
    let maxCjkKey = 0;
    let maxLatinWords = 1;
    const stems = new Map<string, string>();
    const cjkKeys = new Map<number, { chars: string[]; group: number }[]>();
    for (const [key, group] of Object.entries(data.k)) {
      if (hasCjk(key)) {
        const chars = Array.from(key);
        maxCjkKey = Math.max(maxCjkKey, chars.length);
        if (chars.length >= TYPO_MIN_CHARS && chars.every((ch) => HAN.test(ch))) {
          const list = cjkKeys.get(chars.length) ?? [];
          list.push({ chars, group });
          cjkKeys.set(chars.length, list);
        }
      } else {
        maxLatinWords = Math.max(maxLatinWords, key.split(' ').length);
        const stem = stemKey(key);
        if (!stems.has(stem)) stems.set(stem, key);
      }
    }
    const simplified = new Map<string, string>();
    for (const [query, site] of Object.entries(data.f)) {
      if (!site.includes(query)) continue;
      for (const ch of site) if (ch !== query && !simplified.has(ch)) simplified.set(ch, query);
    }
    prepared = {
      maxCjkKey: Math.min(maxCjkKey, 24),
      maxLatinWords: Math.min(maxLatinWords, 8),
      stems,
      cjkKeys,
      simplified,
    };
    preparedCache.set(data, prepared);
  }
  return prepared;
}

/** Names this long or longer are fixed when one character is mistyped (經濟令袖會議 → 經濟領袖會議). */
const TYPO_MIN_CHARS = 3;
/** Inside a longer run of characters, only names this long (a three-character window is too easily a near miss). */
const TYPO_IN_WORDS_MIN_CHARS = 4;

/**
 * The site's name a Chinese word was meant to be when one of its characters is mistyped (a
 * homophone: 茂物目表 for 茂物目標): the preferred form of the one alias group whose name differs
 * from the word in exactly one character; undefined when none or several do, or the word is a
 * name itself. The ranker uses it only when no page holds the word as typed.
 */
export function typoFix(word: string, data: SearchData): string | undefined {
  if (!HAN.test(word) || own(data.k, aliasKey(word, data)) !== undefined) return undefined;
  const chars = Array.from(canon(word, data));
  if (chars.length < TYPO_MIN_CHARS || !chars.every((ch) => HAN.test(ch))) return undefined;
  const groups = new Set<number>();
  for (const key of prepare(data).cjkKeys.get(chars.length) ?? []) {
    let differ = 0;
    for (let i = 0; i < chars.length && differ <= 1; i++) if (key.chars[i] !== chars[i]) differ++;
    if (differ === 1) groups.add(key.group);
  }
  const [group] = groups;
  const fix = groups.size === 1 && group !== undefined ? data.g[group]?.[0] : undefined;
  // (The same name in the other script, 张忠謀 for 張忠謀, is no typo.)
  return fix === undefined || sameForm(fix, word, data) ? undefined : fix;
}

const own = <T>(record: Record<string, T>, key: string): T | undefined =>
  Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;

const groupOf = (data: SearchData, key: string): string[] | undefined => {
  const index = own(data.k, key);
  return index === undefined ? undefined : data.g[index];
};

/** Cartesian product of option lists, in order, capped. */
function product(slots: string[][], cap: number): string[] {
  let acc: string[] = [''];
  for (const options of slots) {
    const next: string[] = [];
    outer: for (const prefix of acc) {
      for (const option of options) {
        next.push(prefix + option);
        if (next.length >= cap) break outer;
      }
    }
    acc = next;
  }
  return acc;
}

const uniq = (items: Iterable<string>): string[] => [...new Set(Array.from(items).filter((item) => item.length > 0))];

/**
 * Every string the site may contain for one term: the term itself, its character folding, and
 * alias / regional-phrase replacements (longest glossary key first, anywhere inside the term).
 */
export function expandTerm(term: string, data: SearchData = EMPTY_DATA): string[] {
  const text = term.trim();
  if (!text) return [];
  const results: string[] = [];
  if (!hasCjk(text)) {
    const group = groupOf(data, aliasKey(text, data));
    return uniq([text, ...(group ?? [])].map((s) => s.toLowerCase())).slice(0, MAX_ALTERNATIVES);
  }
  const chars = Array.from(text);
  const canonChars = chars.map((ch) => firstChar(data.f[ch]) ?? ch);
  const { maxCjkKey } = prepare(data);
  // Slots: either a matched alias key (options = the group's site forms) or one character.
  const slots: string[][] = [];
  const charSlots: string[][] = [];
  let aliasUsed = false;
  for (let i = 0; i < chars.length;) {
    let matched = false;
    for (let len = Math.min(maxCjkKey, chars.length - i); len >= 2; len--) {
      const group = groupOf(data, canonChars.slice(i, i + len).join(''));
      if (group && group.length > 0) {
        slots.push(group);
        aliasUsed = true;
        matched = true;
        for (let j = i; j < i + len; j++) charSlots.push(charOptions(chars[j] as string, data));
        i += len;
        break;
      }
    }
    if (!matched) {
      const options = charOptions(chars[i] as string, data);
      slots.push(options);
      charSlots.push(options);
      i++;
    }
  }
  // Inside a longer Chinese term only the Chinese forms of a name make sense.
  const mixed =
    slots.length > 1 ? slots.map((options) => (options.some(hasCjk) ? options.filter(hasCjk) : options)) : slots;
  if (aliasUsed) results.push(...product(mixed, MAX_ALTERNATIVES));
  results.push(...product(charSlots, MAX_ALTERNATIVES));
  results.push(text);
  // And each word in the site's Simplified characters, for the Simplified edition's pages
  // (茂物目標 → 茂物目标): Traditional input finds them too.
  const forms = uniq(results.map((s) => s.toLowerCase()));
  // (Words only: a lone 裡 as 里 would find 里 in names on the Traditional pages.)
  const words = forms.filter((form) => Array.from(form).length >= 2);
  return uniq([...forms, ...words.map((form) => simplifiedForm(form, data))]).slice(0, MAX_ALTERNATIVES);
}

/** A form with each character the site also writes in Simplified (f: 标 → 标標) in that character. */
function simplifiedForm(form: string, data: SearchData): string {
  const { simplified } = prepare(data);
  let out = '';
  for (const ch of form) out += simplified.get(ch) ?? ch;
  return out;
}

function charOptions(ch: string, data: SearchData): string[] {
  const mapped = own(data.f, ch);
  return mapped ? Array.from(mapped) : [ch];
}

/** Single-character function words dropped when a long term is split into words. */
const FUNCTION_CHARS = new Set(Array.from('的之與和及或在是了等於為對其'));

function icuWords(text: string): string[] {
  const Segmenter = (Intl as { Segmenter?: typeof Intl.Segmenter }).Segmenter;
  if (typeof Segmenter !== 'function') return [text];
  try {
    return Array.from(new Segmenter('zh-Hant-TW', { granularity: 'word' }).segment(text), (s) =>
      s.segment.trim(),
    ).filter((s) => s.length > 0);
  } catch {
    return [text];
  }
}

/**
 * The length of the longest alias key (glossary form) starting at character `i` of `canonChars`,
 * at least `min` characters long; 0 when there is none.
 */
function aliasKeyLengthAt(canonChars: string[], i: number, min: number, maxCjkKey: number, data: SearchData): number {
  for (let len = Math.min(maxCjkKey, canonChars.length - i); len >= min; len--) {
    if (own(data.k, canonChars.slice(i, i + len).join('')) !== undefined) return len;
  }
  return 0;
}

/**
 * Split a long unquoted Chinese term into words for a scattered match: glossary names first
 * (longest key), the rest with Intl.Segmenter; runs of single characters are merged, lone
 * function characters (的, 與 …) dropped, other lone characters joined to a neighbour.
 * Returns [] unless the term splits into at least two words.
 */
export function splitWords(term: string, data: SearchData = EMPTY_DATA): string[] {
  if (!HAN.test(term) || Array.from(term).length < 4 || term.includes(' ')) return [];
  const chars = Array.from(term);
  const canonChars = chars.map((ch) => firstChar(data.f[ch]) ?? ch);
  const { maxCjkKey } = prepare(data);
  const pieces: { text: string; alias: boolean }[] = [];
  let plain = '';
  const flush = () => {
    if (!plain) return;
    let run = '';
    for (const segment of icuWords(plain)) {
      if (Array.from(segment).length === 1) {
        run += segment;
        continue;
      }
      if (run) pieces.push({ text: run, alias: false });
      run = '';
      pieces.push({ text: segment, alias: false });
    }
    if (run) pieces.push({ text: run, alias: false });
    plain = '';
  };
  for (let i = 0; i < chars.length;) {
    const len = aliasKeyLengthAt(canonChars, i, 2, maxCjkKey, data);
    if (len > 0) {
      flush();
      pieces.push({ text: chars.slice(i, i + len).join(''), alias: true });
      i += len;
    } else {
      plain += chars[i] as string;
      i++;
    }
  }
  flush();
  const parts: { text: string; alias: boolean }[] = [];
  pieces.forEach((piece, index) => {
    if (piece.alias || Array.from(piece.text).length >= 2) {
      parts.push(piece);
      return;
    }
    if (FUNCTION_CHARS.has(piece.text)) return;
    const previous = parts[parts.length - 1];
    const next = pieces[index + 1];
    if (previous && !previous.alias) previous.text += piece.text;
    else if (next && !next.alias) next.text = piece.text + next.text;
    else parts.push(piece);
  });
  return parts.length >= 2 ? parts.map((part) => part.text) : [];
}

/* ------------------------------------------------------------------ questions */

/**
 * Question words and phrases, both scripts (never required terms). Longest first when matched;
 * removed as substrings of a Chinese term, so only phrases that are not part of content words.
 */
const QUESTION_PHRASES: readonly string[] = [
  ...'是什麼時候 是什么时候 什麼時候 什么时候 甚麼時候 是什麼意思 是什么意思 什麼意思 什么意思 是什麼 是什么 是甚麼 什麼 什么 甚麼 甚么'.split(
    ' ',
  ),
  ...'為什麼 为什么 為甚麼 為何 为何 如何 怎麼樣 怎么样 怎麼 怎么 怎樣 怎样 幹什麼 干什么 干嘛 幹嘛'.split(' '),
  // Colloquial (mainland and Taiwan) forms: 啥 for 什麼, 咋 for 怎麼.
  ...'為啥 为啥 幹啥 干啥 啥時候 啥时候 是啥 啥 咋樣 咋样 咋辦 咋办 咋'.split(' '),
  ...'哪一年 哪一個 哪一个 哪一天 哪一位 哪些 哪裡 哪里 哪裏 哪兒 哪儿 哪個 哪个 哪年 哪位 何時 何时 何地 何處 何处'.split(
    ' ',
  ),
  // Which city, which country: the kind of answer asked for, not a word the answer holds.
  ...'哪個城市 哪个城市 哪座城市 哪一個城市 哪一个城市 什麼城市 什么城市 邊個城市 边个城市 哪個國家 哪个国家 哪些國家 哪些国家 什麼國家 什么国家 哪國 哪国'.split(
    ' ',
  ),
  // 那 typed for 哪 (the same sound): 「在那裡」「那一年」 ask where and when.
  ...'那一年 那年 那裡 那里 那裏 那兒 那儿 哪幾天 哪几天 幾號 几号'.split(' '),
  ...'多久 多長 多长 多少 幾個人 几个人 幾個 几个 幾次 几次 幾年 几年 幾位 几位 幾人 几人'.split(' '),
  ...'是不是 有沒有 有没有 是否 可不可以 能不能 能否 請問 请问 誰是 谁是 是誰 是谁'.split(' '),
  // Cantonese (Hong Kong) question words.
  ...'幾時 几时 邊個 边个 邊位 边位 喺邊度 喺边度 邊度 边度 喺邊 喺边 係咪 系咪 係唔係 系唔系 有冇 點樣 点样 點解 点解 乜嘢 做咩 咩'.split(
    ' ',
  ),
  ...'邊一年 边一年 邊年 边年 邊一個 边一个 邊啲 边啲 邊間 边间 幾多個 几多个 幾多次 几多次 幾多 几多 做乜 點算 点算 點叫 点叫 點寫 点写 點講 点讲'.split(
    ' ',
  ),
].sort((a, b) => b.length - a.length);

/**
 * Questions about how often (「多久開一次會」「一年開幾次」): the pages answer them with 每年
 * (「每年舉行一次」「每年開會 3 至 4 次」), so the phrase becomes that content word, not nothing.
 */
const FREQUENCY_PHRASES: readonly string[] = [
  ...'多久開一次 多久开一次 多久一次 多久舉行一次 多久举行一次 一年開幾次 一年开几次 每年開幾次 每年开几次'.split(' '),
  ...'一年幾次 一年几次 開幾次 开几次 多常'.split(' '),
].sort((a, b) => b.length - a.length);
const FREQUENCY_WORD = '每年';
/**
 * How often a meeting is held (「多久開一次會」「一年開幾次會」): 每年 and the verb, which pages
 * write as 開會, 舉行 or 召開 (reader words), together (「每年舉行一次」).
 */
const MEETING_FREQUENCY_PHRASES: readonly string[] = [
  ...'多久開一次會 多久开一次会 多久開會 多久开会 一年開幾次會 一年开几次会 每年開幾次會 每年开几次会 開幾次會 开几次会'.split(
    ' ',
  ),
].sort((a, b) => b.length - a.length);
const MEETING_FREQUENCY = `${FREQUENCY_WORD}開會`;

/** Question words asking why or how, both scripts: a heading asking the same may answer. */
export const ASKING: Readonly<Record<'why' | 'how', RegExp>> = {
  why: /為什麼|为什么|為甚麼|为甚么|為何|为何|為啥|为啥|點解|点解|\bwhy\b/u,
  how: /如何|怎麼|怎么|怎樣|怎样|咋|點樣|点样|\bhow\b(?! (?:many|much|long|often|old|far|big|large)\b)/u,
};

export type AnswerType = 'place' | 'date' | 'person' | 'number';

/**
 * Question words asking for a kind of answer, both scripts and English; the first that matches
 * wins (a date before a place: 哪一年 before 哪). English asks at the start (「When was …」), not
 * in a clause (「vote when members …」).
 */
export const ANSWER_TYPES: readonly (readonly [AnswerType, RegExp])[] = [
  [
    'date',
    /[哪那]一年|哪年|[邊边]一?年|哪一天|哪[幾几]天|[幾几][號号]|[什甚][麼么][時时]候|啥[時时]候|何[時时]|[幾几]月|[幾几][時时]|^(?:in |since )?(?:when|what year|which year)\b/u,
  ],
  [
    'place',
    /[哪那][裡里裏兒儿]|在哪|哪[個个座]城市|哪[個个]國家|何地|何[處处]|[邊边]度|喺[邊边]|^(?:in )?(?:where|which city|what city)\b/u,
  ],
  ['person', /誰|谁|哪一?位|[邊边][個个位]|^who\b/u],
  ['number', /多少|[幾几]多|幾[個个位次人項项屆届]|几[个位次人项届]|^(?:how many|how much)\b/u],
];

/**
 * Questions asking what a thing is called (in Chinese or English, in Hong Kong or the mainland),
 * or whether two names are one thing: the glossary's table of names answers them.
 */
const ASKING_NAME =
  /叫[什甚][麼么]|叫[咩乜啥]|咩名|叫做|怎[麼么樣样](?:叫|稱呼|称呼|翻|譯|译|寫|写)|點(?:叫|稱呼|称呼|寫|写|講|讲)|[中英]文名|譯名|译名|叫法|同一[個个回份件]|\bcall(?:s|ed)?\b|\bchinese names?\b|\btranslat|\b(?:write|writes|written|say|says|said)\b.*\bin (?:chinese|taiwan|hong kong|mainland)\b/u;
/** Words for a way of naming (寫法, 叫法, 用語), or a place's name for a thing (「在臺灣的名稱」), in any query. */
const USAGE_NAME =
  /寫法|写法|叫法|稱呼|称呼|用語|用语|(?:臺灣|台灣|台湾|香港|大陸|大陆|內地|内地)(?:的|叫|那邊|那边)(?:名稱|名称|名字)/u;

/** The reader's words with how-often phrases replaced by what pages write (for "typed together"). */
export function questionReading(normalized: string): string {
  let text = normalized;
  // (The subject before a how-often phrase is not typed next to 每年: a '/' keeps them apart.)
  for (const phrase of MEETING_FREQUENCY_PHRASES) text = text.split(phrase).join(`/${MEETING_FREQUENCY}`);
  for (const phrase of FREQUENCY_PHRASES) text = text.split(phrase).join(`/${FREQUENCY_WORD}`);
  return text;
}

/** Single-character particles and function words, and their Cantonese forms (嘅 的, 咗 了, 係 是, 喺 在): dropped when they stand alone. */
const PARTICLES = new Set(
  Array.from(
    '嗎吗呢吧啊呀麼么誰谁哪幾几是的了有在和與与及或跟之於于其為为對对把被將将就都也還还不嘅咗係系喺啲咁嘢佢㗎嘛囉喎',
  ),
);
/**
 * Words of everyday speech that say nothing of the subject (這個, 到底, 全部, 東西): dropped from
 * a term's content words, like the English stop words; both scripts.
 */
const FILLER_WORDS = new Set(
  '這個 这个 那個 那个 這些 这些 那些 這樣 这样 那樣 那样 這邊 这边 那邊 那边 到底 究竟 其實 其实 真的 大概 一下 都是 全部 所有 東西 东西 我們 我们 你們 你们 他們 他们 大家 自己 還是 还是 還是要 还是要 或是 我想 想知道 知道 告訴 而家 呢個 呢个 嗰個 嗰个 呢啲 嗰啲 佢哋 我哋 你哋 告诉 可以 應該 应该 現在 现在 如今 然後 然后 還有 另外 而且 並且 并且 聽說 听说 好像 記得 记得 據說 据说'.split(
    ' ',
  ),
);
/** The A-not-A question (會唔會, 有沒有, 可不可以's 可不可): a character, a negation, the same character. */
const A_NOT_A = /(\p{Script=Han})[唔不沒没冇]\1/gu;
/** Characters that make a query a question wherever they are (「有哪三個支柱」). */
const INTERROGATIVE = /[嗎吗呢誰谁哪幾几]/u;

/**
 * Cut question phrases out of a (normalised, unquoted) term: the pieces left, and whether
 * anything was cut. 「台灣以什麼名稱參加apec」→ [台灣以, 名稱參加apec].
 */
export function questionPieces(term: string): { pieces: string[]; cut: boolean } {
  if (!hasCjk(term)) return { pieces: [term], cut: false };
  let pieces = [term];
  let cut = false;
  for (const phrase of MEETING_FREQUENCY_PHRASES) {
    if (!pieces.some((piece) => piece.includes(phrase))) continue;
    cut = true;
    pieces = pieces.flatMap((piece) =>
      piece.split(phrase).flatMap((part, at) => (at === 0 ? [part] : [MEETING_FREQUENCY, part])),
    );
  }
  for (const phrase of FREQUENCY_PHRASES) {
    if (!pieces.some((piece) => piece.includes(phrase))) continue;
    cut = true;
    pieces = pieces.flatMap((piece) =>
      piece.split(phrase).flatMap((part, at) => (at === 0 ? [part] : [FREQUENCY_WORD, part])),
    );
  }
  for (const phrase of QUESTION_PHRASES) {
    if (!pieces.some((piece) => piece.includes(phrase))) continue;
    cut = true;
    pieces = pieces.flatMap((piece) => piece.split(phrase));
  }
  // A-not-A asks yes or no (會唔會, 掛不掛, 開沒開): the verb stays, on its own.
  if (pieces.some((piece) => A_NOT_A.test(piece))) {
    cut = true;
    pieces = pieces.flatMap((piece) => piece.replace(A_NOT_A, ' $1 ').split(' '));
  }
  if (!cut && !INTERROGATIVE.test(term)) {
    // (Any term: 的 or 嗎 at its ends, as in 「APEC 的決策方式」, is not part of it.)
    const trimmed = trimEnds(term, LINKING_PARTICLES);
    return { pieces: trimmed ? [trimmed] : [], cut: false };
  }
  // In a question, particles at either end of a piece (「…約束力嗎」「是條約組織」) are not content either.
  const trimmed = pieces.map((piece) => trimEnds(piece, PARTICLES));
  if (trimmed.some((piece, i) => piece !== (pieces[i] as string).trim())) cut = true;
  return { pieces: trimmed.filter((piece) => piece.length > 0 && !PARTICLES.has(piece)), cut };
}

/** Particles that never begin or end a term (的, 嗎, 嘅): trimmed from any term's ends. */
const LINKING_PARTICLES = new Set(Array.from('的之了嗎吗呢吧啊呀嘅咗'));
/** A piece without the given particles at its ends (never 不, nor 其 of 其他, 其中). */
function trimEnds(piece: string, particles: ReadonlySet<string>): string {
  const chars = Array.from(piece);
  const trims = (ch: string | undefined) => ch !== undefined && particles.has(ch) && ch !== '不' && ch !== '其';
  while (chars.length > 0 && trims(chars.at(-1))) chars.pop();
  while (chars.length > 1 && trims(chars[0])) chars.shift();
  return chars.join('').trim();
}

/**
 * The content words of an unquoted Chinese term: glossary names (longest key first), then
 * Intl.Segmenter words; particles dropped; runs of single characters merged (堪/培/拉 → 堪培拉);
 * a lone single character left over is optional. Latin words and numbers are words.
 */
export function contentWords(term: string, data: SearchData = EMPTY_DATA): { required: string[]; optional: string[] } {
  const required: string[] = [];
  const optional: string[] = [];
  if (!hasCjk(term)) return { required: [term], optional };
  const chars = Array.from(term);
  const canonChars = chars.map((ch) => firstChar(data.f[ch]) ?? ch);
  const { maxCjkKey } = prepare(data);
  let plain = '';
  /** A run of characters: a word if two or more, else an optional lone character. */
  const keep = (run: string) => {
    if (Array.from(run).length >= 2) required.push(run);
    else if (run) optional.push(run);
  };
  const flush = () => {
    let run = '';
    const endRun = () => {
      // (A run of single characters may be an everyday word the segmenter does not know: 而家;
      // or hold two-character names it does not know: 年悉尼 is 年 and 悉尼.)
      let rest = FILLER_WORDS.has(run) ? '' : run;
      for (let at = twoCharacterName(rest, data); at >= 0; at = twoCharacterName(rest, data)) {
        const restChars = Array.from(rest);
        keep(restChars.slice(0, at).join(''));
        required.push(restChars.slice(at, at + 2).join(''));
        rest = restChars.slice(at + 2).join('');
      }
      keep(rest);
      run = '';
    };
    for (const segment of icuWords(plain)) {
      const length = Array.from(segment).length;
      if ((length === 1 && PARTICLES.has(segment)) || FILLER_WORDS.has(segment)) endRun();
      else if (length === 1 && HAN.test(segment)) run += segment;
      else {
        endRun();
        required.push(segment);
      }
    }
    endRun();
    plain = '';
  };
  for (let i = 0; i < chars.length;) {
    // Names of three or more characters only: a two-character key can straddle two words
    // (項目 inside 四項目標); the segmenter finds two-character words well enough.
    // (Or one mistyped in a character, four or more long: 茂物目表 in 「茂物目表達成了嗎」.)
    const len = aliasKeyLengthAt(canonChars, i, 3, maxCjkKey, data) || typoLengthAt(chars, i, data);
    if (len > 0) {
      flush();
      required.push(chars.slice(i, i + len).join(''));
      i += len;
    } else {
      if (chars[i] !== ' ') plain += chars[i] as string;
      i++;
    }
  }
  flush();
  return { required, optional };
}

/** The length of the longest name (four or more characters) at `at` with one character mistyped (typoFix); 0 if none. */
function typoLengthAt(chars: readonly string[], at: number, data: SearchData): number {
  for (let len = Math.min(prepare(data).maxCjkKey, chars.length - at); len >= TYPO_IN_WORDS_MIN_CHARS; len--) {
    if (typoFix(chars.slice(at, at + len).join(''), data) !== undefined) return len;
  }
  return 0;
}

/** Where a two-character name or reader word (悉尼, 東協) starts in a run of three or more characters; -1 if none. */
function twoCharacterName(run: string, data: SearchData): number {
  const chars = Array.from(run);
  if (chars.length <= 2) return -1;
  for (let i = 0; i + 2 <= chars.length; i++) {
    if (own(data.k, aliasKey(`${chars[i]}${chars[i + 1]}`, data)) !== undefined) return i;
  }
  return -1;
}

/** The same word in another script or variant (東盟 / 东盟, 台 / 臺): character by character. */
function sameForm(a: string, b: string, data: SearchData): boolean {
  const x = Array.from(a.toLowerCase());
  const y = Array.from(b.toLowerCase());
  if (x.length !== y.length) return false;
  return x.every((ch, i) => {
    const other = y[i] as string;
    return ch === other || (own(data.f, ch) ?? '').includes(other) || (own(data.f, other) ?? '').includes(ch);
  });
}

/** Split the normalised query into raw terms: whitespace, "quoted phrases" and multi-word names. */
function splitTerms(normalized: string, data: SearchData): { text: string; quoted: boolean }[] {
  const pieces: { text: string; quoted: boolean }[] = [];
  const chunks = normalized.split('"');
  chunks.forEach((chunk, index) => {
    const insideQuotes = index % 2 === 1 && index < chunks.length - 1;
    const trimmed = chunk.trim();
    if (!trimmed) return;
    if (insideQuotes) {
      pieces.push({ text: trimmed, quoted: true });
      return;
    }
    const tokens = trimmed
      .split(' ')
      .map((token) => stripEdges(token))
      .filter((token) => token.length > 0);
    const { maxLatinWords } = prepare(data);
    for (let i = 0; i < tokens.length;) {
      let taken = 1;
      for (let n = Math.min(maxLatinWords, tokens.length - i); n >= 2; n--) {
        const words = tokens.slice(i, i + n);
        if (words.some(hasCjk)) continue;
        if (own(data.k, aliasKey(words.join(' '), data)) !== undefined) {
          taken = n;
          break;
        }
      }
      pieces.push({ text: tokens.slice(i, i + taken).join(' '), quoted: false });
      i += taken;
    }
  });
  return pieces;
}

/** Remove leading/trailing kept punctuation (-.'+#&) that is not part of a word, and a possessive 's. */
function stripEdges(token: string): string {
  const chars = Array.from(token);
  let start = 0;
  let end = chars.length;
  while (start < end && !LATIN_WORD_CHAR.test(chars[start] as string)) start++;
  while (
    end > start &&
    !LATIN_WORD_CHAR.test(chars[end - 1] as string) &&
    chars[end - 1] !== '+' &&
    chars[end - 1] !== '#'
  )
    end--;
  // (An English possessive is the name's: 「the Secretariat's building」.)
  return chars.slice(start, end).join('').replace(/'s$/u, '');
}

/**
 * English words that carry no content (what, does, the …): dropped from a query, unless part of
 * a name (`Seoul Declaration`, merged before). A question word among them makes it a question.
 */
const ENGLISH_STOP = new Set(
  's a an the of for to in on at by with from between and or is are was were be been has have had do does did can could will would should it its this that there any many much i me my you your we they them their he she his her please tell about stand mean means meaning if as than rather into up just actually exactly really ever still also instead being'.split(
    ' ',
  ),
);
const ENGLISH_ASKING = new Set('what who whom whose which where when why how'.split(' '));
/** A yes-or-no question in English starts with one of these (「does apec vote」「can taiwan's president attend」). */
const ENGLISH_YES_NO =
  /^(?:can|could|does|do|did|is|are|was|were|will|would|should|has|have|had|may|might)\s+\S+\s+\S+/u;

interface Piece {
  text: string;
  quoted: boolean;
}

/** The query's pieces (terms to be), question words and particles left out. */
function queryPieces(
  normalized: string,
  data: SearchData,
  asQuestion: boolean,
): { pieces: Piece[]; question: boolean } {
  let question = asQuestion || ENGLISH_YES_NO.test(normalized);
  let pieces = splitTerms(normalized, data).flatMap((piece): Piece[] => {
    if (piece.quoted) return [piece];
    if (!hasCjk(piece.text) && (ENGLISH_STOP.has(piece.text) || ENGLISH_ASKING.has(piece.text))) {
      question ||= ENGLISH_ASKING.has(piece.text);
      return [];
    }
    const { pieces: kept, cut } = questionPieces(piece.text);
    if (cut || INTERROGATIVE.test(piece.text)) question = true;
    return kept.map((text) => ({ text, quoted: false }));
  });
  // In a question every content word is a term of its own: the reader's words are not the
  // page's, so each counts for itself (weighted by rarity) instead of all or nothing.
  if (question) {
    pieces = pieces.flatMap((piece) => {
      if (piece.quoted || !hasCjk(piece.text) || groupOf(data, aliasKey(piece.text, data))) return [piece];
      // (A name with one character mistyped stays whole, so the ranker can read it as that name.)
      if (typoFix(piece.text, data) !== undefined) return [piece];
      const { required, optional } = contentWords(piece.text, data);
      return [...required, ...optional].map((text) => ({ text, quoted: false }));
    });
  }
  return { pieces, question };
}

/** The glossary page (content/glossary.mdx): every name of every term, in Taiwan, Hong Kong, mainland and English forms. */
export const GLOSSARY_PAGE = '/glossary/';
/** Cards without a `page` of their own link to the term's row on the glossary page (answers.ts). */
const GLOSSARY_ROW = /^\/glossary\/#term-/;

/** The page a glossary entry names as the one that explains the term (its card's link, without the section). */
function explainingPage(text: string, data: SearchData): string | undefined {
  const index = data.a ? own(data.a.k, cardKey(text)) : undefined;
  const url = index === undefined ? undefined : data.a?.c[index]?.u;
  return typeof url === 'string' && !GLOSSARY_ROW.test(url) ? url.split('#')[0] : undefined;
}

/**
 * One word the segmenter knows (主辦國) as its first two characters and the rest, so a page with
 * 主辦 still answers when none has the word itself. (A run of single characters, 堪培拉, is a name
 * the segmenter does not know: it stays whole.)
 */
function wordParts(split: { required: string[]; optional: string[] }): { required: string[]; optional: string[] } {
  const only = split.required[0];
  if (split.required.length !== 1 || split.optional.length > 0 || !only) return split;
  const letters = Array.from(only);
  if (letters.length < 3 || !letters.every((ch) => HAN.test(ch)) || icuWords(only).length !== 1) return split;
  const rest = letters.slice(2).join('');
  const long = rest.length >= 2;
  return { required: [letters.slice(0, 2).join(''), ...(long ? [rest] : [])], optional: long ? [] : [rest] };
}

/** The term as the site's name it was meant to be (typoFix), if one character was mistyped. */
function fixedTerm(piece: Piece, data: SearchData): ParsedTerm | undefined {
  const fix = piece.quoted ? undefined : typoFix(piece.text, data);
  return fix === undefined ? undefined : makeTerm({ text: fix, quoted: false }, data, false);
}

/** One term: its forms on the site, its words, and whether it is a name. */
function makeTerm(piece: Piece, data: SearchData, fixTypo = true): ParsedTerm | undefined {
  const alternatives = expandTerm(piece.text, data);
  if (alternatives.length === 0) return undefined;
  const named = groupOf(data, aliasKey(piece.text, data)) !== undefined;
  const parts = piece.quoted || named ? [] : splitWords(piece.text, data).map((part) => expandTerm(part, data));
  let words: string[][] = [];
  let optional: string[][] = [];
  if (!piece.quoted && !named && hasCjk(piece.text)) {
    const split = wordParts(contentWords(piece.text, data));
    if (split.required.length > 0 && (split.required.length > 1 || split.optional.length > 0)) {
      words = split.required.map((word) => expandTerm(word, data));
      optional = split.optional.map((word) => expandTerm(word, data));
    }
  }
  const preferred = alternatives[0] ?? '';
  return {
    primary: alternatives.filter(
      (alternative) => sameForm(alternative, piece.text, data) || sameForm(alternative, preferred, data),
    ),
    text: piece.text,
    quoted: piece.quoted,
    alternatives,
    parts,
    words,
    optional,
    weak: false,
    name: named || /\d/u.test(piece.text),
    loose: false,
    typed: hasCjk(piece.text) ? canon(piece.text, data).toLowerCase() : piece.text,
    explainedAt: explainingPage(piece.text, data),
    fixed: fixTypo ? fixedTerm(piece, data) : undefined,
  };
}

/** Years named from the reader's own (今年 this year, 去年, 明年; Cantonese 上年 and 下年): offsets. */
const RELATIVE_YEARS: readonly [RegExp, number][] = [
  [/今年|本年|this year/gu, 0],
  [/去年|上年|舊年|旧年|last year/gu, -1],
  [/前年/gu, -2],
  [/明年|下年|出年|next year/gu, 1],
  [/後年|后年/gu, 2],
];

/** The query with years named from today written as years (今年 → 2026 年), as the pages write them. */
export function withYears(text: string, year: number): string {
  let out = text;
  for (const [words, offset] of RELATIVE_YEARS) out = out.replace(words, ` ${year + offset} 年 `);
  return out.replace(/\s+/gu, ' ').trim();
}

/**
 * Normalise, split and expand a raw query. Never throws. `asQuestion` reads it as a question
 * (every content word a term of its own): the looser reading a query falls back to when the
 * site does not hold it as typed (`fallback`).
 */
export function parseQuery(
  raw: unknown,
  data: SearchData = EMPTY_DATA,
  asQuestion = false,
  /** The reader's year, for 今年 (this year), 去年 and 明年: the clock, unless a test gives one. */
  year = new Date().getFullYear(),
): ParsedQuery {
  const normalized = normalizeQuery(raw);
  if (!normalized) return { normalized, terms: [], question: false };
  const ends = typeof raw === 'string' && /[?？]\s*$/u.test(raw);
  // (Which city, what year: the kind of answer asked for, not a word the answer holds.)
  const dated = withYears(normalized, year).replace(/\b(which|what) (?:city|cities|country|countries|year)\b/gu, '$1');
  const { pieces, question } = queryPieces(dated, data, asQuestion || ends);
  const seen = new Set<string>();
  const terms: ParsedTerm[] = [];
  for (const piece of pieces) {
    const key = `${piece.quoted ? 'q' : 'w'}:${piece.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const term = makeTerm(piece, data);
    if (term) terms.push(term);
    if (terms.length >= MAX_TERMS) break;
  }
  // A single character next to other words (年 in 「2026 年願景」, 1 in 「alert(1)」) says little
  // by itself: it never makes a query match on its own, and in a question it is never required.
  for (const term of terms) {
    const single = !term.quoted && Array.from(term.text).length === 1;
    term.weak = single && (terms.length > 1 || (question && HAN.test(term.text)));
    term.loose = question && !term.quoted && !term.name && !hasCjk(term.text);
  }
  const asks = !question
    ? undefined
    : ASKING.why.test(normalized)
      ? 'why'
      : ASKING.how.test(normalized)
        ? 'how'
        : undefined;
  const wants = ANSWER_TYPES.find(([, asking]) => asking.test(normalized))?.[0];
  // (Two of the query's terms that are names of one thing: 「東協跟東盟」.)
  // (Glossary names only: two reader words of one meaning, 資料來源 and 出處, ask no name.)
  const isName = (text: string) => !!data.a && own(data.a.k, cardKey(text)) !== undefined;
  const groups = terms.map((term) => (isName(term.text) ? own(data.k, aliasKey(term.text, data)) : undefined));
  const namedTwice = groups.some((group, t) => group !== undefined && groups.indexOf(group) !== t);
  const parsed: ParsedQuery = {
    normalized,
    terms,
    question,
    reading: question ? questionReading(dated) : dated,
    asks,
    // (Why a thing is called so is asked of the page that explains it, not of the table of names.)
    asksName:
      !ASKING.why.test(normalized) &&
      ((question && ASKING_NAME.test(normalized)) || USAGE_NAME.test(normalized) || namedTwice),
    wants,
    answerNames: wants === 'place' || wants === 'person' ? data.n?.[wants] : undefined,
  };
  if (!question && terms.length > 0) parsed.fallback = parseQuery(raw, data, true, year);
  return parsed;
}

/* ------------------------------------------------------------------ suggestions */

function levenshtein(a: string[], b: string[], limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      cur.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length] as number;
}

function bigrams(chars: string[]): Set<string> {
  const set = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) set.add((chars[i] as string) + (chars[i + 1] as string));
  return set;
}

/** Similarity in [0, 1] between a term and a vocabulary word (both canonicalised). */
function similarity(term: string, word: string): number {
  const a = Array.from(term);
  const b = Array.from(word);
  if (a.length === 0 || b.length === 0) return 0;
  const limit = Math.max(1, Math.floor(Math.max(a.length, b.length) / 3));
  const distance = levenshtein(a, b, limit);
  const editScore = distance <= limit ? 1 - distance / Math.max(a.length, b.length) : 0;
  let dice = 0;
  if (a.length >= 2 && b.length >= 2) {
    const x = bigrams(a);
    const y = bigrams(b);
    let shared = 0;
    for (const gram of x) if (y.has(gram)) shared++;
    dice = (2 * shared) / (x.size + y.size);
  }
  const containment = a.length >= 2 && b.length >= 2 && (term.includes(word) || word.includes(term)) ? 0.75 : 0;
  return Math.max(editScore, dice, containment);
}

/** Vocabulary: one display form (the site form) per alias group, plus the extra words. */
function vocabulary(data: SearchData): { key: string; display: string }[] {
  const entries: { key: string; display: string }[] = [];
  const seen = new Set<string>();
  const add = (key: string, display: string) => {
    const id = `${key}\u0000${display}`;
    if (!key || !display || seen.has(id)) return;
    seen.add(id);
    entries.push({ key, display });
  };
  for (const [key, index] of Object.entries(data.k)) {
    const display = data.g[index]?.[0];
    if (display) add(key, display);
  }
  for (const word of data.w) add(aliasKey(word, data), word);
  return entries;
}

/**
 * "Did you mean": for each term with a close vocabulary word (typo, partial or over-long name),
 * a whole-query suggestion with that term replaced by the site form. At most `limit` results;
 * the caller should keep only suggestions that actually return results.
 */
export function suggest(raw: unknown, data: SearchData = EMPTY_DATA, limit = 3): string[] {
  const parsed = parseQuery(raw, data);
  if (parsed.terms.length === 0) return [];
  const vocab = vocabulary(data);
  const perTerm = parsed.terms.map((term) => {
    const key = aliasKey(term.text, data);
    if (own(data.k, key) !== undefined) return [];
    const scored: { display: string; score: number }[] = [];
    for (const entry of vocab) {
      if (entry.key === key) continue;
      const score = similarity(key, entry.key);
      if (score >= 0.5) scored.push({ display: entry.display, score });
    }
    scored.sort((x, y) => y.score - x.score || x.display.length - y.display.length);
    return uniq(scored.map((s) => s.display))
      .filter((display) => display !== term.text)
      .slice(0, limit);
  });
  const suggestions: string[] = [];
  for (let t = 0; t < parsed.terms.length; t++) {
    for (const replacement of perTerm[t] ?? []) {
      // Never a word twice: a term the replacement already holds (apec in 「APEC 企業諮詢委員會」) goes.
      const held = lowerSameLength(replacement);
      const words = parsed.terms.flatMap((term, i) => {
        if (i === t) return [replacement];
        if (held.includes(term.text.toLowerCase())) return [];
        return [term.quoted ? `"${term.text}"` : term.text];
      });
      suggestions.push(words.join(' '));
    }
  }
  return uniq(suggestions).slice(0, limit);
}

/* ------------------------------------------------------------------ matching helpers */

export const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/gu,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  );

const ASCII_ALNUM = (code: number) =>
  (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);

/** Lower-cases a page text without changing its length (falls back to ASCII-only folding). */
export function lowerSameLength(text: string): string {
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : text.replace(/[A-Z]/gu, (ch) => ch.toLowerCase());
}

/**
 * Positions where `needle` occurs in `haystack` (both already lower-cased). Latin/digit edges
 * need a word boundary on the left, and on the right too when the needle is ≤ 3 characters
 * (so `som` does not match `some`, `198` does not match `1989`).
 */
export function findAll(haystack: string, needle: string, max = 200): number[] {
  const found: number[] = [];
  if (!needle) return found;
  const leftWord = ASCII_ALNUM(needle.charCodeAt(0));
  const rightWord = ASCII_ALNUM(needle.charCodeAt(needle.length - 1)) && needle.length <= 3;
  let from = 0;
  while (found.length < max) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) break;
    const before = at > 0 ? haystack.charCodeAt(at - 1) : 32;
    const after = at + needle.length < haystack.length ? haystack.charCodeAt(at + needle.length) : 32;
    if ((!leftWord || !ASCII_ALNUM(before)) && (!rightWord || !ASCII_ALNUM(after))) found.push(at);
    from = at + 1;
  }
  return found;
}

/**
 * HTML-escaped `text` with every occurrence of the needles wrapped in <mark> (longest first,
 * no overlaps). `text` is plain text; everything in the output is escaped.
 */
export function markText(text: string, needles: readonly string[]): string {
  const lower = lowerSameLength(text);
  const sorted = uniq(needles.map((n) => n.toLowerCase())).sort((a, b) => b.length - a.length);
  const ranges: [number, number][] = [];
  for (const needle of sorted) {
    for (const at of findAll(lower, needle)) {
      const end = at + needle.length;
      if (ranges.some(([s, e]) => at < e && end > s)) continue;
      ranges.push([at, end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  let out = '';
  let cursor = 0;
  for (const [start, end] of ranges) {
    out += escapeHtml(text.slice(cursor, start)) + '<mark>' + escapeHtml(text.slice(start, end)) + '</mark>';
    cursor = end;
  }
  return out + escapeHtml(text.slice(cursor));
}
