// Tests written for StrykerJS (`npm run mutate`): a presentation's own proof and holder
// (verify/presentation.ts), called directly on presentations signed at test time.
import jsigs from 'jsonld-signatures';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import jsonld from 'jsonld';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { JsonObject } from '../../../src/lib/model/credential.ts';
import { VC_V1 } from '../../../src/lib/verify/contexts/names.ts';
import { createEnv } from '../../../src/lib/verify/env.ts';
import { contextLoader } from '../../../src/lib/verify/loader.ts';
import { verifyPresentation } from '../../../src/lib/verify/presentation.ts';
import { generateDidKey, NOW, SIGNED_AT, VC_V2, type DidKey } from '../../support/issuer.ts';

const env = () => createEnv({ now: NOW });
const DATA_INTEGRITY_V2 = 'https://w3id.org/security/data-integrity/v2';
let key: DidKey;
let other: DidKey;

beforeAll(async () => {
  key = await generateDidKey('Ed25519');
  other = await generateDidKey('Ed25519');
});

const vp = (extra: JsonObject = {}): JsonObject => ({ '@context': [VC_V2], id: 'urn:tsumiki:mutants:vp', type: ['VerifiablePresentation'], ...extra });

/** A presentation signed for authentication by `signer`, with the challenge and domain given. */
async function signed(doc: JsonObject, signer: DidKey, options: { challenge?: string; domain?: string } = {}): Promise<JsonObject> {
  const suite = new DataIntegrityProof({ signer: signer.pair.signer(), date: SIGNED_AT, cryptosuite: eddsaRdfc2022 });
  const purpose = new jsigs.purposes.AuthenticationProofPurpose({ challenge: options.challenge ?? 'c', ...(options.domain ? { domain: options.domain } : {}) });
  return (await jsigs.sign(structuredClone(doc), { suite, purpose, documentLoader: contextLoader })) as JsonObject;
}

describe('unsigned presentations', () => {
  it('nothing asked: NOT_SIGNED, and the holder it names is not applicable', async () => {
    expect(await verifyPresentation(vp({ holder: 'did:example:h' }), env())).toEqual({
      verdict: 'incomplete',
      holder: 'did:example:h',
      checks: [
        { id: 'proof', outcome: 'not-checked', reason: 'not-applicable', code: 'NOT_SIGNED' },
        { id: 'holder', outcome: 'not-checked', reason: 'not-applicable', code: 'NOT_APPLICABLE', data: { holder: 'did:example:h' } },
      ],
    });
  });

  it('a challenge or a domain asked: PROOF_MISSING, saying what was asked; blanks are not asked', async () => {
    expect((await verifyPresentation(vp(), env(), { challenge: 'abc' })).checks[0]).toEqual({ id: 'proof', outcome: 'failed', code: 'PROOF_MISSING', data: { challenge: 'abc', domain: null } });
    expect((await verifyPresentation(vp(), env(), { domain: 'verifier.test' })).checks[0]).toEqual({ id: 'proof', outcome: 'failed', code: 'PROOF_MISSING', data: { challenge: null, domain: 'verifier.test' } });
    expect((await verifyPresentation(vp(), env(), { challenge: '  ', domain: '' })).checks[0]).toMatchObject({ code: 'NOT_SIGNED' });
  });

  it('no holder: null, not applicable', async () => {
    expect(await verifyPresentation(vp(), env())).toMatchObject({ holder: null, checks: [{ code: 'NOT_SIGNED' }, { id: 'holder', outcome: 'not-checked', reason: 'not-applicable', code: 'NOT_APPLICABLE' }] });
  });

  it('a VP-JWT: its JWS is not checked (unsupported), said so', async () => {
    expect((await verifyPresentation(vp({ proof: { type: 'X' } }), env(), { jws: 'a.b.c' })).checks[0]).toEqual({
      id: 'proof',
      outcome: 'not-checked',
      reason: 'unsupported',
      code: 'UNSUPPORTED_PROOF',
      data: { suite: 'VP-JWT', detail: 'the holder’s JWS over a VP-JWT is not checked' },
    });
  });
});

