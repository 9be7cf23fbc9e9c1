/**
 * Every stored badge checked again, offline, from its original bytes (issue 12): after a trust list
 * is added, removed, enabled or disabled, or a pin changes, so each headline follows what the user
 * now trusts; and, in the background, reports made before Tsumiki checked who the issuer is. One
 * run at a time: asking during a run makes one more run after it (with everything asked for).
 * Progress is reactive; each badge's new report is stored as soon as it is made.
 */
import type { WalletDb } from '../../lib/store/db.ts';
import type { InputResult } from '../../lib/verify/pipeline.ts';
import { loadCore } from '../load-core.ts';
import { verifyInWorker } from './verifier.ts';

/** How bytes are verified: the app's worker with the user's trust set; tests pass the core. */
export type Verify = (bytes: Uint8Array, now: Date) => Promise<InputResult>;

export class Rechecker {
  readonly #db: Promise<WalletDb>;
  readonly #verify: Verify;
  running = $state(false);
  done = $state(0);
  total = $state(0);
  /** Ids asked for while a run is going (`'all'`: every badge). */
  #wanted: Set<string> | 'all' | null = null;
  #run: Promise<void> | null = null;
  /** Badges already brought up to date in the background this session (never tried twice). */
  readonly #tried = new Set<string>();

  constructor(db: WalletDb | Promise<WalletDb>, verify: Verify) {
    this.#db = Promise.resolve(db);
    this.#verify = verify;
  }

  /** Checks every badge again; resolves when no run is left. */
  all(): Promise<void> {
    this.#wanted = 'all';
    return this.#pump();
  }

  /** Checks these badges again, once per session each (reports older than the issuer-identity check). */
  some(ids: readonly string[]): Promise<void> {
    const fresh = ids.filter((id) => !this.#tried.has(id));
    if (fresh.length === 0) return this.#run ?? Promise.resolve();
    for (const id of fresh) this.#tried.add(id);
    if (this.#wanted !== 'all') this.#wanted = new Set([...(this.#wanted ?? []), ...fresh]);
    return this.#pump();
  }

  #pump(): Promise<void> {
    this.#run ??= this.#loop().finally(() => {
      this.#run = null;
      this.running = false;
    });
    return this.#run;
  }

  async #loop(): Promise<void> {
    this.running = true;
    while (this.#wanted !== null) {
      const wanted = this.#wanted;
      this.#wanted = null;
      const [core, db] = await Promise.all([loadCore(), this.#db]);
      const ids = wanted === 'all' ? await db.badges.toCollection().primaryKeys() : [...wanted];
      this.done = 0;
      this.total = ids.length;
      const now = new Date();
      const remote = core.remoteFor(db, false);
      for (const id of ids) {
        if (this.#wanted === 'all') break; // asked again for everything: start over with what is stored now
        try {
          await core.reverifyBadge(db, id, { now, remote, verify: (b) => this.#verify(b, now) });
        } catch {
          // A badge that cannot be checked keeps its report; the others go on.
        }
        this.done++;
      }
    }
  }
}

const shared = new WeakMap<WalletDb, Rechecker>();

/** The app's one rechecker for a wallet: offline, in the verify worker, listed names in `lang()`. */
export function recheckerOf(db: WalletDb, lang: () => string): Rechecker {
  let r = shared.get(db);
  if (!r) {
    r = new Rechecker(db, (bytes, now) => verifyInWorker(bytes, { now, online: false, lang: lang() }));
    shared.set(db, r);
  }
  return r;
}
