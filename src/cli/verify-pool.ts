/**
 * `tsumiki verify --jobs N`: inputs verified by N worker threads, answers given back in input order.
 * Each worker builds the same environment from the same settings (the same clock reading, network
 * permission, recipient and the trust lists the CLI already read and verified), and runs the same
 * `verifyTask` as `--jobs 1`, so verdicts and output are the same.
 *
 * The workers run the TypeScript sources as the CLI does: worker threads do not inherit tsx's
 * loader, so ./verify-worker.mjs registers it (tsx/esm/api) before importing ./verify-worker.ts.
 */
import { Worker } from 'node:worker_threads';
import type { TrustSet } from '../lib/trust/model.ts';
import type { BytesOptions } from '../lib/verify/pipeline.ts';
import type { FileReport, VerifyTask } from './verify-files.ts';

export interface PoolSettings {
  /** The clock reading every verification uses (ISO 8601). */
  readonly now: string;
  readonly online: boolean;
  readonly recipient?: string | undefined;
  readonly trust?: TrustSet | undefined;
  readonly asked: BytesOptions;
  /** Whether to make the human table's lines too. */
  readonly human: boolean;
}

/** Messages a worker sends: ready once loaded, then one answer per task. */
export type WorkerReply = { readonly ready: true } | { readonly id: number; readonly report: FileReport } | { readonly id: number; readonly error: string };

/** Tasks sent ahead to each worker, so it never waits for the next one. */
const AHEAD = 2;

interface Listening {
  /** Settles when `on` calls `done`, or with the error when the worker fails or exits. */
  readonly ended: Promise<void>;
  /** Remove the listeners (only these: a Worker keeps internal ones of its own). */
  readonly stop: () => void;
}

function listen(w: Worker, on: (m: WorkerReply, done: (error?: Error) => void) => void): Listening {
  let stop = () => {};
  const ended = new Promise<void>((resolve, reject) => {
    const done = (e?: Error) => {
      stop();
      if (e) reject(e);
      else resolve();
    };
    const message = (m: WorkerReply) => on(m, done);
    const error = (e: Error) => done(e);
    const exit = (code: number) => done(new Error(`verify worker stopped (exit ${code})`));
    stop = () => {
      w.off('message', message);
      w.off('error', error);
      w.off('exit', exit);
    };
    w.on('message', message);
    w.on('error', error);
    w.on('exit', exit);
  });
  return { ended, stop };
}

export class VerifyPool {
  private constructor(private readonly workers: readonly Worker[]) {}

  /** Start `jobs` workers and wait until each has loaded the verifier. */
  static async start(jobs: number, settings: PoolSettings): Promise<VerifyPool> {
    const entry = new URL('./verify-worker.mjs', import.meta.url);
    const workers = Array.from({ length: Math.max(1, jobs) }, () => new Worker(entry, { workerData: settings }));
    try {
      await Promise.all(workers.map((w) => listen(w, (m, done) => done('ready' in m ? undefined : new Error('verify worker: answered before it was ready'))).ended));
    } catch (e) {
      await Promise.all(workers.map((w) => w.terminate()));
      throw e;
    }
    return new VerifyPool(workers);
  }

  get size(): number {
    return this.workers.length;
  }

  /** Verify every task; the reports come back in the order of `tasks`. Rejects when a worker fails. */
  async run(tasks: readonly VerifyTask[]): Promise<FileReport[]> {
    const reports: FileReport[] = new Array(tasks.length);
    if (tasks.length === 0) return reports;
    let next = 0;
    let answered = 0;
    const send = (w: Worker) => {
      if (next >= tasks.length) return;
      const id = next++;
      w.postMessage({ id, task: tasks[id] });
    };
    let finish = () => {};
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const listening = this.workers.map((w) =>
      listen(w, (m, done) => {
        if ('ready' in m) return;
        if ('error' in m) return done(new Error(`verify worker: ${tasks[m.id]?.file ?? m.id}: ${m.error}`));
        reports[m.id] = m.report;
        answered++;
        if (answered === tasks.length) finish();
        else send(w);
      }),
    );
    try {
      for (const w of this.workers) for (let i = 0; i < AHEAD; i++) send(w);
      // Every answer in, or the first worker that fails.
      await Promise.race([finished, ...listening.map((l) => l.ended)]);
    } finally {
      for (const l of listening) l.stop();
    }
    return reports;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
