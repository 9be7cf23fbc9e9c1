/**
 * DID Authentication: an empty Verifiable Presentation whose holder is the device's did:key, signed
 * (DataIntegrityProof eddsa-rdfc-2022, proofPurpose authentication) with the peer's challenge and,
 * when the protocol names one, its domain. This is how the DCC Learner Credential Wallet answers a
 * credential request and a VC-API `DIDAuthentication` query.
 */
import type { JsonObject } from '../model/credential.ts';
import { signPresentation, type DeviceKey } from '../share/holder.ts';

export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';

export function didAuthPresentation(key: DeviceKey, options: { challenge?: string; domain?: string }): Promise<JsonObject> {
  return signPresentation({ '@context': [VC_V2_CONTEXT], type: ['VerifiablePresentation'] }, key, options);
}
