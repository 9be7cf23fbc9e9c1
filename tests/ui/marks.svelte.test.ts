/** Descriptor marks in the wallet list (issue 5): the micro-credential filter, and marks filled in for old rows. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { flushSync } from 'svelte';
import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { backfillMarks } from '../../src/lib/wallet/marks-backfill.ts';
import { Wallet } from '../../src/ui/state/Wallet.svelte.ts';
import { demoWallet } from './demo-wallet.ts';

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

test('micro-credentials only: three of the eight demo badges', async () => {
  const { db } = await demoWallet();
  const wallet = new Wallet(db);
  let visible: string[] = [];
  const stop = $effect.root(() => {
    $effect(() => {
      visible = wallet.visible.map((b) => b.summary.title);
    });
  });
  await until(() => visible.length === 8);
  wallet.microOnly = true;
  flushSync();
  expect(visible.map((t) => t.split(' / ')[1]).sort()).toEqual(['Academic Writing in Japanese', 'Community Disaster Preparedness Leader', 'Introduction to Data Literacy']);
  expect(wallet.filtered).toBe(true);
  wallet.clearFilters();
  flushSync();
  expect(visible).toHaveLength(8);
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
