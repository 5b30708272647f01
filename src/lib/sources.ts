/**
 * How a source is shown to readers, in footnotes, the timeline and the references page:
 * publisher, title (linked to the publisher's page) and date. Source ids stay in the data.
 */
import type { Source, SourceKind } from '../data/schemas';

/** Headings of the references page's groups, in order. */
export const SOURCE_KIND_LABEL: Readonly<Record<SourceKind, string>> = {
  apec: 'APEC 文件',
  government: '政府與國際組織',
  news: '新聞與評論',
  reference: '研究與參考著作',
  encyclopedia: '百科全書',
};

/** `1989-11-05` → 「1989 年 11 月 5 日」; `1997` → 「1997 年」. */
export function formatPartialDate(date: string): string {
  const [year, month, day] = date.split('-');
  return [`${year} 年`, month ? `${Number(month)} 月` : '', day ? `${Number(day)} 日` : ''].filter(Boolean).join(' ');
}

/** The anchor of a source on the references page: `S105b` → `source-s105b`. */
export const sourceAnchor = (id: string): string => `source-${id.toLowerCase()}`;

/** The parts of a citation, in reading order: 「publisher：title（date）」. */
export function citationParts(source: Pick<Source, 'publisher' | 'title' | 'date' | 'url'>): {
  publisher: string;
  title: string;
  date: string | undefined;
  url: string | undefined;
} {
  return {
    publisher: source.publisher,
    title: source.title,
    date: source.date === undefined ? undefined : formatPartialDate(source.date),
    url: source.url,
  };
}

/** Sources of one group, ordered by publisher, then date, then title. */
export function sourcesOfKind<T extends Pick<Source, 'kind' | 'publisher' | 'title' | 'date'>>(
  sources: readonly T[],
  kind: SourceKind,
): T[] {
  const collator = new Intl.Collator('zh-Hant-TW');
  return sources
    .filter((source) => source.kind === kind)
    .sort(
      (a, b) =>
        collator.compare(a.publisher, b.publisher) ||
        (a.date ?? '').localeCompare(b.date ?? '') ||
        collator.compare(a.title, b.title),
    );
}
