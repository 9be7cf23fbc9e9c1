/**
 * Byte helpers — base64, base64url, base58btc, hex, UTF-8, SHA-256 — on WebCrypto and the encoding
 * APIs only (no Buffer): they run the same in Node 20, the browser and a Worker. jose does the
 * lenient base64url of JOSE; the `from…` decoders here are strict and answer null.
 */
import { base64url } from 'jose';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Map<string, number>([...B64].map((c, i) => [c, i]));

/** Standard base64 with padding. */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? B64[n & 63]! : '=';
  }
  return out;
}

/** Strict base64 decode: returns null on any character, length or padding error. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | null {
  if (text.length % 4 !== 0) return null;
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const ch = text[i + j]!;
      const last = i + 4 === text.length;
      if (ch === '=' && last && j >= 4 - pad) {
        n <<= 6;
        continue;
      }
      const v = B64_INDEX.get(ch);
      if (v === undefined) return null;
      n = (n << 6) | v;
    }
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  // Reject non-canonical encodings (stray bits in the last group) so a round trip is exact.
  return toBase64(out) === text ? out : null;
}

/** base64url without padding (RFC 4648 §5), as JOSE writes it. */
export function base64urlEncode(bytes: Uint8Array): string {
  return base64url.encode(bytes);
}

/** JOSE's base64url decode (throws on input it cannot read). */
export function base64urlDecode(text: string): Uint8Array {
  return base64url.decode(text);
}

/** base64url to strict UTF-8 text (throws on bad base64url or bad UTF-8). */
export function base64urlDecodeToText(text: string): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(base64url.decode(text));
}

/** Strict base64url decode (unpadded, canonical): null on anything else. */
export function fromBase64url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  return fromBase64(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
}

const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** base58btc (Bitcoin alphabet) encoding, without the multibase `z`. */
export function base58btcEncode(bytes: Uint8Array): string {
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
  const digits: number[] = [];
  for (let k = zeros; k < bytes.length; k++) {
    let carry = bytes[k] as number; // why: k < length
    for (let j = 0; j < digits.length; j++) {
      carry += (digits[j] as number) * 256; // why: j < length
      digits[j] = carry % 58;
      carry = Math.floor(carry / 58);
    }
    while (carry > 0) {
      digits.push(carry % 58);
      carry = Math.floor(carry / 58);
    }
  }
  let out = '1'.repeat(zeros);
  for (let j = digits.length - 1; j >= 0; j--) out += B58[digits[j] as number]; // why: j in range
  return out;
}

/** Each ASCII character's value in the base58btc alphabet, or -1. */
const B58_VALUE = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < B58.length; i++) table[B58.charCodeAt(i)] = i;
  return table;
})();

/** base58btc (Bitcoin alphabet) decode; undefined for a character outside the alphabet. */
export function base58btcDecode(text: string): Uint8Array | undefined {
  // Little-endian digits in a buffer big enough for any text (each character adds under a byte).
  const digits = new Uint8Array(text.length + 1);
  let length = 0;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    let carry = code < 128 ? (B58_VALUE[code] as number) : -1; // why: code < 128 is inside the table
    if (carry < 0) return undefined;
    for (let i = 0; i < length; i++) {
      carry += (digits[i] as number) * 58; // why: i < length
      digits[i] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      digits[length++] = carry & 0xff;
      carry >>= 8;
    }
  }
  let zeros = 0;
  while (zeros < text.length && text.charCodeAt(zeros) === 0x31) zeros++; // each leading "1" is a zero byte
  const out = new Uint8Array(zeros + length);
  for (let i = 0; i < length; i++) out[zeros + length - 1 - i] = digits[i] as number; // why: i < length
  return out;
}

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** A copy backed by a plain ArrayBuffer: what WebCrypto's BufferSource accepts. */
export function own(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}

export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}

/** Strict UTF-8 decode: null when the bytes are not valid UTF-8. */
export function fromUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

export async function sha256(bytes: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', own(bytes)));
}

/** Hex SHA-256 of bytes, or of a string's UTF-8. */
export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  return toHex(await sha256(typeof data === 'string' ? utf8(data) : data));
}

/** The content id of a credential: hex SHA-256 of its exact bytes. */
export async function contentId(bytes: Uint8Array): Promise<string> {
  return sha256Hex(bytes);
}

export function concat(...parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Equality that does not stop at the first difference. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