describe('the holder as read from the graph', () => {
  it('two holders: AMBIGUOUS; a holder object without an id: STRUCTURE_INVALID', async () => {
    expect((await verifyPresentation(vp({ holder: ['did:example:a', 'did:example:b'] }), env())).checks[1]).toEqual({ id: 'holder', outcome: 'failed', code: 'AMBIGUOUS', data: { problem: 'holder has 2 values' } });
    expect((await verifyPresentation(vp({ holder: { name: 'Someone' } }), env())).checks[1]).toEqual({ id: 'holder', outcome: 'failed', code: 'STRUCTURE_INVALID', data: { problem: 'a holder without an id' } });
    expect((await verifyPresentation(vp({ holder: { id: 'did:example:h', name: 'H' } }), env())).holder).toBe('did:example:h');
  });

  it('a signed presentation with an unknown context: UNKNOWN_CONTEXT; unsigned, read leniently', async () => {
    const unknown = vp({ '@context': [VC_V2, 'https://contexts.unknown.test/v1'], holder: 'did:example:h', proof: { type: 'DataIntegrityProof' } });
    expect((await verifyPresentation(unknown, env())).checks[1]).toEqual({ id: 'holder', outcome: 'not-checked', reason: 'unsupported', code: 'UNKNOWN_CONTEXT', data: { url: 'https://contexts.unknown.test/v1' } });
    // Unsigned, a bare JWT string among the credentials (undefined in safe mode) does not stop the reading.
    expect((await verifyPresentation(vp({ holder: 'did:example:h', verifiableCredential: ['a.b.c'] }), env())).holder).toBe('did:example:h');
  });

  it('a graph that is no presentation: AMBIGUOUS', async () => {
    expect((await verifyPresentation({ '@context': [VC_V2], type: ['VerifiableCredential'] }, env())).checks[1]).toEqual({ id: 'holder', outcome: 'failed', code: 'AMBIGUOUS', data: { problem: 'no credential in the signed graph' } });
  });
});

describe('signed presentations', () => {
  it('signed by the holder: passed twice', async () => {
    const result = await verifyPresentation(await signed(vp({ holder: key.did }), key, { challenge: 'abc' }), env(), { challenge: 'abc' });
    expect(result.verdict).toBe('verified');
    expect(result.checks[0]).toMatchObject({ id: 'proof', outcome: 'passed', code: 'PROOF_VALID' });
    expect(result.checks[1]).toEqual({ id: 'holder', outcome: 'passed', code: 'HOLDER_MATCHES', data: { holder: key.did } });
  });

  it('a valid proof by someone else: HOLDER_MISMATCH, naming the signer', async () => {
    const result = await verifyPresentation(await signed(vp({ holder: key.did }), other), env());
    expect(result.checks[1]).toEqual({ id: 'holder', outcome: 'failed', code: 'HOLDER_MISMATCH', data: { holder: key.did, signer: other.did } });
  });

  it('no holder named: not applicable, saying who signed', async () => {
    const result = await verifyPresentation(await signed(vp(), other), env());
    expect(result.checks[1]).toEqual({ id: 'holder', outcome: 'not-checked', reason: 'not-applicable', code: 'NOT_APPLICABLE', data: { signer: other.did } });
  });

  it('a proof that does not verify: the holder did not sign it if no proof names the holder’s key', async () => {
    const byOther = await signed(vp({ holder: key.did }), other);
    const broken = { ...byOther, proof: { ...(byOther.proof as JsonObject), proofValue: 'z3FXQgVgsWHRFNqtw4Q7CbrXTDiR1DLrxyNdztoMMQ8hzYzKKcG6TSZV9Sge4HdBQmWU5TLPZvYjbtB8aNa1zTdK' } };
    expect((await verifyPresentation(broken, env())).checks[1]).toEqual({ id: 'holder', outcome: 'failed', code: 'HOLDER_MISMATCH', data: { holder: key.did, signer: other.did } });
    const byHolder = await signed(vp({ holder: key.did }), key);
    const own = { ...byHolder, proof: { ...(byHolder.proof as JsonObject), proofValue: 'z3FXQgVgsWHRFNqtw4Q7CbrXTDiR1DLrxyNdztoMMQ8hzYzKKcG6TSZV9Sge4HdBQmWU5TLPZvYjbtB8aNa1zTdK' } };
    expect((await verifyPresentation(own, env())).checks[1]).toEqual({ id: 'holder', outcome: 'not-checked', reason: 'not-applicable', code: 'PROOF_NOT_VERIFIED', data: { holder: key.did } });
  });

  it('a proof that could not be checked: the holder check keeps its reason', async () => {
    const unsupported = vp({ holder: key.did, proof: { type: 'FancyProof2099', proofPurpose: 'authentication', verificationMethod: key.vm } });
    expect((await verifyPresentation(unsupported, env())).checks[1]).toEqual({ id: 'holder', outcome: 'not-checked', reason: 'unsupported', code: 'PROOF_NOT_VERIFIED', data: { holder: key.did } });
  });

  it('challenge and domain asked exactly (spaces kept), against what was signed', async () => {
    const doc = await signed(vp({ holder: key.did }), key, { challenge: ' abc', domain: 'verifier.test' });
    expect((await verifyPresentation(doc, env(), { challenge: ' abc', domain: 'verifier.test' })).checks[0]).toMatchObject({ outcome: 'passed' });
    expect((await verifyPresentation(doc, env(), { challenge: 'abc' })).checks[0]).toMatchObject({ outcome: 'failed', code: 'CHALLENGE_MISMATCH' });
    expect((await verifyPresentation(doc, env(), { challenge: ' abc', domain: 'other.test' })).checks[0]).toMatchObject({ outcome: 'failed', code: 'DOMAIN_MISMATCH' });
  });
});

