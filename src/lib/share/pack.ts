/**
 * Presentation ⇄ compact bytes (the "payload" that QR frames carry).
 *
 *   codec 2 = 2 · body length (LEB128) · tail length (LEB128) · deflate-raw(body, DICTIONARY_V2) · tail
 *   codec 1 = 1 · body length (LEB128) · deflate-raw(body, DICTIONARY_V1)       (still read)
 *   body    = UTF-8 JSON text of `[presentation, jws, dataUrls]` (empty tails left out)
 *
 * Codec 2 (issue 15) sets apart what deflate cannot shrink: a string value that is base58btc
 * multibase (a proofValue, a key), a base64 data: URL of binary content (a PNG image) or a
 * `urn:uuid:` becomes a marker in the JSON and its bytes go, raw, to the tail — about a quarter
 * smaller than as text, and the text around compresses better without them. Each such string is
 * rebuilt exactly (only canonical encodings are taken apart), so nothing signed changes; a string
 * that itself begins with a marker character is escaped. The rest is deflated with a larger preset
 * dictionary (`dictionary.ts`). A compact JWS carried in `verifiableCredential` is base64url
 * of JSON, which deflate cannot see through, so it is taken apart: its item becomes the number 0
 * and `jws` lists `[index, header, payload, signature]`, header and payload as the JSON value when
 * `JSON.stringify` gives back the exact text, else as the decoded text, else as the base64url text.
 * Likewise a base64 `data:` URL whose content is UTF-8 text (an SVG badge image) is replaced by
 * that text and `dataUrls` lists `[path, prefix]`; only canonical base64 is opened, so the exact
 * URL comes back. Decoding rebuilds the exact JWS string; a JSON credential keeps its values and key order (its
 * bytes become `JSON.stringify` of it, which a Data Integrity proof does not see: it signs the
 * canonical form).
 *
 * Both codecs are raw deflate (RFC 1951), so any inflater reads them (fflate's, bounded, here). They
 * are written with zlib's encoder (pako, at level 9 and the largest hash memory): on these small
 * inputs its matching finds a few percent more than fflate's, for the same decoder.
 */
import { deflateRaw } from 'pako/lib/deflate.js';
import { TsumikiError } from '../errors.ts';
import { asArray, isJsonObject, parseJson } from '../formats/json.ts';
import { JWS_PATTERN } from '../formats/jws.ts';
import type { JsonObject, JsonValue } from '../model/credential.ts';
import { base58btcDecode, base58btcEncode, base64urlDecode, base64urlEncode, fromBase64, toBase64 } from '../util/bytes.ts';
import { inflateBounded, InflateLimitError } from '../util/inflate.ts';
import { DICTIONARY_V1, DICTIONARY_V2 } from './dictionary.ts';

const deflate = (body: Uint8Array, dictionary: Uint8Array): Uint8Array => deflateRaw(body, { level: 9, memLevel: 9, dictionary });

/** Codec 1 (read, no longer written): deflate of the body with DICTIONARY_V1. */
export const CODEC_DEFLATE_DICT_V1 = 1;
/** Codec 2 (written): binary values apart, deflate of the rest with DICTIONARY_V2. */
export const CODEC_DEFLATE_DICT_V2 = 2;

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

function parseBody(text: string): JsonValue {
  try {
    return parseJson(text, { maxLength: MAX_PRESENTATION_BYTES });
  } catch (e) {
    throw invalid('the payload is not JSON', e);
  }
}

/** The presentation a body text holds. Throws QR_PAYLOAD_INVALID. */
export function presentationOfBody(text: string): JsonObject {
  return presentationOfBodyValue(parseBody(text));
}

function presentationOfBodyValue(body: JsonValue): JsonObject {
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


/**
 * Codec 2's markers: a JSON string that is one of these characters (followed, for a data: URL, by
 * its `data:…;base64,` prefix) stands for bytes of the tail. MARK_ESCAPE before a string that
 * begins with a character of the marker block keeps it as it was.
 */
const MARK_MULTIBASE = '\uE000';
const MARK_DATA_URL = '\uE001';
const MARK_UUID = '\uE002';
/** A UTC date-time `YYYY-MM-DDTHH:MM:SSZ` (1970–2999) as 5 bytes of seconds since 1970. */
const MARK_DATE = '\uE004';
const DATE_TIME = /^(19[7-9][0-9]|2[0-9]{3})-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$/;
/** The same value as the n-th one set apart before (n in decimal after the marker): repeats cost no tail. */
const MARK_REPEAT = '\uE003';
const MARK_ESCAPE = '\uE00F';
const MARKED = /^[\uE000-\uE00F]/;
const UUID = /^urn:uuid:([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})$/;
const BINARY_DATA_URL = /^(data:[^,;]*;base64,)([A-Za-z0-9+/]{64,}={0,2})$/;
/** Longest multibase value taken apart (base58 is quadratic; a signature or a key is under 120 bytes). */
const MAX_MULTIBASE = 256;

function hexBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Moves the values deflate cannot shrink to `tail` (length-prefixed chunks, in document order). */
function setApart(value: JsonValue, tail: number[], seen = new Map<string, number>()): JsonValue {
  if (typeof value === 'string') {
    if (MARKED.test(value)) return MARK_ESCAPE + value;
    const before = seen.get(value);
    if (before !== undefined) return MARK_REPEAT + String(before);
    const marked = setApartString(value, tail);
    if (marked !== value) seen.set(value, seen.size);
    return marked;
  }
  if (Array.isArray(value)) return value.map((v) => setApart(v, tail, seen));
  if (isJsonObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, setApart(v, tail, seen)]));
  return value;
}

