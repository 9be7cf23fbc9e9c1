/**
 * The verifier off the main thread (issue 11, class 7): every check of untrusted bytes the app makes
 * runs here, so no input can freeze the page; src/ui/state/verifier.ts gives each request a deadline
 * and terminates this worker when one runs past it. The wallet's IndexedDB is opened here too, for
 * the dated network cache only (status lists, did:web documents), exactly as the main thread uses it.
 */
import type { WorkerRequest, WorkerReply } from '../../lib/wallet/deadline.ts';
import { checkReceived, recheckPresentation } from '../../lib/share/received.ts';
import { openWallet, type WalletDb } from '../../lib/store/db.ts';
import { createEnv } from '../../lib/verify/env.ts';
import { verifyBytes } from '../../lib/verify/pipeline.ts';
import { remoteFor } from '../core.ts';
import type { VerifyJob } from './verifier.ts';

let db: Promise<WalletDb | undefined> | undefined;

/** The wallet, for its cache; none when it cannot be opened here (the checks then answer as if nothing was cached). */
function wallet(): Promise<WalletDb | undefined> {
  db ??= openWallet({ indexedDB: globalThis.indexedDB, IDBKeyRange: globalThis.IDBKeyRange }).catch(() => undefined);
  return db;
}

async function answer(job: VerifyJob): Promise<unknown> {
  switch (job.op) {
    case 'verify': {
      const remote = remoteFor(await wallet(), job.online);
      return verifyBytes(job.bytes, createEnv({ now: new Date(job.now), remote, ...(job.recipient ? { recipient: job.recipient } : {}) }));
    }
    case 'receive': {
      // The employer's screen: offline, the wallet's dated cache may answer, nothing is written.
      const remote = remoteFor(await wallet(), false);
      return checkReceived(job.bytes, createEnv({ now: new Date(job.now), remote }), job.challenge);
    }
    case 'holder': {
      const remote = remoteFor(await wallet(), false);
      const env = createEnv({ now: new Date(job.now), remote });
      const { holder, presentationCheck } = await recheckPresentation({ credentials: [], presentation: job.presentation, ...(job.presentationJws ? { presentationJws: job.presentationJws } : {}) }, job.challenge, env);
      return { holder, presentationCheck };
    }
  }
}

addEventListener('message', (e: MessageEvent<WorkerRequest<VerifyJob>>) => {
  const { id, request } = e.data;
  answer(request).then(
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
