/**
 * Presentations verified by the core (issue 11): the presentation's own proof in the one proof-set
 * room with purpose `authentication`, the verifier's challenge and domain, and the holder read from
 * the presentation's graph — the same verdicts in-process and from `tsumiki verify --json`.
 * Everything is signed here with fresh keys.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jsigs from 'jsonld-signatures';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { importJWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/lib/model/credential.ts';
import { createDeviceKey, signPresentation } from '../../../src/lib/share/holder.ts';
import { createEnv } from '../../../src/lib/verify/env.ts';
import { contextLoader } from '../../../src/lib/verify/loader.ts';
import { verifyBytes } from '../../../src/lib/verify/pipeline.ts';
import { verifyPresentation, type PresentationResult } from '../../../src/lib/verify/presentation.ts';
import { dccRegistryJson, generateDidKey, hashedEmail, NOW, ob3Credential, RECIPIENT_EMAIL, SALT, signDi, signJws, SIGNED_AT, trusting, VC_V2, vcJwtPayload, type DidKey } from '../../support/issuer.ts';

const run = promisify(execFile);
const enc = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));
const env = () => createEnv({ now: NOW });
/** An environment in which the user trusts `issuers`: a self-made did:key issuer is `verified` only then (issue 12). */
const trustedEnv = (...issuers: string[]) => createEnv({ now: NOW, trust: trusting(issuers) });
const CHALLENGE = 'c-8f3a1d';
const DOMAIN = 'verifier.tsumiki.test';

/** A presentation signed by `key` for authentication, exactly as a holder's wallet would (jsonld-signatures). */
async function signVp(vp: JsonObject, key: DidKey, options: { challenge: string; domain?: string }): Promise<JsonObject> {
  const suite = new DataIntegrityProof({ signer: key.pair.signer(), date: SIGNED_AT, cryptosuite: eddsaRdfc2022 });
  const purpose = new jsigs.purposes.AuthenticationProofPurpose({ challenge: options.challenge, ...(options.domain ? { domain: options.domain } : {}) });
  return (await jsigs.sign(structuredClone(vp), { suite, purpose, documentLoader: contextLoader })) as JsonObject; // why: jsigs returns the document with its proof
}

const codes = (r: PresentationResult) => Object.fromEntries(r.checks.map((c) => [c.id, c.code]));

let holder: DidKey;
let stranger: DidKey;
let credentialIssuer: DidKey;
let credential: JsonObject;
let vpOf: (holderId: JsonObject['holder']) => JsonObject;

beforeAll(async () => {
  holder = await generateDidKey('Ed25519');
  stranger = await generateDidKey('Ed25519');
  credentialIssuer = await generateDidKey('Ed25519');
  credential = await signDi(ob3Credential({ id: 'urn:uuid:6f1c0e46-0d4e-4d7e-9a0e-3f0a8f3c2b11', issuerId: credentialIssuer.did, identityHash: await hashedEmail(RECIPIENT_EMAIL, SALT) }), 'eddsa-rdfc-2022', credentialIssuer.pair);
  vpOf = (holderId) => ({ '@context': [VC_V2], type: ['VerifiablePresentation'], holder: holderId, verifiableCredential: [credential] });
});

