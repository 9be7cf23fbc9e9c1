/**
 * Settings → Trust lists (issue 12): the lists the user added — each read and verified again from its
 * stored text, shown with its publisher, kind, date, validity, entries and whether it verifies now
 * (and why not) — and the user's pins. Add a list from a file, or from a link fetched only after a
 * yes; refresh a linked list (after a yes); enable, disable, remove; remove a pin. A list that does
 * not verify, is out of date or names nobody is refused with its reason, and nothing is stored.
 * After every change the stored badges are checked again offline, so their headlines follow.
 */
import type { WalletDb } from '../../lib/store/db.ts';
import { listPins, removePin, removeTrustList, setTrustListEnabled, type StoredPin } from '../../lib/store/trust.ts';
import type { LoadedTrustList } from '../../lib/wallet/trust.ts';
import type { MessageKey } from './I18n.svelte.ts';
import type { TrustAddResult } from './verifier.ts';

/** Largest list fetched or read (MAX_TRUST_TEXT of the store). */
export const MAX_LIST_BYTES = 4 * 1024 * 1024;

export interface TrustDeps {
  readonly db: WalletDb | Promise<WalletDb>;
  /** Every stored list, verified again at `now` (the app: in the verify worker). */
  readonly load: (now: Date) => Promise<readonly LoadedTrustList[] | { readonly code: string; readonly message: string }>;
  /** Verify and store a list (the app: `addTrustList` in the verify worker). */
  readonly add: (bytes: Uint8Array, source: string, options: { readonly now: Date; readonly online: boolean; readonly demo?: boolean }) => Promise<TrustAddResult>;
  /** The network, for a list's link (only after the user said yes). */
  readonly fetch: (url: string) => Promise<{ readonly ok: boolean; readonly status: number; arrayBuffer(): Promise<ArrayBuffer> }>;
  /** The stored badges checked again (after any change). */
  readonly recheck: () => void;
  readonly now?: () => Date;
}

/** What the panel says after an action: a message key and its values, and a technical detail. */
export interface TrustMessage {
  readonly kind: 'success' | 'error';
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, string | number>>;
  /** The refusal's code (TRUST_LIST_EXPIRED…), and the core's technical words. */
  readonly code?: string;
  readonly detail?: string;
}

/** An https link, or why not. */
export function listLink(text: string): { readonly url: string; readonly host: string } | null {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'https:' ? { url: url.href, host: url.host } : null;
  } catch {
    return null;
  }
}

export class TrustSettings {
  readonly #deps: TrustDeps;
  /** null until loaded. */
  lists = $state.raw<readonly LoadedTrustList[] | null>(null);
  pins = $state.raw<readonly StoredPin[]>([]);
  loadProblem = $state.raw<string | null>(null);
  busy = $state(false);
  message = $state.raw<TrustMessage | null>(null);

  constructor(deps: TrustDeps) {
    this.#deps = deps;
  }

