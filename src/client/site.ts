/**
 * The only script every page loads: theme toggle, the menu, the section being read in the
 * contents, and the triggers that load search on intent. Search itself (UI, Pagefind,
 * folding data) is a separate chunk imported the first time a reader reaches for it.
 */
import searchStyles from '../styles/search.css?url';

const root = document.documentElement;
const dark = matchMedia('(prefers-color-scheme: dark)');
const $ = (id: string) => document.getElementById(id);

// Theme: follows the system until the reader picks one; the choice is remembered.
// One toggle in the header, one in the menu.
const themeToggles = document.querySelectorAll('[data-theme-toggle]');
const isDark = () => (root.dataset['theme'] ?? (dark.matches ? 'dark' : 'light')) === 'dark';
const syncTheme = () => themeToggles.forEach((toggle) => toggle.setAttribute('aria-pressed', String(isDark())));
themeToggles.forEach((toggle) =>
  toggle.addEventListener('click', () => {
    const theme = isDark() ? 'light' : 'dark';
    root.dataset['theme'] = theme;
    try {
      localStorage.setItem('theme', theme);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    syncTheme();
  }),
);
dark.addEventListener('change', syncTheme);
syncTheme();

// Menu: a modal dialog (focus stays inside, Esc closes it, focus returns to the button).
// Also closed by its ✕ and by a tap on the backdrop (the dialog itself is the target there).
const menuButton = $('menu-button');
const menu = $('site-menu') as HTMLDialogElement | null;
menuButton?.addEventListener('click', () => {
  menu?.showModal();
  menuButton.setAttribute('aria-expanded', 'true');
});
menu?.addEventListener('close', () => menuButton?.setAttribute('aria-expanded', 'false'));
// Tab past the last control (or Shift+Tab before the first) wraps round instead of leaving for
// the browser's own controls.
menu?.addEventListener('keydown', (event) => {
  if (event.key !== 'Tab') return;
  const items = [...menu.querySelectorAll<HTMLElement>('a[href], button')];
  const [first, last] = event.shiftKey ? [items.at(-1), items[0]] : [items[0], items.at(-1)];
  if (document.activeElement === last) {
    event.preventDefault();
    first?.focus();
  }
});
menu?.addEventListener('click', (event) => {
  const target = event.target as Element;
  if (target === menu || target.closest('[data-close-menu]')) menu.close();
});

// Contents: mark the section being read (the last heading scrolled up to where a jump puts
// headings: the scroll padding, plus a little) in
// the column and in the 本頁內容 bar, which also names it; a jump closes the bar.
const tocLinks = document.querySelectorAll<HTMLAnchorElement>('[data-toc] a');
const current = document.querySelector('[data-toc-current]');
const disclosure = document.querySelector('details.toc-disclosure') as HTMLDetailsElement | null;
const headings = [...new Set([...tocLinks].map((link) => decodeURIComponent(link.hash.slice(1))))]
  .map((id) => $(id))
  .filter((heading): heading is HTMLElement => heading !== null);
let spying = false;
const spy = () => {
  spying = false;
  const line = parseFloat(getComputedStyle(root).scrollPaddingTop) + 24;
  const at = headings.filter((heading) => heading.getBoundingClientRect().top < line).pop();
  tocLinks.forEach((link) => {
    if (decodeURIComponent(link.hash.slice(1)) === at?.id) link.setAttribute('aria-current', 'location');
    else link.removeAttribute('aria-current');
  });
  if (current)
    current.textContent = at ? (document.querySelector(`[data-toc] a[aria-current]`)?.textContent ?? '') : '';
};
if (headings.length > 0) {
  addEventListener('scroll', () => spying || ((spying = true), requestAnimationFrame(spy)), { passive: true });
  spy();
}
disclosure?.addEventListener('click', (event) => {
  if ((event.target as Element).closest('a')) disclosure.open = false;
});
document.addEventListener('click', (event) => {
  if (disclosure?.open && !disclosure.contains(event.target as Node)) disclosure.open = false;
});

// Edition switch: keep the reader on the same section, and remember the choice (never
// redirect on it: a hint offers the other edition when the reader lands on this one).
document.querySelectorAll<HTMLAnchorElement>('[data-edition-switch]').forEach((editionSwitch) => {
  editionSwitch.addEventListener('click', () => {
    editionSwitch.hash = location.hash;
    try {
      localStorage.setItem('edition', editionSwitch.dataset['edition'] ?? '');
    } catch {
      // Private mode: nothing to remember.
    }
  });
  try {
    // The reader chose the other edition before: make its switch stand out.
    if (localStorage.getItem('edition') === editionSwitch.dataset['edition']) {
      editionSwitch.classList.add('edition-preferred');
    }
  } catch {
    // Storage blocked.
  }
});

// Search: loaded on intent (pointer on or focus in a search control), opened on click,
// `/`, Ctrl/⌘+K, or a `?q=` in the address. The dialog's stylesheet is asked for with the
// script, not after it: search-ui.ts opens the dialog once it is in (search-dialog.ts, `styled`).
const loadSearch = () => {
  if (!$('search-styles'))
    document.head.append(
      Object.assign(document.createElement('link'), { id: 'search-styles', rel: 'stylesheet', href: searchStyles }),
    );
  return import('./search-ui');
};
const openSearch = (query?: string) => void loadSearch().then((ui) => ui.openSearch(query));
const triggers = document.querySelectorAll<HTMLElement>('#search-button, [data-open-search]');
triggers.forEach((trigger) => {
  for (const type of ['pointerenter', 'focus', 'touchstart']) {
    trigger.addEventListener(type, () => void loadSearch(), { once: true, passive: true });
  }
  trigger.addEventListener('click', () => openSearch());
});
document.addEventListener('keydown', (event) => {
  const target = event.target as HTMLElement | null;
  const typing = target?.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target?.tagName ?? '');
  if ((event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    openSearch();
  } else if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
    event.preventDefault();
    openSearch();
  }
});
const params = new URLSearchParams(location.search);
const initialQuery = params.get('q');
if (initialQuery !== null) openSearch(initialQuery);
if (params.has('highlight'))
  void import('./highlight').then((module) => module.highlightTerms(params.getAll('highlight')));

// Offline reading: registers the service worker after load (src/client/offline.ts).
import './offline';
