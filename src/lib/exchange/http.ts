/**
 * The one door for protocol calls to issuers and verifiers (OpenID4VCI, OpenID4VP, VC-API
 * exchanges, DCC credential requests). Unlike `verify/remote.ts` (read-only look-ups, cached), these
 * are conversations the user started: never cached, never retried.
 *
 * - https only; plain http only for `localhost` and `127.0.0.1` (local test peers). Redirects are
 *   followed only to URLs that pass the same rule.
 * - The answer is read up to a bound (1 MiB by default) and never further.
 * - Every failure is a TsumikiError whose `data.step` names the step of the protocol (the caller
 *   says which) and whose code says why: the peer refused (`EXCHANGE_REFUSED`, with the HTTP status
 *   and the OAuth `error`/`error_description` when the peer gave them), could not be reached
 *   (`EXCHANGE_NETWORK`), answered something unreadable (`EXCHANGE_BAD_RESPONSE`), too much
 *   (`EXCHANGE_TOO_LARGE`).
 * - In a browser a cross-origin request the peer did not allow (no CORS headers) fails with a bare
 *   TypeError, indistinguishable from "offline" by design of fetch. When the page is online and the
 *   request went to another origin, that TypeError is reported as `ISSUER_NO_CORS` /
 *   `VERIFIER_NO_CORS` ("this issuer does not let browser wallets collect badges; use the CLI or ask
 *   the issuer"), never as a vague network error. Node has no origin, so there it is always
 *   `EXCHANGE_NETWORK`.
 *
 * No DOM types: the page's origin and online state are read through `globalThis` when present.
 */
import { TsumikiError, type ErrorCode } from '../errors.ts';
import { parseJson } from '../formats/json.ts';
import type { JsonValue } from '../model/credential.ts';

/** Who answers: the words of a CORS failure differ ("collect badges" / "answer verifiers"). */
export type ExchangePeer = 'issuer' | 'verifier';

/**
 * The step of a protocol a request belongs to; it is part of every error (`data.step`) so a
 * failure says where it happened. Free text for other protocols, but these have words in EN/JA.
 */
export type ExchangeStep =
  | 'offer' // fetching a credential offer by reference (credential_offer_uri)
  | 'metadata' // issuer or authorization server metadata
  | 'token' // the access token (pre-authorized code, PIN)
  | 'nonce' // the issuer's nonce endpoint
  | 'credential' // the credential request
  | 'interaction' // a VC-API interaction URL
  | 'exchange' // a VC-API exchange
  | 'request' // a DCC credential request, an OpenID4VP request object
  | 'response'; // posting a presentation to a verifier

export const DEFAULT_MAX_BYTES = 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 30_000;
const MAX_REDIRECTS = 5;

export interface ExchangeFetchOptions {
  readonly peer: ExchangePeer;
  readonly step: ExchangeStep;
  /** Largest answer read, in bytes. */
  readonly maxBytes?: number;
  readonly timeoutMs?: number;
  /** The platform fetch by default; tests may hand in another. */
  readonly fetch?: typeof fetch;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The peer's origin as a person reads it (`https://issuer.example`), for "who is offering". */
export function originOf(url: string | URL): string {
  return new URL(url).origin;
}

/**
 * `url` as a URL a protocol call may go to: https, or http on localhost / 127.0.0.1. Throws
 * EXCHANGE_URL_INVALID (not a URL, other scheme, credentials in it) or EXCHANGE_URL_INSECURE.
 */
export function checkExchangeUrl(url: string | URL, step: ExchangeStep): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new TsumikiError('EXCHANGE_URL_INVALID', `${step}: not a URL: ${String(url).slice(0, 200)}`, { data: { step } });
  }
  if (u.username || u.password) throw new TsumikiError('EXCHANGE_URL_INVALID', `${step}: a URL with a user name or password is refused`, { data: { step } });
  if (u.protocol === 'https:') return u;
  if (u.protocol === 'http:') {
    if (LOCAL_HOSTS.has(u.hostname)) return u;
    throw new TsumikiError('EXCHANGE_URL_INSECURE', `${step}: ${u.origin} is plain http; only https is used (http only for localhost)`, { data: { step, url: u.origin } });
  }
  throw new TsumikiError('EXCHANGE_URL_INVALID', `${step}: ${u.protocol} URLs are not fetched`, { data: { step } });
}

