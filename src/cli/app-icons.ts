/**
 * The app's install icons (public/icons/*.png), drawn in code from the same shapes as favicon.svg:
 * two stacked blocks and a gold roof on a pale tile. `npm run icons` writes them; the unit test
 * tests/unit/pwa/icons.test.ts checks the committed files are exactly what this draws.
 *
 * - `any`: the rounded tile, transparent outside it.
 * - `maskable`: full-bleed background, the blocks inside the central 60 % (the maskable safe zone is
 *   the inner circle of 80 %), so any mask shape keeps the whole picture.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { zlibSync } from 'fflate';
import CRC32 from 'crc-32';

type Rgba = readonly [number, number, number, number];
const TILE: Rgba = [0xe8, 0xf0, 0xfb, 255];
const LOW: Rgba = [0x1f, 0x4e, 0x8c, 255];
const MID: Rgba = [0x2f, 0x6f, 0xc4, 255];
const ROOF: Rgba = [0xe0, 0xa5, 0x26, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

export interface IconSpec {
  readonly file: string;
  readonly size: number;
  readonly purpose: 'any' | 'maskable';
}

export const ICONS: readonly IconSpec[] = [
  { file: 'icon-192.png', size: 192, purpose: 'any' },
  { file: 'icon-512.png', size: 512, purpose: 'any' },
  { file: 'maskable-192.png', size: 192, purpose: 'maskable' },
  { file: 'maskable-512.png', size: 512, purpose: 'maskable' },
  { file: 'apple-touch-icon-180.png', size: 180, purpose: 'maskable' },
];

/** The colour at (x, y) of the 32-unit favicon picture; `inset` shrinks the blocks toward the centre. */
function pixel(u: number, v: number, purpose: IconSpec['purpose']): Rgba {
  if (purpose === 'any') {
    const r = 7; // the tile's corner radius, as in favicon.svg
    const cx = Math.min(Math.max(u, r), 32 - r);
    const cy = Math.min(Math.max(v, r), 32 - r);
    if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return CLEAR;
  }
  // Blocks in favicon units; maskable icons scale them by 0.75 around the centre.
  const k = purpose === 'maskable' ? 0.75 : 1;
  const x = (u - 16) / k + 16;
  const y = (v - 16) / k + 16;
  if (x >= 5 && x < 27 && y >= 21 && y < 28) return LOW;
  if (x >= 8 && x < 24 && y >= 13 && y < 20) return MID;
  if (y >= 3 && y < 12) {
    const half = ((y - 3) / 9) * 6.5;
    if (x >= 16 - half && x <= 16 + half) return ROOF;
  }
  return TILE;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setInt32(8 + data.length, CRC32.buf(out.subarray(4, 8 + data.length)));
  return out;
}

/** An RGBA PNG of the icon, 2×2 supersampled so the roof's edges are smooth. */
export function iconPng(spec: IconSpec): Uint8Array {
  const { size, purpose } = spec;
  const stride = size * 4 + 1;
  const raw = new Uint8Array(size * stride);
  for (let py = 0; py < size; py++) {
    raw[py * stride] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (const [dx, dy] of [[0.25, 0.25], [0.75, 0.25], [0.25, 0.75], [0.75, 0.75]] as const) {
        const c = pixel(((px + dx) / size) * 32, ((py + dy) / size) * 32, purpose);
        for (let i = 0; i < 3; i++) acc[i] = (acc[i] ?? 0) + (c[i] ?? 0) * (c[3] / 255);
        acc[3] = (acc[3] ?? 0) + c[3];
      }
      const alpha = (acc[3] ?? 0) / 4;
      const o = py * stride + 1 + px * 4;
      for (let i = 0; i < 3; i++) raw[o + i] = alpha === 0 ? 0 : Math.round(((acc[i] ?? 0) / 4) * (255 / alpha));
      raw[o + 3] = Math.round(alpha);
    }
  }
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, size);
  new DataView(ihdr.buffer).setUint32(4, size);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const parts = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlibSync(raw, { level: 9 })), chunk('IEND', new Uint8Array())];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

if (process.argv[1]?.endsWith('app-icons.ts')) {
  const dir = new URL('../../public/icons/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  for (const spec of ICONS) {
    const png = iconPng(spec);
    writeFileSync(new URL(spec.file, dir), png);
    console.log(`public/icons/${spec.file}  ${spec.size}×${spec.size} ${spec.purpose}  ${png.length} B`);
  }
}
