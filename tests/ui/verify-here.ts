/**
 * The verify worker's jobs on this thread (Node has no Worker): a port for `setVerifyWorker` that
 * answers each request with src/ui/state/verify-jobs.ts against the test's wallet, as the app's
 * worker does against the wallet it opens.
 */
import type { WalletDb } from '../../src/lib/store/db.ts';
import type { WorkerPort, WorkerRequest } from '../../src/lib/wallet/deadline.ts';
import { answer } from '../../src/ui/state/verify-jobs.ts';
import { setVerifyWorker, type VerifyJob } from '../../src/ui/state/verifier.ts';

export function verifyHere(db: WalletDb | undefined): void {
  setVerifyWorker((): WorkerPort => {
    const listeners: ((e: { readonly data: unknown }) => void)[] = [];
    let closed = false;
    return {
      postMessage(message) {
        const { id, request } = message as WorkerRequest<VerifyJob>; // why: the runner posts this envelope
        void answer(request, db).then((reply) => {
          if (!closed) for (const l of listeners) l({ data: { id, reply } });
        });
      },
      addEventListener(type: 'message' | 'error', listener: (e: { readonly data: unknown }) => void) {
        if (type === 'message') listeners.push(listener);
      },
      terminate() {
        closed = true;
      },
    };
  });
}
