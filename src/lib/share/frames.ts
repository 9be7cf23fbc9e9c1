/**
 * QR frames: a payload cut into numbered chunks, each a QR code of alphanumeric text that a scanner
 * reads in any order.
 *
 *   frame text = "TK1:" · base45(index · count · id[4] · chunk)
 *
 * `index` (0-based) and `count` are one byte each; `id` is the first 4 bytes of SHA-256 of the
 * whole payload: it groups the frames of one presentation and, once they are joined, checks them.
 * One QR code is simply a sequence of one frame.
 */
import { TsumikiError } from '../errors.ts';
import { bytesEqual, sha256, toHex } from '../util/bytes.ts';
import { base45Decode, base45Encode, base45Length } from './base45.ts';

export const FRAME_PREFIX = 'TK1:';
const HEADER_BYTES = 6;

/** Most frames one presentation may use (a scanner stops collecting past this). */
export const MAX_FRAMES = 64;

/** Largest chunk one frame may carry: a version 40 code at M holds 3,391 characters, about 2,260 bytes. */
const MAX_CHUNK = 2300;

/** QR alphanumeric capacity (characters) per version 1–40 at error correction M (ISO/IEC 18004 table 7). */
const ALNUM_M = [
  20, 38, 61, 90, 122, 154, 178, 221, 262, 311, 366, 419, 483, 528, 600, 656, 734, 816, 909, 970, 1035, 1134, 1248, 1326, 1451, 1542,
  1637, 1732, 1839, 1994, 2113, 2238, 2369, 2506, 2632, 2780, 2894, 3054, 3220, 3391,
];

/** Characters of the frame text that carries `chunk` payload bytes. */
export function frameChars(chunk: number): number {
  return FRAME_PREFIX.length + base45Length(HEADER_BYTES + chunk);
}

/** Smallest QR version (at M) holding `chars` alphanumeric characters; undefined past version 40. */
export function versionFor(chars: number): number | undefined {
  const i = ALNUM_M.findIndex((cap) => cap >= chars);
  return i < 0 ? undefined : i + 1;
}

export interface FramePlan {
  readonly frames: number;
  /** QR version (error correction M) of the largest frame. */
  readonly version: number;
  /** Payload bytes per frame (the last may carry fewer). */
  readonly chunk: number;
}

export interface PlanOptions {
  /** Largest version for a presentation sent as one QR code (default 25). */
  readonly singleMaxVersion?: number;
  /** Largest version of each frame of a long sequence (default 15). */
  readonly frameMaxVersion?: number;
  /** A payload that fits this many frames (default 3) of at most `fewFramesMaxVersion` (default 25) is sent so: few codes to collect. */
  readonly fewFrames?: number;
  readonly fewFramesMaxVersion?: number;
  readonly maxFrames?: number;
}

/** Payload bytes one frame of `version` carries. */
function chunkFor(version: number): number {
  const cap = ALNUM_M[version - 1] ?? 0;
  let maxChunk = Math.floor(((cap - FRAME_PREFIX.length) / 3) * 2) - HEADER_BYTES;
  while (maxChunk > 0 && frameChars(maxChunk) > cap) maxChunk--;
  return maxChunk;
}

/**
 * One QR code when it fits `singleMaxVersion`; else at most `fewFrames` frames of the smallest
 * version (from `frameMaxVersion` up to `fewFramesMaxVersion`) that holds the payload so (issue 15:
 * a demo micro-credential in three codes); else the fewest frames of at most `frameMaxVersion`.
 * Frames are filled evenly.
 */
export function planFrames(payloadBytes: number, options: PlanOptions = {}): FramePlan {
  const single = options.singleMaxVersion ?? 25;
  const perFrame = options.frameMaxVersion ?? 15;
  const few = options.fewFrames ?? 3;
  const fewMax = Math.min(options.fewFramesMaxVersion ?? 25, 40);
  const maxFrames = Math.min(options.maxFrames ?? MAX_FRAMES, 255);
  const one = versionFor(frameChars(payloadBytes));
  if (one !== undefined && one <= single) return { frames: 1, version: one, chunk: payloadBytes };
  for (let v = perFrame; v <= fewMax; v++) {
    const n = Math.ceil(payloadBytes / chunkFor(v));
    if (n <= Math.min(few, maxFrames)) {
      const chunk = Math.ceil(payloadBytes / n);
      return { frames: n, version: versionFor(frameChars(chunk)) as number, chunk }; // why: chunk ≤ chunkFor(v), which fits v
    }
  }
  const maxChunk = chunkFor(perFrame);
  const frames = maxChunk > 0 ? Math.ceil(payloadBytes / maxChunk) : Infinity;
  if (frames > maxFrames) {
    throw new TsumikiError('SHARE_TOO_LARGE', `${payloadBytes} payload bytes need ${frames} QR frames of version ${perFrame}; at most ${maxFrames} are allowed`, {
      data: { bytes: payloadBytes, frames, limit: maxFrames },
    });
  }
  const chunk = Math.ceil(payloadBytes / frames);
  return { frames, version: versionFor(frameChars(chunk)) as number, chunk }; // why: chunk ≤ maxChunk, which fits perFrame
}

