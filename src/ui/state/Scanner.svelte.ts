/**
 * Gathering QR frames (issue 7): texts from the camera, an image, a paste or a link go into one
 * FrameCollector; progress ("7 of 12") and the last problem are reactive. A text that is refused
 * (garbage, a frame of another presentation, an oversized declaration) leaves the collector as it
 * was and shows its coded error; a complete sequence is handed over once.
 */
import { isTsumikiError, type ErrorCode } from '../../lib/errors.ts';
import { FrameCollector } from '../../lib/share/frames.ts';
import { frameTextsOf, presentationFromCollector, type Scanned } from '../../lib/share/share.ts';

export interface Problem {
  readonly code: ErrorCode;
  readonly message: string;
}

export type AddResult = 'added' | 'duplicate' | 'refused' | 'complete';

const problemOf = (e: unknown): Problem => ({ code: isTsumikiError(e) ? e.code : 'INTERNAL', message: e instanceof Error ? e.message : String(e) });

export class Frames {
  #collector = new FrameCollector();
  /** Frames received, and how many the sequence has (0 before the first frame). */
  received = $state(0);
  count = $state(0);
  /** 1-based numbers of the frames still missing. */
  missing = $state.raw<readonly number[]>([]);
  problem = $state.raw<Problem | null>(null);
  /** Set once the frames joined into a presentation. */
  scanned = $state.raw<Scanned | null>(null);
  #joining = false;
  readonly #onComplete: (scanned: Scanned) => void;

  constructor(onComplete: (scanned: Scanned) => void = () => undefined) {
    this.#onComplete = onComplete;
  }

  get started(): boolean {
    return this.count > 0;
  }

  /** Adds one frame text or verify link (which may carry several frames). Resolves 'complete' when this completed the sequence and it joined. */
  async add(text: string): Promise<AddResult> {
    if (this.scanned !== null || this.#joining) return 'duplicate';
    let outcome: 'added' | 'duplicate' = 'duplicate';
    try {
      for (const frame of frameTextsOf(text)) if (this.#collector.add(frame) === 'added') outcome = 'added';
    } catch (e) {
      this.problem = problemOf(e);
      return 'refused';
    }
    this.#sync();
    if (outcome === 'duplicate') return 'duplicate';
    this.problem = null;
    if (!this.#collector.complete) return 'added';
    this.#joining = true;
    try {
      const scanned = await presentationFromCollector(this.#collector);
      this.scanned = scanned;
      this.#onComplete(scanned);
      return 'complete';
    } catch (e) {
      // The frames are all there but do not join (checksum, payload): keep them to show, ask to start over.
      this.problem = problemOf(e);
      return 'refused';
    } finally {
      this.#joining = false;
    }
  }

  /** Several texts in any order (a paste); stops at the first that completes the sequence. */
  async addAll(texts: readonly string[]): Promise<AddResult> {
    let last: AddResult = 'duplicate';
    for (const t of texts) {
      last = await this.add(t);
      if (last === 'complete') break;
    }
    return last;
  }

  reset(): void {
    this.#collector = new FrameCollector();
    this.problem = null;
    this.scanned = null;
    this.#sync();
  }

  #sync(): void {
    const c = this.#collector;
    this.received = c.received;
    this.count = c.sequence?.count ?? 0;
    this.missing = c.missing().map((i) => i + 1);
  }
}
