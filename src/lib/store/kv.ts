/** Settings (`meta`) and the dated network cache (`cache`). */
import type { JsonValue } from '../model/credential.ts';
import type { WalletDb } from './db.ts';
import { guarded, writeTransaction } from './errors.ts';
import type { CacheRow } from './types.ts';

export function getSetting(db: WalletDb, key: string): Promise<JsonValue | undefined> {
  return guarded('read', async () => (await db.meta.get(key))?.value);
}

export function setSetting(db: WalletDb, key: string, value: JsonValue): Promise<void> {
  return writeTransaction(db, 'update', [db.meta], async () => {
    await db.meta.put({ key, value });
  });
}

/** The cached answer for a URL with its `fetchedAt`, so a check can say "as of <date>". */
export function getCached(db: WalletDb, url: string): Promise<CacheRow | undefined> {
  return guarded('read', () => db.cache.get(url));
}

export function putCached(db: WalletDb, row: CacheRow): Promise<void> {
  return writeTransaction(db, 'cache', [db.cache], async () => {
    await db.cache.put(row);
  });
}

/** Drops cache entries fetched before `before` (ISO 8601). Returns how many went. */
export function pruneCache(db: WalletDb, before: string): Promise<number> {
  return guarded('cache', () => db.cache.where('fetchedAt').below(before).delete());
}
