/** Encrypted backup, remove everything, a wrong passphrase, then restore. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openApp } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

test('backup, clear, wrong passphrase, restore', async () => {
  const { page, errors, context } = await openApp(browser, inject('baseURL'));
  await page.getByTestId('add-demo').click();
  const cards = page.getByTestId('badge-list').locator(':scope > li');
  await expect.poll(() => cards.count()).toBe(8);

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('backup-pass').fill('correct horse battery');
  await page.getByTestId('backup-pass2').fill('correct horse battery');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup').click()]);
  const backup = readFileSync((await download.path()) ?? '');
  expect(backup.length).toBeGreaterThan(1000);
  expect(backup.includes(Buffer.from('Python'))).toBe(false); // encrypted

  await page.getByTestId('clear').click();
  await page.getByTestId('clear-yes').click();
  await page.getByRole('status').filter({ hasText: '8 badges removed' }).first().waitFor();
  await page.goto(new URL('#/', inject('baseURL')).href);
  await page.getByTestId('add-demo').waitFor();

  await page.goto(new URL('#/settings', inject('baseURL')).href);
  const file = { name: 'wallet.tsumiki', mimeType: 'application/octet-stream', buffer: backup };
  await page.getByTestId('restore-file').setInputFiles(file);
  await page.getByTestId('restore-pass').fill('wrong passphrase');
  await page.getByTestId('restore').click();
  await expect.poll(() => page.getByTestId('restore-message').textContent(), { timeout: 15_000 }).toBe('Wrong passphrase');

  await page.getByTestId('restore-file').setInputFiles({ ...file, buffer: Buffer.concat([backup.subarray(0, 200), Buffer.alloc(50)]) });
  await page.getByTestId('restore-pass').fill('correct horse battery');
  await page.getByTestId('restore').click();
  await expect.poll(() => page.getByTestId('restore-message').textContent(), { timeout: 15_000 }).toBe('The backup file is damaged');

  await page.getByTestId('restore-file').setInputFiles(file);
  await page.getByTestId('restore-replace').check();
  await page.getByTestId('restore').click();
  await expect.poll(() => page.getByTestId('restore-message').textContent(), { timeout: 15_000 }).toContain('8 added');
  await page.goto(new URL('#/', inject('baseURL')).href);
  await expect.poll(() => cards.count()).toBe(8);
  expect(errors).toEqual([]);
  await context.close();
});
