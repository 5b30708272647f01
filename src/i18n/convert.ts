/**
 * Traditional (Taiwan usage) → Simplified (mainland usage) conversion for the /zh-hans/ edition.
 *
 * The site is written once, in zh-Hant-TW; the Simplified edition is generated from it at build
 * time so the two never drift. Three layers, in this order, over one pass of the text:
 *
 * 1. The glossary decides names. Every `tw` / `twAlt` form that has a `cn` form becomes that
 *    mainland form (紐西蘭 → 新西兰, 資深官員會議 → 高官会). A trie gives longest match first, and
 *    every form of every entry (hk and cn forms too) is a word of its own, so nothing is replaced
 *    inside a longer glossary form (亞太經濟合作組織 is not read as 亞太經濟合作 + 組織).
 *    The regional form the writers put in parentheses at first mention — 資深官員會議（高官會）,
 *    東協（香港與中國大陸稱東盟）, 中華台北（Chinese Taipei；中國大陸稱「中國台北」） — would
 *    repeat the replacement, so it is dropped. A form quoted as a name (寫作「亞太經濟合作會議」)
 *    or introduced by a naming verb (稱之為執行長) is a statement about that name and is kept.
 * 2. OpenCC `twp → cn` (config tw2sp: Taiwan phrases → mainland phrases) converts the rest,
 *    except for PHRASE_GUARD: general words its IT-oriented phrase list gets wrong in prose
 *    (文件 → 文档, 資料 → 数据, 執行 → 运行, 區域性 → 局部 …), which convert character by character.
 * 3. In HTML, text and human-readable attributes are converted; <script>, <style>, <code>, <pre>
 *    and anything under `data-zh-keep` (or `translate="no"`) keep their original form;
 *    `data-zh-literal` converts characters only (for tables that list names side by side).
 *    Internal page links get the edition prefix; ids and `#fragment` links stay as they are, so
 *    anchors survive a language switch; a link with `hreflang` (the edition switch) is left alone.
 */
// `opencc-js/core` + the t2cn preset: the package's main entry does not export ConverterBuilder.
import { ConverterBuilder, type ConverterFunction, type DictLike, type LocalePreset } from 'opencc-js/core';
import * as Locale from 'opencc-js/preset/t2cn';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { Element, Nodes, Properties, Root } from 'hast';

/** Anything with Chinese names: a glossary entry, a member economy. */
export interface GlossaryLike {
  /** Taiwan form, used by the site. */
  readonly tw: string;
  /** Other Taiwan forms. */
  readonly twAlt?: readonly string[];
  /** Hong Kong forms. */
  readonly hk?: readonly string[];
  /** Mainland forms, in Traditional characters; the first one is used in the Simplified edition. */
  readonly cn?: readonly string[];
}

export interface ConverterOptions {
  /**
   * `twAlt` forms that are never replaced by the entry's `cn` form, because in running text they
   * name something else: a former name (漢城), a region rather than the APEC member (香港, 中國大陸),
   * a full official name, or an everyday word (共識). Default: DEFAULT_KEEP_ALT.
   */
  readonly keepAlt?: readonly string[];
}

export interface HtmlOptions {
  /** The site's base path, `/` or `/sub/path/`. */
  readonly base: string;
  /** The edition's path segment, e.g. `zh-hans/`. */
  readonly prefix: string;
  /** Parse as a full document (`<!doctype html>…`). Default: detected from the input. */
  readonly document?: boolean;
  /** Replaces a zh-Hant / zh-TW `lang` value outside kept regions. Default `zh-Hans`. */
  readonly lang?: string;
  /** Added as `lang` to a `data-zh-keep` element that has none. Default `zh-Hant-TW`. */
  readonly keepLang?: string;
}

export interface Converter {
  /** Converts plain text (Taiwan Traditional → mainland Simplified). */
  text(s: string): string;
  /** Converts an HTML fragment, or a full document; returns compact HTML. */
  html(fragment: string, options: HtmlOptions): string;
  /**
   * Converts characters only, names and phrases as written: what `data-zh-literal` elements get
   * (tables that list names side by side, such as the glossary).
   */
  literal(s: string): string;
}

