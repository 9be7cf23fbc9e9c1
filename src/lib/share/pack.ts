/**
 * Presentation ⇄ compact bytes (the "payload" that QR frames carry).
 *
 *   payload = codec (1 byte) · body length (LEB128) · deflate-raw(body, preset dictionary)
 *   body    = UTF-8 JSON text of `[presentation, jws, dataUrls]` (empty tails left out)
 *
 * Codec 1 is deflate with the preset dictionary of `dictionary.ts` (measured against the other
 * candidates in tests/bench/qr.ts). A compact JWS carried in `verifiableCredential` is base64url
 * of JSON, which deflate cannot see through, so it is taken apart: its item becomes the number 0
 * and `jws` lists `[index, header, payload, signature]`, header and payload as the JSON value when
 * `JSON.stringify` gives back the exact text, else as the decoded text, else as the base64url text.
 * Likewise a base64 `data:` URL whose content is UTF-8 text (an SVG badge image) is replaced by
 * that text and `dataUrls` lists `[path, prefix]`; only canonical base64 is opened, so the exact
 * URL comes back. Decoding rebuilds the exact JWS string; a JSON credential keeps its values and key order (its
 * bytes become `JSON.stringify` of it, which a Data Integrity proof does not see: it signs the
 * canonical form).
 */
import { deflateSync } from 'fflate';
import { TsumikiError } from '../errors.ts';
import { asArray, isJsonObject, parseJson } from '../formats/json.ts';
import { JWS_PATTERN } from '../formats/jws.ts';
import type { JsonObject, JsonValue } from '../model/credential.ts';
import { base64urlDecode, base64urlEncode, fromBase64, toBase64 } from '../util/bytes.ts';
import { inflateBounded, InflateLimitError } from '../util/inflate.ts';
import { DICTIONARY_V1 } from './dictionary.ts';

export const CODEC_DEFLATE_DICT_V1 = 1;

/** Largest presentation text a payload may unpack into (a presentation of a few badges is 2–50 kB). */
export const MAX_PRESENTATION_BYTES = 1024 * 1024;

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const UTF8_KEEP_BOM = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const ENCODER = new TextEncoder();

/** A JWS part: 2 = the JSON value, 1 = the decoded text, 0 = the base64url text as it was. */
type Part = [0 | 1 | 2, JsonValue];

function packPart(b64: string): Part {
  let bytes: Uint8Array;
  try {
    bytes = base64urlDecode(b64);
  } catch {
    return [0, b64];
  }
  if (base64urlEncode(bytes) !== b64) return [0, b64];
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return [0, b64];
  }
  try {
    const value = JSON.parse(text) as JsonValue; // why: JSON.parse yields JSON values
    if (JSON.stringify(value) === text) return [2, value];
  } catch {
    // not JSON: keep the text
  }
  return [1, text];
}

function unpackPart(part: JsonValue): string {
  if (!Array.isArray(part) || part.length !== 2) throw invalid('a JWS part is malformed');
  const [form, value] = part;
  if (form === 0 && typeof value === 'string') return value;
  if (form === 1 && typeof value === 'string') return base64urlEncode(ENCODER.encode(value));
  if (form === 2 && value !== undefined) return base64urlEncode(ENCODER.encode(JSON.stringify(value)));
  throw invalid('a JWS part is malformed');
}

const invalid = (message: string, cause?: unknown) => new TsumikiError('QR_PAYLOAD_INVALID', message, cause === undefined ? undefined : { cause });

