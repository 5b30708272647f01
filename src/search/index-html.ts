/**
 * The page HTML as the search index should see it (build time, pure). Pagefind lists every
 * element with an `id` as an anchor (so footnote references became sub-results titled 「1」「9」)
 * and indexes footnote numbers as text (snippets read 「…的起點。 1. 霍克的首爾演說」). Given the
 * part of a page handed to Pagefind (src/integrations/pagefind.ts `indexedPart`), this:
 *
 * - drops footnote references (`<sup><a data-footnote-ref>1</a></sup>`, and the word joiner
 *   before each): not words of the text;
 * - drops the footnote list (`<section data-footnotes>`, already `data-pagefind-ignore`): its ids
 *   and ↩ back-links are not sections of the article;
 * - keeps `id` only on `h2`/`h3` headings, so the article's sections are the only anchors, and
 *   Pagefind's sub-results (and this site's, built from them) are titled by heading text;
 * - ends each block with Chinese punctuation. Pagefind joins blocks with 「. 」 when one does not
 *   end in punctuation, so table rows read 「东协 东盟. 东盟. ASEAN」 in snippets. A table cell
 *   ends in 「，」 (the row's last in 「。」), a paragraph or list item in 「。」; headings stay as
 *   they are (they title the sub-results). Inline elements side by side (an org-chart box's
 *   name, English abbreviation and note) get a space between them.
 *
 * The page readers get is untouched: only the copy sent to the indexer changes. Both search
 * paths read what Pagefind stored, so both get it. String work, not a parser: it runs on every
 * page of a 10,000-page build. The HTML is Astro's output (attributes double-quoted).
 */

/** A footnote reference and the word joiner (U+2060) that keeps it on its word's line. */
const FOOTNOTE_REF = /\u2060?<sup\b[^>]*>\s*<a\b[^>]*\bdata-footnote-ref\b[^>]*>[\s\S]*?<\/a>\s*<\/sup>/g;
const FOOTNOTE_LIST = /<section\b[^>]*\bdata-footnotes\b[^>]*>[\s\S]*?<\/section>/g;
/** An opening tag (name, attributes); attribute values may not contain `>` unescaped in Astro output. */
const OPENING_TAG = /<([a-zA-Z][\w-]*)(\s[^>]*)>/g;
const ID_ATTRIBUTE = /\sid\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+)/g;
const SECTION_HEADING = /^h[23]$/i;

/** Characters that already end a clause or sentence (Pagefind adds nothing after them). */
const ENDS_CLAUSE = /[。！？；，、：.!?;,:]/;
/** Closing tags of inline elements that may sit between a block's last character and its end. */
const INLINE_CLOSE = String.raw`(?:\s*(?:</(?:a|abbr|b|bdi|cite|code|em|i|mark|q|small|span|strong|sub|sup|time)>|<a\b[^>]*></a>))*\s*`;
/** The last character of a block's text, the inline closing tags after it, and the block's end. */
const BLOCK_END = new RegExp(
  String.raw`([^>\s])(${INLINE_CLOSE})</(td|th|p|li|dd|dt|figcaption|caption|summary|blockquote)>`,
  'g',
);
/** A row's last 「，」: its cell may be followed by empty cells only. */
const ROW_END = /，((?:\s*<\/[a-z]+>)*\s*<\/t[dh]>(?:\s*<t[dh]\b[^>]*>\s*<\/t[dh]>)*\s*<\/tr>)/g;
const SIDE_BY_SIDE = /<\/span><span\b/g;

/** Every block ends in punctuation, so Pagefind never joins blocks with 「. 」. */
function punctuateBlocks(html: string): string {
  return html
    .replace(SIDE_BY_SIDE, '</span> <span')
    .replace(BLOCK_END, (match, last: string, inline: string, name: string) =>
      ENDS_CLAUSE.test(last) ? match : `${last}${name === 'td' || name === 'th' ? '，' : '。'}${inline}</${name}>`,
    )
    .replace(ROW_END, '。$1');
}

export function searchableHtml(html: string): string {
  return punctuateBlocks(html.replace(FOOTNOTE_LIST, '').replace(FOOTNOTE_REF, '')).replace(
    OPENING_TAG,
    (tag, name: string, attributes: string) =>
      SECTION_HEADING.test(name) || !attributes.includes('id')
        ? tag
        : `<${name}${attributes.replace(ID_ATTRIBUTE, '')}>`,
  );
}
