// Tests written for StrykerJS (`npm run mutate`): the PNG chunk walker and baked-PNG reader/writer. Every
// refusal is asserted whole (code, words and data: the data says where and why, for the report).
import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { concat } from '../../../src/lib/util/bytes.ts';
import { errorOf } from '../../support/errors.ts';
import { fixtureBytes } from './baked-helpers.ts';
import { bakePng, DEFAULT_PNG_LIMITS, extractFromPng, isPng } from '../../../src/lib/formats/baked/png.ts';
import { crc32, encodePngChunks, hasPngSignature, isTextChunkType, latin1, PNG_SIGNATURE, walkPngChunks } from '../../../src/lib/formats/baked/png-chunks.ts';

const ascii = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));
const IHDR = { type: 'IHDR', data: new Uint8Array(13) };
const IEND = { type: 'IEND', data: new Uint8Array() };
const png = (...middle: { type: string; data: Uint8Array }[]) => encodePngChunks([IHDR, ...middle, IEND]);
/** An iTXt chunk: keyword NUL flag method lang NUL translated NUL body. */
const itxt = (keyword: string, body: Uint8Array, flag = 0, method = 0) => ({ type: 'iTXt', data: concat(ascii(keyword), new Uint8Array([0, flag, method, 0, 0]), body) });