export const DEFAULT_KEEP_ALT: readonly string[] = [
  '漢城',
  '香港',
  '中國大陸',
  '中華人民共和國',
  '大韓民國',
  '汶萊達魯薩蘭國',
  '共識',
  'APEC 秘書處',
];

/**
 * Words whose OpenCC Taiwan→mainland phrase mapping (TWPhrasesRev, written for software
 * vocabulary) is wrong in this site's prose; they are converted character by character instead.
 * Longer entries of that list stay (資料庫 → 数据库, 智慧財產權 → 知识产权).
 */
export const PHRASE_GUARD: readonly string[] = [
  '文件', // 文档: APEC documents are 文件
  '檔案', // 文件: archives are 档案
  '資料', // 数据: sources, material
  '資料來源', // 数据源
  '執行', // 运行: 自願執行
  '執行長', // 首席执行官: the glossary decides (执行主任)
  '建立', // 创建
  '設定', // 设置: 設定目標
  '啟用', // 激活: 大樓啟用
  '檢視', // 查看: 定期接受檢視
  '開啟', // 打开
  '頁首', // 页眉: 回到頁首
  '社群', // 社区: 亞太社群
  '整合', // 集成: 區域整合
  '區域性', // 局部: 區域性組織
  '指標', // 指针: economic indicators
  '互動', // 交互
  '物件', // 对象
  '程序', // 进程: procedure
  '行程', // 进程: itinerary
  '核心', // 内核: 核心原則
  '複製', // 拷贝
  '呼叫', // 调用
  '序列', // 串行
  '智慧', // 智能
  '類比', // 模拟: analogy
  '簡報', // 演示文稿: briefing
  '查詢', // 查找
  '宣告', // 声明: 宣告成立
  '儲存', // 保存: 能源儲存
  '新增', // 添加
  '即時', // 实时: 即時生效
  '效能', // 性能: efficacy
  '批次', // 批量
  '離線', // 脱机
  '線上', // 在线: 改在線上舉行 would read 改在在线举行; 线上 is mainland usage too
];

/** Taiwan → mainland words OpenCC lacks (Traditional on both sides; converted after). */
export const PHRASE_EXTRA: readonly (readonly [string, string])[] = [
  ['報導', '報道'],
  ['透過', '通過'],
  ['身分', '身份'],
  ['份量', '分量'],
  ['導覽', '導航'], // 網站導覽 → 网站导航
];

/**
 * A glossary form whose last character starts one of these words with the next character is
 * not a match: 以共識決定 is 共識 + 決定, not 共識決 + 定; 執行長期計畫 is 執行 + 長期.
 */
export const SPLIT_WORDS: readonly string[] = ['決定', '決議', '決策', '長期', '長達', '長久', '長遠'];

// ── OpenCC ─────────────────────────────────────────────────────────────────

interface OpenccSet {
  /** Taiwan phrases → mainland, with PHRASE_GUARD removed: for the site's prose. */
  readonly phrase: ConverterFunction;
  /** Characters (and t/s disambiguation phrases) only: for mainland forms and literal text. */
  readonly chars: ConverterFunction;
  /** Characters that can appear in converted output although `chars` changes them alone (乾隆). */
  readonly legit: ReadonlySet<string>;
}

let opencc: OpenccSet | undefined;

function dictEntries(dict: DictLike): (readonly [string, string])[] {
  if (typeof dict !== 'string') return [...dict];
  return dict
    .split('|')
    .map((pair): readonly [string, string] => {
      const space = pair.indexOf(' ');
      return [pair.slice(0, space), pair.slice(space + 1)];
    })
    .filter(([from]) => from !== '');
}

