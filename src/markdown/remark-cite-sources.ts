/**
 * Turns GFM footnote definitions that list source ids (`[^x]: S9 S13：note`) into linked
 * citations from src/data/sources.yaml, and fails the file on an unknown id, a footnote
 * that cites nothing, a reference without a definition or a definition nobody cites.
 */
import type { FootnoteDefinition, Node, PhrasingContent, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { failContent } from '../lib/content-problems';
import { citationParts } from '../lib/sources';

export interface CitableSource {
  id: string;
  publisher: string;
  title: string;
  date?: string | undefined;
  url?: string | undefined;
}

export interface Options {
  sources: readonly CitableSource[];
}

const CITATION = /^\s*(S\d+[a-z]?(?:[\s,、，]+S\d+[a-z]?)*)\s*(?:[：:]\s*(.+?))?\s*$/s;
const UNDEFINED_FOOTNOTE = /\[\^([^\]\s]+)\]/;

export const remarkCiteSources: Plugin<[Options], Root> = ({ sources }) => {
  const byId = new Map(sources.map((source) => [source.id, source]));
  return (tree, file) => {
    const fail: (reason: string, node: Node) => never = (reason, node) => failContent(file, node, reason);
    const referenced = new Set<string>();
    visit(tree, (node) => {
      if (node.type === 'footnoteReference') referenced.add(node.identifier);
      if (node.type === 'text') {
        const match = UNDEFINED_FOOTNOTE.exec(node.value);
        if (match) fail(`footnote [^${match[1]}] has no definition`, node);
      }
    });
    visit(tree, 'footnoteDefinition', (node: FootnoteDefinition) => {
      if (!referenced.has(node.identifier)) {
        fail(`footnote [^${node.label ?? node.identifier}] is defined but never cited`, node);
      }
      const text = toString(node);
      const match = CITATION.exec(text);
      if (!match?.[1]) {
        return fail(
          `footnote [^${node.label ?? node.identifier}] must start with source ids (e.g. "S9 S13"), got "${text.slice(0, 40)}"`,
          node,
        );
      }
      const ids = match[1].split(/[\s,、，]+/);
      const children: PhrasingContent[] = [];
      ids.forEach((id, index) => {
        const source = byId.get(id);
        if (!source) return fail(`footnote [^${node.label ?? node.identifier}] cites unknown source "${id}"`, node);
        if (index > 0) children.push({ type: 'text', value: '；' });
        const { publisher, title, date, url } = citationParts(source);
        children.push({ type: 'text', value: `${publisher}，〈` });
        children.push(
          url ? { type: 'link', url, children: [{ type: 'text', value: title }] } : { type: 'text', value: title },
        );
        children.push({ type: 'text', value: date ? `〉，${date}` : '〉' });
      });
      if (match[2]) children.push({ type: 'text', value: `：${match[2]}` });
      children.push({ type: 'text', value: '。' });
      node.children = [{ type: 'paragraph', children }];
    });
  };
};
