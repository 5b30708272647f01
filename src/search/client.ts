/**
 * Browser search engine on top of Pagefind 1.6 (extended build), with honest results.
 *
 * Interface (what the UI calls):
 *
 *   const engine = await createSearch({ edition: 'hant', bundlePath: '/pagefind/', dataUrl: '/pagefind/search-data.json' });
 *   const outcome = await engine.search(rawQuery, { section: ['history'] });  // filters optional
 *   const counts = await engine.filters();  // { section: { history: 3, … } }
 *
 *   SearchOutcome = { query, terms, hits, suggestions, partial, answer? }
 *     query        the normalised query (plain text: set it with textContent)
 *     terms        strings actually found, for highlighting on the target page
 *     hits[]       { url, title, excerpt, section?, score, highlight, subResults[] }, best first
 *                  url / subResults[].url already carry `?highlight=…` (param name configurable)
 *                  title is PLAIN TEXT (textContent); excerpt is SAFE HTML (escaped, <mark> only)
 *     suggestions  "did you mean" queries, each verified to return results (only when no hits)
 *     partial      no page holds every content word: the hits are the best partial matches
 *     answer       the glossary card when the query names a glossary term in any form
 *
 * Never throws from search(): any input (empty, 10 000 characters, emoji, RTL marks, control
 * characters, regex or HTML metacharacters) gives an outcome, possibly empty.
 *
 * Pagefind 1.6 segments Chinese at index time and with the browser's Intl.Segmenter at query
 * time, prefix-matches words, drops query words absent from the index and ANDs the rest, and
 * knows nothing of Simplified or regional forms (observations: docs/architecture.md, "Search").
 *
 * So this module: parses the query (src/search/query.ts: question words and particles are
 * never required, each content word is expanded into the site's forms), runs one Pagefind
 * search per alternative (never several in one query, because of the AND/drop rules), also
 * verifies every page (filter-only search; ≤ fullScanLimit pages, default
 * SEARCH_DIRECT_MAX_PAGES) because Pagefind misses in-word substrings, and keeps the pages
 * whose text really holds every content word — or, when none does, the best partial matches,
 * flagged `partial`. src/search/rank.ts orders them (title over heading over body, exact title
 * or heading matches first, reference pages after the page that explains a topic) and cuts
 * each excerpt at sentence or clause boundaries.
 */
import { SEARCH_DIRECT_MAX_PAGES } from '../budgets';
import { EDITIONS, type Edition } from '../i18n/editions';
import { decodeFragment, directFragments, isFragmentFile, type PagefindFragment } from './pagefind-bundle';
import { escapeHtml, findCard, parseQuery, suggest, type ParsedQuery, type SearchData } from './query';
import {
  excerpt,
  rank,
  sectionsOf,
  type Features,
  type PageText,
  type RankInput,
  type Ranked,
  type Section,
  type TermOnPage,
} from './rank';

export interface SearchSubResult {
  title: string;
  url: string;
  excerpt: string;
}

export interface SearchHit {
  url: string;
  title: string;
  excerpt: string;
  section?: string | undefined;
  score: number;
  /** What the score is made of (rank.ts WEIGHTS × these): for tools/search/why.ts. */
  features: Features;
  /** Strings found on this page (carried in the URL's highlight parameter). */
  highlight: string[];
  subResults: SearchSubResult[];
}

/** The answer card for a glossary term, in the page's edition (all plain text). */
export interface SearchAnswer {
  /** The name the edition uses (Taiwan form; mainland form in the Simplified edition). */
  term: string;
  /** The other names, by kind, each list non-empty. */
  forms: { kind: 'tw' | 'twAlt' | 'hk' | 'cn' | 'hkcn' | 'en'; values: string[] }[];
  abbr?: string | undefined;
  note?: string | undefined;
  /** The section that explains it: URL (with the base path and edition) and its heading. */
  url: string;
  section: string;
}

export interface SearchOutcome {
  query: string;
  terms: string[];
  hits: SearchHit[];
  suggestions: string[];
  /** No page has every content word of the query: the hits are the best partial matches. */
  partial: boolean;
  /** Words no page holds, searched as the site's name they were meant to be (one character mistyped). */
  fixed?: { typed: string; name: string }[] | undefined;
  /** The query is a glossary term: its card, shown before the pages. */
  answer?: SearchAnswer | undefined;
  /** The index or a page's text failed to load: the outcome is not to be trusted (show an error, offer a retry). */
  failed?: boolean | undefined;
}