/** Built once per process: loading OpenCC's dictionaries is the slow part. */
function getOpencc(): OpenccSet {
  if (opencc) return opencc;
  const base = Locale.configs['tw2sp'];
  const twp = Locale.from['twp']?.[0];
  const tw = Locale.from['tw']?.[0];
  if (!base || !twp || !tw) throw new Error('opencc-js: the tw2sp configuration is missing');
  // The one dictionary twp has and tw lacks is TWPhrasesRev (Taiwan → mainland phrases).
  const phrasesRev = twp.find((dict) => !tw.includes(dict));
  if (phrasesRev === undefined) throw new Error('opencc-js: TWPhrasesRev not found');
  const guard = new Set(PHRASE_GUARD);
  const guarded = [...dictEntries(phrasesRev).filter(([from]) => !guard.has(from)), ...PHRASE_EXTRA];
  const preset: LocalePreset = {
    from: Locale.from,
    to: Locale.to,
    configs: {
      tw2sp: {
        ...base,
        conversionChain: base.conversionChain.map((group) =>
          group.map((dict) => (dict === phrasesRev ? guarded : dict)),
        ),
      },
    },
  };
  const phrase = ConverterBuilder(preset)({ from: 'twp', to: 'cn' });
  const chars = ConverterBuilder(Locale)({ from: 'tw', to: 'cn' });
  // Whatever the conversion can output is Simplified, even when `chars` changes the character
  // alone: 乾 of 乾隆 and 么 of 什么 (last stage), 著 of 著名 (kept by a first-stage phrase).
  const legit = new Set<string>();
  const last = base.conversionChain.at(-1) ?? [];
  const converted = new Set<string>();
  for (const dict of last) {
    for (const [from, to] of dictEntries(dict)) {
      if (from.length === 1 && to !== from) converted.add(from);
      for (const ch of to) legit.add(ch);
    }
  }
  for (const group of base.conversionChain.slice(0, -1)) {
    for (const dict of group) {
      for (const [, to] of dictEntries(dict)) for (const ch of to) if (!converted.has(ch)) legit.add(ch);
    }
  }
  opencc = { phrase, chars, legit };
  return opencc;
}

/**
 * Characters of `text` (each once, in order of appearance) that exist only in Traditional
 * script: OpenCC converts them to something else, and they cannot appear in converted output.
 * Characters shared by both scripts (台, 著, 乾 of 乾隆) are not reported.
 */
export function traditionalOnlyChars(text: string): string[] {
  const { chars, legit } = getOpencc();
  const found = new Set<string>();
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x2e80 || found.has(ch) || legit.has(ch)) continue;
    if (chars(ch) !== ch) found.add(ch);
  }
  return [...found];
}

// ── Glossary trie ──────────────────────────────────────────────────────────

interface Term {
  /** Simplified replacement, when the form is a Taiwan form of an entry with a mainland form. */
  readonly replacement?: string;
  /** The form is a Hong Kong or mainland form: converted by characters, not Taiwan phrases. */
  readonly regional: boolean;
  /** All Hong Kong and mainland forms of the entry, compact: what an annotation may repeat. */
  readonly annotations: ReadonlySet<string>;
}

interface TrieNode {
  readonly next: Map<string, TrieNode>;
  term?: Term;
}

const compact = (s: string) => s.replace(/\s+/g, '');

function buildTrie(
  glossary: readonly GlossaryLike[],
  keepAlt: ReadonlySet<string>,
  chars: ConverterFunction,
): TrieNode {
  const terms = new Map<string, Term>();
  const rank = (term: Term) => (term.replacement !== undefined ? 2 : term.regional ? 0 : 1);
  const add = (form: string, term: Term) => {
    for (const variant of new Set([form.trim(), compact(form)])) {
      if (variant === '') continue;
      const existing = terms.get(variant);
      if (!existing || rank(term) > rank(existing)) terms.set(variant, term);
    }
  };
  for (const entry of glossary) {
    const hk = entry.hk ?? [];
    const cn = entry.cn ?? [];
    const annotations = new Set([...hk, ...cn].map(compact));
    const mainland = cn[0];
    const replacement = mainland === undefined ? undefined : chars(mainland);
    for (const form of [...hk, ...cn]) add(form, { regional: true, annotations });
    add(
      entry.tw,
      replacement === undefined ? { regional: false, annotations } : { replacement, regional: false, annotations },
    );
    for (const form of entry.twAlt ?? []) {
      const keep = replacement === undefined || keepAlt.has(form) || keepAlt.has(compact(form));
      add(form, keep ? { regional: false, annotations } : { replacement, regional: false, annotations });
    }
  }
  const root: TrieNode = { next: new Map() };
  for (const [form, term] of terms) {
    let node = root;
    for (const ch of form) {
      let child = node.next.get(ch);
      if (!child) {
        child = { next: new Map() };
        node.next.set(ch, child);
      }
      node = child;
    }
    node.term = term;
  }
  return root;
}

