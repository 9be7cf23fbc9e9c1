/**
 * Stored badges read again from their original bytes, many at a time: the pathway facts and the
 * list marks need the credential, which the badge row does not keep. Never throws per badge: a file
 * that no longer parses gives null.
 */
import { parseInput } from '../formats/parse.ts';
import type { JsonObject } from '../model/credential.ts';
import type { WalletDb } from '../store/db.ts';
import { createEnv, type VerifyEnv } from '../verify/env.ts';
import { readCredential } from '../verify/pipeline.ts';
import { guarded } from '../store/errors.ts';
import type { OriginalRow } from '../store/types.ts';

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * The one reading (what was signed) of the credential a stored file holds — for a file with
 * several, the one this badge is. Offline: an OB 2.0 issuer Profile is known only from `env`'s
 * cache. null when the file no longer parses or the credential cannot be read.
 */
export async function credentialOfOriginal(original: OriginalRow, env: VerifyEnv = createEnv()): Promise<JsonObject | null> {
  try {
    const outcome = parseInput(original.bytes);
    if (outcome.kind !== 'credentials') return null;
    const target = original.credentialBytes ?? original.bytes;
    const list = outcome.input.credentials;
    const parsed = list.find((c) => sameBytes(c.bytes, target)) ?? list[0];
    return parsed === undefined ? null : ((await readCredential(parsed, env))?.document ?? null);
  } catch {
    return null;
  }
}

/** Original rows for many ids in one read (undefined where a badge has gone). */
export function readOriginals(db: WalletDb, ids: readonly string[]): Promise<(OriginalRow | undefined)[]> {
  return guarded('read', () => db.originals.bulkGet([...ids]));
}
