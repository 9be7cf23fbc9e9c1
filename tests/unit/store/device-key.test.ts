/** The device's holder key (schema v3): stored as a CryptoKeyPair, private half never extractable, kept out of backups. */
import { expect, test } from 'vitest';
import { exportBackup, MIN_ITERATIONS, restoreBackup } from '../../../src/lib/store/backup.ts';
import { getDeviceKeyPair, putDeviceKeyPair } from '../../../src/lib/store/device-key.ts';
import { SCHEMA_VERSION, VERSIONS } from '../../../src/lib/store/versions.ts';
import { createDeviceKey, deviceKeyFrom } from '../../../src/lib/share/holder.ts';
import { asClaimed, openTest } from './helpers.ts';

test('v3 adds the deviceKeys table and nothing else', () => {
  expect(VERSIONS.find((v) => v.version === 3)).toMatchObject({ stores: { deviceKeys: 'id' } });
  expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(3);
});

test('a key pair is stored once and read back usable; a second one does not replace it', async () => {
  const db = await openTest();
  expect(await getDeviceKeyPair(db)).toBeUndefined();
  const first = await createDeviceKey();
  const kept = await putDeviceKeyPair(db, first.keyPair);
  const again = await putDeviceKeyPair(db, (await createDeviceKey()).keyPair);
  const read = await getDeviceKeyPair(db);
  expect(read).toBeDefined();
  if (!read) return;
  expect((await deviceKeyFrom(read)).did).toBe(first.did);
  expect((await deviceKeyFrom(kept)).did).toBe(first.did);
  expect((await deviceKeyFrom(again)).did).toBe(first.did);
  expect(read.privateKey.extractable).toBe(false);
  const data = new TextEncoder().encode('hello');
  const sig = await crypto.subtle.sign('Ed25519', read.privateKey, data);
  expect(await crypto.subtle.verify('Ed25519', read.publicKey, sig, data)).toBe(true);
});

test('an encrypted backup does not carry the device key, and a replacing restore keeps it', async () => {
  const db = await openTest();
  const key = await createDeviceKey();
  await putDeviceKeyPair(db, key.keyPair);
  const file = await exportBackup(db, 'correct horse battery', { iterations: MIN_ITERATIONS });
  const other = await openTest();
  await restoreBackup(other, file, 'correct horse battery', 'replace', asClaimed);
  expect(await getDeviceKeyPair(other)).toBeUndefined();
  await restoreBackup(db, file, 'correct horse battery', 'replace', asClaimed);
  const still = await getDeviceKeyPair(db);
  expect(still && (await deviceKeyFrom(still)).did).toBe(key.did);
});
