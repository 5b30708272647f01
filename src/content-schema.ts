/**
 * The frontmatter of a content page (`content/*.md(x)`): strict, so a missing, mistyped or
 * unknown field stops the build naming the file and the field (README, "Bad input"). Kept apart
 * from src/content.config.ts so tests can check it without a build.
 */
import { z } from 'astro/zod';
import { GROUP_IDS } from './data/groups';
import { SOURCE_ID_PATTERN } from './data/schemas';
import { loadData } from './lib/data';

export const docsSchema = z.strictObject({
  /** Page title: the `<h1>` and the `<title>`. */
  title: z.string().trim().min(1),
  /** One-sentence summary for `<meta name="description">` and search engines. */
  description: z.string().trim().min(10).max(160),
  sidebar: z.strictObject({
    /** One of the ids in src/data/groups.ts. */
    group: z.enum(GROUP_IDS),
    /** Position inside the group, smallest first. */
    order: z.number().int().nonnegative(),
    /** Shorter sidebar label; defaults to the title. */
    label: z.string().trim().min(1).optional(),
  }),
  /** When the page's facts were last checked against its sources (YYYY-MM-DD). */
  lastReviewed: z.coerce.date(),
  /** Source ids (see src/data/sources.yaml) this page relies on. */
  sources: z
    .array(z.string().regex(SOURCE_ID_PATTERN))
    .min(1)
    .superRefine((ids, context) => {
      const known = new Set(loadData().sources.map((source) => source.id));
      for (const id of ids) {
        if (!known.has(id))
          context.addIssue({ code: 'custom', message: `unknown source "${id}" (not in src/data/sources.yaml)` });
      }
    }),
  /**
   * Search: the page lists (a table, a glossary, sources) rather than explains, so it ranks below
   * the page that explains a topic unless the query names it (src/search/rank.ts). Defaults to
   * its sidebar group's `reference` (src/data/groups.ts).
   */
  listing: z.boolean().optional(),
  draft: z.boolean().default(false),
});
