/**
 * The verify screen's small decisions about raw input (issue 7), with no verifier behind them:
 * is pasted text QR frames or a badge, is a file a picture to read a QR code from, and a fresh
 * challenge for the holder to sign.
 */
import { FRAME_PREFIX } from './frames.ts';

const VERIFY_LINK = '#/verify?data=';

/** Pasted text, decided: QR frame texts or verify links (one a line) for the frame collector; anything else as a badge file. */
export type PastedInput = { readonly kind: 'frames'; readonly texts: readonly string[] } | { readonly kind: 'bytes'; readonly bytes: Uint8Array };

export function classifyPaste(text: string): PastedInput {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length > 0 && lines.every((l) => l.startsWith(FRAME_PREFIX) || l.includes(VERIFY_LINK))) return { kind: 'frames', texts: lines };
  return { kind: 'bytes', bytes: new TextEncoder().encode(text.trim()) };
}

const SIGNATURES: readonly (readonly [string, readonly number[]])[] = [
  ['image/png', [0x89, 0x50, 0x4e, 0x47]],
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/gif', [0x47, 0x49, 0x46, 0x38]],
  ['image/bmp', [0x42, 0x4d]],
];

/** The raster image type of the bytes, by content (a QR screenshot or photo), or undefined. */
export function rasterImageType(bytes: Uint8Array): string | undefined {
  const webp = bytes.length > 12 && String.fromCharCode(...bytes.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP';
  if (webp) return 'image/webp';
  return SIGNATURES.find(([, sig]) => sig.every((b, i) => bytes[i] === b))?.[0];
}

/** QR text that is one of our frames or verify links (anything else read from an image is not for the collector). */
export function isFrameText(text: string): boolean {
  const t = text.trim();
  return t.startsWith(FRAME_PREFIX) || t.includes(VERIFY_LINK);
}

// Crockford-style base32 without look-alikes; all in the QR alphanumeric set.
const CHALLENGE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A fresh challenge for the holder to sign: 10 random characters (50 bits), easy to read out or type. */
export function newChallenge(random: (a: Uint8Array) => Uint8Array = (a) => crypto.getRandomValues(a)): string {
  return Array.from(random(new Uint8Array(10)), (b) => CHALLENGE_ALPHABET[b & 31]).join('');
}
