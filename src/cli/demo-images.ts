/**
 * Badge artwork for the demo credentials, drawn in code so no binary asset needs a licence: one
 * building-block motif (積み木) and one colour scheme per badge, so no two demo badges look alike, and
 * — on a micro-credential — a ribbon that says "MICRO-CREDENTIAL", as the JV-Campus/JMOOC Guideline
 * 1.1 asks of a micro-credential's badge image. As SVG (embedded as a data: URI; the words are SVG
 * text in the reader's sans-serif, no font is shipped) and as a small PNG (for the baked demo badge;
 * the words drawn with the tiny pixel font below). Shapes and words only: no script, no link.
 */
import { zlibSync } from 'fflate';
import CRC32 from 'crc-32';

export interface Palette {
  readonly background: string;
  /** Dark (also the ribbon), middle, accent. */
  readonly blocks: readonly [string, string, string];
}

/** One colour scheme per demo badge (index = the badge's `variant`): eight distinct hues, white words readable on the dark one. */
export const ART_PALETTES: readonly Palette[] = [
  { background: '#e8eef8', blocks: ['#1f4e8c', '#3f7fd0', '#e0a526'] },
  { background: '#e9f5ef', blocks: ['#1e6b4f', '#3aa57a', '#e46b4a'] },
  { background: '#f1ebf8', blocks: ['#4b2a7b', '#8a63c9', '#f0b429'] },
  { background: '#e6f4f5', blocks: ['#0f5f66', '#2a9aa3', '#f28b50'] },
  { background: '#fbeceb', blocks: ['#8e2a22', '#d3574a', '#2f6fc4'] },
  { background: '#fdf1e4', blocks: ['#8a4b0f', '#e08a2e', '#2a8a6a'] },
  { background: '#ebedf5', blocks: ['#2c3566', '#5a67b0', '#e6b800'] },
  { background: '#f9eaf2', blocks: ['#7d1f55', '#c74a8c', '#3aa57a'] },
];

type Colour = 0 | 1 | 2;
type Shape =
  | { readonly k: 'rect'; readonly x: number; readonly y: number; readonly w: number; readonly h: number; readonly c: Colour }
  | { readonly k: 'tri'; readonly p: readonly [number, number, number, number, number, number]; readonly c: Colour }
  | { readonly k: 'circle'; readonly cx: number; readonly cy: number; readonly r: number; readonly c: Colour };

const rect = (x: number, y: number, w: number, h: number, c: Colour): Shape => ({ k: 'rect', x, y, w, h, c });
const tri = (c: Colour, ...p: [number, number, number, number, number, number]): Shape => ({ k: 'tri', p, c });
const circle = (cx: number, cy: number, r: number, c: Colour): Shape => ({ k: 'circle', cx, cy, r, c });

/** Eight stacks of blocks on a 120×120 tile, above the ribbon (y ≥ 84). */
const MOTIFS: readonly (readonly Shape[])[] = [
  [rect(22, 58, 76, 20, 0), rect(32, 36, 56, 20, 1), tri(2, 60, 10, 82, 34, 38, 34)], // a roof on two blocks
  [rect(24, 58, 72, 20, 0), rect(28, 22, 24, 34, 1), rect(68, 36, 24, 20, 1), circle(80, 24, 10, 2)], // two towers and a ball
  [rect(28, 44, 18, 34, 1), rect(74, 44, 18, 34, 1), rect(22, 28, 76, 14, 0), tri(2, 60, 8, 80, 26, 40, 26)], // a gate
  [rect(20, 60, 80, 18, 0), rect(40, 42, 60, 16, 1), rect(60, 24, 40, 16, 2)], // stairs
  [rect(26, 60, 68, 18, 0), rect(36, 42, 48, 16, 1), circle(60, 26, 14, 2)], // a ball on a stack
  [rect(22, 60, 36, 18, 0), rect(62, 60, 36, 18, 0), rect(40, 40, 40, 18, 1), tri(2, 60, 12, 78, 38, 42, 38)], // a pyramid
  [rect(30, 62, 60, 16, 0), rect(40, 44, 40, 16, 1), rect(48, 26, 24, 16, 0), tri(2, 60, 8, 72, 24, 48, 24)], // a tower
  [rect(20, 34, 80, 14, 1), rect(26, 50, 16, 28, 0), rect(78, 50, 16, 28, 0), circle(60, 64, 11, 2)], // a bridge
];

export const RIBBON_WORDS = 'MICRO-CREDENTIAL';
const RIBBON = { x: 8, y: 86, w: 104, h: 20 } as const;

export interface Art {
  readonly palette: Palette;
  /** Which of the eight motifs. */
  readonly motif: number;
  /** Draw the "MICRO-CREDENTIAL" ribbon (only on a micro-credential). */
  readonly micro: boolean;
}

function shapesOf(art: Art): readonly Shape[] {
  return MOTIFS[((art.motif % MOTIFS.length) + MOTIFS.length) % MOTIFS.length] ?? [];
}

