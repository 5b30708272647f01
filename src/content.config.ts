import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from './content-schema';

/** Documentation pages, authored in the top-level `content/` folder; `_*.md(x)` are partials. */
const docs = defineCollection({
  // retainBody: false — pages use their rendered HTML only; the raw Markdown would double the cache.
  loader: glob({ base: './content', pattern: '**/[^_]*.{md,mdx}', retainBody: false }),
  schema: docsSchema,
});

export const collections = { docs };
