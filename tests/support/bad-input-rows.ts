/**
 * The README's "Bad input" table, row by row: which test proves each. Every row has a unit test
 * (tests/unit/bad-input.test.ts) unless only a build can raise it; the rows with a real failing
 * build (tests/fail-safe/bad-input.test.ts) also prove that the build's output names the file
 * (and line), that the build stops, and that dist/ stays as it was, once per stage of the build.
 */
export const BAD_INPUT_ROWS = {
  'missing frontmatter field': 'unit',
  'mistyped frontmatter value': 'unit',
  'unknown frontmatter field': 'unit + build',
  'unknown sidebar group': 'unit',
  'unknown source in frontmatter': 'unit',
  'duplicate slug': 'unit',
  'broken internal link': 'unit + build',
  'broken anchor': 'unit',
  'footnote without definition': 'unit + build',
  'footnote citing an unknown source': 'unit',
  'invalid MDX': 'build',
  'image that does not exist': 'unit',
  'file that is not UTF-8': 'unit',
  'empty file': 'unit + build',
  'glossary entry without a Taiwan form': 'unit + build',
  'glossary `page` with no such section': 'unit + build',
  'glossary `page` with no such page': 'unit',
  'timeline entry with an impossible date': 'unit',
  'meeting hosted by an economy that is not a member': 'unit',
  'member economy whose map `shape` has no outline': 'unit + build',
  'source URL on a mirror, proxy or staging host': 'unit',
} as const;

export type BadInputRow = keyof typeof BAD_INPUT_ROWS;
