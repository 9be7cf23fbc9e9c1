/**
 * The wallet database. IndexedDB is injected: `fake-indexeddb` in Node tests, `globalThis.indexedDB`
 * in the app. Nothing here touches the DOM.
 */
import { Dexie, type Table } from 'dexie';
import type { CacheRow, MetaRow, OriginalRow, StoredBadge, TrashRow } from './types.ts';
import { applyVersions, VERSIONS, type SchemaVersion } from './versions.ts';
import { guarded } from './errors.ts';

/** The two IndexedDB globals Dexie needs. In the browser: `{ indexedDB, IDBKeyRange }`. */
export interface IndexedDbLike {
  readonly indexedDB: IDBFactory;
  readonly IDBKeyRange: typeof IDBKeyRange;
}

export interface OpenWalletOptions extends IndexedDbLike {
  /** Database name; one wallet per name. */
  readonly name?: string;
  /** The clock for `addedAt`, `deletedAt`, `exportedAt`. */
  readonly now?: () => Date;
  /** Schema history to declare; the full `VERSIONS` unless a test builds an old database. */
  readonly versions?: readonly SchemaVersion[];
}

export const DEFAULT_DB_NAME = 'tsumiki-wallet';

export class WalletDb extends Dexie {
  // Keys are ours (content ids, tokens, URLs), never generated, so `Table<T, string>`, not EntityTable.
  // `declare`: Dexie creates these properties when the schema is declared; no class field may reset them.
  declare readonly badges: Table<StoredBadge, string>;
  declare readonly originals: Table<OriginalRow, string>;
  declare readonly trash: Table<TrashRow, string>;
  declare readonly meta: Table<MetaRow, string>;
  declare readonly cache: Table<CacheRow, string>;
  readonly now: () => Date;

  constructor(options: OpenWalletOptions) {
    super(options.name ?? DEFAULT_DB_NAME, {
      indexedDB: options.indexedDB,
      IDBKeyRange: options.IDBKeyRange,
      autoOpen: false,
    });
    this.now = options.now ?? (() => new Date());
    applyVersions(this, options.versions ?? VERSIONS);
  }
}

/** Opens (creating or upgrading as needed) the wallet. Errors: STORE_QUOTA, STORE_FAILED. */
export async function openWallet(options: OpenWalletOptions): Promise<WalletDb> {
  const db = new WalletDb(options);
  await guarded('open', () => db.open());
  return db;
}
