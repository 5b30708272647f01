// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { sitemapI18n } from './src/i18n/editions';
import { clientScripts } from './src/integrations/client-scripts';
import { contentChecks } from './src/integrations/content-checks';
import { headersIntegration } from './src/integrations/headers';
import { offlineIntegration } from './src/integrations/offline';
import { pagefindIntegration } from './src/integrations/pagefind';
import { loadData } from './src/lib/data';
import { markdownProcessor } from './src/markdown/pipeline';
import { normaliseBase } from './src/lib/paths';

// Where the site is deployed: documented in README.md ("Build for a sub-path").
const site = process.env.SITE_URL || 'https://apec.example.org';
const base = normaliseBase(process.env.BASE_PATH);

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
  // Never inline scripts or assets as data: URLs; the CSP allows only same-origin files.
  // One stylesheet for the whole site: components keep their styles in scoped <style> blocks,
  // and without this a page with its own component (org chart, timeline) would link a second
  // CSS file, one request over the page budget (src/budgets.ts).
  vite: { build: { assetsInlineLimit: 0, cssCodeSplit: false } },
  markdown: {
    // src/markdown/pipeline.ts: remark-gfm and the site's plugins, shared with the pipeline's tests.
    processor: markdownProcessor({ base, sources: loadData().sources }),
    syntaxHighlight: false,
  },
  // mdx() inherits markdown.processor: .md and .mdx share one pipeline.
  // Order matters in astro:build:done: sitemap, check links, index, the offline lists and worker
  // (they list the index and put the download size into the pages), then hash what was written.
  integrations: [
    // The browser scripts' words per edition, and no dynamic-import preload helper.
    clientScripts(),
    sitemap({
      filter: (page) => !page.endsWith('/404/'),
      // Both editions, each URL listing its twin as an alternate.
      i18n: sitemapI18n(),
    }),
    contentChecks(),
    mdx(),
    pagefindIntegration(),
    offlineIntegration(),
    headersIntegration(),
  ],
});
