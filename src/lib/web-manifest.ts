/**
 * The web app manifest of an edition (served as `manifest.webmanifest` and
 * `zh-hans/manifest.webmanifest`): "Add to Home Screen" opens the edition's home page, and the
 * service worker (src/offline/sw.ts) makes the installed app open offline.
 */
import { SITE } from '../data/site';
import { EDITIONS, type Edition } from '../i18n/editions';
import { localise } from '../i18n/localise';

/** The colours of the page chrome (src/styles/global.css `--bg`), as the theme-color meta tags say. */
const LIGHT = '#ffffff';
/** What a home screen shows under the icon: short enough for a phone's label. */
const SHORT_NAME = 'APEC 指南';
const DARK = '#14171c';

export function webManifest(base: string, edition: Edition): Record<string, unknown> {
  const t = (text: string) => localise(text, edition);
  const start = base + EDITIONS[edition].prefix;
  return {
    name: t(SITE.title),
    short_name: t(SHORT_NAME),
    description: t(SITE.description),
    lang: EDITIONS[edition].lang,
    dir: 'ltr',
    id: start,
    start_url: start,
    scope: base,
    display: 'standalone',
    theme_color: LIGHT,
    background_color: LIGHT,
    // W3C manifest `color_scheme_dark` (w3c/manifest#1207); the <meta name="theme-color"> pair covers browsers without it.
    color_scheme_dark: { theme_color: DARK, background_color: DARK },
    icons: [
      { src: `${base}icons/icon-192.png`, sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: `${base}icons/icon-512.png`, sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: `${base}icons/maskable-512.png`, sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}

export const webManifestResponse = (base: string, edition: Edition): Response =>
  new Response(`${JSON.stringify(webManifest(base, edition), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/manifest+json' },
  });
