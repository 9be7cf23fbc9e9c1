/**
 * Start-up: read the wallet list, mount the shell (Dexie opens the wallet in parallel, issue 8),
 * then register the service worker. The verifier is not part of this chunk.
 */
import { mount, unmount } from 'svelte';
import App from './ui/App.svelte';
import { createAppState } from './ui/context.ts';
import { reportInterrupted } from './ui/state/import-journal.ts';
import './ui/app.css';

const target = document.getElementById('app');
if (target === null) throw new Error('index.html has no #app');

function cannotOpen(e: unknown): void {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : 'STORE_FAILED';
  const p = document.createElement('p');
  p.className = 'boot';
  p.setAttribute('role', 'alert');
  p.textContent = `The wallet’s storage cannot be opened in this browser (${code}). ウォレットの保存領域を開けません。`;
  target?.replaceChildren(p);
}

createAppState(window).then((app) => {
  target.replaceChildren();
  const root = mount(App, { target, props: { app } });
  app.ready.catch((e: unknown) => {
    void unmount(root);
    cannotOpen(e);
  });
  reportInterrupted(app);
  // Offline and updates (issue 8): production builds only; unit tests never load this module.
  if (import.meta.env.PROD) void import('./ui/pwa.ts').then((m) => m.registerServiceWorker(window, { toasts: app.toasts, t: app.i18n.t }));
}, cannotOpen);