export interface SearchEngine {
  search(raw: string, filters?: Record<string, string[]>): Promise<SearchOutcome>;
  /** Every page is in memory (fragments read directly and loaded): a query needs no request. */
  fromMemory(): boolean;
  filters(): Promise<Record<string, Record<string, number>>>;
}

export interface CreateSearchOptions {
  /**
   * The edition searched (src/i18n/editions.ts): its pages, its index language and its answer
   * cards. The browser passes the page's edition; nothing here reads the page.
   */
  edition: Edition;
  /** URL of the Pagefind bundle directory, ending in `/` (e.g. `/pagefind/`). */
  bundlePath: string;
  /** URL of the SearchData JSON built by fold-build.ts. */
  dataUrl: string;
  /** Extra Pagefind options (baseUrl, ranking …), passed to `options()`. */
  pagefindOptions?: Record<string, unknown> | undefined;
  /** Query parameter carrying the highlight terms (read on the target page by src/client/highlight.ts). */
  highlightParam?: string | undefined;
  /**
   * Verify every page (exact recall for in-word substrings) when the site has at most this many
   * pages (default SEARCH_DIRECT_MAX_PAGES); larger sites (up to 300) are scanned only when Pagefind gives nothing.
   */
  fullScanLimit?: number | undefined;
  /**
   * Loads Pagefind's own search module (`pagefind.js`) for the wasm path. Default: import it
   * from the bundle (the browser). Node passes a loader that gives it the edition's language.
   */
  loadPagefind?: ((bundlePath: string, language: string) => Promise<PagefindModule>) | undefined;
}

interface PagefindResult {
  id?: string;
  score?: number;
  data(): Promise<PagefindFragment>;
}

/** The part of Pagefind's search API (`pagefind.js`) the engine uses. */
export interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: Record<string, unknown>): Promise<{ results: PagefindResult[] } | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

const MAX_PAGEFIND_QUERIES = 40;
const MAX_HIGHLIGHT = 6;
const MAX_SUB_RESULTS = 5;

const EMPTY_DATA: SearchData = { v: 1, f: {}, g: [], k: {}, w: [] };

/** Accept only a well-formed SearchData; anything else degrades to no folding. */
function checkData(value: unknown): SearchData {
  if (!value || typeof value !== 'object') return EMPTY_DATA;
  const data = value as Partial<SearchData>;
  const isRecord = (x: unknown) => !!x && typeof x === 'object' && !Array.isArray(x);
  if (data.v !== 1 || !isRecord(data.f) || !Array.isArray(data.g) || !isRecord(data.k) || !Array.isArray(data.w))
    return EMPTY_DATA;
  // The fragment manifest must name fragment files in the bundle and nothing else.
  const manifestOk =
    data.p === undefined ||
    (isRecord(data.p) &&
      Object.values(data.p).every((list) => Array.isArray(list) && list.every((file) => isFragmentFile(String(file)))));
  const checked = manifestOk ? (data as SearchData) : { ...(data as SearchData), p: undefined };
  const cards = data.a as { c?: unknown; k?: unknown } | undefined;
  const cardsOk = cards === undefined || (Array.isArray(cards.c) && isRecord(cards.k));
  if (!cardsOk) return checkData({ ...data, a: undefined });
  return checked;
}

interface Candidate {
  key: string;
  pagefindScore: number;
  result: PagefindResult;
}

function withHighlight(url: string, terms: string[], param: string): string {
  if (terms.length === 0 || !param) return url;
  try {
    const absolute = /^[a-z][a-z0-9+.-]*:\/\//iu.test(url);
    const parsed = new URL(url, 'https://pagefind.invalid');
    for (const term of terms.slice(0, MAX_HIGHLIGHT)) parsed.searchParams.append(param, term);
    return absolute ? parsed.toString() : parsed.pathname + parsed.search + parsed.hash;
  } catch {
    return url;
  }
}