function setApartString(value: string, tail: number[]): string {
  if (DATE_TIME.test(value)) {
    const ms = Date.parse(value);
    if (Number.isFinite(ms) && new Date(ms).toISOString() === value.replace('Z', '.000Z')) {
      let secs = ms / 1000;
      const bytes: number[] = [];
      for (let i = 0; i < 5; i++, secs = Math.floor(secs / 256)) bytes.unshift(secs % 256);
      tail.push(...bytes);
      return MARK_DATE;
    }
  }
  {
    if (value.length > 40 && value.startsWith('z')) {
      const bytes = base58btcDecode(value.slice(1));
      if (bytes !== undefined && bytes.length <= MAX_MULTIBASE && 'z' + base58btcEncode(bytes) === value) {
        tail.push(...leb128(bytes.length), ...bytes);
        return MARK_MULTIBASE;
      }
    }
    const uuid = UUID.exec(value);
    if (uuid) {
      tail.push(...hexBytes(uuid.slice(1).join('')));
      return MARK_UUID;
    }
    const data = BINARY_DATA_URL.exec(value);
    if (data) {
      const bytes = fromBase64(data[2] as string); // why: both groups always match
      if (bytes !== null && toBase64(bytes) === data[2]) {
        tail.push(...leb128(bytes.length));
        for (const b of bytes) tail.push(b);
        return MARK_DATA_URL + (data[1] as string);
      }
    }
    return value;
  }
}

/** Reads the tail's chunks back into the marked strings, in the same document order. */
class TailReader {
  at = 0;
  readonly #values: string[] = [];
  constructor(private readonly tail: Uint8Array) {}

