/**
 * The device's holder key (schema version 3, table `deviceKeys`): one CryptoKeyPair whose private
 * key was generated non-extractable. IndexedDB stores CryptoKey objects by structured clone, so
 * the key can be used again after a restart but never read out, exported or backed up.
 */
import type { WalletDb } from './db.ts';
import { guarded, writeTransaction } from './errors.ts';

export interface DeviceKeyRow {
  readonly id: string;
  readonly keyPair: CryptoKeyPair;
  /** ISO 8601. */
  readonly createdAt: string;
}

/** The one row's key: a device has one holder key. */
export const DEVICE_KEY_ID = 'holder';

const table = (db: WalletDb) => db.table<DeviceKeyRow, string>('deviceKeys');

export function getDeviceKeyPair(db: WalletDb): Promise<CryptoKeyPair | undefined> {
  return guarded('read', async () => (await table(db).get(DEVICE_KEY_ID))?.keyPair);
}

/** Keeps the pair unless one is already stored (two tabs creating a key at once keep the first); returns the stored pair. */
export function putDeviceKeyPair(db: WalletDb, keyPair: CryptoKeyPair): Promise<CryptoKeyPair> {
  const t = table(db);
  return writeTransaction(db, 'update', [t], async () => {
    const existing = await t.get(DEVICE_KEY_ID);
    if (existing) return existing.keyPair;
    await t.put({ id: DEVICE_KEY_ID, keyPair, createdAt: db.now().toISOString() });
    return keyPair;
  });
}
