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
 * - puts each column's header before the cells of a table's body rows (「主辦成員與城市：巴布亞紐幾內亞
 *   莫士比港」): a row then holds the words readers ask with (主辦, 城市, 主題) next to its values,
 *   as a sentence would, and its snippet says what each value is. Cells already labelled for
 *   phones (`cell-label`), row headers (they name the row), and cells with no Chinese indexed (an English name, a year, nothing)
 *   are left alone: a label repeated on every row would outweigh the words of the page;
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
/** A row's last 「，」: its cell may be followed by empty cells only (or cells holding only what the index ignores: a sources disclosure). */
const ROW_END =
  /，((?:\s*<\/[a-z]+>)*\s*<\/t[dh]>(?:\s*<t[dh]\b[^>]*>\s*(?:<(details|div|span)\b[^>]*\bdata-pagefind-ignore\b[^>]*>(?:(?!<\/t[dh]>)[\s\S])*?<\/\2>\s*)?<\/t[dh]>)*\s*<\/tr>)/g;
const SIDE_BY_SIDE = /<\/span><span\b/g;

const TABLE = /<table\b[^>]*>[\s\S]*?<\/table>/g;
const THEAD = /<thead\b[^>]*>([\s\S]*?)<\/thead>/;
const TBODY = /(<tbody\b[^>]*>)([\s\S]*?)(<\/tbody>)/g;
const HEADER_CELL = /<th\b[^>]*>([\s\S]*?)<\/th>/g;
const ROW = /(<tr\b[^>]*>)([\s\S]*?)(<\/tr>)/g;
const CELL = /<(td|th)(\b[^>]*)>([\s\S]*?)<\/\1>/g;
const IGNORED = /<(details|span|div)\b[^>]*\bdata-pagefind-ignore\b[^>]*>[\s\S]*?<\/\1>/g;
const TAGS = /<[^>]+>/g;
const HAN = /\p{Script=Han}/u;

/** Text of an HTML fragment: tags dropped, spaces collapsed. */
const textOf = (html: string): string => html.replace(TAGS, '').replace(/\s+/gu, ' ').trim();

/** Each body cell of a table with column headers starts with its column's header (「主題：」). */
function labelCells(html: string): string {
  return html.replace(TABLE, (table) => {
    const head = THEAD.exec(table)?.[1];
    if (!head) return table;
    const labels = [...head.matchAll(HEADER_CELL)].map((cell) => textOf(cell[1] ?? ''));
    return table.replace(TBODY, (_, open: string, body: string, close: string) => {
      const rows = body.replace(ROW, (__, rowOpen: string, cells: string, rowClose: string) => {
        let column = 0;
        const labelled = cells.replace(CELL, (cell, name: string, attributes: string, inner: string) => {
          const label = labels[column++];
          // (A row's own header names the row: its column's header adds nothing.)
          if (!label || name === 'th' || inner.includes('cell-label')) return cell;
          if (!HAN.test(textOf(inner.replace(IGNORED, '')))) return cell;
          return `<${name}${attributes}>${label}：${inner}</${name}>`;
        });
        return `${rowOpen}${labelled}${rowClose}`;
      });
      return `${open}${rows}${close}`;
    });
  });
}

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
  return punctuateBlocks(labelCells(html.replace(FOOTNOTE_LIST, '').replace(FOOTNOTE_REF, ''))).replace(
    OPENING_TAG,
    (tag, name: string, attributes: string) =>
      SECTION_HEADING.test(name) || !attributes.includes('id')
        ? tag
        : `<${name}${attributes.replace(ID_ATTRIBUTE, '')}>`,
  );
}
