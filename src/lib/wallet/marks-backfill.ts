/**
 * Descriptor marks for rows stored without them (imported before marks existed, or restored from a
 * backup, which keeps summaries to their core fields) or with marks of an older definition (`v`): read each original once, compute the marks,
 * write them into the summary. One run at a time per wallet, off the first paint.
 */
import type { WalletDb } from '../store/db.ts';
import { writeTransaction } from '../store/errors.ts';
import type { StoredBadge, SummaryMarks } from '../store/types.ts';
import { MARKS_VERSION, marksStale as stale } from './marks-version.ts';

const CHUNK = 40;
const running = new WeakSet<WalletDb>();

const NONE: SummaryMarks = { v: MARKS_VERSION, micro: false, effortHours: null, credit: null };

/** Returns how many rows got marks. A file that no longer parses gets empty marks (it is not retried). */
export async function backfillMarks(db: WalletDb, rows: readonly StoredBadge[]): Promise<number> {
  const todo = rows.filter((r) => stale(r.summary.marks)).map((r) => r.id);
  if (todo.length === 0 || running.has(db)) return 0;
  running.add(db);
  try {
    return await fill(db, todo);
  } finally {
    running.delete(db);
  }
}

async function fill(db: WalletDb, todo: readonly string[]): Promise<number> {
  const [{ credentialOfOriginal, readOriginals }, { marksOf }] = await Promise.all([import('./stored.ts'), import('./marks.ts')]);
  let done = 0;
  for (let i = 0; i < todo.length; i += CHUNK) {
    const ids = todo.slice(i, i + CHUNK);
    const originals = await readOriginals(db, ids);
    const credentials = await Promise.all(originals.map((o) => (o === undefined ? null : credentialOfOriginal(o))));
    const marks = credentials.map((credential) => (credential === null ? NONE : marksOf(credential)));
    await writeTransaction(db, 'update', [db.badges], async () => {
      const current = await db.badges.bulkGet(ids);
      for (const [j, id] of ids.entries()) {
        const row = current[j];
        if (row !== undefined && stale(row.summary.marks)) done += await db.badges.update(id, { 'summary.marks': marks[j] ?? NONE });
      }
    });
    await new Promise((r) => setTimeout(r, 0));
  }
  return done;
}
