/**
 * The site's Markdown pipeline (`.md` and `.mdx` alike): remark-gfm, our remark and rehype
 * plugins and their options, in order. astro.config.mjs passes it to `markdown.processor`,
 * and tests/unit/markdown-pipeline.test.ts renders a fixture page through the same object.
 */
import { unified, type MarkdownProcessor, type UnifiedResolvedOptions } from '@astrojs/markdown-remark';
import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { UI } from '../data/site';
import { rehypeBaseLinks } from './rehype-base-links';
import { rehypeFootnoteNowrap } from './rehype-footnote-nowrap';
import { rehypeFootnotesUnindexed } from './rehype-footnotes-unindexed';
import { rehypeWrapTables } from './rehype-wrap-tables';
import { remarkCheckImages } from './remark-check-images';
import { remarkCiteSources, type CitableSource } from './remark-cite-sources';
import { remarkFaq } from './remark-faq';

export interface PipelineOptions {
  /** The site's base path (`/` or `/sub/path/`), prefixed to root-relative links. */
  base: string;
  /** What footnotes may cite (src/data/sources.yaml). */
  sources: readonly CitableSource[];
}

/** A `#` link after each h2/h3, named for screen readers and left out of the search index. */
const headingAnchor = (heading: Element) => ({
  className: ['heading-anchor'],
  ariaLabel: `${UI.anchorLabel}：${toString(heading)}`,
  dataPagefindIgnore: '',
});

export function markdownProcessor({ base, sources }: PipelineOptions): MarkdownProcessor<UnifiedResolvedOptions> {
  // Astro 7 defaults to Sätteri; our remark/rehype plugins need unified().
  return unified({
    gfm: false, // registered once, explicitly, below
    smartypants: false, // Chinese text uses 「」 and full-width punctuation already
    remarkPlugins: [
      remarkGfm,
      remarkCheckImages,
      [remarkCiteSources, { sources }],
      // content/faq.md: its questions and answers become the page's FAQPage structured data.
      [remarkFaq, { pages: ['faq'] }],
    ],
    remarkRehype: {
      footnoteLabel: '註釋',
      // A visible heading over the notes (the default class hides it from sight).
      footnoteLabelProperties: {},
      // The name must contain the link's visible text (↩, or ↩2 for a second citation).
      footnoteBackLabel: (_index: number, again: number) =>
        again > 1 ? `返回內文第 ${again} 處引用 ${again}` : '返回內文',
    },
    rehypePlugins: [
      rehypeSlug,
      [rehypeAutolinkHeadings, { behavior: 'append', test: ['h2', 'h3'], properties: headingAnchor }],
      rehypeWrapTables,
      rehypeFootnotesUnindexed,
      rehypeFootnoteNowrap,
      [rehypeBaseLinks, { base }],
    ],
  });
}
