/**
 * The page's side of the verify worker (issue 11, class 7): every check of untrusted bytes goes to
 * src/ui/state/verify-worker.ts, one at a time, with a deadline. Past it the answer is the coded
 * VERIFY_TIMEOUT ("took too long"), the worker is terminated — the work really stops — and the next
 * request gets a fresh worker. The page stays responsive whatever the input.
 *
 * Type-only imports of the core: this module is light; the heavy code loads inside the worker.
 */
import type { JsonObject } from '../../lib/model/credential.ts';
import type { Received } from '../../lib/share/received.ts';
import type { RecipientClaim } from '../../lib/verify/env.ts';
import type { InputResult } from '../../lib/verify/pipeline.ts';
import { DeadlinePool, DeadlineWorker, type Outcome, type WorkerPort } from '../../lib/wallet/deadline.ts';
import type { PreparedFile } from '../../lib/wallet/import-batch.ts';
import type { LoadedTrustList } from '../../lib/wallet/trust.ts';
import type { TrustList } from '../../lib/trust/model.ts';
import type { TrustListErrorCode } from '../../lib/trust/lists.ts';

/**
 * The longest one input may take. The bounds on untrusted input (README "Limits on untrusted input")
 * keep the worst accepted input to a few seconds on a slow machine; this is the backstop.
 */
export const VERIFY_DEADLINE_MS = 20_000;

/**
 * What the worker does: verify for the wallet, check what an employer received, re-check a holder's
 * proof (each with the user's trust set, listed issuers named in `lang`); read the trust lists again,
 * add one.
 */
export type VerifyJob =
  | { readonly op: 'verify'; readonly bytes: Uint8Array; readonly now: number; readonly online: boolean; readonly recipient?: RecipientClaim; readonly lang?: string }
  | { readonly op: 'import'; readonly bytes: Uint8Array; readonly now: number; readonly online: boolean; readonly lang?: string; readonly addedAt: string; readonly run: string }
  | { readonly op: 'receive'; readonly bytes: Uint8Array; readonly now: number; readonly challenge: string; readonly recipient?: RecipientClaim; readonly lang?: string }
  | { readonly op: 'holder'; readonly presentation: JsonObject; readonly presentationJws?: string; readonly now: number; readonly challenge: string }
  | { readonly op: 'trust-lists'; readonly now: number }
  | { readonly op: 'trust-add'; readonly bytes: Uint8Array; readonly source: string; readonly now: number; readonly online: boolean; readonly demo?: boolean };

export type TrustAddResult = { readonly ok: true; readonly id: string; readonly list: TrustList } | { readonly ok: false; readonly code: TrustListErrorCode | 'TRUST_LIST_TOO_LARGE' | 'VERIFY_TIMEOUT' | 'INTERNAL'; readonly message: string };

function spawn(): WorkerPort {
  const worker = new Worker(new URL('./verify-worker.ts', import.meta.url), { type: 'module' });
  return {
    postMessage: (message) => worker.postMessage(message),
    addEventListener: (type: 'message' | 'error', listener: (e: { readonly data: unknown }) => void) => {
      if (type === 'message') worker.addEventListener('message', (e) => listener(e));
      else worker.addEventListener('error', () => listener({ data: undefined }));
    },
    terminate: () => worker.terminate(),
  };
}

let shared: DeadlineWorker<VerifyJob, unknown> | undefined;
let pool: DeadlinePool<VerifyJob, unknown> | undefined;
let make: () => WorkerPort = spawn;

/** Workers of the import pool: one per core the browser reports, at least 2 (and at most 8: each holds a verifier). */
export function importWorkers(cores: number | undefined = typeof navigator === 'undefined' ? undefined : navigator.hardwareConcurrency): number {
  return Math.min(8, Math.max(2, Number.isFinite(cores) ? Math.floor(cores as number) : 2));
}

/** The import pool (issue 15): files of an import are verified side by side, each with the same deadline. */
function importPool(): DeadlinePool<VerifyJob, unknown> {
  pool ??= new DeadlinePool<VerifyJob, unknown>(make, VERIFY_DEADLINE_MS, importWorkers());
  return pool;
}

/** The one verify worker of this page (made on first use). */
function worker(): DeadlineWorker<VerifyJob, unknown> {
  shared ??= new DeadlineWorker<VerifyJob, unknown>(make, VERIFY_DEADLINE_MS);
  return shared;
}

/**
 * Replaces how the worker is made, for tests: Node has no Worker, so a test passes a port that runs
 * src/ui/state/verify-jobs.ts on its own thread, against its own wallet.
 */
export function setVerifyWorker(spawnPort: () => WorkerPort): void {
  shared?.close();
  shared = undefined;
  pool?.close();
  pool = undefined;
  make = spawnPort;
}

