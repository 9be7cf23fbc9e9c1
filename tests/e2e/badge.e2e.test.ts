/** The badge page: report, issuer claim, re-check, tags, original file, delete and undo. */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chooseFiles, demoFile, fixture, importDone, launch, openApp } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function openFromResults(page: Page, title: RegExp): Promise<void> {
  await page.getByTestId('import-results').getByRole('link', { name: title }).click();
  await page.getByTestId('verification').waitFor();
}

const checkOutcome = (page: Page, id: string) => page.getByTestId('verification').locator(`[data-check="${id}"]`).getAttribute('data-outcome');

test('an expired demo badge: every check listed, the failing one explained; the issuer is bound', async () => {
  const { page, errors, context } = await openApp(browser, inject('baseURL'));
  await chooseFiles(page, [{ name: 'ps.json', mimeType: 'application/json', buffer: demoFile('05-patient-safety.json') }]);
  await importDone(page, 1);
  await openFromResults(page, /Patient Safety/);
  const report = page.getByTestId('verification');
  await expect.poll(() => report.locator('[data-check]').count()).toBe(8);
  expect(await checkOutcome(page, 'validity-period')).toBe('failed');
  expect(await report.locator('[data-check="validity-period"]').textContent()).toContain('Expired');
  expect(await checkOutcome(page, 'proof')).toBe('passed');
  // The name stays a claim; what the bound key establishes is said apart from it (issue 8).
  expect(await page.locator('.claim').textContent()).toContain('a claim, not verified');
  expect(await page.getByTestId('issuer').getAttribute('data-authority')).not.toBe('none');
  // Bound to a bare did:key on no trust list (issue 12): nobody vouches for it, and the headline says
  // it expired, not that it was forged.
  expect(await page.getByTestId('issuer-authority').textContent()).toMatch(/^Signed with a key that has no name or domain behind it, and nobody you trust vouches for it/);
  expect(await page.getByTestId('headline').getAttribute('data-headline')).toBe('EXPIRED');
  expect(await page.getByTestId('headline-detail').textContent()).toMatch(/^Expired on /);
  expect(await page.getByTestId('criteria').textContent()).toContain('学修成果：');
  // Line breaks are kept as text, not markup.
  expect(await page.getByTestId('criteria').evaluate((el) => el.children.length)).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});

test('an unbound issuer is shown as a claim; re-check offline; online asks first', async () => {
  const { page, errors, context } = await openApp(browser, inject('baseURL'));
  await chooseFiles(page, [{ name: 'simple-json.png', mimeType: 'image/png', buffer: fixture('ob3/1edtech-validator/simple-json.png') }]);
  await importDone(page, 1);
  await page.getByTestId('import-results').getByRole('link').first().click();
  await page.getByTestId('verification').waitFor();
  expect(await page.locator('.claim').textContent()).toContain('not verified');
  expect(await checkOutcome(page, 'issuer-key')).toBe('not-checked');

  await page.getByTestId('reverify').click();
  await page.getByRole('status').filter({ hasText: 'Checked again' }).first().waitFor();

  await page.getByRole('button', { name: 'Check online…', exact: true }).click();
  const confirm = page.getByRole('alertdialog');
  expect(await confirm.textContent()).toContain('issuer’s servers');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  expect(await page.getByRole('alertdialog').count()).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});

test('tags, note, original JSON and download; delete with undo', async () => {
  const { page, errors, context } = await openApp(browser, inject('baseURL'));
  const original = demoFile('02-python-basics.json');
  await chooseFiles(page, [
    { name: 'py.json', mimeType: 'application/json', buffer: original },
    { name: 'sdgs.json', mimeType: 'application/json', buffer: demoFile('04-sdgs.json') },
  ]);
  await importDone(page, 2);
  await openFromResults(page, /Python/);

  await page.getByTestId('tags').fill('cv, 2025');
  await page.getByTestId('tags').press('Enter');
  await page.getByRole('status').filter({ hasText: 'Saved' }).first().waitFor();
  await page.getByLabel('Private note').fill('Show this to the internship office.');
  await page.getByLabel('Private note').locator('xpath=..').getByRole('button', { name: 'Save' }).click();

  await page.getByText('View the credential JSON').click();
  expect(await page.getByTestId('json').textContent()).toContain('"credentialSubject"');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  const { readFileSync } = await import('node:fs');
  expect(readFileSync((await download.path()) ?? '')).toEqual(original);

  const badgeUrl = page.url();
  await page.getByTestId('delete').click();
  const cards = page.getByTestId('badge-list').locator(':scope > li');
  await expect.poll(() => cards.count()).toBe(1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => cards.count()).toBe(2);

  await page.goto(badgeUrl);
  await page.getByTestId('verification').waitFor();
  expect(await page.getByTestId('tags').inputValue()).toBe('cv, 2025');
  expect(await page.getByLabel('Private note').inputValue()).toBe('Show this to the internship office.');
  await page.goto(new URL('#/', inject('baseURL')).href);
  await page.getByLabel('Tag').selectOption('cv');
  await expect.poll(() => cards.count()).toBe(1);
  expect(errors).toEqual([]);
  await context.close();
});
