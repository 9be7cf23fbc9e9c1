import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import jsigs from 'jsonld-signatures';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { parseInput } from '../../../src/lib/formats/parse.ts';
import type { JsonObject, ParsedCredential } from '../../../src/lib/model/credential.ts';
import { createDeviceKey, signPresentation, verifyPresentationProof } from '../../../src/lib/share/holder.ts';
import { packPresentation, unpackPresentation } from '../../../src/lib/share/pack.ts';
import { presentationOf } from '../../../src/lib/share/share.ts';
import { contextLoader } from '../../../src/lib/verify/loader.ts';

const fixture = (p: string): ParsedCredential[] => {
  const out = parseInput(new Uint8Array(readFileSync(new URL(`../../fixtures/${p}`, import.meta.url))));
  if (out.kind !== 'credentials') throw new Error(p);
  return [...out.input.credentials];
};

const badges = [...fixture('ob3/1edtech-validator/simple.json'), ...fixture('ob3/dcc-verifier-core/v2NoStatus.json'), ...fixture('ob3/1edtech-validator/simple.jwt')];

describe('holder binding', () => {
  it('signs with a non-extractable device key shown as a did:key', async () => {
    const key = await createDeviceKey();
    expect(key.did).toMatch(/^did:key:z6Mk[1-9A-HJ-NP-Za-km-z]+$/);
    expect(key.verificationMethod).toBe(`${key.did}#${key.did.slice('did:key:'.length)}`);
    expect(key.keyPair.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', key.keyPair.privateKey)).rejects.toThrow();
  });

  it('a signed presentation verifies with its challenge and domain, and fails with a wrong one', async () => {
    const key = await createDeviceKey();
    const vp = await signPresentation(presentationOf(badges), key, { challenge: 'nonce-123', domain: 'verifier.example' });
    expect(vp.holder).toBe(key.did);
    const ok = await verifyPresentationProof(vp, { challenge: 'nonce-123', domain: 'verifier.example' });
    expect(ok).toMatchObject({ outcome: 'passed', code: 'HOLDER_PROOF_VALID', data: { holder: key.did, challenge: 'nonce-123' } });
    expect(await verifyPresentationProof(vp, { challenge: 'nonce-999' })).toMatchObject({ outcome: 'failed', code: 'CHALLENGE_MISMATCH' });
    expect(await verifyPresentationProof(vp, { challenge: 'nonce-123', domain: 'evil.example' })).toMatchObject({ outcome: 'failed', code: 'DOMAIN_MISMATCH' });
  });

  it('a presentation whose proof carries a forged challenge fails on the signature', async () => {
    const key = await createDeviceKey();
    const vp = await signPresentation(presentationOf(badges), key, { challenge: 'old' });
    const replayed = { ...vp, proof: { ...(vp.proof as JsonObject), challenge: 'fresh' } };
    expect(await verifyPresentationProof(replayed, { challenge: 'fresh' })).toMatchObject({ outcome: 'failed', code: 'SIGNATURE_MISMATCH' });
  });

  it('detects a swapped credential, a foreign holder and a missing proof', async () => {
    const key = await createDeviceKey();
    const vp = await signPresentation(presentationOf(badges), key);
    const swapped = { ...vp, verifiableCredential: [badges[1]!.credential] };
    expect(await verifyPresentationProof(swapped)).toMatchObject({ outcome: 'failed', code: 'SIGNATURE_MISMATCH' });
    const other = await createDeviceKey();
    expect(await verifyPresentationProof({ ...vp, holder: other.did })).toMatchObject({ outcome: 'failed', code: 'HOLDER_MISMATCH' });
    const unsigned = presentationOf(badges);
    expect(await verifyPresentationProof(unsigned)).toMatchObject({ outcome: 'not-checked', code: 'NOT_APPLICABLE' });
    expect(await verifyPresentationProof(unsigned, { challenge: 'x' })).toMatchObject({ outcome: 'failed', code: 'PROOF_MISSING' });
  });

  it('survives the QR payload round trip', async () => {
    const key = await createDeviceKey();
    const vp = await signPresentation(presentationOf(badges), key, { challenge: 'c1' });
    const back = unpackPresentation(packPresentation(vp));
    expect(await verifyPresentationProof(back, { challenge: 'c1' })).toMatchObject({ outcome: 'passed' });
  });

  it('is accepted by jsonld-signatures (DataIntegrityProof, AuthenticationProofPurpose)', async () => {
    const key = await createDeviceKey();
    const vp = await signPresentation(presentationOf(badges), key, { challenge: 'abc', domain: 'd.example' });
    const mb = key.did.slice('did:key:'.length);
    const method = { '@context': 'https://w3id.org/security/multikey/v1', id: key.verificationMethod, type: 'Multikey', controller: key.did, publicKeyMultibase: mb };
    const didDoc = { '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'], id: key.did, verificationMethod: [method], authentication: [key.verificationMethod] };
    const load = async (url: string) => {
      if (url === key.did) return { contextUrl: null, documentUrl: url, document: didDoc };
      if (url === key.verificationMethod) return { contextUrl: null, documentUrl: url, document: method };
      return contextLoader(url);
    };
    const purposes = (jsigs as unknown as { purposes: Record<string, new (o: object) => unknown> }).purposes; // why: the local typings declare only AssertionProofPurpose
    const Purpose = purposes.AuthenticationProofPurpose!;
    const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
    const good = await jsigs.verify(vp, { suite, purpose: new Purpose({ challenge: 'abc', domain: 'd.example' }), documentLoader: load });
    expect(good.verified).toBe(true);
    const bad = await jsigs.verify(vp, { suite, purpose: new Purpose({ challenge: 'zzz', domain: 'd.example' }), documentLoader: load });
    expect(bad.verified).toBe(false);
  });
});