/** The artwork as a small SVG document. */
export function badgeSvg(art: Art): string {
  const fill = (c: Colour) => art.palette.blocks[c];
  const parts = shapesOf(art).map((s) =>
    s.k === 'rect'
      ? `<rect x="${s.x}" y="${s.y}" width="${s.w}" height="${s.h}" rx="3" fill="${fill(s.c)}"/>`
      : s.k === 'tri'
        ? `<path d="M${s.p[0]} ${s.p[1]}L${s.p[2]} ${s.p[3]}L${s.p[4]} ${s.p[5]}Z" fill="${fill(s.c)}"/>`
        : `<circle cx="${s.cx}" cy="${s.cy}" r="${s.r}" fill="${fill(s.c)}"/>`,
  );
  const ribbon = art.micro
    ? [
        `<rect x="${RIBBON.x}" y="${RIBBON.y}" width="${RIBBON.w}" height="${RIBBON.h}" rx="4" fill="${fill(0)}"/>`,
        `<text x="60" y="${RIBBON.y + 13.5}" fill="#fff" font-family="Arial,Helvetica,sans-serif" font-size="9" font-weight="700" text-anchor="middle" textLength="94" lengthAdjust="spacingAndGlyphs">${RIBBON_WORDS}</text>`,
      ]
    : [];
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120" width="120" height="120">',
    `<rect width="120" height="120" rx="22" fill="${art.palette.background}"/>`,
    ...parts,
    ...ribbon,
    '</svg>',
  ].join('');
}

export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

/** A pixel font of the ribbon's letters, five rows each ('#' = ink). */
const GLYPHS: Record<string, readonly string[]> = {
  M: ['#...#', '##.##', '#.#.#', '#...#', '#...#'],
  I: ['###', '.#.', '.#.', '.#.', '###'],
  C: ['.##', '#..', '#..', '#..', '.##'],
  R: ['##.', '#.#', '##.', '#.#', '#.#'],
  O: ['.#.', '#.#', '#.#', '#.#', '.#.'],
  '-': ['...', '...', '###', '...', '...'],
  E: ['###', '#..', '##.', '#..', '###'],
  D: ['##.', '#.#', '#.#', '#.#', '##.'],
  N: ['#..#', '##.#', '#.##', '#..#', '#..#'],
  T: ['###', '.#.', '.#.', '.#.', '.#.'],
  A: ['.#.', '#.#', '###', '#.#', '#.#'],
  L: ['#..', '#..', '#..', '#..', '###'],
};

/** The cells of `words` in the pixel font: [column, row] pairs, and the width in cells. */
export function pixelText(words: string): { readonly cells: readonly (readonly [number, number])[]; readonly width: number } {
  const cells: [number, number][] = [];
  let x = 0;
  for (const ch of words) {
    const g = GLYPHS[ch];
    if (!g) throw new Error(`pixelText: no glyph for ${ch}`);
    g.forEach((row, y) => [...row].forEach((px, dx) => px === '#' && cells.push([x + dx, y])));
    x += (g[0]?.length ?? 0) + 1;
  }
  return { cells, width: x - 1 };
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

/** The same picture as `badgeSvg`, rasterised by hand into an RGB PNG of `size`×`size` (words in the pixel font). */
export function badgePng(art: Art, size = 240): Uint8Array {
  const s = size / 120;
  const colours = [rgb(art.palette.blocks[0]), rgb(art.palette.blocks[1]), rgb(art.palette.blocks[2])] as const;
  const bg = rgb(art.palette.background);
  const white: [number, number, number] = [255, 255, 255];
  const inRound = (x: number, y: number, rx: number, ry: number, w: number, h: number, r: number) => {
    const [ux, uy] = [x / s, y / s];
    if (ux < rx || ux >= rx + w || uy < ry || uy >= ry + h) return false;
    const cx = Math.min(Math.max(ux, rx + r), rx + w - r);
    const cy = Math.min(Math.max(uy, ry + r), ry + h - r);
    return (ux - cx) ** 2 + (uy - cy) ** 2 <= r * r;
  };
  const inTri = (x: number, y: number, p: readonly number[]) => {
    const [ux, uy] = [x / s, y / s];
    const [ax, ay, bx, by, cx, cy] = p as [number, number, number, number, number, number];
    const d = (x1: number, y1: number, x2: number, y2: number) => (ux - x2) * (y1 - y2) - (x1 - x2) * (uy - y2);
    const [d1, d2, d3] = [d(ax, ay, bx, by), d(bx, by, cx, cy), d(cx, cy, ax, ay)];
    return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
  };
  const inShape = (x: number, y: number, sh: Shape) =>
    sh.k === 'rect' ? inRound(x, y, sh.x, sh.y, sh.w, sh.h, 3) : sh.k === 'tri' ? inTri(x, y, sh.p) : (x / s - sh.cx) ** 2 + (y / s - sh.cy) ** 2 <= sh.r * sh.r;
  // The ribbon's words: cells of `cell` pixels, centred on the ribbon.
  const text = pixelText(RIBBON_WORDS);
  const cell = Math.max(1, Math.round(1.5 * s));
  const textLeft = Math.round((size - text.width * cell) / 2);
  const textTop = Math.round((RIBBON.y + RIBBON.h / 2) * s - (5 * cell) / 2);
  const ink = new Set(text.cells.map(([cx, cy]) => `${cx},${cy}`));
  const inText = (x: number, y: number) => {
    if (x < textLeft || y < textTop) return false;
    return ink.has(`${Math.floor((x - textLeft) / cell)},${Math.floor((y - textTop) / cell)}`);
  };
  const shapes = shapesOf(art);
  const raw = new Uint8Array(size * (size * 3 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      let c: readonly [number, number, number] = white;
      if (inRound(x, y, 0, 0, 120, 120, 22)) c = bg;
      for (const sh of shapes) if (inShape(x, y, sh)) c = colours[sh.c];
      if (art.micro && inRound(x, y, RIBBON.x, RIBBON.y, RIBBON.w, RIBBON.h, 4)) c = inText(x, y) ? white : colours[0];
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
