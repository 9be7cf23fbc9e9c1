import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { bytesEqual, contentId, fromBase64, fromUtf8, toBase64, toHex } from '../../../src/lib/util/bytes.ts';
import { normalizeTags, searchKey, searchWords } from '../../../src/lib/store/normalize.ts';
import { requestPersistence, storageStatus } from '../../../src/lib/store/storage.ts';

describe('bytes', () => {
  test('base64 agrees with Node and round-trips', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const b64 = toBase64(bytes);
        expect(b64).toBe(Buffer.from(bytes).toString('base64'));
        expect(fromBase64(b64)).toEqual(bytes);
      }),
    );
  });

  test('strict base64 decoding refuses bad input', () => {
    for (const bad of ['abc', 'ab=c', '====', 'YQ', 'YR==', 'Y Q==', 'YQ==YQ==', '*A==']) expect(fromBase64(bad), bad).toBeNull();
    expect(fromBase64('')).toEqual(new Uint8Array());
  });

  test('content id is the hex SHA-256', async () => {
    expect(await contentId(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(toHex(new Uint8Array([0, 15, 255]))).toBe('000fff');
  });

  test('strict UTF-8 and equality', () => {
    expect(fromUtf8(new Uint8Array([0xff]))).toBeNull();
    expect(fromUtf8(new TextEncoder().encode('積み木'))).toBe('積み木');
    expect(bytesEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true);
    expect(bytesEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false);
    expect(bytesEqual(new Uint8Array([1]), new Uint8Array([1, 3]))).toBe(false);
  });
});

describe('normalisation', () => {
  test('search keys fold width and case', () => {
    expect(searchKey('  ＯＰＥＮ　Ｂａｄｇｅ\n ﾃﾞｰﾀ ')).toBe('open badge データ');
    expect(searchWords('  ')).toEqual([]);
    expect(searchWords('Data  ＳＣＩＥＮＣＥ')).toEqual(['data', 'science']);
  });

  test('tags are trimmed and deduplicated case-insensitively, first spelling wins', () => {
    expect(normalizeTags([' AI ', 'ai', '', 'Data  Science', '学習'])).toEqual(['AI', 'Data Science', '学習']);
  });
});

describe('storage manager (injected, browser only)', () => {
  test('without one, nothing is known and persistence is not granted', async () => {
    expect(await storageStatus()).toEqual({ persisted: null, usage: null, quota: null });
    expect(await requestPersistence()).toBe(false);
  });

  test('with one, its answers are passed on and its failures do not throw', async () => {
    const sm = { persist: async () => true, persisted: async () => false, estimate: async () => ({ usage: 10, quota: 100 }) };
    expect(await storageStatus(sm)).toEqual({ persisted: false, usage: 10, quota: 100 });
    expect(await requestPersistence(sm)).toBe(true);
    const broken = { persist: () => Promise.reject(new Error('x')), estimate: () => Promise.reject(new Error('y')) };
    expect(await storageStatus(broken)).toEqual({ persisted: null, usage: null, quota: null });
    expect(await requestPersistence(broken)).toBe(false);
  });
});
