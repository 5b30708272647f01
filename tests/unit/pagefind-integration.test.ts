import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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

test('sends Pagefind the <html> tag and the searchable article only', async () => {
  const { indexedPart } = await import('../../src/integrations/pagefind');
  const html =
    '<!doctype html><html lang="zh-Hans" data-base="/"><head><title>成立</title></head><body><nav>导览</nav><main><article class="prose" data-pagefind-body data-pagefind-filter="section:历史"><h1>成立</h1><p>坎培拉</p></article><aside>目录</aside></main></body></html>';
  const part = indexedPart(html);
  expect(part).toContain('<html lang="zh-Hans" data-base="/">');
  expect(part).toContain(
    '<article class="prose" data-pagefind-body data-pagefind-filter="section:历史"><h1>成立</h1><p>坎培拉</p></article>',
  );
  expect(part).not.toContain('导览');
  expect(part).not.toContain('目录');
  const plain = '<html><body><main><h1>首頁</h1></main></body></html>';
  expect(indexedPart(plain)).toBe(plain);
});

test('the build (Pagefind reads the written pages) and dev (the article alone, in memory) index alike', async () => {
  const { buildSearchBundle } = await import('../../src/integrations/pagefind');
  const page = (lang: string, slug: string, title: string, text: string) => ({
    sourcePath: `${lang === 'zh-Hans' ? 'zh-hans/' : ''}${slug}/index.html`,
    html: `<!doctype html><html lang="${lang}"><head><title>${title}</title></head><body><header><a href="/">首頁</a></header><nav><a href="/x/">其他頁</a></nav><main><article data-pagefind-body data-pagefind-filter="section:${title}"><h1>${title}</h1><h2 id="a">背景</h2><p>${text}</p></article></main></body></html>`,
  });
  const pages = [
    page('zh-Hant-TW', 'founding', '成立', '1989 年在坎培拉舉行首屆部長會議。'),
    page('zh-Hant-TW', 'members', '成員', '21 個會員經濟體，包括紐西蘭。'),
    page('zh-Hans', 'founding', '成立', '1989 年在堪培拉举行首届部长会议。'),
    page('zh-Hans', 'members', '成员', '21 个成员经济体，包括新西兰。'),
    { sourcePath: '404.html', html: '<!doctype html><html lang="zh-Hant-TW"><body><h1>找不到</h1></body></html>' },
  ];
  const dir = await mkdtemp(join(tmpdir(), 'apec-index-'));
  try {
    for (const { sourcePath, html } of pages) {
      await mkdir(dirname(join(dir, sourcePath)), { recursive: true });
      await writeFile(join(dir, sourcePath), html);
    }
    const asMap = (files: readonly { path: string; content: Uint8Array }[]) =>
      new Map(files.map((file) => [file.path, Buffer.from(file.content).toString('base64')]));
    // No answer cards: the glossary's pages are not in this two-page site.
    const fromDisk = asMap(await buildSearchBundle({ dir }, {}, []));
    expect([...fromDisk.keys()].filter((path) => path.startsWith('fragment/'))).toHaveLength(4);
    expect(asMap(await buildSearchBundle({ pages }, {}, []))).toEqual(fromDisk);
  } finally {
    await rm(dir, { recursive: true, force: true });
    await (await import('pagefind')).close();
  }
}, 60_000);
