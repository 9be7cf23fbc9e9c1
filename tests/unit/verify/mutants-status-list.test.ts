// Tests written for StrykerJS (`npm run mutate`): decoding a status list and reading one entry, bit by bit.
import { gzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeStatusList, MAX_STATUS_LIST_BYTES, readStatus } from '../../../src/lib/verify/status-list.ts';

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

describe('readStatus: left-most bit first, statusSize bits wide', () => {
  // 0b10110010 0b01000001
  const list = new Uint8Array([0xb2, 0x41]);

  it('one bit per entry', () => {
    expect(Array.from({ length: 16 }, (_, i) => readStatus(list, i))).toEqual([1, 0, 1, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1]);
  });

  it('two, three, four and eight bits per entry', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((i) => readStatus(list, i, 2))).toEqual([0b10, 0b11, 0b00, 0b10, 0b01, 0b00, 0b00, 0b01]);
    expect([0, 1, 2, 3, 4].map((i) => readStatus(list, i, 3))).toEqual([0b101, 0b100, 0b100, 0b100, 0b000]);
    expect([0, 1, 2, 3].map((i) => readStatus(list, i, 4))).toEqual([0xb, 0x2, 0x4, 0x1]);
    expect([0, 1].map((i) => readStatus(list, i, 8))).toEqual([0xb2, 0x41]);
  });

  it('past the end, or an entry that runs past it: undefined', () => {
    expect(readStatus(list, 16)).toBeUndefined();
    expect(readStatus(list, 5, 3)).toBeUndefined(); // bits 15..17: the last two are not there
    expect(readStatus(list, 2, 8)).toBeUndefined();
    expect(readStatus(new Uint8Array(), 0)).toBeUndefined();
  });

  it('an index or a size that is not a fit integer: undefined', () => {
    for (const index of [-1, 0.5, NaN, Infinity]) expect(readStatus(list, index)).toBeUndefined();
    for (const size of [0, 9, 1.5, -1]) expect(readStatus(list, 0, size)).toBeUndefined();
    expect(readStatus(list, 0, 8)).toBe(0xb2);
  });
});

describe('decodeStatusList', () => {
  const bits = new Uint8Array([0x80, 0, 1]);

  it('multibase base64url (u prefix) and plain base64url both decode', () => {
    expect(decodeStatusList('u' + b64url(gzipSync(bits)))).toEqual(bits);
    expect(decodeStatusList(b64url(gzipSync(bits)))).toEqual(bits);
  });

  it('a list larger than the bound is refused; exactly the bound is read', () => {
    expect(MAX_STATUS_LIST_BYTES).toBe(16 * 1024 * 1024);
    expect(decodeStatusList(b64url(gzipSync(new Uint8Array(MAX_STATUS_LIST_BYTES)))).length).toBe(MAX_STATUS_LIST_BYTES);
    expect(() => decodeStatusList(b64url(gzipSync(new Uint8Array(MAX_STATUS_LIST_BYTES + 1))))).toThrow(/exceeds/);
  });

  it('not GZIP: an error', () => {
    expect(() => decodeStatusList('u' + b64url(new Uint8Array([1, 2, 3, 4])))).toThrow();
  });
});
