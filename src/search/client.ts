/**
 * Browser search engine on top of Pagefind 1.6 (extended build), with honest results.
 *
 * Interface (what the UI calls):
 *
 *   const engine = await createSearch({ bundlePath: '/pagefind/', dataUrl: '/pagefind/search-data.json' });
 *   const outcome = await engine.search(rawQuery, { section: ['history'] });  // filters optional
 *   const counts = await engine.filters();  // { section: { history: 3, … } }
 *
 *   SearchOutcome = { query, terms, hits, suggestions }
 *     query        the normalised query (plain text: set it with textContent)
 *     terms        strings actually found, for highlighting on the target page
 *     hits[]       { url, title, excerpt, section?, score, highlight, subResults[] }, best first
 *                  url / subResults[].url already carry `?highlight=…` (param name configurable)
 *                  title is PLAIN TEXT (textContent); excerpt is SAFE HTML (escaped, <mark> only)
 *     suggestions  "did you mean" queries, each verified to return results (only when no hits)
 *
 * Never throws from search(): any input (empty, 10 000 characters, emoji, RTL marks, control
 * characters, regex or HTML metacharacters) gives an outcome, possibly empty.
 *
 * Pagefind 1.6 segments Chinese at index time and with the browser's Intl.Segmenter at query
 * time, prefix-matches words, drops query words absent from the index and ANDs the rest, and
 * knows nothing of Simplified or regional forms (observations: docs/architecture.md, "Search").
 *
 * So this module: expands each term (src/search/query.ts) into the site's forms, runs one
 * Pagefind search per alternative (never several in one query, because of the AND/drop rules),
 * also verifies every page (filter-only search; ≤ fullScanLimit pages, default
 * SEARCH_DIRECT_MAX_PAGES) because Pagefind misses in-word substrings, and keeps a page only if
 * every term — some alternative of it, or for a long Chinese term all its words — really
 * occurs in the page text. Contiguous whole-query matches rank above per-term matches,
 * which rank above scattered ones.
 */
import { SEARCH_DIRECT_MAX_PAGES } from '../budgets';
import {
  escapeHtml,
  findAll,
  lowerSameLength,
  markText,
  parseQuery,
  suggest,
  type ParsedTerm,
  type SearchData,
} from './query';

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
  /** Strings found on this page (carried in the URL's highlight parameter). */
  highlight: string[];
  subResults: SearchSubResult[];
}

export interface SearchOutcome {
  query: string;
  terms: string[];
  hits: SearchHit[];
  suggestions: string[];
}

export interface SearchEngine {
  search(raw: string, filters?: Record<string, string[]>): Promise<SearchOutcome>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

export interface CreateSearchOptions {
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
}

interface PagefindAnchor {
  element?: string;
  id?: string;
  text?: string;
  location?: number;
}

interface PagefindFragment {
  url: string;
  raw_url?: string;
  content: string;
  meta?: Record<string, string>;
  filters?: Record<string, string[]>;
  anchors?: PagefindAnchor[];
}

interface PagefindResult {
  id?: string;
  score?: number;
  data(): Promise<PagefindFragment>;
}

interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: Record<string, unknown>): Promise<{ results: PagefindResult[] } | null>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

const MAX_PAGEFIND_QUERIES = 40;
const MAX_HIGHLIGHT = 6;
const EXCERPT_BEFORE = 36;
const EXCERPT_AFTER = 90;
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
      Object.values(data.p).every(
        (list) => Array.isArray(list) && list.every((file) => /^fragment\/[\w-]+\.pf_fragment$/.test(String(file))),
      ));
  return manifestOk ? (data as SearchData) : { ...(data as SearchData), p: undefined };
}

interface Candidate {
  key: string;
  pagefindScore: number;
  result: PagefindResult;
}

interface Verified {
  fragment: PagefindFragment;
  pagefindScore: number;
  score: number;
  needles: string[];
  anchorAt: number;
}

/** Moves an index off the low half of a surrogate pair. */
const safeIndex = (text: string, index: number): number => {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff ? index - 1 : index;
};

