/** importBytes on real fixtures: parse → verify → store, one transaction per file. */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { openWallet } from '../../../src/lib/store/db.ts';
import { getBadge, getOriginal } from '../../../src/lib/store/badges.ts';
import { getImage } from '../../../src/lib/store/media.ts';
import { importBytes, mimeOf } from '../../../src/lib/wallet/import.ts';
import { reverifyBadge } from '../../../src/lib/wallet/reverify.ts';
import { createEnv } from '../../../src/lib/verify/env.ts';
import { verifyBytes } from '../../../src/lib/verify/pipeline.ts';
import { createRemote, type FetchLike, type Remote } from '../../../src/lib/verify/remote.ts';
import { countBadges, listBadges } from '../../support/store.ts';
import { generateDidKey, NOW as TEST_NOW, ob3Credential, signDi, trusting } from '../../support/issuer.ts';

const NOW = new Date('2026-02-01T00:00:00Z');
const fixture = (p: string) => new Uint8Array(readFileSync(new URL(`../../fixtures/${p}`, import.meta.url)));
const offline = createRemote({ online: false });
const open = () => openWallet({ indexedDB: new IDBFactory(), IDBKeyRange, now: () => NOW });

/** The DCC fixtures' did:key issuer. */
const DCC_ISSUER = 'did:key:z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q';
/**
 * Verification with the user's trust set, passed as `verify` the way the app passes its worker: a bare
 * did:key issuer is `verified` only when trusted (issue 12), and importBytes' own default has no trust set.
 */
const trustingVerify = (now: Date, remote: Remote, issuers: readonly string[] = [DCC_ISSUER]) => (bytes: Uint8Array) => verifyBytes(bytes, createEnv({ now, remote, trust: trusting(issuers) }));

/** The OB 2.0 signed fixture's key, badge class and issuer, served from memory. */
const OB2_ASSETS: Record<string, string> = {
  'http://example.org/key1.json': 'ob2/1edtech-validator/assets/key1.json',
  'https://example.org/robotics-badge.json': 'ob2/1edtech-validator/assets/robotics-badge.json',
  'https://example.org/organization.json': 'ob2/1edtech-validator/assets/organization.json',
};
const localFetch: FetchLike = async (url) => {
  const path = OB2_ASSETS[url];
  const body = path ? fixture(path) : new Uint8Array();
  return { status: path ? 200 : 404, headers: { get: () => null }, arrayBuffer: async () => body.slice().buffer };
};

