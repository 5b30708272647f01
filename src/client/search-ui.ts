/**
 * The search dialog. Loaded on intent by site.ts; drives the search engine in
 * src/search/client.ts (Pagefind + script/variant folding + glossary aliases).
 * Every string from the index is already HTML-escaped by the engine (only `<mark>` is
 * added); every string from the reader goes into the page as text, never as HTML.
 */
import { SEARCH_DIRECT_MAX_PAGES } from '../budgets';
import { EDITIONS, type Edition } from '../i18n/editions';
import { createSearch, type SearchAnswer, type SearchHit, type SearchOutcome } from '../search/client';
import { echoOf } from '../search/query';
// The dialog and its words (in this page's edition) are made by search-dialog.ts, not shipped in every page.
import { closeButton, dialog, filterBox, form, input, results, say, status, styled } from './search-dialog';

const base = document.documentElement.dataset['base'] ?? '/';

// The page's edition, from its <html lang> (src/i18n/editions.ts).
const edition = (Object.keys(EDITIONS) as Edition[]).find(
  (key) => EDITIONS[key].lang === document.documentElement.lang,
);

const startEngine = () => {
  const started = createSearch({
    edition: edition ?? 'hant',
    bundlePath: `${base}pagefind/`,
    dataUrl: `${base}pagefind/search-data.json`,
    // No worker: one request (pagefind-worker.js) fewer; a query takes milliseconds here.
    pagefindOptions: { baseUrl: base, noWorker: true },
    // A site this size is searched from Pagefind's fragments directly; a larger one (or a page
    // that sets data-search-scan-limit="0", as a test does) through Pagefind's wasm and index.
    fullScanLimit: Number(document.documentElement.dataset['searchScanLimit'] ?? SEARCH_DIRECT_MAX_PAGES) || 0,
  });
  // (A failed start is reported when a search awaits it: 載入失敗 with a retry; not as an unhandled rejection.)
  started.catch(() => undefined);
  return started;
};
// Started again by 「重試」 when it failed to start (its script or data did not load).
let engine = startEngine();
const activeFilters = new Set<string>();

let pushedState = false;
let latest = 0;

const element = <K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) => {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
};

/** The engine's excerpts are escaped text plus `<mark>`; parse them inertly to be sure. */
const excerptNode = (html: string) => {
  const template = document.createElement('template');
  template.innerHTML = html;
  const paragraph = element('p', 'search-excerpt');
  template.content.childNodes.forEach((node) => {
    if (node.nodeType === Node.TEXT_NODE) paragraph.append(node.textContent ?? '');
    else if (node instanceof HTMLElement && node.tagName === 'MARK')
      paragraph.append(element('mark', undefined, node.textContent ?? ''));
    else paragraph.append(node.textContent ?? '');
  });
  return paragraph;
};

// Result URLs already carry `?highlight=` for the words found on that page.
const renderHit = (hit: SearchHit) => {
  const item = element('li', 'search-hit');
  const link = element('a', 'search-hit-title');
  link.href = hit.url;
  link.append(element('span', undefined, hit.title));
  if (hit.section) link.append(element('span', 'search-hit-section', hit.section));
  item.append(link, excerptNode(hit.excerpt));
  if (hit.subResults.length > 0) {
    const list = element('ul', 'search-subresults');
    for (const sub of hit.subResults.slice(0, 4)) {
      const subItem = element('li');
      const subLink = element('a', undefined, sub.title);
      subLink.href = sub.url;
      subItem.append(subLink, excerptNode(sub.excerpt));
      list.append(subItem);
    }
    item.append(list);
  }
  return item;
};

/** The glossary card: the term, its other names, a one-line note, the section that explains it. */
const renderAnswer = (answer: SearchAnswer) => {
  const card = element('section', 'search-answer');
  card.setAttribute('aria-labelledby', 'search-answer-term');
  const heading = element('h3', 'search-answer-term');
  heading.id = 'search-answer-term';
  heading.append(element('span', 'search-answer-kind', say('answer-kind')), element('span', undefined, answer.term));
  if (answer.abbr && answer.abbr !== answer.term) {
    const abbr = element('span', 'search-answer-abbr', answer.abbr);
    abbr.lang = 'en';
    heading.append(abbr);
  }
  card.append(heading);
  if (answer.forms.length > 0) {
    const list = element('dl', 'search-answer-forms');
    for (const { kind, values } of answer.forms) {
      const row = element('div');
      const value = element('dd', undefined, values.join('、'));
      if (kind === 'en') value.lang = 'en';
      row.append(element('dt', undefined, say(`answer-${kind}`)), value);
      list.append(row);
    }
    card.append(list);
  }
  if (answer.note) card.append(element('p', 'search-answer-note', answer.note));
  const more = element('p', 'search-answer-link');
  const link = element('a', undefined, say('answer-link', { section: answer.section }));
  link.href = answer.url;
  more.append(link);
  card.append(more);
  return card;
};

/** Loading failed: say so, with a retry (never 「沒有找到」, which would be untrue). */
const renderError = () => {
  results.replaceChildren();
  status.textContent = say('error');
  const retry = element('button', 'search-retry', say('retry'));
  retry.type = 'button';
  retry.addEventListener('click', () => {
    engine = engine.catch(startEngine);
    void run();
    void renderFilters();
  });
  results.append(retry);
};

