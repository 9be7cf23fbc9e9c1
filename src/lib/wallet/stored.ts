/**
 * Stored badges read again from their original bytes: which credential of the stored file is this
 * badge's (the one place that decides it), and, many at a time, its reading — the pathway facts and
 * the list marks need the credential, which the badge row does not keep. Never throws per badge: a
 * file that no longer parses gives null.
 */
import { parseInput } from '../formats/parse.ts';
import type { JsonObject, ParsedCredential } from '../model/credential.ts';
import type { WalletDb } from '../store/db.ts';
import { guarded } from '../store/errors.ts';
import type { OriginalRow } from '../store/types.ts';
import { bytesEqual } from '../util/bytes.ts';
import { createEnv, type VerifyEnv } from '../verify/env.ts';
import { readCredential } from '../verify/pipeline.ts';

/**
 * This badge's credential among those its stored file holds: the one whose bytes the badge's content
 * id names (`credentialBytes`, else the file itself). When none has those bytes (a baked image: the
 * file is not the credential), `otherwise` says what stands in: the file's `first` credential, or
 * its `only` one (none when it holds several).
 */
export function findStoredCredential<T>(
  original: Pick<OriginalRow, 'bytes' | 'credentialBytes'>,
  credentials: readonly T[],
  bytesOf: (credential: T) => Uint8Array,
  otherwise: 'first' | 'only',
): T | undefined {
  const target = original.credentialBytes ?? original.bytes;
  return credentials.find((c) => bytesEqual(bytesOf(c), target)) ?? (otherwise === 'first' || credentials.length === 1 ? credentials[0] : undefined);
}

/** This badge's credential parsed again from the stored file; null when the file no longer holds credentials. Throws what `parseInput` throws. */
export function parseStoredCredential(original: Pick<OriginalRow, 'bytes' | 'credentialBytes'>): ParsedCredential | null {
  const outcome = parseInput(original.bytes);
  if (outcome.kind !== 'credentials') return null;
  return findStoredCredential(original, outcome.input.credentials, (c) => c.bytes, 'first') ?? null;
}

/**
 * The one reading (what was signed) of the credential a stored file holds — for a file with
 * several, the one this badge is. Offline: an OB 2.0 issuer Profile is known only from `env`'s
 * cache. null when the file no longer parses or the credential cannot be read.
 */
export async function credentialOfOriginal(original: OriginalRow, env: VerifyEnv = createEnv()): Promise<JsonObject | null> {
  try {
    const parsed = parseStoredCredential(original);
    return parsed === null ? null : ((await readCredential(parsed, env))?.document ?? null);
  } catch {
    return null;
  }
}

/** Original rows for many ids in one read (undefined where a badge has gone). */
export function readOriginals(db: WalletDb, ids: readonly string[]): Promise<(OriginalRow | undefined)[]> {
  return guarded('read', () => db.originals.bulkGet([...ids]));
}
