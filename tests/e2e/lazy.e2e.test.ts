/** The first paint carries no verifier: the JSON-LD/crypto chunk loads on the first import only. */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { demoFile, importDone, launch, openApp } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Budget for the first-paint JavaScript (entry + modulepreloads), gzipped: Svelte and the shell.
 * Dexie loads after the first paint (issue 8: the wallet list paints from a raw IndexedDB read).
 */
const INITIAL_JS_BUDGET = 60_000;

test('first-paint JavaScript stays within budget', () => {
  expect(inject('initialJsGzip')).toBeGreaterThan(10_000);
  expect(inject('initialJsGzip')).toBeLessThan(INITIAL_JS_BUDGET);
});

test('the verifier chunk is fetched on the first import, not before', async () => {
  const { page, context, errors } = await openApp(browser, inject('baseURL'));
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await page.reload();
  await page.getByTestId('add-demo').waitFor();
  await page.goto(new URL('#/settings', inject('baseURL')).href);
  await page.getByTestId('lang-en').waitFor();
  expect(scripts.filter((s) => /\/core-[\w-]+\.js$/.test(s))).toEqual([]);

  await page.goto(new URL('#/import', inject('baseURL')).href);
  await page.getByTestId('file-input').setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: demoFile('04-sdgs.json') });
  await importDone(page, 1);
  expect(scripts.filter((s) => /\/core-[\w-]+\.js$/.test(s))).toHaveLength(1);
  expect(errors).toEqual([]);
  await context.close();
});
