/**
 * Pathway facts (src/lib/stack badgeFacts) for the wallet's badges, read from each badge's original
 * bytes once and kept in memory by badge id. After a re-check only the trust part is redone. While
 * no badge and no report changed, the same array comes back, so `progress` reuses its work.
 */
import { badgeFacts, trustOf, type StackBadge } from '../stack/index.ts';
import type { WalletDb } from '../store/db.ts';
import type { StoredBadge } from '../store/types.ts';
import { credentialOfOriginal, parseStoredCredential, readOriginals } from './stored.ts';

/** Originals read per IndexedDB request; the screen gets a turn between chunks. */
const CHUNK = 40;

interface Entry {
  readonly report: string;
  readonly facts: readonly StackBadge[];
}

const reportKey = (b: StoredBadge): string => `${b.verifiedAt}\n${b.report.verdict}`;

export class BadgeFactsCache {
  readonly #db: WalletDb;
  readonly #cache = new Map<string, Entry>();
  #last: { readonly signature: string; readonly list: readonly StackBadge[] } | null = null;

  constructor(db: WalletDb) {
    this.#db = db;
  }

  /** Badges not read yet (what `of` will have to parse). */
  pending(rows: readonly StoredBadge[]): number {
    return rows.reduce((n, b) => n + (this.#cache.has(b.id) ? 0 : 1), 0);
  }

  /** Facts for these rows (one per badge, several for a CLR), keyed by badge id (`id#path` inside a CLR). */
  async of(rows: readonly StoredBadge[], onProgress?: (done: number, total: number) => void): Promise<readonly StackBadge[]> {
    const signature = rows.map((b) => `${b.id} ${reportKey(b)}`).sort().join('\n');
    if (this.#last?.signature === signature) return this.#last.list;
    const fresh = rows.filter((b) => !this.#cache.has(b.id));
    for (let i = 0; i < fresh.length; i += CHUNK) {
      const chunk = fresh.slice(i, i + CHUNK);
      const originals = await readOriginals(this.#db, chunk.map((b) => b.id));
      // A CLR's credentials are read as the CLI reads them: from the record as written, each with its own
      // verification (`report.nested`); the record's one reading does not hold their graphs.
      const credentials = await Promise.all(
        originals.map((original, j) => (original === undefined ? null : chunk[j]?.report.nested !== undefined ? (parseStoredCredential(original)?.credential ?? null) : credentialOfOriginal(original))),
      );
      chunk.forEach((b, j) => {
        const credential = credentials[j] ?? null;
        const facts = credential === null ? [] : badgeFacts(credential, b.report, { key: b.id, ...(b.report.nested ? { nested: b.report.nested } : {}) });
        this.#cache.set(b.id, { report: reportKey(b), facts });
      });
      onProgress?.(Math.min(i + CHUNK, fresh.length), fresh.length);
      if (i + CHUNK < fresh.length) await new Promise((r) => setTimeout(r, 0));
    }
    const present = new Set<string>();
    const list: StackBadge[] = [];
    for (const b of rows) {
      present.add(b.id);
      let entry = this.#cache.get(b.id);
      if (entry === undefined) continue;
      if (entry.report !== reportKey(b)) {
        const trust = trustOf(b.report);
        const nested = b.report.nested;
        entry = { report: reportKey(b), facts: entry.facts.map((f) => (f.path === null ? { ...f, trust } : { ...f, trust: trustOf(nested?.[f.path]) })) };
        this.#cache.set(b.id, entry);
      }
      list.push(...entry.facts);
    }
    for (const id of this.#cache.keys()) if (!present.has(id)) this.#cache.delete(id);
    this.#last = { signature, list };
    return list;
  }
}
