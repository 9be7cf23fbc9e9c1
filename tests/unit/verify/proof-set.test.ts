/**
 * Issue 11, class 4: proof sets. A Data Integrity proof set is unordered (DI §2.1.1); the issuer's
 * own proof decides, other valid proofs (an endorser's, a witness's) are reported and never held
 * against the credential; chained proofs (`previousProof`, DI §2.1.2 / §4.4) sign the document
 * WITH the proofs they name and hold only if those hold; a proof's `expires` in the past, a
 * `created` beyond the clock skew, a purpose other than `assertionMethod`, a base64url proofValue
 * for a suite that requires base58-btc, and more proofs than the bound are refused.
 *
 * Every proof is real: signed at test time with fresh did:keys, by Digital Bazaar's suites
 * (`signDi`) or by hand following the cryptosuite specifications (`signProof`, checked against
 * Digital Bazaar's verifier below), so that proof options the libraries do not write
 * (`expires`, `previousProof`, `id`, another purpose) can be signed. Every multi-proof case is
 * verified in every order of its proofs, and every order must give the same checks.
 */
import jsigs from 'jsonld-signatures';
import jsonld from 'jsonld';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../../../src/lib/model/credential.ts';
import type { Check, CheckId } from '../../../src/lib/model/verification.ts';
import { base58btcDecode, base58btcEncode, base64urlEncode } from '../../../src/lib/util/bytes.ts';
import { contextLoader, createLoader } from '../../../src/lib/verify/loader.ts';
import { MAX_PROOFS } from '../../../src/lib/verify/proofs/index.ts';
import { createRemote } from '../../../src/lib/verify/remote.ts';
import { verifyBytes, type Verification } from '../../../src/lib/verify/pipeline.ts';
import {
  ED25519_2020_V1,
  flipBase58,
  generateDidKey,
  hashedEmail,
  impostorOf,
  NOT_REVOKED_INDEX,
  NOW,
  ob3Credential,
  RECIPIENT_EMAIL,
  REVOKED_INDEX,
  SALT,
  SIGNED_AT,
  signDi,
  statusListCredential,
  trusting,
  World,
  type DidKey,
} from '../../support/issuer.ts';
import { bytesOf, NEST, reshape } from '../../support/reshape.ts';

type RdfcSuite = 'eddsa-rdfc-2022' | 'ecdsa-rdfc-2019';

interface ProofOptions {
  readonly cryptosuite?: RdfcSuite;
  readonly id?: string;
  readonly created?: string;
  readonly expires?: string;
  readonly proofPurpose?: string;
  readonly previousProof?: string | readonly string[];
  /** The proofs `previousProof` names: signed together with the document (DI §4.4). */
  readonly previous?: readonly JsonObject[];
}

const canonize = (doc: JsonObject): Promise<string> => jsonld.canonize(doc, { algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader: contextLoader, safe: true });

async function digest(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

/**
 * A DataIntegrityProof made by hand, as eddsa-rdfc-2022 (VC-DI-EdDSA §3.2) and ecdsa-rdfc-2019
 * P-256 (VC-DI-ECDSA §3.3) say: hash(canonical proof options with the document's @context) ‖
 * hash(canonical document, with the previous proofs of a chain), signed; proofValue base58-btc.
 */
async function signProof(doc: JsonObject, key: DidKey, o: ProofOptions = {}): Promise<JsonObject> {
  const options: JsonObject = {
    ...(o.id ? { id: o.id } : {}),
    type: 'DataIntegrityProof',
    cryptosuite: o.cryptosuite ?? (key.curve === 'Ed25519' ? 'eddsa-rdfc-2022' : 'ecdsa-rdfc-2019'),
    created: o.created ?? SIGNED_AT,
    ...(o.expires ? { expires: o.expires } : {}),
    verificationMethod: key.vm,
    proofPurpose: o.proofPurpose ?? 'assertionMethod',
    ...(o.previousProof ? { previousProof: typeof o.previousProof === 'string' ? o.previousProof : [...o.previousProof] } : {}),
  };
  const { proof: _proof, ...unsecured } = doc;
  const signedDocument: JsonObject = o.previous ? { ...unsecured, proof: [...o.previous] } : unsecured;
  const [optionsHash, documentHash] = await Promise.all([digest(await canonize({ '@context': doc['@context'] ?? null, ...options })), digest(await canonize(signedDocument))]);
  const data = new Uint8Array([...optionsHash, ...documentHash]);
  const signature = await key.pair.signer().sign({ data });
  return { ...options, proofValue: `z${base58btcEncode(signature)}` };
}

/** The proof a Digital Bazaar suite makes for `doc` (one proof object). */
async function dbProof(doc: JsonObject, suite: 'eddsa-rdfc-2022' | 'ecdsa-rdfc-2019' | 'Ed25519Signature2020', key: DidKey): Promise<JsonObject> {
  return (await signDi(doc, suite, key.pair)).proof as JsonObject; // why: signDi adds one proof object
}

const withProofs = (doc: JsonObject, proofs: readonly JsonObject[]): JsonObject => {
  const { proof: _proof, ...rest } = doc;
  return { ...rest, proof: proofs.length === 1 ? (proofs[0] as JsonObject) : [...proofs] }; // why: length checked
};

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]));
}

