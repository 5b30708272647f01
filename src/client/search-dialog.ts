/**
 * The search dialog's markup and words, made when search-ui.ts first loads (on intent: pointer
 * on or focus in the search button, `/`, Ctrl/⌘+K, `?q=`), so no page carries them. A closed
 * <dialog> takes no room and an open one sits in the top layer: adding it moves nothing on the
 * page. Its styles (src/styles/search.css) are not in the pages' stylesheet: site.ts links them
 * when it loads this script, and search-ui.ts opens the dialog once they are in (`styled`), so it
 * never shows unstyled. Its words are this page's edition's, built in by
 * src/integrations/client-scripts.ts.
 */
import type { SearchWords } from '../data/search-text';

/**
 * Settles when the dialog's stylesheet (linked by site.ts together with this script) has loaded,
 * or failed, or after 2 s at most (a failure before this script ran leaves no event to wait for):
 * the dialog opens whatever happens to its styles.
 */
export const styled = new Promise<void>((resolve) => {
  const link = document.getElementById('search-styles') as HTMLLinkElement | null;
  if (!link || link.sheet) return resolve();
  for (const type of ['load', 'error']) link.addEventListener(type, () => resolve(), { once: true });
  setTimeout(resolve, 2000);
});

/** Both editions' words, keyed by `<html lang>` (a build-time constant). */
declare const SEARCH_WORDS: Record<string, SearchWords>;

const editions: Record<string, SearchWords> = SEARCH_WORDS;
const words = editions[document.documentElement.lang] ?? Object.values(editions)[0]!;

/** The UI's words in this page's edition, `{name}` filled in. */
export const say = (key: string, values: Record<string, string | number> = {}): string =>
  (words[key as keyof SearchWords] ?? '').replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));

const node = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] => {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
};

const hint = (keys: string[], word: string) => node('span', {}, ...keys.map((key) => node('kbd', {}, key)), ` ${word}`);

export const input = node('input', {
  id: 'search-input',
  name: 'q',
  type: 'search',
  autocomplete: 'off',
  spellcheck: 'false',
  enterkeyhint: 'search',
  placeholder: say('placeholder'),
  'aria-describedby': 'search-status',
  'aria-controls': 'search-results',
});
export const closeButton = node('button', { type: 'button', class: 'search-close', id: 'search-close' }, say('close'));
export const form = node(
  'form',
  { role: 'search', class: 'search-form', id: 'search-form' },
  node('h2', { id: 'search-title', class: 'visually-hidden' }, say('title')),
  node('label', { for: 'search-input', class: 'visually-hidden' }, say('title')),
  input,
  closeButton,
);
export const filterBox = node('div', { class: 'search-filters', id: 'search-filters' });
export const status = node('p', { id: 'search-status', class: 'search-status', role: 'status', 'aria-live': 'polite' });
export const results = node('div', { id: 'search-results', class: 'search-results' });
export const dialog = node(
  'dialog',
  { id: 'search-dialog', class: 'search-dialog', 'aria-labelledby': 'search-title' },
  form,
  filterBox,
  status,
  results,
  node(
    'p',
    { class: 'search-hints' },
    hint(['↑', '↓'], say('hint-select')),
    hint(['Enter'], say('hint-open')),
    hint(['Esc'], say('hint-close')),
  ),
);
document.body.append(dialog);
// The search button now has the dialog it opens.
document.getElementById('search-button')?.setAttribute('aria-controls', dialog.id);
