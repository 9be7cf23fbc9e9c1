/**
 * The rechecker (issue 12): every stored badge checked again offline from its bytes, through the
 * verify worker's jobs (run here on this thread), with the user's trust set — so adding the demo
 * list turns the demo badges from "issuer not confirmed" into genuine, and removing it turns them
 * back. One run at a time; asking during a run makes one more run; background re-checks of single
 * badges happen once per session.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { headlineOf } from '../../src/lib/model/headline.ts';
import { getBadge } from '../../src/lib/store/badges.ts';
import type { WalletDb } from '../../src/lib/store/db.ts';
import { removeTrustList } from '../../src/lib/store/trust.ts';
import { createEnv } from '../../src/lib/verify/env.ts';
import { verifyBytes } from '../../src/lib/verify/pipeline.ts';
import { createRemote } from '../../src/lib/verify/remote.ts';
import { importBytes } from '../../src/lib/wallet/import.ts';
import { addTrustList } from '../../src/lib/wallet/trust.ts';
import { Rechecker, recheckerOf } from '../../src/ui/state/Recheck.svelte.ts';
import { openTest } from '../unit/store/helpers.ts';
import { verifyHere } from './verify-here.ts';

const demo = (f: string) => new Uint8Array(readFileSync(join(process.cwd(), 'public/demo', f)));
const FILES = ['02-python-basics.json', '05-patient-safety.json', '06-ai-ethics.jwt'];

afterEach(() => verifyHere(undefined));

async function wallet(): Promise<{ db: WalletDb; ids: string[] }> {
  const db = await openTest();
  const ids: string[] = [];
  for (const f of FILES) {
    const r = await importBytes(db, demo(f), { now: new Date(), remote: createRemote({ online: false }), fileName: f });
    if (r.ok) ids.push(r.credentials[0]?.id ?? '');
  }
  return { db, ids };
}

const headlines = async (db: WalletDb, ids: readonly string[]) => Promise.all(ids.map(async (id) => headlineOf((await getBadge(db, id))?.report.checks ?? []).headline));

test('adding and removing the demo list: every badge checked again, through the worker jobs with the trust set', async () => {
  const { db, ids } = await wallet();
  expect(await headlines(db, ids)).toEqual(['UNKNOWN_ISSUER', 'EXPIRED', 'UNKNOWN_ISSUER']);
  verifyHere(db);
  const r = recheckerOf(db, () => 'ja');
  expect(recheckerOf(db, () => 'en')).toBe(r); // one per wallet

  const added = await addTrustList(db, demo('trust-list.json'), 'demo/trust-list.json', createEnv(), { demo: true });
  expect(added.ok).toBe(true);
  const run = r.all();
  expect(r.running).toBe(true);
  await run;
  expect(r.running).toBe(false);
  expect([r.done, r.total]).toEqual([3, 3]);
  expect(await headlines(db, ids)).toEqual(['GENUINE', 'EXPIRED', 'GENUINE']);
  const identity = (await getBadge(db, ids[0] ?? ''))?.report.checks.find((c) => c.id === 'issuer-identity');
  expect(identity).toMatchObject({ code: 'LISTED', data: { name: 'デモ・オープンラーニング', demo: true } }); // named in the language asked for

  await removeTrustList(db, 'urn:tsumiki:demo:trust-list');
  await r.all();
  expect(await headlines(db, ids)).toEqual(['UNKNOWN_ISSUER', 'EXPIRED', 'UNKNOWN_ISSUER']);
});

test('asking during a run starts it over with everything, once; single badges are re-checked once per session', async () => {
  const { db, ids } = await wallet();
  let calls = 0;
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const r = new Rechecker(db, async (bytes, now) => {
    calls++;
    if (calls === 1) await gate; // the first badge is being checked when the user asks again
    return verifyBytes(bytes, createEnv({ now }));
  });
  const first = r.all();
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(calls).toBe(1);
  const second = r.all();
  const third = r.all(); // asked twice during the run: still one more run
  expect(second).toBe(first);
  expect(third).toBe(first);
  release();
  await first;
  expect(calls).toBe(1 + ids.length); // the badge in hand, then every badge once
  expect([r.done, r.total]).toEqual([ids.length, ids.length]);

  calls = 0;
  await r.some([ids[0] ?? '']);
  await r.some([ids[0] ?? '']);
  expect(calls).toBe(1);
  expect([r.done, r.total]).toEqual([1, 1]);
});

test('a badge whose bytes cannot be verified keeps its report; the others go on', async () => {
  const { db, ids } = await wallet();
  const before = await getBadge(db, ids[1] ?? '');
  let calls = 0;
  const r = new Rechecker(db, async (bytes, now) => {
    calls++;
    if (calls === 2) throw new Error('boom');
    return verifyBytes(bytes, createEnv({ now }));
  });
  await r.all();
  expect(r.done).toBe(3);
  expect((await getBadge(db, ids[1] ?? ''))?.verifiedAt).toBe(before?.verifiedAt);
});
