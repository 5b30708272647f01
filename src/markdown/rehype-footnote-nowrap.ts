/**
 * Glues each footnote reference to the character before it with a WORD JOINER (U+2060), so a
 * line never starts with a lone footnote number (「…的起點。」 then 「1」 on the next line).
 * CSS cannot forbid a break before an inline element; the joiner is invisible and not a space.
 */
import type { Element, Root } from 'hast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';

export const WORD_JOINER = '\u2060';

const isFootnoteRef = (node: Element) =>
  node.tagName === 'sup' &&
  node.children.some((child) => child.type === 'element' && child.properties['dataFootnoteRef'] !== undefined);

export const rehypeFootnoteNowrap: Plugin<[], Root> = () => (tree) => {
  visit(tree, 'element', (node, index, parent) => {
    if (!parent || index === undefined || index === 0 || !isFootnoteRef(node)) return;
    const before = parent.children[index - 1];
    if (before?.type === 'text') {
      if (!before.value.endsWith(WORD_JOINER)) before.value += WORD_JOINER;
    } else {
      parent.children.splice(index, 0, { type: 'text', value: WORD_JOINER });
    }
  });
};