function withHash(pageUrl: string, id: string): string {
  try {
    const parsed = new URL(pageUrl, 'https://pagefind.invalid');
    parsed.hash = id;
    return /^[a-z][a-z0-9+.-]*:\/\//iu.test(pageUrl)
      ? parsed.toString()
      : parsed.pathname + parsed.search + parsed.hash;
  } catch {
    return pageUrl;
  }
}

/** The page's matches of the query's terms that say something (not a lone 年 typed in a question). */
function telling(entry: Ranked<PageText>, query: ParsedQuery): TermOnPage[] {
  const found = entry.terms.filter((_, t) => !query.terms[t]?.weak);
  return found.length > 0 ? found : entry.terms;
}

/** First position of a match inside a section's body, or the body's start (heading-only match). */
function bodyPosition(terms: readonly TermOnPage[], section: Section): number {
  for (const term of terms) {
    for (const at of term.positions) if (at >= section.bodyStart && at < section.end) return at;
  }
  return section.bodyStart;
}

/**
 * The page's excerpt: the passage that answers (rank.ts), from its first match; under a question
 * heading that answers (an FAQ entry), the entry's first sentence.
 */
function pageExcerpt(entry: Ranked<PageText>, query: ParsedQuery): string {
  const sections = sectionsOf(entry.page);
  const section = sections[entry.bestSection] ?? (sections[0] as Section);
  const terms = telling(entry, query);
  const first = terms.flatMap((term) => term.positions.filter((at) => at >= entry.answerAt && at < section.end));
  const at = entry.answerEntry
    ? section.bodyStart
    : first.length > 0
      ? Math.min(...first)
      : bodyPosition(terms, section);
  return excerpt(entry.page.content, at, entry.needles, section.bodyStart, section.end);
}

/** The hit's link: to the FAQ entry that answers, or to the page. */
function answerUrl(entry: Ranked<PageText>): string {
  const section = sectionsOf(entry.page)[entry.bestSection];
  return entry.answerEntry && section?.id ? withHash(entry.page.url, section.id) : entry.page.url;
}

/** Sections with a match: headings that match first, then the most terms; at most MAX_SUB_RESULTS. */
function subResults(entry: Ranked<PageText>, query: ParsedQuery, pageUrl: string, param: string): SearchSubResult[] {
  const sections = sectionsOf(entry.page);
  const scored: { index: number; score: number }[] = [];
  sections.forEach((section, index) => {
    if (index === 0 || !section.id) return;
    let score = 0;
    for (const term of entry.terms) {
      if (term.headings.has(index)) score += 10;
      if (term.sections.has(index)) score += 1;
    }
    if (score > 0) scored.push({ index, score });
  });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  return scored.slice(0, MAX_SUB_RESULTS).map(({ index }) => {
    const section = sections[index] as Section;
    return {
      title: section.title,
      url: withHighlight(withHash(pageUrl, section.id), entry.needles, param),
      excerpt: excerpt(
        entry.page.content,
        bodyPosition(telling(entry, query), section),
        entry.needles,
        section.bodyStart,
        section.end,
      ),
    };
  });
}

/** Reads one of Pagefind's fragment files (src/search/pagefind-bundle.ts) without its wasm. */
async function readFragment(url: string): Promise<PagefindFragment | null> {
  try {
    const response = await fetch(url);
    return response.ok ? await decodeFragment(new Uint8Array(await response.arrayBuffer())) : null;
  } catch {
    return null;
  }
}

/**
 * The Pagefind searches for a parsed query: one per alternative of each term, its parts and its
 * words (Pagefind ANDs present words and drops absent ones), at most MAX_PAGEFIND_QUERIES; and
 * which term each one is for.
 */
function pagefindQueries(parsed: ParsedQuery): { queries: string[]; termOfQuery: number[] } {
  const queries: string[] = [];
  const termOfQuery: number[] = [];
  parsed.terms.forEach((term, index) => {
    if (term.weak) return;
    const wanted = [
      ...term.alternatives.slice(0, 8),
      ...term.parts.flatMap((part) => part.slice(0, 2)),
      ...term.words.flatMap((word) => word.slice(0, 2)),
    ];
    for (const query of wanted) {
      if (queries.length >= MAX_PAGEFIND_QUERIES || queries.includes(query)) continue;
      queries.push(query);
      termOfQuery.push(index);
    }
  });
  return { queries, termOfQuery };
}

