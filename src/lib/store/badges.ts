/**
 * The badge repository. Every import, delete and undo is one IndexedDB transaction: it all
 * happens or nothing does. Hashing (WebCrypto) runs before a transaction opens, because awaiting
 * anything but IndexedDB inside one lets it commit early.
 */
import { TsumikiError } from '../errors.ts';
import type { WalletDb } from './db.ts';
import { contentId } from '../util/bytes.ts';
import { guarded, writeTransaction } from './errors.ts';
import { normalizeTags, searchKey } from './normalize.ts';
import type { AddResult, BadgeReport, NewBadge, OriginalRow, StoredBadge } from './types.ts';

/** A badge ready to write: content id computed, rows built. */
export interface PreparedBadge {
  readonly badge: StoredBadge;
  readonly original: OriginalRow;
}

/** Builds the rows for one badge (hashes its credential bytes). Throws INPUT_EMPTY for empty bytes. */
export async function prepareBadge(input: NewBadge, addedAt: string): Promise<PreparedBadge> {
  const credentialBytes = input.credentialBytes ?? input.bytes;
  if (input.bytes.length === 0 || credentialBytes.length === 0) {
    throw new TsumikiError('INPUT_EMPTY', 'a badge needs its original bytes');
  }
  const id = await contentId(credentialBytes);
  const badge: StoredBadge = {
    id,
    credentialId: input.credentialId,
    format: input.format,
    container: input.container,
    mime: input.mime,
    summary: { ...input.summary, searchText: searchKey(input.summary.searchText) },
    hasImage: input.container === 'png' || input.container === 'svg' || input.imageDataUri !== undefined,
    report: input.report,
    verifiedAt: input.verifiedAt,
    tags: normalizeTags(input.tags ?? []),
    note: input.note ?? '',
    addedAt,
  };
  const original: OriginalRow = {
    id,
    bytes: input.bytes,
    ...(input.credentialBytes === undefined ? {} : { credentialBytes: input.credentialBytes }),
    ...(input.imageDataUri === undefined ? {} : { imageDataUri: input.imageDataUri }),
  };
  return { badge, original };
}

function credentialKey(b: StoredBadge): string | null {
  return b.credentialId === null || b.credentialId === '' ? null : `${b.summary.issuerId}\n${b.credentialId}`;
}

/**
 * Writes prepared badges inside the caller's transaction (which must cover `badges` and
 * `originals`), skipping duplicates: the same content id, or the same credential `id` from the
 * same issuer (a re-issued or re-serialised copy), whether already stored or earlier in the batch.
 * A constant number of requests whatever the batch size: two look-ups, two bulk writes.
 */
export async function writeBatch(db: WalletDb, prepared: readonly PreparedBadge[]): Promise<AddResult[]> {
  const credentialIds = [...new Set(prepared.flatMap((p) => (p.badge.credentialId ? [p.badge.credentialId] : [])))];
  const [sameIds, sameCredentials] = await Promise.all([
    db.badges.bulkGet(prepared.map((p) => p.badge.id)),
    credentialIds.length === 0 ? [] : db.badges.where('credentialId').anyOf(credentialIds).toArray(),
  ]);
  const byId = new Set(sameIds.flatMap((b) => (b === undefined ? [] : [b.id])));
  const byCredential = new Map<string, string>();
  for (const b of sameCredentials) {
    const key = credentialKey(b);
    if (key !== null) byCredential.set(key, b.id);
  }
  const results: AddResult[] = [];
  const fresh: PreparedBadge[] = [];
  for (const item of prepared) {
    const { id } = item.badge;
    const key = credentialKey(item.badge);
    const sameCredential = key === null ? undefined : byCredential.get(key);
    if (byId.has(id)) {
      results.push({ status: 'duplicate', id, match: 'same-bytes' });
    } else if (sameCredential !== undefined) {
      results.push({ status: 'duplicate', id: sameCredential, match: 'same-credential-id' });
    } else {
      byId.add(id);
      if (key !== null) byCredential.set(key, id);
      fresh.push(item);
      results.push({ status: 'added', id });
    }
  }
  await db.badges.bulkAdd(fresh.map((p) => p.badge));
  await db.originals.bulkPut(fresh.map((p) => p.original));
  return results;
}

/**
 * Adds the badges of ONE file (a presentation may hold several) in one transaction: all of them
 * are written or none is. Errors: INPUT_EMPTY, STORE_QUOTA, STORE_FAILED.
 */
export async function addBadges(db: WalletDb, inputs: readonly NewBadge[]): Promise<AddResult[]> {
  const addedAt = db.now().toISOString();
  const prepared = await Promise.all(inputs.map((input) => prepareBadge(input, addedAt)));
  return writeTransaction(db, 'import', [db.badges, db.originals], () => writeBatch(db, prepared));
}

export async function addBadge(db: WalletDb, input: NewBadge): Promise<AddResult> {
  const [result] = await addBadges(db, [input]);
  if (result === undefined) throw new TsumikiError('INTERNAL', 'addBadges returned no result');
  return result;
}

export function getBadge(db: WalletDb, id: string): Promise<StoredBadge | undefined> {
  return guarded('read', () => db.badges.get(id));
}

/** The original bytes, exactly as imported. */
export function getOriginal(db: WalletDb, id: string): Promise<OriginalRow | undefined> {
  return guarded('read', () => db.originals.get(id));
}

/** Changes one badge row in a write transaction; false when the badge is not there. */
type Editable = Partial<Pick<StoredBadge, 'report' | 'verifiedAt' | 'tags' | 'note'>>;

function updateRow(db: WalletDb, id: string, changes: Editable): Promise<boolean> {
  return writeTransaction(db, 'update', [db.badges], async () => (await db.badges.update(id, changes)) === 1);
}

/** Replaces the last report (after a re-check). Returns false when the badge is not there. */
export function updateReport(db: WalletDb, id: string, report: BadgeReport, verifiedAt: string): Promise<boolean> {
  return updateRow(db, id, { report, verifiedAt });
}

export function setTags(db: WalletDb, id: string, tags: readonly string[]): Promise<boolean> {
  return updateRow(db, id, { tags: normalizeTags(tags) });
}

export function setNote(db: WalletDb, id: string, note: string): Promise<boolean> {
  return updateRow(db, id, { note });
}
