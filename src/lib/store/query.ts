/**
 * The wallet list's filter and sort, on rows already in memory (ui/state/Wallet.svelte.ts reads
 * every row once through a live query; a keystroke costs a scan, not a database read).
 */
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