/**
 * The same interface over Pagefind's fragments read directly: for a site small enough that
 * every page is verified anyway, this skips the wasm and the word index (about 90 KB).
 */
function directPagefind(bundlePath: string, siteBase: string, files: readonly string[]): PagefindModule {
  let pages: Promise<PagefindFragment[]> | undefined;
  // A fragment that fails to load fails the search (and is asked for again next time).
  const all = () =>
    (pages ??= Promise.all(files.map((file) => readFragment(bundlePath + file))).then((list) => {
      if (list.includes(null)) {
        pages = undefined;
        throw new Error('a search fragment failed to load');
      }
      return (list as PagefindFragment[]).map((fragment) => ({
        ...fragment,
        url: siteBase + fragment.url.replace(/^\//, ''),
      }));
    }));
  const matchesFilters = (fragment: PagefindFragment, filters: Record<string, string[]>) =>
    Object.entries(filters).every(
      ([name, values]) => values.length === 0 || values.some((value) => fragment.filters?.[name]?.includes(value)),
    );
  return {
    options: async () => undefined,
    init: async () => undefined,
    async search(term, options) {
      // Only the "every page" query is needed: each page is verified against the terms.
      if (term !== null) return { results: [] };
      const filters = (options?.['filters'] as Record<string, string[]> | undefined) ?? {};
      const results = (await all())
        .filter((fragment) => matchesFilters(fragment, filters))
        .map((fragment) => ({ id: fragment.url, score: 0, data: async () => fragment }));
      return { results };
    },
    async filters() {
      const counts: Record<string, Record<string, number>> = {};
      for (const fragment of await all()) {
        for (const [name, values] of Object.entries(fragment.filters ?? {})) {
          for (const value of values) {
            const filter = (counts[name] ??= {});
            filter[value] = (filter[value] ?? 0) + 1;
          }
        }
      }
      return counts;
    },
  };
}

/** The glossary's answer card when the query names a term, in the edition's script (all plain text). */
function glossaryAnswer(raw: string, data: SearchData, edition: Edition, base: string): SearchAnswer | undefined {
  const card = findCard(raw, data);
  if (!card || typeof card.u !== 'string' || !card.t || !card.s) return undefined;
  // The card's texts: `s` in the Simplified edition, `t` in the Traditional one.
  const simplified = edition === 'hans';
  const text = simplified ? card.s : card.t;
  const term = simplified ? (text.cn[0] ?? text.tw) : text.tw;
  const others = (list: readonly string[] | undefined) => (list ?? []).filter((form) => form !== term);
  const kinds: SearchAnswer['forms'] = simplified
    ? [
        { kind: 'cn', values: others(text.cn) },
        { kind: 'tw', values: others([text.tw, ...text.alt]) },
        { kind: 'hk', values: others(text.hk) },
      ]
    : [
        { kind: 'twAlt', values: others(text.alt) },
        { kind: 'hk', values: others(text.hk) },
        { kind: 'cn', values: others(text.cn) },
      ];
  // Hong Kong and the mainland often agree: one row for both.
  const hk = kinds.find((kind) => kind.kind === 'hk');
  const cn = kinds.find((kind) => kind.kind === 'cn');
  if (!simplified && hk && cn && hk.values.length > 0 && hk.values.join() === cn.values.join()) {
    hk.kind = 'hkcn';
    cn.values = [];
  }
  if (card.en) kinds.push({ kind: 'en', values: [card.en] });
  return {
    term,
    forms: kinds.filter((kind) => kind.values.length > 0),
    abbr: card.ab,
    note: text.note,
    url: `${base}${EDITIONS[edition].prefix}${card.u.replace(/^\//, '')}`,
    section: text.section,
  };
}

/** Pagefind for the edition: its fragments read directly on a small site, else its wasm index. */
async function openPagefind(opts: CreateSearchOptions, data: SearchData, siteBase: string, fullScanLimit: number) {
  const bundlePath = opts.bundlePath.endsWith('/') ? opts.bundlePath : `${opts.bundlePath}/`;
  const language = EDITIONS[opts.edition].lang.toLowerCase();
  const files =
    typeof DecompressionStream === 'undefined' ? undefined : directFragments(data.p?.[language], fullScanLimit);
  const pagefind = files
    ? directPagefind(bundlePath, siteBase, files)
    : opts.loadPagefind
      ? await opts.loadPagefind(bundlePath, language)
      : ((await import(/* @vite-ignore */ `${bundlePath}pagefind.js`)) as PagefindModule);
  await pagefind.options({ excerptLength: 30, ...(opts.pagefindOptions ?? {}) });
  await pagefind.init();
  return { pagefind, direct: files !== undefined };
}

/** The pages to rank: Pagefind's results for each of the query's forms, and on a small site every page. */
async function candidatesFor(
  parsed: ParsedQuery,
  search: (term: string | null) => Promise<PagefindResult[]>,
  fullScanLimit: number,
) {
  const { queries, termOfQuery } = pagefindQueries(parsed);
  const responses = await Promise.all(queries.map((query) => search(query)));
  const candidates = new Map<string, Candidate>();
  const termHasResults = parsed.terms.map((term) => term.weak);
  responses.forEach((results, index) => {
    if (results.length > 0) termHasResults[termOfQuery[index] as number] = true;
    for (const result of results) {
      const key = typeof result.id === 'string' ? result.id : '';
      if (!key) continue;
      const score = typeof result.score === 'number' ? result.score : 0;
      const existing = candidates.get(key);
      if (!existing || existing.pagefindScore < score) candidates.set(key, { key, pagefindScore: score, result });
    }
  });
  // Pagefind misses in-word substrings (委員會 inside 諮詢委員會): on a small site look at every
  // page (fragments are cached after the first query); on a large one only when Pagefind gave
  // nothing usable for some term.
  const all = await search(null);
  if (all.length <= fullScanLimit || candidates.size === 0 || termHasResults.includes(false)) {
    if (all.length > 0 && all.length <= Math.max(fullScanLimit, 300)) {
      for (const result of all) {
        if (typeof result.id === 'string' && !candidates.has(result.id))
          candidates.set(result.id, { key: result.id, pagefindScore: 0, result });
      }
    }
  }
  return { candidates: [...candidates.values()], pages: all.length };
}

/** The candidates' texts, as rank.ts reads them. */
async function rankInputs(
  candidates: readonly Candidate[],
  load: (key: string, result: PagefindResult) => Promise<PagefindFragment | null>,
) {
  const loaded = await Promise.all(
    candidates.map(async (candidate) => ({
      candidate,
      fragment: await load(candidate.key, candidate.result),
    })),
  );
  const maxPagefind = Math.max(1, ...candidates.map((c) => c.pagefindScore));
  const inputs: RankInput<PageText & { fragment: PagefindFragment }>[] = [];
  for (const { candidate, fragment } of loaded) {
    if (!fragment) continue;
    inputs.push({
      page: {
        url: fragment.url || fragment.raw_url || '/',
        title: fragment.meta?.['title'] ?? '',
        content: fragment.content,
        anchors: fragment.anchors,
        fragment,
      },
      pagefind: candidate.pagefindScore / maxPagefind,
      // Pages that list rather than explain (Pagefind meta `listing`, src/layouts/DocLayout.astro).
      reference: fragment.meta?.['listing'] === '1',
    });
  }
  return inputs;
}

/** One ranked page as the dialog shows it. */
function toHit(
  entry: Ranked<PageText & { fragment: PagefindFragment }>,
  reading: ParsedQuery,
  param: string,
): SearchHit {
  const pageUrl = entry.page.url;
  const highlight = entry.needles.slice(0, MAX_HIGHLIGHT);
  return {
    url: withHighlight(answerUrl(entry), highlight, param),
    title: entry.page.title || pageUrl,
    excerpt: pageExcerpt(entry, reading),
    section: entry.page.fragment.filters?.['section']?.[0],
    score: Math.round(entry.score * 100) / 100,
    features: entry.features,
    highlight,
    subResults: subResults(entry, reading, pageUrl, param),
  };
}

/**
 * The site's search data. Unreadable data (not SearchData) degrades to no folding, but data that
 * did not arrive (a network error, an HTTP error) fails the start: the dialog shows an error and
 * a retry, not 「沒有找到」 for every Simplified or regional word.
 */
async function loadData(url: string): Promise<SearchData> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`search data: HTTP ${response.status} for ${url}`);
  return checkData(await response.json().catch(() => null));
}

