import { describe, expect, test } from 'vitest';
import {
  addBadge,
  addBadges,
  getBadge,
  getOriginal,
  setNote,
  setTags,
  updateReport,
} from '../../../src/lib/store/badges.ts';
import { contentId } from '../../../src/lib/util/bytes.ts';
import { getImage, decodeImageDataUri } from '../../../src/lib/store/media.ts';
import { deleteBadge, deleteBadges, purgeTrash, undoDelete } from '../../../src/lib/store/trash.ts';
import { importFiles, listBadges, listIssuers, listTags } from '../../support/store.ts';
import { getCached, getSetting, pruneCache, putCached, setSetting } from '../../../src/lib/store/kv.ts';
import { credentialJson, newBadge, NOW, openTest, utf8 } from './helpers.ts';

const PNG = (payload: string) => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...utf8(payload)]);

describe('add', () => {
  test('adds a badge keyed by the SHA-256 of its bytes, keeping the bytes untouched', async () => {
    const db = await openTest();
    const input = newBadge({ n: 1, tags: [' Data ', 'data', 'AI'] });
    const result = await addBadge(db, input);
    expect(result).toEqual({ status: 'added', id: await contentId(input.bytes) });
    expect(result.id).toMatch(/^[0-9a-f]{64}$/u);
    const stored = await getBadge(db, result.id);
    expect(stored).toMatchObject({
      format: 'ob3-di',
      container: 'json',
      credentialId: 'urn:uuid:badge-1',
      tags: ['Data', 'AI'],
      note: '',
      addedAt: NOW.toISOString(),
      report: input.report,
      verifiedAt: NOW.toISOString(),
      hasImage: false,
    });
    expect(stored?.summary.searchText).toBe('badge 1 issuer 1');
    expect((await getOriginal(db, result.id))?.bytes).toEqual(input.bytes);
  });

  test('empty bytes are refused with INPUT_EMPTY and nothing is written', async () => {
    const db = await openTest();
    await expect(addBadge(db, newBadge({ n: 1, bytes: new Uint8Array() }))).rejects.toMatchObject({ code: 'INPUT_EMPTY' });
    expect(await db.badges.count()).toBe(0);
  });
});

describe('the same credential imported twice is one badge', () => {
  test('same bytes', async () => {
    const db = await openTest();
    const first = await addBadge(db, newBadge({ n: 1 }));
    const again = await addBadge(db, newBadge({ n: 1, tags: ['x'] }));
    expect(again).toEqual({ status: 'duplicate', id: first.id, match: 'same-bytes' });
    expect(await db.badges.count()).toBe(1);
    expect((await getBadge(db, first.id))?.tags).toEqual([]);
  });

  test('the same JSON, once plain and once baked in a PNG', async () => {
    const db = await openTest();
    const json = utf8(credentialJson(1));
    const plain = await addBadge(db, newBadge({ n: 1, bytes: json }));
    const baked = await addBadge(db, newBadge({ n: 1, bytes: PNG('x'), credentialBytes: json, container: 'png' }));
    expect(baked).toEqual({ status: 'duplicate', id: plain.id, match: 'same-bytes' });
  });

  test('same credential id and issuer, different bytes (re-serialised)', async () => {
    const db = await openTest();
    const first = await addBadge(db, newBadge({ n: 1 }));
    const reserialised = utf8(JSON.stringify(JSON.parse(credentialJson(1)), null, 2));
    const again = await addBadge(db, newBadge({ n: 1, bytes: reserialised }));
    expect(again).toEqual({ status: 'duplicate', id: first.id, match: 'same-credential-id' });
  });

  test('the same credential id from another issuer is a different badge', async () => {
    const db = await openTest();
    await addBadge(db, newBadge({ n: 1 }));
    const other = await addBadge(db, newBadge({ n: 1, issuerId: 'https://elsewhere.example' }));
    expect(other.status).toBe('added');
  });

  test('badges without an id are compared by bytes only', async () => {
    const db = await openTest();
    const a = await addBadge(db, newBadge({ n: 1, credentialId: null }));
    const b = await addBadge(db, newBadge({ n: 2, credentialId: null }));
    expect([a.status, b.status]).toEqual(['added', 'added']);
  });

  test('a duplicate inside one file (a presentation listing a credential twice) is caught', async () => {
    const db = await openTest();
    const results = await addBadges(db, [newBadge({ n: 1 }), newBadge({ n: 2 }), newBadge({ n: 1 })]);
    expect(results.map((r) => r.status)).toEqual(['added', 'added', 'duplicate']);
    expect(await db.badges.count()).toBe(2);
  });
});

