// Tests written for StrykerJS (`npm run mutate`): the proof-set room (proofs/index.ts), called directly:
// every way one proof is refused before or after its key is looked up, with the words the report shows,
// and what the set's deciding check carries.
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/lib/model/credential.ts';
import { createEnv } from '../../../src/lib/verify/env.ts';
import { checkEmbeddedProofs, checkProofSet, MAX_PROOFS } from '../../../src/lib/verify/proofs/index.ts';
import { generateDidKey, generateHttpsKey, NOW, ob3Credential, signDi, World, type DidKey } from '../../support/issuer.ts';

const env = () => createEnv({ now: NOW });
let issuer: DidKey;
let other: DidKey;
let signed: JsonObject;
let proof: JsonObject;

beforeAll(async () => {
  issuer = await generateDidKey('Ed25519');
  other = await generateDidKey('Ed25519');
  signed = await signDi(ob3Credential({ id: 'urn:tsumiki:mutants:proofs', issuerId: issuer.did, identityHash: 'sha256$00' }), 'eddsa-rdfc-2022', issuer.pair);
  proof = signed.proof as JsonObject;
});

const withProof = (p: unknown): JsonObject => ({ ...signed, proof: p as JsonObject });
const assertion = (doc: JsonObject) => checkProofSet(doc, env(), { purpose: 'assertionMethod', controller: issuer.did });
const SUITE = 'eddsa-rdfc-2022';

describe('the set', () => {
  it('no proof; a proof that is not an object; more than the bound', async () => {
    expect(await assertion({ ...signed, proof: [] })).toEqual({ check: { id: 'proof', outcome: 'failed', code: 'PROOF_MISSING' }, results: [] });
    expect(await assertion(withProof([proof, 'x']))).toEqual({ check: { id: 'proof', outcome: 'failed', code: 'PROOF_INVALID', data: { detail: 'a proof that is not an object' } }, results: [] });
    expect(MAX_PROOFS).toBe(8);
    expect((await assertion(withProof(Array(9).fill(proof)))).check).toEqual({ id: 'proof', outcome: 'failed', code: 'PROOF_INVALID', data: { detail: '9 proofs (at most 8)' } });
  });

  it('the deciding check says how many proofs there were and how many other valid ones', async () => {
    const found = await assertion(signed);
    expect(found.check).toEqual({ id: 'proof', outcome: 'passed', code: 'PROOF_VALID', data: { suite: SUITE, verificationMethod: issuer.vm, proofs: 1, otherValid: 0 } });
    expect(found.method?.controller).toBe(issuer.did);
    expect(found.results).toHaveLength(1);
  });

  it('checkEmbeddedProofs holds the proofs to the document’s own issuer', async () => {
    expect((await checkEmbeddedProofs(signed, env())).check).toMatchObject({ outcome: 'passed', data: { verificationMethod: issuer.vm } });
    const byOther = await signDi({ ...ob3Credential({ id: 'urn:x', issuerId: issuer.did, identityHash: 'sha256$00' }) }, 'eddsa-rdfc-2022', other.pair);
    const found = await checkEmbeddedProofs(byOther, env());
    // A valid proof by someone else decides only when the issuer has none; no method is handed on as the issuer's.
    expect(found.check).toMatchObject({ outcome: 'passed', data: { verificationMethod: other.vm } });
  });

  it('a failed proof hands on no method', async () => {
    const found = await assertion(withProof({ ...proof, proofValue: 'z3FXQgVgsWHRFNqtw4Q7CbrXTDiR1DLrxyNdztoMMQ8hzYzKKcG6TSZV9Sge4HdBQmWU5TLPZvYjbtB8aNa1zTdK' }));
    expect(found.check).toMatchObject({ outcome: 'failed', code: 'SIGNATURE_MISMATCH', data: { suite: SUITE, proofs: 1, otherValid: 0 } });
    expect(found).not.toHaveProperty('method');
  });
});

