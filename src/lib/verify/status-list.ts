/** Bitstring Status List (W3C) and StatusList2021: decode the list and read one entry. */
import { base64urlDecode } from '../util/bytes.ts';
import { gunzipBounded } from '../util/inflate.ts';

/** 16 MB of bits (134 million entries) is far above any real list; a larger one is refused. */
export const MAX_STATUS_LIST_BYTES = 16 * 1024 * 1024;

/**
 * `encodedList` is multibase base64url (`u` prefix) of GZIP for Bitstring Status List, plain
 * base64url of GZIP for StatusList2021. GZIP output always starts with "H4sI" in base64, so a
 * leading `u` is always the multibase prefix.
 */
export function decodeStatusList(encodedList: string): Uint8Array {
  const text = encodedList.startsWith('u') ? encodedList.slice(1) : encodedList;
  return gunzipBounded(base64urlDecode(text), MAX_STATUS_LIST_BYTES);
}

/** The status value at `index` (left-most bit first), `statusSize` bits wide; undefined when out of range. */
export function readStatus(list: Uint8Array, index: number, statusSize = 1): number | undefined {
  if (!Number.isInteger(index) || index < 0 || !Number.isInteger(statusSize) || statusSize < 1 || statusSize > 8) return undefined;
  let value = 0;
  for (let b = 0; b < statusSize; b++) {
    const bit = index * statusSize + b;
    const byte = list[bit >> 3];
    if (byte === undefined) return undefined;
    value = (value << 1) | ((byte >> (7 - (bit & 7))) & 1);
  }
  return value;
}
