/**
 * Badge images as blob: URLs (an SVG shown through <img> runs no script; CSP allows blob: images).
 * Each image is read from IndexedDB once and its URL reused; URLs are revoked when evicted.
 */
import { getImage } from '../../lib/store/media.ts';
import type { WalletDb } from '../../lib/store/db.ts';

const MAX = 400;

export class Images {
  readonly #db: Promise<WalletDb>;
  readonly #urls = new Map<string, Promise<string | null>>();

  /** `db` may still be opening (the first paint comes before it, issue 8). */
  constructor(db: WalletDb | Promise<WalletDb>) {
    this.#db = Promise.resolve(db);
  }

  url(id: string): Promise<string | null> {
    const hit = this.#urls.get(id);
    if (hit) return hit;
    const made = this.#db
      .then((db) => getImage(db, id))
      .then((img) => (img === null ? null : URL.createObjectURL(new Blob([new Uint8Array(img.bytes)], { type: img.mime }))))
      .catch(() => null);
    this.#urls.set(id, made);
    if (this.#urls.size > MAX) this.#evict();
    return made;
  }

  forget(id: string): void {
    const p = this.#urls.get(id);
    this.#urls.delete(id);
    void p?.then((u) => u && URL.revokeObjectURL(u));
  }

  #evict(): void {
    const oldest = this.#urls.keys().next().value;
    if (oldest !== undefined) this.forget(oldest);
  }
}
