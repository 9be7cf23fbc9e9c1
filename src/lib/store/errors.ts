/** IndexedDB and Dexie failures mapped onto the project's error codes. */
import type { Dexie, Table } from 'dexie';
import { isTsumikiError, TsumikiError } from '../errors.ts';

/** Error names browsers and Dexie use for "the disk or the origin's quota is full". */
const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED', 'NS_ERROR_FILE_NO_DEVICE_SPACE']);

function fieldOf(e: object, key: 'name' | 'inner' | 'cause' | 'failures'): unknown {
  return key in e ? Reflect.get(e, key) : undefined;
}

/**
 * True when the error, or anything it wraps, is a quota error: Dexie puts the IndexedDB error in
 * `inner`, and a ModifyError/BulkError (from `update`, `modify`, `bulk*`) lists them in `failures`.
 */
export function isQuotaError(e: unknown, depth = 0): boolean {
  if (typeof e !== 'object' || e === null || depth > 6) return false;
  const name = fieldOf(e, 'name');
  if (typeof name === 'string' && QUOTA_NAMES.has(name)) return true;
  const failures = fieldOf(e, 'failures');
  const list: unknown[] = Array.isArray(failures) ? failures : [];
  return [fieldOf(e, 'inner'), fieldOf(e, 'cause'), ...list.slice(0, 20)].some((x) => isQuotaError(x, depth + 1));
}

/** A TsumikiError for any failure of a store operation: STORE_QUOTA, or STORE_FAILED with the name. */
export function toStoreError(e: unknown, operation: string): TsumikiError {
  if (isTsumikiError(e)) return e;
  if (isQuotaError(e)) {
    return new TsumikiError('STORE_QUOTA', `${operation}: storage is full`, { cause: e, data: { operation } });
  }
  const name = typeof e === 'object' && e !== null ? fieldOf(e, 'name') : undefined;
  return new TsumikiError('STORE_FAILED', `${operation} failed`, {
    cause: e,
    data: { operation, name: typeof name === 'string' ? name : 'unknown' },
  });
}

/** Runs a store operation and maps whatever it throws. */
export async function guarded<T>(operation: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw toStoreError(e, operation);
  }
}

/**
 * Runs `scope` in one read-write transaction over `tables` and maps failures. A browser may report
 * a full disk only when the transaction commits (Chrome: the transaction aborts with
 * QuotaExceededError, while the pending request only says AbortError), so the transaction's own
 * error is consulted too.
 */
export async function writeTransaction<T>(
  db: Dexie,
  operation: string,
  tables: readonly Table[],
  scope: () => Promise<T>,
): Promise<T> {
  let idbtrans: IDBTransaction | undefined;
  try {
    return await db.transaction('rw', tables, (tx) => {
      idbtrans = tx.idbtrans;
      return scope();
    });
  } catch (e) {
    const txError = idbtrans?.error ?? null;
    throw toStoreError(isQuotaError(txError) ? txError : e, operation);
  }
}
