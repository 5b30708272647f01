/**
 * The words of the maps and the chart (src/lib/maps/), in Traditional Chinese; the Simplified
 * edition's files are converted by src/i18n/ like its pages. Counts, years and names come from
 * the data files.
 */
export const MAP_TEXT = {
  members: {
    title: 'APEC 成員經濟體分布圖',
    description: (count: number, years: readonly number[], markers: readonly string[]) =>
      `以太平洋為中心的世界地圖，標出 APEC 的 ${count} 個成員經濟體，依加入年份（${years.join('、')} 年）以不同的顏色與花紋區分${markers.length > 0 ? `；${markers.join('、')}面積太小，以圓點標示` : ''}。各成員的加入年份見成員一覽表。`,
    legendTitle: '加入年份',
    legendItem: (year: number, count: number) => `${year} 年（${count} 個）`,
    caption: '圖：APEC 成員經濟體的分布，依加入年份區分。',
  },
  growth: {
    title: 'APEC 成員數的增加',
    description: (steps: readonly { year: number; count: number }[]) =>
      `長條圖，APEC 每年的成員數：${steps.map(({ year, count }) => `${year} 年 ${count} 個`).join('，')}。`,
    axis: '成員數',
    caption: (first: number, last: number) =>
      `圖：${first} 年至 ${last} 年每年的 APEC 成員數；長條依成員加入的年份分段，花紋與成員分布圖的圖例相同。`,
  },
  hosts: {
    title: 'APEC 歷屆會議舉辦城市圖',
    description: (cities: number, first: number, last: number) =>
      `以太平洋為中心的地圖，標出 ${first} 年至 ${last} 年 APEC 每年主要會議的 ${cities} 個舉辦城市，每個城市旁寫著在那裡開會的年份；視訊舉行或取消的年份另外註明，最近一屆以星號標示。各屆的日期與主辦成員見歷屆會議一覽表。`,
    status: { virtual: '視訊', cancelled: '取消' } as Record<string, string>,
    legendHeld: '曾實體舉行',
    legendNotHeld: '僅視訊舉行',
    legendNewest: (year: number) => `最近一屆（${year} 年）`,
    caption: '圖：APEC 歷屆部長級會議與經濟領袖會議的舉辦城市。',
  },
  /** Where the outlines come from (the references page says it at length). */
  credit: '底圖：Natural Earth',
} as const;