  #now(): Date {
    return this.#deps.now?.() ?? new Date();
  }

  async load(): Promise<void> {
    const [lists, pins] = await Promise.all([this.#deps.load(this.#now()), Promise.resolve(this.#deps.db).then((db) => listPins(db)).catch(() => [] as StoredPin[])]);
    if ('code' in lists) {
      this.loadProblem = lists.message;
      this.lists ??= [];
    } else {
      this.loadProblem = null;
      this.lists = [...lists].sort((a, b) => a.addedAt.localeCompare(b.addedAt));
    }
    this.pins = [...pins].sort((a, b) => a.pinnedAt.localeCompare(b.pinnedAt));
  }

  async #changed(): Promise<void> {
    await this.load();
    this.#deps.recheck();
  }

  /** Refused (nothing stored) or added; then the badges are checked again. */
  async #add(bytes: Uint8Array, source: string, online: boolean): Promise<TrustAddResult> {
    if (bytes.byteLength > MAX_LIST_BYTES) {
      const r: TrustAddResult = { ok: false, code: 'TRUST_LIST_TOO_LARGE', message: `${bytes.byteLength} bytes` };
      this.message = { kind: 'error', key: 'trust.refused', code: r.code, detail: r.message };
      return r;
    }
    const r = await this.#deps.add(bytes, source, { now: this.#now(), online });
    if (r.ok) {
      this.message = { kind: 'success', key: 'trust.added', params: { name: r.list.publisher.name ?? r.list.publisher.id ?? source, count: r.list.entries.length } };
      await this.#changed();
    } else {
      this.message = { kind: 'error', key: 'trust.refused', code: r.code, detail: r.message };
    }
    return r;
  }

  /** A list from a file the user chose. */
  async addFile(name: string, read: () => Promise<Uint8Array>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.message = null;
    try {
      await this.#add(await read(), name, false);
    } catch (e) {
      this.message = { kind: 'error', key: 'trust.refused', code: 'FILE_UNREADABLE', detail: e instanceof Error ? e.message : String(e) };
    } finally {
      this.busy = false;
    }
  }

  /** The bytes at a link (the user said yes), or a message saying plainly why not. */
  async #fetch(url: string): Promise<Uint8Array | null> {
    const host = listLink(url)?.host ?? url;
    let response: Awaited<ReturnType<TrustDeps['fetch']>>;
    try {
      response = await this.#deps.fetch(url);
    } catch {
      // A fetch that throws: no network, or the publisher does not let other sites read it (no CORS permission).
      this.message = { kind: 'error', key: 'trust.fetchBlocked', params: { host }, code: 'URL_FETCH_FAILED' };
      return null;
    }
    if (!response.ok) {
      this.message = { kind: 'error', key: 'trust.fetchHttp', params: { host, status: response.status }, code: 'URL_FETCH_FAILED' };
      return null;
    }
    return new Uint8Array(await response.arrayBuffer());
  }

  /** A list from an https link, fetched now (call only after the user agreed). */
  async addLink(text: string): Promise<void> {
    const link = listLink(text);
    if (!link) {
      this.message = { kind: 'error', key: 'trust.linkInvalid' };
      return;
    }
    if (this.busy) return;
    this.busy = true;
    this.message = null;
    try {
      const bytes = await this.#fetch(link.url);
      if (bytes) await this.#add(bytes, link.url, true);
    } finally {
      this.busy = false;
    }
  }

  /** Fetches a linked list again (call only after the user agreed); it keeps its enabled state. */
  async refresh(id: string): Promise<void> {
    const row = this.lists?.find((l) => l.id === id);
    const link = row ? listLink(row.source) : null;
    if (!row || !link || this.busy) return;
    this.busy = true;
    this.message = null;
    try {
      const bytes = await this.#fetch(link.url);
      if (!bytes) return;
      const r = await this.#deps.add(bytes, link.url, { now: this.#now(), online: true });
      if (!r.ok) {
        // The stored list stays as it was: a refresh that does not verify replaces nothing.
        this.message = { kind: 'error', key: 'trust.refreshRefused', code: r.code, detail: r.message };
        return;
      }
      const db = await this.#deps.db;
      if (r.id !== id) await removeTrustList(db, id);
      if (!row.enabled) await setTrustListEnabled(db, r.id, false);
      this.message = { kind: 'success', key: 'trust.refreshed', params: { name: r.list.publisher.name ?? r.list.publisher.id ?? link.host, count: r.list.entries.length } };
      await this.#changed();
    } finally {
      this.busy = false;
    }
  }

  async setEnabled(id: string, enabled: boolean): Promise<void> {
    await setTrustListEnabled(await this.#deps.db, id, enabled);
    this.message = { kind: 'success', key: enabled ? 'trust.enabledDone' : 'trust.disabledDone' };
    await this.#changed();
  }

  async remove(id: string): Promise<void> {
    await removeTrustList(await this.#deps.db, id);
    this.message = { kind: 'success', key: 'trust.removed' };
    await this.#changed();
  }

  async removePin(issuerId: string): Promise<void> {
    await removePin(await this.#deps.db, issuerId);
    this.message = { kind: 'success', key: 'pin.removed' };
    await this.#changed();
  }
}
