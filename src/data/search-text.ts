/**
 * The search dialog's words (src/client/search-dialog.ts builds the dialog with them, on intent).
 * Traditional only: the build writes both editions into the search chunk, the Simplified one
 * converted like the pages (src/integrations/client-scripts.ts). `{q}`, `{n}`, `{term}` and
 * `{section}` are filled in by the script.
 */
import { GROUPS } from './groups';
import { UI } from './site';

export const SEARCH_TEXT = {
  title: UI.search,
  placeholder: UI.searchPlaceholder,
  close: '關閉',
  // The key hints on wide screens: ↑↓ 選擇 · Enter 開啟 · Esc 關閉.
  'hint-select': '選擇',
  'hint-open': '開啟',
  'hint-close': '關閉',
  none: '沒有找到符合「{q}」的內容。',
  found: '找到 {n} 頁符合「{q}」。',
  partial: '沒有一頁含有「{q}」的所有詞語；部分符合的 {n} 頁如下。',
  answer: '「{term}」的詞彙說明在結果最前。',
  fixed: '「{typed}」以「{name}」搜尋。',
  'answer-kind': '詞彙',
  'answer-twAlt': '也作',
  'answer-tw': '臺灣',
  'answer-hk': '香港',
  'answer-cn': '中國大陸',
  'answer-hkcn': '香港、中國大陸',
  'answer-en': '英文',
  'answer-link': '詳見「{section}」',
  suggest: '您是不是要找：',
  results: '搜尋結果',
  filter: '依章節篩選',
  // Section filters follow the sidebar's order.
  sections: GROUPS.map((group) => group.label).join('|'),
  error: '搜尋資料載入失敗，請檢查網路連線後重試。',
  retry: '重試',
} as const;

export type SearchWords = Record<keyof typeof SEARCH_TEXT, string>;
