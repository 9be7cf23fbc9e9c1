/**
 * Issue 11, classes 7 and 8, for backups: the key derivation a file asks for is bounded and refused
 * before any key is derived; the entries a file holds are bounded; settings are allow-listed; and a
 * restore writes what the badge's own bytes say, never the file's stored summary and report. A refused
 * backup changes nothing stored.
 */
import { describe, expect, test } from 'vitest';
import { addBadge, addBadges } from '../../../src/lib/store/badges.ts';
import { exportBackup, readBackupHeader, restoreBackup, type Rederive } from '../../../src/lib/store/backup.ts';
import { MAX_ITERATIONS, MIN_ITERATIONS, seal, unseal } from '../../../src/lib/store/backup-envelope.ts';
import { decodePayload, MAX_BACKUP_BADGES, MAX_BACKUP_SETTINGS } from '../../../src/lib/store/backup-payload.ts';
import { concat, sha256, utf8 } from '../../../src/lib/util/bytes.ts';
import type { WalletDb } from '../../../src/lib/store/db.ts';
import { getSetting, setSetting } from '../../../src/lib/store/kv.ts';
import { listPathways, putPathway } from '../../../src/lib/store/pathways.ts';
import { deleteBadge } from '../../../src/lib/store/trash.ts';
import { asClaimed, newBadge, openTest } from './helpers.ts';

const PASS = 'correct horse battery staple';
const FAST = { iterations: MIN_ITERATIONS };

async function dump(db: WalletDb) {
  const by = <T>(rows: T[], key: (r: T) => string) => rows.sort((a, b) => (key(a) < key(b) ? -1 : 1));
  return {
    badges: by(await db.badges.toArray(), (r) => r.id),
    originals: by(await db.originals.toArray(), (r) => r.id),
    meta: by(await db.meta.toArray(), (r) => r.key),
    trash: by(await db.trash.toArray(), (r) => r.token),
  };
}

/** A wallet with something in every table, to show a refused restore leaves it exactly as it was. */
async function occupied(): Promise<WalletDb> {
  const db = await openTest();
  await addBadge(db, newBadge({ n: 9, tags: ['mine'] }));
  await setSetting(db, 'lang', 'en');
  await deleteBadge(db, (await addBadge(db, newBadge({ n: 10 }))).id);
  return db;
}

/** Restores `file` in both modes, expecting `code` each time, quickly, and the wallet unchanged. */
async function refused(file: Uint8Array, code: string, rederive: Rederive = asClaimed): Promise<number> {
  const db = await occupied();
  const before = await dump(db);
  let slowest = 0;
  for (const mode of ['merge', 'replace'] as const) {
    const start = performance.now();
    const err = await restoreBackup(db, file, PASS, mode, rederive).then(
      () => null,
      (e: unknown) => e,
    );
    slowest = Math.max(slowest, performance.now() - start);
    expect(err, mode).toMatchObject({ name: 'TsumikiError', code });
    expect(await dump(db), mode).toEqual(before);
  }
  return slowest;
}

/** The same file with its header asking for `iterations`, the trailing checksum made to match. */
async function withIterations(file: Uint8Array, iterations: number): Promise<Uint8Array> {
  const nl = file.indexOf(0x0a);
  const header = new TextDecoder().decode(file.subarray(0, nl)).replace(/"iterations":\d+/, `"iterations":${iterations}`);
  const body = concat(utf8(header), file.subarray(nl, file.length - 32));
  return concat(body, await sha256(body));
}

const payload = (badges: unknown[], settings: unknown[] = []) => utf8(JSON.stringify({ format: 'tsumiki-wallet', version: 1, badges, settings }));