describe('one proof, refused before its key is looked up', () => {
  it.each([
    ['no type', { ...{ proofPurpose: 'assertionMethod' } }, { code: 'PROOF_INVALID', data: { detail: 'a proof without a type' } }],
    ['a type that is not a string', { type: ['DataIntegrityProof'] }, { code: 'PROOF_INVALID', data: { detail: 'a proof without a type' } }],
  ])('%s', async (_name, p, expected) => {
    expect((await assertion(withProof(p))).check).toMatchObject({ outcome: 'failed', ...expected });
  });

  it('a suite this wallet does not verify: unsupported, named by its cryptosuite or type', async () => {
    expect((await assertion(withProof({ ...proof, cryptosuite: 'bbs-2023' }))).check).toEqual({ id: 'proof', outcome: 'not-checked', reason: 'unsupported', code: 'UNSUPPORTED_PROOF', data: { suite: 'bbs-2023', proofs: 1, otherValid: 0 } });
    expect((await assertion(withProof({ type: 'RsaSignature2018' }))).check).toMatchObject({ code: 'UNSUPPORTED_PROOF', data: { suite: 'RsaSignature2018' } });
  });

  it('a proof for another purpose', async () => {
    expect((await assertion(withProof({ ...proof, proofPurpose: 'authentication' }))).check).toMatchObject({ code: 'PROOF_INVALID', data: { suite: SUITE, detail: 'proofPurpose authentication is not assertionMethod' } });
    expect((await assertion(withProof({ ...proof, proofPurpose: undefined }))).check).toMatchObject({ data: { detail: 'proofPurpose undefined is not assertionMethod' } });
  });

  it('dates that are not zoned date-times, created in the future, expired', async () => {
    const skew = 300_000;
    const detail = async (p: JsonObject) => (await assertion(withProof({ ...proof, ...p }))).check.data?.detail;
    expect(await detail({ created: '2025-01-01T00:00:00' })).toBe('proof.created is not a date-time with a zone');
    expect(await detail({ created: 20250101 })).toBe('proof.created is not a date-time with a zone');
    expect(await detail({ expires: '2030-02-32T00:00:00Z' })).toBe('proof.expires is not a date-time with a zone');
    expect(await detail({ expires: '2030-01-01T00:00:00.5+09:00x' })).toBe('proof.expires is not a date-time with a zone');
    const future = new Date(NOW.getTime() + skew + 1000).toISOString();
    expect(await detail({ created: future })).toBe(`proof created in the future (${future})`);
    const past = new Date(NOW.getTime() - skew - 1000).toISOString();
    expect(await detail({ expires: past })).toBe(`proof expired at ${past}`);
  });

  it('no verificationMethod; previousProof naming nothing by id', async () => {
    expect((await assertion(withProof({ ...proof, verificationMethod: undefined }))).check).toMatchObject({ code: 'PROOF_INVALID', data: { suite: SUITE, detail: 'no verificationMethod' } });
    expect((await assertion(withProof({ ...proof, verificationMethod: { type: 'Multikey' } }))).check).toMatchObject({ data: { detail: 'no verificationMethod' } });
    expect((await assertion(withProof({ ...proof, previousProof: [7] }))).check).toMatchObject({ code: 'PROOF_INVALID', data: { detail: 'previousProof must name proofs by id' } });
    expect((await assertion(withProof({ ...proof, previousProof: 'urn:p:none' }))).check).toMatchObject({ code: 'PROOF_INVALID', data: { detail: 'a previous proof it names is not in the proof set' } });
  });

  it('ecdsa-sd-2023 proofs cannot be chained here: unsupported, said so', async () => {
    const sd = { ...proof, id: 'urn:p:2', cryptosuite: 'ecdsa-sd-2023', previousProof: 'urn:p:1' };
    const found = await assertion(withProof([{ ...proof, id: 'urn:p:1' }, sd]));
    expect(found.results.find((r) => r.proof.id === 'urn:p:2')?.check).toEqual({ id: 'proof', outcome: 'not-checked', reason: 'unsupported', code: 'UNSUPPORTED_PROOF', data: { suite: 'ecdsa-sd-2023', detail: 'chained proofs of this suite' } });
  });
});

