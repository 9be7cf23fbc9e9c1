/**
 * Work with a deadline, in a worker (issue 11, class 7): the browser verifies in a Web Worker so no
 * input can freeze the page. One request at a time goes to the worker; one that runs past the
 * deadline is answered `timeout`, and its worker is terminated — the only way to stop JavaScript that
 * is busy — and replaced by a fresh one for the requests queued behind it, each with its own deadline.
 * A worker that dies (an uncaught error, out of memory) is answered `crashed` and replaced the same way.
 *
 * No DOM here: `WorkerPort` is the part of `Worker` this needs, so tests can pass a fake.
 */

/** What the runner needs of a `Worker`. */
export interface WorkerPort {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (e: { readonly data: unknown }) => void): void;
  addEventListener(type: 'error', listener: () => void): void;
  terminate(): void;
}

/** The envelope on the wire, both ways: the worker echoes the id with its reply. */
export interface WorkerRequest<Req> {
  readonly id: number;
  readonly request: Req;
}
export interface WorkerReply<Res> {
  readonly id: number;
  readonly reply: Res;
}

export type Outcome<Res> = { readonly ok: true; readonly value: Res } | { readonly ok: false; readonly reason: 'timeout' | 'crashed'; readonly ms: number };

interface Job<Req, Res> {
  readonly request: Req;
  readonly done: (outcome: Outcome<Res>) => void;
}

function isReply(data: unknown): data is WorkerReply<unknown> {
  return typeof data === 'object' && data !== null && typeof Reflect.get(data, 'id') === 'number' && 'reply' in data;
}

export class DeadlineWorker<Req, Res> {
  readonly #spawn: () => WorkerPort;
  readonly #deadlineMs: number;
  readonly #queue: Job<Req, Res>[] = [];
  #worker: WorkerPort | undefined;
  #busy = false;
  #next = 1;
  /** The request in the worker now: its id and how to finish it. */
  #current: { readonly id: number; readonly finish: (outcome: Outcome<Res>) => void } | undefined;

  /** `spawn` makes a fresh worker (called lazily, and again after each timeout or crash). */
  constructor(spawn: () => WorkerPort, deadlineMs: number) {
    this.#spawn = spawn;
    this.#deadlineMs = deadlineMs;
  }

  /** Requests waiting or running in this worker. */
  get load(): number {
    return this.#queue.length + (this.#busy ? 1 : 0);
  }

  /** Runs `request` in the worker after those before it; never rejects. */
  run(request: Req): Promise<Outcome<Res>> {
    return new Promise((done) => {
      this.#queue.push({ request, done });
      this.#pump();
    });
  }

  /** Terminates the worker; requests still waiting are answered `crashed`. */
  close(): void {
    const waiting = this.#queue.splice(0);
    this.#current?.finish({ ok: false, reason: 'crashed', ms: 0 });
    this.#kill();
    for (const job of waiting) job.done({ ok: false, reason: 'crashed', ms: 0 });
  }

  #kill(): void {
    this.#worker?.terminate();
    this.#worker = undefined;
  }

  #port(): WorkerPort {
    if (this.#worker !== undefined) return this.#worker;
    const worker = this.#spawn();
    // Every listener checks it still belongs to the live worker: a terminated one is never heard again.
    worker.addEventListener('message', (e) => {
      const current = this.#current;
      if (worker !== this.#worker || current === undefined || !isReply(e.data) || e.data.id !== current.id) return;
      current.finish({ ok: true, value: e.data.reply as Res }); // why: the worker answers this request's id with its reply type
    });
    worker.addEventListener('error', () => {
      if (worker !== this.#worker) return;
      this.#current?.finish({ ok: false, reason: 'crashed', ms: 0 });
    });
    this.#worker = worker;
    return worker;
  }

  #pump(): void {
    if (this.#busy) return;
    const job = this.#queue.shift();
    if (job === undefined) return;
    this.#busy = true;
    const id = this.#next++;
    const started = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (outcome: Outcome<Res>): void => {
      if (this.#current?.id !== id) return;
      clearTimeout(timer);
      this.#current = undefined;
      this.#busy = false;
      if (!outcome.ok) this.#kill();
      job.done(outcome.ok ? outcome : { ...outcome, ms: Date.now() - started });
      this.#pump();
    };
    this.#current = { id, finish };
    timer = setTimeout(() => finish({ ok: false, reason: 'timeout', ms: 0 }), this.#deadlineMs);
    try {
      const message: WorkerRequest<Req> = { id, request: job.request };
      this.#port().postMessage(message);
    } catch {
      finish({ ok: false, reason: 'crashed', ms: 0 });
    }
  }
}

/**
 * Several deadline workers, for work that can run side by side (an import of many files, issue 15):
 * each request goes to the worker with the fewest requests waiting or running, and keeps its own
 * deadline there (a timeout or crash replaces that one worker only). The workers are made on first
 * use, and terminated after `idleMs` with nothing to do, so an idle page does not keep several
 * copies of the verifier in memory.
 */
export class DeadlinePool<Req, Res> {
  readonly #workers: DeadlineWorker<Req, Res>[];
  readonly #idleMs: number;
  #running = 0;
  #idle: ReturnType<typeof setTimeout> | undefined;

  constructor(spawn: () => WorkerPort, deadlineMs: number, size: number, idleMs = 60_000) {
    this.#workers = Array.from({ length: Math.max(1, Math.floor(size)) }, () => new DeadlineWorker<Req, Res>(spawn, deadlineMs));
    this.#idleMs = idleMs;
  }

  get size(): number {
    return this.#workers.length;
  }

  /** Runs `request` on the least loaded worker; never rejects. */
  async run(request: Req): Promise<Outcome<Res>> {
    clearTimeout(this.#idle);
    this.#running++;
    let least = this.#workers[0] as DeadlineWorker<Req, Res>; // why: the constructor makes at least one
    for (const w of this.#workers) if (w.load < least.load) least = w;
    try {
      return await least.run(request);
    } finally {
      if (--this.#running === 0) this.#idle = setTimeout(() => this.close(), this.#idleMs);
    }
  }

  /** Terminates every worker (the next request makes fresh ones); requests still waiting are answered `crashed`. */
  close(): void {
    clearTimeout(this.#idle);
    for (const w of this.#workers) w.close();
  }
}
