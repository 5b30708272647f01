/**
 * A small but realistic stand-in for the site's pages (Taiwan forms, as the site writes them),
 * used by the search unit tests and the index experiments. Each page: url, title, sections
 * (heading id + heading + paragraphs).
 */
export interface FixturePage {
  url: string;
  title: string;
  section: string;
  sections: { id: string; heading: string; paragraphs: string[] }[];
}

export const FIXTURE_PAGES: FixturePage[] = [
  {
    url: '/overview/',
    title: 'APEC 概覽',
    section: 'basics',
    sections: [
      {
        id: 'what',
        heading: '什麼是 APEC',
        paragraphs: [
          '亞太經濟合作（Asia-Pacific Economic Cooperation，APEC）是經濟合作的論壇平臺，其運作是透過非約束性的承諾與成員的自願，強調開放對話及平等尊重各成員意見。',
          'APEC 自稱論壇，不同於經由條約確立的政府間組織，例如世界貿易組織（WTO）。中文維基百科台灣版稱為亞太經濟合作會議，港澳與中國大陸多稱亞太經合組織。',
        ],
      },
      {
        id: 'members',
        heading: '成員',
        paragraphs: ['APEC 現有 21 個成員經濟體，台灣以「中華台北」名義參與。成員稱為「經濟體」而非國家。'],
      },
    ],
  },
  {
    url: '/founding/',
    title: '成立經過',
    section: 'history',
    sections: [
      {
        id: 'hawke',
        heading: '霍克的倡議',
        paragraphs: [
          'APEC 誕生於全球冷戰結束的年代。1989 年 1 月，澳洲總理霍克在漢城（今首爾）的演說中提議召開亞太地區部長級會議，討論加強相互間經濟合作。這一倡議得到美國、加拿大、日本和東協的積極響應。',
        ],
      },
      {
        id: 'canberra',
        heading: '坎培拉首屆部長級會議',
        paragraphs: [
          '1989 年 11 月 6–7 日，澳洲、美國、日本、南韓、紐西蘭、加拿大及當時的東協六國在澳洲首都坎培拉舉行首屆部長級會議，標誌著 APEC 正式成立。',
          '第一次資深官員會議由澳洲的 Andrew Elek 主持。',
        ],
      },
    ],
  },
  {
    url: '/aims/',
    title: '宗旨與目標',
    section: 'basics',
    sections: [
      {
        id: 'seoul',
        heading: '漢城宣言',
        paragraphs: [
          '1991 年 11 月，第三屆部長級會議在漢城舉行，通過《漢城宣言》（Seoul APEC Declaration），確立 APEC 的宗旨與目標：為本地區人民的共同利益保持經濟的增長和發展；促進成員間經濟的相互依存；加強開放的多邊貿易體制；減少區域貿易和投資壁壘。',
        ],
      },
      {
        id: 'bogor',
        heading: '茂物目標',
        paragraphs: [
          '1994 年的《茂物宣言》訂下茂物目標：已開發經濟體於 2010 年、開發中經濟體於 2020 年達成自由開放的貿易與投資。',
        ],
      },
    ],
  },
  {
    url: '/structure/',
    title: '組織架構',
    section: 'organisation',
    sections: [
      {
        id: 'leaders',
        heading: '經濟領袖會議',
        paragraphs: ['經濟領袖會議是 APEC 最高層級的會議，首次於 1993 年在西雅圖附近的布萊克島舉行。'],
      },
      {
        id: 'som',
        heading: '資深官員會議',
        paragraphs: ['資深官員會議（SOM）負責執行部長與領袖的決定，並督導各委員會與工作小組。'],
      },
      {
        id: 'secretariat',
        heading: '秘書處',
        paragraphs: ['APEC 秘書處設於新加坡，1993 年開始運作，對 APEC 的活動起輔助作用。'],
      },
      {
        id: 'abac',
        heading: 'APEC 企業諮詢委員會',
        paragraphs: ['APEC 企業諮詢委員會（ABAC）於 1995 年成立，代表工商界向領袖提出建議。'],
      },
    ],
  },
  {
    url: '/operation/',
    title: '運作方式',
    section: 'organisation',
    sections: [
      {
        id: 'consensus',
        heading: '共識決',
        paragraphs: [
          'APEC 採取自主自願、協商一致的合作原則，決議透過全體共識達成，並由成員自願執行，裡面沒有具約束性的條約義務。',
        ],
      },
      {
        id: 'pillars',
        heading: '三大支柱',
        paragraphs: ['大阪行動綱領確立貿易投資自由化、商業便捷化與經濟技術合作三大支柱，成為 APEC 工作的主線。'],
      },
    ],
  },
  {
    url: '/members/',
    title: '成員經濟體',
    section: 'reference',
    sections: [
      {
        id: 'founders',
        heading: '創始成員',
        paragraphs: [
          '1989 年的 12 個創始成員：澳洲、汶萊、加拿大、印尼、日本、韓國、馬來西亞、紐西蘭、菲律賓、新加坡、泰國、美國。',
        ],
      },
      {
        id: 'later',
        heading: '後來加入',
        paragraphs: [
          '1991 年中國、香港與中華台北加入；1993 年墨西哥與巴布亞紐幾內亞加入；智利於 1994 年加入；1998 年秘魯、俄羅斯與越南加入。',
        ],
      },
    ],
  },
  {
    url: '/timeline/',
    title: '大事年表',
    section: 'history',
    sections: [
      {
        id: 'y1989',
        heading: '1989 年',
        paragraphs: ['11 月：坎培拉首屆部長級會議，12 個經濟體創立 APEC。'],
      },
      {
        id: 'y1993',
        heading: '1993 年',
        paragraphs: ['11 月：美國總統柯林頓在西雅圖主辦首次經濟領袖會議；秘書處在新加坡開始運作。'],
      },
      {
        id: 'y2020',
        heading: '2020 年',
        paragraphs: ['馬來西亞以視訊方式主辦領袖會議，通過 2040 太子城願景，取代茂物目標。'],
      },
    ],
  },
  {
    url: '/glossary/',
    title: '名詞對照',
    section: 'reference',
    sections: [
      {
        id: 'terms',
        heading: '名詞對照表',
        paragraphs: [
          "東協：港澳與中國大陸稱東盟，英文 ASEAN。坎培拉：港澳與中國大陸稱堪培拉，英文 Canberra。資深官員會議：中國大陸稱高官會，英文 Senior Officials' Meeting（SOM）。紐西蘭：港澳與中國大陸稱新西蘭，英文 New Zealand。漢城宣言：英文 Seoul APEC Declaration。APEC 企業諮詢委員會：中國大陸稱工商諮詢理事會，英文 APEC Business Advisory Council（ABAC）。",
        ],
      },
    ],
  },
  {
    url: '/references/',
    title: '參考資料',
    section: 'reference',
    sections: [
      {
        id: 'sources',
        heading: '資料來源',
        paragraphs: ['本站事實依據 APEC 官方網站、外交部與中文維基百科等來源整理，最後檢查於 2026 年。'],
      },
    ],
  },
];