describe('mutants: presentation.ts — reading the holder', () => {
  it('a presentation jsonld.js cannot read: NOT_READABLE, its reason cut to 300 characters', async () => {
    const version = `9.${'9'.repeat(400)}`; // a context's @version is echoed in jsonld.js's message
    const result = await verifyPresentation(vp({ '@context': [VC_V2, { '@version': version }], holder: 'did:example:h' }), env());
    expect(result.holder).toBeNull();
    expect(result.checks[1]).toEqual({ id: 'holder', outcome: 'not-checked', reason: 'error', code: 'NOT_READABLE', data: { detail: `Unsupported JSON-LD version: ${version}`.slice(0, 300) } });
  });

  it('two presentations that each link to the other: the top-level id decides, written as id or as @id', async () => {
    const loop = (key: 'id' | '@id'): JsonObject => ({
      '@context': [VC_V2],
      [key]: 'urn:tsumiki:mutants:vp-a',
      type: ['VerifiablePresentation'],
      holder: { id: 'urn:tsumiki:mutants:vp-b', type: ['VerifiablePresentation'], holder: 'urn:tsumiki:mutants:vp-a' },
    });
    expect((await verifyPresentation(loop('id'), env())).holder).toBe('urn:tsumiki:mutants:vp-b');
    expect((await verifyPresentation(loop('@id'), env())).holder).toBe('urn:tsumiki:mutants:vp-b');
  });

  it('unsigned, a term no context defines does not stop the reading (lenient)', async () => {
    const doc = { '@context': [VC_V1], type: ['VerifiablePresentation'], holder: 'did:example:h', nickname: 'not in any context' };
    expect(await verifyPresentation(doc, env())).toEqual({
      verdict: 'incomplete',
      holder: 'did:example:h',
      checks: [
        { id: 'proof', outcome: 'not-checked', reason: 'not-applicable', code: 'NOT_SIGNED' },
        { id: 'holder', outcome: 'not-checked', reason: 'not-applicable', code: 'NOT_APPLICABLE', data: { holder: 'did:example:h' } },
      ],
    });
  });

  it('signed, a term no context defines added after signing fails the proof (UNDEFINED_TERM), never verified as signed without it', async () => {
    const doc = await signed({ '@context': [VC_V1, DATA_INTEGRITY_V2], type: ['VerifiablePresentation'], holder: key.did }, key);
    expect((await verifyPresentation(doc, env())).verdict).toBe('verified');
    const result = await verifyPresentation({ ...doc, nickname: 'added after signing' }, env());
    expect(result.verdict).toBe('failed');
    expect(result.holder).toBe(key.did);
    expect(result.checks[0]).toMatchObject({ id: 'proof', outcome: 'failed', code: 'UNDEFINED_TERM' });
    expect(result.checks[1]).toEqual({ id: 'holder', outcome: 'not-checked', reason: 'not-applicable', code: 'PROOF_NOT_VERIFIED', data: { holder: key.did } });
  });

  it('the presentation’s graph is built once: the holder is read from the quads the proof hashes', async () => {
    const doc = await signed(vp({ holder: key.did }), key);
    const toRdf = vi.spyOn(jsonld, 'toRDF');
    try {
      expect((await verifyPresentation(doc, env())).verdict).toBe('verified');
      const ofDocument = toRdf.mock.calls.filter(([input]) => (input as JsonObject).id === 'urn:tsumiki:mutants:vp');
      expect(ofDocument).toHaveLength(1);
    } finally {
      toRdf.mockRestore();
    }
  });
});

