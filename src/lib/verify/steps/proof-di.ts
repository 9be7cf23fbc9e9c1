/**
 * Embedded (Data Integrity / Linked Data) proofs, verified with Digital Bazaar's suites through a
 * strict loader. Each proof is verified on its own so the report can say which one held; any one
 * valid proof suffices (OB 3.0 §integrity). Unknown suites are skipped, not fatal.
 */
import jsigs from 'jsonld-signatures';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { cryptosuite as ecdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import { createVerifyCryptosuite as ecdsaSd2023 } from '@digitalbazaar/ecdsa-sd-2023-cryptosuite';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { asArray, isJsonObject } from '../../formats/json.ts';
import type { JsonObject } from '../../model/credential.ts';
import type { Check } from '../../model/verification.ts';
import type { ResolvedMethod } from '../keys.ts';
import { createLoader, type LoaderRecord } from '../loader.ts';
import type { VerifyEnv } from '../env.ts';
import { ed25519Verifier } from '../webcrypto-ed25519.ts';
import { applyJsonldSpeedup } from '../jsonld-speedup.ts';
import { verifyEddsaRdfc2022 } from './eddsa-rdfc-2022.ts';
import { base58btcDecode } from '../../util/base64.ts';

applyJsonldSpeedup();

/** eddsa-rdfc-2022's algorithm with its signature check done by WebCrypto (for the draft name eddsa-2022). */
const eddsaWebCrypto = { ...eddsaRdfc2022, createVerifier: ({ verificationMethod }: { verificationMethod: Record<string, unknown> }) => ed25519Verifier(verificationMethod) };

/** Ed25519Signature2020 with its signature check done by WebCrypto (canonicalisation unchanged). */
class Ed25519Signature2020WebCrypto extends Ed25519Signature2020 {
  async verifySignature(input: { verifyData: Uint8Array; verificationMethod: Record<string, unknown>; proof: { proofValue?: unknown } }): Promise<boolean> {
    const value = input.proof.proofValue;
    const signature = typeof value === 'string' && value.startsWith('z') ? base58btcDecode(value.slice(1)) : undefined;
    if (!signature) throw new Error('The proof does not include a valid base58btc "proofValue".');
    return (await ed25519Verifier(input.verificationMethod)).verify({ data: input.verifyData, signature });
  }
}

/** The suite that verifies a proof, or undefined when this wallet has none for it. */
function suiteFor(proof: JsonObject): { name: string; suite: unknown } | undefined {
  const type = proof.type;
  if (type === 'Ed25519Signature2020') return { name: type, suite: new Ed25519Signature2020WebCrypto() };
  if (type !== 'DataIntegrityProof') return undefined;
  switch (proof.cryptosuite) {
    // eddsa-rdfc-2022 itself is verified directly (./eddsa-rdfc-2022.ts), before suites are chosen.
    case 'eddsa-2022':
      // The draft name of eddsa-rdfc-2022: the same canonicalisation, hash and signature.
      return { name: 'eddsa-2022', suite: new DataIntegrityProof({ cryptosuite: { ...eddsaWebCrypto, name: 'eddsa-2022' }, legacyContext: true }) };
    case 'ecdsa-rdfc-2019':
      return { name: 'ecdsa-rdfc-2019', suite: new DataIntegrityProof({ cryptosuite: ecdsaRdfc2019 }) };
    case 'ecdsa-sd-2023':
      return { name: 'ecdsa-sd-2023', suite: new DataIntegrityProof({ cryptosuite: ecdsaSd2023() }) };
    default:
      return undefined;
  }
}

export interface ProofFinding {
  readonly check: Check;
  /** The method whose key verified the proof (only when it did). */
  readonly method?: ResolvedMethod;
}

/** jsigs wraps what went wrong in a VerificationError whose `errors` holds the causes. */
function causes(e: unknown): unknown[] {
  if (Array.isArray(e)) return e.flatMap(causes);
  const inner = (e as { errors?: unknown } | null)?.errors; // why: VerificationError is a plain Error with an `errors` array
  return Array.isArray(inner) && inner.length > 0 ? inner.flatMap(causes) : [e];
}

function messageOf(e: unknown): string {
  return causes(e)
    .map((c) => (c instanceof Error ? c.message : isJsonObject(c) && typeof c.message === 'string' ? c.message : String(c)))
    .join('; ');
}

function errorName(e: unknown): string | undefined {
  const first = causes(e)[0];
  return first instanceof Error ? first.name : isJsonObject(first) && typeof first.name === 'string' ? first.name : undefined;
}

/** Translate what a failed verification left behind into one check. */
function interpret(error: unknown, record: LoaderRecord, suite: string): Check {
  if (record.unknownContext) {
    return { id: 'proof', outcome: 'not-checked', reason: 'unsupported', code: 'UNKNOWN_CONTEXT', data: { url: record.unknownContext } };
  }
  const keyError = record.keyError;
  if (keyError) {
    const data = { suite, detail: keyError.message };
    if (keyError.outcome === 'failed') return { id: 'proof', outcome: 'failed', code: keyError.code as 'KEY_NOT_FOUND', data }; // why: failed errors carry failure codes
    return { id: 'proof', outcome: 'not-checked', reason: keyError.reason ?? 'error', code: keyError.code as 'NEEDS_NETWORK', data }; // why: not-checked errors carry not-checked codes
  }
  const message = messageOf(error);
  if (/Invalid signature/i.test(message)) return { id: 'proof', outcome: 'failed', code: 'SIGNATURE_MISMATCH', data: { suite } };
  if (errorName(error) === 'jsonld.ValidationError' || /safe mode/i.test(message)) {
    return { id: 'proof', outcome: 'failed', code: 'UNDEFINED_TERM', data: { suite, detail: message.slice(0, 300) } };
  }
  if (/not authorized by controller/i.test(message)) {
    return { id: 'proof', outcome: 'failed', code: 'KEY_NOT_AUTHORIZED', data: { suite } };
  }
  return { id: 'proof', outcome: 'failed', code: 'PROOF_INVALID', data: { suite, detail: message.slice(0, 300) } };
}

const RANK: Record<string, number> = { failed: 3, error: 2, offline: 2, unsupported: 1 };
function rank(c: Check): number {
  return c.outcome === 'failed' ? RANK.failed! : c.outcome === 'not-checked' ? (RANK[c.reason] ?? 0) : 4; // why: RANK has every key used
}

export async function checkEmbeddedProofs(credential: JsonObject, env: VerifyEnv): Promise<ProofFinding> {
  const proofs = asArray(credential.proof).filter(isJsonObject);
  if (proofs.length === 0) return { check: { id: 'proof', outcome: 'failed', code: 'PROOF_MISSING' } };
  const findings: ProofFinding[] = [];
  for (const proof of proofs) {
    if (proof.type === 'DataIntegrityProof' && proof.cryptosuite === 'eddsa-rdfc-2022') {
      const found = await verifyEddsaRdfc2022(credential, proof, env);
      if (found.check.outcome === 'passed') return { ...found, check: { ...found.check, data: { ...found.check.data, proofs: proofs.length } } };
      findings.push(found);
      continue;
    }
    if (typeof proof.type !== 'string') {
      findings.push({ check: { id: 'proof', outcome: 'failed', code: 'PROOF_INVALID', data: { detail: 'a proof without a type' } } });
      continue;
    }
    const chosen = suiteFor(proof);
    const label = String(proof.cryptosuite ?? proof.type ?? 'unknown');
    if (!chosen) {
      findings.push({ check: { id: 'proof', outcome: 'not-checked', reason: 'unsupported', code: 'UNSUPPORTED_PROOF', data: { suite: label } } });
      continue;
    }
    const ref = typeof proof.verificationMethod === 'string' ? proof.verificationMethod : undefined;
    const { load, record } = createLoader(env.remote, new Set(ref ? [ref] : []));
    const result = await jsigs.verify(
      { ...credential, proof },
      { suite: chosen.suite, purpose: new jsigs.purposes.AssertionProofPurpose(), documentLoader: load },
    );
    if (result.verified && ref) {
      const method = record.methods.get(ref);
      const data = { suite: chosen.name, verificationMethod: ref, proofs: proofs.length };
      return method ? { check: { id: 'proof', outcome: 'passed', code: 'PROOF_VALID', data }, method } : { check: { id: 'proof', outcome: 'passed', code: 'PROOF_VALID', data } };
    }
    const error = result.error ?? result.results?.find((r) => r.error)?.error;
    findings.push({ check: interpret(error, record, chosen.name) });
  }
  // No proof held: report the most telling reason (a failure over a skipped check).
  findings.sort((a, b) => rank(b.check) - rank(a.check));
  return findings[0] as ProofFinding; // why: proofs.length > 0 so findings has at least one entry
}
