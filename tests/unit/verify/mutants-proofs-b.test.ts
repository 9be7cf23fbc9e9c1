// Tests written for StrykerJS (`npm run mutate`): the proof-set room (proofs/index.ts, from previousOf on), called
// directly: chains, the key a controller lists, ecdsa-sd-2023 proofs for authentication, and the order results keep.
import jsigs from 'jsonld-signatures';
import jsonld from 'jsonld';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { createDiscloseCryptosuite, createSignCryptosuite } from '@digitalbazaar/ecdsa-sd-2023-cryptosuite';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/lib/model/credential.ts';
import { base58btcEncode } from '../../../src/lib/util/bytes.ts';
import { createEnv } from '../../../src/lib/verify/env.ts';
import { contextLoader } from '../../../src/lib/verify/loader.ts';
import { checkProofSet } from '../../../src/lib/verify/proofs/index.ts';
import { generateDidKey, generateHttpsKey, impostorOf, NOW, ob3Credential, SIGNED_AT, signDi, World, type DidKey } from '../../support/issuer.ts';

const env = () => createEnv({ now: NOW });
const SUITE = 'eddsa-rdfc-2022';
let issuer: DidKey;
let signed: JsonObject;
let proof: JsonObject;

beforeAll(async () => {
  issuer = await generateDidKey('Ed25519');
  signed = await signDi(ob3Credential({ id: 'urn:tsumiki:mutants:proofs-b', issuerId: issuer.did, identityHash: 'sha256$00' }), SUITE, issuer.pair);
  proof = signed.proof as JsonObject;
});

const withProof = (p: unknown): JsonObject => ({ ...signed, proof: p as JsonObject });
const assertion = (doc: JsonObject) => checkProofSet(doc, env(), { purpose: 'assertionMethod', controller: issuer.did });
const canonize = (doc: JsonObject): Promise<string> => jsonld.canonize(doc, { algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader: contextLoader, safe: true });
const sha256 = async (text: string) => new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));

/** An eddsa-rdfc-2022 proof made by hand (copied from proof-set.test.ts), over the document with `previous` (a chain). */
async function signProof(key: DidKey, o: { id: string; previousProof?: readonly string[]; previous?: readonly JsonObject[] }): Promise<JsonObject> {
  const options: JsonObject = {
    id: o.id,
    type: 'DataIntegrityProof',
    cryptosuite: SUITE,
    created: SIGNED_AT,
    verificationMethod: key.vm,
    proofPurpose: 'assertionMethod',
    ...(o.previousProof ? { previousProof: [...o.previousProof] } : {}),
  };
  const { proof: _proof, ...unsecured } = signed;
  const document: JsonObject = o.previous ? { ...unsecured, proof: [...o.previous] } : unsecured;
  const [a, b] = await Promise.all([sha256(await canonize({ '@context': signed['@context'] ?? null, ...options })), sha256(await canonize(document))]);
  const signature = await key.pair.signer().sign({ data: new Uint8Array([...a, ...b]) });
  return { ...options, proofValue: `z${base58btcEncode(signature)}` };
}

// why: the local typings do not declare ControllerProofPurpose (a purpose for any term, here authentication without a challenge)
const { ControllerProofPurpose } = jsigs.purposes as unknown as { ControllerProofPurpose: new (o: { term: string }) => unknown };

const checkOf = (found: { results: readonly { proof: JsonObject; check: unknown }[] }, id: string) => found.results.find((r) => r.proof.id === id)?.check;

describe('mutants: proofs/index.ts, chains', () => {
  it('previousProof: every name an id, every one in the set, never the proof itself', async () => {
    const first = { ...proof, id: 'urn:p:1' };
    const named = async (p: JsonObject) => checkOf(await assertion(withProof([first, { ...p, id: 'urn:p:2' }])), 'urn:p:2');
    expect(await named({ ...proof, previousProof: ['urn:p:1', 7] })).toMatchObject({ code: 'PROOF_INVALID', data: { suite: SUITE, detail: 'previousProof must name proofs by id' } });
    expect(await named({ ...proof, previousProof: ['urn:p:1', 'urn:p:none'] })).toMatchObject({ code: 'PROOF_INVALID', data: { detail: 'a previous proof it names is not in the proof set' } });
    expect(await named({ ...proof, previousProof: 'urn:p:2' })).toMatchObject({ code: 'PROOF_INVALID', data: { detail: 'a previous proof it names is not in the proof set' } });
  });

  it('a proof chained to a valid and a broken proof does not hold; one chained to a valid proof does', async () => {
    const a = await signProof(issuer, { id: 'urn:p:a' });
    const b = await signProof(await impostorOf(issuer), { id: 'urn:p:b' });
    const onBoth = await signProof(issuer, { id: 'urn:p:c', previousProof: ['urn:p:a', 'urn:p:b'], previous: [a, b] });
    const onA = await signProof(issuer, { id: 'urn:p:d', previousProof: ['urn:p:a'], previous: [a] });
    const found = await assertion(withProof([a, b, onBoth, onA]));
    expect(checkOf(found, 'urn:p:a')).toMatchObject({ outcome: 'passed' });
    expect(checkOf(found, 'urn:p:b')).toMatchObject({ outcome: 'failed', code: 'SIGNATURE_MISMATCH' });
    expect(checkOf(found, 'urn:p:c')).toEqual({ id: 'proof', outcome: 'failed', code: 'PROOF_INVALID', data: { suite: SUITE, detail: 'a previous proof in its chain does not verify' } });
    expect(checkOf(found, 'urn:p:d')).toMatchObject({ outcome: 'passed', code: 'PROOF_VALID' });
  });
});

