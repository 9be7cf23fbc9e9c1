// The exchange door (src/lib/exchange/http.ts) against a real HTTP server on 127.0.0.1: scheme rule,
// bounded answers, coded refusals naming the step, and the browser's cross-origin classification.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TsumikiError } from '../../../src/lib/errors.ts';
import { checkExchangeUrl, classifyFetchFailure, exchangeFetch, fetchJson, postJson } from '../../../src/lib/exchange/http.ts';

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/ok') {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ hello: 'world' }));
    } else if (req.url === '/echo') {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => res.end(JSON.stringify({ got: JSON.parse(body), type: req.headers['content-type'] })));
    } else if (req.url === '/refuse') {
      res.statusCode = 400;
      res.end(JSON.stringify({ error: 'invalid_grant', error_description: 'bad code' }));
    } else if (req.url === '/big') {
      // No content-length: the bound must hold while streaming.
      res.write('['.padEnd(600_000, ' '));
      res.end(' 1]'.padStart(600_000, ' '));
    } else if (req.url === '/notjson') {
      res.end('<html>hello</html>');
    } else if (req.url === '/proto') {
      res.end('{"__proto__": {"x": 1}}');
    } else if (req.url === '/redirect-insecure') {
      res.statusCode = 302;
      res.setHeader('location', 'http://example.com/x');
      res.end();
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function codeOf(p: Promise<unknown>): Promise<{ code: string; data: Record<string, unknown> | undefined }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TsumikiError) return { code: e.code, data: e.data as Record<string, unknown> | undefined };
    throw e;
  }
  throw new Error('did not throw');
}

const opts = { peer: 'issuer', step: 'token' } as const;

describe('checkExchangeUrl', () => {
  it('accepts https anywhere and http only on localhost / 127.0.0.1', () => {
    expect(checkExchangeUrl('https://issuer.example/x', 'offer').href).toBe('https://issuer.example/x');
    expect(checkExchangeUrl('http://127.0.0.1:9/x', 'offer').hostname).toBe('127.0.0.1');
    expect(checkExchangeUrl('http://localhost/x', 'offer').hostname).toBe('localhost');
    expect(() => checkExchangeUrl('http://issuer.example/x', 'offer')).toThrow(expect.objectContaining({ code: 'EXCHANGE_URL_INSECURE' }));
    expect(() => checkExchangeUrl('http://127.0.0.1.evil.example/x', 'offer')).toThrow(expect.objectContaining({ code: 'EXCHANGE_URL_INSECURE' }));
    expect(() => checkExchangeUrl('file:///etc/passwd', 'offer')).toThrow(expect.objectContaining({ code: 'EXCHANGE_URL_INVALID' }));
    expect(() => checkExchangeUrl('https://user:pw@issuer.example/', 'offer')).toThrow(expect.objectContaining({ code: 'EXCHANGE_URL_INVALID' }));
    expect(() => checkExchangeUrl('not a url', 'offer')).toThrow(expect.objectContaining({ code: 'EXCHANGE_URL_INVALID' }));
  });
});

describe('fetchJson / postJson', () => {
  it('reads a JSON answer and posts JSON', async () => {
    expect((await fetchJson(`${base}/ok`, {}, opts)).json).toEqual({ hello: 'world' });
    expect((await postJson(`${base}/echo`, { a: 1 }, opts)).json).toEqual({ got: { a: 1 }, type: 'application/json' });
  });

  it('a refusal names the step, the status and the OAuth error', async () => {
    const { code, data } = await codeOf(fetchJson(`${base}/refuse`, {}, opts));
    expect(code).toBe('EXCHANGE_REFUSED');
    expect(data).toMatchObject({ step: 'token', status: 400, error: 'invalid_grant', description: 'bad code' });
  });

  it('an answer larger than the bound is refused while streaming', async () => {
    expect((await codeOf(fetchJson(`${base}/big`, {}, { ...opts, maxBytes: 100_000 }))).code).toBe('EXCHANGE_TOO_LARGE');
  });

  it('an answer that is not JSON, or a prototype-polluting one, is a bad response', async () => {
    expect((await codeOf(fetchJson(`${base}/notjson`, {}, opts))).code).toBe('EXCHANGE_BAD_RESPONSE');
    expect((await codeOf(fetchJson(`${base}/proto`, {}, opts))).code).toBe('EXCHANGE_BAD_RESPONSE');
  });

  it('a redirect to plain http elsewhere is refused', async () => {
    const { code } = await codeOf(exchangeFetch(`${base}/redirect-insecure`, {}, opts));
    // Refused before following: example.com is never asked.
    expect(code).toBe('EXCHANGE_URL_INSECURE');
  });

  it('a closed port is a network failure in Node (no page origin), naming the step', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    const { code, data } = await codeOf(fetchJson(`http://127.0.0.1:${port}/x`, {}, { peer: 'issuer', step: 'nonce' }));
    expect(code).toBe('EXCHANGE_NETWORK');
    expect(data).toMatchObject({ step: 'nonce' });
  });
});

describe('classifyFetchFailure', () => {
  const url = new URL('https://issuer.example/token');
  const withPage = (origin: string | undefined, onLine: boolean, f: () => void) => {
    const g = globalThis as unknown as { location?: unknown; navigator?: unknown };
    const saved = { location: Object.getOwnPropertyDescriptor(g, 'location'), navigator: Object.getOwnPropertyDescriptor(g, 'navigator') };
    Object.defineProperty(g, 'location', { value: origin === undefined ? undefined : { origin }, configurable: true });
    Object.defineProperty(g, 'navigator', { value: { onLine }, configurable: true });
    try {
      f();
    } finally {
      for (const [k, d] of Object.entries(saved)) {
        if (d) Object.defineProperty(g, k, d);
        else delete (g as Record<string, unknown>)[k];
      }
    }
  };

  it('in a page, a TypeError to another origin while online is the issuer not allowing browsers', () => {
    withPage('https://wallet.example', true, () => {
      const e = classifyFetchFailure(new TypeError('Failed to fetch'), url, 'issuer', 'token', false);
      expect(e.code).toBe('ISSUER_NO_CORS');
      expect(e.message).toContain('this issuer does not let browser wallets collect badges; use the CLI or ask the issuer');
      expect(classifyFetchFailure(new TypeError('Failed to fetch'), url, 'verifier', 'response', false).code).toBe('VERIFIER_NO_CORS');
    });
  });

  it('offline, same-origin, a timeout or Node is a network failure', () => {
    withPage('https://wallet.example', false, () => expect(classifyFetchFailure(new TypeError('x'), url, 'issuer', 'token', false).code).toBe('EXCHANGE_NETWORK'));
    withPage('https://issuer.example', true, () => expect(classifyFetchFailure(new TypeError('x'), url, 'issuer', 'token', false).code).toBe('EXCHANGE_NETWORK'));
    withPage('https://wallet.example', true, () => expect(classifyFetchFailure(new TypeError('x'), url, 'issuer', 'token', true).data).toMatchObject({ reason: 'timeout' }));
    withPage(undefined, true, () => expect(classifyFetchFailure(new TypeError('x'), url, 'issuer', 'token', false).code).toBe('EXCHANGE_NETWORK'));
  });
});
