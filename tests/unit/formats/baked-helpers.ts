/** Test helpers for baked PNG/SVG: fixtures, hand-built chunks, a fast-to-build zlib bomb. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Deflate, zlibSync } from 'fflate';
import { expect } from 'vitest';
import { isTsumikiError, type ErrorCode } from '../../../src/lib/errors.ts';
import { crc32 } from '../../../src/lib/formats/baked/png-chunks.ts';
import { concat } from '../../../src/lib/util/bytes.ts';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

export function fixtureBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(FIXTURES + path));
}

export function fixtureText(path: string): string {
  return readFileSync(FIXTURES + path, 'utf8');
}

const latin1Bytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const utf8Bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

export { concat };

function u32(n: number): Uint8Array {
  return new Uint8Array([(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]);
}

/** A whole chunk record (length, type, data, CRC); `lengthOverride` lies about the length. */
export function chunk(type: string, data: Uint8Array, lengthOverride?: number): Uint8Array {
  const typeAndData = concat(latin1Bytes(type), data);
  return concat(u32(lengthOverride ?? data.length), typeAndData, u32(crc32(typeAndData)));
}

export function itxt(keyword: string, text: string | Uint8Array, opts: { compressed?: boolean; flag?: number } = {}): Uint8Array {
  const raw = typeof text === 'string' ? utf8Bytes(text) : text;
  const body = opts.compressed ? zlibSync(raw) : raw;
  const flag = opts.flag ?? (opts.compressed ? 1 : 0);
  return chunk('iTXt', concat(latin1Bytes(keyword), new Uint8Array([0, flag, 0, 0, 0]), body));
}

export function textChunk(keyword: string, latin1Text: string): Uint8Array {
  return chunk('tEXt', concat(latin1Bytes(keyword), new Uint8Array([0]), latin1Bytes(latin1Text)));
}

export function ztxt(keyword: string, latin1Text: string): Uint8Array {
  return chunk('zTXt', concat(latin1Bytes(keyword), new Uint8Array([0, 0]), zlibSync(latin1Bytes(latin1Text))));
}

/** Inserts chunk records just before IEND (the last 12 bytes of the fixtures). */
export function insertBeforeIend(png: Uint8Array, ...records: Uint8Array[]): Uint8Array {
  const iend = png.length - 12;
  expect(String.fromCharCode(...png.subarray(iend + 4, iend + 8))).toBe('IEND');
  return concat(png.subarray(0, iend), ...records, png.subarray(iend));
}

/**
 * zlib stream that inflates to `mib` MiB of zeros, built without compressing that much: deflate 1 MiB of zeros
 * twice with sync flushes; the second flushed segment only refers back to zeros, so it can be repeated.
 */
export function zlibBomb(mib: number): Uint8Array {
  const segments: Uint8Array[][] = [[], []];
  let current = 0;
  const deflate = new Deflate({ level: 9 }, (data) => segments[current]!.push(data));
  const mebibyte = new Uint8Array(1 << 20);
  deflate.push(mebibyte);
  deflate.flush(true);
  current = 1;
  deflate.push(mebibyte);
  deflate.flush(true);
  const first = concat(...segments[0]!);
  const repeat = concat(...segments[1]!);
  const total = mib * (1 << 20);
  const adler = (((total % 65521) << 16) | 1) >>> 0; // Adler-32 of zeros: a = 1, b = count mod 65521
  const parts: Uint8Array[] = [new Uint8Array([0x78, 0xda]), first];
  for (let i = 1; i < mib; i++) parts.push(repeat);
  parts.push(new Uint8Array([0x03, 0x00]), u32(adler)); // empty final fixed-Huffman block, then Adler-32
  return concat(...parts);
}

/** Runs `fn` and returns the TsumikiError it throws, failing the test on anything else. */
export function codeOf(fn: () => unknown): { code: ErrorCode; data: Readonly<Record<string, unknown>> | undefined } {
  try {
    fn();
  } catch (e) {
    if (isTsumikiError(e)) return { code: e.code, data: e.data };
    throw e;
  }
  throw new Error('expected a TsumikiError, nothing was thrown');
}