describe('verifyPresentation', () => {
  it('the right challenge and domain: verified, signed by the holder it names', async () => {
    const vp = await signVp(vpOf(holder.did), holder, { challenge: CHALLENGE, domain: DOMAIN });
    const r = await verifyPresentation(vp, env(), { challenge: CHALLENGE, domain: DOMAIN });
    expect(r).toMatchObject({ verdict: 'verified', holder: holder.did });
    expect(codes(r)).toEqual({ proof: 'PROOF_VALID', holder: 'HOLDER_MATCHES' });
    // No challenge asked: the proof still verifies (the screen warns it may be a replay).
    expect((await verifyPresentation(vp, env())).verdict).toBe('verified');
  });

  it('a wrong challenge or domain fails the proof', async () => {
    const vp = await signVp(vpOf(holder.did), holder, { challenge: CHALLENGE, domain: DOMAIN });
    const wrong = await verifyPresentation(vp, env(), { challenge: 'c-replayed' });
    expect(wrong.verdict).toBe('failed');
    expect(wrong.checks[0]).toMatchObject({ id: 'proof', outcome: 'failed', code: 'CHALLENGE_MISMATCH' });
    expect(codes(await verifyPresentation(vp, env(), { challenge: CHALLENGE, domain: 'evil.test' }))).toMatchObject({ proof: 'DOMAIN_MISMATCH' });
    // A blank challenge is no challenge.
    expect((await verifyPresentation(vp, env(), { challenge: '  ' })).verdict).toBe('verified');
  });

  it('signed by one key for a holder named as someone else: HOLDER_MISMATCH, though the signature is valid', async () => {
    const vp = await signVp(vpOf(stranger.did), holder, { challenge: CHALLENGE });
    const r = await verifyPresentation(vp, env(), { challenge: CHALLENGE });
    expect(r).toMatchObject({ verdict: 'failed', holder: stranger.did });
    expect(r.checks[0]).toMatchObject({ id: 'proof', outcome: 'passed', code: 'PROOF_VALID' });
    expect(r.checks[1]).toMatchObject({ id: 'holder', outcome: 'failed', code: 'HOLDER_MISMATCH', data: { holder: stranger.did, signer: holder.did } });
  });

  it('the holder is read from the graph, not the JSON layout: a holder written as a full IRI is still compared', async () => {
    const vp = vpOf(undefined as unknown as JsonObject['holder']); // why: replaced just below
    delete vp.holder;
    vp['https://www.w3.org/2018/credentials#holder'] = { '@id': stranger.did };
    const signed = await signVp(vp, holder, { challenge: CHALLENGE });
    const r = await verifyPresentation(signed, env(), { challenge: CHALLENGE });
    expect(r.holder).toBe(stranger.did);
    expect(codes(r)).toEqual({ proof: 'PROOF_VALID', holder: 'HOLDER_MISMATCH' });
    // And as an object with an id: the same holder.
    const asObject = await signVp(vpOf({ id: holder.did }), holder, { challenge: CHALLENGE });
    expect(await verifyPresentation(asObject, env(), { challenge: CHALLENGE })).toMatchObject({ verdict: 'verified', holder: holder.did });
  });

  it('a presentation changed after it was signed: SIGNATURE_MISMATCH', async () => {
    const vp = await signVp(vpOf(holder.did), holder, { challenge: CHALLENGE });
    const tampered = { ...vp, id: 'urn:uuid:0b7e1c2a-added-after-signing' };
    const r = await verifyPresentation(tampered, env(), { challenge: CHALLENGE });
    expect(r.verdict).toBe('failed');
    expect(r.checks[0]).toMatchObject({ id: 'proof', outcome: 'failed', code: 'SIGNATURE_MISMATCH' });
    expect(r.checks[1]).toMatchObject({ id: 'holder', outcome: 'not-checked', code: 'PROOF_NOT_VERIFIED' });
    // The holder swapped after signing: both the signature and the holder fail.
    const swapped = await verifyPresentation({ ...vp, holder: stranger.did }, env(), { challenge: CHALLENGE });
    expect(codes(swapped)).toEqual({ proof: 'SIGNATURE_MISMATCH', holder: 'HOLDER_MISMATCH' });
  });

  it('no proof: a clear not-checked when none was asked for (never verified), PROOF_MISSING when it was', async () => {
    const unsigned = await verifyPresentation(vpOf(holder.did), env());
    expect(unsigned).toMatchObject({ verdict: 'incomplete', holder: holder.did });
    expect(unsigned.checks[0]).toMatchObject({ id: 'proof', outcome: 'not-checked', reason: 'not-applicable', code: 'NOT_SIGNED' });
    expect(unsigned.checks[1]).toMatchObject({ id: 'holder', outcome: 'not-checked', code: 'NOT_APPLICABLE' });
    const asked = await verifyPresentation(vpOf(holder.did), env(), { challenge: CHALLENGE });
    expect(asked.verdict).toBe('failed');
    expect(asked.checks[0]).toMatchObject({ code: 'PROOF_MISSING' });
  });

  it('a proof made for assertion is not a holder’s proof', async () => {
    const suite = new DataIntegrityProof({ signer: holder.pair.signer(), date: SIGNED_AT, cryptosuite: eddsaRdfc2022 });
    const vp = (await jsigs.sign(structuredClone(vpOf(holder.did)), { suite, purpose: new jsigs.purposes.AssertionProofPurpose(), documentLoader: contextLoader })) as JsonObject; // why: as above
    expect((await verifyPresentation(vp, env())).checks[0]).toMatchObject({ outcome: 'failed', code: 'PROOF_INVALID' });
  });

  it('a proof set: the holder’s proof decides whatever the order, another valid proof is reported, never held against it', async () => {
    const holderFirst = await signVp(await signVp(vpOf(holder.did), holder, { challenge: CHALLENGE }), stranger, { challenge: CHALLENGE });
    const proofs = holderFirst.proof as JsonObject[];
    expect(proofs).toHaveLength(2);
    const strangerFirst = { ...holderFirst, proof: [...proofs].reverse() };
    for (const vp of [holderFirst, strangerFirst]) {
      const r = await verifyPresentation(vp, env(), { challenge: CHALLENGE });
      expect(codes(r)).toEqual({ proof: 'PROOF_VALID', holder: 'HOLDER_MATCHES' });
      expect(r.checks[0]?.data).toMatchObject({ proofs: 2, otherValid: 1 });
    }
    // Signed only by someone else: valid, but not the holder's.
    const foreign = await signVp(vpOf(holder.did), stranger, { challenge: CHALLENGE });
    expect(codes(await verifyPresentation(foreign, env(), { challenge: CHALLENGE }))).toEqual({ proof: 'PROOF_VALID', holder: 'HOLDER_MISMATCH' });
  });

  it('the wallet’s own device-key signature (WebCrypto) verifies through the same room', async () => {
    const key = await createDeviceKey();
    const vp = await signPresentation(vpOf(holder.did), key, { challenge: CHALLENGE, domain: DOMAIN, created: new Date(SIGNED_AT) });
    expect(await verifyPresentation(vp, env(), { challenge: CHALLENGE, domain: DOMAIN })).toMatchObject({ verdict: 'verified', holder: key.did });
  });
});