let world: World;
let issuer: DidKey;
let p256Issuer: DidKey;
let witness: DidKey;
let endorser: DidKey;
let identityHash: string;
const LIST = 'https://status.tsumiki.test/proof-set/ed25519';
const P256_LIST = 'https://status.tsumiki.test/proof-set/p256';
let serial = 0;

beforeAll(async () => {
  world = new World();
  [issuer, p256Issuer, witness, endorser] = await Promise.all([generateDidKey('Ed25519'), generateDidKey('P-256'), generateDidKey('Ed25519'), generateDidKey('P-256')]);
  identityHash = await hashedEmail(RECIPIENT_EMAIL, SALT);
  world.serve(LIST, await signDi(statusListCredential(LIST, issuer.did, [REVOKED_INDEX]), 'eddsa-rdfc-2022', issuer.pair));
  world.serve(P256_LIST, await signDi(statusListCredential(P256_LIST, p256Issuer.did, [REVOKED_INDEX]), 'ecdsa-rdfc-2019', p256Issuer.pair));
  // The user pins the two issuers (not the witness or the endorser): a valid badge of theirs is verified.
  world.trust = trusting([issuer.did, p256Issuer.did]);
});

/** An unsigned OB 3.0 credential by `by` (default: the Ed25519 issuer). */
function credential(by: DidKey = issuer, contexts?: readonly string[]): JsonObject {
  const c = ob3Credential({ id: `urn:tsumiki:proof-set:${++serial}`, issuerId: by.did, identityHash, status: { list: by === p256Issuer ? P256_LIST : LIST, index: NOT_REVOKED_INDEX } });
  return contexts ? { ...c, '@context': [...(c['@context'] as JsonValue[]), ...contexts] } : c; // why: ob3Credential's @context is an array
}

async function verify(doc: JsonObject, env = world.env()): Promise<Verification> {
  const result = await verifyBytes(bytesOf(doc), env);
  expect(result.error, JSON.stringify(result.error)).toBeUndefined();
  expect(result.credentials).toHaveLength(1);
  return result.credentials[0]!.verification; // why: length checked just above
}

const checkOf = (v: Verification, id: CheckId): Check | undefined => v.checks.find((c) => c.id === id);

/** Verify `doc` with its proofs in every order; all orders must give the same checks. */
async function verifyEveryOrder(doc: JsonObject, proofs: readonly JsonObject[]): Promise<Verification> {
  const orders = proofs.length <= 3 ? permutations(proofs) : [proofs, [...proofs].reverse(), [...proofs.slice(1), proofs[0] as JsonObject]];
  const [first, ...rest] = await Promise.all(orders.map((order) => verify(withProofs(doc, order))));
  for (const other of rest) expect(other?.checks).toEqual(first?.checks);
  return first as Verification; // why: there is at least one order
}

