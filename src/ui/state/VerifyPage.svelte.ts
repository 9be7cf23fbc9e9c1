/**
 * The verify screen (issue 7, the employer's): what arrived — QR frames from the camera or images,
 * a file, pasted text, a `#/verify?data=` link — checked offline, with the holder's proof compared
 * to the challenge the employer asked for. Nothing is stored unless the employer chooses "keep",
 * which goes through the wallet's ordinary import.
 */
import { isTsumikiError } from '../../lib/errors.ts';
import { classifyPaste, isFrameText, newChallenge, rasterImageType } from '../../lib/share/input.ts';
import type { Received } from '../../lib/share/received.ts';
import type { FileImport } from '../../lib/wallet/import.ts';
import type { AppState } from '../context.ts';
import { pixelsOf, QrDecoder } from '../scan/qr-decoder.ts';
import { errorWords } from '../words.ts';
import { Frames } from './Scanner.svelte.ts';
import { holderInWorker, receiveInWorker } from './verifier.ts';

/** MAX_INPUT_BYTES of formats/parse.ts (not imported: that would pull the parser into the screen's chunk). */
const MAX_FILE_BYTES = 16 * 1024 * 1024;

export interface VerifyProblem {
  readonly code: string;
  readonly text: string;
}

export class VerifyPage {
  readonly #app: AppState;
  readonly frames: Frames;
  challenge = $state('');
  /** The candidate's e-mail (or other identity), compared with each badge's recipient; optional. */
  recipient = $state('');
  checking = $state(false);
  received = $state.raw<Received | null>(null);
  /** What was checked, kept only in memory for "keep". */
  source = $state.raw<{ readonly name: string; readonly bytes: Uint8Array } | null>(null);
  problem = $state.raw<VerifyProblem | null>(null);
  keeping = $state(false);
  kept = $state.raw<FileImport | null>(null);
  /** Milliseconds the last check took. */
  ms = $state(0);
  #decoder: QrDecoder | null = null;
  #run = 0;

  constructor(app: AppState) {
    this.#app = app;
    this.frames = new Frames((scanned) => void this.verify(scanned.bytes, this.#sourceName(scanned.frames)));
  }

  /** Frames that came in a verify link, not from QR codes: the source is named so. */
  #fromLink = false;

  #sourceName(frames: number): string {
    const t = this.#app.i18n.t;
    if (this.#fromLink) return t('verify.fromLink');
    return frames === 1 ? t('verify.fromQrOne') : t('verify.fromQr', { count: frames });
  }

  #words(code: string): VerifyProblem {
    return { code, text: errorWords(this.#app.i18n.lang, code) };
  }

  /** Checks the bytes (a presentation, a credential, a badge file). */
  async verify(bytes: Uint8Array, name: string): Promise<void> {
    const run = ++this.#run;
    this.checking = true;
    this.problem = null;
    this.kept = null;
    const start = performance.now();
    try {
      // In the worker, with a deadline: whatever arrives, the page stays responsive.
      const recipient = this.recipient ? { identity: this.recipient } : undefined;
      const received = await receiveInWorker(bytes, this.challenge, { ...(recipient ? { recipient } : {}), lang: this.#app.i18n.lang });
      if (run !== this.#run) return;
      this.received = received;
      this.source = { name, bytes };
      this.ms = performance.now() - start;
      if (received.error) this.problem = this.#words(received.error.code);
    } finally {
      if (run === this.#run) this.checking = false;
    }
  }

  /** The employer's challenge: the holder's proof is checked against it again at once. */
  async setChallenge(text: string): Promise<void> {
    this.challenge = text.trim().slice(0, 200);
    const r = this.received;
    if (!r?.presentation) return;
    const checked = await holderInWorker(r, this.challenge);
    if (this.received === r) this.received = { ...r, ...checked };
  }

  /** The candidate's identity: what was received is checked again against it at once. */
  async setRecipient(text: string): Promise<void> {
    const next = text.trim().slice(0, 320);
    if (next === this.recipient) return;
    this.recipient = next;
    const source = this.source;
    if (source) await this.verify(source.bytes, source.name);
  }

  makeChallenge(): Promise<void> {
    return this.setChallenge(newChallenge());
  }

  /** A `#/verify?data=` link: its frame, verified at once when it is the only one. */
  async link(data: string): Promise<unknown> {
    this.#fromLink = true;
    try {
      return await this.frames.add(data);
    } finally {
      this.#fromLink = false;
    }
  }

  async paste(text: string): Promise<void> {
    const input = classifyPaste(text);
    if (input.kind === 'frames') await this.frames.addAll(input.texts);
    else if (input.bytes.length > 0) await this.verify(input.bytes, this.#app.i18n.t('verify.pasted'));
  }

  /** Files: QR images (screenshots, photos, frame PNGs) feed the frames; anything else is verified as a badge file. */
  async files(files: readonly File[]): Promise<void> {
    this.problem = null;
    for (const file of files) {
      if (file.size > MAX_FILE_BYTES) {
        this.problem = this.#words('INPUT_TOO_LARGE');
        continue;
      }
      const bytes = new Uint8Array(await file.arrayBuffer());
      const type = rasterImageType(bytes);
      if (type === undefined) {
        await this.verify(bytes, file.name);
        continue;
      }
      const text = await this.#readQr(new Blob([bytes], { type })).catch(() => undefined);
      if (text !== undefined && isFrameText(text)) {
        await this.frames.add(text);
        continue;
      }
      // No share code in the picture: it may be a badge baked into a PNG.
      if (type === 'image/png') await this.verify(bytes, file.name);
      if (type !== 'image/png' || this.received?.error) {
        this.received = null;
        this.problem = this.#words(text === undefined ? 'QR_NOT_FOUND' : 'QR_FRAME_INVALID');
      }
    }
  }

  async #readQr(image: Blob): Promise<string | undefined> {
    this.#decoder ??= new QrDecoder();
    return (await this.#decoder.decode(await pixelsOf(image))).text;
  }

  /** Adds what was checked to this device's wallet (the employer asked to keep it). */
  async keep(): Promise<void> {
    const source = this.source;
    if (!source || this.keeping) return;
    this.keeping = true;
    try {
      const [row] = await this.#app.importer.run([{ name: source.name, read: async () => source.bytes }]);
      this.kept = row?.outcome ?? null;
    } catch (e) {
      this.problem = this.#words(isTsumikiError(e) ? e.code : 'STORE_FAILED');
    } finally {
      this.keeping = false;
    }
  }

  /** Forgets everything received, to scan the next person's badges. */
  clear(): void {
    this.#run++;
    this.frames.reset();
    this.received = null;
    this.source = null;
    this.problem = null;
    this.kept = null;
    this.checking = false;
  }

  dispose(): void {
    this.#run++;
    this.#decoder?.close();
    this.#decoder = null;
  }
}