describe('PBKDF2 iterations: 100,000 to 2,000,000, refused before any key is derived', () => {
  test('the bounds', () => {
    expect(MIN_ITERATIONS).toBe(100_000);
    expect(MAX_ITERATIONS).toBe(2_000_000);
  });

  test.each([10_000_000, MAX_ITERATIONS + 1, MIN_ITERATIONS - 1, 1000, 1])('a file asking for %i iterations → BACKUP_ITERATIONS_REFUSED at once', async (n) => {
    const db = await openTest();
    await addBadge(db, newBadge({ n: 1 }));
    const file = await withIterations(await exportBackup(db, PASS, FAST), n);
    const ms = await refused(file, 'BACKUP_ITERATIONS_REFUSED');
    // 10,000,000 iterations took ~20 s to derive before being refused; now nothing is derived.
    expect(ms).toBeLessThan(250);
    expect(() => readBackupHeader(file)).toThrow(expect.objectContaining({ code: 'BACKUP_ITERATIONS_REFUSED', data: expect.objectContaining({ iterations: n }) }));
  });

  test('the bounds themselves are accepted (read from the header, without deriving 2,000,000 iterations here)', async () => {
    const file = await exportBackup(await openTest(), PASS, FAST);
    for (const n of [MIN_ITERATIONS, MAX_ITERATIONS]) expect(readBackupHeader(await withIterations(file, n)).header.kdf.iterations).toBe(n);
  });

  test('a malformed count is a damaged file, not a refused one', async () => {
    const file = await exportBackup(await openTest(), PASS, FAST);
    const nl = file.indexOf(0x0a);
    for (const bad of ['1.5', '"600000"', '-600000', 'null']) {
      const header = new TextDecoder().decode(file.subarray(0, nl)).replace(/"iterations":\d+/, `"iterations":${bad}`);
      expect(() => readBackupHeader(concat(utf8(header), file.subarray(nl)))).toThrow(expect.objectContaining({ code: 'BACKUP_DAMAGED' }));
    }
  });

  test('export refuses to write a file restore would refuse', async () => {
    const db = await openTest();
    for (const iterations of [1000, MAX_ITERATIONS + 1]) {
      await expect(exportBackup(db, PASS, { iterations })).rejects.toMatchObject({ code: 'BACKUP_ITERATIONS_REFUSED' });
    }
  });
});

describe('entries per backup', () => {
  test(`more than ${MAX_BACKUP_BADGES} badges → BACKUP_TOO_MANY_ENTRIES before any entry is read`, async () => {
    const file = await seal(payload(Array.from({ length: MAX_BACKUP_BADGES + 1 }, () => ({}))), PASS, MIN_ITERATIONS);
    await refused(file, 'BACKUP_TOO_MANY_ENTRIES');
    // Exactly the bound passes the count and goes on to read the entries (these are empty: damaged).
    const atBound = payload(Array.from({ length: MAX_BACKUP_BADGES }, () => ({})));
    expect(() => decodePayload(atBound)).toThrow(expect.objectContaining({ code: 'BACKUP_DAMAGED', data: { reason: 'payload', path: '$.badges[0].id' } }));
    const over = payload(Array.from({ length: MAX_BACKUP_BADGES + 1 }, () => ({})));
    expect(() => decodePayload(over)).toThrow(expect.objectContaining({ code: 'BACKUP_TOO_MANY_ENTRIES', data: { what: 'badges', count: MAX_BACKUP_BADGES + 1, limit: MAX_BACKUP_BADGES } }));
  });

  test(`more than ${MAX_BACKUP_SETTINGS} settings → BACKUP_TOO_MANY_ENTRIES`, async () => {
    const settings = Array.from({ length: MAX_BACKUP_SETTINGS + 1 }, (_, i) => ({ key: `pathway:p${i}`, value: null }));
    expect(() => decodePayload(payload([], settings))).toThrow(expect.objectContaining({ code: 'BACKUP_TOO_MANY_ENTRIES', data: expect.objectContaining({ what: 'settings' }) }));
    await refused(await seal(payload([], settings), PASS, MIN_ITERATIONS), 'BACKUP_TOO_MANY_ENTRIES');
  });
});

