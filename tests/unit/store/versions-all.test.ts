/**
 * Upgrade from EVERY earlier schema version (issue 8), generically: for each shipped version, a
 * database built by exactly that prefix of the history, holding real rows in every table it has,
 * opens under the current code with the current schema (stores, keys and indexes equal to a fresh
 * wallet's) and every row intact — bytes byte for byte — except what a migration deliberately
 * rewrites. Each data migration must be listed in MIGRATED below, so a new one cannot go untested.
 */
import { describe, expect, test } from 'vitest';
import { openWallet, type WalletDb } from '../../../src/lib/store/db.ts';
import { searchKey } from '../../../src/lib/store/normalize.ts';
import { SCHEMA_VERSION, VERSIONS } from '../../../src/lib/store/versions.ts';
import { freshIdb, NOW, utf8 } from './helpers.ts';

type Row = Record<string, unknown>;

/** What each data migration does to a row of a table, keyed by the version that introduced it. */
const MIGRATED: Record<number, Partial<Record<string, (row: Row) => Row>>> = {
  2: {
    badges: (row) => {
      const summary = row.summary as Row; // why: badge rows written below always carry a summary
      return { ...row, summary: { ...summary, searchText: searchKey(String(summary.searchText)) } };
    },
  },
};

const id = (n: number) => n.toString(16).padStart(64, '0');

function badgeRow(n: number): Row {
  return {
    id: id(n),
    credentialId: `urn:uuid:old-${n}`,
    format: 'ob3-di',
    container: n % 2 ? 'json' : 'png',
    mime: n % 2 ? 'application/json' : 'image/png',
    summary: { title: `Ｏｌｄ Badge ${n}`, issuerName: 'Ｏｌｄ Issuer', issuerId: 'https://old.example', issuedAt: '2023-04-01T00:00:00Z', expiresAt: null, searchText: `ｏｌｄ badge ${n}  ＤＡＴＡ` },
    hasImage: n % 2 === 0,
    report: { verdict: 'verified', checks: [{ id: 'proof', outcome: 'passed', code: 'PROOF_VALID' }] },
    verifiedAt: '2023-04-02T00:00:00Z',
    tags: ['old', `t${n}`],
    note: `note ${n}`,
    addedAt: `2023-04-0${n}T00:00:00Z`,
  };
}

/** Real rows for every table a version has (only the tables it declares). */
function rowsFor(tables: readonly string[]): Record<string, Row[]> {
  const bytes = (n: number) => new Uint8Array([0x89, 0x50, 0x4e, 0x47, n, 0, 255, 254, 1]);
  const all: Record<string, Row[]> = {
    badges: [badgeRow(1), badgeRow(2), badgeRow(3)],
    originals: [
      { id: id(1), bytes: utf8('{"id":"urn:uuid:old-1"}') },
      { id: id(2), bytes: bytes(2), credentialBytes: utf8('{"id":"urn:uuid:old-2"}') },
      { id: id(3), bytes: bytes(3), imageDataUri: 'data:image/png;base64,iVBORw==' },
    ],
    trash: [{ token: 'tok-1', deletedAt: '2023-05-01T00:00:00Z', items: [{ badge: badgeRow(9), original: { id: id(9), bytes: bytes(9) } }] }],
    meta: [{ key: 'lang', value: 'ja' }, { key: 'persistAsked', value: true }],
    cache: [{ url: 'https://old.example/status/1', status: 200, contentType: 'application/json', body: utf8('{"x":1}'), fetchedAt: '2023-06-01T00:00:00Z' }],
  };
  return Object.fromEntries(tables.map((t) => [t, all[t] ?? []]));
}

/** Stores, key paths and indexes, comparable between two databases. */
function schemaOf(db: WalletDb) {
  const raw = db.backendDB();
  const names = [...raw.objectStoreNames].sort();
  const tx = raw.transaction(names, 'readonly');
  return names.map((name) => {
    const store = tx.objectStore(name);
    const indexes = [...store.indexNames].sort().map((i) => {
      const index = store.index(i);
      return { i, keyPath: index.keyPath, multiEntry: index.multiEntry, unique: index.unique };
    });
    return { name, keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes };
  });
}

describe('upgrade from every earlier version', () => {
  test('every version with a data migration has its expected effect listed here', () => {
    const withUpgrade = VERSIONS.filter((v) => v.upgrade !== undefined).map((v) => v.version);
    expect(Object.keys(MIGRATED).map(Number).sort()).toEqual(withUpgrade);
  });

  const earlier = VERSIONS.slice(0, -1).map((v, i) => [v.version, i + 1] as const);
  test.each(earlier)('from v%i: current schema, every row intact or migrated as declared', async (version, prefix) => {
    const idb = freshIdb();
    const name = `from-v${version}`;
    const old = await openWallet({ ...idb, name, versions: VERSIONS.slice(0, prefix) });
    expect(old.verno).toBe(version);
    const tables = old.tables.map((t) => t.name);
    const written = rowsFor(tables);
    for (const [table, rows] of Object.entries(written)) await old.table(table).bulkAdd(rows);
    old.close();

    const db = await openWallet({ ...idb, name, now: () => NOW });
    const fresh = await openWallet({ ...freshIdb(), name: 'fresh' });
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(schemaOf(db)).toEqual(schemaOf(fresh));
    fresh.close();

    for (const [table, rows] of Object.entries(written)) {
      const later = VERSIONS.filter((v) => v.version > version).map((v) => MIGRATED[v.version]?.[table]);
      const expected = rows.map((row) => later.reduce((r, migrate) => (migrate ? migrate(r) : r), row));
      const primary = db.table(table).schema.primKey.keyPath as string; // why: every wallet table has a single-field key
      const actual = await db.table(table).toArray();
      const key = (r: Row) => String(r[primary]);
      expect(actual.sort((a: Row, b: Row) => key(a).localeCompare(key(b)))).toEqual(expected.sort((a, b) => key(a).localeCompare(key(b))));
    }
    // Bytes come back as bytes, not as plain objects or copies of another type.
    for (const o of await db.originals.toArray()) expect(o.bytes).toBeInstanceOf(Uint8Array);
    // The upgraded wallet is usable: every table takes a write.
    await db.meta.put({ key: 'after-upgrade', value: 1 });
    await db.cache.put({ url: 'https://new.example/', status: 200, contentType: '', body: utf8('{}'), fetchedAt: NOW.toISOString() });
    db.close();
  });
});
