/**
 * Build-time (Node) generation of the search folding data shipped to the browser.
 *
 * `buildSearchData({ pages, glossary })` looks at the text the site really contains and derives,
 * with OpenCC's dictionaries (opencc-js, never shipped to the browser):
 *
 * - `f`, character folding: for every Han character the pages use, every Simplified form and
 *   variant of it (OpenCC character tables cn↔t, t↔tw, t↔hk, up to two steps: 台/臺, 裡/裏/里,
 *   線/綫/线, 著/着, 戰/战) maps to the site's characters, most frequent first. Only characters
 *   whose folding is not "itself" are listed.
 * - `g` + `k`, alias groups: each glossary entry (tw, twAlt, hk, cn, en, abbr; any entry with
 *   that shape, e.g. members) is a group; the group keeps the forms that occur in the pages, and
 *   every form, its Simplified / Taiwan conversions and its English or abbreviation (lower case)
 *   is a key. OpenCC regional phrases whose Taiwan form occurs on the site (新西蘭→紐西蘭) and
 *   Simplified phrases that character folding would get wrong are added as groups too. Groups
 *   sharing a key are merged. A new glossary entry needs no code.
 *   Reader words (src/data/reader-words.yaml) are groups too, keyed by the reader's words only.
 * - `w`, extra suggestion vocabulary (optional `vocabulary` input, kept if it occurs).
 *
 * The runtime side (parseQuery, suggest) is src/search/query.ts.
 */
import * as OpenCC from 'opencc-js';
import { aliasKey, findAll, hasCjk, latinKey, lowerSameLength, type SearchData } from './query';

/** Anything shaped like a glossary entry (src/data/schemas.ts GlossaryEntry, or a Member). */
export interface AliasEntry {
  tw: string;
  twAlt?: readonly string[] | undefined;
  hk?: readonly string[] | undefined;
  cn?: readonly string[] | undefined;
  en?: string | undefined;
  abbr?: string | undefined;
  /**
   * `person`: the English surname alone is a key too (Hawke → 霍克); `place`, `member` and
   * `person` names are what a place or person answer holds (SearchData.n).
   */
  category?: string | undefined;
}

export interface BuildInput {
  pages: readonly { url: string; text: string }[];
  glossary: readonly AliasEntry[];
  /** Extra "did you mean" words (e.g. headings); kept only if they occur in the pages. */
  vocabulary?: readonly string[] | undefined;
  /** Words readers type for the site's words (src/data/reader-words.yaml): one way, reader → site. */
  readerWords?: readonly { site: readonly string[]; reader: readonly string[] }[] | undefined;
}

const HAN = /\p{Script=Han}/u;

type DictLike = string | readonly (readonly [string, string])[];

function* dictPairs(dict: DictLike): Generator<[string, string[]]> {
  if (typeof dict === 'string') {
    for (const entry of dict.split('|')) {
      const [key, ...values] = entry.split(' ');
      if (key && values.length > 0) yield [key, values];
    }
  } else {
    for (const [key, value] of dict) yield [key, value.split(' ')];
  }
}

function* presetDicts(groups: readonly (readonly DictLike[])[] | undefined): Generator<DictLike> {
  for (const group of groups ?? []) for (const dict of group) yield dict;
}

const isSingleChar = (text: string) => Array.from(text).length === 1;

/** Undirected graph of OpenCC character-level relations (Simplified ↔ Traditional ↔ regional variants). */
interface CharTables {
  /** Regional variants of the same Traditional character (台/臺, 裡/裏, 綫/線), both ways. */
  variants: Map<string, Set<string>>;
  /** Traditional character → its Simplified forms (戰 → 战, 裡 → 里). */
  simplified: Map<string, Set<string>>;
}

let charTables: CharTables | undefined;

function openccCharTables(): CharTables {
  if (charTables) return charTables;
  const variants = new Map<string, Set<string>>();
  const simplified = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, a: string, b: string) => {
    if (a === b) return;
    if (!map.has(a)) map.set(a, new Set());
    map.get(a)?.add(b);
  };
  const { from, to } = OpenCC.Locale;
  for (const groups of [from['tw'], to['tw'], from['hk'], to['hk']]) {
    for (const dict of presetDicts(groups)) {
      for (const [key, values] of dictPairs(dict)) {
        if (!isSingleChar(key)) continue;
        for (const value of values) {
          if (!isSingleChar(value)) continue;
          add(variants, key, value);
          add(variants, value, key);
        }
      }
    }
  }
  // to.cn: Traditional → Simplified; from.cn: Simplified → Traditional (read backwards).
  for (const dict of presetDicts(to['cn'])) {
    for (const [key, values] of dictPairs(dict)) {
      if (isSingleChar(key)) for (const value of values) if (isSingleChar(value)) add(simplified, key, value);
    }
  }
  for (const dict of presetDicts(from['cn'])) {
    for (const [key, values] of dictPairs(dict)) {
      if (isSingleChar(key)) for (const value of values) if (isSingleChar(value)) add(simplified, value, key);
    }
  }
  charTables = { variants, simplified };
  return charTables;
}

