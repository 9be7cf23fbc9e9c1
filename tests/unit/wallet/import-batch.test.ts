/**
 * Issue 15: the app verifies files in its workers (`prepareFile`) and writes many files to one
 * transaction (`writeFiles`). The outcome must be the one `importBytes` gives file by file.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openWallet } from '../../../src/lib/store/db.ts';
import { getBadge } from '../../../src/lib/store/badges.ts';
import { importBytes, prepareFile } from '../../../src/lib/wallet/import.ts';
import { writeFiles, type PreparedFile } from '../../../src/lib/wallet/import-batch.ts';
import { createEnv } from '../../../src/lib/verify/env.ts';
import { verifyBytes } from '../../../src/lib/verify/pipeline.ts';
import { createRemote } from '../../../src/lib/verify/remote.ts';
import { countBadges } from '../../support/store.ts';

const NOW = new Date('2026-02-01T00:00:00Z');
const fixture = (p: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/${p}`, import.meta.url)));
const remote = createRemote({ online: false });
const open = () => openWallet({ indexedDB: new IDBFactory(), IDBKeyRange, now: () => NOW });
const FILES = ['ob3/dcc-verifier-core/v2NoStatus.json', 'ob3/1edtech-validator/simple-json.png', 'ob3/1edtech-validator/simple-jwt_v1.svg'];

async function prepared(bytes: Uint8Array): Promise<PreparedFile> {
  return prepareFile(bytes, await verifyBytes(bytes, createEnv({ now: NOW, remote })), NOW.toISOString());
}

describe('writeFiles', () => {
  test('a batch gives, file by file, what importBytes gives one file at a time', async () => {
    const batched = await open();
    const single = await open();
    const bytes = [...FILES.map(fixture), fixture(FILES[0] as string), new TextEncoder().encode('not a badge')];
    const outcomes = await writeFiles(batched, await Promise.all(bytes.map(prepared)));
    const one: unknown[] = [];
    for (const b of bytes) one.push(await importBytes(single, b, { now: NOW, remote }));
    expect(outcomes).toEqual(one);
    // The second copy of the first file is a duplicate of the first, in the same batch.
    expect(outcomes.map((o) => (o.ok ? o.credentials.map((c) => c.status).join() : o.error.code))).toEqual(['added', 'added', 'added', 'duplicate', 'FORMAT_UNRECOGNIZED']);
    expect(await countBadges(batched)).toBe(3);
    for (const o of outcomes) if (o.ok) for (const c of o.credentials) expect((await getBadge(batched, c.id))?.report.verdict).toBe(c.verdict);
  });

  test('a file the store refuses fails alone: the batch is written again file by file', async () => {
    const db = await open();
    const [good, other] = await Promise.all([prepared(fixture(FILES[0] as string)), prepared(fixture(FILES[1] as string))]);
    if (!good.ok || !other.ok) throw new Error('fixtures must prepare');
    // A row without its key: IndexedDB refuses it, which aborts the whole batch's transaction.
    const item = other.items[0]!;
    const broken: PreparedFile = { ok: true, items: [{ ...item, prepared: { ...item.prepared, badge: { ...item.prepared.badge, id: undefined as unknown as string } } }] };
    const outcomes = await writeFiles(db, [good, broken]);
    expect(outcomes[0]).toMatchObject({ ok: true, credentials: [{ status: 'added' }] });
    expect(outcomes[1]).toMatchObject({ ok: false });
    expect(await countBadges(db)).toBe(1);
  });

  test('nothing to write: each file keeps its error', async () => {
    const db = await open();
    const outcomes = await writeFiles(db, [{ ok: false, error: { code: 'VERIFY_TIMEOUT', message: 'too long' } }]);
    expect(outcomes).toEqual([{ ok: false, error: { code: 'VERIFY_TIMEOUT', message: 'too long' } }]);
  });
});
