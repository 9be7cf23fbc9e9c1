/**
 * Helpers for the issue-8 browser tests: the service worker, the wallet's raw rows, which optional
 * screens this build has, and every request a context makes (pages and service worker alike).
 */
import type { BrowserContext, Page } from 'playwright-core';

/** Waits until a service worker is active and controls the page (it precaches during install). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((resolve) => navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true }));
    }
    if (reg.active?.state !== 'activated') {
      await new Promise<void>((resolve) => reg.active?.addEventListener('statechange', () => reg.active?.state === 'activated' && resolve()));
    }
  });
}

export interface Rows {
  readonly badges: string[];
  readonly originals: string[];
}

/** The ids in the wallet's badges and originals stores, read raw (no app code involved). */
export function walletRows(page: Page): Promise<Rows> {
  return page.evaluate(
    () =>
      new Promise<Rows>((resolve, reject) => {
        const req = indexedDB.open('tsumiki-wallet');
        let absent = false;
        req.onupgradeneeded = () => {
          absent = true; // no wallet yet: create nothing
          req.transaction?.abort();
        };
        req.onerror = () => (absent ? resolve({ badges: [], originals: [] }) : reject(req.error));
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['badges', 'originals'], 'readonly');
          const b = tx.objectStore('badges').getAllKeys();
          const o = tx.objectStore('originals').getAllKeys();
          tx.oncomplete = () => {
            db.close();
            resolve({ badges: (b.result as string[]).sort(), originals: (o.result as string[]).sort() }); // why: the wallet's keys are strings
          };
        };
      }),
  );
}

/** Whether this build routes `hash` to a screen (not the "Page not found" one). English UI. */
export async function hasRoute(page: Page, hash: string): Promise<boolean> {
  await page.goto(new URL(hash, page.url()).href);
  await page.locator('main h1, main h2, main [aria-busy]').first().waitFor();
  await page.waitForTimeout(100);
  return (await page.locator('main h1', { hasText: 'Page not found' }).count()) === 0;
}

/** Every URL requested in the context — by pages, workers and the service worker — from now on. */
export function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on('request', (r) => urls.push(r.url()));
  return urls;
}

/** Requests that left the app's origin (data: and blob: URLs stay in the page). */
export function foreign(urls: readonly string[], origin: string): string[] {
  return urls.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin);
}

/** A loaded <img> drawn to PNG bytes in the page (no fetch: the CSP's connect-src stays untouched). */
export async function imagePngs(page: Page, selector: string): Promise<Buffer[]> {
  const b64 = await page.locator(selector).evaluateAll((imgs) =>
    [...new Set(imgs as HTMLImageElement[])].map((img) => { // why: callers select <img> elements
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      canvas.getContext('2d')?.drawImage(img, 0, 0);
      return canvas.toDataURL('image/png').split(',')[1] ?? '';
    }),
  );
  return b64.map((s) => Buffer.from(s, 'base64'));
}
