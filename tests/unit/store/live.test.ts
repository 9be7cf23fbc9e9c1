/**
 * The UI will wrap store reads in Dexie's liveQuery: check that they re-run after writes.
 * liveQuery only runs when Dexie saw a global indexedDB at load time (dexie/Dexie.js#2046); a
 * browser has one, Node has not, so this test lends Dexie one for its duration.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Dexie, liveQuery } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { addBadge, setTags } from '../../../src/lib/store/badges.ts';
import { deleteBadge, undoDelete } from '../../../src/lib/store/trash.ts';
import { newBadge, NOW, openTest } from './helpers.ts';
import { listBadges } from '../../support/store.ts';

const deps = Dexie.dependencies;
const saved = deps.indexedDB;
beforeAll(() => {
  deps.indexedDB = new IDBFactory();
});
afterAll(() => {
  deps.indexedDB = saved;
});

test('listBadges inside liveQuery follows imports, tag edits, deletes and undo', async () => {
  const db = await openTest();
  const seen: string[][] = [];
  let wake: () => void = () => {};
  const sub = liveQuery(() => listBadges(db, { tags: ['cv'], now: NOW, sort: 'title' })).subscribe({
    next: (rows) => {
      seen.push(rows.map((r) => r.summary.title));
      wake();
    },
  });
  const next = (count: number) =>
    new Promise<void>((resolve) => {
      wake = () => seen.length >= count && resolve();
      wake();
    });
  await next(1);
  const { id } = await addBadge(db, newBadge({ n: 1, tags: ['cv'] }));
  await next(2);
  await addBadge(db, newBadge({ n: 2 }));
  await setTags(db, (await addBadge(db, newBadge({ n: 3 }))).id, ['cv']);
  await next(3);
  const token = await deleteBadge(db, id);
  await next(4);
  await undoDelete(db, token ?? '');
  await next(5);
  sub.unsubscribe();
  expect(seen[0]).toEqual([]);
  expect(seen.at(-1)).toEqual(['Badge 1', 'Badge 3']);
  expect(seen).toContainEqual(['Badge 3']);
});
