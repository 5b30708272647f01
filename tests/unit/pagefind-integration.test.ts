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
