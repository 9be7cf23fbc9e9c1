/**
 * A presentation's own checks, apart from each credential it holds (those go through the pipeline
 * one by one): its proof, made for `authentication` by the holder's key with the verifier's
 * challenge and domain, in the one proof-set room (./proofs), and whether the key that signed is
 * the holder's. The holder is read from the presentation's graph (./reading), never from its JSON
 * layout. The browser's verify screen and `tsumiki verify`/`scan` call this same function.
 *
 * A VP-JWT is signed by its JWS, not by a `proof`; that signature is not checked here (the proof
 * check says `unsupported`), so such a presentation is never "verified" as the holder's.
 */
import { asArray, idOf } from '../formats/json.ts';
import type { JsonObject } from '../model/credential.ts';
import { verdictOf, type PresentationCheck, type Verdict } from '../model/verification.ts';
import type { VerifyEnv } from './env.ts';
import { unknownContextIn } from './loader.ts';
import { checkProofSet, type ProofFinding } from './proofs/index.ts';
import { AmbiguousReadingError, quadsOf, unsecured, type Quad } from './reading/index.ts';
import { readGraph, VP_CLASS } from './reading/graph.ts';

export interface PresentationOptions {
  /** What the verifier asked the holder to sign; the proof must carry the same. Blank = not asked. */
  readonly challenge?: string | undefined;
  readonly domain?: string | undefined;
  /** The compact JWS of a VP-JWT (its signature is the presentation's proof). */
  readonly jws?: string | undefined;
}

export interface PresentationResult {
  readonly verdict: Verdict;
  /** The holder the presentation names, as read from its graph; null when it names none. */
  readonly holder: string | null;
  /** `proof` then `holder`. */
  readonly checks: readonly PresentationCheck[];
}

/** What was asked, exactly as asked (the holder signs it as given); blank means not asked. */
const given = (s: string | undefined): string | undefined => (s === undefined || s.trim() === '' ? undefined : s);

interface HolderReading {
  readonly holder?: string | undefined;
  readonly quads?: Quad[] | undefined;
  /** Why the presentation could not be read, as the holder check says it. */
  readonly problem?: PresentationCheck;
}

function readingProblem(e: unknown): PresentationCheck {
  const unknown = unknownContextIn(e);
  if (unknown) return { id: 'holder', outcome: 'not-checked', reason: 'unsupported', code: 'UNKNOWN_CONTEXT', data: { url: unknown.url } };
  if (e instanceof AmbiguousReadingError) return { id: 'holder', outcome: 'failed', code: e.code, data: { problem: e.problem } };
  return { id: 'holder', outcome: 'not-checked', reason: 'error', code: 'NOT_READABLE', data: { detail: e instanceof Error ? e.message.slice(0, 300) : String(e) } };
}

/**
 * The holder, from the presentation's graph, read as a proof canonicalises it (safe mode); the proof
 * check hashes those same quads. What safe mode refuses is read leniently — a term no context defines
 * (the proof check then fails it), or bare JWT strings in an unsigned presentation — as that reading
 * proves nothing either way. A context this wallet does not have fails both readings alike.
 */
async function readHolder(vp: JsonObject): Promise<HolderReading> {
  const written = typeof vp.id === 'string' ? vp.id : typeof vp['@id'] === 'string' ? vp['@id'] : undefined;
  let quads: Quad[] | undefined;
  try {
    quads = await quadsOf(unsecured(vp), true);
  } catch {
    // read leniently below
  }
  try {
    const graph = quads ?? (await quadsOf(unsecured(vp), false));
    const holder = readGraph(graph, VP_CLASS, written).holder;
    const ids = asArray(holder).map((h) => idOf(h));
    if (ids.length > 1) throw new AmbiguousReadingError(`holder has ${ids.length} values`);
    // VC 2.0 §4.13: a holder is a URL or an object with an id; a name alone says who nobody is.
    if (ids.length === 1 && ids[0] === undefined) return { problem: { id: 'holder', outcome: 'failed', code: 'STRUCTURE_INVALID', data: { problem: 'a holder without an id' } }, quads };
    return { holder: ids[0], quads };
  } catch (e) {
    return { problem: readingProblem(e), quads };
  }
}

