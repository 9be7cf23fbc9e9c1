/**
 * Never lose a learner's data (issue 8), in the browser: a page closed in the middle of importing
 * many files leaves only whole badges and says so on the next start; a full disk refuses the
 * import with a clear message and changes nothing; a damaged backup, or a disk that fills during a
 * restore, leaves the wallet exactly as it was.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chooseFiles, demoFile, importDone, launch, openApp } from './browser.ts';
import { walletRows } from './pwa-helpers.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** `n` distinct, readable (unsigned) credentials: each is stored, with a report saying it has no proof. */
function manyFiles(n: number) {
  return Array.from({ length: n }, (_, i) => ({
    name: `badge-${i}.json`,
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
        id: `urn:uuid:00000000-0000-4000-8000-${i.toString().padStart(12, '0')}`,
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        name: `Badge ${i}`,
        issuer: { id: 'https://issuer.example', type: ['Profile'], name: 'Issuer' },
        validFrom: '2025-01-01T00:00:00Z',
        credentialSubject: { type: ['AchievementSubject'], achievement: { id: `urn:uuid:a-${i}`, type: ['Achievement'], name: `Badge ${i}`, criteria: { narrative: 'n' } } },
      }),
    ),
  }));
}

/** Makes every IndexedDB write in the page fail as a full disk does (QuotaExceededError). */
function fillTheDisk(page: Page, full: boolean): Promise<void> {
  return page.evaluate((on) => {
    const proto = IDBObjectStore.prototype as IDBObjectStore & { __put?: typeof IDBObjectStore.prototype.put; __add?: typeof IDBObjectStore.prototype.add }; // why: the originals are kept on the prototype to restore them
    proto.__put ??= proto.put;
    proto.__add ??= proto.add;
    const fail = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    proto.put = on ? fail : proto.__put;
    proto.add = on ? fail : proto.__add;
  }, full);
}

test('a page closed mid-import leaves only whole badges, and the next start says what happened', async () => {
  const { page, context, errors } = await openApp(browser, inject('baseURL'));
  const total = 400;
  await chooseFiles(page, manyFiles(total));
  const progress = page.getByTestId('progress');
  await expect.poll(async () => Number((await progress.getAttribute('value')) ?? 0), { timeout: 30_000 }).toBeGreaterThanOrEqual(15);
  await page.close({ runBeforeUnload: false });

  const again = await context.newPage();
  await again.goto(inject('baseURL'));
  await again.locator('header nav').waitFor();
  const rows = await walletRows(again);
  expect(rows.badges.length).toBeGreaterThanOrEqual(15);
  expect(rows.badges.length).toBeLessThan(total); // it really was interrupted
  expect(rows.originals).toEqual(rows.badges); // every badge has its bytes; no bytes without a badge
  await again.getByRole('status').filter({ hasText: 'The last import stopped before it finished' }).waitFor();
  expect(await again.getByRole('status').textContent()).toMatch(new RegExp(`\\d+ of ${total} files were handled`));
  // The list shows exactly the rows there are, and importing the same files again completes the set.
  await expect.poll(() => again.getByTestId('badge-list').locator(':scope > li').count()).toBe(Math.min(rows.badges.length, 48));
  await chooseFiles(again, manyFiles(total).slice(0, 30));
  await importDone(again, 30);
  expect((await walletRows(again)).badges.length).toBe(Math.max(rows.badges.length, 30));
  expect(errors).toEqual([]);
  await context.close();
});

test('a full disk: the import is refused with a clear message and the wallet is unchanged; it works once there is room', async () => {
  const { page, context, errors } = await openApp(browser, inject('baseURL'));
  await chooseFiles(page, [{ name: 'first.json', mimeType: 'application/json', buffer: demoFile('02-python-basics.json') }]);
  await importDone(page, 1);
  const before = await walletRows(page);

  await fillTheDisk(page, true);
  await page.getByTestId('file-input').setInputFiles([{ name: 'second.json', mimeType: 'application/json', buffer: demoFile('04-sdgs.json') }]);
  await importDone(page, 2);
  const row = page.getByTestId('import-results').locator(':scope > li').first();
  expect(await row.locator('[data-error]').getAttribute('data-error')).toBe('STORE_QUOTA');
  expect(await row.textContent()).toContain('The device storage is full');
  expect(await walletRows(page)).toEqual(before);

  await fillTheDisk(page, false);
  await page.getByTestId('file-input').setInputFiles([{ name: 'second.json', mimeType: 'application/json', buffer: demoFile('04-sdgs.json') }]);
  await importDone(page, 3);
  expect((await walletRows(page)).badges).toHaveLength(before.badges.length + 1);
  expect(errors).toEqual([]);
  await context.close();
});

test('a damaged backup, and a disk that fills during a restore, leave the wallet exactly as it was', async () => {
  const { page, context, errors } = await openApp(browser, inject('baseURL'));
  await page.getByTestId('add-demo').click();
  await expect.poll(() => page.getByTestId('badge-list').locator(':scope > li').count(), { timeout: 20_000 }).toBe(8);
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('backup-pass').fill('correct horse battery');
  await page.getByTestId('backup-pass2').fill('correct horse battery');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup').click()]);
  const backup = readFileSync((await download.path()) ?? '');
  // The wallet moves on after the backup: one badge deleted, so a replace would visibly change it.
  await page.goto(new URL('#/', inject('baseURL')).href);
  await page.getByTestId('badge-list').locator('a').first().click();
  await page.getByTestId('delete').click();
  await expect.poll(() => page.getByTestId('badge-list').locator(':scope > li').count()).toBe(7);
  const before = await walletRows(page);

  const damaged = Buffer.from(backup);
  const at = Math.floor(damaged.length * 0.6);
  damaged.writeUInt8(damaged.readUInt8(at) ^ 0x5a, at);
  const restore = async (buffer: Buffer, expected: string) => {
    // A fresh settings screen each time, so the message seen is this restore's.
    await page.goto(new URL('#/', inject('baseURL')).href);
    await page.goto(new URL('#/settings', inject('baseURL')).href);
    await page.getByTestId('restore-file').setInputFiles({ name: 'wallet.tsumiki', mimeType: 'application/octet-stream', buffer });
    await page.getByTestId('restore-pass').fill('correct horse battery');
    await page.getByTestId('restore-replace').check();
    await page.getByTestId('restore').click();
    await expect.poll(() => page.getByTestId('restore-message').textContent(), { timeout: 20_000 }).toContain(expected);
  };
  await restore(damaged, 'The backup file is damaged');
  expect(await walletRows(page)).toEqual(before);
  await restore(backup.subarray(0, backup.length - 100), 'The backup file is damaged');
  expect(await walletRows(page)).toEqual(before);

  await fillTheDisk(page, true);
  await restore(backup, 'The device storage is full');
  await fillTheDisk(page, false);
  expect(await walletRows(page)).toEqual(before);
  expect(errors).toEqual([]);
  await context.close();
});
