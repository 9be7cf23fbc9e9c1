/**
 * The service worker, registered after the first paint by main.ts in production builds only (never
 * under the dev server, and never in unit tests: they do not load main.ts or this module).
 *
 * Updates are the learner's choice (`registerType: 'prompt'`): when a new version has installed and
 * is waiting, a toast says so and offers Reload; the waiting worker is then asked to take over, and
 * the page reloads once it controls the page — never in the middle of an import unasked.
 */
import type { MessageKey } from './i18n/en.ts';
import type { Toasts } from './state/Toasts.svelte.ts';

/** The part of workbox-window's `Workbox` used here (tests pass a fake). */
export interface UpdateSource {
  addEventListener(type: 'waiting' | 'controlling', listener: () => void): void;
  messageSkipWaiting(): void;
}

export interface UpdateUi {
  readonly toasts: Toasts;
  readonly t: (key: MessageKey) => string;
  readonly reload: () => void;
}

/** A day: the update toast stays until acted on or dismissed. */
const STAYS_MS = 24 * 60 * 60 * 1000;

/** Shows "A new version is ready — reload" whenever a new worker waits; Reload activates it. */
export function offerUpdates(wb: UpdateSource, ui: UpdateUi): void {
  let shown: number | undefined;
  let reloading = false;
  wb.addEventListener('controlling', () => {
    if (reloading) ui.reload();
  });
  wb.addEventListener('waiting', () => {
    if (shown !== undefined) ui.toasts.dismiss(shown);
    shown = ui.toasts.show(
      ui.t('pwa.updateReady'),
      'info',
      {
        label: ui.t('pwa.reload'),
        run: () => {
          reloading = true;
          wb.messageSkipWaiting();
        },
      },
      STAYS_MS,
    );
  });
}

/** Registers `sw.js` (next to index.html) and wires the update prompt. Errors are non-fatal. */
export async function registerServiceWorker(win: Window, ui: Omit<UpdateUi, 'reload'>): Promise<void> {
  if (!('serviceWorker' in win.navigator)) return;
  const { Workbox } = await import('workbox-window');
  const wb = new Workbox(new URL('sw.js', win.document.baseURI).href);
  offerUpdates(wb, { ...ui, reload: () => win.location.reload() });
  await wb.register().catch(() => undefined);
}
