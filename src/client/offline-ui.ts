/**
 * The 「離線閱讀」 control (src/components/OfflineFooter.astro): asks the service worker
 * (src/offline/sw.ts) to download or remove this edition's copy, shows its progress, and says
 * when the copy on this device was made. Its messages are built into this script in both editions
 * (src/integrations/client-scripts.ts), so pages carry only the control itself.
 */
import type { OfflineWords } from '../data/offline';

/** Both editions' messages, keyed by `<html lang>` (a build-time constant). */
declare const OFFLINE_WORDS: Record<string, OfflineWords>;

const editions: Record<string, OfflineWords> = OFFLINE_WORDS;
const words = editions[document.documentElement.lang] ?? Object.values(editions)[0]!;
const $ = (id: string) => document.getElementById(id)!;
const footer = $('offline');
const status = $('offline-status');
const progress = $('offline-progress') as HTMLProgressElement;
const getButton = $('offline-get') as HTMLButtonElement;
const dropButton = $('offline-drop') as HTMLButtonElement;
const edition = footer.dataset['edition'] ?? 'hant';
const list = new URL(`${document.documentElement.dataset['base']}offline/${edition}.json`, location.href).href;

const say = (name: keyof OfflineWords, fill: Record<string, string | number> = {}) => {
  status.textContent = words[name].replace(/\{(\w+)\}/g, (_, key: string) => String(fill[key] ?? ''));
};

const dateOf = (saved: string) =>
  new Date(saved).toLocaleString(document.documentElement.lang, { dateStyle: 'long', timeStyle: 'short' });

const showSaved = (saved: string) => {
  say('saved', { date: dateOf(saved) });
  progress.hidden = true;
  getButton.hidden = true;
  dropButton.hidden = false;
  dropButton.disabled = false;
};

/**
 * If this device holds the edition's copy, say when it was made; if a newer build has come since
 * and was not downloaded by itself (Save-Data, src/offline/sw.ts), say that and offer it.
 */
export async function showCopy(): Promise<void> {
  const copy = await caches.match(list);
  const saved = copy?.headers.get('x-saved');
  if (!saved) return;
  showSaved(saved);
  if (copy?.headers.get('x-outdated')) {
    say('outdated', { date: dateOf(saved) });
    getButton.hidden = false;
    getButton.disabled = false;
  }
}

navigator.serviceWorker.addEventListener('message', (event: MessageEvent) => {
  const data = event.data as { n?: number; total?: number; saved?: string; removed?: boolean; failed?: boolean };
  if (data.saved) showSaved(data.saved);
  else if (data.n !== undefined && data.total) {
    progress.max = data.total;
    progress.value = data.n;
    say('progress', { n: data.n, total: data.total });
  } else if (data.removed) {
    say('removed');
    dropButton.hidden = true;
    getButton.hidden = false;
    getButton.disabled = false;
  } else if (data.failed) {
    say('failed');
    progress.hidden = true;
    getButton.disabled = false;
    dropButton.disabled = false;
  }
});
navigator.serviceWorker.startMessages();

/** A click on one of the control's buttons. */
export async function act(id: string): Promise<void> {
  const worker = (await navigator.serviceWorker.ready).active;
  if (!worker) return;
  if (id === 'offline-get') {
    getButton.disabled = true;
    progress.hidden = false;
    progress.removeAttribute('value');
    worker.postMessage({ get: edition });
  } else if (id === 'offline-drop') {
    dropButton.disabled = true;
    worker.postMessage({ drop: edition });
  }
}
