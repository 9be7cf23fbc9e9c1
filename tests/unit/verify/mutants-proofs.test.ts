// Tests written for StrykerJS (`npm run mutate`): the proof-set room (proofs/index.ts), called directly:
// every way one proof is refused before or after its key is looked up, with the words the report shows,
// and what the set's deciding check carries.
import jsonld from 'jsonld';
import jsigs from 'jsonld-signatures';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { createSignCryptosuite } from '@digitalbazaar/ecdsa-sd-2023-cryptosuite';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/lib/model/credential.ts';
import { createEnv } from '../../../src/lib/verify/env.ts';
import { contextLoader } from '../../../src/lib/verify/loader.ts';
import { base58btcEncode } from '../../../src/lib/util/bytes.ts';
import { deriveDisclosure } from '../../../src/lib/share/disclosure.ts';
import { checkEmbeddedProofs, checkProofSet, MAX_PROOFS } from '../../../src/lib/verify/proofs/index.ts';
import { generateDidKey, generateHttpsKey, NOW, ob3Credential, SIGNED_AT, signDi, World, type DidKey } from '../../support/issuer.ts';

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

describe('mutants: proofs/index.ts, lines 1–179 (second run)', () => {
  const SKEW = 300_000;
  const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const digest = async (text: string) => new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  const canonize = (doc: JsonObject): Promise<string> => jsonld.canonize(doc, { algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader: contextLoader, safe: true });
  /** An eddsa-rdfc-2022 proof made by hand (VC-DI-EdDSA §3.2), so its signed options can say anything. */
  async function signWith(dates: { created?: string; expires?: string }, extra: JsonObject = {}): Promise<JsonObject> {
    const { proof: _proof, ...doc } = signed;
    const options: JsonObject = { type: 'DataIntegrityProof', cryptosuite: SUITE, created: dates.created ?? SIGNED_AT, ...(dates.expires ? { expires: dates.expires } : {}), verificationMethod: issuer.vm, proofPurpose: 'assertionMethod', ...extra };
    const [o, d] = await Promise.all([digest(await canonize({ '@context': doc['@context'] ?? null, ...options })), digest(await canonize(doc))]);
    const signature = await issuer.pair.signer().sign({ data: new Uint8Array([...o, ...d]) });
    return { ...doc, proof: { ...options, proofValue: `z${base58btcEncode(signature)}` } };
  }
  /** The same signed proof with one date written as its full IRI: the JSON key no longer shows it, the graph does. */
  const asIri = (doc: JsonObject, key: 'created' | 'expires'): JsonObject => {
    const { [key]: value, ...rest } = doc.proof as JsonObject;
    const iri = key === 'created' ? 'http://purl.org/dc/terms/created' : 'https://w3id.org/security#expiration';
    return { ...doc, proof: { ...rest, [iri]: { '@value': value as string, '@type': 'http://www.w3.org/2001/XMLSchema#dateTime' } } };
  };

  it('a proof that expires exactly at the clock less the skew still holds, as a JSON key and as a signed date', async () => {
    const doc = await signWith({ expires: at(-SKEW) });
    expect((await assertion(doc)).check).toMatchObject({ outcome: 'passed', code: 'PROOF_VALID' });
    expect((await assertion(asIri(doc, 'expires'))).check).toMatchObject({ outcome: 'passed', code: 'PROOF_VALID' });
  });

  it('a proof created exactly at the clock plus the skew still holds, as a JSON key and as a signed date', async () => {
    const doc = await signWith({ created: at(SKEW) });
    expect((await assertion(doc)).check).toMatchObject({ outcome: 'passed', code: 'PROOF_VALID' });
    expect((await assertion(asIri(doc, 'created'))).check).toMatchObject({ outcome: 'passed', code: 'PROOF_VALID' });
  });

  it('a date inside a graph the signed options nest, or on a node they link to, is not the proof’s own: only the proof node’s dates count', async () => {
    const xsd = 'http://www.w3.org/2001/XMLSchema#dateTime';
    const nested = { '@graph': [{ id: 'urn:nested', 'http://purl.org/dc/terms/created': { '@value': at(SKEW + 86_400_000), '@type': xsd }, 'https://w3id.org/security#expiration': { '@value': at(-SKEW - 86_400_000), '@type': xsd } }] };
    expect((await assertion(await signWith({}, nested))).check).toMatchObject({ outcome: 'passed', code: 'PROOF_VALID' });
    // …nor a node the options link to.
    const linked = { 'https://ex.mutants.test/about': { id: 'urn:linked', 'http://purl.org/dc/terms/created': { '@value': at(SKEW + 86_400_000), '@type': xsd } } };
    expect((await assertion(await signWith({}, linked))).check).toMatchObject({ outcome: 'passed', code: 'PROOF_VALID' });
  });

  it('dates seen only in the signed graph: refused with the same words as JSON keys', async () => {
    const check = async (dates: { created?: string; expires?: string }, key: 'created' | 'expires') => (await assertion(asIri(await signWith(dates), key))).check;
    const expired = at(-SKEW - 1000);
    expect(await check({ expires: expired }, 'expires')).toEqual({ id: 'proof', outcome: 'failed', code: 'PROOF_INVALID', data: { suite: SUITE, detail: `proof expired at ${expired}`, proofs: 1, otherValid: 0 } });
    const future = at(SKEW + 1000);
    expect(await check({ created: future }, 'created')).toEqual({ id: 'proof', outcome: 'failed', code: 'PROOF_INVALID', data: { suite: SUITE, detail: `proof created in the future (${future})`, proofs: 1, otherValid: 0 } });
    // A date-time of the right shape on a day that does not exist, and one without a zone.
    for (const created of ['2025-02-30T00:00:00Z', '2025-01-01T00:00:00']) {
      expect(await check({ created }, 'created')).toEqual({ id: 'proof', outcome: 'failed', code: 'PROOF_INVALID', data: { suite: SUITE, detail: 'proof created is not a date-time with a zone', proofs: 1, otherValid: 0 } });
    }
  });

  it('a domain the proof does not name: DOMAIN_MISMATCH for its suite', async () => {
    const found = await checkProofSet(withProof({ ...proof, proofPurpose: 'authentication', domain: 'https://a.mutants.test' }), env(), { purpose: 'authentication', controller: issuer.did, domain: 'https://b.mutants.test' });
    expect(found.check).toEqual({ id: 'proof', outcome: 'failed', code: 'DOMAIN_MISMATCH', data: { suite: SUITE, proofs: 1, otherValid: 0 } });
  });

  it('an RDFC cryptosuite under a type other than DataIntegrityProof: unsupported, not verified', async () => {
    expect((await assertion(withProof({ ...proof, type: 'Ed25519Signature2018' }))).check).toEqual({ id: 'proof', outcome: 'not-checked', reason: 'unsupported', code: 'UNSUPPORTED_PROOF', data: { suite: SUITE, proofs: 1, otherValid: 0 } });
  });

  it('a document that cannot be canonicalised: unknown context (named), undefined term, bad context (with the words)', async () => {
    const contexts = signed['@context'] as string[];
    const url = 'https://contexts.mutants.test/unknown.jsonld';
    expect((await assertion({ ...signed, '@context': [...contexts, url] })).check).toEqual({ id: 'proof', outcome: 'not-checked', reason: 'unsupported', code: 'UNKNOWN_CONTEXT', data: { url, proofs: 1, otherValid: 0 } });
    const undefinedTerm = await assertion({ ...signed, credentialSubject: { ...(signed.credentialSubject as JsonObject), id: 'relative-id' } });
    expect(undefinedTerm.check).toEqual({ id: 'proof', outcome: 'failed', code: 'UNDEFINED_TERM', data: { suite: SUITE, detail: 'Safe mode validation error.', proofs: 1, otherValid: 0 } });
    const bad = await assertion({ ...signed, '@context': [...contexts, { term: 5 }] });
    expect(bad.check).toEqual({ id: 'proof', outcome: 'failed', code: 'PROOF_INVALID', data: { suite: SUITE, detail: 'Invalid JSON-LD syntax; @context term values must be strings or objects.', proofs: 1, otherValid: 0 } });
  });

  it('an error is told by what it is, never by words the credential wrote into its message (PROOF_INVALID, not the code the words name)', async () => {
    const contexts = signed['@context'] as string[];
    for (const words of ['safe mode', 'Invalid signature.', 'Verification method "x" not authorized by controller for proof purpose "assertionMethod".']) {
      const found = await assertion({ ...signed, '@context': [...contexts, { '@version': words }] });
      expect(found.check).toEqual({ id: 'proof', outcome: 'failed', code: 'PROOF_INVALID', data: { suite: SUITE, detail: `Unsupported JSON-LD version: ${words}`, proofs: 1, otherValid: 0 } });
    }
  });

  it('a malformed proofValue: PROOF_INVALID with the words of the format error', async () => {
    expect((await assertion(withProof({ ...proof, proofValue: 'abc' }))).check).toEqual({ id: 'proof', outcome: 'failed', code: 'PROOF_INVALID', data: { suite: SUITE, detail: 'eddsa-rdfc-2022 proofValue must be base58-btc (multibase "z")', proofs: 1, otherValid: 0 } });
  });

  describe('ecdsa-sd-2023 (Digital Bazaar’s suite): its errors, unwrapped, say what went wrong', () => {
    const SD = 'ecdsa-sd-2023';
    /** A derived ecdsa-sd-2023 credential (the name left out) signed by `signer`, issued by `issuerId`. */
    const derivedBy = async (issuerId: string, signer: unknown): Promise<JsonObject> => {
      const suite = new DataIntegrityProof({ signer, date: SIGNED_AT, cryptosuite: createSignCryptosuite({ mandatoryPointers: ['/issuer'] }) });
      const base = (await jsigs.sign(ob3Credential({ id: 'urn:tsumiki:mutants:sd', issuerId, identityHash: 'sha256$00' }), { suite, purpose: new jsigs.purposes.AssertionProofPurpose(), documentLoader: contextLoader })) as JsonObject; // why: jsigs returns the document
      return deriveDisclosure(base, ['/name']);
    };
    let sdKey: DidKey;
    let derived: JsonObject;
    beforeAll(async () => {
      sdKey = await generateDidKey('P-256');
      derived = await derivedBy(sdKey.did, sdKey.pair.signer());
    });
    const sdAssertion = (doc: JsonObject) => checkProofSet(doc, env(), { purpose: 'assertionMethod', controller: sdKey.did });
    const sdProof = () => derived.proof as JsonObject;

    it('a value changed after signing: SIGNATURE_MISMATCH; the untouched copy passes', async () => {
      expect((await sdAssertion(derived)).check).toMatchObject({ outcome: 'passed', code: 'PROOF_VALID', data: { suite: SD } });
      expect((await sdAssertion({ ...derived, name: 'Another Name' })).check).toEqual({ id: 'proof', outcome: 'failed', code: 'SIGNATURE_MISMATCH', data: { suite: SD, proofs: 1, otherValid: 0 } });
    });

    it('a proofValue the suite cannot read: PROOF_INVALID with the suite’s own words', async () => {
      expect((await sdAssertion({ ...derived, proof: { ...sdProof(), proofValue: `u${'A'.repeat(20)}` } })).check).toEqual({ id: 'proof', outcome: 'failed', code: 'PROOF_INVALID', data: { suite: SD, detail: 'The proof does not include a valid "proofValue" property.', proofs: 1, otherValid: 0 } });
    });

    it('a key that cannot be looked up offline: not-checked, offline, with the resolver’s words', async () => {
      expect((await sdAssertion({ ...derived, proof: { ...sdProof(), verificationMethod: 'did:web:sd.mutants.test#k' } })).check).toEqual({ id: 'proof', outcome: 'not-checked', reason: 'offline', code: 'NEEDS_NETWORK', data: { suite: SD, detail: 'https://sd.mutants.test/.well-known/did.json could not be fetched', proofs: 1, otherValid: 0 } });
    });

    it.each([
      ['a short key id', 'key-1'],
      ['a key id long enough to fill the words the report keeps', `key-${'1'.repeat(300)}`],
    ])('a key its controller lists for authentication only: KEY_NOT_AUTHORIZED (%s)', async (_name, fragment) => {
      const controller = 'https://keys.mutants.test/sd';
      const vm = `${controller}#${fragment}`;
      const pair = await EcdsaMultikey.generate({ curve: 'P-256', id: vm, controller });
      const doc = await derivedBy(controller, pair.signer());
      const world = new World().serve(controller, { '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'], id: controller, verificationMethod: [{ id: vm, type: 'Multikey', controller, publicKeyMultibase: pair.publicKeyMultibase as string }], assertionMethod: [], authentication: [vm] }); // why: generated pairs have a public key
      expect((await checkProofSet(doc, world.env(), { purpose: 'assertionMethod', controller })).check).toEqual({ id: 'proof', outcome: 'failed', code: 'KEY_NOT_AUTHORIZED', data: { suite: SD, proofs: 1, otherValid: 0 } });
    });
  });
});
