/**
 * Schemas for the site's data files (src/data/*.yaml). Pages, search and the Simplified
 * edition all read these files through src/lib/data.ts, so each fact is typed once.
 */
import { z } from 'astro/zod';

/** `S1`, `S105b` (fact-sheet source ids) or `seed` (the seed document). */
export const SOURCE_ID_PATTERN = /^(S\d+[a-z]?|seed)$/;

const sourceIds = z.array(z.string().regex(SOURCE_ID_PATTERN)).min(1);
const chineseNames = z.array(z.string().trim().min(1)).default([]);

/** A calendar date written as YYYY, YYYY-MM or YYYY-MM-DD that actually exists. */
export const partialDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
  .refine((value) => {
    const [year, month = 1, day = 1] = value.split('-').map(Number) as [number, number?, number?];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  }, 'is not a real calendar date');

export const sourceSchema = z.strictObject({
  id: z.string().regex(SOURCE_ID_PATTERN),
  /** Title as identified in the fact sheet's source list. */
  title: z.string().trim().min(1),
  url: z.url().optional(),
});

/** An entry of members.yaml: the membership. Its names are the glossary entry `member-<id>`. */
export const memberSchema = z.strictObject({
  /** Stable slug, e.g. `australia`; timeline hosts refer to it, `member-<id>` in the glossary names it. */
  id: z.string().regex(/^[a-z][a-z-]*$/),
  /** Year the economy became a member. */
  joined: z.number().int().min(1989),
  /** Extra words on the joining, e.g. 「1993 年決定，1994 年正式加入」. */
  joinedNote: z.string().trim().min(1).optional(),
  founding: z.boolean(),
  /** One of the six ASEAN members among the 1989 founders. */
  aseanIn1989: z.boolean().default(false),
  sources: sourceIds,
});

export const timelineSchema = z.strictObject({
  date: partialDate,
  /** Date shown to readers when the date is a range (e.g. 「11 月 6–7 日」). */
  dateLabel: z.string().trim().min(1).optional(),
  kind: z.enum(['ministerial', 'leaders', 'milestone']),
  title: z.string().trim().min(1),
  body: z.string().trim().min(1).optional(),
  /** Member id of the host economy. */
  host: z
    .string()
    .regex(/^[a-z][a-z-]*$/)
    .optional(),
  city: z.string().trim().min(1).optional(),
  /** Planned, not yet held. */
  scheduled: z.boolean().default(false),
  sources: sourceIds,
});

export const glossarySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  category: z.enum(['organisation', 'body', 'document', 'place', 'member', 'person', 'concept']),
  /** Taiwan form: the name the site uses. Required. */
  tw: z.string().trim().min(1),
  /** Other Traditional forms seen in Taiwan sources. */
  twAlt: chineseNames,
  /** Hong Kong forms. */
  hk: chineseNames,
  /** Mainland forms, written in Traditional characters as the seed does. */
  cn: chineseNames,
  en: z.string().trim().min(1).optional(),
  abbr: z.string().trim().min(1).optional(),
  /** A reader-facing note, e.g. that a Chinese form is not confirmed by a source. */
  note: z.string().trim().min(1).optional(),
  /** The Chinese forms are standard renderings not found in a source (fact sheet's †). */
  uncertain: z.boolean().default(false),
  sources: sourceIds,
});

export type Source = z.infer<typeof sourceSchema>;
/** A member economy: its membership (members.yaml) with its names (the glossary entry `member-<id>`). */
export type Member = z.infer<typeof memberSchema> & {
  /** Name as APEC uses it in English. */
  en: string;
  /** Taiwan form, used on the site. */
  tw: string;
  hk: string[];
  cn: string[];
};
export type TimelineEntry = z.infer<typeof timelineSchema>;
export type GlossaryEntry = z.infer<typeof glossarySchema>;
