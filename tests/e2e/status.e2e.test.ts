/**
 * "Status as of <date>" (issue 8): a badge with a status list says its status is unchecked until the
 * learner refreshes online — which asks first — then shows the date of the fetched list; offline
 * later, a re-check answers from the wallet's saved copy and says so, with the same date.
 * The status list host is served by the test (Playwright routing); nothing reaches a real network.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { generateDidKey, hashedEmail, ob3Credential, signDi, statusListCredential } from '../support/issuer.ts';
import { chooseFiles, importDone, launch, openApp } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

test('status: not checked offline, refreshed online after a yes, then as of that date from the saved copy', async () => {
  const key = await generateDidKey('Ed25519');
  const list = 'https://status.tsumiki.test/lists/1';
  const unsigned = ob3Credential({ id: 'urn:uuid:5a7e0000-0000-4000-8000-000000000001', issuerId: key.did, status: { list, index: 3 }, identityHash: await hashedEmail('a@tsumiki.test', 'kombu') });
  const credential = await signDi(unsigned, 'eddsa-rdfc-2022', key.pair);
  const listDoc = await signDi(statusListCredential(list, key.did, [7]), 'eddsa-rdfc-2022', key.pair);

  const { page, context, errors } = await openApp(browser, inject('baseURL'));
  let served = 0;
  await context.route('https://status.tsumiki.test/**', (route) => {
    served++;
    return route.fulfill({ status: 200, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: JSON.stringify(listDoc) });
  });
  await chooseFiles(page, [{ name: 'with-status.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(credential)) }]);
  await importDone(page, 1);
  await page.getByTestId('import-results').getByRole('link').first().click();
  const status = page.locator('[data-as-of="status"]');
  await status.waitFor();
  expect(await status.textContent()).toContain('Status not checked yet');
  expect(served).toBe(0);

  // Refresh asks first; Cancel fetches nothing.
  await page.getByTestId('refresh-online').click();
  const confirm = page.getByRole('alertdialog');
  expect(await confirm.textContent()).toContain('issuer’s servers');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  expect(served).toBe(0);
  await page.getByTestId('refresh-online').click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Yes, check online' }).click();
  await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/^Status as of /);
  expect(served).toBeGreaterThanOrEqual(1);
  expect(await status.getAttribute('data-saved')).toBe('false');
  const fetchedAt = (await status.getAttribute('data-fetched-at')) ?? '';
  expect(Date.now() - Date.parse(fetchedAt)).toBeLessThan(60_000);
  expect(await page.getByTestId('verification').locator('[data-check="status"]').getAttribute('data-outcome')).toBe('passed');

  // Offline, a re-check answers from the saved copy: the same date, marked as such.
  await context.setOffline(true);
  const before = served;
  await page.getByTestId('reverify').click();
  await expect.poll(() => status.getAttribute('data-saved'), { timeout: 20_000 }).toBe('true');
  expect(await status.getAttribute('data-fetched-at')).toBe(fetchedAt);
  expect(await status.textContent()).toContain('saved copy');
  expect(served).toBe(before);
  expect(errors).toEqual([]);
  await context.close();
});
