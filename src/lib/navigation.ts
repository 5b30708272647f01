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
  current: boolean;
  /** Only the current group lists its pages; others collapse to their label. */
  pages: NavPage[];
  /** Pages of the current group left out before/after the window. */
  hiddenBefore: number;
  hiddenAfter: number;
}

/** The sidebar for one page: every group's label, and a window of the current group's pages. */
export function sidebarFor(nav: Navigation, currentId: string | undefined, maxPages = 40): SidebarGroup[] {
  const current = currentId === undefined ? undefined : nav.pages[nav.index.get(currentId) ?? -1];
  return nav.groups.map((group) => {
    const isCurrent = group.id === current?.group;
    let start = 0;
    let end = 0;
    if (isCurrent) {
      const at = group.pages.findIndex((page) => page.id === current.id);
      start = Math.max(0, Math.min(at - Math.floor(maxPages / 2), group.pages.length - maxPages));
      end = Math.min(group.pages.length, start + maxPages);
    }
    return {
      id: group.id,
      label: group.label,
      href: group.pages[0]?.path ?? '/',
      current: isCurrent,
      pages: group.pages.slice(start, end),
      hiddenBefore: start,
      hiddenAfter: isCurrent ? group.pages.length - end : 0,
    };
  });
}

/** The pages before and after `id` in reading order. */
export function neighbours(nav: Navigation, id: string): { prev?: NavPage | undefined; next?: NavPage | undefined } {
  const at = nav.index.get(id);
  if (at === undefined) return {};
  return { prev: nav.pages[at - 1], next: nav.pages[at + 1] };
}
