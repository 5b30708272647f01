/**
 * 「離線閱讀」, the part every page loads (imported by site.ts): after the page has loaded,
 * register the service worker; the control's code (offline-ui.ts) loads when the reader uses
 * it, or when a worker already controls the page (then it comes from the worker's cache).
 */
const footer = document.getElementById('offline');
if (footer && 'serviceWorker' in navigator) {
  footer.hidden = false;
  const ui = () => import('./offline-ui');
  const start = () => {
    navigator.serviceWorker.register(`${document.documentElement.dataset['base']}sw.js`).catch(() => undefined);
    if (navigator.serviceWorker.controller) void ui().then((module) => module.showCopy());
  };
  if (document.readyState === 'complete') start();
  else addEventListener('load', start, { once: true });
  footer.addEventListener('click', (event) => {
    const id = (event.target as Element).closest('button')?.id;
    if (id) void ui().then((module) => module.act(id));
  });
}
