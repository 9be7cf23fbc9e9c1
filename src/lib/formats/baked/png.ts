/**
 * Baked PNG badges (OB 3.0 §5.3.1, OB 2.0 Baking §PNG; STANDARDS.md §1.5, §3.3):
 * the credential is the text of one `iTXt` chunk with keyword `openbadgecredential` (OB 3.0) or `openbadges`
 * (OB 2.0); legacy OB 2.0 images carry a `tEXt` (or `zTXt`) chunk `openbadges`, usually holding a URL.
 *
 * Pure: `Uint8Array`, `TextDecoder`/`TextEncoder`, fflate (bounded inflate in util/inflate.ts) and crc-32 only (no Buffer, no DOM).
 * The chunk walker/writer is our own; png-chunks.ts says why the installed png-chunks-* libraries are not used.
 */
import { TsumikiError } from '../../errors.ts';
import { InflateLimitError, unzlibBounded } from '../../util/inflate.ts';
import {
  encodePngChunks,
  hasPngSignature,
  isTextChunkType,
  latin1,
  walkPngChunks,
  type PngChunkView,
  type TextChunkType,
} from './png-chunks.ts';

export type PngKeyword = 'openbadgecredential' | 'openbadges';

export interface PngPayload {
  /** The credential text: JSON, a compact JWS, or (legacy OB 2.0) a URL. */
  text: string;
  chunk: TextChunkType;
  keyword: PngKeyword;
  /** True when the text was zlib-compressed (zTXt, or iTXt with compression flag 1): the specs forbid it. */
  compressed: boolean;
}

export interface PngLimits {
  /** Largest PNG file accepted. */
  maxBytes: number;
  /** Largest text chunk (iTXt/tEXt/zTXt) accepted, compressed size; checked before the chunk is read. */
  maxChunkBytes: number;
  /** Largest decompressed text; inflation stops as soon as it is passed. */
  maxInflatedBytes: number;
}

const MiB = 1024 * 1024;

/**
 * 20 MiB file (a badge image is typically 10 KB–1 MB; the 1EdTech samples are 85 KB), 4 MiB text chunk and
 * 4 MiB decompressed text (a credential is typically 2–20 KB; a CLR with many embedded credentials and images
 * stays well under 1 MB). Non-text chunks (IDAT…) are bounded by the file size only, and never copied.
 */
export const DEFAULT_PNG_LIMITS: PngLimits = Object.freeze({
  maxBytes: 20 * MiB,
  maxChunkBytes: 4 * MiB,
  maxInflatedBytes: 4 * MiB,
});

/** Compressed bytes fed to the inflater per step: deflate expands at most ~1032×, so one step yields ≤ ~1 MiB. */
const INFLATE_STEP = 1024;

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const ENCODER = new TextEncoder();

export function isPng(bytes: Uint8Array): boolean {
  return hasPngSignature(bytes);
}

interface Candidate {
  readonly chunk: PngChunkView;
  readonly type: TextChunkType;
  readonly keyword: PngKeyword;
  /** Index of the NUL that ends the keyword. */
  readonly nul: number;
}

/** PNG keywords are 1–79 Latin-1 bytes ended by a NUL. */
function credentialKeyword(type: TextChunkType, data: Uint8Array): { keyword: PngKeyword; nul: number } | undefined {
  const nul = data.subarray(0, 80).indexOf(0);
  if (nul < 1) return undefined;
  const keyword = latin1(data.subarray(0, nul));
  if (keyword === 'openbadges') return { keyword, nul };
  if (keyword === 'openbadgecredential' && type === 'iTXt') return { keyword, nul };
  return undefined;
}

function findCandidates(chunks: readonly PngChunkView[]): Candidate[] {
  const found: Candidate[] = [];
  for (const chunk of chunks) {
    if (!isTextChunkType(chunk.type)) continue;
    const kw = credentialKeyword(chunk.type, chunk.data);
    if (kw) found.push({ chunk, type: chunk.type, ...kw });
  }
  return found;
}

function malformed(c: Candidate, reason: string, cause?: unknown): TsumikiError {
  return new TsumikiError('PNG_MALFORMED', `PNG ${c.type} chunk "${c.keyword}" is malformed (${reason})`, {
    cause,
    data: { reason, type: c.type, keyword: c.keyword, offset: c.chunk.offset },
  });
}

/** zlib-inflates with a hard output limit, in small steps, so a bomb is stopped after ~`max` bytes. */
function inflateText(c: Candidate, data: Uint8Array, max: number): Uint8Array {
  try {
    return unzlibBounded(data, max, { step: INFLATE_STEP });
  } catch (e) {
    if (e instanceof InflateLimitError) {
      throw new TsumikiError('PNG_CHUNK_TOO_LARGE', `PNG ${c.type} text inflates to more than allowed`, {
        data: { type: c.type, keyword: c.keyword, offset: c.chunk.offset, maxInflated: max, inflatedAtLeast: e.inflatedAtLeast },
      });
    }
    throw malformed(c, 'zlib', e);
  }
}

function utf8(c: Candidate, bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes);
  } catch (e) {
    throw malformed(c, 'utf8', e);
  }
}

