/**
 * Export the whole wallet to one encrypted file, and restore it by merging or replacing.
 * A restore decrypts and checks EVERYTHING before it opens its one write transaction, so a wrong
 * passphrase, a damaged file, a refused bound or a full disk leaves the wallet exactly as it was.
 *
 * A backup's summaries and reports are its own words, not facts (issue 11, class 8): anyone who
 * knows the passphrase can write "verified" into one. A restore therefore asks the caller to read
 * every badge again from its original bytes (`Rederive`: src/lib/wallet/restore.ts verifies them) and
 * writes that; from the file it keeps only the bytes and the learner's own tags, note and date added.
 */
import { TsumikiError } from '../errors.ts';
import { writeBatch, type PreparedBadge } from './badges.ts';
import { contentId } from '../util/bytes.ts';
import type { WalletDb } from './db.ts';
import type { NewBadge, OriginalRow, StoredBadge } from './types.ts';
import { guarded, writeTransaction } from './errors.ts';
import { seal, unseal, DEFAULT_ITERATIONS } from './backup-envelope.ts';
import { decodePayload, encodePayload, type WalletSnapshot } from './backup-payload.ts';
import { searchKey } from './normalize.ts';
import { normalizeTags } from './normalize.ts';
import { SCHEMA_VERSION } from './versions.ts';

export { readHeader as readBackupHeader, DEFAULT_ITERATIONS, MIN_ITERATIONS, MAX_ITERATIONS } from './backup-envelope.ts';
export { MAX_BACKUP_BADGES, MAX_BACKUP_SETTINGS } from './backup-payload.ts';

export interface ExportOptions {
  /** PBKDF2 iterations, MIN_ITERATIONS to MAX_ITERATIONS; the default is 600,000. Tests lower it to stay fast. */
  readonly iterations?: number;
}

/** What a restore writes for a badge, read again from its own bytes (the store's NewBadge, less what the file keeps). */
export type Rederived = Pick<NewBadge, 'container' | 'mime' | 'format' | 'credentialId' | 'summary' | 'imageDataUri' | 'report' | 'verifiedAt'>;

/**
 * Reads one restored badge again from `original` (its bytes, content id already checked). `claimed` is
 * the file's own description of it: words, not facts, to be used for nothing a screen or check trusts.
 * Runs before the restore's write transaction; throwing aborts the restore with nothing written.
 */
export type Rederive = (original: OriginalRow, claimed: StoredBadge) => Promise<Rederived>;

/** A consistent snapshot of badges, bytes and settings (one read transaction). */
async function snapshot(db: WalletDb): Promise<WalletSnapshot> {
  return guarded('export', () =>
    db.transaction('r', [db.badges, db.originals, db.meta], async () => {
      const [badges, originals, settings] = await Promise.all([
        db.badges.orderBy('addedAt').toArray(),
        db.originals.toArray(),
        db.meta.toArray(),
      ]);
      const byId = new Map(originals.map((o) => [o.id, o]));
      const items: PreparedBadge[] = [];
      for (const badge of badges) {
        const original = byId.get(badge.id);
        if (original !== undefined) items.push({ badge, original });
      }
      return { badges: items, settings };
    }),
  );
}

/** The whole wallet (badges with their original bytes, tags, notes, reports, settings), encrypted. */
export async function exportBackup(db: WalletDb, passphrase: string, options: ExportOptions = {}): Promise<Uint8Array> {
  const snap = await snapshot(db);
  const plaintext = encodePayload(snap, db.now().toISOString(), SCHEMA_VERSION);
  return seal(plaintext, passphrase, options.iterations ?? DEFAULT_ITERATIONS);
}

export type RestoreMode = 'merge' | 'replace';

export interface RestoreResult {
  /** Badges written from the backup. */
  readonly added: number;
  /** Backup badges already in the wallet (merge), or repeated inside the backup. */
  readonly duplicates: number;
  /** Badges that were in the wallet and were removed (replace). */
  readonly replaced: number;
  /** Settings in the file that are not on the allow-list (src/lib/store/settings.ts), dropped. */
  readonly ignoredSettings: number;
}

