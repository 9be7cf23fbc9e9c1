/** Test helpers: the committed demo badges and pathways, imported into a fresh fake-IndexedDB wallet. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WalletDb } from '../../src/lib/store/db.ts';
import type { StoredBadge } from '../../src/lib/store/types.ts';
import { importBytes } from '../../src/lib/wallet/import.ts';
import { addTrustList, trustSetOf } from '../../src/lib/wallet/trust.ts';
import { createEnv } from '../../src/lib/verify/env.ts';
import { verifyBytes } from '../../src/lib/verify/pipeline.ts';
import { createRemote } from '../../src/lib/verify/remote.ts';
import { openTest } from '../unit/store/helpers.ts';

// Client-transformed modules have web-style import.meta.url, so paths start from the project root.
export const demoBytes = (name: string): Uint8Array => new Uint8Array(readFileSync(join(process.cwd(), 'public/demo', name)));
export const demoText = (name: string): string => new TextDecoder().decode(demoBytes(name));

interface DemoIndex {
  readonly files: readonly { readonly file: string }[];
  readonly pathways: readonly string[];
  readonly trustList: string;
}
export const demoIndex = JSON.parse(demoText('index.json')) as DemoIndex; // why: our own generated file

/** When the demo badges are verified (inside their validity, except the one that expired). */
export const VERIFIED_AT = new Date('2026-02-01T00:00:00Z');

/**
 * A wallet holding the demo badges (all but `skip`), verified offline as "Add demo badges" does: with
 * the demo trust list added and enabled first (issue 12); returns the db and its rows.
 */
export async function demoWallet(skip: readonly string[] = []): Promise<{ db: WalletDb; rows: StoredBadge[]; ids: Map<string, string> }> {
  const db = await openTest();
  const remote = createRemote({ online: false });
  const listed = await addTrustList(db, demoBytes(demoIndex.trustList), `demo/${demoIndex.trustList}`, createEnv({ now: VERIFIED_AT }), { demo: true });
  if (!listed.ok) throw new Error(`demo trust list: ${listed.code}`);
  const trust = await trustSetOf(db, createEnv({ now: VERIFIED_AT }), 'en');
  const verify = (bytes: Uint8Array) => verifyBytes(bytes, createEnv({ now: VERIFIED_AT, remote, trust }));
  const ids = new Map<string, string>();
  for (const { file } of demoIndex.files) {
    if (skip.includes(file)) continue;
    const r = await importBytes(db, demoBytes(file), { fileName: file, now: VERIFIED_AT, remote, verify });
    if (!r.ok) throw new Error(`demo ${file}: ${r.error.code}`);
    ids.set(file, r.credentials[0]?.id ?? '');
  }
  return { db, rows: await db.badges.toArray(), ids };
}
