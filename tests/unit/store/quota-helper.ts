/**
 * Makes fake-indexeddb fail a write the way browsers do when the disk or quota is full:
 * - 'request': the put/add request fails with QuotaExceededError (Firefox style), which aborts the transaction;
 * - 'commit': the transaction is aborted with error QuotaExceededError (Chrome reports it at commit).
 */
import { IDBObjectStore } from 'fake-indexeddb';

type Put = (this: FakeStore, value: unknown, key?: unknown) => unknown;
interface FakeStore {
  name: string;
  transaction: {
    _execRequestAsync(req: { operation: () => unknown; source: unknown }): unknown;
    _abort(name: string): void;
  };
}

/**
 * After `okWrites` successful writes to `store`, the next write fails. Returns a function that
 * undoes the patch. Uses fake-indexeddb internals (`_execRequestAsync`, `_abort`): no public API
 * can make an IndexedDB implementation run out of space on demand.
 */
export function failWritesAfter(store: string, okWrites: number, mode: 'request' | 'commit' = 'request'): () => void {
  // fake-indexeddb's classes are untyped JS here; we only reach the two methods we patch.
  const proto = IDBObjectStore.prototype as unknown as Record<'put' | 'add', Put>;
  const original = { put: proto.put, add: proto.add };
  let writes = 0;
  for (const method of ['put', 'add'] as const) {
    proto[method] = function (this: FakeStore, value: unknown, key?: unknown) {
      if (this.name === store && writes++ >= okWrites) {
        if (mode === 'commit') {
          const req = original[method].call(this, value, key);
          this.transaction._abort('QuotaExceededError');
          return req;
        }
        return this.transaction._execRequestAsync({
          operation: () => {
            throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          },
          source: this,
        });
      }
      return original[method].call(this, value, key);
    };
  }
  return () => {
    proto.put = original.put;
    proto.add = original.add;
  };
}
