/**
 * The one room for embedded (Data Integrity / Linked Data) proofs, for issuers and holders alike:
 * the proof purpose is a parameter (`assertionMethod` for a credential's issuer, `authentication`
 * for a presentation's holder, with its challenge and domain).
 *
 * A proof set is unordered (Data Integrity §2.1.1): every proof is verified on its own and the
 * answer does not depend on their order. The proof that decides is the one made by the expected
 * controller (the issuer, the holder); other valid proofs (an endorser's, a witness's) are reported,
 * never held against the document, and never stand in for the controller's. Chained proofs
 * (`previousProof`) sign the document with the proofs they name, and hold only if those hold.
 *
 * The RDFC suites (eddsa-rdfc-2022, eddsa-2022, Ed25519Signature2020, ecdsa-rdfc-2019) are verified
 * directly (./rdfc.ts), on the quads the reading already built; ecdsa-sd-2023 (derived proofs) goes
 * through Digital Bazaar's suite.
 */
import jsigs from 'jsonld-signatures';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { createVerifyCryptosuite as ecdsaSd2023 } from '@digitalbazaar/ecdsa-sd-2023-cryptosuite';
import { asArray, idOf, isJsonObject } from '../../formats/json.ts';
import type { JsonObject } from '../../model/credential.ts';
import type { Check, CheckData } from '../../model/verification.ts';
import type { VerifyEnv } from '../env.ts';
import { KeyResolutionError, resolveVerificationMethod, type ResolvedMethod } from '../keys.ts';
import { createLoader, unknownContextIn, type LoaderRecord } from '../loader.ts';
import { quadsOf, unsecured, type Quad } from '../reading/index.ts';
import { applyJsonldSpeedup } from '../jsonld-speedup.ts';
import { vcInstant } from '../reading/dates.ts';
import { ProofFormatError, proofOptionQuads, verifyRdfcProof, type RdfcSuite } from './rdfc.ts';

applyJsonldSpeedup();

export type ProofPurpose = 'assertionMethod' | 'authentication';

export interface ProofOptions {
  readonly purpose: ProofPurpose;
  /** Whose proof decides: the issuer's id, or the holder's. */
  readonly controller: string | undefined;
  /** For `authentication`: what the verifier asked the holder to sign. */
  readonly challenge?: string;
  readonly domain?: string;
  /** The quads of the document without its proofs, when the reading already built them. */
  readonly quads?: readonly Quad[];
}

export interface ProofResult {
  readonly check: Check;
  /** The key that verified the proof (only when it did), or the one it names when resolvable. */
  readonly method?: ResolvedMethod;
  readonly proof: JsonObject;
}

export interface ProofFinding {
  /** The deciding proof's check, with `proofs` (how many) and `otherValid` (valid proofs by others). */
  readonly check: Check;
  readonly method?: ResolvedMethod;
  /** Every proof's own result, in a stable order (not the order they were written in). */
  readonly results: readonly ProofResult[];
}

/** More proofs than any real credential carries: refused before any work. */
export const MAX_PROOFS = 8;

/** An RDFC suite this module verifies itself, or one jsigs verifies (it carries the jsigs suite). */
type Suite = { readonly name: RdfcSuite } | { readonly name: string; readonly jsigs: unknown };

/** The suite that verifies a proof, or undefined when this wallet has none for it. */
function suiteFor(proof: JsonObject): Suite | undefined {
  if (proof.type === 'Ed25519Signature2020') return { name: 'Ed25519Signature2020' };
  if (proof.type !== 'DataIntegrityProof') return undefined;
  switch (proof.cryptosuite) {
    case 'eddsa-rdfc-2022':
    case 'ecdsa-rdfc-2019':
    // The draft name of eddsa-rdfc-2022: the same canonicalisation, hash and signature.
    case 'eddsa-2022':
      return { name: proof.cryptosuite };
    case 'ecdsa-sd-2023':
      return { name: 'ecdsa-sd-2023', jsigs: new DataIntegrityProof({ cryptosuite: ecdsaSd2023() }) };
    default:
      return undefined;
  }
}

