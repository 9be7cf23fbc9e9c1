/** The importer: one queue however many times it is called, a result per file, a tally. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { Importer, type Source } from '../../src/ui/state/Importer.svelte.ts';
import { openTest } from '../unit/store/helpers.ts';
import { verifyHere } from './verify-here.ts';
import { countBadges } from '../support/store.ts';

// Client-transformed modules have web-style import.meta.url, so paths start from the project root.
const file = (name: string, path: string): Source => ({ name, read: async () => new Uint8Array(readFileSync(join(process.cwd(), 'public/demo', path))) });

test('two imports started together run one after the other, with one progress count', async () => {
  const db = await openTest();
  verifyHere(db); // the verify worker's jobs, on this thread (Node has no Worker)
  const importer = new Importer(db);
  const first = importer.run([file('a', '02-python-basics.json'), file('b', '04-sdgs.json')]);
  const second = importer.run([file('c', '02-python-basics.json'), { name: 'bad', read: async () => new TextEncoder().encode('nope') }]);
  expect(importer.busy).toBe(true);
  expect(importer.total).toBe(4);
  const [r1, r2] = await Promise.all([first, second]);
  expect(importer.busy).toBe(false);
  expect(importer.done).toBe(4);
  expect(r1.map((r) => (r.outcome.ok ? r.outcome.credentials[0]?.status : r.outcome.error))).toEqual(['added', 'added']);
  expect(r2.map((r) => (r.outcome.ok ? r.outcome.credentials[0]?.status : r.outcome.error.code))).toEqual(['duplicate', 'FORMAT_UNRECOGNIZED']);
  expect(importer.results.map((r) => r.name)).toEqual(['bad', 'c', 'b', 'a']); // newest first
  expect(importer.tally).toEqual({ added: 2, duplicate: 1, failed: 1 });
  expect(await countBadges(db)).toBe(2);
  importer.clear();
  expect(importer.results).toEqual([]);
});

test('a source that cannot be read is a FILE_UNREADABLE row, not a crash', async () => {
  const importer = new Importer(await openTest());
  const [row] = await importer.run([{ name: 'gone', read: () => Promise.reject(new Error('removed')) }]);
  expect(row?.outcome).toMatchObject({ ok: false, error: { code: 'FILE_UNREADABLE' } });
});