function window(text: string, at: number, needles: string[], lo = 0, hi = text.length): string {
  const start = safeIndex(text, Math.max(lo, at - EXCERPT_BEFORE));
  const end = safeIndex(text, Math.min(hi, at + EXCERPT_AFTER));
  const body = markText(text.slice(start, end).replace(/\s+/gu, ' '), needles);
  return `${start > lo ? '…' : ''}${body}${end < hi ? '…' : ''}`;
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

/** Positions of the first alternative found (and which one), or null. */
function locate(lower: string, alternatives: readonly string[]): { needles: string[]; first: number } | null {
  const needles: string[] = [];
  let first = Infinity;
  for (const alternative of alternatives) {
    const positions = findAll(lower, alternative.toLowerCase(), 1);
    if (positions.length > 0) {
      needles.push(alternative);
      first = Math.min(first, positions[0] as number);
    }
  }
  return needles.length > 0 ? { needles, first } : null;
}

/** Does the whole query occur contiguously (terms in order, separated by nothing or spaces)? */
function phrasePosition(lower: string, terms: readonly ParsedTerm[]): number {
  if (terms.length < 2) return -1;
  const firstAlternatives = terms[0]?.alternatives ?? [];
  for (const alternative of firstAlternatives) {
    const needle = alternative.toLowerCase();
    for (const start of findAll(lower, needle, 50)) {
      let cursor = start + needle.length;
      let ok = true;
      for (const term of terms.slice(1)) {
        while (lower[cursor] === ' ') cursor++;
        const next = term.alternatives.find((alt) => lower.startsWith(alt.toLowerCase(), cursor));
        if (next === undefined) {
          ok = false;
          break;
        }
        cursor += next.length;
      }
      if (ok) return start;
    }
  }
  return -1;
}

function verify(
  fragment: PagefindFragment,
  terms: readonly ParsedTerm[],
): Omit<Verified, 'fragment' | 'pagefindScore'> | null {
  const content = typeof fragment.content === 'string' ? fragment.content : '';
  const title = fragment.meta?.['title'] ?? '';
  const lower = lowerSameLength(content);
  const lowerTitle = lowerSameLength(title);
  const lowerHeadings = lowerSameLength((fragment.anchors ?? []).map((anchor) => anchor.text ?? '').join('\n'));
  let score = 0;
  let anchorAt = Infinity;
  const needles: string[] = [];
  for (const term of terms) {
    const exact =
      locate(lower, term.alternatives) ?? (locate(lowerTitle, term.alternatives) && { needles: [], first: Infinity });
    if (exact) {
      score += 4;
      needles.push(...exact.needles);
      anchorAt = Math.min(anchorAt, exact.first);
      if (exact.needles.length > 0 && exact.needles[0] === term.alternatives[0]) score += 0.5;
      let occurrences = 0;
      for (const needle of exact.needles) occurrences += findAll(lower, needle.toLowerCase(), 50).length;
      score += Math.log1p(occurrences) / 2;
      if (locate(lowerTitle, term.alternatives)) score += 2;
      else if (locate(lowerHeadings, term.alternatives)) score += 1;
      continue;
    }
    if (term.quoted || term.parts.length < 2) return null;
    let partFirst = Infinity;
    for (const part of term.parts) {
      const found = locate(lower, part);
      if (!found) return null;
      needles.push(...found.needles);
      partFirst = Math.min(partFirst, found.first);
    }
    score += 1.5;
    anchorAt = Math.min(anchorAt, partFirst);
  }
  const phraseAt = phrasePosition(lower, terms);
  if (phraseAt >= 0) {
    score += 10;
    anchorAt = phraseAt;
  }
  return { score, needles: [...new Set(needles)], anchorAt: Number.isFinite(anchorAt) ? anchorAt : 0 };
}

function subResults(fragment: PagefindFragment, pageUrl: string, needles: string[], param: string): SearchSubResult[] {
  const content = fragment.content;
  const lower = lowerSameLength(content);
  const sections: { title: string; id: string; start: number }[] = [];
  let cursor = 0;
  for (const anchor of fragment.anchors ?? []) {
    if (typeof anchor.id !== 'string' || !anchor.id || typeof anchor.text !== 'string' || !anchor.text.trim()) continue;
    if (anchor.element === 'h1') continue;
    const at = lower.indexOf(lowerSameLength(anchor.text.trim()), cursor);
    if (at < 0) continue;
    sections.push({ title: anchor.text.trim(), id: anchor.id, start: at });
    cursor = at + anchor.text.length;
  }
  const out: SearchSubResult[] = [];
  sections.forEach((section, index) => {
    if (out.length >= MAX_SUB_RESULTS) return;
    const end = sections[index + 1]?.start ?? content.length;
    const body = lower.slice(section.start, end);
    let first = Infinity;
    for (const needle of needles) {
      const hit = findAll(body, needle.toLowerCase(), 1)[0];
      if (hit !== undefined) first = Math.min(first, hit);
    }
    if (!Number.isFinite(first)) return;
    let url = pageUrl;
    try {
      const parsed = new URL(pageUrl, 'https://pagefind.invalid');
      parsed.hash = section.id;
      url = /^[a-z][a-z0-9+.-]*:\/\//iu.test(pageUrl)
        ? parsed.toString()
        : parsed.pathname + parsed.search + parsed.hash;
    } catch {
      /* keep the page URL */
    }
    out.push({
      title: section.title,
      url: withHighlight(url, needles, param),
      excerpt: window(content, section.start + first, needles, section.start, end),
    });
  });
  return out;
}

/** Reads one of Pagefind's fragment files (gzip'd `pagefind_dcd` + JSON) without its wasm. */
async function readFragment(url: string): Promise<PagefindFragment | null> {
  try {
    const response = await fetch(url);
    if (!response.ok || !response.body) return null;
    const text = await new Response(response.body.pipeThrough(new DecompressionStream('gzip'))).text();
    const fragment = JSON.parse(text.replace(/^pagefind_dcd/, '')) as PagefindFragment;
    if (typeof fragment.content !== 'string' || typeof fragment.url !== 'string') return null;
    // The extended build marks Chinese word breaks with U+200B, as pagefind.js strips too.
    return { ...fragment, content: fragment.content.replace(/\u200B/g, '') };
  } catch {
    return null;
  }
}

/**
 * The same interface over Pagefind's fragments read directly: for a site small enough that
 * every page is verified anyway, this skips the wasm and the word index (about 90 KB).
 */
function directPagefind(bundlePath: string, siteBase: string, files: readonly string[]): PagefindModule {
  let pages: Promise<PagefindFragment[]> | undefined;
  const all = () =>
    (pages ??= Promise.all(files.map((file) => readFragment(bundlePath + file))).then((list) =>
      list
        .filter((fragment): fragment is PagefindFragment => fragment !== null)
        .map((fragment) => ({ ...fragment, url: siteBase + fragment.url.replace(/^\//, '') })),
    ));
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

export async function createSearch(opts: CreateSearchOptions): Promise<SearchEngine> {
  const highlightParam = opts.highlightParam ?? 'highlight';
  const fullScanLimit = opts.fullScanLimit ?? SEARCH_DIRECT_MAX_PAGES;
  const bundlePath = opts.bundlePath.endsWith('/') ? opts.bundlePath : `${opts.bundlePath}/`;

  const data = await fetch(opts.dataUrl)
    .then((response) => (response.ok ? response.json() : null))
    .then(checkData, () => EMPTY_DATA);
  const language = (typeof document === 'undefined' ? '' : document.documentElement.lang).toLowerCase();
  const files = data.p?.[language];
  const siteBase = String(opts.pagefindOptions?.['baseUrl'] ?? '/');
  const direct = files !== undefined && files.length <= fullScanLimit && typeof DecompressionStream !== 'undefined';
  const pagefind = direct
    ? directPagefind(bundlePath, siteBase.endsWith('/') ? siteBase : `${siteBase}/`, files)
    : ((await import(/* @vite-ignore */ `${bundlePath}pagefind.js`)) as PagefindModule);
  await pagefind.options({ excerptLength: 30, ...(opts.pagefindOptions ?? {}) });
  await pagefind.init();

  const fragments = new Map<string, Promise<PagefindFragment | null>>();
  const load = (key: string, result: PagefindResult) => {
    let pending = fragments.get(key);
    if (!pending) {
      pending = result.data().then(
        (fragment) => (fragment && typeof fragment.content === 'string' ? fragment : null),
        () => null,
      );
      fragments.set(key, pending);
    }
    return pending;
  };

  const pagefindSearch = async (term: string | null, filters: Record<string, string[]>): Promise<PagefindResult[]> => {
    try {
      const response = await pagefind.search(term, { filters });
      return response?.results ?? [];
    } catch {
      return [];
    }
  };

  async function run(raw: string, filters: Record<string, string[]>): Promise<SearchOutcome> {
    const parsed = parseQuery(raw, data);
    const empty: SearchOutcome = { query: parsed.normalized, terms: [], hits: [], suggestions: [] };
    if (parsed.terms.length === 0) return empty;

    // One Pagefind search per alternative (Pagefind ANDs present words and drops absent ones).
    const queries: string[] = [];
    const termOfQuery: number[] = [];
    parsed.terms.forEach((term, index) => {
      const wanted = [...term.alternatives.slice(0, 8), ...term.parts.flatMap((part) => part.slice(0, 2))];
      for (const query of wanted) {
        if (queries.length >= MAX_PAGEFIND_QUERIES || queries.includes(query)) continue;
        queries.push(query);
        termOfQuery.push(index);
      }
    });
    const responses = await Promise.all(queries.map((query) => pagefindSearch(query, filters)));
    const candidates = new Map<string, Candidate>();
    const termHasResults = parsed.terms.map(() => false);
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

    const verified = new Map<string, Verified>();
    const check = async (list: Iterable<Candidate>) => {
      await Promise.all(
        Array.from(list, async (candidate) => {
          if (verified.has(candidate.key)) return;
          const fragment = await load(candidate.key, candidate.result);
          if (!fragment) return;
          const outcome = verify(fragment, parsed.terms);
          if (outcome) verified.set(candidate.key, { ...outcome, fragment, pagefindScore: candidate.pagefindScore });
        }),
      );
    };
    await check(candidates.values());

    // Pagefind misses in-word substrings (委員會 inside 諮詢委員會): on a small site verify every
    // page (fragments are cached after the first query); on a large one only when Pagefind gave
    // nothing usable.
    const all = await pagefindSearch(null, filters);
    if (all.length <= fullScanLimit || verified.size === 0 || termHasResults.includes(false)) {
      if (all.length > 0 && all.length <= Math.max(fullScanLimit, 300)) {
        await check(
          all
            .filter((result) => typeof result.id === 'string' && !candidates.has(result.id))
            .map((result) => ({ key: result.id as string, pagefindScore: 0, result })),
        );
      }
    }

    const maxPagefind = Math.max(1, ...Array.from(verified.values(), (v) => v.pagefindScore));
    const ranked = [...verified.values()].sort(
      (a, b) =>
        b.score + b.pagefindScore / maxPagefind - (a.score + a.pagefindScore / maxPagefind) ||
        (a.fragment.url < b.fragment.url ? -1 : 1),
    );
    const allTerms = new Set<string>();
    const hits: SearchHit[] = ranked.map((entry) => {
      const { fragment, needles } = entry;
      const pageUrl = fragment.url || fragment.raw_url || '/';
      for (const needle of needles) allTerms.add(needle);
      const highlight = needles.slice(0, MAX_HIGHLIGHT);
      return {
        url: withHighlight(pageUrl, highlight, highlightParam),
        title: fragment.meta?.['title'] ?? pageUrl,
        excerpt: window(fragment.content, entry.anchorAt, needles),
        section: fragment.filters?.['section']?.[0],
        score: Math.round((entry.score + entry.pagefindScore / maxPagefind) * 100) / 100,
        highlight,
        subResults: subResults(fragment, pageUrl, needles, highlightParam),
      };
    });
    return { query: parsed.normalized, terms: [...allTerms], hits, suggestions: [] };
  }

  return {
    async search(raw: string, filters: Record<string, string[]> = {}): Promise<SearchOutcome> {
      try {
        const safeFilters: Record<string, string[]> = {};
        for (const [name, values] of Object.entries(filters ?? {})) {
          if (Array.isArray(values)) safeFilters[name] = values.filter((v): v is string => typeof v === 'string');
        }
        const outcome = await run(raw, safeFilters);
        if (outcome.hits.length === 0 && outcome.query) {
          for (const suggestion of suggest(raw, data, 4)) {
            const tried = await run(suggestion, safeFilters);
            if (tried.hits.length > 0) outcome.suggestions.push(suggestion);
            if (outcome.suggestions.length >= 3) break;
          }
        }
        return outcome;
      } catch {
        return { query: '', terms: [], hits: [], suggestions: [] };
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
