/**
 * The update prompt (issue 8), end to end: a new service worker is published while the app is open;
 * it installs and waits — the app keeps running the old version — and a toast says "A new version is
 * ready — reload". Reload activates it and reloads the page once, now controlled by the new worker.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openApp } from './browser.ts';
import { waitForServiceWorker } from './pwa-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

test('a waiting new version is offered, and taken only when the learner chooses Reload', async () => {
  const sw = join(inject('outDir'), 'sw.js');
  const original = readFileSync(sw, 'utf8');
  const { page, context, errors } = await openApp(browser, inject('baseURL'), '#/', { serviceWorkers: 'allow' });
  try {
    await waitForServiceWorker(page);
    const firstScript = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
    await page.evaluate(() => ((window as unknown as { __before?: boolean }).__before = true)); // why: a marker a reload clears

    // Publish a new version (same precache, different worker bytes) and let the browser find it.
    writeFileSync(sw, `${original}\n// next version ${Date.now()}\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const toast = page.getByRole('status').filter({ hasText: 'A new version is ready — reload' });
    await toast.waitFor({ timeout: 20_000 });
    // Until the learner chooses, the old worker stays in charge and the page is not reloaded.
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __before?: boolean }).__before)).toBe(true); // why: the marker set above
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state)).toBe('installed');

    await Promise.all([page.waitForEvent('load', { timeout: 20_000 }), toast.getByRole('button', { name: 'Reload' }).click()]);
    await page.locator('header nav').waitFor();
    expect(await page.evaluate(() => (window as unknown as { __before?: boolean }).__before)).toBeUndefined(); // why: the marker set above
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(firstScript);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
    expect(errors).toEqual([]);
  } finally {
    writeFileSync(sw, original);
    await context.close();
  }
});
