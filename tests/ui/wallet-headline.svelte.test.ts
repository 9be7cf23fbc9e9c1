/** The wallet's headline filter (issue 12): the cards' words, computed from each stored report's checks. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { flushSync } from 'svelte';
import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { createRemote } from '../../src/lib/verify/remote.ts';
import { importBytes } from '../../src/lib/wallet/import.ts';
import { Wallet } from '../../src/ui/state/Wallet.svelte.ts';
import { openTest } from '../unit/store/helpers.ts';

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
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

test('filter by headline: the expired demo badge alone, then the ones whose issuer nobody vouches for', async () => {
  const db = await openTest();
  for (const f of ['02-python-basics.json', '05-patient-safety.json', '06-ai-ethics.jwt']) {
    await importBytes(db, new Uint8Array(readFileSync(join(process.cwd(), 'public/demo', f))), { now: new Date(), remote: createRemote({ online: false }), fileName: f });
  }
  const wallet = new Wallet(db);
  let visible: string[] = [];
  const stop = $effect.root(() => {
    $effect(() => {
      visible = wallet.visible.map((b) => b.summary.title);
    });
  });
  await until(() => visible.length === 3);
  wallet.headline = 'EXPIRED';
  flushSync();
  expect(visible).toHaveLength(1);
  expect(visible[0]).toContain('Patient Safety');
  expect(wallet.filtered).toBe(true);
  wallet.headline = 'UNKNOWN_ISSUER';
  flushSync();
  expect(visible).toHaveLength(2);
  wallet.headline = 'GENUINE';
  flushSync();
  expect(visible).toEqual([]);
  wallet.clearFilters();
  flushSync();
  expect(visible).toHaveLength(3);
  stop();
});
