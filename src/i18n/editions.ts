/**
 * The site's two editions, defined here and nowhere else: Traditional Chinese with Taiwan
 * usage (the source) and a Simplified edition with mainland usage under /zh-hans/, generated
 * at build time by src/i18n/convert.ts with the glossary deciding names. Nothing is
 * translated by hand. (The routes live in src/pages/ and src/pages/zh-hans/.)
 */
export type Edition = 'hant' | 'hans';

export const EDITIONS = {
  hant: { lang: 'zh-Hant-TW', prefix: '', label: '繁體中文', short: '繁體' },
  hans: { lang: 'zh-Hans', prefix: 'zh-hans/', label: '简体中文', short: '简体' },
} as const satisfies Record<Edition, { lang: string; prefix: string; label: string; short: string }>;

/** A root-relative site path in the given edition (`/founding/` → `/zh-hans/founding/`). */
export const editionPath = (path: string, edition: Edition): string =>
  `/${EDITIONS[edition].prefix}${path.replace(/^\//, '')}`;

/** The edition a root-relative site path belongs to. */
export const editionOf = (path: string): Edition =>
  (Object.keys(EDITIONS) as Edition[]).find(
    (edition) => EDITIONS[edition].prefix !== '' && path.startsWith(`/${EDITIONS[edition].prefix}`),
  ) ?? 'hant';

/**
 * The editions as @astrojs/sitemap's `i18n` option: a URL's locale is the path segment its
 * edition's prefix names; pages without one are the source edition's.
 */
export const sitemapI18n = (): { defaultLocale: string; locales: Record<string, string> } => ({
  defaultLocale: 'zh-hant',
  locales: Object.fromEntries(
    Object.values(EDITIONS).map((edition) => [edition.prefix.replace(/\/$/, '') || 'zh-hant', edition.lang]),
  ),
});

/** The same page in the other edition. */
export const twinEdition = (edition: Edition): Edition => (edition === 'hant' ? 'hans' : 'hant');
