/**
 * Pagefind 1.6's bundle format, in one place (the build, the browser engine, the offline lists
 * and the tools read it through this module):
 *
 * - file names: `fragment/<language>_<hash>.pf_fragment` (one page each), the language's
 *   `index/`, `filter/` chunks and `pagefind.<language>_<hash>.pf_meta`; the loader
 *   (`pagefind.js`), its entry, worker and wasm have no language;
 * - a fragment is `pagefind_dcd` + the page's JSON, gzip'd (pagefind.js also accepts it stored
 *   without gzip); the extended build marks Chinese word breaks in `content` with U+200B, which
 *   pagefind.js strips before showing text, and so does this module;
 * - the search path: an edition whose fragments search-data.json lists (`p`, only when they are
 *   small enough, src/integrations/pagefind.ts) and that has at most the scan limit of pages is
 *   searched by reading those fragments directly; any other through Pagefind's wasm and index.
 *
 * Browser-safe: decoding uses DecompressionStream (in browsers and in Node).
 */

export interface PagefindAnchor {
  element?: string;
  id?: string;
  text?: string;
  location?: number;
}

/** A page as Pagefind stored it. */
export interface PagefindFragment {
  url: string;
  raw_url?: string;
  content: string;
  meta?: Record<string, string>;
  filters?: Record<string, string[]>;
  anchors?: PagefindAnchor[];
}

const MARK = 'pagefind_dcd';
const MARK_BYTES = new TextEncoder().encode(MARK);

/** Index files of one language: fragments, index and filter chunks, and the meta file. */
const LANGUAGE_FILE = /^(?:(?:fragment|index|filter)\/|pagefind\.)([\w-]+)_[0-9a-f]+\.pf_\w+$/;
const FRAGMENT_FILE = /^fragment\/([\w-]+)_[0-9a-f]+\.pf_fragment$/;

/** The index language a bundle file belongs to (`fragment/zh-hans_ab12.pf_fragment` → `zh-hans`); undefined for shared files. */
export const languageOf = (path: string): string | undefined => LANGUAGE_FILE.exec(path)?.[1];

/** The language of a fragment file, or undefined when `path` is no fragment. */
export const fragmentLanguage = (path: string): string | undefined => FRAGMENT_FILE.exec(path)?.[1];

/** A path search-data.json may list as a fragment (nothing else is read from it). */
export const isFragmentFile = (path: string): boolean => FRAGMENT_FILE.test(path);

const startsWithMark = (bytes: Uint8Array) => MARK_BYTES.every((byte, index) => bytes[index] === byte);

async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A fragment file's bytes (as fetched or read from disk) → the page; throws on anything else. */
export async function decodeFragment(bytes: Uint8Array): Promise<PagefindFragment> {
  const raw = startsWithMark(bytes) ? bytes : await gunzip(bytes);
  const text = new TextDecoder().decode(raw);
  if (!text.startsWith(MARK)) throw new Error('not a Pagefind fragment (no pagefind_dcd mark)');
  const fragment = JSON.parse(text.slice(MARK.length)) as PagefindFragment;
  if (typeof fragment.content !== 'string' || typeof fragment.url !== 'string')
    throw new Error('not a Pagefind fragment (no url or content)');
  return { ...fragment, content: fragment.content.replace(/\u200B/g, '') };
}

/**
 * The fragments an edition's search reads directly, or undefined when it takes Pagefind's wasm
 * path: `listed` is search-data.json's `p[language]`, `limit` the scan limit (SEARCH_DIRECT_MAX_PAGES).
 */
export const directFragments = (listed: readonly string[] | undefined, limit: number): readonly string[] | undefined =>
  listed !== undefined && listed.length > 0 && listed.length <= limit ? listed : undefined;

/**
 * The bundle files (paths inside `pagefind/`) an edition's search reads: search-data.json and its
 * fragments on the direct path; otherwise the loader, its entry, worker and wasm, and the
 * language's meta, index, fragments and filters.
 */
export function searchFiles(
  bundle: readonly string[],
  language: string,
  listed: readonly string[] | undefined,
  limit: number,
  dataFile: string,
): string[] {
  const direct = directFragments(listed, limit);
  if (direct) return [dataFile, ...direct];
  return bundle.filter((file) => {
    const of = languageOf(file);
    return of === undefined ? !file.includes('/') : of === language;
  });
}
