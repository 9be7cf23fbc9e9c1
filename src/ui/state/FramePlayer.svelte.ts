/**
 * The animated QR sequence (issue 7): which frame shows, cycling every few hundred milliseconds,
 * with pause and step. The scanner reads frames in any order, so stepping never breaks a scan.
 */
export const FRAME_MS = 400;

export class FramePlayer {
  index = $state(0);
  count = $state(0);
  playing = $state(true);
  readonly intervalMs: number;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(intervalMs = FRAME_MS) {
    this.intervalMs = intervalMs;
  }

  /** A new sequence of `count` frames, shown from the first. */
  load(count: number): void {
    this.count = count;
    this.index = 0;
    this.#schedule();
  }

  next(): void {
    if (this.count > 0) this.index = (this.index + 1) % this.count;
  }

  previous(): void {
    if (this.count > 0) this.index = (this.index + this.count - 1) % this.count;
  }

  /** A step by hand pauses the animation, so the frame stays put while someone looks at it. */
  step(by: 1 | -1): void {
    this.pause();
    if (by === 1) this.next();
    else this.previous();
  }

  pause(): void {
    this.playing = false;
    this.#schedule();
  }

  play(): void {
    this.playing = true;
    this.#schedule();
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  dispose(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #schedule(): void {
    this.dispose();
    if (this.playing && this.count > 1) this.#timer = setInterval(() => this.next(), this.intervalMs);
  }
}
