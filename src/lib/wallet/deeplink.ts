/**
 * Deep links that carry a credential: `#/import?data=<base64url of deflate-raw of the bytes>`.
 * Decoding is bounded, so a small link cannot inflate into a huge input.
 */
import { deflateSync } from 'fflate';
import { TsumikiError } from '../errors.ts';
import { base64urlEncode, fromBase64url } from '../util/bytes.ts';
import { inflateBounded, InflateLimitError } from '../util/inflate.ts';

/** Largest credential a link may carry once inflated. */
export const MAX_LINK_BYTES = 1024 * 1024;

export function encodeDataParam(bytes: Uint8Array): string {
  return base64urlEncode(deflateSync(bytes, { level: 9 }));
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
