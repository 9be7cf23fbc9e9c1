/** Line lookup for the labelled-text parser. */

/** Line starts and ends found in O(log n) from the newline offsets, so long one-line texts stay linear. */
export class Lines {
  readonly #nl: number[] = [];
  readonly text: string;
  constructor(text: string) {
    this.text = text;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.#nl.push(i);
  }
  /** Index (into the newline list) of the first newline at or after `at`; the list length if none. */
  #next(at: number): number {
    let lo = 0;
    let hi = this.#nl.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.#nl[mid] ?? Infinity) < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  startOf(at: number): number {
    const i = this.#next(at) - 1;
    return i < 0 ? 0 : (this.#nl[i] ?? -1) + 1;
  }
  endOf(at: number): number {
    return this.#nl[this.#next(at)] ?? this.text.length;
  }
}