describe('the hand-made proofs are real', () => {
  it.each(['eddsa-rdfc-2022', 'ecdsa-rdfc-2019'] as const)("%s: Digital Bazaar's verifier accepts signProof's proof (and refuses a flipped one)", async (suite) => {
    const key = suite === 'eddsa-rdfc-2022' ? issuer : p256Issuer;
    const doc = credential(key);
    const proof = await signProof(doc, key, { id: 'urn:uuid:hand-made', expires: '2031-01-01T00:00:00Z' });
    const { load } = createLoader(createRemote({ online: false }), new Set([key.vm]));
    const cryptosuite = suite === 'eddsa-rdfc-2022' ? eddsaRdfc2022 : ecdsaRdfc2019;
    const purpose = new jsigs.purposes.AssertionProofPurpose({ date: NOW });
    const ok = await jsigs.verify(withProofs(doc, [proof]), { suite: new DataIntegrityProof({ cryptosuite }), purpose, documentLoader: load });
    expect(ok.verified, JSON.stringify(ok.error ?? ok.results)).toBe(true);
    const flipped = { ...proof, proofValue: flipBase58(proof.proofValue as string) };
    const bad = await jsigs.verify(withProofs(doc, [flipped]), { suite: new DataIntegrityProof({ cryptosuite }), purpose, documentLoader: load });
    expect(bad.verified).toBe(false);
    // And Tsumiki agrees.
    expect((await verify(withProofs(doc, [proof]))).verdict).toBe('verified');
    expect((await verify(withProofs(doc, [flipped]))).verdict).toBe('failed');
  });
});