describe('verifyBytes with presentations and envelopes', () => {
  it('carries the presentation result beside each credential’s own', async () => {
    const vp = await signVp(vpOf(holder.did), holder, { challenge: CHALLENGE });
    const r = await verifyBytes(enc(vp), trustedEnv(credentialIssuer.did), { challenge: CHALLENGE });
    expect(r.credentials.map((c) => c.verification.verdict)).toEqual(['verified']);
    expect(r.presentation).toMatchObject({ verdict: 'verified', holder: holder.did });
    expect((await verifyBytes(enc(vp), env(), { challenge: 'other' })).presentation?.verdict).toBe('failed');
    // A credential on its own has no presentation result.
    expect((await verifyBytes(enc(credential), env())).presentation).toBeUndefined();
  });

  it('a VP-JWT: its JWS is not checked here, so the presentation is unsupported, never verified', async () => {
    const jwt = await signJws({ iss: holder.did, vp: vpOf(holder.did) }, { alg: 'EdDSA', kid: holder.vm }, (await importJWK(holder.privateJwk, 'EdDSA')) as CryptoKey); // why: a private OKP JWK imports as a CryptoKey
    const r = await verifyBytes(enc(jwt), env());
    expect(r.credentials).toHaveLength(1);
    expect(r.presentation).toMatchObject({ verdict: 'unsupported' });
    expect(r.presentation?.checks[0]).toMatchObject({ id: 'proof', outcome: 'not-checked', reason: 'unsupported', code: 'UNSUPPORTED_PROOF' });
  });

  it('an EnvelopedVerifiableCredential at top level is read as the VC-JWT it carries', async () => {
    const issuer = await generateDidKey('Ed25519');
    const vc = ob3Credential({ id: 'urn:uuid:2d6a3c8e-enveloped', issuerId: issuer.did, identityHash: await hashedEmail(RECIPIENT_EMAIL, SALT) });
    const jws = await signJws(vcJwtPayload(vc), { alg: 'EdDSA', typ: 'vc+jwt', kid: issuer.vm }, (await importJWK(issuer.privateJwk, 'EdDSA')) as CryptoKey); // why: as above
    const envelope = { '@context': VC_V2, id: `data:application/vc+jwt,${jws}`, type: 'EnvelopedVerifiableCredential' };
    const r = await verifyBytes(enc(envelope), trustedEnv(issuer.did));
    expect(r.error).toBeUndefined();
    expect(r.credentials.map((c) => [c.format, c.verification.verdict])).toEqual([['ob3-jwt', 'verified']]);
  });
});