describe('mutants: proofs/index.ts, the key and the deciding proof', () => {
  it('a controller listing another key for the purpose has not authorised this one', async () => {
    const controller = 'https://keys.mutants-b.test/issuer';
    const key = await generateHttpsKey(controller);
    const doc = await signDi(ob3Credential({ id: 'urn:y', issuerId: controller, identityHash: 'sha256$00' }), SUITE, key.pair);
    const world = new World().serve(controller, { ...key.controllerDocument, assertionMethod: [`${controller}#key-2`] });
    expect((await checkProofSet(doc, world.env(), { purpose: 'assertionMethod', controller })).check).toMatchObject({ outcome: 'failed', code: 'KEY_NOT_AUTHORIZED' });
  });

  it('of the controller’s own proofs, a valid one decides over a broken one, whatever their order', async () => {
    const broken = { ...(await signProof(await impostorOf(issuer), { id: 'urn:p:broken' })) };
    const valid = await signProof(issuer, { id: 'urn:p:valid' });
    for (const proofs of [[valid, broken], [broken, valid]]) {
      const found = await assertion(withProof(proofs));
      expect(found.check).toMatchObject({ outcome: 'passed', data: { proofs: 2, otherValid: 0 } });
      expect(found.results.map((r) => r.proof.id)).toEqual(['urn:p:valid', 'urn:p:broken']);
    }
  });

  it('with no controller given, a proof without a method is nobody’s: the valid proof decides', async () => {
    const found = await checkProofSet(withProof([{ ...proof, verificationMethod: undefined }, proof]), env(), { purpose: 'assertionMethod', controller: undefined });
    expect(found.check).toMatchObject({ outcome: 'passed', code: 'PROOF_VALID' });
  });

  it('more proofs than the bound: no result for any', async () => {
    expect((await assertion(withProof(Array(9).fill(proof)))).results).toEqual([]);
  });

  it('results (and so the failure shown) are ordered by method, then proof value, whatever order they were written in', async () => {
    const wrong = { ...proof, proofPurpose: 'authentication' };
    const set = [
      { ...proof, verificationMethod: undefined }, // no method: first, and the failure shown
      { ...wrong, verificationMethod: 'A:1', proofValue: undefined },
      { ...wrong, verificationMethod: 'A:1', proofValue: 'A' },
      { id: 'urn:0', ...wrong, verificationMethod: 'A:1', proofValue: 'B' },
      { ...wrong, verificationMethod: 'B:1', proofValue: '0' },
    ];
    const expected = [[undefined, proof.proofValue], ['A:1', undefined], ['A:1', 'A'], ['A:1', 'B'], ['B:1', '0']];
    for (const proofs of [set, [...set].reverse()]) {
      const found = await assertion(withProof(proofs));
      expect(found.results.map((r) => [r.proof.verificationMethod, r.proof.proofValue])).toEqual(expected);
      expect(found.check).toMatchObject({ outcome: 'failed', code: 'PROOF_INVALID', data: { detail: 'no verificationMethod' } });
    }
  });
});