describe('a proof set: the issuer decides, in any order', () => {
  it('an issuer proof and a foreign proof (eddsa-rdfc-2022): verified in both orders, the other one reported', async () => {
    const doc = credential();
    const proofs = [await dbProof(doc, 'eddsa-rdfc-2022', issuer), await dbProof(doc, 'eddsa-rdfc-2022', witness)];
    const v = await verifyEveryOrder(doc, proofs);
    expect(v.verdict).toBe('verified');
    expect(checkOf(v, 'proof')).toMatchObject({ outcome: 'passed', code: 'PROOF_VALID', data: { proofs: 2, otherValid: 1, verificationMethod: issuer.vm } });
    expect(checkOf(v, 'issuer-key')).toMatchObject({ outcome: 'passed', code: 'KEY_IS_ISSUERS' });
  });

  it('mixed suites: an ecdsa-rdfc-2019 issuer proof with an eddsa-rdfc-2022 endorser proof and an Ed25519Signature2020 witness proof', async () => {
    const doc = credential(p256Issuer, [ED25519_2020_V1]);
    const proofs = [await dbProof(doc, 'ecdsa-rdfc-2019', p256Issuer), await dbProof(doc, 'eddsa-rdfc-2022', witness), await dbProof(doc, 'Ed25519Signature2020', issuer)];
    const v = await verifyEveryOrder(doc, proofs);
    expect(v.verdict).toBe('verified');
    expect(checkOf(v, 'proof')).toMatchObject({ outcome: 'passed', data: { proofs: 3, otherValid: 2, verificationMethod: p256Issuer.vm } });
  });

  it("an Ed25519Signature2020 issuer proof with a foreign eddsa-rdfc-2022 proof: the issuer's decides", async () => {
    const doc = credential(issuer, [ED25519_2020_V1]);
    const v = await verifyEveryOrder(doc, [await dbProof(doc, 'Ed25519Signature2020', issuer), await dbProof(doc, 'eddsa-rdfc-2022', witness)]);
    expect(v.verdict).toBe('verified');
    expect(checkOf(v, 'proof')).toMatchObject({ outcome: 'passed', data: { suite: 'Ed25519Signature2020', proofs: 2, otherValid: 1 } });
  });

  it("a foreign proof alone: the signature holds, but the key is not the issuer's", async () => {
    const doc = credential();
    const v = await verify(withProofs(doc, [await dbProof(doc, 'eddsa-rdfc-2022', witness)]));
    expect(v.verdict).toBe('failed');
    expect(checkOf(v, 'proof')).toMatchObject({ outcome: 'passed' });
    expect(checkOf(v, 'issuer-key')).toMatchObject({ outcome: 'failed', code: 'KEY_NOT_ISSUERS' });
  });

  it('two foreign proofs, no issuer proof: KEY_NOT_ISSUERS in every order', async () => {
    const doc = credential();
    const v = await verifyEveryOrder(doc, [await dbProof(doc, 'eddsa-rdfc-2022', witness), await dbProof(doc, 'ecdsa-rdfc-2019', endorser)]);
    expect(v.verdict).toBe('failed');
    expect(checkOf(v, 'issuer-key')).toMatchObject({ outcome: 'failed', code: 'KEY_NOT_ISSUERS' });
  });

  it("the issuer's proof tampered, a foreign proof valid: failed in both orders (a foreign proof never stands in)", async () => {
    const doc = credential();
    const own = await dbProof(doc, 'eddsa-rdfc-2022', issuer);
    const tampered = { ...own, proofValue: flipBase58(own.proofValue as string) };
    const v = await verifyEveryOrder(doc, [tampered, await dbProof(doc, 'eddsa-rdfc-2022', witness)]);
    expect(v.verdict).toBe('failed');
    expect(checkOf(v, 'proof')).toMatchObject({ outcome: 'failed', code: 'SIGNATURE_MISMATCH', data: { proofs: 2, otherValid: 1 } });
  });

  it("the issuer's proof made by an impostor key, a foreign proof valid: failed in both orders", async () => {
    const doc = credential();
    const v = await verifyEveryOrder(doc, [await dbProof(doc, 'eddsa-rdfc-2022', await impostorOf(issuer)), await dbProof(doc, 'eddsa-rdfc-2022', witness)]);
    expect(v.verdict).toBe('failed');
    expect(checkOf(v, 'proof')).toMatchObject({ outcome: 'failed', code: 'SIGNATURE_MISMATCH' });
  });

  it('a valid issuer proof beside a broken foreign one: verified, the broken one not counted as valid', async () => {
    const doc = credential();
    const foreign = await dbProof(doc, 'eddsa-rdfc-2022', witness);
    const v = await verifyEveryOrder(doc, [await dbProof(doc, 'eddsa-rdfc-2022', issuer), { ...foreign, proofValue: flipBase58(foreign.proofValue as string) }]);
    expect(v.verdict).toBe('verified');
    expect(checkOf(v, 'proof')).toMatchObject({ outcome: 'passed', data: { proofs: 2, otherValid: 0 } });
  });

  it('a revoked credential stays revoked whatever proofs are added', async () => {
    const doc = { ...credential(), credentialStatus: { id: `${LIST}#${REVOKED_INDEX}`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: String(REVOKED_INDEX), statusListCredential: LIST } };
    const v = await verifyEveryOrder(doc, [await dbProof(doc, 'eddsa-rdfc-2022', witness), await dbProof(doc, 'eddsa-rdfc-2022', issuer)]);
    expect(checkOf(v, 'status')).toMatchObject({ outcome: 'failed', code: 'REVOKED' });
  });

  it(`${MAX_PROOFS} proofs are verified; ${MAX_PROOFS + 1} are refused before any work`, async () => {
    const doc = credential();
    const foreign = await Promise.all(Array.from({ length: MAX_PROOFS }, async () => dbProof(doc, 'eddsa-rdfc-2022', await generateDidKey('Ed25519'))));
    const own = await dbProof(doc, 'eddsa-rdfc-2022', issuer);
    const atBound = await verifyEveryOrder(doc, [own, ...foreign.slice(1)]);
    expect(atBound.verdict).toBe('verified');
    expect(checkOf(atBound, 'proof')).toMatchObject({ outcome: 'passed', data: { proofs: MAX_PROOFS, otherValid: MAX_PROOFS - 1 } });
    const over = await verifyEveryOrder(doc, [own, ...foreign]);
    expect(over.verdict).toBe('failed');
    expect(checkOf(over, 'proof')).toMatchObject({ outcome: 'failed', code: 'PROOF_INVALID' });
  });
});