describe('settings are allow-listed: unknown keys and invalid values are dropped, and counted', () => {
  test('a replacing restore writes only `lang` and well-formed `pathway:` rows', async () => {
    const source = await openTest();
    await addBadge(source, newBadge({ n: 1 }));
    await setSetting(source, 'lang', 'ja');
    await putPathway(source, 'data-science', { id: 'data-science', name: 'Data science' }, { kind: 'file', name: 'ds.json' });
    // What a newer version, or someone editing the file, might add.
    await setSetting(source, 'theme', 'dark');
    await setSetting(source, 'trustedIssuers', ['did:example:forger']);
    await setSetting(source, 'pathway:broken', 'not a pathway');
    const file = await exportBackup(source, PASS, FAST);

    const target = await openTest();
    const result = await restoreBackup(target, file, PASS, 'replace', asClaimed);
    expect(result).toEqual({ added: 1, duplicates: 0, replaced: 0, ignoredSettings: 3 });
    expect((await target.meta.toArray()).map((r) => r.key).sort()).toEqual(['lang', 'pathway:data-science']);
    expect(await getSetting(target, 'lang')).toBe('ja');
    expect((await listPathways(target)).map((p) => p.id)).toEqual(['data-science']);
  });

  test('a language the app does not have is dropped too', async () => {
    for (const value of ['fr', 42, null, { en: true }]) {
      const snap = decodePayload(payload([], [{ key: 'lang', value }]));
      expect(snap.settings).toEqual([]);
      expect(snap.ignoredSettings).toBe(1);
    }
    expect(decodePayload(payload([], [{ key: 'lang', value: 'en' }])).settings).toEqual([{ key: 'lang', value: 'en' }]);
  });
});

describe('restore re-derives every badge from its own bytes (class 8)', () => {
  test('what is written is what the bytes say; the file keeps only tags, note and date added', async () => {
    const source = await openTest();
    const [a] = await addBadges(source, [{ ...newBadge({ n: 1, verdict: 'verified', tags: ['cv'] }), note: 'mine' }]);
    const file = await exportBackup(source, PASS, FAST);
    const seen: string[] = [];
    const rederive: Rederive = async (original) => {
      seen.push(new TextDecoder().decode(original.credentialBytes ?? original.bytes));
      return {
        container: 'json',
        mime: 'application/json',
        format: 'ob3-di',
        credentialId: 'urn:uuid:badge-1',
        summary: { title: 'From the bytes', issuerName: 'Issuer', issuerId: 'https://issuer1.example', issuedAt: null, expiresAt: '2020-01-01T00:00:00Z', searchText: 'From the bytes' },
        report: { verdict: 'failed', checks: [{ id: 'validity-period', outcome: 'failed', code: 'EXPIRED' }] },
        verifiedAt: '2026-12-01T00:00:00.000Z',
      };
    };
    const target = await openTest();
    await restoreBackup(target, file, PASS, 'merge', rederive);
    expect(seen).toHaveLength(1);
    expect(JSON.parse(seen[0] ?? '')).toMatchObject({ id: 'urn:uuid:badge-1' });
    const row = await target.badges.get(a?.id ?? '');
    expect(row).toMatchObject({
      summary: { title: 'From the bytes', expiresAt: '2020-01-01T00:00:00Z', searchText: 'from the bytes' },
      report: { verdict: 'failed' },
      verifiedAt: '2026-12-01T00:00:00.000Z',
      tags: ['cv'],
      note: 'mine',
      addedAt: (await source.badges.get(a?.id ?? ''))?.addedAt,
    });
  });

  test('re-deriving runs before the write: if it fails, nothing is written', async () => {
    const source = await openTest();
    await addBadges(source, [newBadge({ n: 1 }), newBadge({ n: 2 })]);
    const file = await exportBackup(source, PASS, FAST);
    const boom: Rederive = async () => {
      throw Object.assign(new Error('verifier failed'), { code: 'INTERNAL' });
    };
    const db = await occupied();
    const before = await dump(db);
    for (const mode of ['merge', 'replace'] as const) {
      await expect(restoreBackup(db, file, PASS, mode, boom)).rejects.toThrow('verifier failed');
      expect(await dump(db)).toEqual(before);
    }
  });

  test('the decrypted payload is what export wrote (the tests above seal their own)', async () => {
    const db = await openTest();
    await addBadge(db, newBadge({ n: 1 }));
    const plain = JSON.parse(new TextDecoder().decode(await unseal(await exportBackup(db, PASS, FAST), PASS))) as { badges: unknown[] };
    expect(plain.badges).toHaveLength(1);
  });
});
