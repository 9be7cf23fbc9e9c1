/** Descriptor marks in the wallet list (issue 5): the micro-credential filter, and marks filled in for old rows. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { flushSync } from 'svelte';
import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { backfillMarks } from '../../src/lib/wallet/marks-backfill.ts';
import { Wallet } from '../../src/ui/state/Wallet.svelte.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importBytes } from '../../src/lib/wallet/import.ts';
import { createEnv } from '../../src/lib/verify/env.ts';
import { verifyBytes } from '../../src/lib/verify/pipeline.ts';
import { createRemote } from '../../src/lib/verify/remote.ts';
import { demoWallet, VERIFIED_AT } from './demo-wallet.ts';

const deps = Dexie.dependencies;
const saved = deps.indexedDB;
beforeAll(() => {
  deps.indexedDB = new IDBFactory();
});
afterAll(() => {
  deps.indexedDB = saved;
});

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

test('micro-credentials only: the eight demo badges (each states every mandatory descriptor), not a participation badge', async () => {
  const { db } = await demoWallet();
  const participation = new Uint8Array(readFileSync(join(process.cwd(), 'tests/fixtures/descriptors/ob3-participation.json')));
  const added = await importBytes(db, participation, { fileName: 'participation.json', now: VERIFIED_AT, remote: createRemote({ online: false }), verify: (b) => verifyBytes(b, createEnv({ now: VERIFIED_AT })) });
  expect(added.ok).toBe(true);
  const wallet = new Wallet(db);
  let visible: string[] = [];
  const stop = $effect.root(() => {
    $effect(() => {
      visible = wallet.visible.map((b) => b.summary.title);
    });
  });
  await until(() => visible.length === 9);
  wallet.microOnly = true;
  flushSync();
  expect(visible).toHaveLength(8);
  expect(visible.some((t) => /webinar|participation/i.test(t))).toBe(false);
  expect(wallet.filtered).toBe(true);
  wallet.clearFilters();
  flushSync();
  expect(visible).toHaveLength(9);
  stop();
});

test('rows without marks get them once, from their original bytes', async () => {
  const { db, rows } = await demoWallet();
  await db.badges.toCollection().modify((row) => {
    const { marks: _drop, ...summary } = row.summary;
    Object.assign(row, { summary });
  });
  const bare = await db.badges.toArray();
  expect(bare.every((b) => b.summary.marks === undefined)).toBe(true);
  expect(await backfillMarks(db, bare)).toBe(8);
  const filled = await db.badges.toArray();
  expect(filled.map((b) => b.summary.marks)).toEqual(bare.map((b) => rows.find((r) => r.id === b.id)?.summary.marks));
  expect(await backfillMarks(db, bare)).toBe(0); // rows that have marks by now are left alone
  expect(await backfillMarks(db, filled)).toBe(0);
});

test('rows whose marks came from an older definition (no `v`) get them again', async () => {
  const { db, rows } = await demoWallet();
  await db.badges.toCollection().modify((row) => {
    const { v: _old, ...marks } = row.summary.marks ?? { micro: false, effortHours: null, credit: null };
    Object.assign(row, { summary: { ...row.summary, marks: { ...marks, micro: false } } });
  });
  const old = await db.badges.toArray();
  expect(await backfillMarks(db, old)).toBe(8);
  const filled = await db.badges.toArray();
  expect(filled.map((b) => b.summary.marks)).toEqual(old.map((b) => rows.find((r) => r.id === b.id)?.summary.marks));
  expect(filled.every((b) => b.summary.marks?.micro === true)).toBe(true);
});
