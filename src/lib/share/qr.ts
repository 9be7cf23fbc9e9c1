/**
 * QR symbols for frame texts and deep links, a plain PNG of a symbol, and reading a symbol back
 * from RGBA pixels (a camera frame in the browser, a decoded PNG in the CLI). Pure: the `qrcode`
 * core encoder, jsQR (pure JS: no WebAssembly, so the CSP needs no 'wasm-unsafe-eval'), fflate.
 */
import { zlibSync } from 'fflate';
import jsQR from 'jsqr';
import { create, type QrSegment, type QrSymbol } from 'qrcode/lib/core/qrcode.js';
import { encodePngChunks } from '../formats/baked/png-chunks.ts';

export type EcLevel = 'L' | 'M' | 'Q' | 'H';

const ALNUM = /^[0-9A-Z $%*+\-./:]*$/;

/**
 * Segments for a text: alphanumeric mode for the longest tail in the alphanumeric set (all of a
 * frame text; the data of a deep link), byte mode for the rest (a deep link's URL prefix).
 */
export function segmentsFor(text: string): QrSegment[] {
  if (ALNUM.test(text)) return [{ data: text, mode: 'alphanumeric' }];
  let cut = text.length;
  while (cut > 0 && ALNUM.test(text[cut - 1] as string)) cut--; // why: cut - 1 is in range
  const tail = text.slice(cut);
  return tail.length >= 12 ? [{ data: text.slice(0, cut), mode: 'byte' }, { data: tail, mode: 'alphanumeric' }] : [{ data: text, mode: 'byte' }];
}

export interface QrCode {
  readonly version: number;
  /** Modules per side (without the quiet zone). */
  readonly size: number;
  /** Row-major, 1 = dark. */
  readonly modules: Uint8Array;
}

/** Encode a text as the smallest QR symbol at the given error correction (default M). */
export function qrCode(text: string, ec: EcLevel = 'M'): QrCode {
  const symbol: QrSymbol = create(segmentsFor(text), { errorCorrectionLevel: ec });
  return { version: symbol.version, size: symbol.modules.size, modules: symbol.modules.data };
}

/** A 1-bit greyscale PNG of a symbol: `scale` pixels a module, a quiet zone of `margin` modules. */
export function qrPng(code: QrCode, scale = 4, margin = 4): Uint8Array {
  const side = (code.size + 2 * margin) * scale;
  const rowBytes = Math.ceil(side / 8);
  const raw = new Uint8Array((rowBytes + 1) * side).fill(0xff);
  for (let y = 0; y < side; y++) {
    raw[y * (rowBytes + 1)] = 0; // filter: none
    const my = Math.floor(y / scale) - margin;
    if (my < 0 || my >= code.size) continue;
    for (let x = 0; x < side; x++) {
      const mx = Math.floor(x / scale) - margin;
      if (mx < 0 || mx >= code.size || !code.modules[my * code.size + mx]) continue;
      const at = y * (rowBytes + 1) + 1 + (x >> 3);
      raw[at] = (raw[at] as number) & ~(0x80 >> (x & 7)); // why: at is inside the row just filled
    }
  }
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, side);
  view.setUint32(4, side);
  ihdr.set([1, 0, 0, 0, 0], 8); // bit depth 1, greyscale, deflate, adaptive filtering, no interlace
  return encodePngChunks([
    { type: 'IHDR', data: ihdr },
    { type: 'IDAT', data: zlibSync(raw, { level: 9 }) },
    { type: 'IEND', data: new Uint8Array(0) },
  ]);
}

/** The text of the QR code found in RGBA pixels, or undefined when none can be read. */
export function readQr(rgba: Uint8ClampedArray, width: number, height: number): string | undefined {
  const found = jsQR(rgba, width, height, { inversionAttempts: 'attemptBoth' });
  return found ? found.data : undefined;
}
