// Tests written for StrykerJS (`npm run mutate`): the strict JSON-LD document loader (loader.ts) and the
// remote door (remote.ts), called directly.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { contextLoader, createLoader, UnknownContextError, unknownContextIn } from '../../../src/lib/verify/loader.ts';
import { KeyResolutionError } from '../../../src/lib/verify/keys.ts';
import { createRemote, MemoryCache, remoteJson, type FetchLike, type Remote } from '../../../src/lib/verify/remote.ts';
import { generateDidKey, NOW, type DidKey } from '../../support/issuer.ts';

const VC_V2 = 'https://www.w3.org/ns/credentials/v2';
const offline = createRemote({ online: false });
let key: DidKey;
beforeAll(async () => {
  key = await generateDidKey('Ed25519');
});

describe('unknownContextIn: our error, however jsonld.js wraps it', () => {
  it('found directly, as a cause, or in details.cause, up to five levels deep', () => {
    const e = new UnknownContextError('https://x.test/ctx');
    expect(e.message).toBe('JSON-LD context https://x.test/ctx is not bundled with Tsumiki');
    expect(e.name).toBe('UnknownContextError');
    expect(unknownContextIn(e)).toBe(e);
    expect(unknownContextIn({ details: { cause: e } })).toBe(e);
    expect(unknownContextIn({ cause: { details: { cause: e } } })).toBe(e);
    let deep: unknown = e;
    for (let i = 0; i < 6; i++) deep = { cause: deep };
    expect(unknownContextIn(deep)).toBe(e);
    expect(unknownContextIn({ cause: deep })).toBeUndefined();
    expect(unknownContextIn(new Error('other'))).toBeUndefined();
    expect(unknownContextIn(null)).toBeUndefined();
    expect(unknownContextIn('string')).toBeUndefined();
  });

  it('no deeper than five levels through details.cause either; a chain that loops ends', () => {
    const e = new UnknownContextError('https://x.test/ctx');
    let deep: unknown = e;
    for (let i = 0; i < 6; i++) deep = { details: { cause: deep } };
    expect(unknownContextIn(deep)).toBe(e);
    expect(unknownContextIn({ details: { cause: deep } })).toBeUndefined();
    const loop: { cause?: unknown; details?: { cause?: unknown } } = {};
    loop.cause = loop;
    loop.details = { cause: loop };
    expect(unknownContextIn(loop)).toBeUndefined();
  });
});

describe('contextLoader and createLoader', () => {
  it('bundled contexts are served as static documents; anything else is an unknown context', async () => {
    expect(await contextLoader(VC_V2)).toMatchObject({ contextUrl: null, documentUrl: VC_V2, tag: 'static', document: { '@context': expect.any(Object) } });
    await expect(contextLoader('https://x.test/ctx')).rejects.toBeInstanceOf(UnknownContextError);
  });

  it('records the first unknown context, never fetching it', async () => {
    const { load, record } = createLoader(offline, new Set());
    await expect(load('https://x.test/a')).rejects.toThrow('JSON-LD context https://x.test/a is not bundled with Tsumiki');
    await expect(load('https://x.test/b')).rejects.toBeInstanceOf(UnknownContextError);
    expect(record.unknownContext).toBe('https://x.test/a');
    expect((await load(VC_V2)).tag).toBe('static');
  });

  it('serves the methods the proofs name, and then their controllers; a bare did:key is both', async () => {
    const { load, record } = createLoader(offline, new Set([key.vm, key.did]));
    const method = await load(key.vm);
    expect(method).toEqual({ contextUrl: null, documentUrl: key.vm, document: expect.objectContaining({ id: key.vm, type: 'Multikey', controller: key.did }) });
    expect(record.methods.get(key.vm)?.controller).toBe(key.did);
    // The controller document, now known, is served without a method ref for it.
    const { load: load2 } = createLoader(offline, new Set([key.vm]));
    await load2(key.vm);
    expect((await load2(key.did)).document).toMatchObject({ id: key.did, assertionMethod: [key.vm] });
    // A bare did:key asked first: the controller document with the method's members.
    const { load: load3 } = createLoader(offline, new Set([key.did]));
    const bare = await load3(key.did);
    expect(bare.document).toMatchObject({ id: key.did, type: 'Multikey', controller: key.did, assertionMethod: [key.did], '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'] });
    // Served again from the record.
    expect(await load(key.vm)).toEqual(method);
  });

  it('a method that cannot be resolved: the first key error is recorded and thrown', async () => {
    const { load, record } = createLoader(offline, new Set(['did:web:k.test#a', 'did:web:k.test#b']));
    await expect(load('did:web:k.test#a')).rejects.toBeInstanceOf(KeyResolutionError);
    await expect(load('did:web:k.test#b')).rejects.toBeInstanceOf(KeyResolutionError);
    expect(record.keyError?.message).toBe('https://k.test/.well-known/did.json could not be fetched');
    expect(record.unknownContext).toBeUndefined();
  });
});

