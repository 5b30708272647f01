/**
 * Wraps each `<table>` in a focusable, labelled scroll container so wide tables scroll
 * on a phone instead of overflowing the page, and keyboard users can scroll them too.
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';

export interface Options {
  /** Wrapper class (default: `'table-scroll'`). */
  className?: string | undefined;
}

const captionOf = (table: Element) => {
  const caption = table.children.find(
    (child): child is Element => child.type === 'element' && child.tagName === 'caption',
  );
  return caption ? toString(caption).trim() : '';
};

export const rehypeWrapTables: Plugin<[(Options | null | undefined)?], Root> = (options) => {
  const className = options?.className ?? 'table-scroll';
  return (tree) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'table' || !parent || index === undefined) return;
      parent.children[index] = {
        type: 'element',
        tagName: 'div',
        properties: { className: [className], tabIndex: 0, role: 'region', ariaLabel: captionOf(node) || '表格' },
        children: [node],
      };
      return SKIP;
    });
  };
};