/** Phrase pairs [from, to] from OpenCC phrase tables of the given presets. */
function phrasePairs(groups: readonly (readonly DictLike[])[] | undefined): [string, string][] {
  const pairs: [string, string][] = [];
  for (const dict of presetDicts(groups)) {
    for (const [key, values] of dictPairs(dict)) {
      if (isSingleChar(key)) continue;
      for (const value of values) if (value !== key) pairs.push([key, value]);
    }
  }
  return pairs;
}

class UnionFind {
  private parent = new Map<string, string>();
  find(x: string): string {
    let root = x;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root) as string;
    this.parent.set(x, root);
    return root;
  }
  add(x: string) {
    if (!this.parent.has(x)) this.parent.set(x, x);
  }
  union(a: string, b: string) {
    this.add(a);
    this.add(b);
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

/**
 * Latin keys of an English name: as written, without "APEC", without a leading "the", and
 * before a comma ("Hong Kong, China" → hong kong).
 */
function latinVariants(form: string): string[] {
  const key = latinKey(form);
  // (Readers leave out a name's bracketed part and its years: 「APEC Connectivity Blueprint」.)
  const words = latinKey(form.replace(/\([^)]*\)/gu, ' ')).split(' ');
  while (words.length > 1 && /^\d+$/u.test(words.at(-1) as string)) words.pop();
  const withoutApec = words.filter((word) => word !== 'apec');
  const variants = [key, words.join(' '), withoutApec.join(' ')];
  if (words[0] === 'the') variants.push(words.slice(1).join(' '));
  if (form.includes(',')) variants.push(latinKey(form.slice(0, form.indexOf(','))));
  return [...new Set(variants)].filter((variant) => variant.length >= 2);
}

/**
 * Which of `candidates` occur in `text`, in one pass: candidates are indexed by their first two
 * UTF-16 units, so each position of the text is checked only against the few phrases starting
 * there, and a phrase once found is not looked for again. Cost grows with the text, not with
 * text × dictionary.
 */
export function presentIn(text: string, candidates: Iterable<string>): Set<string> {
  const singles = new Set<number>();
  const byPair = new Map<number, string[]>();
  for (const candidate of new Set(candidates)) {
    if (candidate.length === 0) continue;
    if (candidate.length === 1) {
      singles.add(candidate.charCodeAt(0));
      continue;
    }
    const pair = candidate.charCodeAt(0) * 0x10000 + candidate.charCodeAt(1);
    const list = byPair.get(pair);
    if (list) list.push(candidate);
    else byPair.set(pair, [candidate]);
  }
  const found = new Set<string>();
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (singles.delete(code)) found.add(text[i] as string);
    if (byPair.size === 0) {
      if (singles.size === 0) break;
      continue;
    }
    const pair = code * 0x10000 + text.charCodeAt(i + 1);
    const list = byPair.get(pair);
    if (!list) continue;
    for (let at = list.length - 1; at >= 0; at--) {
      const candidate = list[at] as string;
      if (!text.startsWith(candidate, i)) continue;
      found.add(candidate);
      list.splice(at, 1);
    }
    if (list.length === 0) byPair.delete(pair);
  }
  return found;
}

/**
 * Character folding, directed: a query character folds to a site character when it is that
 * character, a regional variant of it (two steps: 台/臺, 裡/裏), or a Simplified form of either
 * (戰 ← 战, 裡 ← 里); the site's characters most frequent first. Never sideways through a shared
 * Simplified form: 裡 must not find 里 (峇里島), though a Simplified 里 may mean either.
 */