describe('walkPngChunks', () => {
  it('walks from IHDR to IEND, ignoring bytes after IEND', () => {
    const bytes = concat(png({ type: 'tEXt', data: ascii('a\0b') }), new Uint8Array([1, 2, 3]));
    expect(walkPngChunks(bytes, 100).map((c) => [c.type, c.offset, c.data.length])).toEqual([
      ['IHDR', 8, 13],
      ['tEXt', 33, 3],
      ['IEND', 48, 0],
    ]);
  });

  it('not a PNG', () => {
    expect(errorOf(() => walkPngChunks(new Uint8Array([1, 2, 3]), 100))).toEqual({ code: 'PNG_MALFORMED', message: 'Not a PNG file: the 8-byte signature is missing', data: { reason: 'signature' } });
    expect(hasPngSignature(new Uint8Array(PNG_SIGNATURE.slice(0, 7)))).toBe(false);
    expect(isPng(new Uint8Array(PNG_SIGNATURE))).toBe(true);
    // Every one of the eight bytes counts: a file that shares only some of them (0x89, then text) is no PNG.
    for (let i = 0; i < 8; i++) {
      const almost = new Uint8Array([...PNG_SIGNATURE, 0, 0]);
      almost[i] = (almost[i] as number) ^ 0x20;
      expect(isPng(almost), `byte ${i}`).toBe(false);
    }
    expect(isPng(new TextEncoder().encode('\x89 not a PNG at all'))).toBe(false);
  });

  it('ends before IEND: where, and how long the file is', () => {
    const noEnd = encodePngChunks([IHDR]);
    expect(errorOf(() => walkPngChunks(noEnd, 100))).toEqual({ code: 'PNG_MALFORMED', message: 'PNG ends before IEND', data: { reason: 'truncated', offset: 33, fileBytes: 33 } });
    // Exactly eight more bytes: a header, but no room for its data and CRC.
    const header = concat(noEnd, new Uint8Array([0, 0, 0, 0]), ascii('IEND'));
    expect(errorOf(() => walkPngChunks(header, 100))).toEqual({
      code: 'PNG_MALFORMED',
      message: 'PNG chunk IEND runs past the end of the file',
      data: { reason: 'truncated', type: 'IEND', offset: 33, length: 0, fileBytes: 41 },
    });
  });

  it('a chunk type that is not four ASCII letters', () => {
    const bad = png({ type: 'ab1d', data: new Uint8Array() });
    expect(errorOf(() => walkPngChunks(bad, 100))).toEqual({ code: 'PNG_MALFORMED', message: 'PNG chunk type is not four ASCII letters', data: { reason: 'chunk-type', offset: 33 } });
    for (const type of ['@bcd', 'a[cd', 'ab`d', 'abc{']) expect(errorOf(() => walkPngChunks(png({ type, data: new Uint8Array() }), 100)).data).toEqual({ reason: 'chunk-type', offset: 33 });
    for (const type of ['AZaz', 'ZzAa']) expect(walkPngChunks(png({ type, data: new Uint8Array() }), 100)).toHaveLength(3);
  });

  it('a length over 2^31 - 1; exactly 2^31 - 1 is possible (here it runs past the end)', () => {
    const bytes = png({ type: 'abcd', data: new Uint8Array() });
    bytes.set([0x80, 0, 0, 0], 33);
    expect(errorOf(() => walkPngChunks(bytes, 100))).toEqual({ code: 'PNG_MALFORMED', message: 'PNG chunk abcd has an impossible length', data: { reason: 'chunk-length', type: 'abcd', offset: 33, length: 0x80000000 } });
    bytes.set([0x7f, 0xff, 0xff, 0xff], 33);
    expect(errorOf(() => walkPngChunks(bytes, 100))).toMatchObject({ code: 'PNG_MALFORMED', message: 'PNG chunk abcd runs past the end of the file', data: { reason: 'truncated', type: 'abcd', offset: 33, length: 0x7fffffff } });
  });

  it('a text chunk over the bound, before it is read; exactly the bound is read', () => {
    expect(walkPngChunks(png({ type: 'zTXt', data: new Uint8Array(10) }), 10)).toHaveLength(3);
    expect(errorOf(() => walkPngChunks(png({ type: 'zTXt', data: new Uint8Array(11) }), 10))).toEqual({
      code: 'PNG_CHUNK_TOO_LARGE',
      message: 'PNG zTXt chunk is larger than allowed',
      data: { type: 'zTXt', offset: 33, length: 11, max: 10 },
    });
    // Other chunks are bounded by the file only.
    expect(walkPngChunks(png({ type: 'IDAT', data: new Uint8Array(11) }), 10)).toHaveLength(3);
    expect(TEXT_TYPES.map(isTextChunkType)).toEqual([true, true, true, false]);
  });

  it('a bad CRC, with both values', () => {
    const bytes = png({ type: 'tEXt', data: ascii('k\0v') });
    const crcAt = 33 + 8 + 3;
    const computed = crc32(bytes.subarray(33 + 4, crcAt));
    bytes[crcAt + 3]! ^= 1;
    const stored = ((bytes[crcAt]! << 24) | (bytes[crcAt + 1]! << 16) | (bytes[crcAt + 2]! << 8) | bytes[crcAt + 3]!) >>> 0;
    expect(errorOf(() => walkPngChunks(bytes, 100))).toEqual({ code: 'PNG_MALFORMED', message: 'PNG chunk tEXt has a bad CRC', data: { reason: 'crc', type: 'tEXt', offset: 33, length: 3, stored, computed } });
    expect(crc32(ascii('IEND'))).toBe(0xae426082);
  });

  it('IHDR must come first', () => {
    expect(errorOf(() => walkPngChunks(encodePngChunks([{ type: 'tEXt', data: new Uint8Array() }, IHDR, IEND]), 100))).toEqual({
      code: 'PNG_MALFORMED',
      message: 'PNG does not start with IHDR',
      data: { reason: 'ihdr-not-first', type: 'tEXt', offset: 8 },
    });
  });

  it('latin1 decodes every byte as itself, in pieces of any length', () => {
    const all = new Uint8Array(20_000).map((_, i) => i % 256);
    expect(latin1(all)).toBe(Array.from(all, (b) => String.fromCharCode(b)).join(''));
  });
});

const TEXT_TYPES = ['iTXt', 'tEXt', 'zTXt', 'IDAT'];

