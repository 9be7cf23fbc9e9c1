/**
 * The wallet's badges as holdings a verifier's request is matched against: every stored badge,
 * parsed again from its original bytes and verified now (offline unless `env` says otherwise), so
 * a badge that no longer verifies (expired, revoked as of the cache) is never sent.
 */
import type { WalletDb } from '../store/db.ts';
import type { VerifyEnv } from '../verify/env.ts';
import { parseStoredCredential, readOriginals } from '../wallet/stored.ts';
import { holdingOf, type Holding } from './match.ts';

/** Each stored badge as a holding keyed by its badge id (badges whose bytes no longer parse are left out). */
export async function walletHoldings(db: WalletDb, env: VerifyEnv): Promise<Holding[]> {
  const ids = (await db.badges.toCollection().primaryKeys()).map(String);
  const originals = await readOriginals(db, ids);
  const holdings: Holding[] = [];
  for (const [i, original] of originals.entries()) {
    const parsed = original ? parseStoredCredential(original) : null;
    if (parsed) holdings.push(await holdingOf(ids[i] as string, parsed, env)); // why: originals are in the order of ids
  }
  return holdings;
}