const ENVELOPED = /^(data:application\/[a-z+.-]+,)([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/;

function jwsEntry(index: number, jws: string, prefix?: string): JsonValue {
  const [h, p, s] = jws.split('.') as [string, string, string]; // why: callers matched three parts
  return prefix === undefined ? [index, packPart(h), packPart(p), s] : [index, packPart(h), packPart(p), s, prefix];
}

/**
 * The body text of a presentation: the presentation with its JWS items taken apart. A bare JWS
 * item becomes 0; an EnvelopedVerifiableCredential keeps its place with `id: 0`.
 */
export function bodyOf(vp: JsonObject): string {
  const items = asArray(vp.verifiableCredential);
  const jws: JsonValue[] = [];
  const kept = items.map((item, index): JsonValue => {
    if (typeof item === 'string' && JWS_PATTERN.test(item)) {
      jws.push(jwsEntry(index, item));
      return 0;
    }
    const m = isJsonObject(item) && typeof item.id === 'string' ? ENVELOPED.exec(item.id) : null;
    if (isJsonObject(item) && m) {
      jws.push(jwsEntry(index, m[2] as string, m[1] as string)); // why: both groups always match
      return { ...item, id: 0 };
    }
    return item;
  });
  const presentation = 'verifiableCredential' in vp ? { ...vp, verifiableCredential: Array.isArray(vp.verifiableCredential) ? kept : (kept[0] as JsonValue) } : vp;
  const urls: JsonValue[] = [];
  const opened = openDataUrls(presentation, [], urls) as JsonObject; // why: an object maps to an object
  return JSON.stringify(urls.length ? [opened, jws, urls] : jws.length ? [opened, jws] : [opened]);
}

const DATA_URL = /^(data:[^,]*;base64,)([A-Za-z0-9+/]*={0,2})$/;

/** Text behind a canonical base64 data: URL (an SVG image, say), or undefined when it is binary or not canonical. */
function dataUrlText(value: string): { prefix: string; text: string } | undefined {
  const m = DATA_URL.exec(value);
  if (!m || (m[2] as string).length < 64) return undefined; // why: both groups always match
  const bytes = fromBase64(m[2] as string); // why: strict, so only canonical base64 opens
  if (bytes === null) return undefined;
  try {
    return { prefix: m[1] as string, text: UTF8_KEEP_BOM.decode(bytes) };
  } catch {
    return undefined;
  }
}

/** Replace base64 data: URLs holding text by the text itself, listing `[path, prefix]` in `urls`. */
function openDataUrls(value: JsonValue, path: (string | number)[], urls: JsonValue[]): JsonValue {
  if (typeof value === 'string') {
    const found = dataUrlText(value);
    if (!found) return value;
    urls.push([[...path], found.prefix]);
    return found.text;
  }
  if (Array.isArray(value)) return value.map((v, i) => openDataUrls(v, [...path, i], urls));
  if (isJsonObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, openDataUrls(v, [...path, k], urls)]));
  return value;
}

/** Put the data: URLs back (in place: `vp` was just parsed from the body). */
function closeDataUrls(vp: JsonObject, urls: JsonValue): void {
  if (!Array.isArray(urls)) throw invalid('the data URL list is malformed');
  for (const entry of urls) {
    if (!Array.isArray(entry) || entry.length !== 2 || !Array.isArray(entry[0]) || typeof entry[1] !== 'string' || !/^data:[^,]*;base64,$/.test(entry[1])) throw invalid('a data URL entry is malformed');
    const path = entry[0];
    let parent: JsonValue = vp;
    for (const step of path.slice(0, -1)) parent = stepInto(parent, step);
    const last = path[path.length - 1];
    const text = last === undefined ? undefined : stepInto(parent, last);
    if (typeof text !== 'string') throw invalid('a data URL entry does not point at text');
    const url = entry[1] + toBase64(ENCODER.encode(text));
    if (Array.isArray(parent)) parent[last as number] = url;
    else (parent as JsonObject)[last as string] = url; // why: stepInto accepted this step on this parent
  }
}

function stepInto(v: JsonValue, step: JsonValue): JsonValue {
  if (Array.isArray(v) && typeof step === 'number' && Number.isInteger(step) && step >= 0 && step < v.length) return v[step] as JsonValue; // why: index in range
  if (isJsonObject(v) && typeof step === 'string' && Object.hasOwn(v, step)) return v[step] as JsonValue; // why: own key
  throw invalid('a data URL path leads nowhere');
}

