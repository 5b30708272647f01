/**
 * Loads and validates the YAML data files in src/data/. Every error names the file, the
 * entry and the field, and stops the build. Pure Node: usable from Astro, integrations,
 * scripts and tests alike.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'astro/zod';
import {
  citySchema,
  glossarySchema,
  meetingSchema,
  memberSchema,
  readerWordsSchema,
  sourceSchema,
  timelineSchema,
  type City,
  type GlossaryEntry,
  type Meeting,
  type Member,
  type ReaderWords,
  type Source,
  type TimelineEntry,
} from '../data/schemas';

/** src/data/, from the project root (the working directory of astro, vitest and the tools). */
const dataDir = join(process.cwd(), 'src', 'data');
const FILES = [
  'sources.yaml',
  'members.yaml',
  'timeline.yaml',
  'glossary.yaml',
  'meetings.yaml',
  'cities.yaml',
  'reader-words.yaml',
] as const;

export class DataError extends Error {
  override name = 'DataError';
}

/** How an entry is named in messages: its id, its name (cities), its date (timeline) or its year and kind (meetings). */
function entryLabel(item: unknown): string | undefined {
  const { id, name, date, year, kind } = (item ?? {}) as Record<string, unknown>;
  if (typeof id === 'string') return id;
  if (typeof name === 'string') return name;
  if (typeof date === 'string') return date;
  if (typeof year === 'number') return typeof kind === 'string' ? `${year} ${kind}` : String(year);
  return undefined;
}

/** Parse a YAML list and validate every item, reporting `file: entry N (id): field: problem`. */
export function parseDataList<T extends z.ZodType>(file: string, text: string, schema: T): z.output<T>[] {
  let raw: unknown;
  try {
    raw = parse(text, { prettyErrors: true });
  } catch (error) {
    throw new DataError(`${file}: invalid YAML: ${(error as Error).message}`);
  }
  if (!Array.isArray(raw)) throw new DataError(`${file}: expected a list of entries at the top level`);
  const problems: string[] = [];
  const items = raw.map((item: unknown, index) => {
    const result = schema.safeParse(item);
    if (result.success) return result.data as z.output<T>;
    const label = entryLabel(item);
    for (const issue of result.error.issues) {
      const field = issue.path.join('.') || '(entry)';
      problems.push(`${file}: entry ${index + 1}${label ? ` (${label})` : ''}: ${field}: ${issue.message}`);
    }
    return undefined;
  });
  if (problems.length > 0) throw new DataError(problems.join('\n'));
  const ids = new Set<string>();
  for (const item of items as { id?: unknown }[]) {
    if (typeof item.id !== 'string') continue;
    if (ids.has(item.id)) throw new DataError(`${file}: duplicate id "${item.id}"`);
    ids.add(item.id);
  }
  return items as z.output<T>[];
}

const load = <T extends z.ZodType>(name: (typeof FILES)[number], schema: T): z.output<T>[] =>
  parseDataList(`src/data/${name}`, readFileSync(join(dataDir, name), 'utf8'), schema);

export interface SiteData {
  sources: Source[];
  members: Member[];
  timeline: TimelineEntry[];
  glossary: GlossaryEntry[];
  /** The Ministerial Meetings of 1989–1992 and every Leaders' Meeting from 1993, by year. */
  meetings: Meeting[];
  /** Where the meeting cities are (the host-city map). */
  cities: City[];
  /** Search's reader words (src/data/reader-words.yaml). */
  readerWords: ReaderWords[];
}

let cache: { stamp: string; data: SiteData } | undefined;

