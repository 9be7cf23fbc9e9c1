/**
 * Trust you can act on (issue 12), in Chromium: a headline per credential, the same on the wallet
 * card, the badge page and the employer's verify screen. A badge signed two minutes ago by a fresh
 * did:key that calls itself "東京大学 The University of Tokyo" is never green anywhere; with a list
 * naming the real one (another DID) it is a forgery (look-alike). A listed issuer's badge is genuine
 * offline, from the stored list; an expired one says expired, not forged. A tampered or expired list
 * is refused with its reason and nothing is stored. "I know this issuer" pins an issuer; a later badge
 * that gives its name with another key is a forgery. The verify screen compares the candidate's
 * e-mail with a hashed recipient. A baked OB 2.0 image that only links to its assertion says so.
 *
 * Every credential and list here is signed at test time with fresh keys (tests/support/issuer.ts).
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { JsonObject } from '../../src/lib/model/credential.ts';
import { EXPIRED_UNTIL, generateDidKey, hashedEmail, ob3Credential, OTHER_EMAIL, RECIPIENT_EMAIL, SALT, signDi, VALID_FROM, VC_V2, type DidKey } from '../support/issuer.ts';
import { chooseFiles, fixture, importDone, launch, openApp } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const TOKYO = '東京大学 The University of Tokyo';
const EXAMPLES_V2 = 'https://www.w3.org/ns/credentials/examples/v2';
const json = (o: unknown, name: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(o)) });

/** A signed OB 3.0 badge from `key`, its issuer calling itself `issuerName`. */
async function badge(key: DidKey, issuerName: string, n: number, options: { validUntil?: string; email?: string } = {}): Promise<JsonObject> {
  const c = ob3Credential({ id: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, issuerId: key.did, identityHash: await hashedEmail(options.email ?? RECIPIENT_EMAIL, SALT), ...(options.validUntil ? { validUntil: options.validUntil } : {}) });
  return signDi({ ...c, issuer: { ...(c.issuer as JsonObject), name: issuerName } }, 'eddsa-rdfc-2022', key.pair);
}

/** A W3C RecognizedEntityCredential by `publisher`, naming each entity (signed unless told otherwise). */
async function recognizedList(publisher: DidKey, entities: { id: string; name: string }[], options: { validUntil?: string } = {}): Promise<JsonObject> {
  const list: JsonObject = {
    '@context': [VC_V2, EXAMPLES_V2],
    id: 'urn:uuid:7e57a11e-0000-4000-8000-000000000001',
    type: ['VerifiableCredential', 'RecognizedEntityCredential'],
    issuer: { id: publisher.did, name: 'Tsumiki Test Accreditation Office' },
    validFrom: VALID_FROM,
    validUntil: options.validUntil ?? '2035-01-01T00:00:00Z',
    credentialSubject: entities.map((e) => ({ id: e.id, type: ['RecognizedEntity'], name: e.name, recognizedTo: [{ type: 'RecognizedAction', action: 'issue' }] })),
  };
  return signDi(list, 'eddsa-rdfc-2022', publisher.pair);
}