/** Longest glossary form starting at `start` (UTF-16 index). */
function matchAt(root: TrieNode, s: string, start: number): { end: number; term: Term } | undefined {
  let node: TrieNode | undefined = root;
  let best: { end: number; term: Term } | undefined;
  let i = start;
  while (i < s.length) {
    const cp = s.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    node = node.next.get(ch);
    if (!node) break;
    i += ch.length;
    if (node.term) best = { end: i, term: node.term };
  }
  return best;
}

// ── Text ───────────────────────────────────────────────────────────────────

const QUOTE_PAIRS: Readonly<Record<string, string>> = { '「': '」', '『': '』', '“': '”', '《': '》' };
const PAREN_PAIRS: Readonly<Record<string, string>> = { '（': '）', '(': ')' };
/** A naming verb right before a form: the sentence is about a source's name for the thing. */
const NAMING_VERB = /(?:稱之為|舊稱|俗稱|寫作|譯為|譯作)\s*$/;
/** 「香港與中國大陸稱」「港陸稱」「中國大陸譯為」 before a form inside parentheses. */
const REGION_PREFIX =
  /^(?:(?:香港|港|澳門|中國大陸|中國內地|中國|大陸|內地|陸|兩岸)(?:與|和|及|、)?)+(?:均|皆|都|則|多|亦|也|一般)?(?:稱為|稱作|稱|寫作|作|譯為|譯作|用|譯)?/;
const QUOTES = /^[「『“"《]|[」』”"》]$/g;
const ANNOTATION_SEPARATOR = /([；;，,、])/;
const SPLIT = new Set(SPLIT_WORDS);
const LATIN_EDGE = /^[A-Za-z0-9]/;
const SPACE_AFTER_HAN = /(?<=[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef])[ \u00a0]$/;

/** Index of the parenthesis closing the one at `open`, or -1 (short annotations only). */
function closingParen(s: string, open: number): number {
  const opener = s[open] ?? '';
  const closer = PAREN_PAIRS[opener];
  if (closer === undefined) return -1;
  let depth = 0;
  for (let i = open; i < s.length && i < open + 120; i += 1) {
    if (s[i] === opener) depth += 1;
    else if (s[i] === closer && --depth === 0) return i;
  }
  return -1;
}

/** The form at [start, end) is quoted as a name or introduced by a naming verb. */
function isCited(s: string, start: number, end: number): boolean {
  const closer = QUOTE_PAIRS[s[start - 1] ?? ''];
  // 《…》 is a document title: converted like the rest (data-zh-keep opts out).
  if (closer !== undefined && closer !== '》') {
    if (s[end] === closer) return true;
    const close = closingParen(s, end);
    if (close !== -1 && s[close + 1] === closer) return true;
  }
  return NAMING_VERB.test(s.slice(Math.max(0, start - 4), start));
}

