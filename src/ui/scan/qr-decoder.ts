/**
 * The main thread's side of the QR worker: `decode(pixels)` resolves with the text found (or
 * undefined). One worker, requests answered in order; the pixel buffer is transferred.
 */
import type { DecodeReply, DecodeRequest } from './qr-worker.ts';

export class QrDecoder {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, (reply: DecodeReply) => void>();
  #next = 1;

  constructor() {
    this.#worker = new Worker(new URL('./qr-worker.ts', import.meta.url), { type: 'module' });
    this.#worker.addEventListener('message', (e: MessageEvent<DecodeReply>) => {
      const done = this.#waiting.get(e.data.id);
      this.#waiting.delete(e.data.id);
      done?.(e.data);
    });
  }

  /** Requests in flight (the camera loop sends the next frame only when this is 0). */
  get busy(): number {
    return this.#waiting.size;
  }

  decode(image: ImageData): Promise<DecodeReply> {
    const id = this.#next++;
    const request: DecodeRequest = { id, width: image.width, height: image.height, data: image.data.buffer as ArrayBuffer }; // why: ImageData is backed by a plain ArrayBuffer
    return new Promise((resolve) => {
      this.#waiting.set(id, resolve);
      this.#worker.postMessage(request, [request.data]);
    });
  }

  close(): void {
    this.#worker.terminate();
    for (const done of this.#waiting.values()) done({ id: 0, text: undefined, ms: 0 });
    this.#waiting.clear();
  }
}

/** The pixels of an image file (a QR screenshot or photo), scaled down so the longer side is at most `max`. */
export async function pixelsOf(blob: Blob, max = 1600): Promise<ImageData> {
  const bitmap = await createImageBitmap(blob);
  try {
    const scale = Math.min(1, max / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw new Error('no 2d canvas');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(bitmap, 0, 0, width, height);
    return ctx.getImageData(0, 0, width, height);
  } finally {
    bitmap.close();
  }
}
