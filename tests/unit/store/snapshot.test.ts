/** The first-paint read (issue 8): raw IndexedDB, read-only, never creates or upgrades the wallet. */
import { describe, expect, test } from 'vitest';
import { addBadges } from '../../../src/lib/store/badges.ts';
import { DEFAULT_DB_NAME, openWallet } from '../../../src/lib/store/db.ts';
import { setSetting } from '../../../src/lib/store/kv.ts';
import { readSnapshot, SNAPSHOT_DB_NAME } from '../../../src/lib/store/snapshot.ts';
import { VERSIONS } from '../../../src/lib/store/versions.ts';
import { freshIdb, newBadge, NOW } from './helpers.ts';

describe('readSnapshot', () => {
  test('reads the same database Dexie opens by default', () => {
    expect(SNAPSHOT_DB_NAME).toBe(DEFAULT_DB_NAME);
  });

  test('no wallet yet: an empty list, and no database is created', async () => {
    const idb = freshIdb();
    expect(await readSnapshot(idb.indexedDB)).toEqual({ rows: [], lang: undefined });
    expect(await idb.indexedDB.databases()).toEqual([]);
    // Dexie then creates it at the current version as usual.
    const db = await openWallet({ ...idb, now: () => NOW });
    expect(await db.badges.count()).toBe(0);
    db.close();
  });

  test('a wallet at the current version: every row exactly as Dexie reads it, and the language', async () => {
    const idb = freshIdb();
    const db = await openWallet({ ...idb, now: () => NOW });
    await addBadges(db, [newBadge({ n: 1, tags: ['a'] }), newBadge({ n: 2, title: '防災リーダー' })]);
    await setSetting(db, 'lang', 'ja');
    const rows = await db.badges.toArray();
    db.close();
    const snap = await readSnapshot(idb.indexedDB);
    expect(snap?.lang).toBe('ja');
    expect([...(snap?.rows ?? [])].sort((a, b) => a.id.localeCompare(b.id))).toEqual(rows.sort((a, b) => a.id.localeCompare(b.id)));
  });

  test('a wallet at an earlier version gives null (Dexie must upgrade it first), and is left as it was', async () => {
    const idb = freshIdb();
    const old = await openWallet({ ...idb, versions: VERSIONS.slice(0, 1) });
    const version = old.backendDB().version;
    old.close();
    expect(await readSnapshot(idb.indexedDB)).toBeNull();
    const again = await openWallet({ ...idb, versions: VERSIONS.slice(0, 1) });
    expect(again.backendDB().version).toBe(version);
    again.close();
  });

  test('a database that cannot be opened gives null, never an exception', async () => {
    const broken = { open: () => { throw new DOMException('denied', 'SecurityError'); } } as unknown as IDBFactory; // why: a factory that fails like a locked-down browser
    expect(await readSnapshot(broken)).toBeNull();
    const silent = { open: () => ({}) } as unknown as IDBFactory; // why: a request that never answers
    expect(await readSnapshot(silent, SNAPSHOT_DB_NAME, 20)).toBeNull();
  });
});
