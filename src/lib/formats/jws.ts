/** Compact JWS syntax (RFC 7515 §7.1): three base64url parts; header and payload are JSON objects. */
import { TsumikiError } from '../errors.ts';
import type { JsonObject } from '../model/credential.ts';
import { base64urlDecodeToText } from '../util/bytes.ts';
import { parseJsonObject } from './json.ts';

export const JWS_PATTERN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

export interface DecodedJws {
  readonly header: JsonObject;
  readonly payload: JsonObject;
}

function part(text: string, what: string): JsonObject {
  let json: string;
  try {
    json = base64urlDecodeToText(text);
  } catch (e) {
    throw new TsumikiError('JWS_MALFORMED', `the JWS ${what} is not base64url UTF-8`, { cause: e });
  }
  try {
    return parseJsonObject(json);
  } catch (e) {
    if (e instanceof TsumikiError && e.code !== 'JSON_MALFORMED' && e.code !== 'NOT_A_CREDENTIAL') throw e;
    throw new TsumikiError('JWS_MALFORMED', `the JWS ${what} is not a JSON object`, { cause: e });
  }
}

export function decodeJws(jws: string): DecodedJws {
  const text = jws.trim();
  if (!JWS_PATTERN.test(text)) throw new TsumikiError('JWS_MALFORMED', 'not a compact JWS');
  const [header, payload] = text.split('.') as [string, string, string]; // why: the pattern allows exactly two dots
  return { header: part(header, 'header'), payload: part(payload, 'payload') };
}
