/**
 * The learner's pathways (issue 6) and how far along each one is: the stored documents (live from
 * IndexedDB), the facts of every badge (read once, cached by badge id), and progress per pathway,
 * recomputed in memory when a badge, a report or a pathway changes. One instance per wallet.
 */
import { parsePathway, progress, type Pathway, type PathwayError, type Progress, type StackBadge } from '../../lib/stack/index.ts';
import type { WalletDb } from '../../lib/store/db.ts';
import { deletePathway, PATHWAY_PREFIX, pathwayOfRow, restorePathway, type StoredPathway } from '../../lib/store/pathways.ts';
import type { StoredBadge } from '../../lib/store/types.ts';
import { BadgeFactsCache } from '../../lib/wallet/badge-facts.ts';
import { addDemoPathways, importPathwayText, importPathwayUrl, type FetchLike, type PathwayImport } from '../../lib/wallet/pathway-import.ts';
import { liveSubscriber } from './LiveQuery.svelte.ts';

export interface PathwayItem {
  readonly stored: StoredPathway;
  /** The checked pathway, or why the stored document no longer reads (a newer app wrote it, say). */
  readonly pathway: Pathway | null;
  readonly errors: readonly PathwayError[];
}

export interface PathwayResult {
  readonly item: PathwayItem;
  readonly pathway: Pathway;
  readonly progress: Progress;
}

function itemOf(stored: StoredPathway): PathwayItem {
  const checked = parsePathway(stored.doc);
  return checked.ok ? { stored, pathway: checked.pathway, errors: [] } : { stored, pathway: null, errors: checked.errors };
}

export class Pathways {
  readonly #db: WalletDb;
  readonly #facts: BadgeFactsCache;
  readonly #fetch: FetchLike | undefined;
  readonly #subscribe: () => void;
  #items = $state.raw<readonly PathwayItem[] | null>(null);
  #sync = 0;
  #chain: Promise<void> = Promise.resolve();
  /** Facts of the wallet's badges; null until first read. */
  badges = $state.raw<readonly StackBadge[] | null>(null);
  /** Badges being read for the first time: done of total (null when idle). */
  reading = $state.raw<{ readonly done: number; readonly total: number } | null>(null);

  constructor(db: WalletDb, options: { readonly fetch?: FetchLike } = {}) {
    this.#db = db;
    this.#facts = new BadgeFactsCache(db);
    this.#fetch = options.fetch;
    this.#subscribe = liveSubscriber(db, (d) => d.meta.where('key').startsWith(PATHWAY_PREFIX).toArray(), {
      next: (rows) => {
        const stored = rows.flatMap((r) => pathwayOfRow(r) ?? []).sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id));
        this.#items = stored.map(itemOf);
      },
      error: () => {
        this.#items ??= [];
      },
    });
  }

  /** Stored pathways, oldest first; null before the first read. Reading this in an effect keeps it live. */
  get items(): readonly PathwayItem[] | null {
    this.#subscribe();
    return this.#items;
  }

  /** Progress of every readable pathway over the badges' facts (null while either is loading). */
  readonly results = $derived.by((): readonly PathwayResult[] | null => {
    const items = this.items;
    if (items !== null && items.length === 0) return [];
    const badges = this.badges;
    if (items === null || badges === null) return null;
    const now = new Date();
    return items.flatMap((item) => (item.pathway === null ? [] : [{ item, pathway: item.pathway, progress: progress(item.pathway, badges, { now }) }]));
  });

  /**
   * Brings the facts up to date with the wallet's rows (call from an effect on `wallet.rows` while
   * there are pathways: with none, no badge needs reading). One run at a time; only the latest waits.
   */
  sync(rows: readonly StoredBadge[] | null): Promise<void> {
    if (rows === null) return this.#chain;
    const run = ++this.#sync;
    this.#chain = this.#chain.then(() => (run === this.#sync ? this.#read(rows, run) : undefined)).catch(() => undefined);
    return this.#chain;
  }

  async #read(rows: readonly StoredBadge[], run: number): Promise<void> {
    const fresh = this.#facts.pending(rows);
    if (fresh > 0) this.reading = { done: 0, total: fresh };
    try {
      const facts = await this.#facts.of(rows, (done, total) => {
        this.reading = { done, total };
      });
      if (facts !== this.badges) this.badges = facts;
    } catch {
      this.badges ??= []; // the badges could not be read: show the pathways with nothing counted
    } finally {
      if (run === this.#sync) this.reading = null;
    }
  }

  importText(text: string | Uint8Array, fileName: string): Promise<PathwayImport> {
    return importPathwayText(this.#db, text, { kind: 'file', name: fileName });
  }

  /** Only after the user agreed to contact the link's host. */
  importUrl(url: string): Promise<PathwayImport> {
    return importPathwayUrl(this.#db, url, this.#fetch);
  }

  demo(base: string, files: readonly string[]): Promise<PathwayImport[]> {
    return addDemoPathways(this.#db, base, files);
  }

  remove(id: string): Promise<StoredPathway | null> {
    return deletePathway(this.#db, id);
  }

  restore(p: StoredPathway): Promise<void> {
    return restorePathway(this.#db, p);
  }
}

const instances = new WeakMap<WalletDb, Pathways>();

/**
 * The wallet's one Pathways (its fact cache is shared by the pathways screen and the badge page).
 * Made in its own effect root: made inside a component, its `$derived` would belong to that
 * component and go stale once the component is gone.
 */
export function pathwaysOf(db: WalletDb): Pathways {
  const known = instances.get(db);
  if (known !== undefined) return known;
  const box: { made?: Pathways } = {};
  $effect.root(() => {
    box.made = new Pathways(db);
  });
  if (box.made === undefined) throw new Error('Pathways: the effect root did not run');
  instances.set(db, box.made);
  return box.made;
}