/** The presentation a body text holds. Throws QR_PAYLOAD_INVALID. */
export function presentationOfBody(text: string): JsonObject {
  let body: JsonValue;
  try {
    body = parseJson(text, { maxLength: MAX_PRESENTATION_BYTES });
  } catch (e) {
    throw invalid('the payload is not JSON', e);
  }
  if (!Array.isArray(body) || body.length < 1 || body.length > 3 || !isJsonObject(body[0])) throw invalid('the payload is not a presentation');
  const vp = body[0];
  if (body[2] !== undefined) closeDataUrls(vp, body[2]);
  const list = body[1] ?? [];
  if (!Array.isArray(list)) throw invalid('the JWS list is malformed');
  if (list.length === 0) return vp;
  const single = !Array.isArray(vp.verifiableCredential);
  const items = asArray(vp.verifiableCredential).slice();
  const filled = new Set<number>();
  for (const entry of list) {
    if (!Array.isArray(entry) || (entry.length !== 4 && entry.length !== 5)) throw invalid('a JWS entry is malformed');
    const [index, h, p, s, prefix] = entry;
    if (typeof index !== 'number' || filled.has(index) || typeof s !== 'string' || !/^[A-Za-z0-9_-]*$/.test(s)) throw invalid('a JWS entry is malformed');
    const jws = `${unpackPart(h as JsonValue)}.${unpackPart(p as JsonValue)}.${s}`; // why: entry items are JSON values
    const item = items[index];
    if (prefix === undefined && item === 0) items[index] = jws;
    else if (typeof prefix === 'string' && ENVELOPED.test(prefix + jws) && isJsonObject(item) && item.id === 0) items[index] = { ...item, id: prefix + jws };
    else throw invalid('a JWS entry does not match its place');
    filled.add(index);
  }
  if (items.some((i) => i === 0 || (isJsonObject(i) && i.id === 0))) throw invalid('a JWS placeholder has no entry');
  return { ...vp, verifiableCredential: single ? (items[0] as JsonValue) : items };
}

function leb128(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return out;
}

/** The compact payload of a presentation. */
export function packPresentation(vp: JsonObject): Uint8Array {
  const body = ENCODER.encode(bodyOf(vp));
  if (body.length > MAX_PRESENTATION_BYTES) {
    throw new TsumikiError('SHARE_TOO_LARGE', `the presentation is ${body.length} bytes; at most ${MAX_PRESENTATION_BYTES} can be shared`, {
      data: { bytes: body.length, limit: MAX_PRESENTATION_BYTES },
    });
  }
  const packed = deflateSync(body, { level: 9, dictionary: DICTIONARY_V1 });
  const head = [CODEC_DEFLATE_DICT_V1, ...leb128(body.length)];
  const out = new Uint8Array(head.length + packed.length);
  out.set(head, 0);
  out.set(packed, head.length);
  return out;
}

function inflateExactly(data: Uint8Array, size: number): Uint8Array {
  let out: Uint8Array;
  try {
    out = inflateBounded(data, size, { step: 4096, dictionary: DICTIONARY_V1 });
  } catch (e) {
    if (e instanceof InflateLimitError) throw new TsumikiError('QR_PAYLOAD_INVALID', 'the payload inflates past its declared length');
    throw invalid('the payload does not decompress', e);
  }
  if (out.length !== size) throw invalid('the payload does not inflate to its declared length');
  return out;
}

/** The presentation a payload holds. Throws QR_PAYLOAD_INVALID or QR_PAYLOAD_TOO_LARGE. */
export function unpackPresentation(payload: Uint8Array, limit = MAX_PRESENTATION_BYTES): JsonObject {
  if (payload.length < 3) throw invalid('the payload is too short');
  if (payload[0] !== CODEC_DEFLATE_DICT_V1) throw invalid(`unknown payload codec ${payload[0]}`);
  let size = 0;
  let i = 1;
  for (let shift = 1; ; shift *= 128, i++) {
    const b = payload[i];
    if (b === undefined || i > 5) throw invalid('the payload length is malformed');
    size += (b & 0x7f) * shift;
    if ((b & 0x80) === 0) break;
  }
  if (size > limit) {
    throw new TsumikiError('QR_PAYLOAD_TOO_LARGE', `the payload declares ${size} bytes; at most ${limit} are read`, { data: { bytes: size, limit } });
  }
  const body = inflateExactly(payload.subarray(i + 1), size);
  let text: string;
  try {
    text = UTF8.decode(body);
  } catch (e) {
    throw invalid('the payload is not UTF-8', e);
  }
  return presentationOfBody(text);
}
