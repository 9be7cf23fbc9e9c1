/** Import through the real file chooser, by drag-and-drop, by paste and by deep link; reload keeps it all. */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { encodeDataParam } from '../../src/lib/wallet/deeplink.ts';
import { chooseFiles, demoFile, fixture, importDone, launch, openApp, resultMarks } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

test('each kind of file through the file chooser, a duplicate, then reload', async () => {
  const { page, errors, cspViolations, context } = await openApp(browser, inject('baseURL'));
  await chooseFiles(page, [
    { name: 'v2NoStatus.json', mimeType: 'application/json', buffer: fixture('ob3/dcc-verifier-core/v2NoStatus.json') },
    { name: 'simple-json.png', mimeType: 'image/png', buffer: fixture('ob3/1edtech-validator/simple-json.png') },
    { name: 'simple.jwt', mimeType: 'application/jwt', buffer: fixture('ob2/1edtech-validator/simple.jwt') },
    { name: 'simple-jwt_v1.svg', mimeType: 'image/svg+xml', buffer: fixture('ob3/1edtech-validator/simple-jwt_v1.svg') },
    { name: 'ai-ethics.jwt', mimeType: 'application/jwt', buffer: demoFile('06-ai-ethics.jwt') },
    { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('just some notes') },
  ]);
  const summary = await importDone(page, 6);
  expect(summary).toMatch(/5 added, 0 already in your wallet, 1 not added/);
  // Newest first. No trust list is enabled, so nobody vouches for any issuer: intact badges are
  // incomplete, their headline "issuer not confirmed" (issue 12), never verified.
  expect(await resultMarks(page)).toEqual([
    'error:FORMAT_UNRECOGNIZED',
    'added:incomplete',
    'added:incomplete',
    'added:incomplete',
    'added:incomplete',
    'added:incomplete',
  ]);
  const headlines = await page.getByTestId('import-results').locator('[data-headline]').evaluateAll((els) => els.map((e) => e.getAttribute('data-headline')));
  expect(headlines[0]).toBe('UNKNOWN_ISSUER'); // the demo JWT: intact, its issuer on no list
  expect(headlines[4]).toBe('UNKNOWN_ISSUER'); // the DCC fixture
  expect(headlines).not.toContain('GENUINE');

  await page.getByTestId('file-input').setInputFiles([{ name: 'again.json', mimeType: 'application/json', buffer: fixture('ob3/dcc-verifier-core/v2NoStatus.json') }]);
  await importDone(page, 7);
  expect((await resultMarks(page))[0]).toBe('duplicate:incomplete');

  await page.reload();
  await page.goto(new URL('#/', inject('baseURL')).href);
  await expect.poll(() => page.getByTestId('badge-list').locator(':scope > li').count()).toBe(5);
  // The baked PNG and SVG (images follow the first paint: they are read once the wallet is open).
  await expect.poll(() => page.locator('img[src^="blob:"]').count()).toBeGreaterThanOrEqual(2);
  expect(errors).toEqual([]);
  expect(cspViolations).toEqual([]);
  await context.close();
});

test('drag-and-drop onto the drop zone, and paste', async () => {
  const { page, errors, context } = await openApp(browser, inject('baseURL'), '#/import');
  await page.getByTestId('drop-zone').waitFor();
  const files = [
    { name: 'data-literacy.png', type: 'image/png', b64: demoFile('01-data-literacy.png').toString('base64') },
    { name: 'pm.svg', type: 'image/svg+xml', b64: demoFile('08-project-management.svg').toString('base64') },
  ];
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
    const zone = document.querySelector('[data-testid="drop-zone"]');
    if (!zone) throw new Error('no drop zone');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
  await importDone(page, 2);
  // Demo files on their own: the demo trust list comes only with "Add demo badges" (issue 12).
  expect(await resultMarks(page)).toEqual(['added:incomplete', 'added:incomplete']);

  await page.getByTestId('paste').fill(demoFile('02-python-basics.json').toString('utf8'));
  await page.getByRole('button', { name: 'Add pasted badge' }).click();
  await importDone(page, 3);
  expect((await resultMarks(page))[0]).toBe('added:incomplete');
  expect(errors).toEqual([]);
  await context.close();
});

test('deep links: data= asks first, then adds; url= asks first and explains a refused fetch', async () => {
  const data = encodeDataParam(fixture('ob3/dcc-verifier-core/v2NoStatus.json'));
  const { page, errors, context } = await openApp(browser, inject('baseURL'), `#/import?data=${data}`);
  await page.getByRole('alertdialog').getByRole('button', { name: 'Add it' }).click();
  await importDone(page, 1);
  expect(await resultMarks(page)).toEqual(['added:incomplete']);
  expect(page.url()).not.toContain('data=');

  await page.goto(new URL('#/import?url=https%3A%2F%2Fbadges.example.invalid%2Fb%2F1', inject('baseURL')).href);
  const confirm = page.getByRole('alertdialog');
  await expect.poll(() => confirm.textContent()).toContain('badges.example.invalid');
  await confirm.getByRole('button', { name: 'Yes, fetch it' }).click();
  await importDone(page, 2);
  expect((await resultMarks(page))[0]).toBe('error:URL_FETCH_FAILED');
  await expect.poll(() => page.getByTestId('import-results').textContent()).toContain('CORS');
  expect(errors.filter((e) => !/ERR_NAME_NOT_RESOLVED|Failed to load resource/.test(e))).toEqual([]);
  await context.close();
});

test('the demo set from the empty wallet: eight badges with their demo trust list, seven genuine and one expired', async () => {
  const { page, errors, context } = await openApp(browser, inject('baseURL'));
  await page.getByTestId('add-demo').click();
  const cards = page.getByTestId('badge-list').locator(':scope > li');
  await expect.poll(() => cards.count(), { timeout: 20_000 }).toBe(8);
  const verdicts = await cards.locator('[data-verdict]').evaluateAll((els) => els.map((e) => e.getAttribute('data-verdict')));
  expect(verdicts.filter((v) => v === 'verified')).toHaveLength(7);
  expect(verdicts.filter((v) => v === 'failed')).toHaveLength(1);
  const headlines = await cards.locator('[data-headline]').evaluateAll((els) => els.map((e) => e.getAttribute('data-headline')));
  expect(headlines.filter((h) => h === 'GENUINE')).toHaveLength(7);
  expect(headlines.filter((h) => h === 'EXPIRED')).toHaveLength(1);
  // The demo list is named as a demo wherever it is named.
  await cards.first().locator('a').click();
  await expect.poll(() => page.getByTestId('headline-detail').textContent()).toContain('(demo list — not a real authority)');
  await page.goto(new URL('#/settings', inject('baseURL')).href);
  await expect.poll(() => page.getByTestId('trust-list').getAttribute('data-kind')).toBe('demo');
  expect(await page.getByTestId('trust-list').textContent()).toContain('Demo list — not a real authority');
  await page.goto(new URL('#/', inject('baseURL')).href);
  await page.getByTestId('search').fill('防災');
  await expect.poll(() => cards.count()).toBe(1);
  await page.getByTestId('search').fill('');
  await page.getByLabel('Validity').selectOption('expired');
  await expect.poll(() => cards.count()).toBe(1);
  expect(errors).toEqual([]);
  await context.close();
});
