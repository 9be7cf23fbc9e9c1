/**
 * Opens a stored badge for its page: the credential parsed again from the original bytes and read
 * the one way (what was signed). The page shows that reading; "view original" shows the JSON.
 */
import type { JsonObject, ParsedCredential } from '../model/credential.ts';
import type { CredentialReading } from '../model/reading.ts';
import { getOriginal } from '../store/badges.ts';
import type { WalletDb } from '../store/db.ts';
import { createEnv, type VerifyEnv } from '../verify/env.ts';
import { readCredential } from '../verify/pipeline.ts';
import { badgeDetails, type BadgeDetails } from './details.ts';
import { parseStoredCredential } from './stored.ts';

export interface OpenedBadge {
  readonly parsed: ParsedCredential;
  /** The one reading of what was signed: empty when the credential could not be read. */
  readonly credential: JsonObject;
  readonly reading: CredentialReading | undefined;
  /** The credential JSON, indented, for "view original". */
  readonly json: string;
  readonly details: BadgeDetails;
  /** The file exactly as imported. */
  readonly bytes: Uint8Array;
}

/** null when the badge is gone or its bytes no longer parse (a parser change; the bytes stay). */
export async function openBadge(db: WalletDb, id: string, lang?: string, env: VerifyEnv = createEnv()): Promise<OpenedBadge | null> {
  const original = await getOriginal(db, id);
  if (original === undefined) return null;
  try {
    const parsed = parseStoredCredential(original);
    if (parsed === null) return null;
    const reading = await readCredential(parsed, env);
    const credential = reading?.document ?? {};
    return {
      parsed,
      credential,
      reading,
      json: JSON.stringify(parsed.credential, null, 2),
      details: badgeDetails(credential, parsed.format, lang),
      bytes: original.bytes,
    };
  } catch {
    return null;
  }
}