/** The coded error for a request that did not finish: too long (the deadline) or the worker died. */
export function stopped(outcome: Exclude<Outcome<unknown>, { ok: true }>): { readonly code: 'VERIFY_TIMEOUT' | 'INTERNAL'; readonly message: string } {
  return outcome.reason === 'timeout'
    ? { code: 'VERIFY_TIMEOUT', message: `checking took longer than ${VERIFY_DEADLINE_MS / 1000} s and was stopped` }
    : { code: 'INTERNAL', message: 'the verifier stopped unexpectedly' };
}

/**
 * `verifyBytes` in the worker, with the user's trust set (listed issuers named in `lang`). Past the
 * deadline: no credentials and a VERIFY_TIMEOUT error.
 */
export async function verifyInWorker(bytes: Uint8Array, options: { readonly now: Date; readonly online: boolean; readonly recipient?: RecipientClaim; readonly lang?: string }): Promise<InputResult> {
  const outcome = await worker().run({ op: 'verify', bytes, now: options.now.getTime(), online: options.online, ...(options.recipient ? { recipient: options.recipient } : {}), ...(options.lang ? { lang: options.lang } : {}) });
  if (!outcome.ok) return { credentials: [], error: stopped(outcome) };
  return outcome.value as InputResult; // why: the worker answers a `verify` job with verifyBytes' result
}

/**
 * One file of an import, in the import pool: verified with the user's trust set (read once per
 * `run`), and its store rows built, added at `addedAt`. Past the deadline: VERIFY_TIMEOUT.
 */
export async function prepareInWorker(bytes: Uint8Array, options: { readonly now: Date; readonly online: boolean; readonly lang?: string; readonly addedAt: string; readonly run: string }): Promise<PreparedFile> {
  const outcome = await importPool().run({ op: 'import', bytes, now: options.now.getTime(), online: options.online, addedAt: options.addedAt, run: options.run, ...(options.lang ? { lang: options.lang } : {}) });
  if (!outcome.ok) return { ok: false, error: stopped(outcome) };
  return outcome.value as PreparedFile; // why: the worker answers an `import` job with prepareFile's result
}

/** `checkReceived` in the worker (offline, the wallet's cache may answer), with the user's trust set and the candidate's identity if given. */
export async function receiveInWorker(bytes: Uint8Array, challenge: string, options: { readonly recipient?: RecipientClaim; readonly lang?: string } = {}): Promise<Received> {
  const outcome = await worker().run({ op: 'receive', bytes, now: Date.now(), challenge, ...(options.recipient ? { recipient: options.recipient } : {}), ...(options.lang ? { lang: options.lang } : {}) });
  if (!outcome.ok) return { credentials: [], error: stopped(outcome) };
  return outcome.value as Received; // why: the worker answers a `receive` job with checkReceived's result
}

/** Every stored trust list, read and verified again at `now` (offline), with why one cannot be used. */
export async function trustListsInWorker(now: Date): Promise<readonly LoadedTrustList[] | { readonly code: 'VERIFY_TIMEOUT' | 'INTERNAL'; readonly message: string }> {
  const outcome = await worker().run({ op: 'trust-lists', now: now.getTime() });
  if (!outcome.ok) return stopped(outcome);
  return outcome.value as readonly LoadedTrustList[]; // why: the worker answers a `trust-lists` job with loadTrustLists' result
}

/** `addTrustList` in the worker: verified first, stored only when it can be used. */
export async function addTrustListInWorker(bytes: Uint8Array, source: string, options: { readonly now: Date; readonly online: boolean; readonly demo?: boolean }): Promise<TrustAddResult> {
  const outcome = await worker().run({ op: 'trust-add', bytes, source, now: options.now.getTime(), online: options.online, ...(options.demo ? { demo: true } : {}) });
  if (!outcome.ok) return { ok: false, ...stopped(outcome) };
  return outcome.value as TrustAddResult; // why: the worker answers a `trust-add` job with addTrustList's result
}

/** A presentation's own checks again, for a new challenge (`recheckPresentation`), in the worker. */
export async function holderInWorker(received: Pick<Received, 'presentation' | 'presentationJws'>, challenge: string): Promise<Pick<Received, 'holder' | 'presentationCheck'>> {
  if (!received.presentation) return {};
  const outcome = await worker().run({ op: 'holder', presentation: received.presentation, ...(received.presentationJws ? { presentationJws: received.presentationJws } : {}), now: Date.now(), challenge });
  if (!outcome.ok) return { holder: { id: 'holder', outcome: 'not-checked', reason: 'error', code: 'CHECK_ERROR', data: { detail: stopped(outcome).message } } };
  return outcome.value as Pick<Received, 'holder' | 'presentationCheck'>; // why: the worker answers a `holder` job with recheckPresentation's result
}
