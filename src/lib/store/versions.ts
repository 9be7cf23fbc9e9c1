/**
 * The schema history, oldest first. APPEND ONLY: a shipped entry is never edited or removed, because
 * a browser may still hold a database at that version (tests/unit/store/versions.test.ts pins v1).
 * Tables a version does not mention are kept as they were (Dexie semantics).
 */
import type { Dexie, Transaction } from 'dexie';
import { searchKey } from './normalize.ts';

export interface SchemaVersion {
  readonly version: number;
  /** Dexie store specs: primary key first, then indexes (`*` multi-entry, `a.b` nested path). null drops a table. */
  readonly stores: Readonly<Record<string, string | null>>;
  /** Data migration run inside the version-change transaction, after the stores above exist. */
  readonly upgrade?: (tx: Transaction) => Promise<void>;
  /** Why this version exists, for the next reader. */
  readonly why: string;
}

export const VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    why: 'Badges (summary, report, tags, note), their original bytes, the trash for undo, settings.',
    stores: {
      badges: 'id, credentialId, summary.issuerId, *tags, addedAt',
      originals: 'id',
      trash: 'token, deletedAt',
      meta: 'key',
    },
  },
  {
    version: 2,
    why:
      'Network cache with dates (status lists, did:web, hosted assertions) for offline re-checks; ' +
      'an index on the verdict; search text re-normalised with NFKC so full-width and half-width forms match.',
    stores: {
      badges: 'id, credentialId, summary.issuerId, *tags, addedAt, report.verdict',
      cache: 'url, fetchedAt',
    },
    upgrade: async (tx) => {
      await tx
        .table('badges')
        .toCollection()
        .modify((row: { summary?: { searchText?: unknown } }) => {
          const s = row.summary;
          if (s !== undefined && typeof s.searchText === 'string') s.searchText = searchKey(s.searchText);
        });
    },
  },
  {
    version: 3,
    why:
      'The device key for holder binding (issue 7): a CryptoKeyPair whose private half is not extractable ' +
      '(IndexedDB keeps CryptoKey objects). Its own table, so encrypted backups (badges, originals, meta) ' +
      'never carry it and a replacing restore never removes it: it belongs to this device, not to the wallet.',
    stores: { deviceKeys: 'id' },
  },
];

/** The version this code opens. */
export const SCHEMA_VERSION: number = VERSIONS[VERSIONS.length - 1]?.version ?? 0;

/** Declares the given history on a Dexie instance (the tests pass a prefix to build old databases). */
export function applyVersions(db: Dexie, versions: readonly SchemaVersion[]): void {
  let last = 0;
  for (const v of versions) {
    if (!Number.isInteger(v.version) || v.version <= last) {
      throw new Error(`schema versions out of order at ${v.version}`);
    }
    last = v.version;
    const declared = db.version(v.version).stores({ ...v.stores });
    if (v.upgrade !== undefined) declared.upgrade(v.upgrade);
  }
}