interface PageLike {
  location?: { origin?: unknown };
  navigator?: { onLine?: unknown };
}

/** The page's origin in a browser (or a worker), undefined in Node. */
function pageOrigin(): string | undefined {
  const origin = (globalThis as PageLike).location?.origin;
  return typeof origin === 'string' && origin !== 'null' ? origin : undefined;
}

/** How a thrown fetch is told apart: the platform's cross-origin refusal, offline, a timeout, anything else. */
export function classifyFetchFailure(e: unknown, url: URL, peer: ExchangePeer, step: ExchangeStep, timedOut: boolean): TsumikiError {
  const reason = e instanceof Error ? e.message : String(e);
  if (timedOut) return new TsumikiError('EXCHANGE_NETWORK', `${step}: ${url.origin} did not answer in time`, { cause: e, data: { step, url: url.origin, reason: 'timeout' } });
  const origin = pageOrigin();
  const offline = (globalThis as PageLike).navigator?.onLine === false;
  if (e instanceof TypeError && origin !== undefined && origin !== url.origin && !offline) {
    const code: ErrorCode = peer === 'issuer' ? 'ISSUER_NO_CORS' : 'VERIFIER_NO_CORS';
    const words = peer === 'issuer' ? 'this issuer does not let browser wallets collect badges; use the CLI or ask the issuer' : 'this verifier does not let browser wallets answer; use the CLI or ask the verifier';
    return new TsumikiError(code, `${step}: ${words} (${url.origin})`, { cause: e, data: { step, url: url.origin } });
  }
  return new TsumikiError('EXCHANGE_NETWORK', `${step}: ${url.origin} could not be reached (${offline ? 'offline' : reason})`, { cause: e, data: { step, url: url.origin, reason: offline ? 'offline' : reason } });
}

async function readBounded(res: Response, maxBytes: number, url: URL, step: ExchangeStep): Promise<Uint8Array> {
  const tooLarge = () => new TsumikiError('EXCHANGE_TOO_LARGE', `${step}: the answer of ${url.origin} is larger than ${maxBytes} bytes`, { data: { step, url: url.origin, limit: maxBytes } });
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    parts.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/**
 * One protocol request. Resolves with the answer fully read (within the bound) as a new Response,
 * whatever its HTTP status; throws a coded TsumikiError when there is no answer to read. Usable as
 * the `fetch` callback of the OpenWallet Foundation libraries (see `exchangeFetchFor`).
 */
export async function exchangeFetch(input: string | URL, init: RequestInit, options: ExchangeFetchOptions): Promise<Response> {
  const url = checkExchangeUrl(input, options.step);
  const doFetch = options.fetch ?? globalThis.fetch;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const outer = init.signal;
  const onAbort = () => controller.abort();
  outer?.addEventListener('abort', onAbort);
  try {
    // Outside a page, redirects are followed here so each target is checked before it is asked;
    // a browser hides redirect targets ('manual' gives an opaque answer), so there the final URL is
    // checked (and the page's mixed-content rule already stops https → http).
    const inPage = pageOrigin() !== undefined;
    let target = url;
    let res: Response;
    for (let hops = 0; ; hops++) {
      try {
        res = await doFetch(target, { ...init, signal: controller.signal, redirect: inPage ? 'follow' : 'manual', credentials: 'omit' });
      } catch (e) {
        throw classifyFetchFailure(e, target, options.peer, options.step, timedOut);
      }
      const location = res.headers.get('location');
      if (inPage || res.status < 300 || res.status >= 400 || location === null) break;
      await res.body?.cancel().catch(() => undefined);
      if (hops >= MAX_REDIRECTS) throw new TsumikiError('EXCHANGE_BAD_RESPONSE', `${options.step}: too many redirects from ${url.origin}`, { data: { step: options.step, url: url.origin } });
      target = checkExchangeUrl(new URL(location, target), options.step);
      // A 303 (and, as browsers do, a 301/302 after POST) turns into a GET without a body.
      if (res.status === 303 || ((res.status === 301 || res.status === 302) && (init.method ?? 'GET').toUpperCase() === 'POST')) init = { ...init, method: 'GET', body: null };
    }
    if (res.redirected && res.url) checkExchangeUrl(res.url, options.step);
    let body: Uint8Array;
    try {
      body = await readBounded(res, options.maxBytes ?? DEFAULT_MAX_BYTES, url, options.step);
    } catch (e) {
      if (e instanceof TsumikiError) throw e;
      throw classifyFetchFailure(e, url, options.peer, options.step, timedOut);
    }
    const headers = new Headers(res.headers);
    headers.delete('content-encoding');
    headers.delete('content-length');
    const noBody = res.status === 204 || res.status === 205 || res.status === 304;
    return new Response(noBody ? null : (body as Uint8Array<ArrayBuffer>), { status: res.status, statusText: res.statusText, headers }); // why: a fresh Uint8Array is ArrayBuffer-backed
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onAbort);
  }
}

