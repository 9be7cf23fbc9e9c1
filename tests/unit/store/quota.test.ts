import { afterEach, describe, expect, test } from 'vitest';
import { addBadges, getBadge, setNote } from '../../../src/lib/store/badges.ts';
import { isQuotaError, toStoreError } from '../../../src/lib/store/errors.ts';
import { deleteBadge, undoDelete } from '../../../src/lib/store/trash.ts';
import { TsumikiError } from '../../../src/lib/errors.ts';
import { newBadge, openTest } from './helpers.ts';
import { failWritesAfter } from './quota-helper.ts';
import { importFiles } from '../../support/store.ts';

let undo: (() => void) | undefined;
afterEach(() => {
  undo?.();
  undo = undefined;
});

describe.each(['request', 'commit'] as const)('storage full (%s)', (mode) => {
  test('mid-file: STORE_QUOTA and not one row of the file is written', async () => {
    const db = await openTest();
    undo = failWritesAfter('originals', 2, mode);
    await expect(addBadges(db, [newBadge({ n: 1 }), newBadge({ n: 2 }), newBadge({ n: 3 })])).rejects.toMatchObject({
      code: 'STORE_QUOTA',
    });
    expect(await db.badges.count()).toBe(0);
    expect(await db.originals.count()).toBe(0);
  });

  test('mid-batch: earlier files stay whole, the failing file is absent, the next file reports too', async () => {
    const db = await openTest();
    undo = failWritesAfter('originals', 3, mode);
    const out = await importFiles(db, [
      [newBadge({ n: 1 }), newBadge({ n: 2 })],
      [newBadge({ n: 3 }), newBadge({ n: 4 })],
      [newBadge({ n: 5 })],
    ]);
    expect(out.map((f) => (f.ok ? 'ok' : f.error.code))).toEqual(['ok', 'STORE_QUOTA', 'STORE_QUOTA']);
    const titles = (await db.badges.toArray()).map((b) => b.summary.title).sort();
    expect(titles).toEqual(['Badge 1', 'Badge 2']);
    expect(await db.originals.count()).toBe(2);
  });

  test('a delete that cannot write its undo entry deletes nothing', async () => {
    const db = await openTest();
    const [r] = await addBadges(db, [newBadge({ n: 1 })]);
    const id = r?.id ?? '';
    undo = failWritesAfter('trash', 0, mode);
    await expect(deleteBadge(db, id)).rejects.toMatchObject({ code: 'STORE_QUOTA' });
    expect(await getBadge(db, id)).toBeDefined();
    expect(await db.originals.count()).toBe(1);
  });

  test('an undo that cannot write keeps the trash entry, so it can be tried again', async () => {
    const db = await openTest();
    const [r] = await addBadges(db, [newBadge({ n: 1 })]);
    const token = (await deleteBadge(db, r?.id ?? '')) ?? '';
    undo = failWritesAfter('originals', 0, mode);
    await expect(undoDelete(db, token)).rejects.toMatchObject({ code: 'STORE_QUOTA' });
    expect(await db.badges.count()).toBe(0);
    undo();
    undo = undefined;
    expect((await undoDelete(db, token))?.restored).toEqual([r?.id]);
  });

  test('a note that cannot be saved leaves the old one', async () => {
    const db = await openTest();
    const [r] = await addBadges(db, [{ ...newBadge({ n: 1 }), note: 'old' }]);
    undo = failWritesAfter('badges', 0, mode);
    await expect(setNote(db, r?.id ?? '', 'new')).rejects.toMatchObject({ code: 'STORE_QUOTA' });
    undo();
    undo = undefined;
    expect((await getBadge(db, r?.id ?? ''))?.note).toBe('old');
  });
});

describe('error mapping', () => {
  test('quota is recognised however it is wrapped', () => {
    const dom = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaError(dom)).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: dom })).toBe(true);
    expect(isQuotaError(new Error('x', { cause: { name: 'NS_ERROR_DOM_QUOTA_REACHED' } }))).toBe(true);
    expect(isQuotaError(new DOMException('x', 'AbortError'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
  });

  test('toStoreError keeps TsumikiErrors and names other failures', () => {
    const own = new TsumikiError('INPUT_EMPTY', 'x');
    expect(toStoreError(own, 'import')).toBe(own);
    expect(toStoreError(new DOMException('x', 'QuotaExceededError'), 'import')).toMatchObject({ code: 'STORE_QUOTA' });
    expect(toStoreError(new DOMException('x', 'DataCloneError'), 'import')).toMatchObject({
      code: 'STORE_FAILED',
      data: { operation: 'import', name: 'DataCloneError' },
    });
  });
});
