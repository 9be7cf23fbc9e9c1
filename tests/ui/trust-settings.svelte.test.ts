/**
 * Settings → Trust lists (issue 12): a list is added only when it verifies and is valid, with the
 * refusal's code otherwise and nothing stored; a link is fetched, a blocked or failing fetch said
 * plainly; refresh keeps the enabled state; enable, disable, remove and unpin; every change asks for
 * the badges to be checked again.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { listTrustLists, putPin } from '../../src/lib/store/trust.ts';
import { createEnv } from '../../src/lib/verify/env.ts';
import { addTrustList, loadTrustLists } from '../../src/lib/wallet/trust.ts';
import { TrustSettings, listLink, type TrustDeps } from '../../src/ui/state/TrustSettings.svelte.ts';
import { openTest } from '../unit/store/helpers.ts';

// Client-transformed modules have web-style import.meta.url, so paths start from the project root.
const DEMO_LIST = new Uint8Array(readFileSync(join(process.cwd(), 'public/demo/trust-list.json')));
const NOW = new Date('2026-06-01T00:00:00Z');

async function setup(options: { now?: Date; fetch?: TrustDeps['fetch'] } = {}) {
  const db = await openTest();
  let rechecks = 0;
  const now = options.now ?? NOW;
  const trust = new TrustSettings({
    db,
    load: (at) => loadTrustLists(db, createEnv({ now: at })),
    add: (bytes, source, o) => addTrustList(db, bytes, source, createEnv({ now: o.now }), o.demo ? { demo: true } : {}),
    fetch: options.fetch ?? (() => Promise.reject(new TypeError('Failed to fetch'))),
    recheck: () => {
      rechecks++;
    },
    now: () => now,
  });
  return { db, trust, rechecks: () => rechecks };
}

test('a list from a file: verified, stored, shown with its publisher, kind, dates and entries; the badges are checked again', async () => {
  const { db, trust, rechecks } = await setup();
  await trust.load();
  expect(trust.lists).toEqual([]);
  await trust.addFile('trust-list.json', async () => DEMO_LIST);
  expect(trust.message).toMatchObject({ kind: 'success', key: 'trust.added', params: { count: 2 } });
  expect(trust.lists).toHaveLength(1);
  const [row] = trust.lists ?? [];
  expect(row).toMatchObject({ id: 'urn:tsumiki:demo:trust-list', source: 'trust-list.json', enabled: true });
  expect(row?.list).toMatchObject({ kind: 'recognized-entities', signed: true, validFrom: '2024-01-01T00:00:00.000Z', validUntil: '2035-12-31T23:59:59.000Z' });
  expect(row?.list?.publisher.name).toMatch(/not a real authority/);
  expect(row?.list?.entries.map((e) => e.namesByLang.en).sort()).toEqual(['Demo Open Learning (MOOC, demo)', 'Tsumiki Demo University (demo)']);
  expect(rechecks()).toBe(1);
  expect(await listTrustLists(db)).toHaveLength(1);
});

test('refused with its reason, nothing stored: tampered, expired, not yet valid, unreadable, too large', async () => {
  const tampered = new TextEncoder().encode(new TextDecoder().decode(DEMO_LIST).replace('Tsumiki Demo University (demo)', 'The University of Tokyo'));
  const cases: [string, Date, Uint8Array, string][] = [
    ['tampered', NOW, tampered, 'TRUST_LIST_NOT_VERIFIED'],
    ['expired', new Date('2036-06-01T00:00:00Z'), DEMO_LIST, 'TRUST_LIST_EXPIRED'],
    ['not yet valid', new Date('2023-06-01T00:00:00Z'), DEMO_LIST, 'TRUST_LIST_NOT_YET_VALID'],
    ['unreadable', NOW, new TextEncoder().encode('{"hello":"world"}'), 'TRUST_LIST_UNREADABLE'],
    ['too large', NOW, new Uint8Array(4 * 1024 * 1024 + 1), 'TRUST_LIST_TOO_LARGE'],
  ];
  for (const [name, now, bytes, code] of cases) {
    const { db, trust, rechecks } = await setup({ now });
    await trust.addFile(`${name}.json`, async () => bytes);
    expect(trust.message, name).toMatchObject({ kind: 'error', key: 'trust.refused', code });
    expect(trust.message?.detail, name).toBeTruthy();
    expect(await listTrustLists(db), name).toEqual([]);
    expect(rechecks(), name).toBe(0);
  }
});

test('a link: only https; a blocked fetch and an HTTP error said plainly; a good one stored with its URL', async () => {
  expect(listLink('http://example.org/list.json')).toBeNull();
  expect(listLink('not a link')).toBeNull();
  expect(listLink(' https://lists.example.org/a.json ')).toEqual({ url: 'https://lists.example.org/a.json', host: 'lists.example.org' });

  const blocked = await setup();
  await blocked.trust.addLink('https://lists.example.org/a.json');
  expect(blocked.trust.message).toMatchObject({ kind: 'error', key: 'trust.fetchBlocked', params: { host: 'lists.example.org' } });
  await blocked.trust.addLink('http://lists.example.org/a.json');
  expect(blocked.trust.message).toMatchObject({ kind: 'error', key: 'trust.linkInvalid' });

  const missing = await setup({ fetch: async () => ({ ok: false, status: 404, arrayBuffer: async () => new ArrayBuffer(0) }) });
  await missing.trust.addLink('https://lists.example.org/a.json');
  expect(missing.trust.message).toMatchObject({ kind: 'error', key: 'trust.fetchHttp', params: { status: 404 } });

  const fetched: string[] = [];
  const good = await setup({
    fetch: async (url) => {
      fetched.push(url);
      return { ok: true, status: 200, arrayBuffer: async () => DEMO_LIST.slice().buffer };
    },
  });
  await good.trust.addLink('https://lists.example.org/a.json');
  expect(fetched).toEqual(['https://lists.example.org/a.json']);
  expect(good.trust.message).toMatchObject({ kind: 'success', key: 'trust.added' });
  expect(good.trust.lists?.[0]?.source).toBe('https://lists.example.org/a.json');

  // Refresh: fetched again, still the same list; a disabled list stays disabled.
  await good.trust.setEnabled('urn:tsumiki:demo:trust-list', false);
  expect(good.trust.lists?.[0]?.enabled).toBe(false);
  await good.trust.refresh('urn:tsumiki:demo:trust-list');
  expect(fetched).toHaveLength(2);
  expect(good.trust.message).toMatchObject({ kind: 'success', key: 'trust.refreshed' });
  expect(good.trust.lists).toHaveLength(1);
  expect(good.trust.lists?.[0]?.enabled).toBe(false);
  expect(good.rechecks()).toBe(3); // added, disabled, refreshed
});

test('enable, disable, remove; pins listed and removed; each change asks for a re-check', async () => {
  const { db, trust, rechecks } = await setup();
  await trust.addFile('trust-list.json', async () => DEMO_LIST);
  await trust.setEnabled('urn:tsumiki:demo:trust-list', false);
  expect(trust.message?.key).toBe('trust.disabledDone');
  expect((await listTrustLists(db))[0]?.stored.enabled).toBe(false);
  await trust.setEnabled('urn:tsumiki:demo:trust-list', true);
  expect(trust.lists?.[0]?.enabled).toBe(true);
  await trust.remove('urn:tsumiki:demo:trust-list');
  expect(trust.lists).toEqual([]);
  expect(trust.message?.key).toBe('trust.removed');

  await putPin(db, { issuerId: 'did:key:z6MkpinB', name: 'Kyoto Test Academy', note: 'met at the fair', pinnedAt: '2026-05-02T00:00:00Z' });
  await putPin(db, { issuerId: 'did:key:z6MkpinA', name: null, note: '', pinnedAt: '2026-05-01T00:00:00Z' });
  await trust.load();
  expect(trust.pins.map((p) => p.issuerId)).toEqual(['did:key:z6MkpinA', 'did:key:z6MkpinB']); // oldest first
  await trust.removePin('did:key:z6MkpinA');
  expect(trust.pins.map((p) => p.issuerId)).toEqual(['did:key:z6MkpinB']);
  expect(trust.message?.key).toBe('pin.removed');
  expect(rechecks()).toBe(5);
});

test('a list that no longer verifies is shown with its reason and left out', async () => {
  const { db, trust } = await setup();
  await trust.addFile('trust-list.json', async () => DEMO_LIST);
  // Ten years on, the stored list has run out: shown, with why, never used.
  const later = new TrustSettings({
    db,
    load: (at) => loadTrustLists(db, createEnv({ now: at })),
    add: () => Promise.reject(new Error('unused')),
    fetch: () => Promise.reject(new Error('unused')),
    recheck: () => undefined,
    now: () => new Date('2036-06-01T00:00:00Z'),
  });
  await later.load();
  expect(later.lists?.[0]).toMatchObject({ id: 'urn:tsumiki:demo:trust-list', problem: { code: 'TRUST_LIST_EXPIRED' } });
  expect(later.lists?.[0]?.list).toBeUndefined();
});