export function createConverter(glossary: readonly GlossaryLike[], options: ConverterOptions = {}): Converter {
  const { phrase, chars } = getOpencc();
  const root = buildTrie(
    glossary,
    new Set((options.keepAlt ?? DEFAULT_KEEP_ALT).flatMap((form) => [form, compact(form)])),
    chars,
  );

  /** Parenthesised annotation after a replaced form: what remains of it, or undefined if unchanged. */
  const collapse = (inner: string, term: Term, replacement: string): string | undefined => {
    const parts = inner.split(ANNOTATION_SEPARATOR);
    const kept: string[] = [];
    let dropped = false;
    for (let i = 0; i < parts.length; i += 2) {
      const segment = parts[i] ?? '';
      const whole = compact(segment).replace(QUOTES, '');
      // 「中國台北」 is a name, not 「中國」 + 台北: try the segment as it is, then without a prefix.
      const names = [whole, compact(segment).replace(REGION_PREFIX, '').replace(QUOTES, '')];
      if (names.some((name) => name !== '' && (term.annotations.has(name) || chars(name) === replacement))) {
        dropped = true;
        continue;
      }
      kept.push(kept.length === 0 ? segment : (parts[i - 1] ?? '') + segment);
    }
    return dropped ? kept.join('').trim() : undefined;
  };

  const convert = (s: string): string => {
    let out = '';
    let plain = 0;
    let i = 0;
    while (i < s.length) {
      const match = matchAt(root, s, i);
      if (!match) {
        i += 1;
        continue;
      }
      const { term, end } = match;
      if (end < s.length && SPLIT.has(s.slice(end - 1, end + 1))) {
        i += 1;
        continue;
      }
      if (plain < i) out += phrase(s.slice(plain, i));
      let next = end;
      const form = s.slice(i, end);
      if (term.replacement !== undefined && !isCited(s, i, end)) {
        // 「透過 APEC 企業諮詢委員會」: the space was there for the Latin letters only.
        if (LATIN_EDGE.test(form) && !LATIN_EDGE.test(term.replacement)) out = out.replace(SPACE_AFTER_HAN, '');
        out += term.replacement;
        const close = closingParen(s, end);
        if (close !== -1) {
          const rest = collapse(s.slice(end + 1, close), term, term.replacement);
          if (rest !== undefined) {
            if (rest !== '') out += (s[end] ?? '') + convert(rest) + (s[close] ?? '');
            next = close + 1;
          }
        }
      } else {
        out += term.regional ? chars(form) : phrase(form);
      }
      plain = i = next;
    }
    if (plain < s.length) out += phrase(s.slice(plain));
    return out;
  };

  const cache = new Map<string, string>();
  const text = (s: string): string => {
    if (!/[\u2e80-\u9fff\uf900-\ufaff\u{20000}-\u{3ffff}]/u.test(s)) return s;
    const cached = cache.get(s);
    if (cached !== undefined) return cached;
    const result = convert(s);
    if (s.length <= 400) {
      if (cache.size >= 20_000) cache.clear();
      cache.set(s, result);
    }
    return result;
  };

  return {
    text,
    html: (input, htmlOptions) => convertHtml(input, htmlOptions, text, chars),
    literal: (s) => chars(s),
  };
}

// ── HTML ───────────────────────────────────────────────────────────────────

/** Elements whose text is never converted. */
const SKIP_TAGS = new Set(['script', 'style', 'code', 'pre', 'kbd', 'samp', 'template', 'textarea']);
/** Human-readable attributes (hast property names). */
const TEXT_PROPERTIES = [
  'alt',
  'title',
  'ariaLabel',
  'ariaDescription',
  'ariaPlaceholder',
  'ariaRoleDescription',
  'ariaValueText',
  'placeholder',
  'label',
] as const;
/** `<meta name|property=… content>` whose content is read by people. */
const META_TEXT = new Set([
  'description',
  'keywords',
  'application-name',
  'apple-mobile-web-app-title',
  'og:title',
  'og:description',
  'og:site_name',
  'og:image:alt',
  'twitter:title',
  'twitter:description',
  'twitter:image:alt',
]);
const HANT_LANG = /^zh(?:-hant)?(?:-(?:tw|hk|mo))?$/i;

type Mode = 'convert' | 'chars' | 'keep';

