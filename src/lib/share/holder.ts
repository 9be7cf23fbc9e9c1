/**
 * Holder binding: the wallet's device key (Ed25519 through WebCrypto; the private key is
 * generated non-extractable, so it can be stored in IndexedDB but never read out) signs a
 * presentation as a DataIntegrityProof `eddsa-rdfc-2022` with proofPurpose `authentication` and
 * the verifier's challenge and domain (W3C VC-DI-EdDSA §3.2; VC Data Model 2.0 §4.13). The key is
 * shown as a did:key. Signing follows the suite's algorithm directly; tests check the result
 * against jsonld-signatures. Checking is the core's (verify/presentation.ts, through the one
 * proof-set room): this file only puts its answer in one line for the verify screen.
 */
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { TsumikiError } from '../errors.ts';
import { asArray, idOf, isJsonObject } from '../formats/json.ts';
import type { JsonObject } from '../model/credential.ts';
import type { NotCheckedReason, PresentationCheck } from '../model/verification.ts';
import { base58btcEncode } from '../util/bytes.ts';
import { createEnv, type VerifyEnv } from '../verify/env.ts';
import { contextLoader, unknownContextIn } from '../verify/loader.ts';
import { verifyPresentation, type PresentationResult } from '../verify/presentation.ts';
import { createRemote } from '../verify/remote.ts';

export interface DeviceKey {
  readonly keyPair: CryptoKeyPair;
  /** `did:key:z6Mk…` */
  readonly did: string;
  /** `did:key:z6Mk…#z6Mk…` */
  readonly verificationMethod: string;
}

/** A device key from a stored key pair (the public half is always exportable). */
export async function deviceKeyFrom(keyPair: CryptoKeyPair): Promise<DeviceKey> {
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', keyPair.publicKey));
  const mb = 'z' + base58btcEncode(new Uint8Array([0xed, 0x01, ...raw]));
  return { keyPair, did: `did:key:${mb}`, verificationMethod: `did:key:${mb}#${mb}` };
}

/** A new device key; the private key is not extractable. */
export async function createDeviceKey(): Promise<DeviceKey> {
  const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair; // why: Ed25519 generateKey yields a pair
  return deviceKeyFrom(pair);
}

const canonize = eddsaRdfc2022.canonize as (input: object, options: object) => Promise<string>; // why: the suite's canonize is untyped JS
const OPTIONS = { documentLoader: contextLoader, base: null, safe: true };

async function hashes(vp: JsonObject, options: JsonObject): Promise<Uint8Array> {
  const { proof: _proof, ...unsecured } = vp;
  const [c14nOptions, c14nDocument] = await Promise.all([canonize({ '@context': vp['@context'], ...options }, OPTIONS), canonize(unsecured, OPTIONS)]);
  const data = new Uint8Array(64);
  const enc = new TextEncoder();
  data.set(new Uint8Array(await crypto.subtle.digest('SHA-256', enc.encode(c14nOptions))), 0);
  data.set(new Uint8Array(await crypto.subtle.digest('SHA-256', enc.encode(c14nDocument))), 32);
  return data;
}

export interface SignOptions {
  readonly challenge?: string;
  readonly domain?: string;
  readonly created?: Date;
}

/**
 * The presentation with `holder` set to the device's DID and a proof over it. Throws
 * SHARE_CANNOT_SIGN when the presentation cannot be canonicalised (a context that is not bundled).
 */
