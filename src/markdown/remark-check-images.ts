/**
 * Fails a page whose Markdown image points to a local file that does not exist, naming the
 * page and line (Astro's own error names only the image).
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Image, Root } from 'mdast';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import { failContent } from '../lib/content-problems';

export const remarkCheckImages: Plugin<[], Root> = () => (tree, file) => {
  visit(tree, 'image', (node: Image) => {
    if (/^([a-z][a-z0-9+.-]*:|\/\/|\/)/i.test(node.url) || !file.path) return;
    const target = resolve(dirname(file.path), decodeURI(node.url.split(/[?#]/)[0] ?? ''));
    if (!existsSync(target)) failContent(file, node, `image ${node.url} does not exist`);
  });
};
