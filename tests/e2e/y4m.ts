/**
 * A fake camera for Chromium (`--use-file-for-fake-video-capture`): PNG pictures (QR frames
 * captured from the wallet page) → a YUV4MPEG2 video, 4:2:0 (I420), each picture centred on white,
 * scaled to fit and held for a few video frames. Chromium loops the file.
 */
import { PNG } from 'pngjs';

export interface Y4mOptions {
  readonly width?: number;
  readonly height?: number;
  /** Video frames each picture is held for. */
  readonly hold?: number;
  readonly fps?: number;
}

/**
 * RGBA of `width`×`height`, white, with the picture scaled into a centred square. Each pixel
 * averages 4×4 samples (as a lens would blur), so module edges are grey, not a jagged
 * nearest-neighbour grid that some scales make unreadable.
 */
function compose(png: PNG, width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height * 4).fill(255);
  const side = Math.floor(Math.min(width, height) * 0.92);
  const ox = Math.floor((width - side) / 2);
  const oy = Math.floor((height - side) / 2);
  const n = 4;
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const sum = [0, 0, 0];
      for (let j = 0; j < n; j++) {
        const sy = Math.floor(((y + (j + 0.5) / n) * png.height) / side);
        for (let i = 0; i < n; i++) {
          const sx = Math.floor(((x + (i + 0.5) / n) * png.width) / side);
          const s = (sy * png.width + sx) * 4;
          const a = (png.data[s + 3] ?? 255) / 255; // on white
          for (let c = 0; c < 3; c++) sum[c] = (sum[c] ?? 0) + (png.data[s + c] ?? 255) * a + 255 * (1 - a);
        }
      }
      const d = ((oy + y) * width + ox + x) * 4;
      for (let c = 0; c < 3; c++) out[d + c] = Math.round((sum[c] ?? 0) / (n * n));
    }
  }
  return out;
}

/** BT.601 full-range RGBA → I420 planes (Y, then U and V averaged over 2×2 blocks). */
export function rgbaToI420(rgba: Uint8Array, width: number, height: number): Buffer {
  const y = Buffer.alloc(width * height);
  const cw = width / 2;
  const u = Buffer.alloc(cw * (height / 2));
  const v = Buffer.alloc(cw * (height / 2));
  const px = (i: number) => [rgba[i] ?? 0, rgba[i + 1] ?? 0, rgba[i + 2] ?? 0] as const;
  for (let j = 0; j < height; j++) {
    for (let i = 0; i < width; i++) {
      const [r, g, b] = px((j * width + i) * 4);
      y[j * width + i] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
    }
  }
  for (let j = 0; j < height / 2; j++) {
    for (let i = 0; i < cw; i++) {
      let su = 0;
      let sv = 0;
      for (const [dx, dy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) {
        const [r, g, b] = px(((2 * j + dy) * width + 2 * i + dx) * 4);
        su += -0.169 * r - 0.331 * g + 0.5 * b + 128;
        sv += 0.5 * r - 0.419 * g - 0.081 * b + 128;
      }
      u[j * cw + i] = Math.max(0, Math.min(255, Math.round(su / 4)));
      v[j * cw + i] = Math.max(0, Math.min(255, Math.round(sv / 4)));
    }
  }
  return Buffer.concat([y, u, v]);
}

export function y4mFromPngs(pngs: readonly Buffer[], options: Y4mOptions = {}): Buffer {
  const { width = 640, height = 480, hold = 4, fps = 10 } = options;
  const parts: Buffer[] = [Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`)];
  for (const png of pngs) {
    const frame = Buffer.concat([Buffer.from('FRAME\n'), rgbaToI420(compose(PNG.sync.read(png), width, height), width, height)]);
    for (let k = 0; k < hold; k++) parts.push(frame);
  }
  return Buffer.concat(parts);
}