describe('the remote door', () => {
  const served = (status: number, body: string, headers: Record<string, string> = {}): FetchLike => async () => ({
    status,
    headers: { get: (n: string) => headers[n.toLowerCase()] ?? null },
    arrayBuffer: async () => new TextEncoder().encode(body).buffer as ArrayBuffer,
  });

  it('only http and https URLs; not a URL at all', async () => {
    const remote = createRemote({ online: true, fetch: served(200, '{}') });
    expect(await remote.get('ftp://x.test/a')).toEqual({ ok: false, code: 'FETCH_FAILED', detail: 'scheme' });
    expect(await remote.get('not a url')).toEqual({ ok: false, code: 'FETCH_FAILED', detail: 'not a URL' });
    expect((await remote.get('http://x.test/a')).ok).toBe(true);
  });

  it('offline (or with no fetch): the cache answers, marked so; else NEEDS_NETWORK', async () => {
    const cache = new MemoryCache();
    await cache.put({ url: 'https://x.test/a', status: 200, body: new Uint8Array([1]), contentType: 'application/json', fetchedAt: '2026-01-01T00:00:00.000Z', fromCache: false });
    expect(await createRemote({ online: false, cache }).get('https://x.test/a')).toEqual({ ok: true, response: { url: 'https://x.test/a', status: 200, body: new Uint8Array([1]), contentType: 'application/json', fetchedAt: '2026-01-01T00:00:00.000Z', fromCache: true } });
    expect(await createRemote({ online: false, cache }).get('https://x.test/b')).toEqual({ ok: false, code: 'NEEDS_NETWORK' });
    expect(createRemote({ online: false }).online).toBe(false);
  });

  it('online: the response with its date; 2xx and 410 are cached, other statuses are not', async () => {
    const cache = new MemoryCache();
    const remote = createRemote({ online: true, cache, fetch: served(200, '{"a":1}', { 'content-type': 'application/json' }), now: () => NOW });
    const got = await remote.get('https://x.test/a');
    expect(got).toEqual({ ok: true, response: { url: 'https://x.test/a', status: 200, body: new TextEncoder().encode('{"a":1}'), contentType: 'application/json', fetchedAt: NOW.toISOString(), fromCache: false } });
    expect(got.ok && remoteJson(got.response)).toEqual({ a: 1 });
    expect(await cache.get('https://x.test/a')).toBeDefined();
    for (const [status, kept] of [[204, true], [299, true], [410, true], [199, false], [300, false], [404, false]] as const) {
      const c = new MemoryCache();
      await createRemote({ online: true, cache: c, fetch: served(status, 'x') }).get('https://x.test/s');
      expect(await c.get('https://x.test/s'), String(status)).toEqual(kept ? expect.objectContaining({ status }) : undefined);
    }
    expect(await createRemote({ online: true, fetch: served(200, 'x') }).get('https://x.test/n')).toMatchObject({ ok: true, response: { contentType: undefined } });
  });

  it('larger than allowed, by its header or its body: FETCH_FAILED (or the cached copy)', async () => {
    const big = createRemote({ online: true, maxBytes: 4, fetch: served(200, '12345') });
    expect(await big.get('https://x.test/a')).toEqual({ ok: false, code: 'FETCH_FAILED', detail: 'larger than 4 bytes' });
    const exact = createRemote({ online: true, maxBytes: 5, fetch: served(200, '12345') });
    expect((await exact.get('https://x.test/a')).ok).toBe(true);
    const claimed = createRemote({ online: true, maxBytes: 4, fetch: served(200, '1', { 'content-length': '5' }) });
    expect(await claimed.get('https://x.test/a')).toEqual({ ok: false, code: 'FETCH_FAILED', detail: 'larger than 4 bytes' });
    const honest = createRemote({ online: true, maxBytes: 4, fetch: served(200, '1', { 'content-length': '4' }) });
    expect((await honest.get('https://x.test/a')).ok).toBe(true);
  });

  it('a failed fetch: the cached copy, else FETCH_FAILED with why; the accept header is passed on', async () => {
    const cache = new MemoryCache();
    await cache.put({ url: 'https://x.test/a', status: 200, body: new Uint8Array(), contentType: undefined, fetchedAt: 'then', fromCache: false });
    const seen: string[] = [];
    const failing: FetchLike = async (_url, init) => {
      seen.push(init.headers.accept ?? '');
      throw new Error('connection refused');
    };
    expect(await createRemote({ online: true, cache, fetch: failing }).get('https://x.test/a')).toMatchObject({ ok: true, response: { fromCache: true, fetchedAt: 'then' } });
    expect(await createRemote({ online: true, fetch: failing }).get('https://x.test/b', { accept: 'application/did+json' })).toEqual({ ok: false, code: 'FETCH_FAILED', detail: 'connection refused' });
    expect(seen).toEqual(['application/ld+json, application/json;q=0.9, */*;q=0.1', 'application/did+json']);
    expect(await createRemote({ online: true, fetch: async () => Promise.reject('plain') }).get('https://x.test/c')).toEqual({ ok: false, code: 'FETCH_FAILED', detail: 'plain' });
  });

  it('a fetch that takes too long is aborted', async () => {
    const slow: FetchLike = (_url, init) =>
      new Promise((_, reject) => {
        init.signal.addEventListener('abort', () => reject(new Error('aborted')));
      });
    expect(await createRemote({ online: true, timeoutMs: 10, fetch: slow }).get('https://x.test/slow')).toEqual({ ok: false, code: 'FETCH_FAILED', detail: 'aborted' });
  });

  it('remoteJson: JSON or undefined', () => {
    const r = (s: string) => ({ url: 'u', status: 200, body: new TextEncoder().encode(s), contentType: undefined, fetchedAt: '', fromCache: false });
    expect(remoteJson(r('[1]'))).toEqual([1]);
    expect(remoteJson(r('nope'))).toBeUndefined();
  });
});