describe('extractFromPng', () => {
  const text = '{"type":["VerifiableCredential"],"name":"é ✓"}';

  it('iTXt (plain or compressed), tEXt and zTXt, each saying how it was stored', () => {
    expect(extractFromPng(png(itxt('openbadgecredential', new TextEncoder().encode(text))))).toEqual({ text, chunk: 'iTXt', keyword: 'openbadgecredential', compressed: false });
    expect(extractFromPng(png(itxt('openbadges', zlibSync(new TextEncoder().encode(text)), 1, 0)))).toEqual({ text, chunk: 'iTXt', keyword: 'openbadges', compressed: true });
    expect(extractFromPng(png({ type: 'tEXt', data: concat(ascii('openbadges\0'), ascii('https://x.test/a')) }))).toEqual({ text: 'https://x.test/a', chunk: 'tEXt', keyword: 'openbadges', compressed: false });
    expect(extractFromPng(png({ type: 'zTXt', data: concat(ascii('openbadges\0'), new Uint8Array([0]), zlibSync(ascii('https://x.test/z'))) }))).toEqual({ text: 'https://x.test/z', chunk: 'zTXt', keyword: 'openbadges', compressed: true });
  });

  it('which keywords count: openbadgecredential only in iTXt; an empty or other keyword is not one', () => {
    expect(errorOf(() => extractFromPng(png({ type: 'tEXt', data: ascii('openbadgecredential\0x') })))).toEqual({ code: 'PNG_NO_CREDENTIAL', message: 'PNG has no Open Badges chunk', data: undefined });
    expect(errorOf(() => extractFromPng(png({ type: 'tEXt', data: ascii('\0openbadges') }))).code).toBe('PNG_NO_CREDENTIAL');
    expect(errorOf(() => extractFromPng(png({ type: 'tEXt', data: ascii('Comment\0x') }))).code).toBe('PNG_NO_CREDENTIAL');
    expect(errorOf(() => extractFromPng(png({ type: 'tEXt', data: ascii(`${'k'.repeat(80)}\0openbadges`) }))).code).toBe('PNG_NO_CREDENTIAL');
  });

  it('two credential chunks: refused, listing them', () => {
    const two = png({ type: 'tEXt', data: ascii('openbadges\0a') }, itxt('openbadgecredential', ascii('b')));
    expect(errorOf(() => extractFromPng(two))).toEqual({
      code: 'PNG_DUPLICATE_CREDENTIAL',
      message: 'PNG has more than one Open Badges chunk',
      data: { chunks: [{ type: 'tEXt', keyword: 'openbadges', offset: 33 }, { type: 'iTXt', keyword: 'openbadgecredential', offset: 57 }] },
    });
  });

  it('malformed text chunks say which field', () => {
    const at = { type: 'iTXt', keyword: 'openbadgecredential', offset: 33 };
    expect(errorOf(() => extractFromPng(png({ type: 'iTXt', data: ascii('openbadgecredential\0\0\0') })))).toEqual({ code: 'PNG_MALFORMED', message: 'PNG iTXt chunk "openbadgecredential" is malformed (itxt-fields)', data: { reason: 'itxt-fields', ...at } });
    expect(errorOf(() => extractFromPng(png({ type: 'iTXt', data: ascii('openbadgecredential\0') }))).data).toEqual({ reason: 'itxt-fields', ...at });
    expect(errorOf(() => extractFromPng(png(itxt('openbadgecredential', ascii('x'), 2, 0)))).data).toEqual({ reason: 'compression-flag', ...at });
    expect(errorOf(() => extractFromPng(png(itxt('openbadgecredential', ascii('x'), 1, 1)))).data).toEqual({ reason: 'compression-flag', ...at });
    expect(errorOf(() => extractFromPng(png(itxt('openbadgecredential', ascii('not zlib'), 1, 0)))).data).toEqual({ reason: 'zlib', ...at });
    expect(errorOf(() => extractFromPng(png(itxt('openbadgecredential', new Uint8Array([0xff, 0xfe]))))).data).toEqual({ reason: 'utf8', ...at });
    expect(errorOf(() => extractFromPng(png({ type: 'zTXt', data: concat(ascii('openbadges\0'), new Uint8Array([1]), zlibSync(ascii('x'))) })))).toEqual({
      code: 'PNG_MALFORMED',
      message: 'PNG zTXt chunk "openbadges" is malformed (compression-method)',
      data: { reason: 'compression-method', type: 'zTXt', keyword: 'openbadges', offset: 33 },
    });
  });

  it('limits: file size, and inflated text (stopped past the bound)', () => {
    expect(DEFAULT_PNG_LIMITS).toEqual({ maxBytes: 20 * 1024 * 1024, maxChunkBytes: 4 * 1024 * 1024, maxInflatedBytes: 4 * 1024 * 1024 });
    const file = png(itxt('openbadgecredential', ascii('x')));
    expect(errorOf(() => extractFromPng(file, { maxBytes: file.length - 1 }))).toEqual({ code: 'INPUT_TOO_LARGE', message: 'PNG file is larger than allowed', data: { bytes: file.length, max: file.length - 1 } });
    expect(extractFromPng(file, { maxBytes: file.length }).text).toBe('x');
    const bomb = png(itxt('openbadgecredential', zlibSync(new Uint8Array(5000)), 1, 0));
    const e = errorOf(() => extractFromPng(bomb, { maxInflatedBytes: 1000 }));
    expect(e).toMatchObject({ code: 'PNG_CHUNK_TOO_LARGE', message: 'PNG iTXt text inflates to more than allowed', data: { type: 'iTXt', keyword: 'openbadgecredential', offset: 33, maxInflated: 1000 } });
    expect((e.data as { inflatedAtLeast: number }).inflatedAtLeast).toBeGreaterThan(1000);
    expect(extractFromPng(bomb, { maxInflatedBytes: 5000 }).text).toHaveLength(5000);
    expect(errorOf(() => extractFromPng(png(itxt('openbadgecredential', ascii('x'))), { maxChunkBytes: 5 })).code).toBe('PNG_CHUNK_TOO_LARGE');
  });
});