describe('chained proofs (previousProof)', () => {
  it('an issuer proof, then a witness proof signed over the document WITH it: verified in both orders, both valid', async () => {
    const doc = credential();
    const first = await signProof(doc, issuer, { id: 'urn:uuid:issuer-proof' });
    const second = await signProof(doc, witness, { id: 'urn:uuid:witness-proof', previousProof: 'urn:uuid:issuer-proof', previous: [first] });
    const v = await verifyEveryOrder(doc, [first, second]);
    expect(v.verdict).toBe('verified');
    expect(checkOf(v, 'proof')).toMatchObject({ outcome: 'passed', data: { proofs: 2, otherValid: 1, verificationMethod: issuer.vm } });
  });

  it("a witness proof, then the issuer's chained on it: the issuer's chained proof decides, verified", async () => {
    const doc = credential();
    const first = await signProof(doc, witness, { id: 'urn:uuid:witness-proof' });
    const second = await signProof(doc, issuer, { id: 'urn:uuid:issuer-proof', previousProof: 'urn:uuid:witness-proof', previous: [first] });
    const v = await verifyEveryOrder(doc, [first, second]);
    expect(v.verdict).toBe('verified');
    expect(checkOf(v, 'proof')).toMatchObject({ outcome: 'passed', data: { proofs: 2, otherValid: 1, verificationMethod: issuer.vm } });
  });

  it('a chain of three (witness → endorser → issuer, P-256 in the middle): verified in every order', async () => {
    const doc = credential();
    const a = await signProof(doc, witness, { id: 'urn:uuid:a' });
    const b = await signProof(doc, endorser, { id: 'urn:uuid:b', previousProof: 'urn:uuid:a', previous: [a] });
    const c = await signProof(doc, issuer, { id: 'urn:uuid:c', previousProof: 'urn:uuid:b', previous: [b] });
    const v = await verifyEveryOrder(doc, [a, b, c]);
    expect(v.verdict).toBe('verified');
    expect(checkOf(v, 'proof')).toMatchObject({ outcome: 'passed', data: { proofs: 3, otherValid: 2 } });
  });

  it('a proof naming two previous proofs, signed over both: verified', async () => {
    const doc = credential();
    const a = await signProof(doc, witness, { id: 'urn:uuid:a' });
    const b = await signProof(doc, endorser, { id: 'urn:uuid:b' });
    const c = await signProof(doc, issuer, { id: 'urn:uuid:c', previousProof: ['urn:uuid:a', 'urn:uuid:b'], previous: [a, b] });
    const v = await verifyEveryOrder(doc, [a, b, c]);
    expect(v.verdict).toBe('verified');
    expect(checkOf(v, 'proof')).toMatchObject({ outcome: 'passed', data: { otherValid: 2 } });
  });

  it('the previous proof it names is missing from the set: PROOF_INVALID', async () => {
    const doc = credential();
    const first = await signProof(doc, witness, { id: 'urn:uuid:witness-proof' });
    const chained = await signProof(doc, issuer, { id: 'urn:uuid:issuer-proof', previousProof: 'urn:uuid:witness-proof', previous: [first] });
    const v = await verify(withProofs(doc, [chained]));
    expect(v.verdict).toBe('failed');
    expect(checkOf(v, 'proof')).toMatchObject({ outcome: 'failed', code: 'PROOF_INVALID' });
  });

  it('previousProof names an id no proof has (the others present): PROOF_INVALID in every order', async () => {
    const doc = credential();
    const first = await signProof(doc, witness, { id: 'urn:uuid:witness-proof' });
    const chained = await signProof(doc, issuer, { id: 'urn:uuid:issuer-proof', previousProof: 'urn:uuid:nowhere', previous: [first] });
    const v = await verifyEveryOrder(doc, [first, chained]);
    expect(v.verdict).toBe('failed');
    expect(checkOf(v, 'proof')).toMatchObject({ outcome: 'failed', code: 'PROOF_INVALID' });
  });

  it('the previous proof does not verify (made by an impostor), the chained one over it does: PROOF_INVALID', async () => {
    const doc = credential();
    const broken = await signProof(doc, await impostorOf(witness), { id: 'urn:uuid:witness-proof' });
    const chained = await signProof(doc, issuer, { id: 'urn:uuid:issuer-proof', previousProof: 'urn:uuid:witness-proof', previous: [broken] });
    const v = await verifyEveryOrder(doc, [broken, chained]);
    expect(v.verdict).toBe('failed');
    expect(checkOf(v, 'proof')).toMatchObject({ outcome: 'failed', code: 'PROOF_INVALID' });
  });

  it('a broken link further down the chain (a → b → issuer, a broken): PROOF_INVALID in every order', async () => {
    const doc = credential();
    const a = await signProof(doc, await impostorOf(witness), { id: 'urn:uuid:a' });
    const b = await signProof(doc, endorser, { id: 'urn:uuid:b', previousProof: 'urn:uuid:a', previous: [a] });
    const c = await signProof(doc, issuer, { id: 'urn:uuid:c', previousProof: 'urn:uuid:b', previous: [b] });
    const v = await verifyEveryOrder(doc, [a, b, c]);
    expect(v.verdict).toBe('failed');
    expect(checkOf(v, 'proof')).toMatchObject({ outcome: 'failed', code: 'PROOF_INVALID' });
  });

  it('the previous proof changed after the chain was signed: failed', async () => {
    const doc = credential();
    const first = await signProof(doc, witness, { id: 'urn:uuid:witness-proof' });
    const chained = await signProof(doc, issuer, { id: 'urn:uuid:issuer-proof', previousProof: 'urn:uuid:witness-proof', previous: [first] });
    const v = await verifyEveryOrder(doc, [{ ...first, proofValue: flipBase58(first.proofValue as string) }, chained]);
    expect(v.verdict).toBe('failed');
    expect(checkOf(v, 'proof')).toMatchObject({ outcome: 'failed' });
  });

  it('a chained proof signed over the document WITHOUT its previous proof: failed', async () => {
    const doc = credential();
    const first = await signProof(doc, witness, { id: 'urn:uuid:witness-proof' });
    const chained = await signProof(doc, issuer, { id: 'urn:uuid:issuer-proof', previousProof: 'urn:uuid:witness-proof' });
    const v = await verifyEveryOrder(doc, [first, chained]);
    expect(v.verdict).toBe('failed');
    expect(checkOf(v, 'proof')).toMatchObject({ outcome: 'failed' });
  });
});