describe('mutants: proofs/index.ts, ecdsa-sd-2023 (through jsonld-signatures)', () => {
  let key: DidKey;
  /** A derived credential whose proof is for `authentication`, with the challenge and domain given (if any). */
  const derived = async (challenge?: string): Promise<JsonObject> => {
    const unsigned = ob3Credential({ id: 'urn:uuid:5d1c1a62-0000-4000-8000-0000000000b1', issuerId: key.did, identityHash: 'sha256$00' });
    const suite = new DataIntegrityProof({ signer: key.pair.signer(), date: SIGNED_AT, cryptosuite: createSignCryptosuite({ mandatoryPointers: ['/issuer', '/validFrom', '/credentialSubject/achievement'] }) });
    const purpose = challenge === undefined ? new ControllerProofPurpose({ term: 'authentication' }) : new jsigs.purposes.AuthenticationProofPurpose({ challenge, domain: 'd-1' });
    const base = (await jsigs.sign(structuredClone(unsigned), { suite, purpose, documentLoader: contextLoader })) as JsonObject; // why: jsigs returns the document
    const disclose = new DataIntegrityProof({ cryptosuite: createDiscloseCryptosuite({ selectivePointers: ['/name'] }) });
    const derive = (jsigs as unknown as { derive: (d: object, o: object) => Promise<JsonObject> }).derive; // why: the local typings do not declare derive
    return derive(base, { suite: disclose, purpose: new ControllerProofPurpose({ term: 'authentication' }), documentLoader: contextLoader });
  };
  const holder = (doc: JsonObject, o: { challenge?: string; domain?: string } = {}) => checkProofSet(doc, env(), { purpose: 'authentication', controller: key.did, ...o });

  beforeAll(async () => {
    key = await generateDidKey('P-256');
  });

  // A did:key is its own controller document and lists its key for every purpose (as the did:key method writes
  // it), so an ecdsa-sd-2023 proof for authentication by it holds once its signature and challenge do. (Until
  // this run's fix, keys.ts listed keys under assertionMethod only, and this ended at KEY_NOT_AUTHORIZED.)
  it('an authentication proof is held to its purpose, with the challenge asked or (none asked) the one it carries', async () => {
    const doc = await derived('c-1');
    expect((doc.proof as JsonObject).challenge).toBe('c-1');
    for (const asked of [{}, { challenge: 'c-1' }, { challenge: 'c-1', domain: 'd-1' }]) {
      const found = await holder(doc, asked);
      expect(found.check, JSON.stringify(asked)).toEqual({ id: 'proof', outcome: 'passed', code: 'PROOF_VALID', data: { suite: 'ecdsa-sd-2023', proofs: 1, otherValid: 0, verificationMethod: (doc.proof as JsonObject).verificationMethod } });
      expect(found.results[0]?.method?.controller).toBe(key.did);
    }
    expect((await holder(doc, { challenge: 'c-2' })).check).toMatchObject({ outcome: 'failed', code: 'CHALLENGE_MISMATCH' });
    expect((await holder(doc, { challenge: 'c-1', domain: 'd-2' })).check).toMatchObject({ outcome: 'failed', code: 'DOMAIN_MISMATCH' });
    // The same proof is not the issuer's assertion.
    expect((await checkProofSet(doc, env(), { purpose: 'assertionMethod', controller: key.did })).check).toMatchObject({ outcome: 'failed', code: 'PROOF_INVALID' });
  });

  it('an authentication proof with no challenge, none asked: refused, the empty challenge expected', async () => {
    const found = await holder(await derived());
    expect(found.check).toMatchObject({ outcome: 'failed', code: 'PROOF_INVALID', data: { suite: 'ecdsa-sd-2023' } });
    expect(String(found.check.data?.detail)).toContain('challenge="undefined", expected=""');
  });

  it('a derived credential changed after signing: failed, with the key it named in its result', async () => {
    const doc = await derived('c-1');
    const found = await holder({ ...doc, name: `${String(doc.name)}!` });
    expect(found.check).toMatchObject({ outcome: 'failed', data: { suite: 'ecdsa-sd-2023' } });
    expect(found.results[0]?.check).toMatchObject({ outcome: 'failed' });
    expect(found.results[0]?.proof).toBe(doc.proof);
    expect(found.results[0]?.method?.controller).toBe(key.did);
  });
});

describe('a holder’s key on the web answers for authentication where its controller lists it so', () => {
  // A presentation signed by a key published in a controller document (not a did:key): the holder check
  // (purpose authentication) holds only when that document lists the key under `authentication`.
  it('listed under authentication: the holder’s proof holds; listed for assertions only: KEY_NOT_AUTHORIZED', async () => {
    const controller = 'https://holder.mutants-b.test/me';
    const key = await generateHttpsKey(controller);
    const vp = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'], holder: controller };
    const suite = new DataIntegrityProof({ signer: key.pair.signer(), date: SIGNED_AT, cryptosuite: (await import('@digitalbazaar/eddsa-rdfc-2022-cryptosuite')).cryptosuite });
    const signedVp = (await jsigs.sign(structuredClone(vp), { suite, purpose: new jsigs.purposes.AuthenticationProofPurpose({ challenge: 'ch-1', domain: 'https://verifier.mutants-b.test' }), documentLoader: contextLoader })) as JsonObject;
    const asHolder = (document: JsonObject) => checkProofSet(signedVp, new World().serve(controller, document).env(), { purpose: 'authentication', controller, challenge: 'ch-1', domain: 'https://verifier.mutants-b.test' });
    expect((await asHolder({ ...key.controllerDocument, authentication: [key.vm] })).check).toMatchObject({ outcome: 'passed', code: 'PROOF_VALID' });
    expect((await asHolder(key.controllerDocument)).check).toMatchObject({ outcome: 'failed', code: 'KEY_NOT_AUTHORIZED', data: { purpose: 'authentication' } });
    // And the other way round: a key listed for authentication only does not issue.
    const issued = await signDi(ob3Credential({ id: 'urn:z', issuerId: controller, identityHash: 'sha256$00' }), SUITE, key.pair);
    const authOnly = new World().serve(controller, { ...key.controllerDocument, assertionMethod: [], authentication: [key.vm] });
    expect((await checkProofSet(issued, authOnly.env(), { purpose: 'assertionMethod', controller })).check).toMatchObject({ outcome: 'failed', code: 'KEY_NOT_AUTHORIZED' });
  });
});
