/**
 * Pagefind's bundle format, read in one place (src/search/pagefind-bundle.ts): fragment files as
 * pagefind.js reads them (gzip or not, the `pagefind_dcd` mark, U+200B word breaks), index file
 * names, and which search path an edition takes. The build's readers use the same module.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { fragmentTexts } from '../../src/integrations/pagefind';
import {
  decodeFragment,
  directFragments,
  fragmentLanguage,
  isFragmentFile,
  languageOf,
  searchFiles,
} from '../../src/search/pagefind-bundle';

const fragment = {
  url: '/founding/',
  content: '坎\u200b培\u200b拉 會議. 成立',
  meta: { title: '成立' },
  anchors: [{ element: 'h2', id: '坎培拉', text: '坎培拉', location: 1 }],
  filters: { section: ['歷史'] },
};
const plain = new TextEncoder().encode(`pagefind_dcd${JSON.stringify(fragment)}`);
const gzipped = new Uint8Array(gzipSync(plain));

describe('fragments, as pagefind.js reads them', () => {
  test.each([
    ['gzip', gzipped],
    ['stored without gzip (pagefind.js accepts it too)', plain],
  ])('%s: the page text without the word-break marks', async (_kind, content) => {
    expect(await fragmentTexts([{ path: 'fragment/zh-hant-tw_ab12.pf_fragment', content }])).toEqual([
      { url: '/founding/', text: '坎培拉 會議. 成立' },
    ]);
  });
});

describe('the module the readers share', () => {
  test('decodes a fragment either way, and rejects what is not one', async () => {
    for (const bytes of [gzipped, plain]) {
      const page = await decodeFragment(bytes);
      expect(page.content).toBe('坎培拉 會議. 成立');
      expect(page.anchors?.[0]?.id).toBe('坎培拉');
    }
    await expect(decodeFragment(new TextEncoder().encode('{"url":"/x/","content":""}'))).rejects.toThrow();
    await expect(decodeFragment(new TextEncoder().encode('pagefind_dcd{"url":"/x/"}'))).rejects.toThrow(
      'no url or content',
    );
  });

  test('knows which index language a bundle file belongs to, and which paths are fragments', () => {
    expect(languageOf('fragment/zh-hant-tw_ab12.pf_fragment')).toBe('zh-hant-tw');
    expect(languageOf('index/zh-hans_0f.pf_index')).toBe('zh-hans');
    expect(languageOf('pagefind.zh-hans_6970fd7bca64bf3.pf_meta')).toBe('zh-hans');
    expect(languageOf('wasm.unknown.pagefind')).toBeUndefined();
    expect(fragmentLanguage('index/zh-hans_0f.pf_index')).toBeUndefined();
    expect(isFragmentFile('fragment/zh-hans_0f.pf_fragment')).toBe(true);
    expect(isFragmentFile('fragment/../../sw_0f.pf_fragment')).toBe(false);
  });

  test('the direct path needs a non-empty fragment list within the scan limit; else Pagefind’s files', () => {
    const listed = ['fragment/zh-hans_a1.pf_fragment', 'fragment/zh-hans_b2.pf_fragment'];
    expect(directFragments(listed, 2)).toEqual(listed);
    expect(directFragments(listed, 1)).toBeUndefined();
    expect(directFragments([], 150)).toBeUndefined();
    expect(directFragments(undefined, 150)).toBeUndefined();
    const bundle = [
      'pagefind.js',
      'pagefind-entry.json',
      'wasm.unknown.pagefind',
      'search-data.json',
      'pagefind.zh-hans_61.pf_meta',
      'pagefind.zh-hant-tw_5b.pf_meta',
      ...listed,
      'fragment/zh-hant-tw_c3.pf_fragment',
      'index/zh-hans_d4.pf_index',
    ];
    expect(searchFiles(bundle, 'zh-hans', listed, 150, 'search-data.json')).toEqual(['search-data.json', ...listed]);
    expect(searchFiles(bundle, 'zh-hans', listed, 0, 'search-data.json')).toEqual([
      'pagefind.js',
      'pagefind-entry.json',
      'wasm.unknown.pagefind',
      'search-data.json',
      'pagefind.zh-hans_61.pf_meta',
      ...listed,
      'index/zh-hans_d4.pf_index',
    ]);
  });
});