describe("a proof's own options", () => {
  const HOUR = 3_600_000;
  const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

  it('expires in the past: PROOF_INVALID; in the future: verified', async () => {
    const doc = credential();
    const past = await verify(withProofs(doc, [await signProof(doc, issuer, { expires: at(-24 * HOUR) })]));
    expect(past.verdict).toBe('failed');
    expect(checkOf(past, 'proof')).toMatchObject({ outcome: 'failed', code: 'PROOF_INVALID' });
    const future = await verify(withProofs(doc, [await signProof(doc, issuer, { expires: at(24 * HOUR) })]));
    expect(future.verdict).toBe('verified');
  });

  it('an expired issuer proof is not saved by a valid foreign proof', async () => {
    const doc = credential();
    const v = await verifyEveryOrder(doc, [await signProof(doc, issuer, { expires: at(-24 * HOUR) }), await signProof(doc, witness)]);
    expect(v.verdict).toBe('failed');
    expect(checkOf(v, 'proof')).toMatchObject({ outcome: 'failed', code: 'PROOF_INVALID' });
  });

  it('created beyond the clock skew in the future: PROOF_INVALID; within the skew: verified', async () => {
    const doc = credential();
    const env = world.env();
    const late = await verify(withProofs(doc, [await signProof(doc, issuer, { created: at(env.clockSkewSeconds * 1000 + HOUR) })]), env);
    expect(late.verdict).toBe('failed');
    expect(checkOf(late, 'proof')).toMatchObject({ outcome: 'failed', code: 'PROOF_INVALID' });
    const skewed = await verify(withProofs(doc, [await signProof(doc, issuer, { created: at((env.clockSkewSeconds * 1000) / 2) })]), env);
    expect(skewed.verdict).toBe('verified');
  });

  it.each(['eddsa-rdfc-2022', 'ecdsa-rdfc-2019'] as const)('%s proofValue re-encoded as base64url ("u" multibase): PROOF_INVALID', async (suite) => {
    const key = suite === 'eddsa-rdfc-2022' ? issuer : p256Issuer;
    const doc = credential(key);
    const proof = await dbProof(doc, suite, key);
    const bytes = base58btcDecode((proof.proofValue as string).slice(1));
    expect(bytes).toBeDefined();
    const v = await verify(withProofs(doc, [{ ...proof, proofValue: `u${base64urlEncode(bytes as Uint8Array)}` }]));
    expect(v.verdict).toBe('failed');
    expect(checkOf(v, 'proof')).toMatchObject({ outcome: 'failed', code: 'PROOF_INVALID' });
  });

  it.each(['eddsa-rdfc-2022', 'ecdsa-rdfc-2019'] as const)('%s: a proof made for authentication, on a credential: PROOF_INVALID', async (suite) => {
    const key = suite === 'eddsa-rdfc-2022' ? issuer : p256Issuer;
    const doc = credential(key);
    const v = await verify(withProofs(doc, [await signProof(doc, key, { proofPurpose: 'authentication' })]));
    expect(v.verdict).toBe('failed');
    expect(checkOf(v, 'proof')).toMatchObject({ outcome: 'failed', code: 'PROOF_INVALID' });
  });

  it('Ed25519Signature2020: a proof made for authentication, on a credential: refused', async () => {
    const doc = credential(issuer, [ED25519_2020_V1]);
    const suite = new Ed25519Signature2020({ signer: issuer.pair.signer(), date: SIGNED_AT });
    const signed = (await jsigs.sign(structuredClone(doc), { suite, purpose: new jsigs.purposes.AuthenticationProofPurpose({ challenge: 'c-1' }), documentLoader: contextLoader })) as JsonObject; // why: jsigs returns the JSON document
    const v = await verify(signed);
    expect(v.verdict).toBe('failed');
    expect(checkOf(v, 'proof')).toMatchObject({ outcome: 'failed', code: 'PROOF_INVALID' });
  });
});

