import { describe, expect, test } from 'vitest';
import { addBadge, addBadges, setNote, setTags, updateReport } from '../../../src/lib/store/badges.ts';
import { exportBackup, readBackupHeader, restoreBackup } from '../../../src/lib/store/backup.ts';
import { MIN_ITERATIONS, seal } from '../../../src/lib/store/backup-envelope.ts';
import { concat, sha256, toBase64 } from '../../../src/lib/util/bytes.ts';
import type { WalletDb } from '../../../src/lib/store/db.ts';
import { setSetting } from '../../../src/lib/store/kv.ts';
import { deleteBadge } from '../../../src/lib/store/trash.ts';
import { asClaimed, credentialJson, newBadge, openTest, rng, utf8 } from './helpers.ts';
import { failWritesAfter } from './quota-helper.ts';

const FAST = { iterations: MIN_ITERATIONS };
const PASS = 'correct horse battery staple';

/** Everything the wallet holds, in a comparable order. */
async function dump(db: WalletDb) {
  const byKey = <T>(rows: T[], key: (r: T) => string) => rows.sort((a, b) => (key(a) < key(b) ? -1 : 1));
  return {
    badges: byKey(await db.badges.toArray(), (r) => r.id),
    originals: byKey(await db.originals.toArray(), (r) => r.id),
    meta: byKey(await db.meta.toArray(), (r) => r.key),
    trash: byKey(await db.trash.toArray(), (r) => r.token),
  };
}

async function richWallet(): Promise<WalletDb> {
  const db = await openTest();
  const json = utf8(credentialJson(1));
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 255, 254]);
  await addBadge(db, newBadge({ n: 1, bytes: png, credentialBytes: json, container: 'png', tags: ['data'] }));
  const two = { ...newBadge({ n: 2, title: 'データ分析 基礎' }), imageDataUri: 'data:image/png;base64,iVBORw==' };
  const { id } = await addBadge(db, two);
  await addBadges(db, [newBadge({ n: 3, verdict: 'failed' }), newBadge({ n: 4, expiresAt: '2020-01-01T00:00:00Z' })]);
  await setTags(db, id, ['学習', 'work']);
  await setNote(db, id, '履歴書に載せる');
  const offline = { id: 'status', outcome: 'not-checked', reason: 'offline', code: 'NEEDS_NETWORK' } as const;
  await updateReport(db, id, { verdict: 'incomplete', checks: [offline] }, '2025-05-05T00:00:00.000Z');
  await setSetting(db, 'lang', 'ja');
  return db;
}

describe('round trip', () => {
  test('export then restore into an empty wallet gives identical bytes and metadata', async () => {
    const source = await richWallet();
    const file = await exportBackup(source, PASS, FAST);
    for (const mode of ['replace', 'merge'] as const) {
      const target = await openTest();
      expect(await restoreBackup(target, file, PASS, mode, asClaimed)).toEqual({ added: 4, duplicates: 0, replaced: 0, ignoredSettings: 0 });
      const [a, b] = [await dump(source), await dump(target)];
      expect(b.badges).toEqual(a.badges);
      expect(b.originals).toEqual(a.originals);
      expect(b.originals.every((o) => o.bytes instanceof Uint8Array)).toBe(true);
      expect(b.meta).toEqual(mode === 'replace' ? a.meta : []);
    }
  });

  test('the file is self-describing and reveals no badge content', async () => {
    const file = await exportBackup(await richWallet(), PASS, FAST);
    const { header } = readBackupHeader(file);
    expect(header).toMatchObject({
      format: 'tsumiki-backup',
      version: 1,
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: MIN_ITERATIONS },
      cipher: { name: 'AES-GCM' },
    });
    const text = new TextDecoder().decode(file);
    for (const secret of ['Badge 1', 'urn:uuid', 'データ', '履歴書', toBase64(utf8(credentialJson(1))).slice(0, 24)]) {
      expect(text).not.toContain(secret);
    }
  });

  test('the default key derivation is PBKDF2-SHA-256 with 600,000 iterations', async () => {
    const db = await openTest();
    await addBadge(db, newBadge({ n: 1 }));
    const file = await exportBackup(db, PASS);
    expect(readBackupHeader(file).header.kdf.iterations).toBe(600_000);
  });

  test('passphrases are compared in NFC (IMEs differ in how they compose)', async () => {
    const db = await richWallet();
    const file = await exportBackup(db, 'パスワード', FAST);
    const target = await openTest();
    const res = await restoreBackup(target, file, 'パスワード'.normalize('NFD'), 'replace', asClaimed);
    expect(res.added).toBe(4);
  });

  test('an empty passphrase is refused', async () => {
    const db = await richWallet();
    await expect(exportBackup(db, '', FAST)).rejects.toMatchObject({ code: 'INPUT_EMPTY' });
    const file = await exportBackup(db, PASS, FAST);
    await expect(restoreBackup(db, file, '', 'merge', asClaimed)).rejects.toMatchObject({ code: 'INPUT_EMPTY' });
  });
});