function characterFolding(siteText: string): Record<string, string> {
  const freq = new Map<string, number>();
  for (const ch of siteText) if (HAN.test(ch)) freq.set(ch, (freq.get(ch) ?? 0) + 1);
  const { variants, simplified } = openccCharTables();
  const targets = new Map<string, Set<string>>();
  const addTarget = (query: string, site: string) => {
    if (!targets.has(query)) targets.set(query, new Set());
    targets.get(query)?.add(site);
  };
  for (const siteChar of freq.keys()) {
    const forms = new Set([siteChar]);
    for (const near of variants.get(siteChar) ?? []) {
      forms.add(near);
      for (const far of variants.get(near) ?? []) forms.add(far);
    }
    for (const form of forms) {
      addTarget(form, siteChar);
      for (const simple of simplified.get(form) ?? []) addTarget(simple, siteChar);
    }
  }
  const f: Record<string, string> = {};
  const byFreq = (a: string, b: string) => (freq.get(b) ?? 0) - (freq.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0);
  for (const [query, sites] of [...targets].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const value = [...sites].sort(byFreq).join('');
    if (value !== query) f[query] = value;
  }
  return f;
}

/** Alias groups as they are gathered: each a list of forms and the keys that find it; groups sharing a key merge. */
class AliasGroups {
  private readonly uf = new UnionFind();
  private readonly forms = new Map<string, Set<string>>();
  private readonly keyOwner = new Map<string, string>();

  add(forms: readonly string[], keys: Iterable<string>): void {
    const id = `g${this.forms.size}`;
    this.uf.add(id);
    this.forms.set(id, new Set(forms));
    for (const key of keys) {
      if (!key || (hasCjk(key) ? Array.from(key).length < 2 : key.length < 2)) continue;
      const owner = this.keyOwner.get(key);
      if (owner) this.uf.union(owner, id);
      else this.keyOwner.set(key, id);
    }
  }

  /** Every form of every group. */
  allForms(): string[] {
    return [...this.forms.values()].flatMap((forms) => [...forms]);
  }

  /** The merged groups, keeping the forms that occur on the site (Taiwan form first), and each key's group. */
  resolve(occurs: (form: string) => boolean, keyOf: (form: string) => string): Pick<SearchData, 'g' | 'k'> {
    const merged = new Map<string, string[]>();
    for (const [id, forms] of this.forms) {
      const root = this.uf.find(id);
      const list = merged.get(root) ?? [];
      for (const form of forms) if (!list.includes(form)) list.push(form);
      merged.set(root, list);
    }
    const g: string[][] = [];
    const rootIndex = new Map<string, number>();
    for (const [root, forms] of merged) {
      const present = forms.filter(occurs);
      if (present.length === 0) continue;
      rootIndex.set(root, g.length);
      g.push(present);
    }
    const k: Record<string, number> = {};
    for (const [key, owner] of [...this.keyOwner].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const index = rootIndex.get(this.uf.find(owner));
      if (index === undefined) continue;
      // A key that is itself a site form of a single-form group adds nothing.
      const forms = g[index] as string[];
      if (forms.length === 1 && keyOf(forms[0] as string) === key) continue;
      k[key] = index;
    }
    return { g, k };
  }
}

/** OpenCC's converters: a Chinese form's Simplified forms and their Taiwan forms (what a reader may type). */
function chineseForms() {
  const toCn = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const hkToCn = OpenCC.Converter({ from: 'hk', to: 'cn' });
  const cnToTwp = OpenCC.Converter({ from: 'cn', to: 'twp' });
  const cnToTw = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const hkToTw = OpenCC.Converter({ from: 'hk', to: 'tw' });
  const variantsOf = (form: string): string[] => {
    if (!hasCjk(form)) return [form];
    const simplified = [toCn(form), hkToCn(form)];
    return [form, ...simplified, ...simplified.flatMap((s) => [cnToTw(s), cnToTwp(s)]), hkToTw(form)];
  };
  return { toCn, variantsOf };
}

/**
 * OpenCC's regional phrases whose Taiwan form the site uses (新西蘭→紐西蘭), and Simplified
 * phrases (STPhrases) that character folding `f` cannot reach (干→幹, not 乾).
 */
