/**
 * Answer a verifier in Chromium (issue 13): a badge signed by the test issuer is imported; a local
 * OpenID4VP verifier (the OpenWallet Foundation library's verifier side) makes a DCQL request
 * signed by its did:key; the wallet opens it from a deep link, reads it only after "Read", shows
 * who asks (proven DID, claimed name) and what for, sends the chosen badge signed by the device key,
 * and shows the verifier's answer — which really verified the presentation. The request names an
 * https origin (the app's CSP allows https only, as in real use) that the test routes to the peer
 * on 127.0.0.1; the peer sends CORS headers for the app's origin.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { generateDidKey, hashedEmail, ob3Credential, RECIPIENT_EMAIL, SALT, signDi } from '../support/issuer.ts';
import { openBadgeQuery, startOpenid4vpVerifier, VC_IRI, type Openid4vpPeer } from '../support/peers/openid4vp-verifier.ts';
import { chooseFiles, importDone, launch, openApp, type Watched } from './browser.ts';

const PUBLIC = 'https://verifier.tsumiki.test';
let browser: Browser;
const peers: Openid4vpPeer[] = [];

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await Promise.all(peers.map((p) => p.close()));
});

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Serious or critical axe findings (WCAG 2.1 A/AA) on the page as it is. */
async function audit(page: Page): Promise<string[]> {
  // Evaluated through the devtools protocol, which the page's CSP does not govern (no inline script is added).
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE, 'utf8'));
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string | null }[] }> } }).axe; // why: the script tag above defines it
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact})`);
  });
}

/** Requests to the verifier's https origin go to the peer that currently plays it. */
async function routeTo(w: Watched, peer: () => Openid4vpPeer): Promise<void> {
  await w.context.route(`${PUBLIC}/**`, async (route) => {
    const url = route.request().url().replace(PUBLIC, peer().localOrigin);
    await route.fulfill({ response: await route.fetch({ url }) });
  });
}

test('a DCQL request from a verifier: who asks, what for, the badge sent signed, the verifier’s answer', async () => {
  const baseURL = inject('baseURL');
  const appOrigin = new URL(baseURL).origin;
  const issuer = await generateDidKey('Ed25519');
  const badge = await signDi(ob3Credential({ id: 'urn:uuid:7f0c0a2e-0000-4000-8000-0000000000e2', issuerId: issuer.did, identityHash: await hashedEmail(RECIPIENT_EMAIL, SALT) }), 'eddsa-rdfc-2022', issuer.pair);
  const peer = await startOpenid4vpVerifier({ prefix: 'decentralized_identifier', clientName: 'Knot Employer', corsOrigin: appOrigin, publicOrigin: PUBLIC });
  const clr = await startOpenid4vpVerifier({ prefix: 'decentralized_identifier', corsOrigin: appOrigin, publicOrigin: PUBLIC, dcql: openBadgeQuery('record', [VC_IRI, 'https://purl.imsglobal.org/spec/vc/clr/vocab.html#ClrCredential']) });
  peers.push(peer, clr);
  let playing = clr;
  const w = await openApp(browser, baseURL);
  await routeTo(w, () => playing);
  const { page } = w;
  await chooseFiles(page, [{ name: 'badge.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(badge)) }]);
  await importDone(page, 1);

  // Asked for something the wallet does not hold: said so, and nothing can be sent.
  await page.goto(new URL(`#/present?${new URLSearchParams({ request: clr.request })}`, baseURL).href);
  await expect.poll(() => page.getByTestId('present-request').inputValue()).toBe(clr.request);
  expect(clr.hits).toEqual([]); // a link is read only after "Read"
  await page.getByTestId('present-read').click();
  await page.getByTestId('present-none').waitFor();
  expect(await page.getByTestId('present-send').isDisabled()).toBe(true);
  expect(clr.answers).toHaveLength(0);

  // The real request, pasted.
  playing = peer;
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByTestId('present-request').fill(peer.request);
  await page.getByTestId('present-read').click();
  const who = page.getByTestId('present-who');
  await who.waitFor();
  expect(await who.getAttribute('data-proven')).toBe('did');
  expect(await who.textContent()).toContain(peer.clientId.slice('decentralized_identifier:'.length));
  expect(await page.getByTestId('present-claimed').textContent()).toContain('“Knot Employer” (stated, not proven)');
  expect(await page.getByTestId('present-ask').locator('legend').textContent()).toContain('VerifiableCredential + OpenBadgeCredential');
  const candidate = page.getByTestId('present-candidate');
  expect(await candidate.isChecked()).toBe(true);
  expect(await page.getByTestId('present-ask').textContent()).toContain('Knot Tying');
  expect(peer.answers).toHaveLength(0); // nothing sent before "Send"
  expect(await audit(page)).toEqual([]);
  await page.getByTestId('present-send').click();
  const answer = page.getByTestId('present-answer');
  await answer.waitFor();
  expect(await answer.getAttribute('data-accepted')).toBe('true');
  expect(await answer.getAttribute('data-status')).toBe('200');
  expect(await page.getByTestId('present-next').getAttribute('href')).toBe(`${PUBLIC}/done`);
  expect(await audit(page)).toEqual([]);
  expect(peer.hits).toEqual(['GET /request', 'POST /response']);
  expect(peer.answers).toHaveLength(1);
  expect(peer.answers[0]).toMatchObject({ accepted: true });
  expect(peer.answers[0]!.verdicts.badge![0]!.holder).toMatch(/^did:key:z6Mk/);
  expect(w.cspViolations).toEqual([]);
  expect(w.errors).toEqual([]);
  await w.context.close();
});
