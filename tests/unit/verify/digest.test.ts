// The RDFC hashes (verify/digest.ts): node:crypto in Node must give WebCrypto's bytes, UTF-8 edge cases included.
import { describe, expect, it } from 'vitest';
import { digestText } from '../../../src/lib/verify/digest.ts';

const TEXTS = ['', 'a', '<urn:x> <urn:p> "日本語" .\n', 'a\ud800b\udc00\u{1F600}', 'x'.repeat(100_000)];

describe('digestText', () => {
  it('gives the bytes WebCrypto gives', async () => {
    for (const algorithm of ['SHA-256', 'SHA-384'] as const) {
      for (const text of TEXTS) {
        const expected = new Uint8Array(await crypto.subtle.digest(algorithm, new TextEncoder().encode(text)));
        expect(await digestText(algorithm, text)).toEqual(expected);
      }
    }
  });
});