describe('a failed restore changes nothing', () => {
  async function expectUnchanged(file: Uint8Array, passphrase: string, codes: string[]) {
    const target = await openTest();
    await addBadge(target, newBadge({ n: 9, tags: ['mine'] }));
    await setSetting(target, 'lang', 'en');
    await deleteBadge(target, (await addBadge(target, newBadge({ n: 10 }))).id);
    const before = await dump(target);
    for (const mode of ['merge', 'replace'] as const) {
      const err = await restoreBackup(target, file, passphrase, mode, asClaimed).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err, mode).toMatchObject({ name: 'TsumikiError' });
      expect(codes, mode).toContain((err as { code: string }).code); // the matcher above checked it is a TsumikiError
      expect(await dump(target)).toEqual(before);
    }
  }

  test('wrong passphrase → BACKUP_BAD_PASSPHRASE', async () => {
    const file = await exportBackup(await richWallet(), PASS, FAST);
    await expectUnchanged(file, 'correct horse battery stapler', ['BACKUP_BAD_PASSPHRASE']);
  });

  test('any single flipped byte → BACKUP_DAMAGED', async () => {
    const file = await exportBackup(await richWallet(), PASS, FAST);
    const nl = file.indexOf(0x0a);
    for (const at of [0, 5, nl - 3, nl, nl + 1, Math.floor(file.length / 2), file.length - 33, file.length - 1]) {
      const bad = file.slice();
      bad[at] = (bad[at] ?? 0) ^ 0x01;
      await expectUnchanged(bad, PASS, ['BACKUP_DAMAGED']);
    }
  });

  test('truncated → BACKUP_DAMAGED', async () => {
    const file = await exportBackup(await richWallet(), PASS, FAST);
    for (const len of [0, 1, 20, file.indexOf(0x0a) + 1, Math.floor(file.length / 2), file.length - 1]) {
      await expectUnchanged(file.slice(0, len), PASS, ['BACKUP_DAMAGED']);
    }
  });

  test('garbage and other files → BACKUP_DAMAGED', async () => {
    const r = rng(7);
    const random = Uint8Array.from({ length: 5000 }, () => Math.floor(r() * 256));
    const inputs = [
      random,
      utf8(credentialJson(1)),
      utf8(`{"format":"tsumiki-backup","version":2}\n${'0123456789abcdef'.repeat(4)}`),
      new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
    ];
    for (const input of inputs) await expectUnchanged(input, PASS, ['BACKUP_DAMAGED']);
  });

  test('deliberate tampering with a recomputed checksum is still caught', async () => {
    const file = await exportBackup(await richWallet(), PASS, FAST);
    const body = file.slice(0, file.length - 32);
    body[body.length - 40] = (body[body.length - 40] ?? 0) ^ 0x80;
    await expectUnchanged(concat(body, await sha256(body)), PASS, ['BACKUP_DAMAGED']);
    // Changing the iterations in the header derives other keys: it cannot open the file.
    const text = new TextDecoder().decode(file.slice(0, file.indexOf(0x0a)));
    const other = concat(utf8(text.replace(`"iterations":${MIN_ITERATIONS}`, `"iterations":${MIN_ITERATIONS + 1}`)), file.slice(file.indexOf(0x0a), file.length - 32));
    await expectUnchanged(concat(other, await sha256(other)), PASS, ['BACKUP_BAD_PASSPHRASE', 'BACKUP_DAMAGED']);
  });

  test('a well-encrypted file with invalid content → BACKUP_DAMAGED', async () => {
    const valid = { format: 'tsumiki-wallet', version: 1, badges: [], settings: [] };
    const summary = { title: 't', issuerName: 'i', issuerId: '', issuedAt: null, expiresAt: null, searchText: 't' };
    const badges = [
      {
        id: 'a'.repeat(64),
        credentialId: null,
        format: 'ob3-di',
        container: 'json',
        mime: 'application/json',
        summary,
        report: { verdict: 'verified', checks: [] },
        verifiedAt: '',
        tags: [],
        note: '',
        addedAt: '',
        bytes: toBase64(utf8('{}')),
      },
    ];
    const payloads = [
      'not json',
      JSON.stringify({ ...valid, format: 'other' }),
      JSON.stringify({ ...valid, badges: [{ id: 1 }] }),
      JSON.stringify({ ...valid, badges }), // bytes do not hash to the id
      JSON.stringify({ ...valid, badges: [{ ...badges[0], report: { verdict: 'great', checks: [] } }] }),
    ];
    for (const p of payloads) await expectUnchanged(await seal(utf8(p), PASS, MIN_ITERATIONS), PASS, ['BACKUP_DAMAGED']);
  });

  test('storage full during restore → STORE_QUOTA, and a replace does not leave an emptied wallet', async () => {
    const file = await exportBackup(await richWallet(), PASS, FAST);
    for (const mode of ['request', 'commit'] as const) {
      const undo = failWritesAfter('originals', 2, mode);
      try {
        await expectUnchanged(file, PASS, ['STORE_QUOTA']);
      } finally {
        undo();
      }
    }
  });
});