describe('importBytes', () => {
  test.each([
    ['ob3/dcc-verifier-core/v2NoStatus.json', 'verified', 'json', 'application/json'],
    ['ob3/1edtech-validator/simple-json.png', 'incomplete', 'png', 'image/png'],
    ['ob2/1edtech-validator/simple.jwt', 'incomplete', 'jws', 'application/jwt'],
    ['ob3/1edtech-validator/simple-jwt_v1.svg', 'incomplete', 'svg', 'image/svg+xml'],
  ])('%s → %s, stored with its original bytes', async (path, verdict, container, mime) => {
    const db = await open();
    const bytes = fixture(path);
    const r = await importBytes(db, bytes, { fileName: path, now: NOW, remote: offline, verify: trustingVerify(NOW, offline) });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.fileName).toBe(path);
    expect(r.credentials).toHaveLength(1);
    const [c] = r.credentials;
    expect(c).toMatchObject({ status: 'added', verdict });
    const stored = await getBadge(db, c!.id);
    expect(stored).toMatchObject({ container, mime, report: { verdict } });
    if (!path.startsWith('ob2/')) expect(stored?.summary.title).not.toBe(''); // an OB 2.0 badge class by URL has no name offline
    expect((await getOriginal(db, c!.id))?.bytes).toEqual(bytes);
    if (container === 'png' || container === 'svg') expect((await getImage(db, c!.id))?.mime).toBe(mime);
  });

  test('OB 2.0 signed verifies when the network may fetch its key', async () => {
    const db = await open();
    const remote = createRemote({ online: true, fetch: localFetch });
    const r = await importBytes(db, fixture('ob2/1edtech-validator/simple.jwt'), { now: NOW, remote });
    expect(r.ok && r.credentials[0]?.verdict).toBe('verified');
  });

  test('a tampered copy fails but is stored, with the failing check in its report', async () => {
    const db = await open();
    const text = new TextDecoder().decode(fixture('ob3/dcc-verifier-core/v2NoStatus.json'));
    const tampered = new TextEncoder().encode(text.replace(/"name":\s*"([^"]+)"/, '"name": "$1 (edited)"'));
    expect(tampered).not.toEqual(fixture('ob3/dcc-verifier-core/v2NoStatus.json'));
    const r = await importBytes(db, tampered, { now: NOW, remote: offline });
    expect(r.ok && r.credentials[0]).toMatchObject({ status: 'added', verdict: 'failed' });
    const id = r.ok ? r.credentials[0]!.id : '';
    expect((await getBadge(db, id))?.report.checks).toContainEqual(expect.objectContaining({ id: 'proof', outcome: 'failed', code: 'SIGNATURE_MISMATCH' }));
  });

  test('the same file twice → duplicate, one badge', async () => {
    const db = await open();
    const bytes = fixture('ob3/dcc-verifier-core/v2NoStatus.json');
    const first = await importBytes(db, bytes, { now: NOW, remote: offline });
    const again = await importBytes(db, bytes, { now: NOW, remote: offline });
    expect(again.ok && again.credentials[0]?.status).toBe('duplicate');
    expect(first.ok && again.ok && again.credentials[0]?.id === first.credentials[0]?.id).toBe(true);
    expect(await countBadges(db)).toBe(1);
  });

  test('the same credential baked into a PNG and as JSON is one badge', async () => {
    const db = await open();
    const png = await importBytes(db, fixture('ob3/1edtech-validator/simple-json.png'), { now: NOW, remote: offline });
    expect(png.ok).toBe(true);
    const { extractFromPng } = await import('../../../src/lib/formats/baked/png.ts');
    const json = new TextEncoder().encode(extractFromPng(fixture('ob3/1edtech-validator/simple-json.png')).text);
    const r = await importBytes(db, json, { now: NOW, remote: offline });
    expect(r.ok && r.credentials[0]?.status).toBe('duplicate');
  });

  test('unreadable input is a coded error and writes nothing', async () => {
    const db = await open();
    const cases: Array<[Uint8Array, string]> = [
      [new TextEncoder().encode('hello'), 'FORMAT_UNRECOGNIZED'],
      [new TextEncoder().encode('{"a": 1}'), 'NOT_A_CREDENTIAL'],
      [new Uint8Array(), 'INPUT_EMPTY'],
      [new TextEncoder().encode('https://badges.example.org/a/1'), 'URL_NEEDS_NETWORK'],
    ];
    for (const [bytes, code] of cases) {
      const r = await importBytes(db, bytes, { fileName: 'x', now: NOW, remote: offline });
      expect(r).toMatchObject({ ok: false, fileName: 'x', error: { code } });
    }
    expect(await countBadges(db)).toBe(0);
  });

  test('a badge fetched from a link keeps the credential, not the link', async () => {
    const db = await open();
    const body = fixture('ob3/dcc-verifier-core/v2NoStatus.json');
    const fetch: FetchLike = async () => ({ status: 200, headers: { get: () => 'application/json' }, arrayBuffer: async () => body.slice().buffer });
    const remote = createRemote({ online: true, fetch });
    const r = await importBytes(db, new TextEncoder().encode('https://badges.example.org/v2'), { now: NOW, remote, verify: trustingVerify(NOW, remote) });
    expect(r.ok && r.credentials[0]?.verdict).toBe('verified');
    const id = r.ok ? r.credentials[0]!.id : '';
    expect(new TextDecoder().decode((await getOriginal(db, id))?.bytes).trim()).toBe(new TextDecoder().decode(body).trim());
    expect((await getBadge(db, id))?.container).toBe('json');
  });

  test('searchable by title and filterable by verdict', async () => {
    const db = await open();
    await importBytes(db, fixture('ob3/dcc-verifier-core/v2NoStatus.json'), { now: NOW, remote: offline, verify: trustingVerify(NOW, offline) });
    await importBytes(db, fixture('ob3/1edtech-validator/simple-json.png'), { now: NOW, remote: offline, verify: trustingVerify(NOW, offline) });
    const verified = await listBadges(db, { verdict: 'verified', now: NOW });
    expect(verified).toHaveLength(1);
    const { id, summary } = verified[0]!;
    const found = await listBadges(db, { text: `${summary.title.toUpperCase()} ${summary.issuerName}`, now: NOW });
    expect(found.map((b) => b.id)).toContain(id);
    expect(await listBadges(db, { text: 'no-such-word', now: NOW })).toHaveLength(0);
  });

  test('re-verify reads the original bytes and keeps the new report', async () => {
    const db = await open();
    // Signed 2025, valid until 2030: verified at the test's NOW, expired when checked again in 2031.
    const key = await generateDidKey('Ed25519');
    const signed = await signDi(ob3Credential({ id: 'urn:uuid:7b1f0c52-0000-4000-8000-00000000000a', issuerId: key.did, identityHash: 'sha256$00' }), 'eddsa-rdfc-2022', key.pair);
    const r = await importBytes(db, new TextEncoder().encode(JSON.stringify(signed)), { now: TEST_NOW, remote: offline, verify: trustingVerify(TEST_NOW, offline, [key.did]) });
    const id = r.ok ? r.credentials[0]!.id : '';
    const before = (await getBadge(db, id))?.report.verdict;
    const later = new Date('2031-01-01T00:00:00Z');
    const after = await reverifyBadge(db, id, { now: later, remote: offline, verify: trustingVerify(later, offline, [key.did]) });
    expect(after?.verdict).toBe('failed');
    expect(after?.checks).toContainEqual(expect.objectContaining({ id: 'validity-period', code: 'EXPIRED' }));
    expect((await getBadge(db, id))?.report.verdict).toBe('failed');
    expect(before).toBe('verified');
    expect(await reverifyBadge(db, 'nope', { now: NOW, remote: offline })).toBeNull();
  });
});

test('mimeOf sniffs content, not names', () => {
  expect(mimeOf(fixture('ob3/1edtech-validator/simple-json.png'))).toBe('image/png');
  expect(mimeOf(new TextEncoder().encode('\uFEFF  <svg/>'))).toBe('image/svg+xml');
  expect(mimeOf(new TextEncoder().encode(' {}'))).toBe('application/json');
  expect(mimeOf(new TextEncoder().encode('eyJ.a.b'))).toBe('application/jwt');
});