const failed = (code: 'PROOF_INVALID' | 'SIGNATURE_MISMATCH' | 'KEY_NOT_AUTHORIZED' | 'UNDEFINED_TERM' | 'CHALLENGE_MISMATCH' | 'DOMAIN_MISMATCH', data: CheckData): Check => ({ id: 'proof', outcome: 'failed', code, data });

/** jsigs wraps what went wrong in a VerificationError whose `errors` holds the causes. */
function causes(e: unknown): unknown[] {
  if (Array.isArray(e)) return e.flatMap(causes);
  const inner = (e as { errors?: unknown } | null)?.errors; // why: VerificationError is a plain Error with an `errors` array
  return Array.isArray(inner) && inner.length > 0 ? inner.flatMap(causes) : [e];
}

const causeMessage = (c: unknown): string => (c instanceof Error ? c.message : isJsonObject(c) && typeof c.message === 'string' ? c.message : String(c));

/**
 * The libraries' own errors, told by what they are — never by words anywhere in a message, which may quote the
 * credential or a key id (`"@version": "safe mode"`, a key id holding "Invalid signature"):
 * - data-integrity / jsigs: `Error('Invalid signature.')`;
 * - jsonld.js: its one ValidationError, the safe-mode error;
 * - jsigs' ControllerProofPurpose: `Verification method "<id>" not authorized by controller for proof purpose "<term>".`
 */
const INVALID_SIGNATURE = (c: unknown) => causeMessage(c) === 'Invalid signature.';
const SAFE_MODE = (c: unknown) => c instanceof Error && c.name === 'jsonld.ValidationError';
const NOT_AUTHORIZED = (c: unknown) => /^Verification method ".*" not authorized by controller for proof purpose "[A-Za-z]+"\.$/s.test(causeMessage(c));

function keyErrorCheck(e: KeyResolutionError, suite: string): Check {
  const data = { suite, detail: e.message };
  return e.outcome === 'failed'
    ? { id: 'proof', outcome: 'failed', code: e.code as 'KEY_NOT_FOUND', data } // why: failed errors carry failure codes
    : { id: 'proof', outcome: 'not-checked', reason: e.reason ?? 'error', code: e.code as 'NEEDS_NETWORK', data }; // why: not-checked errors carry not-checked codes
}

/** Translate an error thrown while canonicalising or verifying into one check. */
function interpret(error: unknown, suite: string, record?: LoaderRecord): Check {
  const unknown = record?.unknownContext ?? unknownContextIn(error)?.url;
  if (unknown) return { id: 'proof', outcome: 'not-checked', reason: 'unsupported', code: 'UNKNOWN_CONTEXT', data: { url: unknown } };
  if (record?.keyError) return keyErrorCheck(record.keyError, suite);
  if (error instanceof KeyResolutionError) return keyErrorCheck(error, suite);
  // Classified on the whole causes (a long key id must not push the words out); reported cut short.
  const all = causes(error);
  const message = all.map(causeMessage).join('; ').slice(0, 300);
  if (error instanceof ProofFormatError) return failed('PROOF_INVALID', { suite, detail: message });
  if (all.some(INVALID_SIGNATURE)) return failed('SIGNATURE_MISMATCH', { suite });
  if (all.some(SAFE_MODE)) return failed('UNDEFINED_TERM', { suite, detail: message });
  if (all.some(NOT_AUTHORIZED)) return failed('KEY_NOT_AUTHORIZED', { suite });
  return failed('PROOF_INVALID', { suite, detail: message });
}

