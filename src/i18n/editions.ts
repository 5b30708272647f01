/**
 * The site's two editions: Traditional Chinese with Taiwan usage (the source) and a
 * Simplified edition with mainland usage under /zh-hans/, generated at build time by
 * src/i18n/convert.ts with the glossary deciding names. Nothing is translated by hand.
 */
import { loadData } from '../lib/data';
import { createConverter, type Converter } from './convert';

export type Edition = 'hant' | 'hans';

export const EDITIONS = {
  hant: { lang: 'zh-Hant-TW', prefix: '', label: '繁體中文', short: '繁體' },
  hans: { lang: 'zh-Hans', prefix: 'zh-hans/', label: '简体中文', short: '简体' },
} as const satisfies Record<Edition, { lang: string; prefix: string; label: string; short: string }>;

let converter: { stamp: object; value: Converter } | undefined;

/** The converter, built once per set of data files (glossary and member names decide). */
export function getConverter(): Converter {
  const data = loadData();
  if (converter?.stamp !== data)
    converter = { stamp: data, value: createConverter([...data.glossary, ...data.members]) };
  return converter.value;
}

/** Text in the given edition: as written for `hant`, converted for `hans`. */
export const localise = (text: string, edition: Edition): string =>
  edition === 'hans' ? getConverter().text(text) : text;

/** A root-relative site path in the given edition (`/founding/` → `/zh-hans/founding/`). */
export const editionPath = (path: string, edition: Edition): string =>
  `/${EDITIONS[edition].prefix}${path.replace(/^\//, '')}`;

/** The same page in the other edition. */
export const twinEdition = (edition: Edition): Edition => (edition === 'hant' ? 'hans' : 'hant');