/** Recomputes every content id: a row whose bytes do not hash to its id is refused. */
async function checkContentIds(snap: WalletSnapshot): Promise<void> {
  for (const [i, { badge, original }] of snap.badges.entries()) {
    if ((await contentId(original.credentialBytes ?? original.bytes)) !== badge.id) {
      throw new TsumikiError('BACKUP_DAMAGED', 'a badge in the backup does not match its bytes', {
        data: { reason: 'content-id', path: `$.badges[${i}]` },
      });
    }
  }
}

/** The rows to write for one restored badge: the file's bytes and the learner's words, the rest from `rederive`. */
async function rederived(claimed: PreparedBadge, rederive: Rederive): Promise<PreparedBadge> {
  const { badge, original } = claimed;
  const fresh = await rederive(original, badge);
  const stored: StoredBadge = {
    id: badge.id,
    credentialId: fresh.credentialId,
    format: fresh.format,
    container: fresh.container,
    mime: fresh.mime,
    summary: { ...fresh.summary, searchText: searchKey(fresh.summary.searchText) },
    hasImage: fresh.container === 'png' || fresh.container === 'svg' || fresh.imageDataUri !== undefined,
    report: fresh.report,
    verifiedAt: fresh.verifiedAt,
    tags: badge.tags,
    note: badge.note,
    addedAt: badge.addedAt,
  };
  const row: OriginalRow = {
    id: original.id,
    bytes: original.bytes,
    ...(original.credentialBytes === undefined ? {} : { credentialBytes: original.credentialBytes }),
    ...(fresh.imageDataUri === undefined ? {} : { imageDataUri: fresh.imageDataUri }),
  };
  return { badge: stored, original: row };
}

/** Merge: a badge already here keeps its data, gains the backup's tags, and its note if it had none. */
async function mergeInto(db: WalletDb, existingId: string, incoming: PreparedBadge): Promise<void> {
  const here = await db.badges.get(existingId);
  if (here === undefined) return;
  const tags = normalizeTags([...here.tags, ...incoming.badge.tags]);
  const note = here.note === '' ? incoming.badge.note : here.note;
  if (tags.length !== here.tags.length || note !== here.note) await db.badges.update(existingId, { tags, note });
}

/**
 * Restores a backup. `merge` adds what is missing (duplicates recognised as on import);
 * `replace` makes the wallet equal to the backup (allowed settings included; the network cache is
 * kept). Every badge is read again from its bytes by `rederive` before anything is written.
 * Errors: BACKUP_BAD_PASSPHRASE, BACKUP_DAMAGED, BACKUP_ITERATIONS_REFUSED, BACKUP_TOO_MANY_ENTRIES,
 * INPUT_EMPTY, STORE_QUOTA, STORE_FAILED, or whatever `rederive` throws; on any of them the wallet is
 * unchanged.
 */
export async function restoreBackup(
  db: WalletDb,
  file: Uint8Array,
  passphrase: string,
  mode: RestoreMode,
  rederive: Rederive,
): Promise<RestoreResult> {
  const decoded = decodePayload(await unseal(file, passphrase));
  await checkContentIds(decoded);
  // Outside the transaction: awaiting anything but IndexedDB inside one lets it commit early.
  const badges: PreparedBadge[] = [];
  for (const claimed of decoded.badges) badges.push(await rederived(claimed, rederive));
  const snap: WalletSnapshot = { badges, settings: decoded.settings };
  const { ignoredSettings } = decoded;
  return writeTransaction(db, 'restore', [db.badges, db.originals, db.trash, db.meta], async () => {
    let replaced = 0;
    if (mode === 'replace') {
      replaced = await db.badges.count();
      await Promise.all([db.badges.clear(), db.originals.clear(), db.trash.clear(), db.meta.clear()]);
      await db.meta.bulkPut([...snap.settings]);
    }
    const results = await writeBatch(db, snap.badges);
    const added = results.filter((r) => r.status === 'added').length;
    if (mode === 'merge') {
      for (const [i, r] of results.entries()) {
        const incoming = snap.badges[i];
        if (r.status === 'duplicate' && incoming !== undefined) await mergeInto(db, r.id, incoming);
      }
    }
    return { added, duplicates: results.length - added, replaced, ignoredSettings };
  });
}