/** The proof's own options, before any key is looked up: purpose, dates, challenge, domain. */
function optionsProblem(proof: JsonObject, suite: string, options: ProofOptions, env: VerifyEnv): Check | undefined {
  if (proof.proofPurpose !== options.purpose) return failed('PROOF_INVALID', { suite, detail: `proofPurpose ${String(proof.proofPurpose)} is not ${options.purpose}` });
  const now = env.now.getTime();
  const skew = env.clockSkewSeconds * 1000;
  for (const key of ['created', 'expires'] as const) {
    const v = proof[key];
    if (v !== undefined && vcInstant(v) === undefined) return failed('PROOF_INVALID', { suite, detail: `proof.${key} is not a date-time with a zone` });
  }
  // Both dates, where present, are dates by now; an absent one bounds nothing.
  if ((vcInstant(proof.created) ?? -Infinity) > now + skew) return failed('PROOF_INVALID', { suite, detail: `proof created in the future (${proof.created})` });
  if ((vcInstant(proof.expires) ?? Infinity) < now - skew) return failed('PROOF_INVALID', { suite, detail: `proof expired at ${proof.expires}` });
  if (options.challenge !== undefined && proof.challenge !== options.challenge) return failed('CHALLENGE_MISMATCH', { suite });
  if (options.domain !== undefined && !asArray(proof.domain).includes(options.domain)) return failed('DOMAIN_MISMATCH', { suite });
  return undefined;
}

const DC_CREATED = 'http://purl.org/dc/terms/created';
const SEC_EXPIRATION = 'https://w3id.org/security#expiration';

/**
 * A proof's `created` and `expires` as signed. The proof options are signed as a graph (with the
 * document's contexts), so a holder can write them in another JSON layout — under `@nest`, as a
 * full IRI — without breaking the signature, and the JSON keys read above no longer show them.
 * Here they are read from the proof's own graph (the values of the proof node).
 */
async function signedDates(document: JsonObject, proof: JsonObject): Promise<{ readonly created: string[]; readonly expires: string[] }> {
  const quads = await proofOptionQuads(document, proof); // the quads the RDFC signature check hashed (built once)
  const key = (t: Quad['subject']) => `${t.termType}:${t.value}`;
  const inner = new Set(quads.filter((q) => q.object.termType !== 'Literal').map((q) => key(q.object)));
  const valuesOf = (predicate: string) => quads.filter((q) => q.predicate.value === predicate && q.graph.termType === 'DefaultGraph' && !inner.has(key(q.subject))).map((q) => q.object.value);
  return { created: valuesOf(DC_CREATED), expires: valuesOf(SEC_EXPIRATION) };
}

/**
 * A proof whose signature holds, held to the dates it signed: every `created` a zoned date-time
 * not after the clock (with skew), every `expires` not passed. A proof whose graph cannot be read
 * here never passes.
 */
async function withSignedDates(document: JsonObject, r: ProofResult, env: VerifyEnv): Promise<ProofResult> {
  if (r.check.outcome !== 'passed') return r;
  const suite = String(r.check.data?.suite ?? '');
  let dates: { readonly created: string[]; readonly expires: string[] };
  try {
    dates = await signedDates(document, r.proof);
  } catch (e) {
    return { ...r, check: interpret(e, suite) };
  }
  const now = env.now.getTime();
  const skew = env.clockSkewSeconds * 1000;
  for (const [key, values] of [['created', dates.created], ['expires', dates.expires]] as const) {
    for (const v of values) {
      if (vcInstant(v) === undefined) return { ...r, check: failed('PROOF_INVALID', { suite, detail: `proof ${key} is not a date-time with a zone` }) };
      if (key === 'created' && (vcInstant(v) as number) > now + skew) return { ...r, check: failed('PROOF_INVALID', { suite, detail: `proof created in the future (${v})` }) };
      if (key === 'expires' && (vcInstant(v) as number) < now - skew) return { ...r, check: failed('PROOF_INVALID', { suite, detail: `proof expired at ${v}` }) };
    }
  }
  return r;
}

