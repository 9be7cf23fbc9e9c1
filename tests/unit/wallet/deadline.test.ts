/**
 * Issue 11, class 7, in the browser: verification runs in a worker with a deadline, so no input can
 * freeze the page. A request that runs past the deadline is answered "took too long", its worker is
 * terminated (the work really stops) and the next request gets a fresh one.
 */
import { describe, expect, test } from 'vitest';
import { DeadlinePool, DeadlineWorker, type WorkerPort } from '../../../src/lib/wallet/deadline.ts';
import { importWorkers } from '../../../src/ui/state/verifier.ts';

type Listener = (e: { data: unknown }) => void;

/** A fake worker: answers `double` requests after `delay` ms, never answers `hang`, throws on `crash`. */
class FakeWorker implements WorkerPort {
  static spawned: FakeWorker[] = [];
  readonly #message: Listener[] = [];
  readonly #error: (() => void)[] = [];
  terminated = false;
  received: unknown[] = [];

  constructor() {
    FakeWorker.spawned.push(this);
  }

  postMessage(message: unknown): void {
    this.received.push(message);
    const { id, request } = message as { id: number; request: { op: string; n: number; delay: number } }; // why: the runner's own envelope
    if (request.op === 'hang') return;
    if (request.op === 'crash') {
      setTimeout(() => this.#error.forEach((l) => l()), 1);
      return;
    }
    // Even after terminate(): the runner must not take a stale answer for a newer request.
    setTimeout(() => this.#message.forEach((l) => l({ data: { id, reply: request.n * 2 } })), request.delay);
  }

  addEventListener(type: 'message' | 'error', listener: Listener | (() => void)): void {
    if (type === 'message') this.#message.push(listener as Listener);
    else this.#error.push(listener as () => void);
  }

  terminate(): void {
    this.terminated = true;
  }
}

type Req = { op: 'double' | 'hang' | 'crash'; n: number; delay: number };

function runner(deadlineMs: number): DeadlineWorker<Req, number> {
  FakeWorker.spawned = [];
  return new DeadlineWorker<Req, number>(() => new FakeWorker(), deadlineMs);
}

describe('DeadlineWorker', () => {
  test('answers come back in order, from one worker', async () => {
    const w = runner(1000);
    const answers = await Promise.all([1, 2, 3].map((n) => w.run({ op: 'double', n, delay: 5 })));
    expect(answers).toEqual([
      { ok: true, value: 2 },
      { ok: true, value: 4 },
      { ok: true, value: 6 },
    ]);
    expect(FakeWorker.spawned).toHaveLength(1);
  });

  test('past the deadline: "timeout", the worker is terminated, the next request gets a new worker', async () => {
    const w = runner(50);
    const start = performance.now();
    const late = await w.run({ op: 'hang', n: 0, delay: 0 });
    const ms = performance.now() - start;
    expect(late).toMatchObject({ ok: false, reason: 'timeout' });
    expect(ms).toBeGreaterThanOrEqual(45);
    expect(ms).toBeLessThan(1000);
    expect(FakeWorker.spawned[0]?.terminated).toBe(true);
    expect(await w.run({ op: 'double', n: 21, delay: 1 })).toEqual({ ok: true, value: 42 });
    expect(FakeWorker.spawned).toHaveLength(2);
  });

  test('requests queued behind a request that times out still run, on the new worker, each with its own deadline', async () => {
    const w = runner(50);
    const [a, b, c] = await Promise.all([w.run({ op: 'hang', n: 0, delay: 0 }), w.run({ op: 'double', n: 2, delay: 30 }), w.run({ op: 'double', n: 3, delay: 30 })]);
    expect(a).toMatchObject({ ok: false, reason: 'timeout' });
    expect(b).toEqual({ ok: true, value: 4 });
    expect(c).toEqual({ ok: true, value: 6 });
    // Only one request is ever in a worker at a time: the hung one alone went to the first.
    expect(FakeWorker.spawned[0]?.received).toHaveLength(1);
  });

  test('a worker that dies is reported as "crashed" and replaced', async () => {
    const w = runner(1000);
    expect(await w.run({ op: 'crash', n: 0, delay: 0 })).toMatchObject({ ok: false, reason: 'crashed' });
    expect(FakeWorker.spawned[0]?.terminated).toBe(true);
    expect(await w.run({ op: 'double', n: 5, delay: 1 })).toEqual({ ok: true, value: 10 });
  });

  test('a late answer from a terminated worker is never taken for a newer request', async () => {
    const w = runner(50);
    // The first worker answers n = 1 at 70 ms, after its deadline, while the second works on n = 4 (50 → 90 ms).
    const [a, b] = await Promise.all([w.run({ op: 'double', n: 1, delay: 70 }), w.run({ op: 'double', n: 4, delay: 40 })]);
    expect(a).toMatchObject({ ok: false, reason: 'timeout' });
    expect(b).toEqual({ ok: true, value: 8 });
  });

  test('close terminates the worker', async () => {
    const w = runner(1000);
    await w.run({ op: 'double', n: 1, delay: 1 });
    w.close();
    expect(FakeWorker.spawned[0]?.terminated).toBe(true);
  });
});

describe('DeadlinePool (issue 15: an import verified on every core)', () => {
  const pool = (size: number, deadlineMs = 1000, idleMs = 60_000) => {
    FakeWorker.spawned = [];
    return new DeadlinePool<Req, number>(() => new FakeWorker(), deadlineMs, size, idleMs);
  };

  test('requests run side by side, one worker each, answers to the right caller', async () => {
    const p = pool(2);
    const answers = await Promise.all([1, 2, 3, 4].map((n) => p.run({ op: 'double', n, delay: 10 })));
    expect(answers.map((a) => a.ok && a.value)).toEqual([2, 4, 6, 8]);
    expect(FakeWorker.spawned).toHaveLength(2);
    // The least loaded worker takes the next request: two each.
    expect(FakeWorker.spawned.map((w) => w.received.length)).toEqual([2, 2]);
    p.close();
  });

  test('a request past its deadline replaces its own worker only; the other keeps working', async () => {
    const p = pool(2, 50);
    const [hung, ok] = await Promise.all([p.run({ op: 'hang', n: 0, delay: 0 }), p.run({ op: 'double', n: 3, delay: 5 })]);
    expect(hung).toMatchObject({ ok: false, reason: 'timeout' });
    expect(ok).toEqual({ ok: true, value: 6 });
    expect(FakeWorker.spawned.map((w) => w.terminated)).toEqual([true, false]);
    expect(await p.run({ op: 'double', n: 5, delay: 1 })).toEqual({ ok: true, value: 10 });
    p.close();
  });

  test('idle workers are terminated, and the next request makes fresh ones', async () => {
    const p = pool(2, 1000, 20);
    await Promise.all([p.run({ op: 'double', n: 1, delay: 1 }), p.run({ op: 'double', n: 2, delay: 1 })]);
    await new Promise((r) => setTimeout(r, 60));
    expect(FakeWorker.spawned.every((w) => w.terminated)).toBe(true);
    expect(await p.run({ op: 'double', n: 7, delay: 1 })).toEqual({ ok: true, value: 14 });
    expect(FakeWorker.spawned).toHaveLength(3);
    p.close();
  });

  test('one worker per core, at least 2, at most 8', () => {
    expect(importWorkers(1)).toBe(2);
    expect(importWorkers(4)).toBe(4);
    expect(importWorkers(undefined)).toBe(2);
    expect(importWorkers(64)).toBe(8);
  });
});
