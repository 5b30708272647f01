/** Text in an edition: the converter for the Simplified edition, built from the data files. */
import { loadData } from '../lib/data';
import { createConverter, type Converter } from './convert';
import type { Edition } from './editions';

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
