/**
 * The writing half of an import (issue 15), light enough for the page: files already verified and
 * turned into store rows (`prepareFile` in import.ts, which runs in the verify workers) are written
 * many files to one IndexedDB transaction. Each badge is saved whole or not at all, and all the
 * credentials of one file together or none: when a batch cannot be written, each of its files is
 * tried again in its own transaction, so one file's failure is that file's alone.
 */
import { isTsumikiError, type ErrorCode } from '../errors.ts';
import type { Headline } from '../model/headline.ts';
import type { Verdict } from '../model/verification.ts';
import { writeBatch, type PreparedBadge } from '../store/badges.ts';
import type { WalletDb } from '../store/db.ts';
import { writeTransaction } from '../store/errors.ts';

export interface ImportedCredential {
  readonly status: 'added' | 'duplicate';
  /** The badge's id in the wallet (for a duplicate: the one already there). */
  readonly id: string;
  readonly verdict: Verdict;
  /** What a reader is told first (issue 12): from the same checks as the verdict. */
  readonly headline: Headline;
  readonly title: string;
}

export interface ImportError {
  readonly code: ErrorCode;
  readonly message: string;
}

export type FileImport =
  | { readonly ok: true; readonly fileName?: string; readonly credentials: readonly ImportedCredential[] }
  | { readonly ok: false; readonly fileName?: string; readonly error: ImportError };

/** One credential of a file, verified, its rows built, with what the results list shows. */
export interface PreparedItem {
  readonly prepared: PreparedBadge;
  readonly verdict: Verdict;
  readonly headline: Headline;
  readonly title: string;
}

/** A file ready to write, or why it cannot be imported (nothing of it is stored then). */
export type PreparedFile = { readonly ok: true; readonly items: readonly PreparedItem[] } | { readonly ok: false; readonly error: ImportError };

function failure(e: unknown): ImportError {
  return { code: isTsumikiError(e) ? e.code : 'STORE_FAILED', message: e instanceof Error ? e.message : String(e) };
}

/**
 * Writes the files in one transaction, in order (the first of two copies is the one added); one
 * result per file, in the same order. Never throws.
 */
export async function writeFiles(db: WalletDb, files: readonly PreparedFile[]): Promise<FileImport[]> {
  const items = files.flatMap((f) => (f.ok ? f.items : []));
  if (items.length === 0) return files.map((f) => (f.ok ? { ok: true, credentials: [] } : { ok: false, error: f.error }));
  let written: Awaited<ReturnType<typeof writeBatch>>;
  try {
    written = await writeTransaction(db, 'import', [db.badges, db.originals], () =>
      writeBatch(
        db,
        items.map((i) => i.prepared),
      ),
    );
  } catch (e) {
    if (files.filter((f) => f.ok).length > 1) {
      const out: FileImport[] = [];
      for (const f of files) out.push(...(await writeFiles(db, [f])));
      return out;
    }
    return files.map((f) => ({ ok: false, error: f.ok ? failure(e) : f.error }));
  }
  let at = 0;
  return files.map((f): FileImport => {
    if (!f.ok) return { ok: false, error: f.error };
    const credentials = f.items.map((item): ImportedCredential => {
      const w = written[at++] as (typeof written)[number]; // why: writeBatch answers one result per item, in order
      return { status: w.status, id: w.id, verdict: item.verdict, headline: item.headline, title: item.title };
    });
    return { ok: true, credentials };
  });
}
