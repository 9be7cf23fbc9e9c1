/** The import journal (issue 8): progress kept while an import runs, reported once after an interruption. */
import { expect, test } from 'vitest';
import { journal, takeInterrupted } from '../../../src/ui/state/import-journal.ts';

function memory(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

test('a finished import leaves nothing to report', () => {
  const store = memory();
  journal(0, 3, store);
  journal(2, 3, store);
  journal(3, 3, store);
  expect(takeInterrupted(store)).toBeUndefined();
});

test('an interrupted import is reported once, with how far it got and when it started', () => {
  const store = memory();
  journal(0, 400, store);
  const started = JSON.parse(store.data.get('tsumiki.import') ?? '{}').startedAt;
  journal(17, 400, store);
  expect(takeInterrupted(store)).toEqual({ done: 17, total: 400, startedAt: started });
  expect(takeInterrupted(store)).toBeUndefined();
});

test('garbage, a full or a missing storage never throw', () => {
  const store = memory();
  store.data.set('tsumiki.import', '{"total":"x"');
  expect(takeInterrupted(store)).toBeUndefined();
  const full = { ...memory(), setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } };
  expect(() => journal(1, 2, full)).not.toThrow();
  expect(() => journal(1, 2, undefined)).not.toThrow();
  expect(takeInterrupted(undefined)).toBeUndefined();
});