  #take(n: number): Uint8Array {
    if (this.at + n > this.tail.length) throw invalid('the payload tail is too short');
    const out = this.tail.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }

  #length(): number {
    let n = 0;
    for (let shift = 1, i = 0; ; shift *= 128, i++) {
      const [b] = this.#take(1) as unknown as [number]; // why: #take(1) returns one byte or throws
      if (i > 3) throw invalid('a tail length is malformed');
      n += (b & 0x7f) * shift;
      if ((b & 0x80) === 0) return n;
    }
  }

  restore(value: JsonValue): JsonValue {
    if (typeof value === 'string') {
      if (!MARKED.test(value)) return value;
      const mark = value[0];
      if (mark === MARK_ESCAPE) {
        if (!MARKED.test(value.slice(1))) throw invalid('a marker escape escapes nothing');
        return value.slice(1);
      }
      if (mark === MARK_REPEAT && /^(0|[1-9][0-9]{0,6})$/.test(value.slice(1))) {
        const earlier = this.#values[Number(value.slice(1))];
        if (earlier === undefined) throw invalid('a repeat marker points at no value');
        return earlier;
      }
      const restored = this.#read(mark, value.slice(1));
      this.#values.push(restored);
      return restored;
    }
    if (Array.isArray(value)) return value.map((v) => this.restore(v));
    if (isJsonObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.restore(v)]));
    return value;
  }

  #read(mark: string | undefined, rest: string): string {
    if (mark === MARK_MULTIBASE && rest === '') {
      const n = this.#length();
      if (n > MAX_MULTIBASE) throw invalid('a multibase value is too long');
      return 'z' + base58btcEncode(this.#take(n));
    }
    if (mark === MARK_DATE && rest === '') {
      const secs = Array.from(this.#take(5)).reduce((n, b) => n * 256 + b, 0);
      const date = new Date(secs * 1000);
      if (!Number.isFinite(date.getTime()) || date.getUTCFullYear() > 2999) throw invalid('a date in the payload is out of range');
      return date.toISOString().replace('.000Z', 'Z');
    }
    if (mark === MARK_UUID && rest === '') {
      const h = Array.from(this.#take(16), (b) => b.toString(16).padStart(2, '0')).join('');
      return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    }
    if (mark === MARK_DATA_URL && /^data:[^,;]*;base64,$/.test(rest)) return rest + toBase64(this.#take(this.#length()));
    throw invalid('an unknown marker in the payload');
  }
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

/** The compact payload of a presentation: codec 2, or codec 1 when that happens to be smaller. */
export function packPresentation(vp: JsonObject): Uint8Array {
  const v2 = packPresentationV2(vp);
  const v1 = packPresentationV1(vp);
  return v1.length < v2.length ? v1 : v2;
}

/** The payload of codec 2. */
export function packPresentationV2(vp: JsonObject): Uint8Array {
  const text = bodyOf(vp);
  const plain = ENCODER.encode(text).length;
  if (plain > MAX_PRESENTATION_BYTES) {
    throw new TsumikiError('SHARE_TOO_LARGE', `the presentation is ${plain} bytes; at most ${MAX_PRESENTATION_BYTES} can be shared`, {
      data: { bytes: plain, limit: MAX_PRESENTATION_BYTES },
    });
  }
  const tail: number[] = [];
  const body = ENCODER.encode(JSON.stringify(setApart(JSON.parse(text) as JsonValue, tail))); // why: bodyOf writes JSON
  const packed = deflate(body, DICTIONARY_V2);
  const head = [CODEC_DEFLATE_DICT_V2, ...leb128(body.length), ...leb128(tail.length)];
  const out = new Uint8Array(head.length + packed.length + tail.length);
  out.set(head, 0);
  out.set(packed, head.length);
  out.set(tail, head.length + packed.length);
  return out;
}

/** The payload of codec 1 (written when smaller than codec 2; what every QR code held before codec 2). */
export function packPresentationV1(vp: JsonObject): Uint8Array {
  const body = ENCODER.encode(bodyOf(vp));
  const packed = deflate(body, DICTIONARY_V1);
  const head = [CODEC_DEFLATE_DICT_V1, ...leb128(body.length)];
  const out = new Uint8Array(head.length + packed.length);
  out.set(head, 0);
  out.set(packed, head.length);
  return out;
}

function inflateExactly(data: Uint8Array, size: number, dictionary: Uint8Array): Uint8Array {
  let out: Uint8Array;
  try {
    out = inflateBounded(data, size, { step: 4096, dictionary });
  } catch (e) {
    if (e instanceof InflateLimitError) throw new TsumikiError('QR_PAYLOAD_INVALID', 'the payload inflates past its declared length');
    throw invalid('the payload does not decompress', e);
  }
  if (out.length !== size) throw invalid('the payload does not inflate to its declared length');
  return out;
}

/** A LEB128 length at `i` (at most 5 bytes): the value and the index after it. */
function readLength(payload: Uint8Array, i: number): [number, number] {
  let n = 0;
  for (let shift = 1, k = 0; ; shift *= 128, k++, i++) {
    const b = payload[i];
    if (b === undefined || k > 4) throw invalid('the payload length is malformed');
    n += (b & 0x7f) * shift;
    if ((b & 0x80) === 0) return [n, i + 1];
  }
}

/** The presentation a payload holds (codec 2, or codec 1 from before). Throws QR_PAYLOAD_INVALID or QR_PAYLOAD_TOO_LARGE. */
export function unpackPresentation(payload: Uint8Array, limit = MAX_PRESENTATION_BYTES): JsonObject {
  if (payload.length < 3) throw invalid('the payload is too short');
  const codec = payload[0];
  if (codec !== CODEC_DEFLATE_DICT_V1 && codec !== CODEC_DEFLATE_DICT_V2) throw invalid(`unknown payload codec ${codec}`);
  const [size, afterSize] = readLength(payload, 1);
  if (size > limit) {
    throw new TsumikiError('QR_PAYLOAD_TOO_LARGE', `the payload declares ${size} bytes; at most ${limit} are read`, { data: { bytes: size, limit } });
  }
  const [tailSize, start] = codec === CODEC_DEFLATE_DICT_V2 ? readLength(payload, afterSize) : [0, afterSize];
  if (start + tailSize > payload.length) throw invalid('the payload tail is longer than the payload');
  const deflated = payload.subarray(start, payload.length - tailSize);
  const body = inflateExactly(deflated, size, codec === CODEC_DEFLATE_DICT_V2 ? DICTIONARY_V2 : DICTIONARY_V1);
  let text: string;
  try {
    text = UTF8.decode(body);
  } catch (e) {
    throw invalid('the payload is not UTF-8', e);
  }
  if (codec === CODEC_DEFLATE_DICT_V1) return presentationOfBody(text);
  const tail = new TailReader(payload.subarray(payload.length - tailSize));
  const restored = tail.restore(parseBody(text));
  if (tail.at !== tailSize) throw invalid('the payload tail has bytes no marker uses');
  return presentationOfBodyValue(restored);
}
