/**
 * VC 2.0 structure rules found by running the W3C VC Data Model 2.0 test suite against the core
 * (tests/conformance): each case signed by a fresh did:key (so only the property under test can
 * decide), verified offline at NOW.
 */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/lib/model/credential.ts';
import { createEnv } from '../../../src/lib/verify/env.ts';
import { verifyBytes, type CredentialResult } from '../../../src/lib/verify/pipeline.ts';
import { verifyPresentation } from '../../../src/lib/verify/presentation.ts';
import { generateDidKey, NOW, ob3Credential, signDi, SIGNED_AT, SUBJECT_ID, trusting, VC_V2 } from '../../support/issuer.ts';
import jsigs from 'jsonld-signatures';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { contextLoader } from '../../../src/lib/verify/loader.ts';

async function verifyChanged(change: (c: JsonObject) => JsonObject): Promise<CredentialResult> {
  const k = await generateDidKey('Ed25519');
  const base = ob3Credential({ id: 'urn:uuid:0b3c0000-0000-4000-8000-000000000002', issuerId: k.did, identityHash: 'sha256$00' });
  const signed = await signDi(change(base), 'eddsa-rdfc-2022', k.pair);
  const r = await verifyBytes(new TextEncoder().encode(JSON.stringify(signed)), createEnv({ now: NOW, trust: trusting([k.did]) }));
  return r.credentials[0] as CredentialResult; // why: one credential in, one out
}

const structure = (r: CredentialResult) => r.verification.checks.find((c) => c.id === 'structure');

describe('VC 2.0 structure', () => {
  it('the control verifies', async () => {
    expect((await verifyChanged((c) => c)).verification.verdict).toBe('verified');
  });

  it('a credentialSchema with a type but no id → STRUCTURE_INVALID (VC 2.0 §4.11)', async () => {
    const r = await verifyChanged((c) => ({ ...c, credentialSchema: { type: 'JsonSchema' } }));
    expect(structure(r)).toMatchObject({ outcome: 'failed', code: 'STRUCTURE_INVALID', data: { path: expect.stringContaining('credentialSchema') } });
  });

  it('a refreshService named only by an id (no type anywhere in the graph) → STRUCTURE_INVALID', async () => {
    const r = await verifyChanged((c) => ({ ...c, refreshService: { id: 'did:example:refresh/1' } }));
    expect(structure(r)).toMatchObject({ outcome: 'failed', code: 'STRUCTURE_INVALID' });
  });

  it('one relatedResource listed twice with two digests → STRUCTURE_INVALID', async () => {
    const resource = (digest: string) => ({ id: 'https://tsumiki.test/image.png', digestSRI: digest });
    const r = await verifyChanged((c) => ({ ...c, relatedResource: [resource('sha384-AAAA'), resource('sha384-BBBB')] }));
    expect(structure(r)).toMatchObject({ outcome: 'failed', code: 'STRUCTURE_INVALID', data: { path: 'relatedResource' } });
  });
});

describe('a presentation holder', () => {
  it('a holder with a name but no id is refused (VC 2.0 §4.13), even when the proof holds', async () => {
    const k = await generateDidKey('Ed25519');
    const vp: JsonObject = { '@context': [VC_V2], type: ['VerifiablePresentation'], holder: { name: 'Acme' }, verifiableCredential: [{ '@context': [VC_V2], type: ['VerifiableCredential'], issuer: k.did, credentialSubject: { id: SUBJECT_ID } }] };
    const suite = new DataIntegrityProof({ signer: k.pair.signer(), date: SIGNED_AT, cryptosuite: eddsaRdfc2022 });
    const signed = (await jsigs.sign(structuredClone(vp), { suite, purpose: new jsigs.purposes.AuthenticationProofPurpose({ challenge: 'c-1' }), documentLoader: contextLoader })) as JsonObject; // why: jsigs returns the document
    const result = await verifyPresentation(signed, createEnv({ now: NOW }), { challenge: 'c-1' });
    expect(result.checks.find((c) => c.id === 'proof')).toMatchObject({ outcome: 'passed' });
    expect(result.checks.find((c) => c.id === 'holder')).toMatchObject({ outcome: 'failed', code: 'STRUCTURE_INVALID' });
    expect(result.verdict).toBe('failed');
  });
});
