/**
 * QR codes as PNG images behind blob: URLs (the CSP allows blob: images; no inline data, no
 * canvas needed): one per frame text, sized so a phone camera reads it from an arm's length.
 */
import { qrCode, qrPng } from '../../lib/share/qr.ts';

export interface QrImages {
  readonly urls: readonly string[];
  /** QR version of each image (error correction M). */
  readonly versions: readonly number[];
  /** Milliseconds spent encoding the symbols and their PNGs. */
  readonly ms: number;
}

/** About this many pixels a side, whatever the version (the page scales it down crisply). */
const TARGET_PX = 520;

export function qrImages(texts: readonly string[]): QrImages {
  const start = performance.now();
  const urls: string[] = [];
  const versions: number[] = [];
  for (const text of texts) {
    const code = qrCode(text, 'M');
    const scale = Math.max(2, Math.round(TARGET_PX / (code.size + 8)));
    const png = qrPng(code, scale, 4);
    urls.push(URL.createObjectURL(new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' }))); // why: qrPng returns a fresh ArrayBuffer-backed array
    versions.push(code.version);
  }
  return { urls, versions, ms: performance.now() - start };
}

export function revokeQrImages(images: QrImages | null): void {
  for (const url of images?.urls ?? []) URL.revokeObjectURL(url);
}
