/**
 * What an import was doing, kept in localStorage while it runs (issue 8), so that when the page was
 * closed or crashed mid-import the next start can say what happened. The wallet itself needs no
 * repair: each write is one IndexedDB transaction, so a badge is either saved whole or not at all.
 */
import type { AppState } from '../context.ts';

const KEY = 'tsumiki.import';

export interface ImportJournal {
  readonly total: number;
  readonly done: number;
  readonly startedAt: string;
}

type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function storage(): StorageLike | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // storage disabled: the journal is a nicety, never a failure
  }
}

/** Records progress; `done === total` (or `end`) clears it. */
export function journal(done: number, total: number, store = storage()): void {
  try {
    if (done >= total) store?.removeItem(KEY);
    else {
      const startedAt = (read(store)?.startedAt ?? new Date().toISOString());
      store?.setItem(KEY, JSON.stringify({ total, done, startedAt } satisfies ImportJournal));
    }
  } catch {
    // A full or disabled localStorage must not stop an import.
  }
}

function read(store: StorageLike | undefined): ImportJournal | undefined {
  try {
    const raw: unknown = JSON.parse(store?.getItem(KEY) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return undefined;
    const { total, done, startedAt } = raw as Record<string, unknown>; // why: checked field by field below
    if (typeof total !== 'number' || typeof done !== 'number' || typeof startedAt !== 'string') return undefined;
    return { total, done, startedAt };
  } catch {
    return undefined;
  }
}

/** The journal of an import that did not finish (and forgets it), or undefined. */
export function takeInterrupted(store = storage()): ImportJournal | undefined {
  const found = read(store);
  try {
    store?.removeItem(KEY);
  } catch {
    // nothing to forget
  }
  return found;
}

/** At start-up: says so when the last import did not finish (the toast stays a minute). */
export function reportInterrupted(app: Pick<AppState, 'toasts' | 'i18n'>): void {
  const j = takeInterrupted();
  if (j) app.toasts.show(app.i18n.t('import.interrupted', { done: j.done, total: j.total }), 'info', undefined, 60_000);
}