function addPhrases(
  groups: AliasGroups,
  siteText: string,
  f: Record<string, string>,
  keysOf: (form: string) => string[],
  keyOf: (form: string) => string,
): void {
  const { from, to } = OpenCC.Locale;
  const regional = [...phrasePairs(to['twp']?.slice(0, 1)), ...phrasePairs(from['hkp']?.slice(0, 1))];
  const stPhrases = phrasePairs(from['cn']);
  // One pass over the site text finds which dictionary phrases occur (not one pass per phrase).
  const present = presentIn(
    siteText,
    [...regional, ...stPhrases].map(([, target]) => target),
  );
  for (const [source, target] of regional) {
    if (!HAN.test(target) || !present.has(target)) continue;
    groups.add([target, source], new Set([...keysOf(source), keyOf(target)]));
  }
  const reaches = (source: string, target: string): boolean => {
    const s = Array.from(source);
    const t = Array.from(target);
    if (s.length !== t.length) return false;
    return s.every((ch, i) => (f[ch] ?? ch).includes(t[i] as string));
  };
  for (const [source, target] of stPhrases) {
    if (!present.has(target) || reaches(source, target)) continue;
    groups.add([target], [keyOf(source), keyOf(target)]);
  }
}

/**
 * Whether a form occurs on the site: one pass over the text for all the forms asked about
 * (`forms`), then the word-boundary rule for Latin letters and digits (APEC is not in APECX).
 */
function siteOccurrence(siteLower: string, forms: () => readonly string[]): (form: string) => boolean {
  const needleOf = (form: string) => form.normalize('NFKC').toLowerCase().trim();
  let substrings: Set<string> | undefined;
  return (form) => {
    const needle = needleOf(form);
    if (needle.length === 0) return false;
    substrings ??= presentIn(siteLower, forms().map(needleOf));
    return substrings.has(needle) && findAll(siteLower, needle, 1).length > 0;
  };
}

export function buildSearchData(input: BuildInput): SearchData {
  const siteText = input.pages.map((page) => page.text.normalize('NFC')).join('\n');
  const f = characterFolding(siteText);
  const partial: SearchData = { v: 1, f, g: [], k: {}, w: [] };
  const keyOf = (form: string) => aliasKey(form, partial);
  const { toCn, variantsOf } = chineseForms();
  const keysOf = (form: string) => variantsOf(form).map(keyOf);
  const groups = new AliasGroups();

  // Glossary entries: every form, its Simplified and Taiwan conversions, its English (and a person's surname).
  for (const entry of input.glossary) {
    const chinese = [entry.tw, ...(entry.twAlt ?? []), ...(entry.hk ?? []), ...(entry.cn ?? [])];
    const latin = [entry.en, entry.abbr].filter((x): x is string => typeof x === 'string' && x.trim().length > 0);
    const forms = [...chinese, ...latin].map((form) => form.trim()).filter((form) => form.length > 0);
    const keys = new Set([...chinese.flatMap(keysOf), ...latin.flatMap(latinVariants)]);
    const surname = entry.category === 'person' && entry.en ? latinKey(entry.en).split(' ').pop() : undefined;
    if (surname && surname.length >= 3) keys.add(surname);
    groups.add(forms, keys);
  }
  // Reader words: the site's words and the reader's, keyed by the reader's words only, so 創立
  // finds 成立 but 成立 does not find 創立.
  for (const entry of input.readerWords ?? []) {
    const keys = new Set(entry.reader.flatMap((word) => (hasCjk(word) ? keysOf(word) : [latinKey(word)])));
    groups.add([...entry.site, ...entry.reader], keys);
  }
  addPhrases(groups, siteText, f, keysOf, keyOf);

  const occurs = siteOccurrence(lowerSameLength(siteText), () => [...groups.allForms(), ...(input.vocabulary ?? [])]);
  const { g, k } = groups.resolve(occurs, keyOf);
  const w = [...new Set((input.vocabulary ?? []).map((word) => word.trim()).filter((word) => word && occurs(word)))];
  return { v: 1, f, g, k, w, n: answerNames(input.glossary, occurs, toCn) };
}

/**
 * Names of places (and members) and of people on the site, as both editions write them: a
 * passage holding one holds that kind of answer (「在哪裡舉行」 wants a place, 「誰」 a person).
 */
function answerNames(
  glossary: readonly AliasEntry[],
  occurs: (form: string) => boolean,
  toSimplified: (form: string) => string,
): NonNullable<SearchData['n']> {
  const namesOf = (categories: readonly string[]): string[] => {
    const forms = glossary
      .filter((entry) => categories.includes(entry.category ?? ''))
      .flatMap((entry) => [entry.tw, ...(entry.twAlt ?? [])])
      .filter((form) => hasCjk(form) && occurs(form));
    return [...new Set(forms.flatMap((form) => [form, toSimplified(form)]))];
  };
  return { place: namesOf(['place', 'member']), person: namesOf(['person']) };
}
