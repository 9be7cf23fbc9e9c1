/**
 * Bounded decompression with fflate — the one place the core inflates (status lists, deep links,
 * PNG text chunks, QR payloads). The output is counted as it streams and the work stops as soon
 * as it passes the limit, so a decompression bomb costs at most `limit` bytes (plus one step's output).
 */
import { Gunzip, Inflate, Unzlib } from 'fflate';

export class InflateLimitError extends Error {
  /** `inflatedAtLeast`: output counted when the limit was passed. */
  constructor(
    readonly limit: number,
    readonly inflatedAtLeast: number,
  ) {
    super(`decompressed data exceeds ${limit} bytes`);
    this.name = 'InflateLimitError';
  }
}

export interface InflateOptions {
  /** Compressed bytes fed per step (default 16 KiB): deflate expands at most ~1032×, so this bounds one step's output. */
  readonly step?: number;
  /** Preset dictionary (raw deflate only). */
  readonly dictionary?: Uint8Array;
}

type Stream = { ondata: (chunk: Uint8Array<ArrayBuffer>, final: boolean) => void; push(chunk: Uint8Array, final?: boolean): void };

/** The whole output; throws InflateLimitError past `limit`, or fflate's own error on bad or truncated data. */
function bounded(make: () => Stream, data: Uint8Array, limit: number, step = 16 * 1024): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const stream = make();
  stream.ondata = (chunk, final) => {
    total += chunk.length;
    if (total > limit) throw new InflateLimitError(limit, total);
    chunks.push(chunk);
    if (final) ended = true;
  };
  // Feed in slices so a small compressed input cannot make one huge synchronous burst.
  for (let i = 0; i < data.length; i += step) stream.push(data.subarray(i, i + step), i + step >= data.length);
  if (data.length === 0) stream.push(new Uint8Array(0), true);
  if (!ended) throw new Error('the compressed data ends before its last block');
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

export const gunzipBounded = (data: Uint8Array, limit: number, options: InflateOptions = {}) => bounded(() => new Gunzip(), data, limit, options.step);
export const unzlibBounded = (data: Uint8Array, limit: number, options: InflateOptions = {}) => bounded(() => new Unzlib(), data, limit, options.step);
export const inflateBounded = (data: Uint8Array, limit: number, options: InflateOptions = {}) =>
  bounded(() => new Inflate(options.dictionary ? { dictionary: options.dictionary } : {}), data, limit, options.step);
