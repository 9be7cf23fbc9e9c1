/**
 * Store reads and writes only the tests use: the wallet screen filters the rows it holds in memory
 * with the store's own `matches` and `comparator` (src/lib/store/query.ts), and the app imports a
 * file at a time through `addBadges`. These run the same functions over IndexedDB, so tests can
 * ask "what would the list show" and "what happens to several files" in one call. The reads touch
 * only IndexedDB, so they can run inside Dexie's `liveQuery`.
 */
import type { Collection } from 'dexie';
import type { TsumikiError } from '../../src/lib/errors.ts';
import { addBadges } from '../../src/lib/store/badges.ts';
import type { WalletDb } from '../../src/lib/store/db.ts';
import { guarded, toStoreError } from '../../src/lib/store/errors.ts';
import { normalizeTags, searchWords } from '../../src/lib/store/normalize.ts';
import { comparator, matches } from '../../src/lib/store/query.ts';
import type { AddResult, BadgeQuery, NewBadge, StoredBadge } from '../../src/lib/store/types.ts';

/** One index narrows the rows when a tag, issuer or verdict is given; the rest is filtered in memory. */
function candidates(db: WalletDb, q: BadgeQuery, tags: readonly string[]): Collection<StoredBadge, string> {
  const [firstTag] = tags;
  if (firstTag !== undefined) return db.badges.where('tags').equals(firstTag);
  if (q.issuerId !== undefined) return db.badges.where('summary.issuerId').equals(q.issuerId);
  if (q.verdict !== undefined) return db.badges.where('report.verdict').equals(q.verdict);
  return db.badges.toCollection();
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

export type FileImportResult =
  | { readonly ok: true; readonly results: readonly AddResult[] }
  | { readonly ok: false; readonly error: TsumikiError };

/**
 * Imports several files, each in its own transaction. A failure (say, quota) in one file leaves
 * that file entirely unwritten and does not undo the files before it; each file reports its fate.
 */
export async function importFiles(
  db: WalletDb,
  files: readonly (readonly NewBadge[])[],
): Promise<FileImportResult[]> {
  const out: FileImportResult[] = [];
  for (const file of files) {
    try {
      out.push({ ok: true, results: await addBadges(db, file) });
    } catch (e) {
      out.push({ ok: false, error: toStoreError(e, 'import') });
    }
  }
  return out;
}