describe('merge and replace', () => {
  test('merge adds what is missing, recognises duplicates, unions tags and fills an empty note', async () => {
    const source = await openTest();
    const [, two] = await addBadges(source, [newBadge({ n: 1 }), newBadge({ n: 2, tags: ['y'] }), newBadge({ n: 3 })]);
    await setNote(source, two?.id ?? '', 'from backup');
    const reserialised = utf8(JSON.stringify(JSON.parse(credentialJson(3)), null, 1));
    const file = await exportBackup(source, PASS, FAST);

    const target = await openTest();
    await addBadge(target, newBadge({ n: 2, tags: ['x'] }));
    await addBadge(target, { ...newBadge({ n: 3, bytes: reserialised }), note: 'mine' });
    await addBadge(target, newBadge({ n: 4 }));
    expect(await restoreBackup(target, file, PASS, 'merge', asClaimed)).toEqual({ added: 1, duplicates: 2, replaced: 0, ignoredSettings: 0 });
    const rows = await target.badges.toArray();
    expect(rows).toHaveLength(4);
    const b2 = rows.find((r) => r.id === two?.id);
    expect(b2).toMatchObject({ tags: ['x', 'y'], note: 'from backup' });
    expect(rows.find((r) => r.credentialId === 'urn:uuid:badge-3')?.note).toBe('mine');
    // Restoring the same file again adds nothing.
    expect(await restoreBackup(target, file, PASS, 'merge', asClaimed)).toEqual({ added: 0, duplicates: 3, replaced: 0, ignoredSettings: 0 });
  });

  test('replace makes the wallet equal to the backup: badges, bytes, settings; trash emptied', async () => {
    const source = await richWallet();
    const file = await exportBackup(source, PASS, FAST);
    const target = await openTest();
    await addBadges(target, [newBadge({ n: 1 }), newBadge({ n: 7 }), newBadge({ n: 8 })]);
    await deleteBadge(target, (await addBadge(target, newBadge({ n: 11 }))).id);
    await setSetting(target, 'lang', 'en');
    await setSetting(target, 'other', true);
    expect(await restoreBackup(target, file, PASS, 'replace', asClaimed)).toEqual({ added: 4, duplicates: 0, replaced: 3, ignoredSettings: 0 });
    const [a, b] = [await dump(source), await dump(target)];
    expect(b).toEqual({ ...a, trash: [] });
  });
});
