/**
 * A small HTTP(S) server on 127.0.0.1 for the protocol peers (issuers, exchanges): routes by method
 * and path (`GET /x`, or `GET /x/*` for everything under /x/), reads bounded bodies, answers JSON, and — when told an origin — the CORS headers a
 * browser wallet on that origin needs (a peer without them is the "issuer without CORS").
 * With `tls` (a self-signed certificate from `selfSignedCert`) it serves https, which the app's CSP
 * (`connect-src 'self' https:`) lets the browser reach.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttp, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PeerRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}
export interface PeerAnswer {
  readonly status?: number;
  readonly json?: unknown;
  readonly text?: string;
  readonly headers?: Record<string, string>;
}
export type Handler = (req: PeerRequest) => Promise<PeerAnswer> | PeerAnswer;

export interface ServeOptions {
  /** The browser origin allowed to call (CORS); undefined: no CORS headers at all. */
  readonly cors?: string;
  readonly tls?: { readonly key: string; readonly cert: string };
}

export interface Running {
  /** `http://127.0.0.1:<port>` or `https://127.0.0.1:<port>` */
  readonly base: string;
  /** Every request seen, in order (method and path). */
  readonly log: string[];
  close(): Promise<void>;
}

function readBody(req: IncomingMessage, limit = 1_000_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) reject(new Error('body too large'));
      else parts.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

export async function serve(routes: Record<string, Handler>, options: ServeOptions = {}): Promise<Running> {
  const log: string[] = [];
  let base = '';
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const url = new URL(req.url ?? '/', base);
      log.push(`${req.method ?? 'GET'} ${url.pathname}`);
      const cors: Record<string, string> = options.cors
        ? { 'access-control-allow-origin': options.cors, 'access-control-allow-headers': 'content-type, authorization, dpop', 'access-control-allow-methods': 'GET, POST', 'access-control-expose-headers': 'dpop-nonce, www-authenticate', vary: 'origin' }
        : {};
      if (req.method === 'OPTIONS') {
        res.writeHead(options.cors ? 204 : 405, cors).end();
        return;
      }
      const method = req.method ?? 'GET';
      // An exact route, else the longest `METHOD /prefix/*` route the path falls under.
      const handler =
        routes[`${method} ${url.pathname}`] ??
        Object.entries(routes)
          .filter(([k]) => k.endsWith('/*') && k.startsWith(`${method} `) && url.pathname.startsWith(k.slice(method.length + 1, -1)))
          .sort(([a], [b]) => b.length - a.length)[0]?.[1];
      let answer: PeerAnswer;
      try {
        answer = handler ? await handler({ method: req.method ?? 'GET', url, headers: req.headers, body: await readBody(req) }) : { status: 404, json: { error: 'not_found' } };
      } catch (e) {
        answer = { status: 500, json: { error: 'server_error', error_description: e instanceof Error ? e.message : String(e) } };
      }
      const body = answer.json !== undefined ? JSON.stringify(answer.json) : (answer.text ?? '');
      res.writeHead(answer.status ?? 200, { 'content-type': answer.json !== undefined ? 'application/json' : 'text/plain', 'cache-control': 'no-store', ...cors, ...answer.headers });
      res.end(body);
    })();
  };
  const server: Server = options.tls ? createHttps({ key: options.tls.key, cert: options.tls.cert }, listener) : createHttp(listener);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `${options.tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    log,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections?.();
        server.close(() => r());
      }),
  };
}

/** A fresh self-signed certificate for 127.0.0.1 (openssl), for https peers in browser tests. */
export function selfSignedCert(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tsumiki-cert-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A form-encoded or JSON body as an object. */
export function bodyObject(req: PeerRequest): Record<string, unknown> {
  const type = String(req.headers['content-type'] ?? '');
  if (type.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(req.body));
  return req.body ? (JSON.parse(req.body) as Record<string, unknown>) : {};
}

/** Request headers as a Fetch `Headers` (what the openid4vc server helpers read). */
export function headersOf(req: PeerRequest): Headers {
  const h = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') h.set(k, v);
  return h;
}
