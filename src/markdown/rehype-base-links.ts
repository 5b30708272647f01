/**
 * Prefixes root-relative links and image sources in content (`/founding/`) with the site's
 * base path, so Markdown written for the domain root works under any sub-path.
 */
import type { Root } from 'hast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { withBase } from '../lib/paths';

export interface Options {
  base: string;
}

export const rehypeBaseLinks: Plugin<[Options], Root> =
  ({ base }) =>
  (tree) => {
    visit(tree, 'element', (node) => {
      for (const attribute of ['href', 'src'] as const) {
        const value = node.properties[attribute];
        if (typeof value === 'string') node.properties[attribute] = withBase(value, base);
      }
    });
  };
