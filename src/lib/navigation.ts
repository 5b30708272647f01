/**
 * Site navigation as plain data: reading order, sidebar, previous/next and breadcrumbs.
 * Built once per build from the collection; per-page lookups are O(window), so a page's
 * HTML and build cost do not grow with the number of pages elsewhere on the site.
 */
import { pagePath } from './paths';

export interface NavInput {
  id: string;
  title: string;
  label?: string | undefined;
  group: string;
  order: number;
}

export interface NavPage {
  id: string;
  path: string;
  title: string;
  label: string;
  group: string;
}

export interface NavGroup {
  id: string;
  label: string;
  /** Pages of the group in reading order. */
  pages: NavPage[];
}

export interface Navigation {
  /** Every page in reading order: groups in declared order, then `order`, then title. */
  pages: NavPage[];
  groups: NavGroup[];
  /** Page id → position in `pages`. */
  index: Map<string, number>;
}

export function buildNavigation(
  entries: readonly NavInput[],
  groupOrder: readonly { id: string; label: string }[],
): Navigation {
  const rank = new Map(groupOrder.map((group, position) => [group.id, position]));
  const sorted = [...entries].sort(
    (a, b) =>
      (rank.get(a.group) ?? Infinity) - (rank.get(b.group) ?? Infinity) ||
      a.order - b.order ||
      a.title.localeCompare(b.title, 'zh-Hant-TW'),
  );
  const pages = sorted.map<NavPage>(({ id, title, label, group }) => ({
    id,
    path: pagePath(id),
    title,
    label: label ?? title,
    group,
  }));
  const groups = groupOrder
    .map<NavGroup>(({ id, label }) => ({ id, label, pages: pages.filter((page) => page.group === id) }))
    .filter((group) => group.pages.length > 0);
  return { pages, groups, index: new Map(pages.map((page, position) => [page.id, position])) };
}

export interface SidebarGroup {
  id: string;
  label: string;
  /** Where the group's label links to (its first page). */
  href: string;
  /** The group holding the current page. */
  current: boolean;
  /** Every group lists its pages, up to a window: around the current page, or the group's first pages. */
  pages: NavPage[];
  /** Pages of the group left out before/after the window. */
  hiddenBefore: number;
  hiddenAfter: number;
}

/**
 * The sidebar (and phone menu) for one page: every group open. A group longer than `maxPages`
 * shows a window of them (around the current page in its group), so page size stays bounded.
 */
export function sidebarFor(nav: Navigation, currentId: string | undefined, maxPages = 40): SidebarGroup[] {
  const current = currentId === undefined ? undefined : nav.pages[nav.index.get(currentId) ?? -1];
  return nav.groups.map((group) => {
    const isCurrent = group.id === current?.group;
    const at = isCurrent ? group.pages.findIndex((page) => page.id === current.id) : 0;
    const start = isCurrent ? Math.max(0, Math.min(at - Math.floor(maxPages / 2), group.pages.length - maxPages)) : 0;
    const end = Math.min(group.pages.length, start + maxPages);
    return {
      id: group.id,
      label: group.label,
      href: group.pages[0]?.path ?? '/',
      current: isCurrent,
      pages: group.pages.slice(start, end),
      hiddenBefore: start,
      hiddenAfter: group.pages.length - end,
    };
  });
}

/** The pages before and after `id` in reading order. */
export function neighbours(nav: Navigation, id: string): { prev?: NavPage | undefined; next?: NavPage | undefined } {
  const at = nav.index.get(id);
  if (at === undefined) return {};
  return { prev: nav.pages[at - 1], next: nav.pages[at + 1] };
}
