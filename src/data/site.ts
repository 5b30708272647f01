/** Site-wide words and settings, in one place (the Simplified edition converts these too). */
export const SITE = {
  title: 'APEC 亞太經濟合作',
  description: '以繁體中文介紹亞太經濟合作（APEC）的成立背景、宗旨、組織架構、運作方式與成員經濟體，附完整出處。',
} as const;

export const UI = {
  skipLink: '跳至主要內容',
  search: '搜尋',
  searchPlaceholder: '輸入繁體、簡體或英文',
  themeToggle: '切換深色模式',
  darkMode: '深色模式',
  closeMenu: '關閉選單',
  menu: '目錄選單',
  siteNav: '網站導覽',
  breadcrumbs: '導覽路徑',
  home: '首頁',
  toc: '本頁內容',
  pagination: '上一頁與下一頁',
  prev: '上一頁',
  next: '下一頁',
  lastReviewed: '最後審閱',
  anchorLabel: '本節連結',
  morePages: (count: number) => `另有 ${count} 頁`,
} as const;
