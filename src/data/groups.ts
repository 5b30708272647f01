/**
 * Sidebar groups, in reading order. A page's `sidebar.group` must be one of these ids;
 * any other value fails the build with the file name (see src/content.config.ts).
 * `reference: true`: pages that list rather than explain (glossary, sources, FAQ, the
 * timeline); search ranks them below the page that explains a topic unless the query names
 * them (src/search/rank.ts). A page's frontmatter `listing` overrides its group's.
 */
export const GROUPS = [
  { id: 'basics', label: '認識 APEC', reference: false },
  { id: 'organisation', label: '組織與運作', reference: false },
  { id: 'history', label: '歷史', reference: true },
  { id: 'reference', label: '參考', reference: true },
] as const;

export type GroupId = (typeof GROUPS)[number]['id'];

export const GROUP_IDS = GROUPS.map((group) => group.id) as [GroupId, ...GroupId[]];

export const groupLabel = (id: GroupId): string => GROUPS.find((group) => group.id === id)?.label ?? id;