describe('mutants: presentation.ts — whose key an unverified proof names', () => {
  it('a proof naming no key at all names nobody: the holder is not said to mismatch', async () => {
    const proof = { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'authentication', challenge: 'c', proofValue: 'z3FXQgVgsWHRFNqtw4Q7CbrXTDiR1DLrxyNdztoMMQ8hzYzKKcG6TSZV9Sge4HdBQmWU5TLPZvYjbtB8aNa1zTdK' };
    const result = await verifyPresentation(vp({ holder: key.did, proof }), env());
    expect(result.checks[0]).toMatchObject({ id: 'proof', outcome: 'failed', code: 'PROOF_INVALID', data: { detail: 'no verificationMethod' } });
    expect(result.checks[1]).toEqual({ id: 'holder', outcome: 'not-checked', reason: 'not-applicable', code: 'PROOF_NOT_VERIFIED', data: { holder: key.did } });
  });

  it('a proof refused before its key is looked up still names its signer: HOLDER_MISMATCH when that is someone else', async () => {
    const byOther = await signed(vp({ holder: key.did }), other, { challenge: 'c' });
    const result = await verifyPresentation(byOther, env(), { challenge: 'another' });
    expect(result.checks[0]).toMatchObject({ id: 'proof', outcome: 'failed', code: 'CHALLENGE_MISMATCH' });
    expect(result.checks[1]).toEqual({ id: 'holder', outcome: 'failed', code: 'HOLDER_MISMATCH', data: { holder: key.did, signer: other.did } });
  });

  it('no holder named and no proof verified: not applicable, naming no signer', async () => {
    const result = await verifyPresentation(await signed(vp(), other, { challenge: 'c' }), env(), { challenge: 'another' });
    expect(result).toMatchObject({ verdict: 'failed', holder: null });
    expect(result.checks[1]).toEqual({ id: 'holder', outcome: 'not-checked', reason: 'not-applicable', code: 'NOT_APPLICABLE' });
  });
});

describe('mutants: presentation.ts — never throws', () => {
  it('a proof check that throws is reported as CHECK_ERROR, its message cut to 300 characters', async () => {
    // Unreachable from parsed JSON (the proof check refuses bad JSON by its checks); an object whose property cannot be read does it.
    const message = `the proof could not be read: ${'x'.repeat(400)}`;
    const proof = {
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      get proofPurpose(): string {
        throw new Error(message);
      },
    };
    const result = await verifyPresentation(vp({ holder: key.did, proof }), env());
    expect(result.checks).toEqual([
      { id: 'proof', outcome: 'not-checked', reason: 'error', code: 'CHECK_ERROR', data: { detail: message.slice(0, 300) } },
      { id: 'holder', outcome: 'not-checked', reason: 'not-applicable', code: 'NOT_APPLICABLE', data: { holder: key.did } },
    ]);
  });
});
