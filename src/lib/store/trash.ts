/**
 * Delete with undo. A delete moves the badge and its bytes into `trash` in one transaction and
 * hands back a token; undo moves them back in one transaction. `purgeTrash` empties old entries
 * (call it at start-up), so a deleted badge does not stay on the device for ever.
 */
import { writeBatch } from './badges.ts';
import type { WalletDb } from './db.ts';
import { guarded, writeTransaction } from './errors.ts';
import type { TrashRow } from './types.ts';

/** Deletes the badges (missing ids are ignored). Returns the undo token, or null if nothing was deleted. */
export async function deleteBadges(db: WalletDb, ids: readonly string[]): Promise<string | null> {
  const token = crypto.randomUUID();
  const deletedAt = db.now().toISOString();
  return writeTransaction(db, 'delete', [db.badges, db.originals, db.trash], async () => {
    const items: TrashRow['items'][number][] = [];
    for (const id of new Set(ids)) {
      const badge = await db.badges.get(id);
      if (badge === undefined) continue;
      const original = (await db.originals.get(id)) ?? { id, bytes: new Uint8Array() };
      items.push({ badge, original });
    }
    if (items.length === 0) return null;
    await db.trash.add({ token, deletedAt, items });
    const gone = items.map((i) => i.badge.id);
    await db.badges.bulkDelete(gone);
    await db.originals.bulkDelete(gone);
    return token;
  });
}

export function deleteBadge(db: WalletDb, id: string): Promise<string | null> {
  return deleteBadges(db, [id]);
}

export interface UndoResult {
  /** Badges put back. */
  readonly restored: readonly string[];
  /** Badges not put back because the same badge was imported again since the delete. */
  readonly alreadyPresent: readonly string[];
}

/** Puts back what a delete removed. null when the token is unknown (already undone or purged). */
export async function undoDelete(db: WalletDb, token: string): Promise<UndoResult | null> {
  return writeTransaction(db, 'undo', [db.badges, db.originals, db.trash], async () => {
    const row = await db.trash.get(token);
    if (row === undefined) return null;
    const results = await writeBatch(db, row.items);
    const restored = results.flatMap((r) => (r.status === 'added' ? [r.id] : []));
    const alreadyPresent = results.flatMap((r) => (r.status === 'duplicate' ? [r.id] : []));
    await db.trash.delete(token);
    return { restored, alreadyPresent };
  });
}

/** Forgets deletes older than `maxAgeMs` (default: one day). Returns how many entries went. */
export function purgeTrash(db: WalletDb, maxAgeMs = 24 * 60 * 60 * 1000): Promise<number> {
  const cutoff = new Date(db.now().getTime() - maxAgeMs).toISOString();
  return guarded('purge', () => db.trash.where('deletedAt').below(cutoff).delete());
}
