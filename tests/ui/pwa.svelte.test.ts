/** The update prompt (issue 8): a waiting service worker → a toast; Reload activates it, then reloads once. */
import { expect, test } from 'vitest';
import { offerUpdates, type UpdateSource } from '../../src/ui/pwa.ts';
import { Toasts } from '../../src/ui/state/Toasts.svelte.ts';
import { en } from '../../src/ui/i18n/en.ts';

class FakeWorkbox implements UpdateSource {
  readonly listeners = new Map<string, (() => void)[]>();
  skipWaiting = 0;
  addEventListener(type: 'waiting' | 'controlling', listener: () => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  messageSkipWaiting(): void {
    this.skipWaiting++;
  }
  fire(type: 'waiting' | 'controlling'): void {
    for (const l of this.listeners.get(type) ?? []) l();
  }
}

test('a waiting worker shows one lasting toast; Reload asks it to take over and reloads when it controls', async () => {
  const wb = new FakeWorkbox();
  const toasts = new Toasts();
  let reloads = 0;
  offerUpdates(wb, { toasts, t: (k) => en[k], reload: () => reloads++ });

  wb.fire('controlling'); // the first install claiming the page: no reload
  expect(reloads).toBe(0);
  expect(toasts.list).toEqual([]);

  wb.fire('waiting');
  wb.fire('waiting'); // a second notice replaces the first
  expect(toasts.list).toHaveLength(1);
  const [toast] = toasts.list;
  expect(toast?.text).toBe('A new version is ready — reload');
  expect(toast?.action?.label).toBe('Reload');

  await toasts.act(toast!);
  expect(wb.skipWaiting).toBe(1);
  expect(reloads).toBe(0);
  wb.fire('controlling');
  expect(reloads).toBe(1);
  expect(toasts.list).toEqual([]);
});

test('dismissing the toast keeps the current version running', () => {
  const wb = new FakeWorkbox();
  const toasts = new Toasts();
  let reloads = 0;
  offerUpdates(wb, { toasts, t: (k) => en[k], reload: () => reloads++ });
  wb.fire('waiting');
  toasts.dismiss(toasts.list[0]!.id);
  wb.fire('controlling');
  expect(wb.skipWaiting).toBe(0);
  expect(reloads).toBe(0);
});