describe('tags, notes, reports', () => {
  test('setTags normalises; setNote stores; both report a missing badge', async () => {
    const db = await openTest();
    const { id } = await addBadge(db, newBadge({ n: 1 }));
    expect(await setTags(db, id, ['  学習  ', 'Work', 'work', ''])).toBe(true);
    expect(await setNote(db, id, 'for my CV — 履歴書用')).toBe(true);
    const b = await getBadge(db, id);
    expect(b?.tags).toEqual(['学習', 'Work']);
    expect(b?.note).toBe('for my CV — 履歴書用');
    expect(await setTags(db, 'nope', ['a'])).toBe(false);
    expect(await setNote(db, 'nope', 'a')).toBe(false);
    expect(await listTags(db)).toEqual([
      { tag: 'Work', count: 1 },
      { tag: '学習', count: 1 },
    ]);
  });

  test('updateReport replaces the last report and its date; the verdict filter follows', async () => {
    const db = await openTest();
    const { id } = await addBadge(db, newBadge({ n: 1 }));
    const revoked = { id: 'status', outcome: 'failed', code: 'REVOKED' } as const;
    const report = { verdict: 'failed' as const, checks: [revoked] };
    expect(await updateReport(db, id, report, '2025-07-01T00:00:00.000Z')).toBe(true);
    expect(await getBadge(db, id)).toMatchObject({ report, verifiedAt: '2025-07-01T00:00:00.000Z' });
    expect((await listBadges(db, { verdict: 'failed', now: NOW })).map((b) => b.id)).toEqual([id]);
    expect(await listBadges(db, { verdict: 'verified', now: NOW })).toEqual([]);
  });

  test('listIssuers counts badges per issuer', async () => {
    const db = await openTest();
    await addBadges(db, [newBadge({ n: 1 }), newBadge({ n: 8 }), newBadge({ n: 2 })]);
    expect(await listIssuers(db)).toEqual([
      { issuerId: 'https://issuer1.example', issuerName: 'Issuer 1', count: 2 },
      { issuerId: 'https://issuer2.example', issuerName: 'Issuer 2', count: 1 },
    ]);
  });
});

describe('images', () => {
  test('a baked badge is its own image; an embedded data: URI is decoded; otherwise none', async () => {
    const db = await openTest();
    const png = PNG('x');
    const baked = await addBadge(db, newBadge({ n: 1, bytes: png, credentialBytes: utf8('{"a":1}'), container: 'png' }));
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"/>';
    const embedded = await addBadge(db, { ...newBadge({ n: 2 }), imageDataUri: `data:image/svg+xml,${encodeURIComponent(svg)}` });
    const none = await addBadge(db, newBadge({ n: 3 }));
    expect(await getImage(db, baked.id)).toEqual({ mime: 'image/png', bytes: png });
    expect(await getImage(db, embedded.id)).toEqual({ mime: 'image/svg+xml', bytes: utf8(svg) });
    expect((await getBadge(db, embedded.id))?.hasImage).toBe(true);
    expect(await getImage(db, none.id)).toBeNull();
  });

  test('decodeImageDataUri accepts base64 images and refuses other types', () => {
    expect(decodeImageDataUri('data:image/png;base64,iVBORw==')).toEqual({
      mime: 'image/png',
      bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
    });
    expect(decodeImageDataUri('data:text/html;base64,PGI+')).toBeNull();
    expect(decodeImageDataUri('data:image/png;base64,***')).toBeNull();
    expect(decodeImageDataUri('https://example.org/a.png')).toBeNull();
  });
});

