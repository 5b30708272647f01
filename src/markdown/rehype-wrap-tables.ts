/**
 * Wraps each `<table>` in a focusable, labelled scroll container so wide tables scroll
 * on a phone instead of overflowing the page, and keyboard users can scroll them too.
 * A table whose first column holds only short names (≤ `shortFirstColumn` characters) gets the
 * class `first-column-short`, which keeps those names on one line (never 「貿/易/和/投/資」).
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type { Plugin } from 'unified';
import { SKIP, visit } from 'unist-util-visit';

export interface Options {
  /** Wrapper class (default: `'table-scroll'`). */
  className?: string | undefined;
  /** Longest first-column text, in characters, still kept on one line (default 12). */
  shortFirstColumn?: number | undefined;
}

const captionOf = (table: Element) => {
  const caption = table.children.find(
    (child): child is Element => child.type === 'element' && child.tagName === 'caption',
  );
  return caption ? toString(caption).trim() : '';
};

const isElement = (node: unknown, tagName: string): node is Element =>
  (node as Element).type === 'element' && (node as Element).tagName === tagName;

/** The text of each row's first cell, header rows included. */
const firstColumn = (table: Element): string[] => {
  const rows: Element[] = [];
  visit(table, 'element', (node) => {
    if (node.tagName === 'tr') rows.push(node);
  });
  return rows.map((row) => {
    const cell = row.children.find((child) => isElement(child, 'th') || isElement(child, 'td'));
    return cell ? toString(cell).trim() : '';
  });
};

export const rehypeWrapTables: Plugin<[(Options | null | undefined)?], Root> = (options) => {
  const className = options?.className ?? 'table-scroll';
  const shortFirstColumn = options?.shortFirstColumn ?? 12;
  return (tree) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'table' || !parent || index === undefined) return;
      if (firstColumn(node).every((text) => [...text].length <= shortFirstColumn)) {
        const classes = node.properties['className'];
        node.properties['className'] = [...(Array.isArray(classes) ? classes : []), 'first-column-short'];
      }
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