describe('mutants: loader.ts (second run)', () => {
  it('a method with a fragment is served as the method alone, not merged with its controller document', async () => {
    const { load, record } = createLoader(offline, new Set([key.vm]));
    const m = (await load(key.vm)).document;
    expect(m).toEqual(record.methods.get(key.vm)?.method);
    expect(m).toEqual({ '@context': 'https://w3id.org/security/multikey/v1', id: key.vm, type: 'Multikey', controller: key.did, publicKeyMultibase: key.pair.publicKeyMultibase });
  });

  it('a method asked for again is served from the record: its document is fetched once', async () => {
    const did = 'did:web:once.mutants.test';
    const doc = { '@context': ['https://www.w3.org/ns/did/v1'], id: did, verificationMethod: [{ id: '#key-1', type: 'Multikey', controller: did, publicKeyMultibase: key.pair.publicKeyMultibase }], assertionMethod: ['#key-1'] };
    const fetched: string[] = [];
    const fetch: FetchLike = async (url) => {
      fetched.push(url);
      return { status: 200, headers: { get: () => null }, arrayBuffer: async () => new TextEncoder().encode(JSON.stringify(doc)).buffer as ArrayBuffer };
    };
    const { load } = createLoader(createRemote({ online: true, fetch, now: () => NOW }), new Set([`${did}#key-1`]));
    const first = await load(`${did}#key-1`);
    expect(await load(`${did}#key-1`)).toEqual(first);
    expect(fetched).toEqual(['https://once.mutants.test/.well-known/did.json']);
  });

  it('an error that is no KeyResolutionError is thrown on, and not recorded as the key error', async () => {
    const broken: Remote = { online: true, get: async () => Promise.reject(new Error('remote broke')) };
    const { load, record } = createLoader(broken, new Set(['did:web:broken.mutants.test#k']));
    await expect(load('did:web:broken.mutants.test#k')).rejects.toThrow('remote broke');
    expect(record.keyError).toBeUndefined();
  });
});

describe('mutants: remote.ts (second run)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  /** A fetch that never answers until aborted; it hands out the signal it was given. */
  const hanging = (signals: AbortSignal[]): FetchLike => (_url, init) =>
    new Promise((_, reject) => {
      signals.push(init.signal);
      init.signal.addEventListener('abort', () => reject(new Error('aborted')));
    });

  it('a fetch is aborted after the timeout given, or after 10 s by default (fake clock)', async () => {
    vi.useFakeTimers();
    for (const [timeoutMs, wait] of [[50, 50], [undefined, 10_000]] as const) {
      const signals: AbortSignal[] = [];
      const got = createRemote({ online: true, fetch: hanging(signals), ...(timeoutMs === undefined ? {} : { timeoutMs }) }).get('https://x.test/slow');
      await vi.advanceTimersByTimeAsync(wait - 1);
      expect(signals[0]?.aborted, `${timeoutMs}`).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(signals[0]?.aborted, `${timeoutMs}`).toBe(true);
      expect(await got).toEqual({ ok: false, code: 'FETCH_FAILED', detail: 'aborted' });
    }
  });

  it('a fetch that has answered is never aborted later (fake clock)', async () => {
    vi.useFakeTimers();
    const signals: AbortSignal[] = [];
    const fetch: FetchLike = async (_url, init) => {
      signals.push(init.signal);
      return { status: 200, headers: { get: () => null }, arrayBuffer: async () => new ArrayBuffer(0) };
    };
    expect((await createRemote({ online: true, fetch, timeoutMs: 50 }).get('https://x.test/a')).ok).toBe(true);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(signals[0]?.aborted).toBe(false);
  });

  it('redirects are followed (a real HTTP peer on 127.0.0.1, the platform fetch)', async () => {
    const server: Server = createServer((req, res) => {
      if (req.url === '/old') {
        res.writeHead(302, { location: '/new' }).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"moved":true}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const got = await createRemote({ online: true }).get(`http://127.0.0.1:${port}/old`);
      expect(got).toMatchObject({ ok: true, response: { url: `http://127.0.0.1:${port}/old`, status: 200 } });
      expect(got.ok && remoteJson(got.response)).toEqual({ moved: true });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