export async function signPresentation(vp: JsonObject, key: DeviceKey, options: SignOptions = {}): Promise<JsonObject> {
  const { proof: _old, ...rest } = vp;
  const holderBound: JsonObject = { ...rest, holder: key.did };
  const proofOptions: JsonObject = {
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-rdfc-2022',
    created: (options.created ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    verificationMethod: key.verificationMethod,
    proofPurpose: 'authentication',
    ...(options.challenge !== undefined ? { challenge: options.challenge } : {}),
    ...(options.domain !== undefined ? { domain: options.domain } : {}),
  };
  let data: Uint8Array;
  try {
    data = await hashes(holderBound, proofOptions);
  } catch (e) {
    const unknown = unknownContextIn(e);
    throw new TsumikiError('SHARE_CANNOT_SIGN', unknown ? `cannot sign: context ${unknown.url} is not bundled` : `cannot sign: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  const signature = new Uint8Array(await crypto.subtle.sign('Ed25519', key.keyPair.privateKey, data as Uint8Array<ArrayBuffer>)); // why: WebCrypto's BufferSource wants an ArrayBuffer-backed view
  return { ...holderBound, proof: { ...proofOptions, proofValue: 'z' + base58btcEncode(signature) } };
}

export type HolderCode =
  | 'HOLDER_PROOF_VALID'
  | 'PROOF_MISSING'
  | 'PROOF_INVALID'
  | 'SIGNATURE_MISMATCH'
  | 'CHALLENGE_MISMATCH'
  | 'DOMAIN_MISMATCH'
  | 'HOLDER_MISMATCH'
  | 'KEY_NOT_FOUND'
  | 'KEY_NOT_AUTHORIZED'
  | 'NOT_APPLICABLE'
  | 'UNSUPPORTED_PROOF'
  | 'UNSUPPORTED_KEY'
  | 'UNKNOWN_CONTEXT'
  | 'NEEDS_NETWORK'
  | 'CHECK_ERROR';

/** The presentation's checks in one line for the verify screen: shaped like a verification Check, with id `holder`. */
export interface HolderCheck {
  readonly id: 'holder';
  readonly outcome: 'passed' | 'failed' | 'not-checked';
  readonly reason?: NotCheckedReason;
  readonly code: HolderCode;
  readonly data?: Readonly<Record<string, string>>;
}

const FAILED: ReadonlySet<string> = new Set(['PROOF_MISSING', 'PROOF_INVALID', 'SIGNATURE_MISMATCH', 'CHALLENGE_MISMATCH', 'DOMAIN_MISMATCH', 'HOLDER_MISMATCH', 'KEY_NOT_FOUND', 'KEY_NOT_AUTHORIZED']);
const NOT_CHECKED: ReadonlySet<string> = new Set(['UNSUPPORTED_PROOF', 'UNSUPPORTED_KEY', 'UNKNOWN_CONTEXT', 'NEEDS_NETWORK']);

const detailOf = (c: PresentationCheck): Record<string, string> => {
  const d = c.data?.detail ?? c.data?.problem ?? c.data?.url;
  return typeof d === 'string' ? { detail: d } : {};
};

/**
 * The verify screen's one line about who shows a presentation, from the core's presentation checks
 * (verify/presentation.ts): the holder's mismatch first, then the proof's failure, else why it was
 * not checked, else the holder's proof is valid.
 */
export function holderCheckOf(result: PresentationResult, vp: JsonObject): HolderCheck {
  const proof = result.checks.find((c) => c.id === 'proof');
  const holder = result.checks.find((c) => c.id === 'holder');
  if (holder?.outcome === 'failed') {
    const data = holder.data ?? {};
    return { id: 'holder', outcome: 'failed', code: holder.code === 'HOLDER_MISMATCH' ? 'HOLDER_MISMATCH' : 'PROOF_INVALID', data: { detail: holder.code === 'HOLDER_MISMATCH' ? `${String(data.holder)} is not ${String(data.signer)}` : String(data.problem ?? holder.code) } };
  }
  if (!proof || proof.outcome === 'not-checked') {
    if (!proof || proof.code === 'NOT_SIGNED') return { id: 'holder', outcome: 'not-checked', reason: 'not-applicable', code: 'NOT_APPLICABLE' };
    const code: HolderCode = NOT_CHECKED.has(proof.code) ? (proof.code as HolderCode) : 'CHECK_ERROR'; // why: membership checked
    return { id: 'holder', outcome: 'not-checked', reason: proof.reason, code, data: detailOf(proof) };
  }
  if (proof.outcome === 'failed') {
    const code: HolderCode = FAILED.has(proof.code) ? (proof.code as HolderCode) : 'PROOF_INVALID'; // why: membership checked
    return { id: 'holder', outcome: 'failed', code, data: code === proof.code ? detailOf(proof) : { detail: proof.code } };
  }
  if (holder?.outcome === 'not-checked' && holder.reason !== 'not-applicable') {
    return { id: 'holder', outcome: 'not-checked', reason: holder.reason, code: 'CHECK_ERROR', data: detailOf(holder) };
  }
  const signed = asArray(vp.proof).filter(isJsonObject).find((p) => idOf(p.verificationMethod) === proof.data?.verificationMethod);
  const signer = typeof holder?.data?.holder === 'string' ? holder.data.holder : typeof holder?.data?.signer === 'string' ? holder.data.signer : String(proof.data?.verificationMethod ?? '').split('#')[0];
  return {
    id: 'holder',
    outcome: 'passed',
    code: 'HOLDER_PROOF_VALID',
    data: { holder: signer ?? '', ...(typeof signed?.challenge === 'string' ? { challenge: signed.challenge } : {}), ...(typeof signed?.domain === 'string' ? { domain: signed.domain } : {}) },
  };
}

/**
 * Check a presentation's holder proof: the core's presentation check (one proof room for issuers
 * and holders), in one line. With `challenge` (and `domain`), the proof must carry the same ones:
 * a presentation without a proof then fails. Offline unless `env` says otherwise. Never throws.
 */
export async function verifyPresentationProof(vp: JsonObject, expected: { challenge?: string; domain?: string } = {}, env: VerifyEnv = createEnv({ remote: createRemote({ online: false }) })): Promise<HolderCheck> {
  return holderCheckOf(await verifyPresentation(vp, env, expected), vp);
}