const normaliseBase = (base: string) => `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
const normalisePrefix = (prefix: string) => `${prefix.replace(/^\/+|\/+$/g, '')}/`;

/**
 * `${base}founding/#x` → `${base}${prefix}founding/#x` for links to pages of the site. Assets
 * (`_astro/`, `pagefind/`, anything with a file extension), other sites, `#fragment` links and
 * links already in the edition are returned unchanged.
 */
export function rewriteHref(href: string, base: string, prefix: string): string {
  const root = normaliseBase(base);
  const edition = normalisePrefix(prefix);
  if (root !== '/' && href === root.slice(0, -1)) return root + edition;
  if (!href.startsWith(root) || href.startsWith('//')) return href;
  const rest = href.slice(root.length);
  if (
    rest.startsWith(edition) ||
    rest === edition.slice(0, -1) ||
    rest.startsWith('_astro/') ||
    rest.startsWith('pagefind/')
  ) {
    return href;
  }
  const path = rest.split(/[?#]/, 1)[0] ?? '';
  const last = path.slice(path.lastIndexOf('/') + 1);
  if (/\.[a-z0-9]+$/i.test(last)) return href;
  return root + edition + rest;
}

function convertHtml(
  input: string,
  options: HtmlOptions,
  text: (s: string) => string,
  chars: ConverterFunction,
): string {
  const isDocument = options.document ?? /^\s*(?:<!doctype|<html[\s>])/i.test(input);
  const tree: Root = fromHtml(input, { fragment: !isDocument });
  const lang = options.lang ?? 'zh-Hans';
  const keepLang = options.keepLang ?? 'zh-Hant-TW';
  const convertString = (value: string, mode: Mode) =>
    mode === 'convert' ? text(value) : mode === 'chars' ? chars(value) : value;

  const visitElement = (node: Element, inherited: Mode): Mode => {
    const props: Properties = node.properties;
    let mode = inherited;
    if (props['dataZhKeep'] !== undefined || props['translate'] === 'no') {
      if (inherited !== 'keep' && props['lang'] === undefined) props['lang'] = keepLang;
      mode = 'keep';
    } else if (props['dataZhLiteral'] !== undefined && mode === 'convert') {
      mode = 'chars';
    }
    if (mode !== 'keep') {
      for (const name of TEXT_PROPERTIES as readonly string[]) {
        const value = props[name];
        if (typeof value === 'string') props[name] = convertString(value, mode);
      }
      const metaName = props['name'] ?? props['property'];
      if (node.tagName === 'meta' && typeof props['content'] === 'string') {
        if (typeof metaName === 'string' && META_TEXT.has(metaName.toLowerCase())) {
          props['content'] = convertString(props['content'], mode);
        } else if (props['property'] === 'og:locale' && /^zh_(?:tw|hk|mo)$/i.test(props['content'])) {
          props['content'] = 'zh_CN';
        }
      }
      if (
        node.tagName === 'input' &&
        typeof props['value'] === 'string' &&
        /^(?:button|submit|reset)$/i.test(String(props['type']))
      ) {
        props['value'] = convertString(props['value'], mode);
      }
      if (typeof props['lang'] === 'string' && HANT_LANG.test(props['lang'])) props['lang'] = lang;
    }
    if (
      (node.tagName === 'a' || node.tagName === 'area') &&
      typeof props['href'] === 'string' &&
      props['hrefLang'] === undefined
    ) {
      props['href'] = rewriteHref(props['href'], options.base, options.prefix);
    }
    return SKIP_TAGS.has(node.tagName) ? 'keep' : mode;
  };

  const walk = (node: Nodes, mode: Mode): void => {
    if (node.type === 'text') {
      if (mode !== 'keep') node.value = convertString(node.value, mode);
      return;
    }
    if (node.type !== 'root' && node.type !== 'element') return;
    const childMode = node.type === 'element' ? visitElement(node, mode) : mode;
    for (const child of node.children) walk(child, childMode);
  };
  walk(tree, 'convert');

  return toHtml(tree, { characterReferences: { useNamedReferences: true } });
}