/** `exchangeFetch` with its options bound: the `fetch` callback handed to @openid4vc clients, one per step. */
export function exchangeFetchFor(options: ExchangeFetchOptions): typeof fetch {
  return ((input: RequestInfo | URL, init?: RequestInit) => {
    if (typeof input === 'object' && !(input instanceof URL)) {
      const req = input;
      return exchangeFetch(req.url, { method: req.method, headers: req.headers, body: init?.body, ...init }, options);
    }
    return exchangeFetch(input, init ?? {}, options);
  }) as typeof fetch; // why: fetch's type also carries static members (preconnect) that a callback never needs
}

export interface JsonAnswer {
  readonly status: number;
  readonly json: JsonValue;
  readonly headers: Headers;
}

/** The peer's refusal as words: HTTP status plus the OAuth-style `error` / `error_description` when given. */
export function refusalOf(status: number, json: JsonValue | undefined): { error?: string; description?: string; text: string } {
  const o = json !== null && typeof json === 'object' && !Array.isArray(json) ? json : {};
  const error = typeof o.error === 'string' ? o.error.slice(0, 200) : undefined;
  const description = typeof o.error_description === 'string' ? o.error_description.slice(0, 500) : typeof o.message === 'string' ? o.message.slice(0, 500) : undefined;
  const text = [String(status), error, description].filter((s) => s !== undefined).join(' ');
  return { ...(error !== undefined ? { error } : {}), ...(description !== undefined ? { description } : {}), text };
}

/** Parse an answer's bytes as bounded JSON; EXCHANGE_BAD_RESPONSE when it is not. */
export function answerJson(text: string, url: URL | string, step: ExchangeStep): JsonValue {
  try {
    return parseJson(text);
  } catch (e) {
    throw new TsumikiError('EXCHANGE_BAD_RESPONSE', `${step}: the answer of ${originOf(url)} is not readable JSON${e instanceof Error ? ` (${e.message})` : ''}`, { cause: e, data: { step, url: originOf(url) } });
  }
}

/**
 * A request whose answer must be JSON with a 2xx status. A non-2xx answer is EXCHANGE_REFUSED with
 * `data.status`, `data.error`, `data.description`; an unreadable one EXCHANGE_BAD_RESPONSE.
 */
export async function fetchJson(input: string | URL, init: RequestInit, options: ExchangeFetchOptions): Promise<JsonAnswer> {
  const res = await exchangeFetch(input, init, options);
  const text = await res.text();
  const url = new URL(input);
  if (!res.ok) {
    let json: JsonValue | undefined;
    try {
      json = text ? parseJson(text) : undefined;
    } catch {
      json = undefined;
    }
    const r = refusalOf(res.status, json);
    throw new TsumikiError('EXCHANGE_REFUSED', `${options.step}: ${url.origin} refused (${r.text})`, {
      data: { step: options.step, url: url.origin, status: res.status, ...(r.error !== undefined ? { error: r.error } : {}), ...(r.description !== undefined ? { description: r.description } : {}) },
    });
  }
  return { status: res.status, json: answerJson(text, url, options.step), headers: res.headers };
}

/** POST a JSON body and read a JSON answer (`fetchJson`). */
export function postJson(input: string | URL, body: unknown, options: ExchangeFetchOptions, headers: Record<string, string> = {}): Promise<JsonAnswer> {
  return fetchJson(input, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...headers }, body: JSON.stringify(body) }, options);
}
