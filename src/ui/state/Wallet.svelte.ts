/**
 * The wallet list: every badge row (no bytes, no images), kept live from IndexedDB while a screen
 * reads it, then searched, filtered and sorted in memory. A keystroke costs a scan of the rows
 * already in memory, not a database read.
 */
import type { WalletDb } from '../../lib/store/db.ts';
import { comparator, isExpired, matches } from '../../lib/store/query.ts';
import { searchWords } from '../../lib/store/normalize.ts';
import { revealText } from '../../lib/text/reveal.ts';
import type { BadgeQuery, BadgeSort, StoredBadge } from '../../lib/store/types.ts';
import type { Verdict } from '../../lib/model/verification.ts';
import type { Headline } from '../../lib/model/headline.ts';
import { headlineOfChecks } from '../headline.ts';
import { liveSubscriber } from './LiveQuery.svelte.ts';

export type ExpiryFilter = 'any' | 'current' | 'expired';
export const SORTS: readonly BadgeSort[] = ['issued-desc', 'issued-asc', 'added-desc', 'title', 'issuer'];

export interface Choice {
  readonly value: string;
  readonly label: string;
  readonly count: number;
}

export class Wallet {
  #rows = $state.raw<readonly StoredBadge[] | null>(null);
  readonly #subscribe: () => void;

  text = $state('');
  issuerId = $state('');
  verdict = $state<Verdict | ''>('');
  /** Only badges with this headline (issue 12: what the cards show). */
  headline = $state<Headline | ''>('');
  tag = $state('');
  expiry = $state<ExpiryFilter>('any');
  /** Only badges marked as micro-credentials (issue 5; the mark is in the stored summary). */
  microOnly = $state(false);
  sort = $state<BadgeSort>('issued-desc');
  layout = $state<'grid' | 'list'>('grid');
  locale = $state('en');

  /**
   * `first`: rows read before the database opened (the first paint, issue 8); the live query takes
   * over once `db` resolves. Dexie's liveQuery is loaded with it, off the first paint.
   */
  constructor(db: WalletDb | Promise<WalletDb>, first?: readonly StoredBadge[]) {
    this.#rows = first ?? null;
    this.#subscribe = liveSubscriber(db, (opened) => opened.badges.toArray(), {
      next: (rows) => {
        this.#rows = rows;
      },
      error: () => {
        this.#rows ??= [];
      },
    });
  }

  /** All rows, or null before the first read. Reading this (in an effect) keeps the query live. */
  get rows(): readonly StoredBadge[] | null {
    this.#subscribe();
    return this.#rows;
  }

  get query(): BadgeQuery {
    return {
      ...(this.issuerId ? { issuerId: this.issuerId } : {}),
      ...(this.verdict ? { verdict: this.verdict } : {}),
      ...(this.tag ? { tags: [this.tag] } : {}),
      ...(this.expiry === 'any' ? {} : { expired: this.expiry === 'expired' }),
      sort: this.sort,
      now: new Date(),
      locale: this.locale,
    };
  }

  readonly visible = $derived.by((): readonly StoredBadge[] => {
    const rows = this.rows ?? [];
    const q = this.query;
    const words = searchWords(this.text);
    const tags = q.tags ?? [];
    const micro = this.microOnly;
    const headline = this.headline;
    return rows
      .filter((b) => (!micro || b.summary.marks?.micro === true) && (!headline || headlineOfChecks(b.report.checks).headline === headline) && matches(b, q, words, tags))
      .sort(comparator(q.sort ?? 'issued-desc', q.locale));
  });

  get filtered(): boolean {
    return this.text.trim() !== '' || this.issuerId !== '' || this.verdict !== '' || this.headline !== '' || this.tag !== '' || this.expiry !== 'any' || this.microOnly;
  }

  clearFilters(): void {
    this.text = '';
    this.issuerId = '';
    this.verdict = '';
    this.headline = '';
    this.tag = '';
    this.expiry = 'any';
    this.microOnly = false;
  }

  readonly issuers = $derived.by((): readonly Choice[] => {
    const by = new Map<string, { label: string; count: number }>();
    for (const b of this.rows ?? []) {
      const e = by.get(b.summary.issuerId);
      if (e) e.count++;
      // Hidden characters in a name are shown, as on the cards (issue 8).
      else by.set(b.summary.issuerId, { label: revealText(b.summary.issuerName).text || b.summary.issuerId, count: 1 });
    }
    const collator = new Intl.Collator(this.locale);
    return [...by].map(([value, e]) => ({ value, ...e })).sort((a, b) => collator.compare(a.label, b.label));
  });

  readonly tags = $derived.by((): readonly Choice[] => {
    const counts = new Map<string, number>();
    for (const b of this.rows ?? []) for (const t of b.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
    const collator = new Intl.Collator(this.locale);
    return [...counts].map(([value, count]) => ({ value, label: value, count })).sort((a, b) => collator.compare(a.label, b.label));
  });

  isExpired(b: StoredBadge): boolean {
    return isExpired(b, new Date());
  }
}
