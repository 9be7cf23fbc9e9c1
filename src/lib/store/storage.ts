/**
 * Persistent storage and quota, which only a browser has (`navigator.storage`). The UI passes it
 * in; the core stays DOM-free and the CLI and tests pass nothing.
 */

/** The part of the browser's StorageManager we use; `navigator.storage` satisfies it. */
export interface StorageManagerLike {
  persist?(): Promise<boolean>;
  persisted?(): Promise<boolean>;
  estimate?(): Promise<{ usage?: number; quota?: number }>;
}

export interface StorageStatus {
  /** null when the platform cannot tell. */
  readonly persisted: boolean | null;
  /** Bytes used and available to this origin, when the platform says. */
  readonly usage: number | null;
  readonly quota: number | null;
}

export async function storageStatus(storage?: StorageManagerLike): Promise<StorageStatus> {
  const persisted = storage?.persisted === undefined ? null : await storage.persisted().catch(() => null);
  const estimate = storage?.estimate === undefined ? null : await storage.estimate().catch(() => null);
  return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
}

/**
 * Asks the browser not to evict the wallet under storage pressure. Call it after a user action
 * (the first import): some browsers only grant it then. Returns whether storage is persistent.
 */
export async function requestPersistence(storage?: StorageManagerLike): Promise<boolean> {
  if (storage?.persist === undefined) return false;
  return storage.persist().catch(() => false);
}
