/**
 * 「離線閱讀」, the part every page loads (imported by site.ts): after the page has loaded,
 * register the service worker. The control's code (offline-ui.ts) loads when the reader uses
 * it, or when this device holds the edition's copy (then it comes from that copy, even offline).
 */
const footer = document.getElementById('offline');
if (footer && 'serviceWorker' in navigator) {
  footer.hidden = false;
  const base = document.documentElement.dataset['base'];
  const ui = () => import('./offline-ui');
  const start = () => {
    navigator.serviceWorker.register(`${base}sw.js`).catch(() => undefined);
    void caches
      .match(new URL(`${base}offline/${footer.dataset['edition']}.json`, location.href).href)
      .then((copy) => copy && ui().then((module) => module.showCopy()));
  };
  if (document.readyState === 'complete') start();
  else addEventListener('load', start, { once: true });
  footer.addEventListener('click', (event) => {
    const id = (event.target as Element).closest('button')?.id;
    if (id) void ui().then((module) => module.act(id));
  });
}