/** Plain text of a fixture page, as Pagefind's `content` would give it. */
export const pageText = (page: FixturePage): string =>
  [page.title, ...page.sections.flatMap((s) => [s.heading, ...s.paragraphs])].join('\n');

/** HTML of a fixture page, for building a real Pagefind index. */
export const pageHtml = (page: FixturePage): string => {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const body = page.sections
    .map((s) => `<h2 id="${s.id}">${esc(s.heading)}</h2>${s.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('')}`)
    .join('');
  return `<!doctype html><html lang="zh-Hant-TW"><head><title>${esc(page.title)}</title></head><body><main data-pagefind-body data-pagefind-filter="section:${page.section}"><h1>${esc(page.title)}</h1>${body}</main></body></html>`;
};

/** Glossary entries in the shape of src/data/schemas.ts GlossaryEntry (the fields search uses). */
export const FIXTURE_GLOSSARY = [
  {
    tw: '亞太經濟合作',
    twAlt: ['亞太經濟合作會議', '亞太經合會'],
    hk: ['亞太經濟合作組織', '亞太經合組織'],
    cn: ['亞太經濟合作組織', '亞太經合組織'],
    en: 'Asia-Pacific Economic Cooperation',
    abbr: 'APEC',
  },
  { tw: '東協', hk: ['東盟'], cn: ['東盟'], en: 'Association of Southeast Asian Nations', abbr: 'ASEAN' },
  { tw: '坎培拉', hk: ['堪培拉'], cn: ['堪培拉'], en: 'Canberra' },
  { tw: '資深官員會議', hk: ['高官會'], cn: ['高官會'], en: "Senior Officials' Meeting", abbr: 'SOM' },
  { tw: '紐西蘭', hk: ['新西蘭'], cn: ['新西蘭'], en: 'New Zealand' },
  { tw: '漢城宣言', en: 'Seoul APEC Declaration' },
  {
    tw: 'APEC 企業諮詢委員會',
    twAlt: ['企業諮詢委員會'],
    cn: ['工商諮詢理事會'],
    en: 'APEC Business Advisory Council',
    abbr: 'ABAC',
  },
  { tw: '秘書處', twAlt: ['APEC 秘書處'], en: 'APEC Secretariat' },
  { tw: '澳洲', twAlt: ['澳大利亞'], cn: ['澳大利亞'], en: 'Australia' },
  {
    tw: '經濟領袖會議',
    hk: ['領導人非正式會議'],
    cn: ['領導人非正式會議'],
    en: "Economic Leaders' Meeting",
    abbr: 'AELM',
  },
  { tw: '茂物目標', en: 'Bogor Goals' },
  { tw: '柯林頓', hk: ['克林頓'], cn: ['克林頓'], en: 'Bill Clinton' },
  { tw: '巴布亞紐幾內亞', cn: ['巴布亞新幾內亞'], en: 'Papua New Guinea', abbr: 'PNG' },
  { tw: '汶萊', hk: ['文萊'], cn: ['文萊'], en: 'Brunei Darussalam' },
];
