import { describe, expect, test } from 'vitest';
import { openWallet, type WalletDb } from '../../../src/lib/store/db.ts';
import { SCHEMA_VERSION, VERSIONS } from '../../../src/lib/store/versions.ts';
import { getOriginal } from '../../../src/lib/store/badges.ts';
import { freshIdb, NOW, utf8 } from './helpers.ts';
import { listBadges } from '../../support/store.ts';

describe('schema versions are append-only', () => {
  test('v1 is exactly what shipped (never edit a shipped version: append a new one)', () => {
    expect(VERSIONS[0]).toMatchObject({
      version: 1,
      stores: {
        badges: 'id, credentialId, summary.issuerId, *tags, addedAt',
        originals: 'id',
        trash: 'token, deletedAt',
        meta: 'key',
      },
    });
    expect(VERSIONS[0]?.upgrade).toBeUndefined();
  });

  test('versions strictly increase and SCHEMA_VERSION is the last', () => {
    const numbers = VERSIONS.map((v) => v.version);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(SCHEMA_VERSION).toBe(numbers.at(-1));
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(2);
  });
});

/** A badge row as v1 wrote it: search text lower-cased only, no NFKC. */
function v1Row(n: number, searchText: string, verdict: 'verified' | 'failed') {
  return {
    id: n.toString(16).padStart(64, '0'),
    credentialId: `urn:uuid:v1-${n}`,
    format: 'ob3-di' as const,
    container: 'json' as const,
    mime: 'application/json',
    summary: {
      title: `Ｖ１ Badge ${n}`,
      issuerName: 'Old Issuer',
      issuerId: 'https://old.example',
      issuedAt: '2023-04-01T00:00:00Z',
      expiresAt: null,
      searchText,
    },
    hasImage: false,
    report: {
      verdict,
      checks: [
        verdict === 'failed'
          ? { id: 'proof' as const, outcome: 'failed' as const, code: 'SIGNATURE_MISMATCH' as const }
          : { id: 'proof' as const, outcome: 'passed' as const, code: 'PROOF_VALID' as const },
      ],
    },
    verifiedAt: '2023-04-02T00:00:00Z',
    tags: ['old'],
    note: `note ${n}`,
    addedAt: '2023-04-02T00:00:00Z',
  };
}

describe('upgrade from v1', () => {
  test('a v1 database with real rows opens under the current schema with rows intact and new stores present', async () => {
    const idb = freshIdb();
    const name = 'upgrade-test';
    const v1: WalletDb = await openWallet({ ...idb, name, versions: VERSIONS.slice(0, 1) });
    expect(v1.verno).toBe(1);
    expect(v1.tables.map((t) => t.name).sort()).toEqual(['badges', 'meta', 'originals', 'trash']);
    const bytes1 = utf8('{"id":"urn:uuid:v1-1"}');
    const bytes2 = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255, 1, 2]);
    await v1.badges.bulkAdd([
      v1Row(1, 'ｖ１ badge 1 old issuer ｄａｔａ ｓｃｉｅｎｃｅ', 'verified'),
      v1Row(2, 'v1 badge 2', 'failed'),
    ]);
    await v1.originals.bulkPut([
      { id: v1Row(1, '', 'verified').id, bytes: bytes1 },
      { id: v1Row(2, '', 'failed').id, bytes: bytes2, credentialBytes: bytes1 },
    ]);
    await v1.meta.put({ key: 'language', value: 'ja' });
    v1.close();

    const db = await openWallet({ ...idb, name, now: () => NOW });
    expect(db.verno).toBe(SCHEMA_VERSION);
    const raw = db.backendDB();
    expect([...raw.objectStoreNames].sort()).toEqual(['badges', 'cache', 'deviceKeys', 'meta', 'originals', 'trash']);
    const tx = raw.transaction('badges', 'readonly');
    expect([...tx.objectStore('badges').indexNames]).toContain('report.verdict');

    // Rows intact: bytes byte-for-byte, tags, notes, settings.
    expect((await getOriginal(db, v1Row(1, '', 'verified').id))?.bytes).toEqual(bytes1);
    const o2 = await getOriginal(db, v1Row(2, '', 'failed').id);
    expect(o2?.bytes).toEqual(bytes2);
    expect(o2?.credentialBytes).toEqual(bytes1);
    const b1 = await db.badges.get(v1Row(1, '', 'verified').id);
    expect(b1?.note).toBe('note 1');
    expect(b1?.tags).toEqual(['old']);
    expect((await db.meta.get('language'))?.value).toBe('ja');

    // The v2 migration ran: search text NFKC-normalised, so half-width queries find full-width text.
    expect(b1?.summary.searchText).toBe('v1 badge 1 old issuer data science');
    expect((await listBadges(db, { text: 'DATA science', now: NOW })).map((b) => b.id)).toEqual([b1?.id]);
    // The new index answers.
    expect((await listBadges(db, { verdict: 'failed', now: NOW })).map((b) => b.summary.title)).toEqual(['Ｖ１ Badge 2']);
    // The new table works.
    await db.cache.put({
      url: 'https://x.example/status',
      status: 200,
      contentType: 'application/json',
      body: utf8('{}'),
      fetchedAt: NOW.toISOString(),
    });
    expect(await db.cache.count()).toBe(1);
    db.close();
  });

  test('a fresh database is created directly at the current version', async () => {
    const db = await openWallet({ ...freshIdb(), name: 'fresh' });
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['badges', 'cache', 'deviceKeys', 'meta', 'originals', 'trash']);
    db.close();
  });
});
