// base58btc decoding (util/bytes.ts), rewritten for speed with a lookup table: it must agree with
// the plain algorithm it replaced on any text, and round-trip with the encoder.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base58btcDecode, base58btcEncode } from '../../src/lib/util/bytes.ts';

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** The earlier implementation, kept here as the reference. */
function reference(text: string): Uint8Array | undefined {
  const bytes: number[] = [];
  for (const ch of text) {
    let carry = B58.indexOf(ch);
    if (carry < 0) return undefined;
    for (let i = 0; i < bytes.length; i++) {
      carry += (bytes[i] as number) * 58;
      bytes[i] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }
  for (const ch of text) {
    if (ch !== '1') break;
    bytes.push(0);
  }
  return new Uint8Array(bytes.reverse());
}

const b58text = fc.array(fc.constantFrom(...B58), { maxLength: 120 }).map((a) => a.join(''));

describe('base58btcDecode', () => {
  it('agrees with the reference on base58 text and on anything else', () => {
    fc.assert(fc.property(fc.oneof(b58text, fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 20 })), (t) => {
      expect(base58btcDecode(t)).toEqual(reference(t));
    }), { numRuns: 2000 });
  });

  it('round-trips with the encoder, leading zeros included', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 100 }), (bytes) => {
      expect(base58btcDecode(base58btcEncode(bytes))).toEqual(bytes);
    }), { numRuns: 1000 });
    expect(base58btcDecode('')).toEqual(new Uint8Array());
    expect(base58btcDecode('111')).toEqual(new Uint8Array(3));
    expect(base58btcDecode('0')).toBeUndefined();
  });
});
