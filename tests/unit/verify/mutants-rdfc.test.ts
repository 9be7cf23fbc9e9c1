// Tests written for StrykerJS (`npm run mutate`): the RDFC suites verified directly (proofs/rdfc.ts) and
// the WebCrypto Ed25519 verifier (webcrypto-ed25519.ts), called directly.
import { beforeAll, describe, expect, it } from 'vitest';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import type { JsonObject } from '../../../src/lib/model/credential.ts';
import { resolveVerificationMethod, type ResolvedMethod } from '../../../src/lib/verify/keys.ts';
import { ProofFormatError, proofOptionQuads, verifyRdfcProof } from '../../../src/lib/verify/proofs/rdfc.ts';
import { quadsOf, unsecured } from '../../../src/lib/verify/reading/index.ts';
import { createRemote } from '../../../src/lib/verify/remote.ts';
import { ed25519Verifier } from '../../../src/lib/verify/webcrypto-ed25519.ts';
import { generateDidKey, ob3Credential, signDi, type DidKey } from '../../support/issuer.ts';

const offline = createRemote({ online: false });
let ed: DidKey;
let p256: DidKey;
let edMethod: ResolvedMethod;
let p256Method: ResolvedMethod;
let eddsa: JsonObject;
let ecdsa: JsonObject;

beforeAll(async () => {
  ed = await generateDidKey('Ed25519');
  p256 = await generateDidKey('P-256');
  edMethod = await resolveVerificationMethod(ed.vm, offline);
  p256Method = await resolveVerificationMethod(p256.vm, offline);
  eddsa = await signDi(ob3Credential({ id: 'urn:rdfc:1', issuerId: ed.did, identityHash: 'sha256$00' }), 'eddsa-rdfc-2022', ed.pair);
  ecdsa = await signDi(ob3Credential({ id: 'urn:rdfc:2', issuerId: p256.did, identityHash: 'sha256$00' }), 'ecdsa-rdfc-2019', p256.pair);
});

const verify = async (suite: 'eddsa-rdfc-2022' | 'ecdsa-rdfc-2019' | 'Ed25519Signature2020' | 'eddsa-2022', doc: JsonObject, method: ResolvedMethod, proof = doc.proof as JsonObject) =>
  verifyRdfcProof(suite, doc, proof, method, await quadsOf(unsecured(doc)));

describe('verifyRdfcProof', () => {
  it('a proof verifies with its own key, by its suite (eddsa-2022 is the same algorithm)', async () => {
    expect(await verify('eddsa-rdfc-2022', eddsa, edMethod)).toBe(true);
    expect(await verify('eddsa-2022', eddsa, edMethod)).toBe(true);
    expect(await verify('ecdsa-rdfc-2019', ecdsa, p256Method)).toBe(true);
    expect(await verify('eddsa-rdfc-2022', eddsa, await resolveVerificationMethod((await generateDidKey('Ed25519')).vm, offline))).toBe(false);
  });

  it('a key of the wrong kind for the suite', async () => {
    await expect(verify('eddsa-rdfc-2022', eddsa, p256Method)).rejects.toThrow(new ProofFormatError('eddsa-rdfc-2022 needs an Ed25519 key'));
    await expect(verify('Ed25519Signature2020', eddsa, p256Method)).rejects.toThrow('Ed25519Signature2020 needs an Ed25519 key');
    await expect(verify('ecdsa-rdfc-2019', ecdsa, edMethod)).rejects.toThrow('ecdsa-rdfc-2019 needs a P-256 or P-384 key');
  });

  it('a proofValue that is not base58-btc, or not a signature’s length', async () => {
    const proof = eddsa.proof as JsonObject;
    const e = await verify('eddsa-rdfc-2022', eddsa, edMethod, { ...proof, proofValue: `u${'A'.repeat(86)}` }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ProofFormatError);
    expect(e).toMatchObject({ name: 'ProofFormatError', message: 'eddsa-rdfc-2022 proofValue must be base58-btc (multibase "z")' });
    await expect(verify('eddsa-rdfc-2022', eddsa, edMethod, { ...proof, proofValue: 7 })).rejects.toThrow('must be base58-btc');
    await expect(verify('eddsa-rdfc-2022', eddsa, edMethod, { ...proof, proofValue: 'z2' })).rejects.toThrow('eddsa-rdfc-2022 proofValue is not a 64-byte signature');
    await expect(verify('eddsa-rdfc-2022', eddsa, edMethod, { ...proof, proofValue: 'z0OIl' })).rejects.toThrow('is not a 64-byte signature');
  });

  it('a proof’s option quads are built once per proof and context', async () => {
    const proof = eddsa.proof as JsonObject;
    const a = proofOptionQuads(eddsa, proof);
    expect(proofOptionQuads(eddsa, proof)).toBe(a);
    const other = proofOptionQuads({ ...eddsa, '@context': [...(eddsa['@context'] as string[])] }, proof);
    expect(other).not.toBe(a);
    // proofValue (and its older names) are not part of the options signed.
    const quads = await proofOptionQuads(eddsa, { ...proof, jws: 'x', signatureValue: 'y' });
    expect(quads.some((q) => /proofValue|jws|signatureValue/.test(q.predicate.value))).toBe(false);
    expect(quads.some((q) => q.predicate.value === 'http://purl.org/dc/terms/created')).toBe(true);
  });
});

describe('verifyRdfcProof: ecdsa-rdfc-2019 with a P-384 key (96-byte signature, SHA-384)', () => {
  it('verifies its own proof; refuses it with another P-384 key and a 64-byte value', async () => {
    const p384 = async () => {
      const pair = await EcdsaMultikey.generate({ curve: 'P-384' });
      const did = `did:key:${pair.publicKeyMultibase as string}`; // why: a generated pair has its public key
      pair.id = `${did}#${pair.publicKeyMultibase as string}`;
      pair.controller = did;
      return { did, pair };
    };
    const key = await p384();
    const method = await resolveVerificationMethod(key.pair.id as string, offline); // why: set above
    const doc = await signDi(ob3Credential({ id: 'urn:rdfc:384', issuerId: key.did, identityHash: 'sha256$00' }), 'ecdsa-rdfc-2019', key.pair);
    expect(await verify('ecdsa-rdfc-2019', doc, method)).toBe(true);
    const other = await p384();
    expect(await verify('ecdsa-rdfc-2019', doc, await resolveVerificationMethod(other.pair.id as string, offline))).toBe(false);
    const short = String((ecdsa.proof as JsonObject).proofValue);
    await expect(verify('ecdsa-rdfc-2019', doc, method, { ...(doc.proof as JsonObject), proofValue: short })).rejects.toThrow('ecdsa-rdfc-2019 proofValue is not a 96-byte signature');
  });
});

describe('ed25519Verifier', () => {
  it('WebCrypto for a z6Mk key: verifies and refuses', async () => {
    const data = new TextEncoder().encode('hello');
    const signature = await ed.pair.signer().sign({ data });
    const web = await ed25519Verifier(edMethod.method);
    expect(web).toMatchObject({ algorithm: 'Ed25519', id: ed.vm });
    expect(await web.verify({ data, signature })).toBe(true);
    expect(await web.verify({ data: new TextEncoder().encode('hellO'), signature })).toBe(false);
    // Imported once: a second verifier for the same key verifies the same way.
    expect(await (await ed25519Verifier({ ...edMethod.method, id: 'other' })).verify({ data, signature })).toBe(true);
  });
});
