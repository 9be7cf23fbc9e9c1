/** The verifier's remote cache kept in the wallet's `cache` table, so a fetched fact works offline later. */
import { getCached, putCached } from '../store/kv.ts';
import type { WalletDb } from '../store/db.ts';
import type { RemoteCache, RemoteResponse } from '../verify/remote.ts';

export function storeCache(db: WalletDb): RemoteCache {
  return {
    async get(url: string): Promise<RemoteResponse | undefined> {
      const row = await getCached(db, url).catch(() => undefined);
      if (row === undefined) return undefined;
      return { url: row.url, status: row.status, body: row.body, contentType: row.contentType || undefined, fetchedAt: row.fetchedAt, fromCache: true };
    },
    async put(r: RemoteResponse): Promise<void> {
      await putCached(db, { url: r.url, status: r.status, contentType: r.contentType ?? '', body: r.body, fetchedAt: r.fetchedAt }).catch(() => undefined);
    },
  };
}