/** All data files with cross-file references checked; re-read only when a file changes. */
export function loadData(): SiteData {
  const stamp = FILES.map((name) => statSync(join(dataDir, name)).mtimeMs).join();
  if (cache?.stamp === stamp) return cache.data;
  const sources = load('sources.yaml', sourceSchema);
  const timeline = load('timeline.yaml', timelineSchema);
  const glossary = load('glossary.yaml', glossarySchema);
  const meetings = load('meetings.yaml', meetingSchema);
  const cities = load('cities.yaml', citySchema);
  const members = load('members.yaml', memberSchema).map((member): Member => {
    const names = glossary.find((entry) => entry.id === `member-${member.id}`);
    if (!names)
      throw new DataError(`src/data/members.yaml: ${member.id}: no glossary entry member-${member.id} names it`);
    if (!names.en)
      throw new DataError(`src/data/glossary.yaml: member-${member.id}: en: a member needs its English name`);
    return { ...member, en: names.en, tw: names.tw, hk: names.hk, cn: names.cn };
  });
  const sourceIds = new Set(sources.map((source) => source.id));
  const memberIds = new Set(members.map((member) => member.id));
  const check = (file: string, label: string, ids: readonly string[]) => {
    for (const id of ids) {
      if (!sourceIds.has(id))
        throw new DataError(`${file}: ${label}: unknown source "${id}" (not in src/data/sources.yaml)`);
    }
  };
  members.forEach((member) => check('src/data/members.yaml', member.id, member.sources));
  timeline.forEach((entry, index) => {
    check('src/data/timeline.yaml', `entry ${index + 1} (${entry.date})`, entry.sources);
    if (entry.host && !memberIds.has(entry.host)) {
      throw new DataError(
        `src/data/timeline.yaml: entry ${index + 1} (${entry.date}): host: unknown member "${entry.host}"`,
      );
    }
  });
  glossary.forEach((entry) => check('src/data/glossary.yaml', entry.id, entry.sources));
  meetings.forEach((meeting, index) =>
    check('src/data/meetings.yaml', `entry ${index + 1} (${meeting.year} ${meeting.kind})`, meeting.sources),
  );
  checkMeetings(meetings, memberIds);
  cities.forEach((city, index) => check('src/data/cities.yaml', `entry ${index + 1} (${city.name})`, city.sources));
  checkCities(meetings, cities);
  const readerWords = load('reader-words.yaml', readerWordsSchema);
  cache = { stamp, data: { sources, members, timeline, glossary, meetings, cities, readerWords } };
  return cache.data;
}

/**
 * Every meeting is hosted by a member, one a year in order, and a Leaders' Meeting's ordinal
 * counts the Leaders' Meetings held so far (the cancelled 2019 one has none).
 */
export function checkMeetings(
  meetings: readonly Pick<Meeting, 'year' | 'kind' | 'host' | 'number' | 'status'>[],
  memberIds: ReadonlySet<string>,
): void {
  let held = 0;
  meetings.forEach((meeting, index) => {
    const label = `entry ${index + 1} (${meeting.year} ${meeting.kind})`;
    if (!memberIds.has(meeting.host))
      throw new DataError(`src/data/meetings.yaml: ${label}: host: unknown member "${meeting.host}"`);
    if (meeting.kind === 'leaders' && meeting.status !== 'cancelled') held++;
    if (meeting.number !== undefined && meeting.number !== held)
      throw new DataError(
        `src/data/meetings.yaml: ${label}: number: ${meeting.number} but it is Leaders' Meeting ${held} counting those not cancelled`,
      );
    const previous = meetings[index - 1];
    if (previous && previous.year >= meeting.year)
      throw new DataError(
        `src/data/meetings.yaml: ${label}: year: ${meeting.year} does not follow ${previous.year} (one meeting a year, in order)`,
      );
  });
}

/**
 * Every meeting's city has coordinates in cities.yaml (the host-city map draws it there), and
 * no city is listed twice.
 */
export function checkCities(
  meetings: readonly Pick<Meeting, 'year' | 'kind' | 'city'>[],
  cities: readonly City[],
): void {
  const seen = new Set<string>();
  cities.forEach((city, index) => {
    if (seen.has(city.name))
      throw new DataError(`src/data/cities.yaml: entry ${index + 1} (${city.name}): name: listed twice`);
    seen.add(city.name);
  });
  const problems = meetings.flatMap((meeting, index) =>
    seen.has(meeting.city)
      ? []
      : [
          `src/data/meetings.yaml: entry ${index + 1} (${meeting.year} ${meeting.kind}): city: ${meeting.city} has no coordinates in src/data/cities.yaml`,
        ],
  );
  if (problems.length > 0) throw new DataError(problems.join('\n'));
}
