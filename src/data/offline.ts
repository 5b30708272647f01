/**
 * Offline reading (離線閱讀): the switch, the file names and the words. Traditional only: the
 * Simplified edition converts the footer with the rest of the page, and the build converts the
 * service worker's words (src/integrations/offline.ts) and the control's messages
 * (src/integrations/client-scripts.ts).
 */

/**
 * `OFFLINE=0` at build time: no control, no registration, and `sw.js` is a kill switch that
 * removes a worker a reader installed from an earlier deploy (README, "Offline reading").
 */
export const offlineEnabled = (env: Record<string, string | undefined> = process.env): boolean =>
  env['OFFLINE'] !== '0';

/** The service worker, at the base path (its scope is the whole site). */
export const SERVICE_WORKER_FILE = 'sw.js';

/** Per-edition list of what 「離線閱讀」 downloads: `offline/hant.json` → `{ bytes, files }`. */
export const OFFLINE_DIR = 'offline';

/** Web app manifest, per edition (`zh-hans/manifest.webmanifest` for the Simplified one). */
export const WEB_MANIFEST_FILE = 'manifest.webmanifest';

/** Rendered into every page's footer; replaced by the edition's download size once the build knows it. */
export const SIZE_MARKER = '%OFFLINE_SIZE%';

/** The footer control, in every page (the build replaces SIZE_MARKER with the edition's size). */
export const OFFLINE_TEXT = {
  heading: '離線閱讀',
  intro: '存一份到這台裝置，沒有網路時也能閱讀與搜尋本站。',
  download: `下載全站供離線閱讀（約 ${SIZE_MARKER}）`,
  remove: '刪除離線版本',
} as const;

/**
 * What the control says while it works, only once it is used or the device holds a copy: built
 * into src/client/offline-ui.ts in both editions (src/integrations/client-scripts.ts), not into
 * every page. {n}, {total} and {date} are filled in by the script.
 */
export const OFFLINE_MESSAGES = {
  progress: '正在下載：{n}／{total}',
  saved: '已存好離線版本（{date}）：沒有網路時也能開啟每一頁並搜尋。',
  failed: '下載沒有完成，請連上網路後再試一次。',
  removed: '已刪除離線版本。',
  // Save-Data: a new deploy does not download the copy again by itself (src/offline/sw.ts).
  outdated:
    '網站已經更新，這台裝置上的離線版本仍是 {date} 存的舊版。為了節省數據，新版本不會自動下載，需要時可以再下載一次。',
} as const;

export type OfflineWords = Record<keyof typeof OFFLINE_MESSAGES, string>;

/** The page the service worker answers with, offline, for a page that is not on the device. */
export const OFFLINE_PAGE_TEXT = {
  title: '目前離線',
  heading: '目前沒有網路連線',
  missing: '這一頁還沒有存到這台裝置上，連上網路後就能開啟。以下是已經存好、離線也能閱讀的頁面：',
  none: '這台裝置上還沒有存好的頁面。連上網路後，可以在頁尾選擇「下載全站供離線閱讀」。',
} as const;

/** The edition's download size as the control shows it: 「450 KB」, 「1.2 MB」 (1 KB = 1,000 bytes). */
export function formatDownloadSize(bytes: number): string {
  if (bytes >= 995_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  return `${Math.max(10, Math.round(bytes / 10_000) * 10)} KB`;
}
