/**
 * Issue 11, class 8 "Stored verdicts": a backup's summaries and reports are its own words. Whoever
 * knows the passphrase can rewrite them, so a restore reads every badge again from its original
 * bytes with the verification core, as an import does, and shows that.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeAll, describe, expect, test } from 'vitest';
import { exportBackup, MIN_ITERATIONS } from '../../../src/lib/store/backup.ts';
import { seal, unseal } from '../../../src/lib/store/backup-envelope.ts';
import { contentId, toBase64 } from '../../../src/lib/util/bytes.ts';
import { openWallet, type WalletDb } from '../../../src/lib/store/db.ts';
import type { StoredBadge } from '../../../src/lib/store/types.ts';
import { importBytes } from '../../../src/lib/wallet/import.ts';
import { restoreWallet } from '../../../src/lib/wallet/restore.ts';
import { verifyBytes } from '../../../src/lib/verify/pipeline.ts';
import { createRemote, type Remote } from '../../../src/lib/verify/remote.ts';
import { listBadges } from '../../support/store.ts';
import { ACHIEVEMENT_NAME, createTestIssuers, EXPIRED_UNTIL, tamperValue, textOf, type Signed, type TestIssuers } from '../../support/issuer.ts';

const PASS = 'correct horse battery staple';
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

let issuers: TestIssuers;
let now: Date;
let remote: Remote;
let offline: Remote;
beforeAll(async () => {
  issuers = await createTestIssuers();
  // The test issuer dates its proofs with the real clock: verify a little after that.
  now = new Date(Date.now() + 60_000);
  remote = createRemote({ online: true, fetch: issuers.world.fetch, now: () => now });
  offline = createRemote({ online: false });
}, 60_000);

/**
 * Verification in the test issuers' world with its trust set (the user trusts the test issuers), passed as
 * `verify` the way the app passes its worker: `verified` needs a proven issuer (issue 12).
 */
const trustedVerify = (online: boolean) => (bytes: Uint8Array) => verifyBytes(bytes, issuers.world.env({ now, online }));

let serial = 0;
const open = (): Promise<WalletDb> => openWallet({ indexedDB: new IDBFactory(), IDBKeyRange, name: `restore-${++serial}`, now: () => now });

async function importSigned(db: WalletDb, signed: Signed): Promise<string> {
  const r = await importBytes(db, enc(textOf(signed)), { now, remote, verify: trustedVerify(true) });
  if (!r.ok) throw new Error(`import failed: ${r.error.code}`);
  return r.credentials[0]?.id ?? '';
}

interface PayloadBadge {
  id: string;
  summary: StoredBadge['summary'];
  report: StoredBadge['report'];
  [key: string]: unknown;
}

/** Opens a backup, lets `edit` rewrite its badges as someone with the passphrase could, and seals it again. */
async function forge(file: Uint8Array, edit: (badges: PayloadBadge[]) => void): Promise<Uint8Array> {
  const payload = JSON.parse(new TextDecoder().decode(await unseal(file, PASS))) as { badges: PayloadBadge[] };
  edit(payload.badges);
  return seal(enc(JSON.stringify(payload)), PASS, MIN_ITERATIONS);
}

const VERIFIED: StoredBadge['report'] = {
  verdict: 'verified',
  checks: [
    { id: 'proof', outcome: 'passed', code: 'PROOF_VALID' },
    { id: 'validity-period', outcome: 'passed', code: 'WITHIN_VALIDITY' },
    { id: 'status', outcome: 'passed', code: 'NOT_REVOKED' },
  ],
};
const FORGED_SUMMARY: StoredBadge['summary'] = {
  title: 'Doctor of Medicine',
  issuerName: 'University of Tokyo',
  issuerId: 'https://www.u-tokyo.ac.jp/',
  issuedAt: '2020-04-01T00:00:00Z',
  expiresAt: null,
  searchText: 'doctor of medicine university of tokyo',
};