describe('one proof and its key', () => {
  it('a key that cannot be looked up offline: not-checked, offline, with the resolver’s words', async () => {
    const vm = 'did:web:issuer.mutants.test#key-1';
    expect((await assertion(withProof({ ...proof, verificationMethod: vm }))).check).toEqual({
      id: 'proof',
      outcome: 'not-checked',
      reason: 'offline',
      code: 'NEEDS_NETWORK',
      data: { suite: SUITE, detail: 'https://issuer.mutants.test/.well-known/did.json could not be fetched', proofs: 1, otherValid: 0 },
    });
  });

  it('a key that never resolves: failed KEY_NOT_FOUND, with the words', async () => {
    expect((await assertion(withProof({ ...proof, verificationMethod: `${issuer.did}#other` }))).check).toMatchObject({ outcome: 'failed', code: 'KEY_NOT_FOUND', data: { suite: SUITE, detail: `did:key fragment other is not its key` } });
  });

  it('a key its controller lists for authentication only: KEY_NOT_AUTHORIZED for the purpose', async () => {
    const controller = 'https://keys.mutants.test/issuer';
    const key = await generateHttpsKey(controller);
    const doc = await signDi(ob3Credential({ id: 'urn:y', issuerId: controller, identityHash: 'sha256$00' }), 'eddsa-rdfc-2022', key.pair);
    const world = new World().serve(controller, { ...key.controllerDocument, assertionMethod: [], authentication: [key.vm] });
    const found = await checkProofSet(doc, world.env(), { purpose: 'assertionMethod', controller });
    expect(found.check).toEqual({ id: 'proof', outcome: 'failed', code: 'KEY_NOT_AUTHORIZED', data: { suite: SUITE, purpose: 'assertionMethod', proofs: 1, otherValid: 0 } });
    // The method is known (it resolved), but a failed proof hands none on.
    expect(found.results[0]?.method?.controller).toBe(controller);
    expect(found).not.toHaveProperty('method');
  });
});

describe('which proof decides', () => {
  it('the controller’s own proof over a valid foreign one; the foreign one counted', async () => {
    const foreign = ((await signDi(ob3Credential({ id: 'urn:tsumiki:mutants:proofs', issuerId: issuer.did, identityHash: 'sha256$00' }), 'eddsa-rdfc-2022', other.pair)).proof) as JsonObject;
    for (const proofs of [[proof, foreign], [foreign, proof]]) {
      const found = await assertion(withProof(proofs));
      expect(found.check).toMatchObject({ outcome: 'passed', data: { verificationMethod: issuer.vm, proofs: 2, otherValid: 1 } });
      expect(found.results.map((r) => r.check.outcome)).toEqual(['passed', 'passed']);
    }
  });

  it('with no controller given, the first valid one (in a stable order)', async () => {
    const found = await checkProofSet(signed, env(), { purpose: 'assertionMethod', controller: undefined });
    expect(found.check).toMatchObject({ outcome: 'passed', data: { proofs: 1, otherValid: 0 } });
  });

  it('failures rank: failed, then not checked for error or offline, then unsupported', async () => {
    const unsupported = { type: 'RsaSignature2018' };
    const offline = { ...proof, verificationMethod: 'did:web:x.mutants.test#k' };
    const failed = { ...proof, proofPurpose: 'authentication' };
    const controllerless = (ps: unknown[]) => checkProofSet(withProof(ps), env(), { purpose: 'assertionMethod', controller: 'did:example:nobody' });
    expect((await controllerless([unsupported, offline])).check).toMatchObject({ code: 'NEEDS_NETWORK' });
    expect((await controllerless([offline, failed, unsupported])).check).toMatchObject({ code: 'PROOF_INVALID' });
    expect((await controllerless([unsupported])).check).toMatchObject({ code: 'UNSUPPORTED_PROOF' });
  });
});