/** The proofs a chained proof names, or a reason it cannot be verified. */
function previousOf(proof: JsonObject, all: readonly JsonObject[]): JsonObject[] | string {
  const ids = asArray(proof.previousProof);
  if (!ids.every((id): id is string => typeof id === 'string')) return 'previousProof must name proofs by id';
  const found = ids.map((id) => all.find((p) => p !== proof && p.id === id));
  if (found.some((p) => p === undefined)) return 'a previous proof it names is not in the proof set';
  return found as JsonObject[]; // why: none is undefined (checked)
}

const passedCheck = (suite: string, ref: string): Check => ({ id: 'proof', outcome: 'passed', code: 'PROOF_VALID', data: { suite, verificationMethod: ref } });

async function verifyOne(document: JsonObject, proof: JsonObject, all: readonly JsonObject[], env: VerifyEnv, options: ProofOptions): Promise<ProofResult> {
  if (typeof proof.type !== 'string') return { proof, check: failed('PROOF_INVALID', { detail: 'a proof without a type' }) };
  const suite = suiteFor(proof);
  const label = String(proof.cryptosuite ?? proof.type);
  if (!suite) return { proof, check: { id: 'proof', outcome: 'not-checked', reason: 'unsupported', code: 'UNSUPPORTED_PROOF', data: { suite: label } } };
  const problem = optionsProblem(proof, suite.name, options, env);
  if (problem) return { proof, check: problem };
  const ref = idOf(proof.verificationMethod);
  if (!ref) return { proof, check: failed('PROOF_INVALID', { suite: suite.name, detail: 'no verificationMethod' }) };
  const previous = previousOf(proof, all);
  if (typeof previous === 'string') return { proof, check: failed('PROOF_INVALID', { suite: suite.name, detail: previous }) };

  if ('jsigs' in suite) {
    if (previous.length > 0) return { proof, check: { id: 'proof', outcome: 'not-checked', reason: 'unsupported', code: 'UNSUPPORTED_PROOF', data: { suite: suite.name, detail: 'chained proofs of this suite' } } };
    const { load, record } = createLoader(env.remote, new Set([ref]));
    // The challenge and domain asked for were checked above (optionsProblem), by the same rules jsigs has.
    const purpose = options.purpose === 'authentication'
      ? new jsigs.purposes.AuthenticationProofPurpose({ challenge: options.challenge ?? String(proof.challenge ?? '') })
      : new jsigs.purposes.AssertionProofPurpose();
    try {
      const result = await jsigs.verify({ ...unsecured(document), proof }, { suite: suite.jsigs, purpose, documentLoader: load });
      const method = record.methods.get(ref);
      if (result.verified) return { proof, check: passedCheck(suite.name, ref), ...(method ? { method } : {}) };
      // jsigs gathers every proof's error in result.error (a VerificationError) when it did not verify.
      return { proof, check: interpret(result.error, suite.name, record), ...(method ? { method } : {}) };
    } catch (e) {
      return { proof, check: interpret(e, suite.name, record) };
    }
  }

  // What the proof signs, first: a document that cannot be canonicalised (an undefined term, an
  // unknown context) cannot carry a valid proof, whatever its key.
  let quads: readonly Quad[];
  try {
    quads = previous.length === 0 && options.quads ? options.quads : await quadsOf({ ...unsecured(document), ...(previous.length > 0 ? { proof: previous } : {}) });
  } catch (e) {
    return { proof, check: interpret(e, suite.name) };
  }
  let method: ResolvedMethod;
  try {
    method = await resolveVerificationMethod(ref, env.remote);
  } catch (e) {
    return { proof, check: interpret(e, suite.name) };
  }
  // The controller must list the key for this purpose. A DID that is its own key lists it for every purpose.
  const listed = method.binding === 'self-certifying' || asArray(method.controllerDocument[options.purpose]).some((m) => idOf(m) === ref);
  if (!listed) return { proof, method, check: failed('KEY_NOT_AUTHORIZED', { suite: suite.name, purpose: options.purpose }) };
  try {
    const ok = await verifyRdfcProof(suite.name, document, proof, method, quads);
    return { proof, method, check: ok ? passedCheck(suite.name, ref) : failed('SIGNATURE_MISMATCH', { suite: suite.name }) };
  } catch (e) {
    return { proof, method, check: interpret(e, suite.name) };
  }
}

