/**
 * The one bridge from Dexie's liveQuery to Svelte state: a query over the wallet database that
 * answers again whenever what it read changes. Dexie is loaded with the first query, off the first
 * paint; `source` (the database, or what gives it) may still be opening.
 */
import { createSubscriber } from 'svelte/reactivity';

export interface LiveHandlers<T> {
  /** Every answer of the query. */
  readonly next: (value: T) => void;
  /** The query failed, or `source` could not be had. */
  readonly error: () => void;
}

/** Runs `query` live once `source` is there; returns the stop function (for an `$effect`). */
export function watchLive<S, T>(source: S | Promise<S>, query: (source: S) => T | Promise<T>, on: LiveHandlers<T>): () => void {
  let stop: (() => void) | undefined;
  let stopped = false;
  Promise.all([source, import('dexie')]).then(
    ([ready, { liveQuery }]) => {
      if (stopped) return;
      const sub = liveQuery(() => query(ready)).subscribe({ next: on.next, error: on.error });
      stop = () => sub.unsubscribe();
    },
    () => on.error(),
  );
  return () => {
    stopped = true;
    stop?.();
  };
}

/**
 * `watchLive` for a getter: call the returned function where the state is read; the query runs
 * while some effect reads it, and stops with the last one (Svelte's `createSubscriber`).
 */
export function liveSubscriber<S, T>(source: S | Promise<S>, query: (source: S) => T | Promise<T>, on: LiveHandlers<T>): () => void {
  return createSubscriber(() => watchLive(source, query, on));
}
