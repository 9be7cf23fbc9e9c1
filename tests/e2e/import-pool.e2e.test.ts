/**
 * Issue 15: a large import is verified in a pool of workers (at least two) and written in batches,
 * and the page keeps answering while it runs: a click on the navigation shows another screen
 * before the import has finished. Not timed (speed is `wallet.import1000_ms` in `npm run bench`);
 * every badge must still come out with its own verdict, in input order.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { isTampered, signedBadges } from '../bench/wallet.ts';
import { importDone, launch, openApp, resultMarks } from './browser.ts';

const COUNT = 300;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The import journal the app keeps in localStorage while an import runs (none once it is over). */
const JOURNAL = `JSON.parse(localStorage.getItem('tsumiki.import') ?? 'null')`;

test('300 badges: verified in a pool of workers, the page answers a click mid-import, every verdict right', { timeout: 300_000 }, async () => {
  const files = await signedBadges(COUNT, isTampered);
  const { page, errors, cspViolations, context } = await openApp(browser, inject('baseURL'), '#/import');
  await page.getByTestId('file-input').waitFor({ state: 'attached' });
  await page.getByTestId('file-input').setInputFiles(files);

  // Mid-import (some files written, not all), the navigation still answers.
  await expect.poll(async () => (await page.evaluate<{ done: number } | null>(JOURNAL))?.done ?? 0, { timeout: 120_000, interval: 20 }).toBeGreaterThan(0);
  await page.getByTestId('nav-settings').click();
  await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
  const journal = await page.evaluate<{ done: number; total: number } | null>(JOURNAL);
  expect(journal, 'the import had already finished when the click was answered: not a test of responsiveness').not.toBeNull();
  expect(journal?.done).toBeLessThan(COUNT);

  // Several verify workers ran side by side (the pool: one per core, at least two).
  expect(page.workers().filter((w) => w.url().includes('verify-worker')).length).toBeGreaterThanOrEqual(2);

  await page.getByTestId('nav-import').click();
  expect(await importDone(page, COUNT)).toMatch(new RegExp(`${COUNT} added, 0 already in your wallet, 0 not added`));
  // Newest first: row k is file COUNT-1-k. No trust list: intact badges are incomplete, changed ones failed.
  const marks = await resultMarks(page);
  expect(marks).toEqual(Array.from({ length: COUNT }, (_, k) => (isTampered(COUNT - 1 - k) ? 'added:failed' : 'added:incomplete')));
  const names = await page.getByTestId('import-results').locator(':scope > li .name').allTextContents();
  expect(names).toEqual(files.map((f) => f.name).reverse());
  expect(errors).toEqual([]);
  expect(cspViolations).toEqual([]);
  await context.close();
});
