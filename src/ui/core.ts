/**
 * The heavy half of the app, loaded on first use (`loadCore`): the parser, the verifier with its
 * JSON-LD contexts and crypto, and everything that calls them. The first paint never carries it.
 */
import type { WalletDb } from '../lib/store/db.ts';
import { createRemote, type FetchLike, type Remote } from '../lib/verify/remote.ts';
import { storeCache } from '../lib/wallet/cache.ts';

export { importBytes, type FileImport } from '../lib/wallet/import.ts';
export { reverifyBadge } from '../lib/wallet/reverify.ts';
export { restoreWallet } from '../lib/wallet/restore.ts';
export { openBadge, type OpenedBadge } from '../lib/wallet/open.ts';
export { decodeDataParam } from '../lib/wallet/deeplink.ts';

/** The network door for one action: offline answers from the wallet's cache only (none without a wallet). */
export function remoteFor(db: WalletDb | undefined, online: boolean): Remote {
  const browserFetch: FetchLike = (url, init) => fetch(url, { ...init, credentials: 'omit', mode: 'cors', referrerPolicy: 'no-referrer' });
  return createRemote({ online, fetch: browserFetch, ...(db === undefined ? {} : { cache: storeCache(db) }) });
}
