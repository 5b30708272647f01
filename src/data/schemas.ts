/**
 * Schemas for the site's data files (src/data/*.yaml). Pages, search and the Simplified
 * edition all read these files through src/lib/data.ts, so each fact is typed once.
 */
import { z } from 'astro/zod';

/** `S1`, `S105b`: fact-sheet source ids. */
export const SOURCE_ID_PATTERN = /^S\d+[a-z]?$/;

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

/** The groups of the references page, in the order shown. */
export const SOURCE_KINDS = ['apec', 'government', 'news', 'reference', 'encyclopedia'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/**
 * Addresses that are not the publisher's own page: copies, proxies, staging and login hosts
 * (pages read through them while checking facts). Readers get the publisher's URL.
 */
export const NON_CANONICAL_URLS: readonly (readonly [RegExp, string])[] = [
  [/^https?:\/\/[^/]*(?:sitefinity\.cloud|pangea-cms\.com)(?:[:/]|$)/i, 'a CMS staging or preview host'],
  [/^https?:\/\/[^/]*(?:^|[./-])(?:stg|staging|preview)[.-][^/]*\//i, 'a staging host'],
  [/^https?:\/\/[^/]+\/(?:[^?#]*\/)?preview\//i, 'a preview address'],
  [/^https?:\/\/[^/]*(?:core-varnish|core-prod\.|\.prod\.aop\.)/i, "a publisher's internal origin host"],
  [
    /^https?:\/\/[^/]*(?:translate\.goog|translate\.google\.|hanjaro\.|ptop\.only\.wip\.la)/i,
    'a translation or link proxy',
  ],
  [/page_translater|[?&][^=&]*=https?(?::|%3A)/i, 'a proxy that wraps another address'],
  [/^https?:\/\/(?:idp\.|[^/]+\/auth\/)/i, 'a login redirect'],
  [
    /^https?:\/\/[^/]*(?:kfd\.me|discmaster\.textfiles\.com|yogviha\.cn|webcache\.googleusercontent\.com|wikimili\.com|howlingpixel\.com|wanweibaike\.com)(?:[:/]|$)/i,
    'a mirror',
  ],
  [/%25[0-9A-F]{2}/i, 'a double-encoded address'],
];

/** Why `url` is not a publisher's own address, or undefined when it may be one. */
export const nonCanonicalReason = (url: string): string | undefined =>
  NON_CANONICAL_URLS.find(([pattern]) => pattern.test(url))?.[1];

export const sourceSchema = z.strictObject({
  id: z.string().regex(SOURCE_ID_PATTERN),
  /** Which group of the references page lists it. */
  kind: z.enum(SOURCE_KINDS),
  /** Who published it (organisation, outlet or author), as the reader should see it. */
  publisher: z.string().trim().min(1),
  /** Title of the page or document, in its own language. */
  title: z.string().trim().min(1),
  /** Publication date where the source gives one. */
  date: partialDate.optional(),
  /** The publisher's own address; left out for index pages cited by title only. */
  url: z
    .url()
    .superRefine((url, context) => {
      const reason = nonCanonicalReason(url);
      if (reason) {
        context.addIssue({
          code: 'custom',
          message: `${url} is ${reason}, not the publisher's own page: use the publisher's URL`,
        });
      }
    })
    .optional(),
});

/** An entry of members.yaml: the membership. Its names are the glossary entry `member-<id>`. */
export const memberSchema = z.strictObject({
  /** Stable slug, e.g. `australia`; timeline hosts refer to it, `member-<id>` in the glossary names it. */
  id: z.string().regex(/^[a-z][a-z-]*$/),
  /**
   * Its outline on the member map: the id of its Natural Earth shape in world-atlas, which is the
   * ISO 3166-1 numeric code (`'036'`). The map's build stops on an id with no shape.
   */
  shape: z.string().regex(/^\d{3}$/, 'must be a three-digit ISO 3166-1 numeric code, quoted'),
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

/** An entry of cities.yaml: where a meeting's city is, for the host-city map. */
export const citySchema = z.strictObject({
  /** The city's name as the meetings data writes it (Taiwan form), e.g. 坎培拉. */
  name: z.string().trim().min(1),
  /** Longitude and latitude in degrees (WGS 84), east and north positive. */
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  sources: sourceIds,
});

export const glossarySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  category: z.enum(['organisation', 'body', 'document', 'place', 'member', 'person', 'concept']),
  /** Taiwan form: the name the site uses. Required. */
  tw: z.string().trim().min(1),
  /** Other Traditional forms seen in sources that do not tie them to Hong Kong or the mainland. */
  twAlt: chineseNames,
  /** Hong Kong forms. */
  hk: chineseNames,
  /** Mainland forms, written in Traditional characters as the seed does. */
  cn: chineseNames,
  en: z.string().trim().min(1).optional(),
  abbr: z.string().trim().min(1).optional(),
  /** A reader-facing note (what the term is; not how sure the site is of it: `uncertain` says that). */
  note: z.string().trim().min(1).optional(),
  /**
   * The Chinese form is the site's own rendering of the original, found in no source: the
   * glossary marks it with ＊. Standard renderings of place and institution names are not.
   */
  uncertain: z.boolean().default(false),
  /**
   * The section that explains the term (`/structure/#資深官員會議`): search's answer card links
   * there. The build checks that the page and the heading exist (src/search/answers.ts).
   */
  page: z
    .string()
    .regex(/^\/([^\s#/]+\/)*(#\S+)?$/, 'must be a site path like /structure/#資深官員會議')
    .optional(),
  sources: sourceIds,
});

/**
 * A reader-words entry (src/data/reader-words.yaml): words readers type for words the pages
 * write. Search lets each `reader` word find the `site` words (one way only).
 */
export const readerWordsSchema = z
  .strictObject({
    /** The words the pages use; the first is shown in suggestions. */
    site: z.array(z.string().trim().min(1)).min(1),
    /** What readers type instead (everyday, Hong Kong, mainland or English words). */
    reader: z.array(z.string().trim().min(2, 'a reader word needs at least two characters')).min(1),
  })
  .refine(
    (entry) => new Set(entry.reader.map((word) => word.toLowerCase())).size === entry.reader.length,
    'a reader word is listed twice',
  );

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
export type City = z.infer<typeof citySchema>;

/** A full calendar date, YYYY-MM-DD. */
const fullDate = partialDate.refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value), 'must be a full date YYYY-MM-DD');

export const MEETING_KINDS = ['ministerial', 'leaders'] as const;
export const MEETING_STATUSES = ['held', 'virtual', 'cancelled', 'announced'] as const;

/**
 * An entry of meetings.yaml: one APEC meeting of the year, the Ministerial Meetings of 1989–1992
 * and every Economic Leaders' Meeting from 1993.
 */
export const meetingSchema = z
  .strictObject({
    year: z.number().int().min(1989),
    kind: z.enum(MEETING_KINDS),
    /** The Leaders' Meeting's ordinal (第 N 屆); the cancelled 2019 meeting has none. */
    number: z.number().int().min(1).optional(),
    /** First and last day, where a source gives them (`end` left out for a one-day meeting). */
    dates: z.strictObject({ start: fullDate, end: fullDate.optional() }).optional(),
    /** Member id of the host economy (src/data/members.yaml). */
    host: z.string().regex(/^[a-z][a-z-]*$/),
    /** The city's Taiwan form (its glossary entry gives the other forms). */
    city: z.string().trim().min(1),
    status: z.enum(MEETING_STATUSES),
    /** The year's theme in Chinese, where a source gives it. */
    theme: z.string().trim().min(1).optional(),
    /** The theme as the host or APEC published it in English. */
    themeOriginal: z.string().trim().min(1).optional(),
    /** `theme` is the site's translation of `themeOriginal` (no Chinese form in a source). */
    themeTranslated: z.boolean().default(false),
    note: z.string().trim().min(1).optional(),
    sources: sourceIds,
  })
  .superRefine((meeting, context) => {
    const problem = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message });
    if (meeting.kind === 'ministerial' && meeting.number !== undefined)
      problem('number', 'only a Leaders’ Meeting has an ordinal');
    if (meeting.kind === 'leaders' && meeting.status !== 'cancelled' && meeting.number === undefined)
      problem('number', 'a Leaders’ Meeting that was not cancelled needs its ordinal');
    if (meeting.status === 'cancelled' && meeting.number !== undefined)
      problem('number', 'a cancelled meeting is not numbered');
    if (meeting.themeOriginal !== undefined && meeting.theme === undefined)
      problem('theme', 'a theme in English needs its Chinese form');
    if (meeting.themeTranslated && meeting.themeOriginal === undefined)
      problem('themeTranslated', 'a translated theme needs the original it translates (themeOriginal)');
    const { start, end } = meeting.dates ?? {};
    if (start && !start.startsWith(`${meeting.year}-`)) problem('dates', `start ${start} is not in ${meeting.year}`);
    if (start && end && end < start) problem('dates', `end ${end} is before start ${start}`);
  });

export type Meeting = z.infer<typeof meetingSchema>;

export type ReaderWords = z.infer<typeof readerWordsSchema>;
