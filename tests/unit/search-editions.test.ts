/**
 * The editions are defined once (src/i18n/editions.ts): the search engine and the answer cards
 * take the Simplified edition's language and path prefix from there, and the cards' Simplified
 * words come from the site's own converter (src/i18n/localise.ts), as the Simplified pages do.
 * Here the Simplified edition gets another prefix and language, and the converter marks what it
 * converts: neither may be written into the search code.
 */
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { GlossaryEntry } from '../../src/data/schemas';
import { answerCards } from '../../src/search/answers';
import { createSearch } from '../../src/search/client';
import type { PagefindFragment } from '../../src/search/pagefind-bundle';
import { cardKey, type SearchData } from '../../src/search/query';

vi.mock('../../src/i18n/editions', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/i18n/editions')>();
  return {
    ...real,
    EDITIONS: { hant: real.EDITIONS.hant, hans: { ...real.EDITIONS.hans, lang: 'zh-CN', prefix: 'jianti/' } },
  };
});

vi.mock('../../src/i18n/localise', () => ({
  getConverter: () => ({
    text: (s: string) => `text(${s})`,
    literal: (s: string) => `literal(${s})`,
    html: (s: string) => s,
  }),
  localise: (s: string) => s,
}));

afterEach(() => {
  vi.unstubAllGlobals();
});

const entry = {
  id: 'asean',
  category: 'organisation',
  tw: '東協',
  twAlt: [],
  hk: ['東盟'],
  cn: ['東盟'],
  en: 'Association of Southeast Asian Nations',
  note: '東南亞國家的區域組織。其後另有說明。',
  page: '/founding/#東協',
  sources: ['S1'],
} as unknown as GlossaryEntry;

const page = (url: string, heading: string): PagefindFragment => ({
  url,
  content: `${heading}. 內容`,
  meta: { title: '成立' },
  anchors: [{ element: 'h2', id: '東協', text: heading, location: 0 }],
});

describe('answer cards (build)', () => {
  test('take the Simplified twin page from the edition’s prefix and its words from the site’s converter', () => {
    const cards = answerCards([page('/founding/', '東協'), page('/jianti/founding/', '东盟')], [entry]);
    const card = cards.c[0]!;
    expect(card.s).toEqual({
      tw: 'literal(東協)',
      alt: [],
      hk: ['literal(東盟)'],
      cn: ['literal(東盟)'],
      note: 'literal(東南亞國家的區域組織。)',
      section: '东盟',
    });
    expect(cards.k[cardKey('literal(東協)')]).toBe(0);
  });
});

describe('the search engine', () => {
  test('answers in the edition it is given, linking under that edition’s prefix', async () => {
    const gz = (value: object) => gzipSync(`pagefind_dcd${JSON.stringify(value)}`);
    const data: SearchData = {
      v: 1,
      f: {},
      g: [],
      k: {},
      w: [],
      p: { 'zh-cn': ['fragment/zh-cn_a1.pf_fragment'] },
      a: answerCards([page('/founding/', '東協'), page('/jianti/founding/', '东盟')], [entry]),
    };
    const files: Record<string, Uint8Array<ArrayBuffer>> = {
      '/pagefind/search-data.json': new TextEncoder().encode(JSON.stringify(data)),
      '/pagefind/fragment/zh-cn_a1.pf_fragment': new Uint8Array(
        gz({ ...page('/jianti/founding/', '东盟'), content: '东盟. 内容' }),
      ),
    };
    vi.stubGlobal('fetch', async (url: string) =>
      files[url] ? new Response(files[url]) : new Response('not found', { status: 404 }),
    );
    const engine = await createSearch({
      edition: 'hans',
      bundlePath: '/pagefind/',
      dataUrl: '/pagefind/search-data.json',
    });
    const outcome = await engine.search('東協');
    expect(outcome.answer).toMatchObject({ term: 'literal(東盟)', url: '/jianti/founding/#東協', section: '东盟' });
    expect(engine.fromMemory()).toBe(true);
  });

  test('fails to start when its data does not arrive (the dialog then offers a retry), not quietly without folding', async () => {
    vi.stubGlobal('fetch', async () => new Response('unavailable', { status: 503 }));
    await expect(
      createSearch({ edition: 'hant', bundlePath: '/pagefind/', dataUrl: '/pagefind/search-data.json' }),
    ).rejects.toThrow('HTTP 503 for /pagefind/search-data.json');
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('fetch failed');
    });
    await expect(
      createSearch({ edition: 'hant', bundlePath: '/pagefind/', dataUrl: '/pagefind/search-data.json' }),
    ).rejects.toThrow('fetch failed');
  });
});
