/** Re-verify a stored badge from its original bytes (never from the summary) and keep the new report. */
import { getOriginal, updateReport } from '../store/badges.ts';
import type { WalletDb } from '../store/db.ts';
import type { OriginalRow } from '../store/types.ts';
import { createEnv, type RecipientClaim, type VerifyEnv } from '../verify/env.ts';
import { rejectedReport, verifyBytes, type CredentialResult, type InputResult, type Verification } from '../verify/pipeline.ts';
import type { Remote } from '../verify/remote.ts';
import { findStoredCredential } from './stored.ts';
import { reportWithInner } from './import.ts';

export interface ReverifyOptions {
  readonly now: Date;
  readonly remote: Remote;
  readonly recipient?: RecipientClaim;
  /** How the bytes are verified: the core on this thread by default; the app passes its worker with a deadline. */
  readonly verify?: (bytes: Uint8Array) => Promise<InputResult>;
}

export function envOf(options: ReverifyOptions): VerifyEnv {
  return createEnv({ now: options.now, remote: options.remote, ...(options.recipient ? { recipient: options.recipient } : {}) });
}

/** A stored file verified again: this badge's credential and its report, or only the report of a file that is no longer readable. */
export type StoredVerification =
  | { readonly found: CredentialResult; readonly verification: Verification }
  | { readonly found?: undefined; readonly verification: Verification };

/**
 * Verifies a stored file again from its bytes and picks this badge's credential (for a file with
 * several, the one whose bytes the content id names). A file that no longer reads, or that does not
 * hold this badge's credential, gives a `rejected` report.
 */
export async function verifyOriginal(original: OriginalRow, options: ReverifyOptions): Promise<StoredVerification> {
  const env = envOf(options);
  const result = options.verify === undefined ? await verifyBytes(original.bytes, env) : await options.verify(original.bytes);
  const found = findStoredCredential(original, result.credentials, (c) => c.parsed.bytes, 'only');
  // A CLR keeps each credential inside verified on its own (pathways count only those).
  if (found !== undefined) return { found, verification: reportWithInner(found.verification, found.inner) };
  return { verification: result.rejected ?? rejectedReport(result.error?.code ?? 'NOT_A_CREDENTIAL', env) };
}

/** The new report, or null when the badge is gone. The report is stored before it is returned. */
export async function reverifyBadge(db: WalletDb, id: string, options: ReverifyOptions): Promise<Verification | null> {
  const original = await getOriginal(db, id);
  if (original === undefined) return null;
  const { verification } = await verifyOriginal(original, options);
  await updateReport(db, id, verification, verification.checkedAt);
  return verification;
}
