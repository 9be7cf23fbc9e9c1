/**
 * Lists for the wallet screen. A list row carries no bytes and no image, so reading 1,000 of them
 * is cheap; one index narrows the rows when a tag, issuer or verdict is given, and the rest is
 * filtered and sorted in memory (at this size that beats more compound indexes).
 * Every function here reads only IndexedDB, so it can run inside Dexie's `liveQuery`.
 */
import type { Collection } from 'dexie';
import type { WalletDb } from './db.ts';
import { guarded } from './errors.ts';
import { normalizeTags, searchWords } from './normalize.ts';
import type { BadgeQuery, BadgeSort, StoredBadge } from './types.ts';

function timeOf(iso: string | null): number | null {
  if (iso === null) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

/** Expired when `expiresAt` is at or before `now`; a badge without a (readable) date never expires. */
export function isExpired(badge: StoredBadge, now: Date): boolean {
  const t = timeOf(badge.summary.expiresAt);
  return t !== null && t <= now.getTime();
}

function candidates(db: WalletDb, q: BadgeQuery, tags: readonly string[]): Collection<StoredBadge, string> {
  const [firstTag] = tags;
  if (firstTag !== undefined) return db.badges.where('tags').equals(firstTag);
  if (q.issuerId !== undefined) return db.badges.where('summary.issuerId').equals(q.issuerId);
  if (q.verdict !== undefined) return db.badges.where('report.verdict').equals(q.verdict);
  return db.badges.toCollection();
}

export function matches(badge: StoredBadge, q: BadgeQuery, words: readonly string[], tags: readonly string[]): boolean {
  if (q.issuerId !== undefined && badge.summary.issuerId !== q.issuerId) return false;
  if (q.verdict !== undefined && badge.report.verdict !== q.verdict) return false;
  if (tags.some((t) => !badge.tags.includes(t))) return false;
  if (q.expired !== undefined && isExpired(badge, q.now) !== q.expired) return false;
  return words.every((w) => badge.summary.searchText.includes(w));
}

/** A comparator for the sort; ties (and missing dates, always last) fall back to title, then id. */
export function comparator(sort: BadgeSort, locale?: string): (a: StoredBadge, b: StoredBadge) => number {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const byId = (a: StoredBadge, b: StoredBadge): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const byTitle = (a: StoredBadge, b: StoredBadge): number =>
    collator.compare(a.summary.title, b.summary.title) || byId(a, b);
  const byTime =
    (get: (b: StoredBadge) => string | null, dir: 1 | -1) =>
    (a: StoredBadge, b: StoredBadge): number => {
      const ta = timeOf(get(a));
      const tb = timeOf(get(b));
      if (ta === null || tb === null) return ta === tb ? byTitle(a, b) : ta === null ? 1 : -1;
      return (ta - tb) * dir || byTitle(a, b);
    };
  switch (sort) {
    case 'issued-desc':
      return byTime((b) => b.summary.issuedAt, -1);
    case 'issued-asc':
      return byTime((b) => b.summary.issuedAt, 1);
    case 'added-desc':
      return byTime((b) => b.addedAt, -1);
    case 'title':
      return byTitle;
    case 'issuer':
      return (a, b) => collator.compare(a.summary.issuerName, b.summary.issuerName) || byTitle(a, b);
  }
}

/** Search, filter and sort the wallet (default sort: newest issued first). */
export function listBadges(db: WalletDb, q: BadgeQuery): Promise<StoredBadge[]> {
  const words = q.text === undefined ? [] : searchWords(q.text);
  const tags = normalizeTags(q.tags ?? []);
  return guarded('read', async () => {
    const rows = await candidates(db, q, tags)
      .filter((b) => matches(b, q, words, tags))
      .toArray();
    return rows.sort(comparator(q.sort ?? 'issued-desc', q.locale));
  });
}

export interface IssuerEntry {
  readonly issuerId: string;
  readonly issuerName: string;
  readonly count: number;
}

/** Issuers for the filter menu, by name. */
export function listIssuers(db: WalletDb, locale?: string): Promise<IssuerEntry[]> {
  return guarded('read', async () => {
    const by = new Map<string, { issuerId: string; issuerName: string; count: number }>();
    await db.badges.each((b) => {
      const { issuerId, issuerName } = b.summary;
      const e = by.get(issuerId);
      if (e === undefined) by.set(issuerId, { issuerId, issuerName, count: 1 });
      else e.count += 1;
    });
    const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    return [...by.values()].sort((a, b) => collator.compare(a.issuerName, b.issuerName));
  });
}

/** Tags in use with their counts, for the filter menu. */
export function listTags(db: WalletDb, locale?: string): Promise<{ tag: string; count: number }[]> {
  return guarded('read', async () => {
    const counts = new Map<string, number>();
    await db.badges.each((b) => {
      for (const t of b.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
    });
    const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
    return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => collator.compare(a.tag, b.tag));
  });
}

export function countBadges(db: WalletDb): Promise<number> {
  return guarded('read', () => db.badges.count());
}