describe('restore re-derives every summary and report from the stored bytes', () => {
  test('a backup whose stored reports say "verified" for an expired and a tampered credential → the wallet shows what the bytes say', async () => {
    const issuer = issuers.formats['eddsa-rdfc-2022'];
    const source = await open();
    const validId = await importSigned(source, await issuer.issue());
    const expiredId = await importSigned(source, await issuer.issue({ validUntil: EXPIRED_UNTIL }));
    const tamperedId = await importSigned(source, tamperValue(await issuer.issue(), issuer.name));
    const honest = new Map((await source.badges.toArray()).map((b) => [b.id, b]));
    expect(honest.get(validId)?.report.verdict).toBe('verified');
    expect(honest.get(expiredId)?.report.verdict).toBe('failed');
    expect(honest.get(tamperedId)?.report.verdict).toBe('failed');

    const forged = await forge(await exportBackup(source, PASS, { iterations: MIN_ITERATIONS }), (badges) => {
      for (const b of badges) {
        b.report = VERIFIED;
        b.summary = FORGED_SUMMARY;
        b.verifiedAt = '2099-01-01T00:00:00.000Z';
      }
    });

    for (const mode of ['replace', 'merge'] as const) {
      const target = await open();
      expect(await restoreWallet(target, forged, PASS, mode, { now, remote, verify: trustedVerify(true) })).toMatchObject({ added: 3, duplicates: 0 });
      const rows = new Map((await target.badges.toArray()).map((b) => [b.id, b]));
      for (const id of [validId, expiredId, tamperedId]) {
        const [restored, imported] = [rows.get(id), honest.get(id)];
        // The same verdict, checks and summary as an import of the same bytes at the same moment.
        expect(restored?.report, mode).toEqual(imported?.report);
        expect(restored?.summary, mode).toEqual(imported?.summary);
        expect(restored?.verifiedAt).toBe(now.toISOString());
      }
      const expired = rows.get(expiredId);
      expect(expired?.report.checks.find((c) => c.id === 'validity-period')).toMatchObject({ outcome: 'failed', code: 'EXPIRED' });
      expect(expired?.summary).toMatchObject({ title: ACHIEVEMENT_NAME, expiresAt: EXPIRED_UNTIL, issuerName: 'Tsumiki Test Issuer' });
      expect(rows.get(tamperedId)?.report.checks.find((c) => c.id === 'proof')?.outcome).toBe('failed');
      // Lists, filters and search read the re-derived rows.
      expect((await listBadges(target, { now, verdict: 'verified' })).map((b) => b.id)).toEqual([validId]);
      expect((await listBadges(target, { now, expired: true })).map((b) => b.id)).toEqual([expiredId]);
      expect(await listBadges(target, { now, text: 'university of tokyo' })).toEqual([]);
    }
  });

  test('offline, a restore says what it could not check rather than repeating the file', async () => {
    const source = await open();
    const id = await importSigned(source, await issuers.formats['eddsa-rdfc-2022'].issue());
    const forged = await forge(await exportBackup(source, PASS, { iterations: MIN_ITERATIONS }), (badges) => {
      for (const b of badges) b.report = VERIFIED;
    });
    const target = await open();
    await restoreWallet(target, forged, PASS, 'replace', { now, remote: offline, verify: trustedVerify(false) });
    const row = await target.badges.get(id);
    // The status list was never fetched on this device: not "verified" on the file's word.
    expect(row?.report.verdict).toBe('incomplete');
    expect(row?.report.checks.find((c) => c.id === 'status')).toMatchObject({ outcome: 'not-checked' });
  });

  test('bytes that are no credential are kept, "rejected", with nothing of the file\'s summary', async () => {
    const source = await open();
    await importSigned(source, await issuers.formats['eddsa-rdfc-2022'].issue());
    const junk = enc('{"hello":"world"}');
    const junkId = await contentId(junk);
    const forged = await forge(await exportBackup(source, PASS, { iterations: MIN_ITERATIONS }), (badges) => {
      const first = badges[0];
      if (first === undefined) throw new Error('the backup holds the badge');
      badges.push({ ...first, id: junkId, bytes: toBase64(junk), credentialId: 'urn:forged', summary: FORGED_SUMMARY, report: VERIFIED });
    });
    const target = await open();
    expect(await restoreWallet(target, forged, PASS, 'replace', { now, remote, verify: trustedVerify(true) })).toMatchObject({ added: 2 });
    const row = await target.badges.get(junkId);
    expect(row?.report.verdict).toBe('rejected');
    expect(row?.summary).toEqual({ title: '', issuerName: '', issuerId: '', issuedAt: null, expiresAt: null, searchText: '' });
    expect(row?.credentialId).toBeNull();
    expect((await target.originals.get(junkId))?.bytes).toEqual(junk);
  });
});
