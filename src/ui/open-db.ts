/**
 * Dexie and the wallet database, loaded after the first paint (context.ts imports this lazily):
 * the wallet list paints from a raw read (lib/store/snapshot.ts) while this chunk loads.
 */
import { Dexie } from 'dexie';
import { openWallet, type WalletDb } from '../lib/store/db.ts';

export function openAppDb(win: Window): Promise<WalletDb> {
  return openWallet({ indexedDB: win.indexedDB, IDBKeyRange: Dexie.dependencies.IDBKeyRange ?? globalThis.IDBKeyRange });
}
