/** `#/import?data=` links: base64url of deflate-raw, decoded with a bound. */
import { readFileSync } from 'node:fs';
import { deflateSync } from 'fflate';
import { expect, test } from 'vitest';
import { base64urlEncode as toBase64url, fromBase64url } from '../../../src/lib/util/bytes.ts';
import { decodeDataParam, encodeDataParam, MAX_LINK_BYTES } from '../../../src/lib/wallet/deeplink.ts';

test('round trip of a real credential', () => {
  const bytes = new Uint8Array(readFileSync(new URL('../../fixtures/ob3/dcc-verifier-core/v2NoStatus.json', import.meta.url)));
  const param = encodeDataParam(bytes);
  expect(param).toMatch(/^[A-Za-z0-9_-]+$/);
  expect(param.length).toBeLessThan(bytes.length);
  expect(decodeDataParam(param)).toEqual(bytes);
});

test('base64url edge cases', () => {
  for (const n of [0, 1, 2, 3, 4, 5]) {
    const b = new Uint8Array(n).map((_, i) => 250 + i);
    expect(fromBase64url(toBase64url(b))).toEqual(b);
  }
  expect(fromBase64url('a+b/')).toBeNull();
});

test('garbage and bombs are coded errors', () => {
  expect(() => decodeDataParam('!!!')).toThrow(expect.objectContaining({ code: 'FORMAT_UNRECOGNIZED' }));
  expect(() => decodeDataParam(toBase64url(new Uint8Array([0xff, 0xff, 0xff])))).toThrow(expect.objectContaining({ code: 'FORMAT_UNRECOGNIZED' }));
  const bomb = toBase64url(deflateSync(new Uint8Array(MAX_LINK_BYTES + 1)));
  expect(bomb.length).toBeLessThan(3000);
  expect(() => decodeDataParam(bomb)).toThrow(expect.objectContaining({ code: 'INPUT_TOO_LARGE' }));
});
