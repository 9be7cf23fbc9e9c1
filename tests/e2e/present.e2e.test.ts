/**
 * Issue 14, presenting beyond QR: the badge page's "Download PDF certificate" makes a PDF on the
 * device (pdf-lib loaded only then, under the strict CSP) that carries the badge's file byte for
 * byte; importing that PDF, or opening it on the verify screen, gives the badge's own answer.
 * LinkedIn's "Add to profile" is not offered on a local origin.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { readPdfCredentials } from '../../src/lib/present/pdf.ts';
import { chooseFiles, demoFile, importDone, launch, openApp, resultMarks } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A name only pdf-lib and the PDF reader use: a script that carries it carries pdf-lib. */
const PDF_LIB_MARK = 'EmbeddedFiles';

test('Download PDF certificate: made on the device, lazily, carrying the badge; the PDF imports and verifies as the badge', async () => {
  const { page, errors, cspViolations, context } = await openApp(browser, inject('baseURL'));
  const withPdfLib: string[] = [];
  page.on('response', async (r) => {
    if (r.request().resourceType() !== 'script') return;
    const body = await r.text().catch(() => '');
    if (body.includes(PDF_LIB_MARK)) withPdfLib.push(new URL(r.url()).pathname);
  });
  const original = demoFile('03-academic-writing.json');
  await chooseFiles(page, [{ name: 'aw.json', mimeType: 'application/json', buffer: original }]);
  await importDone(page, 1);
  const [before] = await resultMarks(page);
  await page.getByTestId('import-results').getByRole('link', { name: /Academic Writing/ }).click();
  await page.getByTestId('verification').waitFor();
  const headline = await page.getByTestId('headline').getAttribute('data-headline');

  const button = page.getByTestId('download-pdf');
  await button.waitFor();
  expect(withPdfLib).toEqual([]);
  // Not on a public origin: no LinkedIn link (its verify link would lead nowhere).
  expect(await page.getByTestId('linkedin-add').count()).toBe(0);

  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toMatch(/Academic Writing in Japanese\.pdf$/);
  const pdf = new Uint8Array(readFileSync((await download.path()) ?? ''));
  expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
  const files = await readPdfCredentials(pdf);
  expect(files).toHaveLength(1);
  expect(Buffer.from(files[0]!.bytes).equals(original)).toBe(true);
  await expect.poll(() => withPdfLib.length).toBeGreaterThan(0);
  await page.getByRole('status').filter({ hasText: 'PDF certificate saved' }).first().waitFor();

  // The same wallet: the PDF is the same badge (a duplicate), not a new one.
  await chooseFiles(page, [{ name: 'certificate.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) }]);
  await importDone(page, 2);
  expect((await resultMarks(page))[0]).toBe(before?.replace(/^added:/, 'duplicate:'));

  // An employer's verify screen opens the PDF and checks the badge inside.
  await page.goto(new URL('#/verify', inject('baseURL')).href);
  await page.getByTestId('verify-file').setInputFiles({ name: 'certificate.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) });
  const row = page.getByTestId('received-row');
  await row.waitFor();
  expect(await row.getAttribute('data-verdict')).toBe(before?.split(':')[1]);
  expect(headline).not.toBeNull();

  expect(errors).toEqual([]);
  expect(cspViolations).toEqual([]);
  await context.close();
});

test('a damaged PDF is refused with its own words, and nothing is stored', async () => {
  const { page, errors, context } = await openApp(browser, inject('baseURL'));
  await chooseFiles(page, [{ name: 'broken.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\nnot a PDF at all\n%%EOF\n') }]);
  await importDone(page, 1);
  expect(await resultMarks(page)).toEqual(['error:PDF_MALFORMED']);
  expect(await page.getByTestId('import-results').textContent()).toContain('The PDF is damaged');
  expect(errors).toEqual([]);
  await context.close();
});

test('the share screen: the chosen badges as one PDF learning record carrying each badge, in order', async () => {
  const { page, errors, cspViolations, context } = await openApp(browser, inject('baseURL'));
  const files = [demoFile('04-sdgs.json'), demoFile('06-ai-ethics.jwt')];
  await chooseFiles(page, [
    { name: 'sdgs.json', mimeType: 'application/json', buffer: files[0]! },
    { name: 'ai.jwt', mimeType: 'text/plain', buffer: files[1]! },
  ]);
  await importDone(page, 2);
  const hrefs = await page.getByTestId('import-results').locator('a[href^="#/badge/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const ids = [...new Set(hrefs.map((h) => h.slice('#/badge/'.length)))];
  expect(ids).toHaveLength(2);
  // The results list is newest first; share in the order the files were given.
  const order = ids.reverse();
  await page.goto(new URL(`#/share?ids=${order.join(',')}`, inject('baseURL')).href);
  const button = page.getByTestId('share-pdf');
  await button.waitFor();
  expect(await button.textContent()).toContain('learning record (2 badges)');
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toBe('Learning record.pdf');
  const carried = await readPdfCredentials(new Uint8Array(readFileSync((await download.path()) ?? '')));
  expect(carried.map((f) => f.name)).toEqual(['01-credential.json', '02-credential.jwt']);
  carried.forEach((f, i) => expect(Buffer.from(f.bytes).equals(files[i]!)).toBe(true));
  expect(errors).toEqual([]);
  expect(cspViolations).toEqual([]);
  await context.close();
});