/** The frame texts of a payload, in order. */
export async function encodeFrames(payload: Uint8Array, options: PlanOptions = {}): Promise<{ texts: string[]; plan: FramePlan }> {
  const plan = planFrames(payload.length, options);
  const id = (await sha256(payload)).subarray(0, 4);
  const texts: string[] = [];
  for (let i = 0; i < plan.frames; i++) {
    const chunk = payload.subarray(i * plan.chunk, (i + 1) * plan.chunk);
    const bytes = new Uint8Array(HEADER_BYTES + chunk.length);
    bytes.set([i, plan.frames, ...id], 0);
    bytes.set(chunk, HEADER_BYTES);
    texts.push(FRAME_PREFIX + base45Encode(bytes));
  }
  return { texts, plan };
}

export interface Frame {
  readonly index: number;
  readonly count: number;
  /** Hex of the 4-byte payload id. */
  readonly id: string;
  readonly chunk: Uint8Array;
}

const bad = (message: string) => new TsumikiError('QR_FRAME_INVALID', message);

/** Read one frame text. Throws QR_FRAME_INVALID or QR_PAYLOAD_TOO_LARGE. */
export function parseFrame(text: string): Frame {
  const t = text.trim();
  if (!t.startsWith(FRAME_PREFIX)) throw bad(`not a Tsumiki share code (it starts with "${t.slice(0, 12)}")`);
  const bytes = base45Decode(t.slice(FRAME_PREFIX.length));
  if (!bytes) throw bad('the frame is not valid base45');
  if (bytes.length <= HEADER_BYTES) throw bad('the frame is too short');
  const [index, count] = bytes as unknown as [number, number]; // why: length > 6 checked just above
  if (count === 0 || index >= count) throw bad(`frame ${index + 1} of ${count} is impossible`);
  if (count > MAX_FRAMES) {
    throw new TsumikiError('QR_PAYLOAD_TOO_LARGE', `the sequence declares ${count} frames; at most ${MAX_FRAMES} are read`, { data: { frames: count, limit: MAX_FRAMES } });
  }
  if (bytes.length - HEADER_BYTES > MAX_CHUNK) {
    throw new TsumikiError('QR_PAYLOAD_TOO_LARGE', `a frame of ${bytes.length - HEADER_BYTES} bytes is larger than any QR code holds`, { data: { bytes: bytes.length - HEADER_BYTES, limit: MAX_CHUNK } });
  }
  return { index, count, id: toHex(bytes.subarray(2, HEADER_BYTES)), chunk: bytes.slice(HEADER_BYTES) };
}

export type AddOutcome = 'added' | 'duplicate';

/** Frames of one presentation, gathered in any order. */
export class FrameCollector {
  private readonly chunks = new Map<number, Uint8Array>();
  private first: Frame | undefined;

  /** The id and count of the sequence being gathered (set by the first frame). */
  get sequence(): { id: string; count: number } | undefined {
    return this.first && { id: this.first.id, count: this.first.count };
  }

  get received(): number {
    return this.chunks.size;
  }

  get complete(): boolean {
    return this.first !== undefined && this.chunks.size === this.first.count;
  }

  /** Indexes (0-based) not yet received. */
  missing(): number[] {
    if (!this.first) return [];
    return Array.from({ length: this.first.count }, (_, i) => i).filter((i) => !this.chunks.has(i));
  }

  /** Add a frame text. Throws QR_FRAME_INVALID, QR_FRAMES_MIXED or QR_PAYLOAD_TOO_LARGE; the collector is unchanged then. */
  add(text: string): AddOutcome {
    const frame = parseFrame(text);
    if (this.first && (frame.id !== this.first.id || frame.count !== this.first.count)) {
      throw new TsumikiError('QR_FRAMES_MIXED', `frame ${frame.index + 1}/${frame.count} of presentation ${frame.id} is not part of presentation ${this.first.id}`, {
        data: { expected: this.first.id, got: frame.id },
      });
    }
    const seen = this.chunks.get(frame.index);
    if (seen) {
      if (!bytesEqual(seen, frame.chunk)) throw new TsumikiError('QR_FRAMES_MIXED', `two different frames claim place ${frame.index + 1} of presentation ${frame.id}`);
      return 'duplicate';
    }
    this.first ??= frame;
    this.chunks.set(frame.index, frame.chunk);
    return 'added';
  }

  /** The whole payload, checked against its id. Throws QR_FRAMES_MISSING or QR_CHECKSUM_MISMATCH. */
  async payload(): Promise<Uint8Array> {
    if (!this.first || !this.complete) {
      const missing = this.missing().map((i) => i + 1);
      throw new TsumikiError('QR_FRAMES_MISSING', this.first ? `missing frame(s) ${missing.join(', ')} of ${this.first.count}` : 'no frame was read', {
        data: { missing, count: this.first?.count ?? 0 },
      });
    }
    const parts = Array.from({ length: this.first.count }, (_, i) => this.chunks.get(i) as Uint8Array); // why: complete, so every index is present
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let offset = 0;
    for (const p of parts) {
      out.set(p, offset);
      offset += p.length;
    }
    if (toHex((await sha256(out)).subarray(0, 4)) !== this.first.id) {
      throw new TsumikiError('QR_CHECKSUM_MISMATCH', `the ${this.first.count} frames do not join into presentation ${this.first.id}`);
    }
    return out;
  }
}
