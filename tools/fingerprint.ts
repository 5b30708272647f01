/**
 * A text's fingerprint: the hashes of its overlapping character n-grams, never the text. The
 * build tests check every built page against the committed fingerprint of the brief the site
 * was started from (tests/fixtures/seed-fingerprint.json), so "no sentence of it is copied"
 * is checked on any machine, including one that does not have the brief.
 *
 *   tsx tools/fingerprint.ts <text file> [--out tests/fixtures/seed-fingerprint.json]
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { isRunAsScript } from './run-as-script';

export interface Fingerprint {
  /** n-gram length, in characters of the normalised text. */
  n: number;
  /** A run counts as copied only with at least this many Han characters (names in Latin letters may match). */
  minHan: number;
  /** Hex digits kept of each n-gram's SHA-256. */
  hashLength: number;
  /** The n-grams' hashes, sorted (their order would say how the grams join up). */
  hashes: string[];
}

export const DEFAULTS = { n: 20, minHan: 12, hashLength: 12 } as const;

const HAN = /\p{Script=Han}/gu;

/** Text as compared: no white space, ASCII punctuation folded to the full-width forms Chinese prose uses. */
export function normaliseText(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/,/g, '，')
    .replace(/:/g, '：')
    .replace(/;/g, '；')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/!/g, '！')
    .replace(/\?/g, '？');
}

const hashOf = (gram: string, length: number) => createHash('sha256').update(gram).digest('hex').slice(0, length);

/** Every n-gram of the normalised text, by code point, with the Han characters it holds. */
function* grams(text: string, n: number): Generator<{ gram: string; han: number; at: number }> {
  const chars = [...normaliseText(text)];
  for (let at = 0; at + n <= chars.length; at += 1) {
    const gram = chars.slice(at, at + n).join('');
    yield { gram, han: gram.match(HAN)?.length ?? 0, at };
  }
}

/** The fingerprint of `text`: hashes of the n-grams that hold at least `minHan` Han characters. */
export function fingerprint(text: string, options: Partial<Omit<Fingerprint, 'hashes'>> = {}): Fingerprint {
  const { n, minHan, hashLength } = { ...DEFAULTS, ...options };
  const hashes = new Set<string>();
  for (const { gram, han } of grams(text, n)) if (han >= minHan) hashes.add(hashOf(gram, hashLength));
  return { n, minHan, hashLength, hashes: [...hashes].sort() };
}

/**
 * The passages of `text` (normalised) that the fingerprinted text also contains: overlapping
 * matching n-grams joined into one passage each. Empty when nothing is copied.
 */
export function copiedPassages(text: string, print: Fingerprint): string[] {
  const known = new Set(print.hashes);
  const chars = [...normaliseText(text)];
  const passages: string[] = [];
  let start = -1;
  let end = -1;
  for (const { gram, han, at } of grams(text, print.n)) {
    if (han < print.minHan || !known.has(hashOf(gram, print.hashLength))) continue;
    if (start !== -1 && at <= end) {
      end = at + print.n;
      continue;
    }
    if (start !== -1) passages.push(chars.slice(start, end).join(''));
    start = at;
    end = at + print.n;
  }
  if (start !== -1) passages.push(chars.slice(start, end).join(''));
  return passages;
}

if (isRunAsScript(import.meta.url)) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  const out = outAt === -1 ? undefined : args.splice(outAt, 2)[1];
  const [source] = args;
  if (!source) {
    console.error('usage: tsx tools/fingerprint.ts <text file> [--out fingerprint.json]');
    process.exit(2);
  }
  const json = `${JSON.stringify(fingerprint(readFileSync(source, 'utf8')), null, 2)}\n`;
  if (out) {
    writeFileSync(out, json);
    console.log(`${out}: fingerprint of ${source}`);
  } else process.stdout.write(json);
}
