/**
 * The camera for scanning QR codes (issue 7): the environment-facing camera into a <video>, frames
 * drawn to a canvas a few times a second, their pixels read in the QR worker (never on the main
 * thread), each text found handed to `onText`. Nothing is recorded or kept.
 */
import { QrDecoder } from '../scan/qr-decoder.ts';

export type CameraStatus = 'off' | 'starting' | 'on' | 'denied' | 'unavailable';

/** Longer side of the pixels handed to the decoder: enough for a version 25 code filling a third of the view. */
const MAX_SIDE = 960;
/** Pause between two reads (a read itself takes some tens of milliseconds). */
const PAUSE_MS = 40;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Camera {
  status = $state<CameraStatus>('off');
  /** Frames read and the mean read time in the worker, for the curious (and the e2e figures). */
  reads = $state(0);
  meanReadMs = $state(0);
  #stream: MediaStream | null = null;
  #video: HTMLVideoElement | null = null;
  #decoder: QrDecoder | null = null;
  #run = 0;

  get active(): boolean {
    return this.status === 'starting' || this.status === 'on';
  }

  async start(video: HTMLVideoElement, onText: (text: string) => void): Promise<void> {
    if (this.active) return;
    if (!navigator.mediaDevices?.getUserMedia) {
      this.status = 'unavailable';
      return;
    }
    this.status = 'starting';
    const run = ++this.#run;
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({ audio: false, video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } } });
    } catch (e) {
      const name = e instanceof DOMException ? e.name : '';
      if (run === this.#run) this.status = name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : 'unavailable';
      return;
    }
    if (run !== this.#run) {
      for (const track of stream.getTracks()) track.stop();
      return;
    }
    this.#stream = stream;
    this.#video = video;
    video.muted = true;
    video.playsInline = true;
    video.srcObject = stream;
    await video.play().catch(() => undefined);
    this.#decoder ??= new QrDecoder();
    this.status = 'on';
    void this.#loop(run, video, this.#decoder, onText);
  }

  async #loop(run: number, video: HTMLVideoElement, decoder: QrDecoder, onText: (text: string) => void): Promise<void> {
    const canvas = document.createElement('canvas');
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    while (run === this.#run) {
      const { videoWidth: vw, videoHeight: vh } = video;
      if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && vw > 0 && vh > 0) {
        const scale = Math.min(1, MAX_SIDE / Math.max(vw, vh));
        canvas.width = Math.round(vw * scale);
        canvas.height = Math.round(vh * scale);
        ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
        const reply = await decoder.decode(ctx.getImageData(0, 0, canvas.width, canvas.height));
        if (run !== this.#run) break;
        this.meanReadMs = (this.meanReadMs * this.reads + reply.ms) / (this.reads + 1);
        this.reads++;
        if (reply.text !== undefined) onText(reply.text);
      }
      await sleep(PAUSE_MS);
    }
  }

  stop(): void {
    this.#run++;
    for (const track of this.#stream?.getTracks() ?? []) track.stop();
    this.#stream = null;
    if (this.#video) this.#video.srcObject = null;
    this.#video = null;
    if (this.status !== 'denied' && this.status !== 'unavailable') this.status = 'off';
  }

  /** Stops the camera and the worker (when the screen goes away). */
  dispose(): void {
    this.stop();
    this.#decoder?.close();
    this.#decoder = null;
  }
}
