/**
 * Sidebar groups, in reading order. A page's `sidebar.group` must be one of these ids;
 * any other value fails the build with the file name (see src/content.config.ts).
 */
export const GROUPS = [
  { id: 'basics', label: '認識 APEC' },
  { id: 'organisation', label: '組織與運作' },
  { id: 'history', label: '歷史' },
  { id: 'reference', label: '參考' },
] as const;

export type GroupId = (typeof GROUPS)[number]['id'];

export const GROUP_IDS = GROUPS.map((group) => group.id) as [GroupId, ...GroupId[]];

export const groupLabel = (id: GroupId): string => GROUPS.find((group) => group.id === id)?.label ?? id;
