/**
 * Deep links that carry a credential: `#/import?data=<base64url of deflate-raw of the bytes>`.
 * Decoding is bounded, so a small link cannot inflate into a huge input.
 */
import { deflateSync } from 'fflate';
import { TsumikiError } from '../errors.ts';
import { fromBase64, toBase64 } from '../store/bytes.ts';
import { inflateBounded, InflateLimitError } from '../util/inflate.ts';

/** Largest credential a link may carry once inflated. */
export const MAX_LINK_BYTES = 1024 * 1024;

export function toBase64url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  return fromBase64(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
}

export function encodeDataParam(bytes: Uint8Array): string {
  return toBase64url(deflateSync(bytes, { level: 9 }));
}

/** The credential bytes a `data` parameter carries. Throws TsumikiError FORMAT_UNRECOGNIZED / INPUT_TOO_LARGE. */
export function decodeDataParam(param: string): Uint8Array {
  const packed = fromBase64url(param.trim());
  if (packed === null || packed.length === 0) throw new TsumikiError('FORMAT_UNRECOGNIZED', 'the link data is not base64url');
  try {
    return inflateBounded(packed, MAX_LINK_BYTES);
  } catch (e) {
    if (e instanceof InflateLimitError) throw new TsumikiError('INPUT_TOO_LARGE', e.message, { data: { limit: MAX_LINK_BYTES } });
    throw new TsumikiError('FORMAT_UNRECOGNIZED', 'the link data is not deflate-raw', { cause: e });
  }
}
