/**
 * The first paint without Dexie: one raw, read-only IndexedDB read of the badge rows and the
 * language setting, so the wallet list renders while Dexie (31 kB gzip) loads after it.
 *
 * It never creates, upgrades or writes the database: a missing wallet is reported as empty (the
 * open is aborted in `upgradeneeded`, so nothing is created), and a database at another schema
 * version (an upgrade is due) or any failure gives `null` — the caller then opens the wallet with
 * Dexie before painting, as before. Dexie stores schema version N as IndexedDB version N × 10.
 */
import type { JsonValue } from '../model/credential.ts';
import type { StoredBadge } from './types.ts';
import { SCHEMA_VERSION } from './versions.ts';

/** Must equal `DEFAULT_DB_NAME` in db.ts (kept apart so this module does not pull in Dexie; a test pins it). */
export const SNAPSHOT_DB_NAME = 'tsumiki-wallet';

export interface Snapshot {
  readonly rows: readonly StoredBadge[];
  /** The saved `lang` setting, as stored. */
  readonly lang: JsonValue | undefined;
}

const EMPTY: Snapshot = { rows: [], lang: undefined };

/** Reads the rows, or null when Dexie must open the wallet first. Never throws; gives up after `timeoutMs`. */
export function readSnapshot(idb: IDBFactory, name = SNAPSHOT_DB_NAME, timeoutMs = 1500): Promise<Snapshot | null> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (value: Snapshot | null) => {
      if (!settled) resolve(value);
      settled = true;
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    const finish = (value: Snapshot | null) => {
      clearTimeout(timer);
      done(value);
    };
    let absent = false;
    let req: IDBOpenDBRequest;
    try {
      req = idb.open(name);
    } catch {
      finish(null);
      return;
    }
    req.onupgradeneeded = () => {
      // No wallet yet: leave creating it (with its schema) to Dexie.
      absent = true;
      req.transaction?.abort();
    };
    req.onerror = (e) => {
      e.preventDefault();
      finish(absent ? EMPTY : null);
    };
    req.onsuccess = () => {
      const db = req.result;
      if (settled) {
        db.close();
        return;
      }
      if (db.version !== SCHEMA_VERSION * 10 || !db.objectStoreNames.contains('badges') || !db.objectStoreNames.contains('meta')) {
        db.close();
        finish(null);
        return;
      }
      try {
        const tx = db.transaction(['badges', 'meta'], 'readonly');
        const rows = tx.objectStore('badges').getAll();
        const lang = tx.objectStore('meta').get('lang');
        tx.oncomplete = () => {
          db.close();
          const setting = lang.result as { value?: JsonValue } | undefined; // why: meta rows are { key, value }
          finish({ rows: rows.result as StoredBadge[], lang: setting?.value }); // why: rows written by this schema version's Dexie
        };
        tx.onerror = tx.onabort = () => {
          db.close();
          finish(null);
        };
      } catch {
        db.close();
        finish(null);
      }
    };
  });
}
