/**
 * What a verifier received, checked (issue 7, the employer's verify screen): every credential with
 * its report (and the reports of the credentials inside it) and who issued it as far as the checks
 * show, and for a presentation the core's own checks of it — its proof, its holder, the challenge
 * the verifier asked for — with the verify screen's one line about who shows it. The verifier's
 * heavy half: the screen loads it on first use (its light decisions about raw input are in input.ts).
 */
import { parseInput } from '../formats/parse.ts';
import type { JsonObject } from '../model/credential.ts';
import { createEnv, type VerifyEnv } from '../verify/env.ts';
import { issuerIdentity, type IssuerIdentity } from '../verify/issuer-identity.ts';
import { verifyBytes, type CredentialResult, type InputResult } from '../verify/pipeline.ts';
import { verifyPresentation, type PresentationResult } from '../verify/presentation.ts';
import { holderCheckOf, type HolderCheck } from './holder.ts';

export interface ReceivedCredential extends CredentialResult {
  readonly identity: IssuerIdentity;
}

export interface Received {
  readonly credentials: readonly ReceivedCredential[];
  /** Set when the input was not a readable credential. */
  readonly error?: InputResult['error'];
  /** The presentation, when the input was one. */
  readonly presentation?: JsonObject;
  /** A VP-JWT's compact JWS. */
  readonly presentationJws?: string;
  /** The presentation's own checks (proof, holder); only for a presentation. */
  readonly presentationCheck?: PresentationResult;
  /** The same in one line for the screen; only for a presentation. */
  readonly holder?: HolderCheck;
}

/** The challenge to compare with: none when blank. */
const expectation = (challenge: string | undefined) => (challenge !== undefined && challenge.trim() !== '' ? { challenge: challenge.trim() } : {});

const offline = () => createEnv({ now: new Date() });

/** Checks the holder's proof of a presentation against the verifier's challenge. Never throws. */
export async function checkHolder(presentation: JsonObject, challenge?: string, env: VerifyEnv = offline(), jws?: string): Promise<HolderCheck> {
  return holderCheckOf(await verifyPresentation(presentation, env, { ...expectation(challenge), jws }), presentation);
}

/** The same presentation checked again, against a new challenge. Never throws. */
export async function recheckPresentation(received: Received, challenge: string | undefined, env: VerifyEnv = offline()): Promise<Received> {
  const vp = received.presentation;
  if (vp === undefined) return received;
  const presentationCheck = await verifyPresentation(vp, env, { ...expectation(challenge), jws: received.presentationJws });
  return { ...received, presentationCheck, holder: holderCheckOf(presentationCheck, vp) };
}

/** Verifies whatever the bytes hold (a presentation, a credential, a baked image…). Never throws. */
export async function checkReceived(bytes: Uint8Array, env: VerifyEnv, challenge?: string): Promise<Received> {
  const result = await verifyBytes(bytes, env, expectation(challenge));
  const credentials = result.credentials.map((c): ReceivedCredential => ({ ...c, identity: issuerIdentity(c.reading?.document ?? {}, c.verification.checks) }));
  if (result.error !== undefined) return { credentials, error: result.error };
  if (result.presentation === undefined) return { credentials };
  // The presentation itself, kept for a check against another challenge.
  let presentation: JsonObject | undefined;
  let presentationJws: string | undefined;
  try {
    const outcome = parseInput(bytes);
    if (outcome.kind === 'credentials') ({ presentation, presentationJws } = outcome.input);
  } catch {
    presentation = undefined;
  }
  if (presentation === undefined) return { credentials, presentationCheck: result.presentation };
  return {
    credentials,
    presentation,
    ...(presentationJws === undefined ? {} : { presentationJws }),
    presentationCheck: result.presentation,
    holder: holderCheckOf(result.presentation, presentation),
  };
}