const RANK: Record<string, number> = { failed: 3, error: 2, offline: 2, unsupported: 1 };
function rank(c: Check): number {
  return c.outcome === 'passed' ? 4 : c.outcome === 'failed' ? 3 : (RANK[c.reason] ?? 0);
}

/** A stable key for a proof, so the order proofs were written in never matters. */
const proofKey = (r: ProofResult) => `${String(r.proof.verificationMethod ?? '')}\u0000${String(r.proof.proofValue ?? '')}\u0000${JSON.stringify(r.proof)}`;

/** The controller a proof's verification method names (resolved, or the part before `#`); none without a method. */
const controllerOf = (r: ProofResult) => r.method?.controller ?? idOf(r.proof.verificationMethod)?.split('#')[0];

/**
 * Verify every proof of `document` and decide by the controller's own proof. Never throws for
 * a proof's sake; the reasons are in the checks.
 */
export async function checkProofSet(document: JsonObject, env: VerifyEnv, options: ProofOptions): Promise<ProofFinding> {
  const proofs = asArray(document.proof);
  if (proofs.length === 0) return { check: { id: 'proof', outcome: 'failed', code: 'PROOF_MISSING' }, results: [] };
  if (proofs.length > MAX_PROOFS) return { check: failed('PROOF_INVALID', { detail: `${proofs.length} proofs (at most ${MAX_PROOFS})` }), results: [] };
  if (!proofs.every(isJsonObject)) return { check: failed('PROOF_INVALID', { detail: 'a proof that is not an object' }), results: [] };
  let results = await Promise.all(proofs.map(async (p) => withSignedDates(document, await verifyOne(document, p, proofs, env, options), env)));
  // A chained proof holds only if the proofs it builds on hold, all the way down the chain: repeated
  // until nothing changes, so a break anywhere reaches every proof built on it (at most one round per proof).
  for (let changed = true; changed; ) {
    const before = results;
    results = before.map((r) => {
      if (r.check.outcome !== 'passed' || r.proof.previousProof === undefined) return r;
      const broken = asArray(r.proof.previousProof).some((id) => before.find((o) => o.proof.id === id)?.check.outcome !== 'passed');
      return broken ? { ...r, check: failed('PROOF_INVALID', { suite: String(r.check.data?.suite ?? ''), detail: 'a previous proof in its chain does not verify' }) } : r;
    });
    changed = results.some((r, i) => r !== before[i]);
  }
  results.sort((a, b) => rank(b.check) - rank(a.check) || (proofKey(a) < proofKey(b) ? -1 : proofKey(a) > proofKey(b) ? 1 : 0));
  const valid = results.filter((r) => r.check.outcome === 'passed');
  const own = results.filter((r) => options.controller !== undefined && controllerOf(r) === options.controller);
  // The controller's proof decides when there is one; else a valid proof by someone else (the
  // issuer-key check then says whose it is), else the most telling failure.
  const deciding = own[0] ?? valid[0] ?? (results[0] as ProofResult); // why: proofs is not empty, so neither is results
  const otherValid = valid.filter((r) => r !== deciding).length;
  const check = { ...deciding.check, data: { ...deciding.check.data, proofs: proofs.length, otherValid } } as Check; // why: only data changes
  return { check, results, ...(deciding.method && deciding.check.outcome === 'passed' ? { method: deciding.method } : {}) };
}

/** A document's proofs as its issuer's assertion (credentials, status lists): the issuer's proof decides. */
export function checkEmbeddedProofs(document: JsonObject, env: VerifyEnv, quads?: readonly Quad[]): Promise<ProofFinding> {
  return checkProofSet(document, env, { purpose: 'assertionMethod', controller: idOf(document.issuer), ...(quads ? { quads } : {}) });
}
