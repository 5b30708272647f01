/**
 * The page HTML as the search index should see it (build time, pure). Pagefind lists every
 * element with an `id` as an anchor (so footnote references became sub-results titled 「1」「9」)
 * and indexes footnote numbers as text (snippets read 「…的起點。 1. 霍克的首爾演說」). Given the
 * part of a page handed to Pagefind (src/integrations/pagefind.ts `indexedPart`), this:
 *
 * - drops footnote references (`<sup><a data-footnote-ref>1</a></sup>`): not words of the text;
 * - drops the footnote list (`<section data-footnotes>`, already `data-pagefind-ignore`): its ids
 *   and ↩ back-links are not sections of the article;
 * - keeps `id` only on `h2`/`h3` headings, so the article's sections are the only anchors, and
 *   Pagefind's sub-results (and this site's, built from them) are titled by heading text.
 *
 * The page readers get is untouched: only the copy sent to the indexer changes. Both search
 * paths read what Pagefind stored, so both get it. String work, not a parser: it runs on every
 * page of a 10,000-page build. The HTML is Astro's output (attributes double-quoted).
 */

const FOOTNOTE_REF = /<sup\b[^>]*>\s*<a\b[^>]*\bdata-footnote-ref\b[^>]*>[\s\S]*?<\/a>\s*<\/sup>/g;
const FOOTNOTE_LIST = /<section\b[^>]*\bdata-footnotes\b[^>]*>[\s\S]*?<\/section>/g;
/** An opening tag (name, attributes); attribute values may not contain `>` unescaped in Astro output. */
const OPENING_TAG = /<([a-zA-Z][\w-]*)(\s[^>]*)>/g;
const ID_ATTRIBUTE = /\sid\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+)/g;
const SECTION_HEADING = /^h[23]$/i;

export function searchableHtml(html: string): string {
  return html
    .replace(FOOTNOTE_LIST, '')
    .replace(FOOTNOTE_REF, '')
    .replace(OPENING_TAG, (tag, name: string, attributes: string) =>
      SECTION_HEADING.test(name) || !attributes.includes('id')
        ? tag
        : `<${name}${attributes.replace(ID_ATTRIBUTE, '')}>`,
    );
}
