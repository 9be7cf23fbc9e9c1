/** The store layer: the wallet in IndexedDB (Dexie), with IndexedDB injected. */
export { openWallet, WalletDb, DEFAULT_DB_NAME, type IndexedDbLike, type OpenWalletOptions } from './db.ts';
export { VERSIONS, SCHEMA_VERSION, applyVersions, type SchemaVersion } from './versions.ts';
export {
  addBadge,
  addBadges,
  importFiles,
  getBadge,
  getOriginal,
  updateReport,
  setTags,
  setNote,
  type FileImportResult,
} from './badges.ts';
export { deleteBadge, deleteBadges, undoDelete, purgeTrash, type UndoResult } from './trash.ts';
export { listBadges, listIssuers, listTags, countBadges, isExpired, type IssuerEntry } from './query.ts';
export { getImage, decodeImageDataUri, type BadgeImage } from './media.ts';
export { getSetting, setSetting, getCached, putCached, pruneCache } from './kv.ts';
export {
  exportBackup,
  restoreBackup,
  readBackupHeader,
  DEFAULT_ITERATIONS,
  MIN_ITERATIONS,
  MAX_ITERATIONS,
  MAX_BACKUP_BADGES,
  MAX_BACKUP_SETTINGS,
  type ExportOptions,
  type Rederive,
  type Rederived,
  type RestoreMode,
  type RestoreResult,
} from './backup.ts';
export { storageStatus, requestPersistence, type StorageManagerLike, type StorageStatus } from './storage.ts';
export { isQuotaError, toStoreError } from './errors.ts';
export { searchKey } from './normalize.ts';
export type * from './types.ts';
