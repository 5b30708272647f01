/** `2026-11-26` → 「2026 年 11 月 26 日」, in UTC so the build machine's zone never matters. */
export function formatDateZh(date: Date): string {
  return `${date.getUTCFullYear()} 年 ${date.getUTCMonth() + 1} 月 ${date.getUTCDate()} 日`;
}

/** `2026-11-26` for `<time datetime>`. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