/** Filters as given by any caller, reduced to lists of strings. */
function stringFilters(filters: Record<string, unknown> | null | undefined): Record<string, string[]> {
  const safe: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(filters ?? {})) {
    if (Array.isArray(values)) safe[name] = values.filter((v): v is string => typeof v === 'string');
  }
  return safe;
}

export async function createSearch(opts: CreateSearchOptions): Promise<SearchEngine> {
  const fullScanLimit = opts.fullScanLimit ?? SEARCH_DIRECT_MAX_PAGES;
  const highlightParam = opts.highlightParam ?? 'highlight';
  const data = await loadData(opts.dataUrl);
  const base = String(opts.pagefindOptions?.['baseUrl'] ?? '/');
  const siteBase = base.endsWith('/') ? base : `${base}/`;
  const { pagefind, direct } = await openPagefind(opts, data, siteBase, fullScanLimit);

  // Each page's text, by Pagefind result id, loaded once; whether every page's is (direct path).
  const fragments = new Map<string, Promise<PagefindFragment | null>>();
  let allLoaded = false;
  // Load failures since the search began: its outcome is then `failed`, never 「沒有找到」.
  let failures = 0;
  const load = (key: string, result: PagefindResult) => {
    let pending = fragments.get(key);
    if (!pending) {
      pending = result.data().then(
        (fragment) => (fragment && typeof fragment.content === 'string' ? fragment : null),
        () => {
          failures++;
          fragments.delete(key);
          return null;
        },
      );
      fragments.set(key, pending);
    }
    return pending;
  };
  const pagefindSearch = async (term: string | null, filters: Record<string, string[]>) => {
    try {
      return (await pagefind.search(term, { filters }))?.results ?? [];
    } catch {
      failures++;
      return [];
    }
  };

  /** One query: parse, gather candidates, rank, shape the hits. */
  async function run(raw: string, filters: Record<string, string[]>): Promise<SearchOutcome> {
    const parsed = parseQuery(raw, data);
    if (parsed.terms.length === 0)
      return { query: parsed.normalized, terms: [], hits: [], suggestions: [], partial: false };
    const { candidates, pages } = await candidatesFor(parsed, (term) => pagefindSearch(term, filters), fullScanLimit);
    const inputs = await rankInputs(candidates, load);
    if (direct && Object.keys(filters).length === 0) allLoaded = true;
    const { ranked, partial, query: reading, fixed } = rank(parsed, inputs, pages);
    const hits = ranked.map((entry) => toHit(entry, reading, highlightParam));
    const terms = [...new Set(ranked.flatMap((entry) => entry.needles))];
    return { query: parsed.normalized, terms, hits, suggestions: [], partial, fixed };
  }

  return {
    fromMemory: () => direct && fragments.size > 0 && allLoaded,
    async search(raw: string, filters: Record<string, string[]> = {}): Promise<SearchOutcome> {
      try {
        const safeFilters = stringFilters(filters);
        failures = 0;
        const outcome = await run(raw, safeFilters);
        if (failures > 0) return { ...outcome, hits: [], failed: true };
        outcome.answer = glossaryAnswer(raw, data, opts.edition, siteBase);
        if (outcome.hits.length === 0 && outcome.query) {
          for (const suggestion of suggest(raw, data, 4)) {
            const tried = await run(suggestion, safeFilters);
            if (tried.hits.length > 0) outcome.suggestions.push(suggestion);
            if (outcome.suggestions.length >= 3) break;
          }
        }
        return outcome;
      } catch {
        return { query: '', terms: [], hits: [], suggestions: [], partial: false, failed: true };
      }
    },
    async filters() {
      try {
        return await pagefind.filters();
      } catch {
        return {};
      }
    },
  };
}

/** Escape helper re-exported for UIs that render `query` or `title` into HTML strings. */
export { escapeHtml };
