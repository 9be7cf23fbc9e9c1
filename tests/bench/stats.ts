/** Small timing helpers for the benchmarks (performance.now, sorted samples). */
export async function sample(runs: number, warmup: number, f: () => Promise<unknown> | unknown): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

const at = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
export const median = (sorted: readonly number[]) => at([...sorted].sort((a, b) => a - b), 0.5);
export const p95 = (sorted: readonly number[]) => at([...sorted].sort((a, b) => a - b), 0.95);
