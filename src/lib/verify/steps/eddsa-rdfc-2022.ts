/**
 * The 1EdTech conformance suite, DataIntegrityProof `eddsa-rdfc-2022`, verified directly by the
 * algorithm of W3C VC-DI-EdDSA §3.2.2 (verify proof): canonicalise the document and the proof
 * options with the suite's own `canonize` (RDFC-1.0, safe mode), hash both, check the Ed25519
 * signature with WebCrypto. Going through jsonld-signatures costs ~0.25 ms more per credential
 * (proof-set copies, a second key lookup, the controller-document purpose check), which is the
 * difference between meeting the speed target and not. Key resolution and the purpose check
 * (the key must be listed under `assertionMethod` by its controller) use the same code as every
 * other suite. Other suites go through jsonld-signatures.
 */
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { asArray, idOf, isJsonObject } from '../../formats/json.ts';
import type { JsonObject } from '../../model/credential.ts';
import type { Check } from '../../model/verification.ts';
import { base58btcDecode, base64urlDecode } from '../../util/base64.ts';
import type { VerifyEnv } from '../env.ts';
import { KeyResolutionError, resolveVerificationMethod } from '../keys.ts';
import { contextLoader, UnknownContextError } from '../loader.ts';
import { ed25519Verifier } from '../webcrypto-ed25519.ts';
import type { ProofFinding } from './proof-di.ts';

const canonize = eddsaRdfc2022.canonize as (input: object, options: object) => Promise<string>; // why: the suite's canonize is untyped JS
const OPTIONS = { documentLoader: contextLoader, base: null, safe: true };

async function sha256(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

function signatureOf(proofValue: unknown): Uint8Array | undefined {
  if (typeof proofValue !== 'string') return undefined;
  if (proofValue.startsWith('z')) return base58btcDecode(proofValue.slice(1));
  if (proofValue.startsWith('u')) {
    try {
      return base64urlDecode(proofValue.slice(1));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

const failed = (code: 'PROOF_INVALID' | 'SIGNATURE_MISMATCH' | 'KEY_NOT_AUTHORIZED' | 'UNDEFINED_TERM', detail?: string): ProofFinding => ({
  check: { id: 'proof', outcome: 'failed', code, data: { suite: 'eddsa-rdfc-2022', ...(detail ? { detail } : {}) } },
});

/** jsonld.js wraps a loader's error (as `details.cause` or `cause`); find ours in the chain. */
export function unknownContextIn(e: unknown, depth = 0): UnknownContextError | undefined {
  if (e instanceof UnknownContextError) return e;
  if (depth > 5 || typeof e !== 'object' || e === null) return undefined;
  const o = e as { cause?: unknown; details?: { cause?: unknown } }; // why: JsonLdError keeps its cause in details
  return unknownContextIn(o.details?.cause, depth + 1) ?? unknownContextIn(o.cause, depth + 1);
}

export async function verifyEddsaRdfc2022(credential: JsonObject, proof: JsonObject, env: VerifyEnv): Promise<ProofFinding> {
  const ref = idOf(proof.verificationMethod);
  if (!ref) return failed('PROOF_INVALID', 'no verificationMethod');
  if (proof.proofPurpose !== 'assertionMethod') return failed('PROOF_INVALID', `proofPurpose ${String(proof.proofPurpose)}`);
  if (proof.created !== undefined && (typeof proof.created !== 'string' || Number.isNaN(Date.parse(proof.created)))) {
    return failed('PROOF_INVALID', 'proof.created is not a date');
  }
  const signature = signatureOf(proof.proofValue);
  if (!signature || signature.length !== 64) return failed('PROOF_INVALID', 'proofValue is not a 64-byte multibase signature');

  let method;
  try {
    method = await resolveVerificationMethod(ref, env.remote);
  } catch (e) {
    if (!(e instanceof KeyResolutionError)) throw e;
    const data = { suite: 'eddsa-rdfc-2022', detail: e.message };
    const check: Check = e.outcome === 'failed'
      ? { id: 'proof', outcome: 'failed', code: e.code as 'KEY_NOT_FOUND', data } // why: failed errors carry failure codes
      : { id: 'proof', outcome: 'not-checked', reason: e.reason ?? 'error', code: e.code as 'NEEDS_NETWORK', data }; // why: not-checked errors carry not-checked codes
    return { check };
  }
  if (!asArray(method.controllerDocument.assertionMethod).some((m) => idOf(m) === ref)) return failed('KEY_NOT_AUTHORIZED');
  if (!String(method.method.publicKeyMultibase ?? '').startsWith('z6Mk')) return failed('PROOF_INVALID', 'eddsa-rdfc-2022 needs an Ed25519 key');

  const { proof: _all, ...unsecured } = credential;
  const { proofValue: _value, ...options } = proof;
  let hashes: [Uint8Array, Uint8Array];
  try {
    const [c14nOptions, c14nDocument] = await Promise.all([
      canonize({ '@context': credential['@context'], ...options }, OPTIONS),
      canonize(unsecured, OPTIONS),
    ]);
    hashes = await Promise.all([sha256(c14nOptions), sha256(c14nDocument)]);
  } catch (e) {
    const unknown = unknownContextIn(e);
    if (unknown) return { check: { id: 'proof', outcome: 'not-checked', reason: 'unsupported', code: 'UNKNOWN_CONTEXT', data: { url: unknown.url } } };
    const name = isJsonObject(e) || e instanceof Error ? (e as Error).name : '';
    if (name === 'jsonld.ValidationError') return failed('UNDEFINED_TERM', (e as Error).message);
    return failed('PROOF_INVALID', e instanceof Error ? e.message.slice(0, 300) : String(e));
  }
  const data = new Uint8Array(64);
  data.set(hashes[0], 0);
  data.set(hashes[1], 32);
  const verifier = await ed25519Verifier(method.method);
  if (!(await verifier.verify({ data, signature }))) return failed('SIGNATURE_MISMATCH');
  return { check: { id: 'proof', outcome: 'passed', code: 'PROOF_VALID', data: { suite: 'eddsa-rdfc-2022', verificationMethod: ref } }, method };
}
