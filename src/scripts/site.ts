/**
 * The only script every page loads: theme toggle, small-screen menu, table-of-contents
 * highlighting, and the triggers that load search on intent. Search itself (UI, Pagefind,
 * folding data) is a separate chunk imported the first time a reader reaches for it.
 */
const root = document.documentElement;
const dark = matchMedia('(prefers-color-scheme: dark)');
const $ = (id: string) => document.getElementById(id);

// Theme: follows the system until the reader picks one; the choice is remembered.
const themeButton = $('theme-button');
const isDark = () => (root.dataset['theme'] ?? (dark.matches ? 'dark' : 'light')) === 'dark';
const syncTheme = () => themeButton?.setAttribute('aria-pressed', String(isDark()));
themeButton?.addEventListener('click', () => {
  const theme = isDark() ? 'light' : 'dark';
  root.dataset['theme'] = theme;
  try {
    localStorage.setItem('theme', theme);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  syncTheme();
});
dark.addEventListener('change', syncTheme);
syncTheme();

// Menu: on narrow screens the sidebar becomes a panel under the header.
const menuButton = $('menu-button');
const sidebar = $('sidebar');
const setMenu = (open: boolean) => {
  menuButton?.setAttribute('aria-expanded', String(open));
  sidebar?.classList.toggle('open', open);
};
menuButton?.addEventListener('click', () => setMenu(menuButton.getAttribute('aria-expanded') !== 'true'));
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && menuButton?.getAttribute('aria-expanded') === 'true') {
    setMenu(false);
    menuButton.focus();
  }
});

// Table of contents: mark the section being read.
const tocLinks = new Map<string, HTMLAnchorElement>();
document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]').forEach((link) => {
  tocLinks.set(decodeURIComponent(link.hash.slice(1)), link);
});
if (tocLinks.size > 0) {
  const visible = new Set<string>();
  const headings = [...tocLinks.keys()].map((id) => $(id)).filter((el): el is HTMLElement => el !== null);
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) visible.add(entry.target.id);
        else visible.delete(entry.target.id);
      }
      const current = headings.find((heading) => visible.has(heading.id));
      if (!current) return;
      tocLinks.forEach((link, id) => {
        if (id === current.id) link.setAttribute('aria-current', 'location');
        else link.removeAttribute('aria-current');
      });
    },
    { rootMargin: '0px 0px -60% 0px' },
  );
  headings.forEach((heading) => observer.observe(heading));
}

// Edition switch: keep the reader on the same section, and remember the choice (never
// redirect on it: a hint offers the other edition when the reader lands on this one).
const editionSwitch = $('edition-switch') as HTMLAnchorElement | null;
editionSwitch?.addEventListener('click', () => {
  editionSwitch.hash = location.hash;
  try {
    localStorage.setItem('edition', editionSwitch.dataset['edition'] ?? '');
  } catch {
    // Private mode: nothing to remember.
  }
});

try {
  // The reader chose the other edition before: make its switch stand out.
  if (editionSwitch && localStorage.getItem('edition') === editionSwitch.dataset['edition']) {
    editionSwitch.classList.add('edition-preferred');
  }
} catch {
  // Storage blocked.
}

// Search: loaded on intent (pointer on or focus in a search control), opened on click,
// `/`, Ctrl/⌘+K, or a `?q=` in the address.
const loadSearch = () => import('./search-ui');
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

// Offline reading: registers the service worker after load (src/scripts/offline.ts).
import './offline';
