/**
 * How the browser scripts (src/client/) are built, beyond Astro's defaults. Both keep bytes out
 * of every page (budgets: src/budgets.ts, docs/performance.md):
 *
 * 1. **Their words, per edition.** The search dialog (src/data/search-text.ts) and the 離線閱讀
 *    control's messages (src/data/offline.ts) are needed only once the reader reaches for them,
 *    so they are build-time constants of the scripts loaded then (`SEARCH_WORDS`,
 *    `OFFLINE_WORDS`), not markup in every page. Each holds both editions keyed by `<html lang>`,
 *    the Simplified words converted by src/i18n/ as the pages are: one chunk and one request for
 *    both editions (the other edition's words cost ~0.3 KB, a second chunk a round trip).
 * 2. **No preload helper.** Vite wraps every dynamic `import()` in `__vitePreload`, which adds
 *    `<link rel="modulepreload">` for a chunk's dependencies; here the one stylesheet is never
 *    split and the lazy chunks import only the site script, so the dependency lists are always
 *    empty and the helper (0.66 KB brotli, a third of the JavaScript every page loads) does
 *    nothing. The plugin supplies the helper's module (Vite's id `\0vite/preload-helper.js`)
 *    as a plain call. Should a chunk ever get dependencies, the browser still loads them through
 *    the chunk's own imports. tests/build/client-scripts.test.ts fails if the helper comes back,
 *    or if a lazily loaded chunk gets a dependency (CSS with `cssCodeSplit` on) it would drop.
 */
import type { AstroIntegration } from 'astro';
import { OFFLINE_MESSAGES } from '../data/offline';
import { SEARCH_TEXT } from '../data/search-text';
import { EDITIONS, type Edition } from '../i18n/editions';
import { localise } from '../i18n/localise';

const PRELOAD_HELPER = '\0vite/preload-helper.js';

/** A table of words in every edition, keyed by the edition's `<html lang>`. */
export function wordsByLang<T extends Record<string, string>>(words: T): Record<string, Record<keyof T, string>> {
  return Object.fromEntries(
    (Object.keys(EDITIONS) as Edition[]).map((id) => [
      EDITIONS[id].lang,
      Object.fromEntries(Object.entries(words).map(([key, text]) => [key, localise(text, id)])),
    ]),
  ) as Record<string, Record<keyof T, string>>;
}

export function clientScripts(): AstroIntegration {
  return {
    name: 'apec:client-scripts',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            define: {
              SEARCH_WORDS: JSON.stringify(wordsByLang(SEARCH_TEXT)),
              OFFLINE_WORDS: JSON.stringify(wordsByLang(OFFLINE_MESSAGES)),
            },
            plugins: [
              {
                name: 'apec:no-preload-helper',
                enforce: 'pre',
                resolveId: (id) => (id === PRELOAD_HELPER ? id : undefined),
                load: (id) => (id === PRELOAD_HELPER ? 'export const __vitePreload = (load) => load();' : undefined),
              },
            ],
          },
        });
      },
    },
  };
}
