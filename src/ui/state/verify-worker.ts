/**
 * The verifier off the main thread (issue 11, class 7): every check of untrusted bytes the app makes
 * runs here, so no input can freeze the page; src/ui/state/verifier.ts gives each request a deadline
 * and terminates this worker when one runs past it. The wallet's IndexedDB is opened here too, for
 * the dated network cache (status lists, did:web documents) and the user's trust lists and pins;
 * the jobs themselves are in verify-jobs.ts.
 */
import type { WorkerRequest, WorkerReply } from '../../lib/wallet/deadline.ts';
import { openWallet, type WalletDb } from '../../lib/store/db.ts';
import { answer } from './verify-jobs.ts';
import type { VerifyJob } from './verifier.ts';

let db: Promise<WalletDb | undefined> | undefined;

/** The wallet, for its cache and trust lists; none when it cannot be opened here (the checks then answer as if nothing was cached or trusted). */
function wallet(): Promise<WalletDb | undefined> {
  db ??= openWallet({ indexedDB: globalThis.indexedDB, IDBKeyRange: globalThis.IDBKeyRange }).catch(() => undefined);
  return db;
}

addEventListener('message', (e: MessageEvent<WorkerRequest<VerifyJob>>) => {
  const { id, request } = e.data;
  wallet().then((d) => answer(request, d)).then(
    (reply) => {
      const message: WorkerReply<unknown> = { id, reply };
      postMessage(message);
    },
    (error: unknown) => {
      // The checks never throw; if one does, fail loudly: the page sees the worker crash and gets a fresh one.
      setTimeout(() => {
        throw error;
      });
    },
  );
});
