/**
 * Hostile input: markup in every text field, a script-carrying SVG (baked and embedded), a
 * javascript: link. Proof that nothing ran: no global set, no dialog, no CSP report (nothing even
 * tried to run inline), no new script element, and the rest of the wallet unchanged.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { bakeSvg } from '../../src/lib/formats/baked/svg.ts';
import { chooseFiles, demoFile, importDone, launch, openApp, resultMarks } from './browser.ts';

const HOSTILE = '<img src=x onerror=window.__pwned=1><script>window.__pwned=2</script>';
const EVIL_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" onload="window.__pwned=4"><script>window.__pwned=3; alert(1)</script><rect width="64" height="64" fill="red"/></svg>';

function hostileCredential(id: string): string {
  return JSON.stringify({
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: `urn:uuid:${id}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: HOSTILE,
    issuer: { id: 'https://evil.example', type: ['Profile'], name: HOSTILE, url: 'javascript:window.__pwned=5', description: HOSTILE },
    validFrom: '2025-01-01T00:00:00Z',
    credentialSubject: {
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://evil.example/a',
        type: ['Achievement'],
        name: HOSTILE,
        description: HOSTILE,
        criteria: { narrative: `${HOSTILE}\n<b>bold?</b>` },
        image: { id: `data:image/svg+xml;base64,${Buffer.from(EVIL_SVG).toString('base64')}`, type: 'Image' },
      },
    },
    evidence: [{ type: ['Evidence'], id: 'javascript:window.__pwned=6', name: HOSTILE }],
  });
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned); // why: the global a payload would set
const titles = (page: Page) => page.getByTestId('badge-list').locator('.title').allTextContents();
const scripts = (page: Page) => page.evaluate(() => [...document.scripts].map((s) => s.src || 'inline'));

test('hostile JSON and SVG import as inert text and pictures', async () => {
  const { page, errors, dialogs, cspViolations, context } = await openApp(browser, inject('baseURL'));
  await chooseFiles(page, [{ name: 'good.json', mimeType: 'application/json', buffer: demoFile('02-python-basics.json') }]);
  await importDone(page, 1);
  await page.goto(new URL('#/', inject('baseURL')).href);
  await expect.poll(() => titles(page).then((t) => t.length)).toBe(1); // the list paints just after navigation
  const before = { titles: await titles(page), scripts: await scripts(page) };

  const bakedSvg = bakeSvg(EVIL_SVG, { text: hostileCredential('11111111-2222-3333-4444-555555555555'), via: 'body', version: 'ob3' });
  await chooseFiles(page, [
    { name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(hostileCredential('aaaaaaaa-2222-3333-4444-555555555555')) },
    { name: 'hostile-baked.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(bakedSvg) },
    { name: 'script-only.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(EVIL_SVG) },
    { name: HOSTILE, mimeType: 'application/json', buffer: Buffer.from('{"@context": 1}') },
  ]);
  await importDone(page, 5);
  const marks = await resultMarks(page);
  expect(marks.slice(0, 4)).toEqual(['error:NOT_A_CREDENTIAL', 'error:SVG_NO_CREDENTIAL', 'added:failed', 'added:failed']);
  expect(await page.getByTestId('import-results').textContent()).toContain(HOSTILE); // the file name, as text

  await page.goto(new URL('#/', inject('baseURL')).href);
  await expect.poll(() => titles(page).then((t) => t.length)).toBe(3);
  const after = await titles(page);
  expect(after.filter((t) => t === HOSTILE)).toHaveLength(2);
  expect(after).toContain(before.titles[0]);
  await expect.poll(() => page.locator('img[src^="blob:"]').count()).toBeGreaterThanOrEqual(2);

  // The badge page of the hostile one: every field is text; no javascript: link was made.
  await page.getByTestId('badge-list').locator('a').filter({ hasText: HOSTILE }).first().click();
  await page.getByTestId('verification').waitFor();
  expect(await page.locator('h1').textContent()).toBe(HOSTILE);
  expect(await page.getByTestId('criteria').textContent()).toBe(`${HOSTILE}\n<b>bold?</b>`);
  expect(await page.getByTestId('issuer-name').textContent()).toBe(HOSTILE);
  expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
  expect(await page.locator('img[src="x"], b').count()).toBe(0);
  await page.waitForTimeout(300); // give any smuggled handler a chance to fire

  expect(await pwned(page)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(cspViolations).toEqual([]);
  expect(await scripts(page)).toEqual(before.scripts);
  expect(errors).toEqual([]);
  await context.close();
});
