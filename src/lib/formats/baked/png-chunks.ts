/**
 * A small, careful PNG chunk walker and writer (PNG spec §5: signature, then `length · type · data · CRC`).
 *
 * Why not `png-chunks-extract` (installed)? Read in v1.0.0: it does `new Uint8Array(claimedLength)` for each
 * chunk *before* comparing the length with the file (a 12-byte header claiming 2 GB allocates 2 GB), reads past
 * the end of a truncated file as zeros, copies every chunk, reads integers through host-endian typed-array
 * aliasing, and throws untyped `Error`s. This walker only takes `subarray` views of the input, checks every
 * length against the bytes actually present before touching them, and verifies every CRC.
 *
 * Why not `png-chunks-encode` (installed)? v1.0.0 computes each CRC over `[...type, ...sliced(data)]`, a plain
 * JS array copy of the chunk: measured 3 s and ~400 MB of heap to re-encode a PNG with one 15 MB IDAT.
 * The CRC itself comes from `crc-32` (SheetJS), the library png-chunks-encode uses.
 */
import CRC32 from 'crc-32';
import { TsumikiError } from '../../errors.ts';

export const PNG_SIGNATURE: readonly number[] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** PNG spec §5.3: a chunk length is at most 2^31 - 1. */
const MAX_SPEC_CHUNK_LENGTH = 0x7fffffff;

/** The chunk types that can carry text, and so a baked credential. */
export const TEXT_CHUNK_TYPES = ['iTXt', 'tEXt', 'zTXt'] as const;
export type TextChunkType = (typeof TEXT_CHUNK_TYPES)[number];

export interface PngChunkView {
  readonly type: string;
  /** Offset of the chunk's length field in the file. */
  readonly offset: number;
  /** A view into the input (not a copy). */
  readonly data: Uint8Array;
}

/** Past the end of a short input `bytes[i]` is undefined, equal to no signature byte. */
export function hasPngSignature(bytes: Uint8Array): boolean {
  return PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

export function isTextChunkType(type: string): type is TextChunkType {
  // Widen the tuple so `includes` accepts any string; the type guard narrows it back.
  return (TEXT_CHUNK_TYPES as readonly string[]).includes(type);
}

function readU32(bytes: Uint8Array, at: number): number {
  // `>>> 0` keeps the value unsigned; callers have checked that four bytes exist.
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
}

/** CRC-32 as an unsigned number (crc-32 returns it signed). */
export function crc32(bytes: Uint8Array): number {
  return CRC32.buf(bytes) >>> 0;
}

function isChunkTypeByte(b: number): boolean {
  return (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
}

/**
 * Walks the chunks from IHDR to IEND. Throws `PNG_MALFORMED` (bad signature, truncation, bad CRC, bad type,
 * IHDR not first, no IEND) or `PNG_CHUNK_TOO_LARGE` (a text chunk longer than `maxTextChunkBytes`).
 * Bytes after IEND are ignored, as the PNG spec says.
 */
export function walkPngChunks(bytes: Uint8Array, maxTextChunkBytes: number): PngChunkView[] {
  if (!hasPngSignature(bytes)) {
    throw new TsumikiError('PNG_MALFORMED', 'Not a PNG file: the 8-byte signature is missing', {
      data: { reason: 'signature' },
    });
  }
  const chunks: PngChunkView[] = [];
  let offset = PNG_SIGNATURE.length;
  for (;;) {
    if (offset + 8 > bytes.length) {
      throw new TsumikiError('PNG_MALFORMED', 'PNG ends before IEND', {
        data: { reason: 'truncated', offset, fileBytes: bytes.length },
      });
    }
    const length = readU32(bytes, offset);
    const typeBytes = bytes.subarray(offset + 4, offset + 8);
    if (!typeBytes.every(isChunkTypeByte)) {
      throw new TsumikiError('PNG_MALFORMED', 'PNG chunk type is not four ASCII letters', {
        data: { reason: 'chunk-type', offset },
      });
    }
    const type = String.fromCharCode(...typeBytes);
    if (length > MAX_SPEC_CHUNK_LENGTH) {
      throw new TsumikiError('PNG_MALFORMED', `PNG chunk ${type} has an impossible length`, {
        data: { reason: 'chunk-length', type, offset, length },
      });
    }
    if (isTextChunkType(type) && length > maxTextChunkBytes) {
      throw new TsumikiError('PNG_CHUNK_TOO_LARGE', `PNG ${type} chunk is larger than allowed`, {
        data: { type, offset, length, max: maxTextChunkBytes },
      });
    }
    const end = offset + 12 + length;
    if (end > bytes.length) {
      throw new TsumikiError('PNG_MALFORMED', `PNG chunk ${type} runs past the end of the file`, {
        data: { reason: 'truncated', type, offset, length, fileBytes: bytes.length },
      });
    }
    const stored = readU32(bytes, offset + 8 + length);
    const computed = crc32(bytes.subarray(offset + 4, offset + 8 + length));
    if (stored !== computed) {
      throw new TsumikiError('PNG_MALFORMED', `PNG chunk ${type} has a bad CRC`, {
        data: { reason: 'crc', type, offset, length, stored, computed },
      });
    }
    if (chunks.length === 0 && type !== 'IHDR') {
      throw new TsumikiError('PNG_MALFORMED', 'PNG does not start with IHDR', {
        data: { reason: 'ihdr-not-first', type, offset },
      });
    }
    chunks.push({ type, offset, data: bytes.subarray(offset + 8, offset + 8 + length) });
    if (type === 'IEND') return chunks;
    offset = end;
  }
}

/** Writes the signature and the chunks (type + data; length and CRC computed). */
export function encodePngChunks(chunks: readonly { readonly type: string; readonly data: Uint8Array }[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + 12 + c.data.length, PNG_SIGNATURE.length));
  const view = new DataView(out.buffer);
  out.set(PNG_SIGNATURE, 0);
  let at = PNG_SIGNATURE.length;
  for (const { type, data } of chunks) {
    view.setUint32(at, data.length); // big-endian
    for (let i = 0; i < 4; i++) out[at + 4 + i] = type.charCodeAt(i);
    out.set(data, at + 8);
    view.setUint32(at + 8 + data.length, crc32(out.subarray(at + 4, at + 8 + data.length)));
    at += 12 + data.length;
  }
  return out;
}

/** Decodes Latin-1 exactly (TextDecoder('latin1') is really windows-1252, which remaps 0x80–0x9F). */
export function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}
