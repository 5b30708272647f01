import { expect, test } from 'vitest';
import { indexedText } from '../../src/integrations/pagefind';

test('extracts the text of the article marked for search', () => {
  const html =
    '<html><body><nav>導覽</nav><article class="prose" data-pagefind-body><h1>成立</h1><p>在 &amp; 坎培拉<script>x()</script></p></article></body></html>';
  expect(indexedText(html)).toBe('成立 在 & 坎培拉');
});

test('returns undefined for pages not marked for search', () => {
  expect(indexedText('<main><h1>首頁</h1></main>')).toBeUndefined();
});

test('lists fragments for direct reading only for languages small enough', async () => {
  const { fragmentManifest } = await import('../../src/integrations/pagefind');
  const file = (path: string, bytes: number) => ({ path, content: new Uint8Array(bytes) });
  const files = [
    file('fragment/zh-hans_b2.pf_fragment', 30),
    file('fragment/zh-hans_a1.pf_fragment', 30),
    file('fragment/zh-hant-tw_c3.pf_fragment', 200),
    file('index/zh-hans_d4.pf_index', 5000),
  ];
  expect(fragmentManifest(files, 100)).toEqual({
    'zh-hans': ['fragment/zh-hans_a1.pf_fragment', 'fragment/zh-hans_b2.pf_fragment'],
  });
});
