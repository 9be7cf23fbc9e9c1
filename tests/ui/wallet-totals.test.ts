/**
 * The wallet's totals (issue 14): over the real demo badges, imported and verified into a real store.
 * Only genuine badges count — not the expired one, not any while nobody vouches for their issuer —
 * and the hours are those the demo table states (a source apart from the wallet's own reading).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { DEMO_BADGES } from '../../src/cli/demo-badges.ts';
import type { TrustSet } from '../../src/lib/trust/model.ts';
import { createEnv } from '../../src/lib/verify/env.ts';
import { verifyBytes } from '../../src/lib/verify/pipeline.ts';
import { createRemote } from '../../src/lib/verify/remote.ts';
import { importBytes } from '../../src/lib/wallet/import.ts';
import { walletTotals } from '../../src/ui/wallet-totals.ts';
import { trustingDemo } from '../support/issuer.ts';
import { openTest } from '../unit/store/helpers.ts';

const NOW = new Date('2026-02-01T00:00:00Z');
const index = JSON.parse(readFileSync(join(process.cwd(), 'public/demo/index.json'), 'utf8')) as { files: { file: string }[] }; // why: our own generated file

async function demoWallet(trust: TrustSet | undefined) {
  const db = await openTest();
  for (const { file } of index.files) {
    const bytes = new Uint8Array(readFileSync(join(process.cwd(), 'public/demo', file)));
    await importBytes(db, bytes, { now: NOW, remote: createRemote({ online: false }), fileName: file, verify: (b) => verifyBytes(b, createEnv({ now: NOW, ...(trust ? { trust } : {}) })) });
  }
  return db.badges.toArray();
}

test('the demo wallet adds up: 8 badges, 7 genuine, the hours of the seven, credit per unit', async () => {
  const rows = await demoWallet(await trustingDemo());
  const totals = walletTotals(rows);
  expect(totals.count).toBe(8);
  expect(totals.genuine).toBe(7);
  const current = DEMO_BADGES.filter((b) => b.validUntil === undefined || Date.parse(b.validUntil) > NOW.getTime());
  expect(current).toHaveLength(7);
  const hours = current.reduce((n, b) => n + b.descriptors.hours, 0);
  expect(totals.hours).toEqual({ min: hours, max: hours });
  expect(hours).toBeLessThan(DEMO_BADGES.reduce((n, b) => n + b.descriptors.hours, 0)); // the expired badge's hours are left out
  // Credit is summed per unit (the demo states Japanese 単位 only), never converted; hours are never credit.
  const tani = current.reduce((n, b) => n + (b.creditsAvailable ?? 0), 0);
  expect(tani).toBeGreaterThan(0);
  expect(totals.credit).toEqual([['jp-tani', { min: tani, max: tani }]]);
});

test('nobody vouches for the demo issuers: nothing is genuine, so nothing is added up', async () => {
  const totals = walletTotals(await demoWallet(undefined));
  expect(totals).toEqual({ count: 8, genuine: 0, hours: { min: 0, max: 0 }, credit: [] });
});

test('an empty wallet', () => {
  expect(walletTotals([])).toEqual({ count: 0, genuine: 0, hours: { min: 0, max: 0 }, credit: [] });
});
