/**
 * Bounded decompression with fflate: the output is counted as it streams and the work stops as
 * soon as it passes the limit, so a decompression bomb costs at most `limit` bytes.
 */
import { Gunzip, Inflate, Unzlib } from 'fflate';

export class InflateLimitError extends Error {
  constructor(readonly limit: number) {
    super(`decompressed data exceeds ${limit} bytes`);
    this.name = 'InflateLimitError';
  }
}

type Stream = { ondata: (chunk: Uint8Array<ArrayBuffer>, final: boolean) => void; push(chunk: Uint8Array, final?: boolean): void };

function bounded(make: () => Stream, data: Uint8Array, limit: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const stream = make();
  stream.ondata = (chunk) => {
    total += chunk.length;
    if (total > limit) throw new InflateLimitError(limit);
    chunks.push(chunk);
  };
  // Feed in slices so a small compressed input cannot make one huge synchronous burst.
  const step = 16 * 1024;
  for (let i = 0; i < data.length; i += step) stream.push(data.subarray(i, i + step), i + step >= data.length);
  if (data.length === 0) stream.push(new Uint8Array(0), true);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}

export const gunzipBounded = (data: Uint8Array, limit: number) => bounded(() => new Gunzip(), data, limit);
export const unzlibBounded = (data: Uint8Array, limit: number) => bounded(() => new Unzlib(), data, limit);
export const inflateBounded = (data: Uint8Array, limit: number) => bounded(() => new Inflate(), data, limit);