/** `typed` is the query as the reader wrote it (its casing kept), for the status line. */
const render = (outcome: SearchOutcome, typed: string) => {
  if (outcome.failed) {
    renderError();
    return;
  }
  results.replaceChildren();
  if (outcome.answer && outcome.query !== '') results.append(renderAnswer(outcome.answer));
  if (outcome.query === '') {
    status.textContent = '';
    return;
  }
  const answerNote = outcome.answer ? say('answer', { term: outcome.answer.term }) : '';
  if (outcome.hits.length === 0) {
    status.textContent = say('none', { q: typed }) + answerNote;
    if (outcome.suggestions.length > 0) {
      const box = element('p', 'search-suggestions', say('suggest'));
      outcome.suggestions.forEach((suggestion, index) => {
        const button = element('button', 'search-suggestion', suggestion);
        button.type = 'button';
        button.addEventListener('click', () => {
          input.value = suggestion;
          void run();
        });
        if (index > 0) box.append('、');
        box.append(button);
      });
      results.append(box);
    }
    return;
  }
  const fixedNote = (outcome.fixed ?? []).map((fix) => say('fixed', fix)).join('');
  status.textContent =
    say(outcome.partial ? 'partial' : 'found', { n: outcome.hits.length, q: typed }) + fixedNote + answerNote;
  const list = element('ul', 'search-hits');
  list.setAttribute('aria-label', say('results'));
  outcome.hits.forEach((hit) => list.append(renderHit(hit)));
  results.append(list);
};

async function run() {
  const ticket = ++latest;
  const query = input.value;
  syncAddress(query);
  const filters = activeFilters.size > 0 ? { section: [...activeFilters] } : undefined;
  try {
    const ready = await engine;
    const outcome = await ready.search(query, filters);
    searchedFromMemory = ready.fromMemory();
    if (ticket === latest) render(outcome, echoOf(query));
  } catch (error) {
    if (ticket === latest) renderError();
    console.warn(error);
  }
}

let timer: ReturnType<typeof setTimeout> | undefined;
let searchedFromMemory = false;
input.addEventListener('input', () => {
  clearTimeout(timer);
  // Once every page is in memory a query costs a few milliseconds: answer each keystroke at
  // once. Until then (first query, or Pagefind's index fetching chunks) wait for a pause.
  if (searchedFromMemory) void run();
  else timer = setTimeout(() => void run(), 120);
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(timer);
  void run();
});

// Arrow keys move between the input and the result links.
dialog.addEventListener('keydown', (event) => {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const links = [...results.querySelectorAll<HTMLAnchorElement>('a')];
  if (links.length === 0) return;
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  event.preventDefault();
  if (event.key === 'ArrowDown') links[Math.min(at + 1, links.length - 1)]?.focus();
  else if (at <= 0) input.focus();
  else links[at - 1]?.focus();
});

/** Keep `?q=` in the address (shareable); the back button closes the dialog. */
function syncAddress(query: string) {
  const url = new URL(location.href);
  if (query.trim() === '') url.searchParams.delete('q');
  else url.searchParams.set('q', query);
  if (!pushedState) {
    // A shared `?q=` link: keep the page itself as the entry that "back" returns to.
    const page = new URL(url);
    page.searchParams.delete('q');
    history.replaceState(history.state, '', page);
    history.pushState({ search: true }, '', url);
    pushedState = true;
  } else history.replaceState({ search: true }, '', url);
}

function close() {
  if (dialog.open) dialog.close();
}
closeButton.addEventListener('click', close);
dialog.addEventListener('click', (event) => {
  if (event.target === dialog) close();
});
dialog.addEventListener('close', () => {
  if (pushedState) {
    pushedState = false;
    history.back();
  }
});
addEventListener('popstate', () => {
  if (dialog.open && !(history.state as { search?: boolean } | null)?.search) {
    pushedState = false;
    dialog.close();
  }
});

async function renderFilters() {
  // (Without an engine, no filters: the search says it failed, and its retry tries these again.)
  const ready = await engine.catch(() => undefined);
  if (!ready) return;
  const counts = (await ready.filters())['section'] ?? {};
  // In the sidebar's order (the page lists it); a section it does not list goes last.
  const order = say('sections').split('|');
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  const names = Object.keys(counts).sort((a, b) => rank(a) - rank(b));
  if (names.length < 2 || filterBox.childElementCount > 0) return;
  const group = element('fieldset', 'search-filter-group');
  group.append(element('legend', 'visually-hidden', say('filter')));
  for (const name of names) {
    const label = element('label', 'search-filter');
    const box = element('input');
    box.type = 'checkbox';
    box.value = name;
    box.addEventListener('change', () => {
      if (box.checked) activeFilters.add(name);
      else activeFilters.delete(name);
      void run();
    });
    label.append(box, name);
    group.append(label);
  }
  filterBox.append(group);
}

export async function openSearch(query?: string) {
  await styled; // the dialog's own stylesheet (search-dialog.ts): never shown unstyled
  if (!dialog.open) dialog.showModal();
  if (query !== undefined) input.value = query;
  input.focus();
  input.select();
  void renderFilters();
  if (input.value.trim() !== '') void run();
}
