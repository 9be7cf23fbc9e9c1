/** The share and verify screens' state (issue 7): badges → disclosure → holder binding → frames, and back to a verdict. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import jsigs from 'jsonld-signatures';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { createSignCryptosuite } from '@digitalbazaar/ecdsa-sd-2023-cryptosuite';
import type { JsonObject } from '../../src/lib/model/credential.ts';
import { presentationFromFrames } from '../../src/lib/share/share.ts';
import type { WalletDb } from '../../src/lib/store/db.ts';
import { contextLoader } from '../../src/lib/verify/loader.ts';
import { createRemote } from '../../src/lib/verify/remote.ts';
import { importBytes } from '../../src/lib/wallet/import.ts';
import type { AppState } from '../../src/ui/context.ts';
import { I18n } from '../../src/ui/state/I18n.svelte.ts';
import { Importer } from '../../src/ui/state/Importer.svelte.ts';
import { SharePage } from '../../src/ui/state/Share.svelte.ts';
import { Toasts } from '../../src/ui/state/Toasts.svelte.ts';
import { VerifyPage } from '../../src/ui/state/VerifyPage.svelte.ts';
import { generateDidKey, ob3Credential } from '../support/issuer.ts';
import { openTest } from '../unit/store/helpers.ts';
import { verifyHere } from './verify-here.ts';

const demo = (name: string) => new Uint8Array(readFileSync(join(process.cwd(), 'public/demo', name)));

async function add(db: WalletDb, bytes: Uint8Array): Promise<string> {
  const r = await importBytes(db, bytes, { now: new Date(), remote: createRemote({ online: false }) });
  if (!r.ok) throw new Error(r.error.code);
  return r.credentials[0]?.id ?? '';
}

function appOf(db: WalletDb): AppState {
  verifyHere(db); // the verify worker's jobs, on this thread (Node has no Worker)
  const fake = { db, ready: Promise.resolve(db), i18n: new I18n('en'), toasts: new Toasts(), importer: new Importer(db), wallet: { rows: [] }, base: 'https://wallet.example/app/' };
  return fake as unknown as AppState; // why: the pages read only these members
}

async function built(share: SharePage) {
  await share.build();
  expect(share.problem).toBeNull();
  const b = share.built;
  if (!b) throw new Error('not built');
  return b;
}

test('two demo badges become animated frames that scan back into the same presentation, and a verify link (issue 14: not only for one QR code)', async () => {
  const db = await openTest();
  const ids = [await add(db, demo('02-python-basics.json')), await add(db, demo('04-sdgs.json'))];
  const share = new SharePage(appOf(db));
  await share.select(ids);
  expect(share.items.map((i) => i.disclosure)).toMatchObject([{ mode: 'locked', reason: 'SIGNED_AS_A_WHOLE' }, { mode: 'locked' }]);
  const b = await built(share);
  expect(b.frames.length).toBeGreaterThan(1);
  expect((await presentationFromFrames([...b.frames].reverse())).presentation).toEqual(b.presentation);
  expect(b.link).toMatch(/^https:\/\/wallet\.example\/app\/#\/verify\?data=TK1:/);
  expect((await presentationFromFrames([b.link ?? ''])).presentation).toEqual(b.presentation);

  const small = await add(db, new Uint8Array(readFileSync(join(process.cwd(), 'tests/fixtures/ob3/dcc-verifier-core/v2NoStatus.json'))));
  await share.select([small]);
  const one = await built(share);
  expect(one.frames).toHaveLength(1);
  expect(one.link).toMatch(/^https:\/\/wallet\.example\/app\/#\/verify\?data=TK1:/);
  share.dispose();
});

test('holder binding signs with the stored device key and the challenge; the verify page checks it against its own', async () => {
  const db = await openTest();
  const app = appOf(db);
  const id = await add(db, demo('07-disaster-leadership.json'));
  const share = new SharePage(app);
  await share.select([id]);
  await share.setBinding(true);
  expect(share.holderDid).toMatch(/^did:key:z6Mk/);
  share.setChallenge('  K7Q2M9XA4B ');
  const b = await built(share);
  expect(b.presentation.holder).toBe(share.holderDid);
  expect(b.presentation.proof).toMatchObject({ challenge: 'K7Q2M9XA4B', proofPurpose: 'authentication' });
  // The same key next time (it is stored).
  const again = new SharePage(app);
  await again.setBinding(true);
  expect(again.holderDid).toBe(share.holderDid);
  share.dispose();
  again.dispose();

  const verify = new VerifyPage(app);
  await verify.setChallenge('K7Q2M9XA4B');
  expect(await verify.frames.addAll(b.frames)).toBe('complete');
  await until(() => verify.received !== null && !verify.checking);
  // This wallet has no trust list: the demo issuer is vouched for by nobody here (issue 12).
  expect(verify.received?.credentials.map((c) => c.verification.verdict)).toEqual(['incomplete']);
  expect(verify.received?.credentials[0]?.verification.checks.find((c) => c.id === 'issuer-identity')?.code).toBe('ISSUER_UNKNOWN');
  expect(verify.received?.holder).toMatchObject({ outcome: 'passed', data: { challenge: 'K7Q2M9XA4B' } });
  await verify.setChallenge('SOMETHING');
  expect(verify.received?.holder).toMatchObject({ outcome: 'failed', code: 'CHALLENGE_MISMATCH' });
  expect(await db.badges.count()).toBe(1); // nothing kept yet
  await verify.keep();
  expect(verify.kept).toMatchObject({ ok: true, credentials: [{ status: 'duplicate' }] });
  verify.clear();
  expect(verify.received).toBeNull();
  expect(verify.frames.started).toBe(false);
});

test('pasted garbage and a tampered credential: coded words; nothing stored', async () => {
  const db = await openTest();
  const verify = new VerifyPage(appOf(db));
  await verify.paste('TK1:not really');
  expect(verify.frames.problem?.code).toBe('QR_FRAME_INVALID');
  const cred = JSON.parse(new TextDecoder().decode(demo('04-sdgs.json'))) as JsonObject; // why: a demo credential is a JSON object
  await verify.paste(JSON.stringify({ ...cred, name: 'Forged' }));
  expect(verify.received?.credentials[0]?.verification.checks.find((c) => c.id === 'proof')).toMatchObject({ outcome: 'failed' });
  await verify.paste('hello');
  expect(verify.problem?.code).toBe('FORMAT_UNRECOGNIZED');
  expect(await db.badges.count()).toBe(0);
});

test('an ecdsa-sd-2023 badge: fields left out are absent from the presentation, which still verifies', async () => {
  const db = await openTest();
  const key = await generateDidKey('P-256');
  const unsigned = ob3Credential({ id: 'urn:uuid:5d1c1a62-0000-4000-8000-00000000000a', issuerId: key.did, identityHash: 'sha256$00' });
  const suite = new DataIntegrityProof({ signer: key.pair.signer(), cryptosuite: createSignCryptosuite({ mandatoryPointers: ['/issuer', '/validFrom', '/credentialSubject/achievement'] }) });
  const base = (await jsigs.sign(structuredClone(unsigned), { suite, purpose: new jsigs.purposes.AssertionProofPurpose(), documentLoader: contextLoader })) as JsonObject; // why: jsigs returns the document
  const id = await add(db, new TextEncoder().encode(JSON.stringify(base)));
  const app = appOf(db);
  const share = new SharePage(app);
  await share.select([id]);
  const d = share.items[0]?.disclosure;
  expect(d?.mode).toBe('selective');
  share.setOmitted(id, '/credentialSubject/identifier/0/identityHash', true);
  share.setOmitted(id, '/name', true);
  share.setOmitted(id, '/name', false);
  const b = await built(share);
  const presented = (b.presentation.verifiableCredential as JsonObject[])[0] as JsonObject; // why: presentationOf puts the credentials there
  expect(presented.name).toBe(base.name);
  expect(JSON.stringify(presented)).not.toContain('identityHash');
  expect(JSON.stringify(presented)).toContain('emailAddress'); // the rest of the identifier stays
  const verify = new VerifyPage(app);
  await verify.frames.addAll(b.frames);
  await until(() => verify.received !== null && !verify.checking);
  expect(verify.received?.credentials[0]?.verification.checks.find((c) => c.id === 'proof')).toMatchObject({ outcome: 'passed' });
  share.dispose();
});

test('too much for QR codes: the reason in words, and the presentation still offered as a file', async () => {
  const db = await openTest();
  const noise = Array.from(crypto.getRandomValues(new Uint8Array(30_000)), (b) => b.toString(36)).join('');
  const big = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'], issuer: 'did:example:x', credentialSubject: { id: 'did:example:y', note: noise } };
  const id = await add(db, new TextEncoder().encode(JSON.stringify(big)));
  const share = new SharePage(appOf(db));
  await share.select([id]);
  await share.build();
  expect(share.problem?.code).toBe('SHARE_TOO_LARGE');
  expect(share.problem?.text).toContain('use the file');
  expect(share.built?.frames).toEqual([]);
  expect(share.built?.presentation.type).toEqual(['VerifiablePresentation']);
  share.dispose();
});

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}
