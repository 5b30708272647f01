// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { toString } from 'hast-util-to-string';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { contentChecks } from './src/integrations/content-checks';
import { headersIntegration } from './src/integrations/headers';
import { offlineIntegration } from './src/integrations/offline';
import { pagefindIntegration } from './src/integrations/pagefind';
import { loadData } from './src/lib/data';
import { rehypeBaseLinks } from './src/markdown/rehype-base-links';
import { rehypeFootnotesUnindexed } from './src/markdown/rehype-footnotes-unindexed';
import { remarkCheckImages } from './src/markdown/remark-check-images';
import { remarkCiteSources } from './src/markdown/remark-cite-sources';
import { rehypeWrapTables } from './src/markdown/rehype-wrap-tables';
import { normaliseBase } from './src/utils/paths';

// Where the site is deployed: documented in README.md ("Build for a sub-path").
const site = process.env.SITE_URL || 'https://apec.example.org';
const base = normaliseBase(process.env.BASE_PATH);

/** A `#` link after each h2/h3, named for screen readers and left out of the search index. */
/** @param {import('hast').Element} heading */
const headingAnchor = (heading) => ({
  className: ['heading-anchor'],
  ariaLabel: `本節連結：${toString(heading)}`,
  dataPagefindIgnore: '',
});

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // A strict Content-Security-Policy forbids inline styles: always link the stylesheet.
    inlineStylesheets: 'never',
  },
  // Nothing on this site needs Astro's dev toolbar; it would only add requests in dev.
  devToolbar: { enabled: false },
  experimental: {
    // The content cache as many small modules instead of one. V8 compiles a long string literal
    // of Chinese text in superlinear time: one module holding 10,000 rendered pages (~200 MB)
    // took minutes before the first page rendered. Astro's chunk writer measured bytes with one
    // TextEncoder call per character; patches/astro+7.3.5.patch makes that a char-code test.
    collectionStorage: { type: 'chunked', chunkSize: 1_000_000 },
  },
  // Never inline scripts or assets as data: URLs; the CSP allows only same-origin files.
  vite: { build: { assetsInlineLimit: 0 } },
  markdown: {
    // Astro 7 defaults to Sätteri; our remark/rehype plugins need unified().
    processor: unified({
      gfm: false, // registered once, explicitly, below
      smartypants: false, // Chinese text uses 「」 and full-width punctuation already
      remarkPlugins: [remarkGfm, remarkCheckImages, [remarkCiteSources, { sources: loadData().sources }]],
      remarkRehype: {
        footnoteLabel: '註釋',
        // The name must contain the link's visible text (↩, or ↩2 for a second citation).
        footnoteBackLabel: (/** @type {number} */ _index, /** @type {number} */ again) =>
          again > 1 ? `返回內文第 ${again} 處引用 ${again}` : '返回內文',
      },
      rehypePlugins: [
        rehypeSlug,
        [rehypeAutolinkHeadings, { behavior: 'append', test: ['h2', 'h3'], properties: headingAnchor }],
        rehypeWrapTables,
        rehypeFootnotesUnindexed,
        [rehypeBaseLinks, { base }],
      ],
    }),
    syntaxHighlight: false,
  },
  // mdx() inherits markdown.processor: .md and .mdx share one pipeline.
  // Order matters in astro:build:done: sitemap, check links, index, the offline lists and worker
  // (they list the index and put the download size into the pages), then hash what was written.
  integrations: [
    sitemap({
      filter: (page) => !page.endsWith('/404/'),
      // Both editions, each URL listing its twin as an alternate.
      i18n: { defaultLocale: 'zh-hant', locales: { 'zh-hant': 'zh-Hant-TW', 'zh-hans': 'zh-Hans' } },
    }),
    contentChecks(),
    mdx(),
    pagefindIntegration(),
    offlineIntegration(),
    headersIntegration(),
  ],
});
