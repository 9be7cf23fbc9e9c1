/**
 * Badge artwork for the demo credentials, drawn in code so no binary asset needs a licence:
 * stacked building blocks (積み木) in the issuer's colours, as SVG (embedded as a data: URI) and
 * as a small PNG (for the baked demo badge). Shapes only: no text, no fonts, no script.
 */
import { zlibSync } from 'fflate';
import CRC32 from 'crc-32';

export interface Palette {
  readonly background: string;
  readonly blocks: readonly [string, string, string];
}

/** Three blocks stacked on a rounded tile; `variant` shifts the top block so badges differ. */
export function blockSvg(p: Palette, variant: number): string {
  const shift = (variant % 3) * 14 - 14;
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120" width="120" height="120">',
    `<rect width="120" height="120" rx="22" fill="${p.background}"/>`,
    `<rect x="22" y="76" width="76" height="24" rx="4" fill="${p.blocks[0]}"/>`,
    `<rect x="32" y="50" width="56" height="24" rx="4" fill="${p.blocks[1]}"/>`,
    `<path d="M${60 + shift} 18 L${82 + shift} 48 L${38 + shift} 48 Z" fill="${p.blocks[2]}"/>`,
    '</svg>',
  ].join('');
}

export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeInt32BE(CRC32.buf(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** The same picture as `blockSvg`, rasterised by hand into an RGB PNG of `size`×`size`. */
export function blockPng(p: Palette, size = 240): Uint8Array {
  const s = size / 120;
  const inRect = (x: number, y: number, rx: number, ry: number, w: number, h: number) => x >= rx * s && x < (rx + w) * s && y >= ry * s && y < (ry + h) * s;
  const inTriangle = (x: number, y: number) => {
    const ty = y / s;
    const tx = x / s;
    if (ty < 18 || ty >= 48) return false;
    const half = ((ty - 18) / 30) * 22;
    return tx >= 60 - half && tx <= 60 + half;
  };
  const corner = 22 * s;
  const inTile = (x: number, y: number) => {
    const cx = Math.min(Math.max(x, corner), size - corner);
    const cy = Math.min(Math.max(y, corner), size - corner);
    return (x - cx) ** 2 + (y - cy) ** 2 <= corner ** 2;
  };
  const [bg, b0, b1, b2] = [rgb(p.background), rgb(p.blocks[0]), rgb(p.blocks[1]), rgb(p.blocks[2])];
  const raw = new Uint8Array(size * (size * 3 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      let c: [number, number, number] = [255, 255, 255];
      if (inTile(x, y)) c = bg;
      if (inRect(x, y, 22, 76, 76, 24)) c = b0;
      if (inRect(x, y, 32, 50, 56, 24)) c = b1;
      if (inTriangle(x, y)) c = b2;
      raw.set(c, row + 1 + x * 3);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', zlibSync(raw, { level: 9 })), chunk('IEND', new Uint8Array())]));
}