describe('delete and undo', () => {
  test('delete removes badge and bytes in one step; undo puts both back unchanged', async () => {
    const db = await openTest();
    const input = { ...newBadge({ n: 1, tags: ['keep'] }), note: 'n' };
    const { id } = await addBadge(db, input);
    const before = await getBadge(db, id);
    const token = await deleteBadge(db, id);
    expect(token).toEqual(expect.any(String));
    expect(await getBadge(db, id)).toBeUndefined();
    expect(await getOriginal(db, id)).toBeUndefined();
    expect(await listBadges(db, { now: NOW })).toEqual([]);
    expect(await undoDelete(db, token ?? '')).toEqual({ restored: [id], alreadyPresent: [] });
    expect(await getBadge(db, id)).toEqual(before);
    expect((await getOriginal(db, id))?.bytes).toEqual(input.bytes);
    expect(await db.trash.count()).toBe(0);
    expect(await undoDelete(db, token ?? '')).toBeNull();
  });

  test('one undo for a multi-select delete; unknown ids are ignored', async () => {
    const db = await openTest();
    const ids = (await addBadges(db, [newBadge({ n: 1 }), newBadge({ n: 2 }), newBadge({ n: 3 })])).map((r) => r.id);
    const token = await deleteBadges(db, [ids[0] ?? '', ids[2] ?? '', 'missing']);
    expect(await db.badges.count()).toBe(1);
    expect((await undoDelete(db, token ?? ''))?.restored).toEqual([ids[0], ids[2]]);
    expect(await db.badges.count()).toBe(3);
    expect(await deleteBadges(db, ['missing'])).toBeNull();
  });

  test('undo after the same badge was imported again keeps the new one', async () => {
    const db = await openTest();
    const { id } = await addBadge(db, newBadge({ n: 1 }));
    const token = await deleteBadge(db, id);
    await addBadge(db, { ...newBadge({ n: 1 }), note: 'new' });
    expect(await undoDelete(db, token ?? '')).toEqual({ restored: [], alreadyPresent: [id] });
    expect((await getBadge(db, id))?.note).toBe('new');
  });

  test('purgeTrash forgets old deletes only', async () => {
    let now = NOW;
    const db = await openTest({ now: () => now });
    const { id } = await addBadge(db, newBadge({ n: 1 }));
    const old = await deleteBadge(db, id);
    now = new Date(NOW.getTime() + 2 * 86_400_000);
    const { id: id2 } = await addBadge(db, newBadge({ n: 2 }));
    const recent = await deleteBadge(db, id2);
    expect(await purgeTrash(db)).toBe(1);
    expect(await undoDelete(db, old ?? '')).toBeNull();
    expect((await undoDelete(db, recent ?? ''))?.restored).toEqual([id2]);
  });
});

describe('importFiles', () => {
  test('each file is its own transaction and reports its own fate', async () => {
    const db = await openTest();
    const out = await importFiles(db, [
      [newBadge({ n: 1 }), newBadge({ n: 2 })],
      [newBadge({ n: 3, bytes: new Uint8Array() })],
      [newBadge({ n: 1 })],
    ]);
    expect(out[0]).toMatchObject({ ok: true, results: [{ status: 'added' }, { status: 'added' }] });
    expect(out[1]).toMatchObject({ ok: false, error: { code: 'INPUT_EMPTY' } });
    expect(out[2]).toMatchObject({ ok: true, results: [{ status: 'duplicate' }] });
    expect(await db.badges.count()).toBe(2);
  });
});

describe('settings and cache', () => {
  test('settings round-trip; cache entries keep their date and can be pruned', async () => {
    const db = await openTest();
    expect(await getSetting(db, 'language')).toBeUndefined();
    await setSetting(db, 'language', 'ja');
    expect(await getSetting(db, 'language')).toBe('ja');
    const row = {
      url: 'https://a.example/list',
      status: 200,
      contentType: 'application/vc+jwt',
      body: utf8('eyJ'),
      fetchedAt: '2025-01-01T00:00:00.000Z',
    };
    await putCached(db, row);
    expect(await getCached(db, row.url)).toEqual(row);
    expect(await pruneCache(db, '2025-02-01T00:00:00.000Z')).toBe(1);
    expect(await getCached(db, row.url)).toBeUndefined();
  });
});
