/**
 * Collecting badges from an issuer in Chromium (issue 13). The issuer is the OpenWallet Foundation
 * issuer side on 127.0.0.1 over https (a self-signed certificate the test browser accepts, since the
 * app's CSP allows `connect-src 'self' https:` only), sending CORS headers for the app's origin; a
 * second one sends none. A pasted offer shows who offers (origin proven, name a claim), asks for the
 * PIN, collects and verifies both badges (ldp_vc and jwt_vc_json), and stores them only on "Add to my
 * wallet". The issuer without CORS gives the plain message, not a network error. The OpenID4VCI
 * client runs under the app's CSP without eval: no CSP violation is reported.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { generateDidKey, type DidKey } from '../support/issuer.ts';
import { selfSignedCert } from '../support/peers/server.ts';
import { ISSUER_NAME, JWT, LDP, startOid4vciIssuer, type Oid4vciIssuerPeer } from '../support/peers/oid4vci-issuer.ts';
import { importDone, launch, openApp } from './browser.ts';

let browser: Browser;
let issuerKey: DidKey;
let peer: Oid4vciIssuerPeer;
let noCors: Oid4vciIssuerPeer;

beforeAll(async () => {
  browser = await launch(['--ignore-certificate-errors']);
  issuerKey = await generateDidKey('Ed25519');
  const tls = selfSignedCert();
  const appOrigin = new URL(inject('baseURL')).origin;
  [peer, noCors] = await Promise.all([startOid4vciIssuer({ tls, cors: appOrigin, issuerKey }), startOid4vciIssuer({ tls, issuerKey })]);
});
afterAll(async () => {
  await Promise.all([peer?.close(), noCors?.close(), browser?.close()]);
});

const registry = () => Buffer.from(JSON.stringify({ meta: { created: '2026-01-01T00:00:00Z' }, registry: { [issuerKey.did]: { name: 'Tsumiki Test Issuer' } } }));

test('paste an offer, enter the PIN: both badges verified and stored only on yes; no CORS gives the plain message; a deep link asks first', { timeout: 240_000 }, async () => {
  const { page, context, cspViolations, errors } = await openApp(browser, inject('baseURL'));
  // The user trusts the test issuer (a DCC registry they chose), so its badges can be genuine.
  await page.goto(new URL('#/settings', page.url()).href);
  await page.getByTestId('trust').waitFor();
  await page.getByTestId('trust-file').setInputFiles({ name: 'registry.json', mimeType: 'application/json', buffer: registry() });
  await page.getByTestId('trust-message').waitFor({ timeout: 20_000 });

  await page.goto(new URL('#/import', page.url()).href);
  const offer = await peer.offer({ configurations: [LDP, JWT], pin: '2468', byReference: true });
  await page.getByTestId('paste').fill(offer);
  await page.getByRole('button', { name: 'Add pasted badge' }).click();

  // Who is offering, before anything is collected: the origin as proven, the name as a claim.
  const dialog = page.getByTestId('claim-offer');
  await page.locator('[data-testid="claim-offer"], [data-testid="claim-problem"]').first().waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('claim-problem').count(), (await page.getByTestId('claim').textContent()) ?? '').toBe(0);
  expect(await page.getByTestId('claim-origin').textContent()).toContain(peer.url);
  expect(await page.getByTestId('claim-name').textContent()).toContain(ISSUER_NAME);
  expect(await dialog.textContent()).toContain('a claim, not verified');
  expect(await page.getByTestId('claim-items').locator('li').count()).toBe(2);
  expect(peer.running.log.filter((l) => l.startsWith('POST'))).toEqual([]);

  // A wrong PIN: the issuer refuses; the step and the reason are said, and the PIN can be typed again.
  await page.getByTestId('claim-pin').fill('1111');
  await page.getByTestId('claim-collect').click();
  const problem = page.getByTestId('claim-problem');
  await problem.waitFor({ timeout: 30_000 });
  expect(await problem.getAttribute('data-code')).toBe('CLAIM_WRONG_PIN');
  expect(await problem.getAttribute('data-step')).toBe('token');
  expect(await problem.textContent()).toContain('The issuer did not accept the PIN');

  await page.getByTestId('claim-pin').fill('2468');
  await page.getByTestId('claim-collect').click();
  const review = page.getByTestId('claim-review');
  await page.locator('[data-testid="claim-review"], [data-testid="claim-problem"]').first().waitFor({ timeout: 90_000 }).catch(() => undefined);
  const stage = await page.getByTestId('claim').getAttribute('data-stage');
  expect(stage, `${(await page.getByTestId('claim').textContent()) ?? ''} | ${peer.running.log.join(', ')} | ${peer.refusals.join(', ')} ${peer.lastRefusal()} | ${errors.join(' / ')}`).toBe('review');
  const received = page.getByTestId('claim-received').locator('li');
  expect(await received.count()).toBe(2);
  expect(await received.evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-keep'), li.querySelector('[data-headline]')?.getAttribute('data-headline')]))).toEqual([
    ['true', 'GENUINE'],
    ['true', 'GENUINE'],
  ]);
  // Nothing is stored before the yes.
  expect(await page.getByTestId('import-results').locator(':scope > li').count()).toBe(0);
  await page.getByTestId('claim-keep').click();
  expect(await importDone(page, 2)).toContain('2 added');
  await page.getByTestId('claim-done').waitFor();
  const chips = await page.getByTestId('import-results').locator('[data-headline]').evaluateAll((els) => els.map((e) => e.getAttribute('data-headline')));
  expect(chips).toEqual(['GENUINE', 'GENUINE']);
  // The badges were bound to this device's key, the same for both requests.
  expect(new Set(peer.holders.slice(-2)).size).toBe(1);

  // An issuer that sends no CORS headers: the plain message, naming the step.
  await page.getByTestId('paste').fill(await noCors.offer({ configurations: [LDP] }));
  await page.getByRole('button', { name: 'Add pasted badge' }).click();
  await page.locator('[data-testid="claim-problem"][data-code="ISSUER_NO_CORS"]').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('claim-problem').textContent()).toContain('This issuer does not let browser wallets collect badges; use the CLI or ask the issuer');
  expect(await page.getByTestId('claim-problem').getAttribute('data-step')).toBe('metadata');

  // A deep link `#/import?offer=…` names the host and asks before contacting it.
  const linked = await peer.offer({ configurations: [LDP] });
  const before = peer.running.log.length;
  await page.goto(new URL(`#/import?offer=${encodeURIComponent(linked)}`, page.url()).href);
  const ask = page.getByTestId('claim-link');
  await ask.waitFor();
  expect(await ask.textContent()).toContain(new URL(peer.url).host);
  expect(peer.running.log.length).toBe(before);
  await page.getByTestId('claim-link-open').click();
  await page.getByTestId('claim-offer').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('claim-origin').textContent()).toContain(peer.url);

  // The OpenID4VCI client ran under the app's CSP (no 'unsafe-eval'): nothing was blocked.
  expect(cspViolations).toEqual([]);
  await context.close();
});
