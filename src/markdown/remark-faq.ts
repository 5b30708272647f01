/**
 * Reads the questions and answers of an FAQ page (each `## …？` heading is a question, the
 * paragraphs and lists under it are the answer) into `file.data.astro.frontmatter.faq`, so the
 * page's FAQPage structured data is made from the very text readers see. Footnote references
 * are left out of the answer text; link text stays. Other pages are not touched.
 */
import { basename, extname } from 'node:path';
import type { Heading, Nodes, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Plugin } from 'unified';
import { failContent } from '../lib/content-problems';
import type { FaqItem } from '../lib/faq';

export interface Options {
  /** Page ids (file names without extension) that are FAQ pages, e.g. `faq`. */
  pages: readonly string[];
}

const QUESTION_END = /[？?]$/;

/** Text of a node as a reader sees it: footnote references and HTML dropped. */
const visibleText = (node: Nodes): string => {
  if (node.type === 'footnoteReference' || node.type === 'html') return '';
  if ('children' in node) return node.children.map((child) => visibleText(child as Nodes)).join('');
  return toString(node);
};

export const remarkFaq: Plugin<[Options], Root> = ({ pages }) => {
  const ids = new Set(pages);
  return (tree, file) => {
    if (!file.path || !ids.has(basename(file.path, extname(file.path)))) return;
    const items: FaqItem[] = [];
    let current: { heading: Heading; question: string; parts: string[] } | undefined;
    const close = () => {
      if (!current) return;
      const answer = current.parts.join('\n').trim();
      if (answer === '') failContent(file, current.heading, `question "${current.question}" has no answer`);
      items.push({ question: current.question, answer });
      current = undefined;
    };
    for (const node of tree.children as RootContent[]) {
      if (node.type === 'heading' && node.depth <= 2) {
        close();
        const text = visibleText(node).trim();
        if (node.depth === 2 && QUESTION_END.test(text)) current = { heading: node, question: text, parts: [] };
      } else if (current && (node.type === 'paragraph' || node.type === 'list')) {
        current.parts.push(visibleText(node).replace(/\s+/g, ' ').trim());
      }
    }
    close();
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter['faq'] = items;
  };
};