/** Imports files through the file chooser; returns the badge ids in the results, newest first. */
async function importFiles(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]): Promise<string[]> {
  await chooseFiles(page, files);
  await importDone(page, files.length);
  const hrefs = await page.getByTestId('import-results').locator('a[href^="#/badge/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((h) => h.replace('#/badge/', ''));
}

async function go(page: Page, hash: string): Promise<void> {
  await page.goto(new URL(hash, page.url()).href);
}

/** The headline on a wallet card. */
async function cardHeadline(page: Page, id: string): Promise<string | null> {
  await go(page, '#/');
  const card = page.locator(`a[data-badge-id="${id}"]`);
  await card.waitFor();
  return card.locator('[data-headline]').getAttribute('data-headline');
}

/** The headline banner at the top of the badge page (and its deciding check's code). */
async function pageHeadline(page: Page, id: string): Promise<{ headline: string | null; code: string | null; tone: string | null; detail: string }> {
  await go(page, `#/badge/${id}`);
  const banner = page.getByTestId('headline');
  await banner.waitFor();
  return {
    headline: await banner.getAttribute('data-headline'),
    code: await banner.getAttribute('data-code'),
    tone: await banner.getAttribute('data-tone'),
    detail: (await page.getByTestId('headline-detail').textContent().catch(() => '')) ?? '',
  };
}

/** The headline the employer's verify screen gives a pasted credential. */
async function verifyHeadline(page: Page, credential: JsonObject, expected?: string): Promise<{ headline: string | null; tone: string | null; detail: string }> {
  await go(page, '#/verify');
  await page.getByTestId('verify-paste').fill(JSON.stringify(credential));
  await page.getByTestId('verify-paste-go').click();
  const banner = page.getByTestId('received-headline');
  await banner.waitFor();
  // The screen keeps the previous result until the new one is checked: wait for the answer expected.
  if (expected !== undefined) await expect.poll(() => banner.getAttribute('data-headline'), { timeout: 20_000 }).toBe(expected);
  return { headline: await banner.getAttribute('data-headline'), tone: await banner.getAttribute('data-tone'), detail: (await page.getByTestId('received-headline-detail').textContent().catch(() => '')) ?? '' };
}

/** Adds a trust list file in Settings; returns the message's code ('' on success) once it is shown. */
async function addListFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<string> {
  await go(page, '#/settings');
  await page.getByTestId('trust').waitFor();
  await page.getByTestId('trust-file').setInputFiles(file);
  const message = page.getByTestId('trust-message');
  await message.waitFor({ timeout: 20_000 });
  return (await message.getAttribute('data-code')) ?? '';
}

/** No green anywhere on the screen: only GENUINE is green. */
const greens = (page: Page) => page.locator('[data-tone="good"]').count();

test('a self-made “東京大学 The University of Tokyo” badge is never green; with a registry naming the real one it is a forgery (look-alike)', async () => {
  const { page, errors, context } = await openApp(browser, inject('baseURL'));
  const fake = await generateDidKey('Ed25519');
  const real = await generateDidKey('Ed25519');
  const forged = await badge(fake, TOKYO, 1);
  const [id = ''] = await importFiles(page, [json(forged, 'doctorate.json')]);
  expect(await page.getByTestId('import-results').locator('[data-headline]').getAttribute('data-headline')).toBe('UNKNOWN_ISSUER');
  expect(await greens(page)).toBe(0);

  expect(await cardHeadline(page, id)).toBe('UNKNOWN_ISSUER');
  expect(await greens(page)).toBe(0);

  const top = await pageHeadline(page, id);
  expect(top).toMatchObject({ headline: 'UNKNOWN_ISSUER', tone: 'warn' });
  expect(top.detail).toContain(TOKYO);
  expect(top.detail).toContain('only its own claim');
  expect(await page.getByTestId('issuer-authority').getAttribute('data-identity')).toBe('ISSUER_UNKNOWN');
  // The next steps: add a list, or pin the issuer.
  expect(await page.getByTestId('headline-add-list').count()).toBe(1);
  expect(await page.getByTestId('headline-pin').count()).toBe(1);
  expect(await greens(page)).toBe(0);

  expect((await verifyHeadline(page, forged, 'UNKNOWN_ISSUER')).headline).toBe('UNKNOWN_ISSUER');
  expect(await page.getByTestId('received-proven').getAttribute('data-identity')).toBe('ISSUER_UNKNOWN');
  expect(await greens(page)).toBe(0);

  // A registry (unsigned, used because the user added it) names the real university: another DID.
  // It names it in English only: the self-made badge's two-language name still matches it.
  const registry = { meta: { created: '2025-01-01T00:00:00Z', updated: '2026-04-01T00:00:00Z' }, registry: { [real.did]: { name: 'The University of Tokyo', location: 'Tokyo, Japan', url: 'https://www.u-tokyo.ac.jp/' } } };
  expect(await addListFile(page, json(registry, 'jp-registry.json'))).toBe('');
  const row = page.getByTestId('trust-list');
  expect(await row.getAttribute('data-kind')).toBe('dcc-registry');
  expect(await row.getByTestId('trust-entries').textContent()).toBe('1');
  expect(await row.textContent()).toContain('Unsigned registry');

  // The stored badge is checked again offline: now a look-alike of a listed issuer.
  await expect.poll(() => cardHeadline(page, id), { timeout: 20_000 }).toBe('FORGED');
  const after = await pageHeadline(page, id);
  expect(after).toMatchObject({ headline: 'FORGED', code: 'LOOKALIKE', tone: 'bad' });
  expect(after.detail).toContain('listed issuer “The University of Tokyo”');
  expect(await page.getByTestId('headline-pin').count()).toBe(0); // a forgery is never offered a pin
  expect(await greens(page)).toBe(0);
  expect((await verifyHeadline(page, forged, 'FORGED')).headline).toBe('FORGED');
  expect(await page.getByTestId('received-proven').getAttribute('data-identity')).toBe('LOOKALIKE');
  expect(await greens(page)).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});

test('a listed issuer’s badge is genuine offline from the stored list; an expired one says expired, not forged, on every screen', async () => {
  const { page, errors, context } = await openApp(browser, inject('baseURL'));
  const office = await generateDidKey('Ed25519');
  const college = await generateDidKey('Ed25519');
  const list = await recognizedList(office, [{ id: college.did, name: 'Tsumiki Test College' }]);
  expect(await addListFile(page, json(list, 'accredited.json'))).toBe('');
  const row = page.getByTestId('trust-list');
  expect(await row.getAttribute('data-kind')).toBe('recognized-entities');
  expect(await row.getAttribute('data-ok')).toBe('true');
  expect(await row.textContent()).toContain('Tsumiki Test Accreditation Office');
  expect(await row.textContent()).toContain('Signed W3C list');

  const valid = await badge(college, 'Tsumiki Test College', 2);
  const expired = await badge(college, 'Tsumiki Test College', 3, { validUntil: EXPIRED_UNTIL });
  const ids = await importFiles(page, [json(valid, 'valid.json'), json(expired, 'expired.json')]);
  const [expiredId = '', validId = ''] = ids; // newest first

  // The screens load once online (no service worker in this test); from here on, offline: the list is
  // read from its stored text and verified on this device.
  await pageHeadline(page, validId);
  await verifyHeadline(page, valid);
  await cardHeadline(page, validId);
  await page.getByTestId('wallet-overview').waitFor(); // the wallet's lazy overview (its CSS too) loaded while online
  await context.setOffline(true);
  expect(await cardHeadline(page, validId)).toBe('GENUINE');
  expect(await cardHeadline(page, expiredId)).toBe('EXPIRED');
  expect(await page.locator(`a[data-badge-id="${expiredId}"] [data-headline]`).getAttribute('data-tone')).toBe('warn');

  const genuine = await pageHeadline(page, validId);
  expect(genuine).toMatchObject({ headline: 'GENUINE', code: 'LISTED', tone: 'good' });
  expect(genuine.detail).toContain('Issued by Tsumiki Test College');
  expect(genuine.detail).toContain('Tsumiki Test Accreditation Office');
  // Beside the issuer's own word on its quality assurance: who vouches for the issuer.
  const vouch = page.getByTestId('quality-vouch');
  expect(await vouch.getAttribute('data-code')).toBe('LISTED');
  expect(await vouch.textContent()).toContain('Who vouches for the issuer: Tsumiki Test Accreditation Office');
  await page.getByTestId('reverify').click();
  await page.getByRole('status').filter({ hasText: 'Checked again: Genuine' }).first().waitFor();
  expect(await page.getByTestId('headline').getAttribute('data-headline')).toBe('GENUINE');

  const old = await pageHeadline(page, expiredId);
  expect(old).toMatchObject({ headline: 'EXPIRED', tone: 'warn' });
  expect(old.detail).toMatch(/^Expired on /);
  const v = await verifyHeadline(page, expired, 'EXPIRED');
  expect(v).toMatchObject({ headline: 'EXPIRED', tone: 'warn' });
  expect(v.detail).toMatch(/^Expired on /);
  expect((await verifyHeadline(page, valid, 'GENUINE')).headline).toBe('GENUINE');

  // Turning the list off: nobody vouches any more; on again: genuine again.
  await go(page, '#/settings');
  await page.getByTestId('trust-enabled').uncheck();
  await expect.poll(() => cardHeadline(page, validId), { timeout: 20_000 }).toBe('UNKNOWN_ISSUER');
  await go(page, '#/settings');
  await page.getByTestId('trust-enabled').check();
  await expect.poll(() => cardHeadline(page, validId), { timeout: 20_000 }).toBe('GENUINE');
  expect(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
  await context.close();
});

test('a tampered list and an expired list are refused with their reasons; nothing is stored', async () => {
  const { page, errors, context } = await openApp(browser, inject('baseURL'));
  const office = await generateDidKey('Ed25519');
  const college = await generateDidKey('Ed25519');
  const signed = await recognizedList(office, [{ id: college.did, name: 'Tsumiki Test College' }]);
  const tampered = { ...signed, credentialSubject: [{ ...((signed.credentialSubject as JsonObject[])[0] as JsonObject), name: 'Someone Else Entirely' }] };
  expect(await addListFile(page, json(tampered, 'tampered.json'))).toBe('TRUST_LIST_NOT_VERIFIED');
  expect(await page.getByTestId('trust-message').textContent()).toContain('does not verify');
  expect(await page.getByTestId('trust-empty').count()).toBe(1);

  const old = await recognizedList(office, [{ id: college.did, name: 'Tsumiki Test College' }], { validUntil: EXPIRED_UNTIL });
  expect(await addListFile(page, json(old, 'old.json'))).toBe('TRUST_LIST_EXPIRED');
  expect(await page.getByTestId('trust-message').textContent()).toContain('expired');
  expect(await page.getByTestId('trust-empty').count()).toBe(1);

  expect(await addListFile(page, json({ hello: 'world' }, 'not-a-list.json'))).toBe('TRUST_LIST_UNREADABLE');
  await page.reload();
  await page.getByTestId('trust-empty').waitFor();
  expect(await page.getByTestId('trust-list').count()).toBe(0);
  expect(errors).toEqual([]);
  await context.close();
});

test('“I know this issuer”: pinned with a note and the date; a later badge giving its name with another key is a forgery', async () => {
  const { page, errors, context } = await openApp(browser, inject('baseURL'));
  const academy = await generateDidKey('Ed25519');
  const impostor = await generateDidKey('Ed25519');
  const [id = ''] = await importFiles(page, [json(await badge(academy, 'Kyoto Test Academy', 4), 'academy.json')]);
  expect((await pageHeadline(page, id)).headline).toBe('UNKNOWN_ISSUER');
  await page.getByTestId('headline-pin').click();
  await page.getByTestId('pin-note').fill('Met them at the job fair; key read out by their registrar.');
  await page.getByTestId('pin-yes').click();
  await page.getByTestId('pinned').waitFor();
  expect(await page.getByTestId('pinned').textContent()).toContain('pinned on');
  expect(await page.getByTestId('pinned').textContent()).toContain('job fair');
  await expect.poll(() => page.getByTestId('headline').getAttribute('data-headline'), { timeout: 20_000 }).toBe('GENUINE');
  expect(await page.getByTestId('headline-detail').textContent()).toContain('Kyoto Test Academy');

  await go(page, '#/settings');
  const pin = page.getByTestId('pin');
  await pin.waitFor();
  expect(await pin.getAttribute('data-issuer')).toBe(academy.did);
  expect(await pin.textContent()).toContain('Kyoto Test Academy');

  const [fakeId = ''] = await importFiles(page, [json(await badge(impostor, 'Kyoto Test Academy', 5), 'impostor.json')]);
  expect(await cardHeadline(page, fakeId)).toBe('FORGED');
  expect((await pageHeadline(page, fakeId)).code).toBe('LOOKALIKE');

  // Removing the pin: the first badge is back to "issuer not confirmed".
  await go(page, '#/settings');
  await page.getByTestId('pin-remove').click();
  await page.getByTestId('pins-empty').waitFor();
  await expect.poll(() => cardHeadline(page, id), { timeout: 20_000 }).toBe('UNKNOWN_ISSUER');
  expect(errors).toEqual([]);
  await context.close();
});

test('the verify screen compares the candidate’s e-mail with the hashed recipient, and says plainly what it shows', async () => {
  const { page, errors, context } = await openApp(browser, inject('baseURL'));
  const key = await generateDidKey('Ed25519');
  const credential = await badge(key, 'Tsumiki Test College', 6);
  await verifyHeadline(page, credential);
  expect(await page.getByTestId('presence').getAttribute('data-code')).toBe('NOT_SHOWN');

  await page.getByTestId('verify-recipient').fill(RECIPIENT_EMAIL);
  await page.getByTestId('verify-recipient-use').click();
  await expect.poll(() => page.getByTestId('presence').getAttribute('data-code')).toBe('NAMED_NOT_LIVE');
  expect(await page.getByTestId('presence').textContent()).toContain(`Issued to ${RECIPIENT_EMAIL}`);
  expect(await page.locator('[data-check="recipient"]').getAttribute('data-outcome')).toBe('passed');

  await page.getByTestId('verify-recipient').fill(OTHER_EMAIL);
  await page.getByTestId('verify-recipient-use').click();
  await expect.poll(() => page.getByTestId('presence').getAttribute('data-code')).toBe('MISMATCH');
  expect(await page.getByTestId('presence').textContent()).toContain(`not issued to ${OTHER_EMAIL}`);
  expect(await page.locator('[data-check="recipient"]').getAttribute('data-outcome')).toBe('failed');
  expect(errors).toEqual([]);
  await context.close();
});

test('a baked OB 2.0 image that only links to its hosted assertion, offline: a link on its domain; “check online” with no network says so', async () => {
  const { page, errors, context } = await openApp(browser, inject('baseURL'));
  const [id = ''] = await importFiles(page, [{ name: 'simple-badge.png', mimeType: 'image/png', buffer: fixture('ob2/1edtech-validator/simple-badge.png') }]);
  await go(page, '#/');
  const card = page.locator(`a[data-badge-id="${id}"]`);
  expect(await card.textContent()).toContain('A link to a badge on example.org');
  expect(await card.textContent()).not.toContain('Untitled badge');
  await go(page, `#/badge/${id}`);
  await page.getByTestId('hosted-link').waitFor();
  expect(await page.locator('h1').textContent()).toBe('A link to a badge on example.org');
  expect(await page.getByTestId('hosted-link').textContent()).toContain('https://example.org/beths-robotics-badge.json');
  expect(await page.getByTestId('headline').getAttribute('data-headline')).toBe('NOT_CHECKED');

  await context.setOffline(true);
  await page.getByTestId('headline-online').click();
  await page.getByTestId('online-yes').click();
  await page.getByTestId('online-problem').waitFor();
  expect(await page.getByTestId('online-problem').textContent()).toContain('nothing was checked online');
  expect(await page.getByTestId('checked-how').textContent()).toContain('offline');
  expect(errors).toEqual([]);
  await context.close();
});