describe('the CLI says the same', () => {
  it('tsumiki verify --json --challenge --domain: every row from a presentation carries its verdict, holder and checks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tsumiki-vp-'));
    const cases: Record<string, { vp: JsonObject; options: { challenge?: string; domain?: string } }> = {
      right: { vp: await signVp(vpOf(holder.did), holder, { challenge: CHALLENGE, domain: DOMAIN }), options: { challenge: CHALLENGE, domain: DOMAIN } },
      wrongChallenge: { vp: await signVp(vpOf(holder.did), holder, { challenge: 'c-old', domain: DOMAIN }), options: { challenge: CHALLENGE, domain: DOMAIN } },
      otherHolder: { vp: await signVp(vpOf(stranger.did), holder, { challenge: CHALLENGE, domain: DOMAIN }), options: { challenge: CHALLENGE, domain: DOMAIN } },
      tampered: { vp: { ...(await signVp(vpOf(holder.did), holder, { challenge: CHALLENGE, domain: DOMAIN })), id: 'urn:uuid:added' }, options: { challenge: CHALLENGE, domain: DOMAIN } },
    };
    const files = Object.keys(cases).map((name) => {
      const file = join(dir, `${name}.json`);
      writeFileSync(file, JSON.stringify(cases[name]!.vp)); // why: name is a key of cases
      return file;
    });
    // The credentials' did:key issuer is listed in a registry given with --trust (issue 12).
    const registry = join(dir, 'registry.json');
    writeFileSync(registry, dccRegistryJson([credentialIssuer.did]));
    const out: { stdout: string; code?: number } = await run('npx', ['tsx', 'src/cli/tsumiki.ts', 'verify', '--json', '--now', NOW.toISOString(), '--trust', registry, '--challenge', CHALLENGE, '--domain', DOMAIN, ...files]).catch((e: { stdout: string; code: number }) => e);
    expect(out.code).toBe(1); // some presentations failed, though every credential is verified
    const rows = (JSON.parse(out.stdout) as { results: Array<{ file: string; verdict: string; presentation: { verdict: string; holder: string | null; checks: Array<{ id: string; code: string }> } }> }).results;
    expect(rows).toHaveLength(4);
    for (const [i, name] of Object.keys(cases).entries()) {
      const row = rows[i]!; // why: four rows, checked above
      const { vp, options } = cases[name]!; // why: as above
      const inProcess = await verifyPresentation(vp, env(), options);
      expect(row.verdict, name).toBe('verified'); // the credential itself
      expect(row.presentation, name).toEqual({ verdict: inProcess.verdict, holder: inProcess.holder, checks: inProcess.checks.map((c) => ({ id: c.id, outcome: c.outcome, code: c.code, ...(c.outcome === 'not-checked' ? { reason: c.reason } : {}), ...(c.data ? { data: c.data } : {}) })) });
    }
    const human: { stdout: string } = await run('npx', ['tsx', 'src/cli/tsumiki.ts', 'verify', '--now', NOW.toISOString(), '--trust', registry, '--challenge', CHALLENGE, '--domain', DOMAIN, files[0]!]); // why: four files
    expect(human.stdout).toMatch(new RegExp(`^✔ Presentation: Verified — .*right\\.json \\(holder ${holder.did}\\)$`, 'm'));
    expect(human.stdout).toContain('Signed by the holder the presentation names');
    expect(rows.map((r) => [r.presentation.verdict, r.presentation.checks.map((c) => c.code).join(' ')])).toEqual([
      ['verified', 'PROOF_VALID HOLDER_MATCHES'],
      ['failed', 'CHALLENGE_MISMATCH PROOF_NOT_VERIFIED'],
      ['failed', 'PROOF_VALID HOLDER_MISMATCH'],
      ['failed', 'SIGNATURE_MISMATCH PROOF_NOT_VERIFIED'],
    ]);
  }, 60_000);
});
