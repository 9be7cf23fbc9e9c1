/**
 * The only door to the network. A check that needs a remote document (a did:web document, a
 * status list, an OB 2.0 key or hosted assertion) asks here. Offline, only the cache answers;
 * online, the network is asked first and the cache is the fallback. Every answer says when it was
 * fetched and whether it came from the cache (ssi's `MaybeCached`).
 */
import { tryParseJson } from '../formats/json.ts';

export interface RemoteResponse {
  readonly url: string;
  readonly status: number;
  readonly body: Uint8Array;
  readonly contentType: string | undefined;
  /** ISO date of the fetch that produced this body. */
  readonly fetchedAt: string;
  readonly fromCache: boolean;
}

export type RemoteResult =
  | { readonly ok: true; readonly response: RemoteResponse }
  | { readonly ok: false; readonly code: 'NEEDS_NETWORK' | 'FETCH_FAILED'; readonly detail?: string };

export interface RemoteCache {
  get(url: string): Promise<RemoteResponse | undefined>;
  put(response: RemoteResponse): Promise<void>;
}

export interface Remote {
  readonly online: boolean;
  get(url: string, options?: { accept?: string }): Promise<RemoteResult>;
}

export type FetchLike = (url: string, init: { headers: Record<string, string>; signal: AbortSignal; redirect: 'follow' }) => Promise<{
  status: number;
  headers: { get(name: string): string | null };
  arrayBuffer(): Promise<ArrayBuffer>;
}>;

export interface RemoteOptions {
  online: boolean;
  fetch?: FetchLike;
  cache?: RemoteCache;
  /** Largest body accepted (bytes). */
  maxBytes?: number;
  timeoutMs?: number;
  now?: () => Date;
}

export class MemoryCache implements RemoteCache {
  readonly #entries = new Map<string, RemoteResponse>();
  async get(url: string): Promise<RemoteResponse | undefined> {
    return this.#entries.get(url);
  }
  async put(response: RemoteResponse): Promise<void> {
    this.#entries.set(response.url, response);
  }
}

const ALLOWED_SCHEMES = ['https:', 'http:'];

export function createRemote(options: RemoteOptions): Remote {
  const cache = options.cache ?? new MemoryCache();
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const now = options.now ?? (() => new Date());
  const doFetch = options.fetch ?? (globalThis.fetch as unknown as FetchLike | undefined); // why: the platform fetch has a wider type than we use

  async function fromCache(url: string, code: 'NEEDS_NETWORK' | 'FETCH_FAILED', detail?: string): Promise<RemoteResult> {
    const hit = await cache.get(url);
    if (hit) return { ok: true, response: { ...hit, fromCache: true } };
    return detail === undefined ? { ok: false, code } : { ok: false, code, detail };
  }

  return {
    online: options.online,
    async get(url, opts) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return { ok: false, code: 'FETCH_FAILED', detail: 'not a URL' };
      }
      if (!ALLOWED_SCHEMES.includes(parsed.protocol)) return { ok: false, code: 'FETCH_FAILED', detail: 'scheme' };
      if (!options.online || !doFetch) return fromCache(url, 'NEEDS_NETWORK');
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      try {
        const res = await doFetch(url, {
          headers: { accept: opts?.accept ?? 'application/ld+json, application/json;q=0.9, */*;q=0.1' },
          signal: controller.signal,
          redirect: 'follow',
        });
        const length = Number(res.headers.get('content-length') ?? '0');
        if (length > maxBytes) return fromCache(url, 'FETCH_FAILED', `larger than ${maxBytes} bytes`);
        const body = new Uint8Array(await res.arrayBuffer());
        if (body.byteLength > maxBytes) return fromCache(url, 'FETCH_FAILED', `larger than ${maxBytes} bytes`);
        const response: RemoteResponse = {
          url,
          status: res.status,
          body,
          contentType: res.headers.get('content-type') ?? undefined,
          fetchedAt: now().toISOString(),
          fromCache: false,
        };
        // 2xx and 410 (an OB 2.0 revocation signal) are facts worth keeping for offline use.
        if ((res.status >= 200 && res.status < 300) || res.status === 410) await cache.put(response);
        return { ok: true, response };
      } catch (e) {
        return fromCache(url, 'FETCH_FAILED', e instanceof Error ? e.message : String(e));
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Parse a remote body as JSON, or undefined. */
export function remoteJson(response: RemoteResponse): unknown {
  return tryParseJson(new TextDecoder().decode(response.body));
}
