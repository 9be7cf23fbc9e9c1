/**
 * A backup of 1,000 badges round-trips exactly (issue 8): every byte of every original, every
 * summary, report, tag, note and date, the settings — and the file survives a second trip unchanged.
 */
import { expect, test } from 'vitest';
import { addBadges, setNote, setTags } from '../../../src/lib/store/badges.ts';
import { exportBackup, MIN_ITERATIONS, restoreBackup } from '../../../src/lib/store/backup.ts';
import type { WalletDb } from '../../../src/lib/store/db.ts';
import { setSetting } from '../../../src/lib/store/kv.ts';
import { asClaimed, newBadge, openTest, rng, utf8 } from './helpers.ts';

const N = 1000;
const PASS = 'パスフレーズ correct horse';

async function dump(db: WalletDb) {
  const by = <T>(rows: T[], key: (r: T) => string) => rows.sort((a, b) => (key(a) < key(b) ? -1 : 1));
  return {
    badges: by(await db.badges.toArray(), (r) => r.id),
    originals: by(await db.originals.toArray(), (r) => r.id),
    meta: by(await db.meta.toArray(), (r) => r.key),
  };
}

test(`${N} badges: export → restore is exact, bytes and metadata`, { timeout: 120_000 }, async () => {
  const random = rng(8);
  const source = await openTest();
  const badges = Array.from({ length: N }, (_, n) => {
    // Every kind of content: binary bytes with all 256 values, JSON, baked images with the credential apart.
    const kind = n % 3;
    const noise = Uint8Array.from({ length: 32 + (n % 200) }, () => Math.floor(random() * 256));
    const credential = utf8(JSON.stringify({ id: `urn:uuid:badge-${n}`, name: `バッジ ${n}`, issuer: `https://issuer${n % 7}.example` }));
    if (kind === 0) return newBadge({ n, bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, ...noise]), credentialBytes: credential, container: 'png' });
    if (kind === 1) return { ...newBadge({ n, title: `学習 ${n} 🧱`, expiresAt: n % 5 ? null : '2020-01-01T00:00:00Z', verdict: n % 11 ? 'verified' : 'failed' }), imageDataUri: 'data:image/png;base64,iVBORw0KGgo=' };
    return newBadge({ n, bytes: new Uint8Array([...credential, ...noise]), credentialId: null });
  });
  const written = await addBadges(source, badges);
  expect(written.filter((w) => w.status === 'added')).toHaveLength(N);
  for (const w of written.slice(0, 50)) {
    await setTags(source, w.id, ['cv', `t${w.id.slice(0, 4)}`]);
    await setNote(source, w.id, `メモ ${w.id.slice(0, 8)}\n2 行目`);
  }
  await setSetting(source, 'lang', 'ja');

  const file = await exportBackup(source, PASS, { iterations: MIN_ITERATIONS });
  const target = await openTest();
  expect(await restoreBackup(target, file, PASS, 'replace', asClaimed)).toEqual({ added: N, duplicates: 0, replaced: 0, ignoredSettings: 0 });

  const [a, b] = [await dump(source), await dump(target)];
  expect(b.badges).toHaveLength(N);
  expect(b.badges).toEqual(a.badges);
  expect(b.meta).toEqual(a.meta);
  expect(b.originals).toHaveLength(N);
  for (let i = 0; i < N; i++) {
    const [x, y] = [a.originals[i], b.originals[i]];
    expect(y?.id).toBe(x?.id);
    expect(y?.bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(y?.bytes ?? []).equals(Buffer.from(x?.bytes ?? []))).toBe(true);
    expect(y?.credentialBytes === undefined ? undefined : Buffer.from(y.credentialBytes).toString('hex')).toBe(x?.credentialBytes === undefined ? undefined : Buffer.from(x.credentialBytes).toString('hex'));
    expect(y?.imageDataUri).toBe(x?.imageDataUri);
  }

  // A second trip from the restored wallet holds the same content.
  const again = await openTest();
  await restoreBackup(again, await exportBackup(target, PASS, { iterations: MIN_ITERATIONS }), PASS, 'merge', asClaimed);
  expect((await dump(again)).badges).toEqual(a.badges);
  expect((await dump(again)).originals).toEqual(a.originals);
});
