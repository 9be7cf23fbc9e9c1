/**
 * How an issuer checks a wallet's DID-Authentication presentation: jsonld-signatures (Digital
 * Bazaar, what the DCC issuer and VC-API services use) with the eddsa-rdfc-2022 suite and an
 * AuthenticationProofPurpose bound to the challenge (and domain) it asked for; the holder's did:key
 * resolved locally. Not the wallet's own verifier.
 */
import jsigs from 'jsonld-signatures';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import type { JsonObject } from '../../../src/lib/model/credential.ts';
import { contextLoader } from '../../../src/lib/verify/loader.ts';

/** The holder DID when `vp` carries a valid authentication proof for `challenge` (and `domain`), else undefined. */
export async function verifiedHolder(vp: JsonObject, expected: { challenge: string; domain?: string }): Promise<string | undefined> {
  const holder = typeof vp.holder === 'string' ? vp.holder : undefined;
  if (!holder?.startsWith('did:key:z6Mk')) return undefined;
  const mb = holder.slice('did:key:'.length);
  const vm = `${holder}#${mb}`;
  const method = { '@context': 'https://w3id.org/security/multikey/v1', id: vm, type: 'Multikey', controller: holder, publicKeyMultibase: mb };
  const didDoc = { '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'], id: holder, verificationMethod: [method], authentication: [vm] };
  const load = async (url: string) => {
    if (url === holder) return { contextUrl: null, documentUrl: url, document: didDoc };
    if (url === vm) return { contextUrl: null, documentUrl: url, document: method };
    return contextLoader(url);
  };
  const purposes = (jsigs as unknown as { purposes: Record<string, new (o: object) => unknown> }).purposes; // why: the local typings declare only AssertionProofPurpose
  const Purpose = purposes.AuthenticationProofPurpose as new (o: object) => unknown; // why: jsonld-signatures always has it
  const result = await jsigs.verify(structuredClone(vp), { suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }), purpose: new Purpose({ challenge: expected.challenge, ...(expected.domain !== undefined ? { domain: expected.domain } : {}) }), documentLoader: load });
  return result.verified ? holder : undefined;
}
