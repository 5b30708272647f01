/**
 * Keeps the footnote list out of the search index. Footnotes hold source titles (mostly
 * English: "Joint Statement … Canberra"), so indexing them would make every page that cites
 * a source match that source's words.
 */
import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';

export const rehypeFootnotesUnindexed: Plugin<[], Root> = () => (tree) => {
  visit(tree, 'element', (node) => {
    if (node.tagName === 'section' && node.properties['dataFootnotes'] !== undefined) {
      node.properties['dataPagefindIgnore'] = '';
    }
  });
};
