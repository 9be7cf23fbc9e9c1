/**
 * What a verifier received, checked (issue 7, the employer's verify screen): every credential with
 * its report and who issued it as far as the checks show, and for a presentation who holds it (the
 * holder's proof, with the challenge the verifier asked for). The verifier's heavy half: the screen
 * loads it on first use (its light decisions about raw input are in input.ts).
 */
import { parseInput } from '../formats/parse.ts';
import type { JsonObject } from '../model/credential.ts';
import type { VerifyEnv } from '../verify/env.ts';
import { issuerIdentity, type IssuerIdentity } from '../verify/issuer-identity.ts';
import { verifyBytes, type CredentialResult, type InputResult } from '../verify/pipeline.ts';
import { verifyPresentationProof, type HolderCheck } from './holder.ts';

export interface ReceivedCredential extends CredentialResult {
  readonly identity: IssuerIdentity;
}

export interface Received {
  readonly credentials: readonly ReceivedCredential[];
  /** Set when the input was not a readable credential. */
  readonly error?: InputResult['error'];
  /** The presentation, when the input was one. */
  readonly presentation?: JsonObject;
  /** The holder's proof, checked; only for a presentation. */
  readonly holder?: HolderCheck;
}

/** The challenge to compare with: none when blank. */
const expectation = (challenge: string | undefined) => (challenge !== undefined && challenge.trim() !== '' ? { challenge: challenge.trim() } : {});

/** Checks the holder's proof of a presentation against the verifier's challenge. Never throws. */
export function checkHolder(presentation: JsonObject, challenge?: string): Promise<HolderCheck> {
  return verifyPresentationProof(presentation, expectation(challenge));
}

/** Verifies whatever the bytes hold (a presentation, a credential, a baked image…). Never throws. */
export async function checkReceived(bytes: Uint8Array, env: VerifyEnv, challenge?: string): Promise<Received> {
  const result = await verifyBytes(bytes, env);
  const credentials = result.credentials.map((c): ReceivedCredential => ({ ...c, identity: issuerIdentity(c.parsed.credential, c.verification.checks) }));
  if (result.error !== undefined) return { credentials, error: result.error };
  let presentation: JsonObject | undefined;
  try {
    const outcome = parseInput(bytes);
    if (outcome.kind === 'credentials') presentation = outcome.input.presentation;
  } catch {
    presentation = undefined;
  }
  if (presentation === undefined) return { credentials };
  return { credentials, presentation, holder: await checkHolder(presentation, challenge) };
}
