import { expect, test } from 'vitest';
import { buildNavigation, neighbours, sidebarFor, type NavInput } from '../../src/lib/navigation';

const groups = [
  { id: 'a', label: 'A 組' },
  { id: 'b', label: 'B 組' },
  { id: 'empty', label: '空組' },
];
const entries: NavInput[] = [
  { id: 'b2', title: '乙二', group: 'b', order: 2 },
  { id: 'a1', title: '甲一', group: 'a', order: 1, label: '甲' },
  { id: 'b1', title: '乙一', group: 'b', order: 1 },
  { id: 'a2', title: '甲二', group: 'a', order: 2 },
];

test('orders pages by group, then order, and drops empty groups', () => {
  const nav = buildNavigation(entries, groups);
  expect(nav.pages.map((page) => page.id)).toEqual(['a1', 'a2', 'b1', 'b2']);
  expect(nav.groups.map((group) => group.id)).toEqual(['a', 'b']);
  expect(nav.pages[0]).toMatchObject({ path: '/a1/', label: '甲', title: '甲一' });
});

test('breaks order ties by title', () => {
  const nav = buildNavigation(
    [
      { id: 'y', title: 'Beta', group: 'a', order: 1 },
      { id: 'x', title: 'Alpha', group: 'a', order: 1 },
    ],
    groups,
  );
  expect(nav.pages.map((page) => page.id)).toEqual(['x', 'y']);
});

test('prev/next follow reading order across groups', () => {
  const nav = buildNavigation(entries, groups);
  expect(neighbours(nav, 'a1')).toEqual({ prev: undefined, next: nav.pages[1] });
  expect(neighbours(nav, 'a2').next?.id).toBe('b1');
  expect(neighbours(nav, 'b2').next).toBeUndefined();
  expect(neighbours(nav, 'missing')).toEqual({});
});

test('the sidebar opens every group and marks the current one', () => {
  const sidebar = sidebarFor(buildNavigation(entries, groups), 'b1');
  expect(sidebar.map((group) => [group.id, group.current, group.pages.length])).toEqual([
    ['a', false, 2],
    ['b', true, 2],
  ]);
  expect(sidebar[0]!.href).toBe('/a1/');
  // Home and 404 have no current page: every group still lists its pages.
  expect(sidebarFor(buildNavigation(entries, groups), undefined).map((group) => group.pages.length)).toEqual([2, 2]);
});

test('a large group shows a window around the current page, so page size stays bounded', () => {
  const many = Array.from({ length: 1000 }, (_, index) => ({
    id: `p${index}`,
    title: `頁 ${index}`,
    group: 'a',
    order: index,
  }));
  const nav = buildNavigation(many, groups);
  const [group] = sidebarFor(nav, 'p500', 40);
  expect(group!.pages).toHaveLength(40);
  expect(group!.pages.some((page) => page.id === 'p500')).toBe(true);
  expect(group!.hiddenBefore + group!.pages.length + group!.hiddenAfter).toBe(1000);
  const [start] = sidebarFor(nav, 'p0', 40);
  expect(start!.hiddenBefore).toBe(0);
  const [end] = sidebarFor(nav, 'p999', 40);
  expect(end!.hiddenAfter).toBe(0);
  expect(end!.pages.at(-1)!.id).toBe('p999');
});
