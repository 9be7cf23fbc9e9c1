/**
 * Holder binding: the wallet's device key (Ed25519 through WebCrypto; the private key is
 * generated non-extractable, so it can be stored in IndexedDB but never read out) signs a
 * presentation as a DataIntegrityProof `eddsa-rdfc-2022` with proofPurpose `authentication` and
 * the verifier's challenge and domain (W3C VC-DI-EdDSA §3.2; VC Data Model 2.0 §4.13). The key is
 * shown as a did:key. Signing and checking follow the suite's algorithm directly, as
 * verify/steps/eddsa-rdfc-2022.ts does for issuers; tests check the result against jsonld-signatures.
 */
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { TsumikiError } from '../errors.ts';
import { idOf, isJsonObject } from '../formats/json.ts';
import type { JsonObject } from '../model/credential.ts';
import { base58btcDecode } from '../util/base64.ts';
import { KeyResolutionError, resolveVerificationMethod } from '../verify/keys.ts';
import { createRemote } from '../verify/remote.ts';
import { contextLoader, unknownContextIn } from '../verify/loader.ts';
import { ed25519Verifier } from '../verify/webcrypto-ed25519.ts';
import { base58btcEncode } from './base45.ts';

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
  | 'NOT_APPLICABLE'
  | 'UNSUPPORTED_PROOF'
  | 'UNSUPPORTED_KEY'
  | 'UNKNOWN_CONTEXT'
  | 'NEEDS_NETWORK'
  | 'CHECK_ERROR';

/** Shaped like a verification Check, with id `holder`. */
export interface HolderCheck {
  readonly id: 'holder';
  readonly outcome: 'passed' | 'failed' | 'not-checked';
  readonly reason?: 'not-applicable' | 'offline' | 'unsupported' | 'error';
  readonly code: HolderCode;
  readonly data?: Readonly<Record<string, string>>;
}

const failed = (code: HolderCode, detail?: string): HolderCheck => ({ id: 'holder', outcome: 'failed', code, ...(detail ? { data: { detail } } : {}) });

/**
 * Check a presentation's holder proof. With `challenge` (and `domain`), the proof must carry the
 * same ones: a presentation without a proof then fails. Never throws.
 */
export async function verifyPresentationProof(vp: JsonObject, expected: { challenge?: string; domain?: string } = {}): Promise<HolderCheck> {
  const asked = expected.challenge !== undefined || expected.domain !== undefined;
  const proofs = vp.proof === undefined ? [] : Array.isArray(vp.proof) ? vp.proof : [vp.proof];
  if (proofs.length === 0) return asked ? failed('PROOF_MISSING') : { id: 'holder', outcome: 'not-checked', reason: 'not-applicable', code: 'NOT_APPLICABLE' };
  const proof = proofs[0];
  if (proofs.length > 1 || !isJsonObject(proof) || proof.type !== 'DataIntegrityProof' || proof.cryptosuite !== 'eddsa-rdfc-2022') {
    return { id: 'holder', outcome: 'not-checked', reason: 'unsupported', code: 'UNSUPPORTED_PROOF' };
  }
  if (proof.proofPurpose !== 'authentication') return failed('PROOF_INVALID', `proofPurpose ${String(proof.proofPurpose)}`);
  if (expected.challenge !== undefined && proof.challenge !== expected.challenge) return failed('CHALLENGE_MISMATCH');
  if (expected.domain !== undefined && proof.domain !== expected.domain) return failed('DOMAIN_MISMATCH');
  const ref = idOf(proof.verificationMethod);
  const signature = typeof proof.proofValue === 'string' && proof.proofValue.startsWith('z') ? base58btcDecode(proof.proofValue.slice(1)) : undefined;
  if (!ref || !signature || signature.length !== 64) return failed('PROOF_INVALID', 'no verificationMethod or no 64-byte proofValue');
  try {
    const method = await resolveVerificationMethod(ref, createRemote({ online: false }));
    const holder = idOf(vp.holder);
    if (holder !== undefined && holder !== method.controller) return failed('HOLDER_MISMATCH', `${holder} is not ${method.controller}`);
    if (!String(method.method.publicKeyMultibase ?? '').startsWith('z6Mk')) return failed('PROOF_INVALID', 'eddsa-rdfc-2022 needs an Ed25519 key');
    const { proofValue: _value, ...options } = proof;
    const data = await hashes(vp, options);
    const verifier = await ed25519Verifier(method.method);
    if (!(await verifier.verify({ data, signature }))) return failed('SIGNATURE_MISMATCH');
    return {
      id: 'holder',
      outcome: 'passed',
      code: 'HOLDER_PROOF_VALID',
      data: { holder: method.controller, ...(typeof proof.challenge === 'string' ? { challenge: proof.challenge } : {}), ...(typeof proof.domain === 'string' ? { domain: proof.domain } : {}) },
    };
  } catch (e) {
    if (e instanceof KeyResolutionError) {
      if (e.outcome === 'failed') return failed('KEY_NOT_FOUND', e.message);
      const code: HolderCode = e.code === 'NEEDS_NETWORK' ? 'NEEDS_NETWORK' : e.code === 'UNSUPPORTED_KEY' ? 'UNSUPPORTED_KEY' : 'CHECK_ERROR';
      return { id: 'holder', outcome: 'not-checked', reason: e.reason ?? 'error', code, data: { detail: e.message } };
    }
    const unknown = unknownContextIn(e);
    if (unknown) return { id: 'holder', outcome: 'not-checked', reason: 'unsupported', code: 'UNKNOWN_CONTEXT', data: { url: unknown.url } };
    return { id: 'holder', outcome: 'not-checked', reason: 'error', code: 'CHECK_ERROR', data: { detail: e instanceof Error ? e.message.slice(0, 300) : String(e) } };
  }
}
