/** Pathway documents in the `meta` table: add, replace (keeping the date), list, delete and put back. */
import { expect, test } from 'vitest';
import { setSetting } from '../../../src/lib/store/kv.ts';
import { deletePathway, listPathways, pathwayOfRow, putPathway, restorePathway } from '../../../src/lib/store/pathways.ts';
import { NOW, openTest } from './helpers.ts';

const doc = (title: string) => ({ pathwayVersion: 1, id: 'urn:p:1', title: { en: title } });

test('add, replace, list, delete, restore', async () => {
  let clock = NOW;
  const db = await openTest({ now: () => clock });
  await setSetting(db, 'lang', 'ja');
  expect(await listPathways(db)).toEqual([]);
  expect(await putPathway(db, 'urn:p:1', doc('One'), { kind: 'demo' })).toBe('added');
  clock = new Date(NOW.getTime() + 60_000);
  expect(await putPathway(db, 'urn:p:2', { ...doc('Two'), id: 'urn:p:2' }, { kind: 'url', url: 'https://u.example/p.json' })).toBe('added');
  expect(await putPathway(db, 'urn:p:1', doc('One, revised'), { kind: 'file', name: 'p.json' })).toBe('replaced');
  const list = await listPathways(db);
  expect(list.map((p) => [p.id, p.doc.title, p.addedAt, p.source.kind])).toEqual([
    ['urn:p:1', { en: 'One, revised' }, NOW.toISOString(), 'file'],
    ['urn:p:2', { en: 'Two' }, clock.toISOString(), 'url'],
  ]);
  const removed = await deletePathway(db, 'urn:p:1');
  expect(removed?.id).toBe('urn:p:1');
  expect(await deletePathway(db, 'urn:p:1')).toBeNull();
  expect((await listPathways(db)).map((p) => p.id)).toEqual(['urn:p:2']);
  await restorePathway(db, removed!);
  expect(await listPathways(db)).toEqual(list);
  expect(await db.meta.get('lang')).toEqual({ key: 'lang', value: 'ja' }); // settings untouched
});

test('rows that are not pathways, or damaged ones, are ignored', () => {
  expect(pathwayOfRow({ key: 'lang', value: 'en' })).toBeNull();
  expect(pathwayOfRow({ key: 'pathway:x', value: 'nope' })).toBeNull();
  expect(pathwayOfRow({ key: 'pathway:x', value: { doc: {}, addedAt: 3 } })).toBeNull();
  expect(pathwayOfRow({ key: 'pathway:x', value: { doc: {}, addedAt: 'd', source: { kind: 'weird' } } })?.source).toEqual({ kind: 'demo' });
});