/** Whose key a proof names: the resolved controller, else the DID before `#`. */
function namedControllers(found: ProofFinding): string[] {
  return found.results.map((r) => r.method?.controller ?? String(idOf(r.proof.verificationMethod) ?? '').split('#')[0] ?? '').filter((c) => c !== '');
}

function holderCheck(holder: string | undefined, proof: PresentationCheck, found: ProofFinding | undefined): PresentationCheck {
  if (holder === undefined) {
    const signer = found?.method?.controller;
    return { id: 'holder', outcome: 'not-checked', reason: 'not-applicable', code: 'NOT_APPLICABLE', ...(signer ? { data: { signer } } : {}) };
  }
  if (!found) return { id: 'holder', outcome: 'not-checked', reason: 'not-applicable', code: 'NOT_APPLICABLE', data: { holder } };
  if (proof.outcome === 'passed' && found.method) {
    const signer = found.method.controller;
    return signer === holder
      ? { id: 'holder', outcome: 'passed', code: 'HOLDER_MATCHES', data: { holder } }
      : { id: 'holder', outcome: 'failed', code: 'HOLDER_MISMATCH', data: { holder, signer } };
  }
  // No proof verified. Still a fact: if no proof even names a key of the holder, the holder did not sign it.
  const named = namedControllers(found);
  if (named.length > 0 && !named.includes(holder)) return { id: 'holder', outcome: 'failed', code: 'HOLDER_MISMATCH', data: { holder, signer: named[0] as string } }; // why: length checked
  return { id: 'holder', outcome: 'not-checked', reason: proof.outcome === 'not-checked' ? proof.reason : 'not-applicable', code: 'PROOF_NOT_VERIFIED', data: { holder } };
}

/** Verify a presentation's own proof and holder. Never throws. */
export async function verifyPresentation(vp: JsonObject, env: VerifyEnv, options: PresentationOptions = {}): Promise<PresentationResult> {
  const challenge = given(options.challenge);
  const domain = given(options.domain);
  const asked = challenge !== undefined || domain !== undefined;
  const signed = asArray(vp.proof).length > 0;
  const read = await readHolder(vp);
  const holder = read.holder;
  let proof: PresentationCheck;
  let found: ProofFinding | undefined;
  if (options.jws !== undefined) {
    proof = { id: 'proof', outcome: 'not-checked', reason: 'unsupported', code: 'UNSUPPORTED_PROOF', data: { suite: 'VP-JWT', detail: 'the holder’s JWS over a VP-JWT is not checked' } };
  } else if (!signed) {
    proof = asked ? { id: 'proof', outcome: 'failed', code: 'PROOF_MISSING', data: { challenge: challenge ?? null, domain: domain ?? null } } : { id: 'proof', outcome: 'not-checked', reason: 'not-applicable', code: 'NOT_SIGNED' };
  } else {
    try {
      found = await checkProofSet(vp, env, {
        purpose: 'authentication',
        controller: holder,
        ...(challenge !== undefined ? { challenge } : {}),
        ...(domain !== undefined ? { domain } : {}),
        ...(read.quads ? { quads: read.quads } : {}),
      });
      proof = { ...found.check, id: 'proof' } as PresentationCheck; // why: the same check, under the presentation's id set
    } catch (e) {
      proof = { id: 'proof', outcome: 'not-checked', reason: 'error', code: 'CHECK_ERROR', data: { detail: e instanceof Error ? e.message.slice(0, 300) : String(e) } };
    }
  }
  const checks: PresentationCheck[] = [proof, read.problem ?? holderCheck(holder, proof, found)];
  return { verdict: verdictOf(checks), holder: holder ?? null, checks };
}
