/**
 * Reads QR codes off the main thread (issue 7): camera frames and images arrive as RGBA pixels
 * (their buffer transferred, not copied) and the text found, if any, goes back with the request id.
 * jsQR is plain JavaScript, so this needs no WebAssembly and the strict CSP holds.
 */
import { readQr } from '../../lib/share/qr.ts';

export interface DecodeRequest {
  readonly id: number;
  readonly width: number;
  readonly height: number;
  readonly data: ArrayBuffer;
}

export interface DecodeReply {
  readonly id: number;
  readonly text: string | undefined;
  /** Milliseconds jsQR took. */
  readonly ms: number;
}

addEventListener('message', (e: MessageEvent<DecodeRequest>) => {
  const { id, width, height, data } = e.data;
  const start = performance.now();
  let text: string | undefined;
  try {
    text = readQr(new Uint8ClampedArray(data), width, height);
  } catch {
    text = undefined;
  }
  const reply: DecodeReply = { id, text, ms: performance.now() - start };
  postMessage(reply);
});
