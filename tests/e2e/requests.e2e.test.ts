/**
 * Nothing leaves the device unasked (issue 8): every request of the main flows — load, demo badges,
 * import, browse, badge page, settings, backup — from the page, its workers and the service worker
 * goes to the app's own origin. And the built JavaScript never evaluates strings (the CSP has no
 * 'unsafe-eval'), so no dependency path can need it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { chooseFiles, fixture, importDone, launch } from './browser.ts';
import { foreign, recordRequests, waitForServiceWorker } from './pwa-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

test('the main flows request nothing but the app’s own files', async () => {
  const base = inject('baseURL');
  const origin = new URL(base).origin;
  // The context records from its very first request: the first load, the worker, its precache.
  const context = await browser.newContext({ acceptDownloads: true, locale: 'en-GB', serviceWorkers: 'allow' });
  const requests = recordRequests(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(base);
  await page.locator('header nav').waitFor();
  await waitForServiceWorker(page); // its install (the precache) is recorded too

  await page.getByTestId('add-demo').click();
  const cards = page.getByTestId('badge-list').locator(':scope > li');
  await expect.poll(() => cards.count(), { timeout: 20_000 }).toBe(8);

  // Import files whose contents point elsewhere: an OB 2.0 badge with hosted URLs, a remote image.
  await chooseFiles(page, [
    { name: 'basic-assertion.json', mimeType: 'application/json', buffer: fixture('ob2/1edtech-validator/basic-assertion.json') },
    { name: 'complete.json', mimeType: 'application/json', buffer: fixture('ob3/1edtech-validator/complete.json') },
    { name: 'simple.jwt', mimeType: 'application/jwt', buffer: fixture('ob2/1edtech-validator/simple.jwt') },
  ]);
  await importDone(page, 3);

  await page.goto(new URL('#/', base).href);
  await page.getByTestId('search').fill('a');
  await page.getByTestId('search').fill('');
  for (let i = 0; i < 3; i++) {
    await cards.nth(i).locator('a').click();
    await page.getByTestId('verification').waitFor();
    await page.getByTestId('reverify').click(); // offline re-check: still no request
    await page.goBack();
    await cards.first().waitFor();
  }

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('backup-pass').fill('correct horse battery');
  await page.getByTestId('backup-pass2').fill('correct horse battery');
  await Promise.all([page.waitForEvent('download'), page.getByTestId('backup').click()]);
  await page.reload();
  await page.locator('header nav').waitFor();

  expect(requests.length).toBeGreaterThan(10);
  expect(requests.some((u) => u.endsWith('/sw.js'))).toBe(true);
  expect(requests.some((u) => u.endsWith('/icons/maskable-512.png'))).toBe(true); // fetched by the service worker alone (its precache)
  expect(foreign(requests, origin)).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

test('the built JavaScript never evaluates strings (no eval, no Function constructor)', () => {
  const dir = join(inject('outDir'), 'assets');
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
  expect(files.length).toBeGreaterThan(5);
  const found: string[] = [];
  for (const f of [...files.map((x) => join(dir, x)), join(inject('outDir'), 'sw.js')]) {
    const code = readFileSync(f, 'utf8');
    for (const m of code.matchAll(/(?<![\w$.])(?:new\s+Function|Function|eval)\s*\(/g)) found.push(`${f}: …${code.slice(Math.max(0, m.index - 40), m.index + 40)}…`);
    for (const m of code.matchAll(/set(?:Timeout|Interval)\(\s*["'`]/g)) found.push(`${f}: string timer …${code.slice(m.index, m.index + 40)}…`);
  }
  expect(found).toEqual([]);
});