function decodeCandidate(c: Candidate, limits: PngLimits): PngPayload {
  const { data } = c.chunk;
  const base = { chunk: c.type, keyword: c.keyword };
  if (c.type === 'tEXt') return { ...base, text: latin1(data.subarray(c.nul + 1)), compressed: false };
  if (c.type === 'zTXt') {
    if (data[c.nul + 1] !== 0) throw malformed(c, 'compression-method');
    const text = latin1(inflateText(c, data.subarray(c.nul + 2), limits.maxInflatedBytes));
    return { ...base, text, compressed: true };
  }
  // iTXt: keyword NUL, compression flag, compression method, language tag NUL, translated keyword NUL, text.
  const flag = data[c.nul + 1];
  const method = data[c.nul + 2];
  const langEnd = data.indexOf(0, c.nul + 3);
  const transEnd = langEnd < 0 ? -1 : data.indexOf(0, langEnd + 1);
  // Both NULs lie after the flag and method bytes, so finding them proves those two bytes are there.
  if (transEnd < 0) throw malformed(c, 'itxt-fields');
  const body = data.subarray(transEnd + 1);
  if (flag === 0) return { ...base, text: utf8(c, body), compressed: false };
  if (flag !== 1 || method !== 0) throw malformed(c, 'compression-flag');
  return { ...base, text: utf8(c, inflateText(c, body, limits.maxInflatedBytes)), compressed: true };
}

function resolveLimits(limits: Partial<PngLimits> | undefined): PngLimits {
  return {
    maxBytes: limits?.maxBytes ?? DEFAULT_PNG_LIMITS.maxBytes,
    maxChunkBytes: limits?.maxChunkBytes ?? DEFAULT_PNG_LIMITS.maxChunkBytes,
    maxInflatedBytes: limits?.maxInflatedBytes ?? DEFAULT_PNG_LIMITS.maxInflatedBytes,
  };
}

function checkSize(bytes: Uint8Array, max: number): void {
  if (bytes.length > max) {
    throw new TsumikiError('INPUT_TOO_LARGE', 'PNG file is larger than allowed', {
      data: { bytes: bytes.length, max },
    });
  }
}

/**
 * Finds the one credential in a baked PNG. Every chunk's length and CRC is checked first; only then is the
 * single credential chunk decoded. Throws `TsumikiError`: INPUT_TOO_LARGE, PNG_MALFORMED, PNG_CHUNK_TOO_LARGE,
 * PNG_NO_CREDENTIAL, PNG_DUPLICATE_CREDENTIAL (two credential chunks of any kind, as both specs say "once").
 */
export function extractFromPng(bytes: Uint8Array, limits?: Partial<PngLimits>): PngPayload {
  const lim = resolveLimits(limits);
  checkSize(bytes, lim.maxBytes);
  const candidates = findCandidates(walkPngChunks(bytes, lim.maxChunkBytes));
  const [first, second] = candidates;
  if (!first) throw new TsumikiError('PNG_NO_CREDENTIAL', 'PNG has no Open Badges chunk');
  if (second) {
    throw new TsumikiError('PNG_DUPLICATE_CREDENTIAL', 'PNG has more than one Open Badges chunk', {
      data: { chunks: candidates.map((c) => ({ type: c.type, keyword: c.keyword, offset: c.chunk.offset })) },
    });
  }
  return decodeCandidate(first, lim);
}

/** A lone UTF-16 surrogate cannot be written as UTF-8; TextEncoder would silently turn it into U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/**
 * Bakes `text` into `png`: removes every existing Open Badges chunk (iTXt of either keyword, tEXt/zTXt
 * `openbadges`) and inserts one uncompressed iTXt (empty language tag and translated keyword) before IEND.
 * Throws PNG_MALFORMED (not a valid PNG), INPUT_TOO_LARGE, PNG_CHUNK_TOO_LARGE (text over the default chunk
 * limit: it could not be extracted again) or BAKE_TEXT_INVALID (lone surrogate).
 */
export function bakePng(png: Uint8Array, text: string, keyword: PngKeyword = 'openbadgecredential'): Uint8Array {
  checkSize(png, DEFAULT_PNG_LIMITS.maxBytes);
  const chunks = walkPngChunks(png, DEFAULT_PNG_LIMITS.maxChunkBytes);
  if (LONE_SURROGATE.test(text)) {
    throw new TsumikiError('BAKE_TEXT_INVALID', 'Text has a lone UTF-16 surrogate and cannot be stored as UTF-8');
  }
  const kw = ENCODER.encode(keyword);
  const body = ENCODER.encode(text);
  const data = new Uint8Array(kw.length + 5 + body.length);
  data.set(kw, 0); // then: NUL, flag 0, method 0, empty language tag NUL, empty translated keyword NUL
  data.set(body, kw.length + 5);
  if (data.length > DEFAULT_PNG_LIMITS.maxChunkBytes) {
    throw new TsumikiError('PNG_CHUNK_TOO_LARGE', 'Text is too large to bake', {
      data: { type: 'iTXt', length: data.length, max: DEFAULT_PNG_LIMITS.maxChunkBytes },
    });
  }
  const credentialOffsets = new Set(findCandidates(chunks).map((c) => c.chunk.offset));
  const kept: { type: string; data: Uint8Array }[] = chunks.filter((c) => !credentialOffsets.has(c.offset));
  // walkPngChunks guarantees the last chunk is IEND.
  kept.splice(kept.length - 1, 0, { type: 'iTXt', data });
  return encodePngChunks(kept);
}
