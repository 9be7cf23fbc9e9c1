/** The wallet state: live rows from IndexedDB, searched, filtered and sorted in memory. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { flushSync } from 'svelte';
import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { addBadge, setTags } from '../../src/lib/store/badges.ts';
import { Wallet } from '../../src/ui/state/Wallet.svelte.ts';
import { newBadge, openTest } from '../unit/store/helpers.ts';

// liveQuery needs a global IndexedDB when Dexie loads (see tests/unit/store/live.test.ts).
const deps = Dexie.dependencies;
const saved = deps.indexedDB;
beforeAll(() => {
  deps.indexedDB = new IDBFactory();
});
afterAll(() => {
  deps.indexedDB = saved;
});

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

test('rows follow writes; search, filters and sort run on them', async () => {
  const db = await openTest();
  await addBadge(db, newBadge({ n: 1, title: 'データリテラシー入門', issuerName: 'Uni', issuerId: 'https://u.example', issuedAt: '2024-01-01T00:00:00Z' }));
  await addBadge(db, newBadge({ n: 2, title: 'Python Basics', issuerName: 'MOOC', issuerId: 'https://m.example', issuedAt: '2025-01-01T00:00:00Z', verdict: 'failed' }));
  const wallet = new Wallet(db);
  let visible: string[] = [];
  const stop = $effect.root(() => {
    $effect(() => {
      visible = wallet.visible.map((b) => b.summary.title);
    });
  });
  await until(() => visible.length === 2);
  expect(visible).toEqual(['Python Basics', 'データリテラシー入門']); // newest issued first

  wallet.text = 'ＰＹＴＨＯＮ'; // full-width still matches
  flushSync();
  expect(visible).toEqual(['Python Basics']);
  wallet.text = '';
  wallet.verdict = 'verified';
  flushSync();
  expect(visible).toEqual(['データリテラシー入門']);
  wallet.clearFilters();
  wallet.sort = 'issued-asc';
  flushSync();
  expect(visible).toEqual(['データリテラシー入門', 'Python Basics']);
  expect(wallet.issuers.map((i) => i.label)).toEqual(['MOOC', 'Uni']);

  const { id } = await addBadge(db, newBadge({ n: 3, title: 'AI Ethics', issuedAt: '2026-01-01T00:00:00Z', expiresAt: '2026-01-02T00:00:00Z' }));
  await until(() => visible.length === 3);
  await setTags(db, id, ['cv']);
  await until(() => wallet.tags.length === 1);
  wallet.tag = 'cv';
  flushSync();
  expect(visible).toEqual(['AI Ethics']);
  wallet.tag = '';
  wallet.expiry = 'current';
  flushSync();
  expect(visible).not.toContain('AI Ethics');
  stop();
});