describe('bakePng', () => {
  it('replaces every credential chunk with one iTXt before IEND, keeping everything else', () => {
    const base = png({ type: 'tEXt', data: ascii('Comment\0hi') }, { type: 'tEXt', data: ascii('openbadges\0old') }, itxt('openbadgecredential', ascii('older')));
    const baked = bakePng(base, 'new ✓', 'openbadges');
    expect(walkPngChunks(baked, 100).map((c) => c.type)).toEqual(['IHDR', 'tEXt', 'iTXt', 'IEND']);
    expect(extractFromPng(baked)).toEqual({ text: 'new ✓', chunk: 'iTXt', keyword: 'openbadges', compressed: false });
    expect(extractFromPng(bakePng(png(), 'x')).keyword).toBe('openbadgecredential');
  });

  it('refuses a lone surrogate, and text too large to read back', () => {
    expect(errorOf(() => bakePng(png(), 'a\uD800b'))).toEqual({ code: 'BAKE_TEXT_INVALID', message: 'Text has a lone UTF-16 surrogate and cannot be stored as UTF-8', data: undefined });
    const max = DEFAULT_PNG_LIMITS.maxChunkBytes;
    const over = 'x'.repeat(max - 'openbadgecredential'.length - 5 + 1);
    expect(errorOf(() => bakePng(png(), over))).toEqual({ code: 'PNG_CHUNK_TOO_LARGE', message: 'Text is too large to bake', data: { type: 'iTXt', length: max + 1, max } });
    expect(extractFromPng(bakePng(png(), over.slice(1))).text).toHaveLength(over.length - 1);
    expect(errorOf(() => bakePng(new Uint8Array(DEFAULT_PNG_LIMITS.maxBytes + 1), 'x')).code).toBe('INPUT_TOO_LARGE');
  });
});

describe('mutants: which chunks are credential chunks (a real badge image, baked then read back)', () => {
  const robot = (): Uint8Array => fixtureBytes('ob2/1edtech-validator/assets/robotics-badge.png');
  const beforeIend = (bytes: Uint8Array, ...extra: { type: string; data: Uint8Array }[]): Uint8Array => {
    const chunks = walkPngChunks(bytes, DEFAULT_PNG_LIMITS.maxChunkBytes);
    return encodePngChunks([...chunks.slice(0, -1), ...extra, chunks[chunks.length - 1]!]);
  };

  it('a text chunk with no NUL ending its keyword is not one, even when its bytes start with "openbadges"', () => {
    const noNul = { type: 'tEXt', data: ascii('openbadgesX') };
    expect(errorOf(() => extractFromPng(beforeIend(robot(), noNul)))).toEqual({ code: 'PNG_NO_CREDENTIAL', message: 'PNG has no Open Badges chunk', data: undefined });
    const baked = beforeIend(bakePng(robot(), 'https://x.test/a', 'openbadges'), noNul);
    expect(extractFromPng(baked)).toEqual({ text: 'https://x.test/a', chunk: 'iTXt', keyword: 'openbadges', compressed: false });
  });

  it('a non-text chunk holding "openbadges\\0…" is not one: read past, and kept when baking', () => {
    const lookalike = { type: 'obDg', data: ascii('openbadges\0https://x.test/old') };
    const image = beforeIend(robot(), lookalike);
    expect(errorOf(() => extractFromPng(image)).code).toBe('PNG_NO_CREDENTIAL');
    const baked = bakePng(image, 'https://x.test/new', 'openbadges');
    expect(extractFromPng(baked)).toEqual({ text: 'https://x.test/new', chunk: 'iTXt', keyword: 'openbadges', compressed: false });
    const kept = walkPngChunks(baked, DEFAULT_PNG_LIMITS.maxChunkBytes).filter((c) => c.type === 'obDg');
    expect(kept.map((c) => latin1(c.data))).toEqual(['openbadges\0https://x.test/old']);
  });
});
