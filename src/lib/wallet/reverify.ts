/** Re-verify a stored badge from its original bytes (never from the summary) and keep the new report. */
import { getOriginal, updateReport } from '../store/badges.ts';
import type { WalletDb } from '../store/db.ts';
import { createEnv, type RecipientClaim } from '../verify/env.ts';
import { verifyBytes, type Verification } from '../verify/pipeline.ts';
import type { Remote } from '../verify/remote.ts';

export interface ReverifyOptions {
  readonly now: Date;
  readonly remote: Remote;
  readonly recipient?: RecipientClaim;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The new report, or null when the badge is gone. The report is stored before it is returned. */
export async function reverifyBadge(db: WalletDb, id: string, options: ReverifyOptions): Promise<Verification | null> {
  const original = await getOriginal(db, id);
  if (original === undefined) return null;
  const env = createEnv({ now: options.now, remote: options.remote, ...(options.recipient ? { recipient: options.recipient } : {}) });
  const result = await verifyBytes(original.bytes, env);
  const target = original.credentialBytes ?? original.bytes;
  const found = result.credentials.find((c) => sameBytes(c.parsed.bytes, target)) ?? (result.credentials.length === 1 ? result.credentials[0] : undefined);
  const verification = found?.verification ?? result.rejected;
  if (verification === undefined) return null;
  await updateReport(db, id, verification, verification.checkedAt);
  return verification;
}
