// The pure QR encoder inside the `qrcode` package (no canvas, no fs, no pngjs), typed for what
// src/lib/share/qr.ts calls. The package's own entry points pull in renderers and Node types.
declare module 'qrcode/lib/core/qrcode.js' {
  export interface QrSegment {
    data: string;
    mode: 'alphanumeric' | 'byte' | 'numeric';
  }
  export interface QrSymbol {
    version: number;
    errorCorrectionLevel: { bit: number };
    modules: { size: number; data: Uint8Array; get(row: number, col: number): number };
  }
  export function create(data: string | QrSegment[], options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H'; version?: number; maskPattern?: number }): QrSymbol;
}

// Used only by the QR benchmark (tests/bench/qr.ts), for comparison; it ships no types.
declare module '@digitalbazaar/vpqr';