/**
 * Class 1 meets class 4: the proof options are signed as a graph too, so a holder may write an
 * `expires` or `created` the issuer signed in another JSON layout (under `@nest`, as a full IRI, as
 * a typed value) without breaking the signature. The verifier must still see them.
 */
describe('proof options in another layout', () => {
  const HOUR = 3_600_000;
  const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const SEC = 'https://w3id.org/security#';

  /** Rewrite the one proof of `signed` with `f`, adding the inline context reshape.ts defines. */
  const reshapeProof = (signed: JsonObject, f: (proof: JsonObject) => JsonObject): JsonObject => {
    const withContext = reshape.nest(['validUntil'])(signed); // adds the inline context (and nests validUntil)
    return { ...withContext, proof: f(signed.proof as JsonObject) }; // why: one proof object
  };
  const move = (proof: JsonObject, key: string, to: (v: JsonValue) => JsonObject): JsonObject => {
    const { [key]: value, ...rest } = proof;
    return { ...rest, ...to(value as JsonValue) }; // why: the key is present in these proofs
  };
  const layouts: readonly (readonly [string, (key: string, iri: string) => (p: JsonObject) => JsonObject])[] = [
    ['under @nest', (key) => (p) => move(p, key, (v) => ({ [NEST]: { [key]: v } }))],
    ['as its full IRI, typed', (key, iri) => (p) => move(p, key, (v) => ({ [iri]: { '@value': v, '@type': 'http://www.w3.org/2001/XMLSchema#dateTime' } }))],
    ['as a typed value object', (key) => (p) => move(p, key, (v) => ({ [key]: { '@value': v, '@type': 'http://www.w3.org/2001/XMLSchema#dateTime' } }))],
    ['as a one-element array', (key) => (p) => move(p, key, (v) => ({ [key]: [v] }))],
  ];

  it.each(layouts)('an expired proof with expires %s: never verified', async (_name, layout) => {
    const doc = credential();
    const signed = withProofs(doc, [await signProof(doc, issuer, { expires: at(-24 * HOUR) })]);
    const reshaped = reshapeProof(signed, layout('expires', `${SEC}expiration`));
    const v = await verify(reshaped);
    expect(v.verdict).toBe('failed');
    expect(checkOf(v, 'proof')).toMatchObject({ outcome: 'failed', code: 'PROOF_INVALID' });
  });

  it.each(layouts)('a proof created in the future with created %s: never verified', async (_name, layout) => {
    const doc = credential();
    const signed = withProofs(doc, [await signProof(doc, issuer, { created: at(24 * HOUR) })]);
    const reshaped = reshapeProof(signed, layout('created', 'http://purl.org/dc/terms/created'));
    const v = await verify(reshaped);
    expect(v.verdict).toBe('failed');
    expect(checkOf(v, 'proof')).toMatchObject({ outcome: 'failed', code: 'PROOF_INVALID' });
  });

  it('the proofs stay valid signatures in those layouts (the graph is the same): a future expires nested still verifies', async () => {
    const doc = credential();
    const signed = withProofs(doc, [await signProof(doc, issuer, { expires: at(24 * HOUR) })]);
    const nested = reshapeProof(signed, (p) => move(p, 'expires', (v) => ({ [NEST]: { expires: v } })));
    const v = await verify(nested);
    expect(v.verdict).toBe('verified');
  });
});

