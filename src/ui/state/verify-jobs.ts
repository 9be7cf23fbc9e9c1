/**
 * What the verify worker does with each job (src/ui/state/verify-worker.ts runs it; tests in Node,
 * which has no Worker, run it on their own thread). Every check uses the user's trust set — the
 * enabled trust lists, each verified again from its stored text, and the pins — read here, in the
 * worker, so the page never loads the verifier to know who vouches for an issuer.
 */
import { checkReceived, recheckPresentation } from '../../lib/share/received.ts';
import type { WalletDb } from '../../lib/store/db.ts';
import type { TrustSet } from '../../lib/trust/model.ts';
import { createEnv, type VerifyEnv } from '../../lib/verify/env.ts';
import { verifyBytes } from '../../lib/verify/pipeline.ts';
import { prepareFile } from '../../lib/wallet/import.ts';
import { addTrustList, loadTrustLists, trustSetOf } from '../../lib/wallet/trust.ts';
import { remoteFor } from '../core.ts';
import type { VerifyJob } from './verifier.ts';

/** The trust set at `now`: lists are read offline (the wallet's dated cache may answer). None without a wallet. */
async function trustAt(db: WalletDb | undefined, now: Date, lang: string | undefined): Promise<TrustSet | undefined> {
  if (db === undefined) return undefined;
  return trustSetOf(db, createEnv({ now, remote: remoteFor(db, false) }), lang).catch(() => undefined);
}

/**
 * The trust set of one import run, read once: every file of a run is checked against the same lists,
 * and reading (and verifying again) each stored list for every file was most of a file's time in
 * the worker when lists are in use. A new run reads them again.
 */
let runTrust: { readonly key: string; readonly set: Promise<TrustSet | undefined> } | undefined;

function trustOfRun(db: WalletDb | undefined, run: string, now: Date, lang: string | undefined): Promise<TrustSet | undefined> {
  const key = `${run}\n${lang ?? ''}`;
  if (runTrust?.key !== key) runTrust = { key, set: trustAt(db, now, lang) };
  return runTrust.set;
}

function envOf(now: Date, remote: VerifyEnv['remote'], extra: Pick<VerifyEnv, 'recipient' | 'trust'>): VerifyEnv {
  return createEnv({ now, remote, ...(extra.recipient ? { recipient: extra.recipient } : {}), ...(extra.trust ? { trust: extra.trust } : {}) });
}

export async function answer(job: VerifyJob, db: WalletDb | undefined): Promise<unknown> {
  switch (job.op) {
    case 'verify': {
      const now = new Date(job.now);
      const trust = await trustAt(db, now, job.lang);
      return verifyBytes(job.bytes, envOf(now, remoteFor(db, job.online), { recipient: job.recipient, trust }));
    }
    case 'import': {
      // Verified and turned into store rows here: the page only writes them, many files a transaction.
      const now = new Date(job.now);
      const trust = await trustOfRun(db, job.run, now, job.lang);
      const result = await verifyBytes(job.bytes, envOf(now, remoteFor(db, job.online), { trust }));
      return prepareFile(job.bytes, result, job.addedAt);
    }
    case 'receive': {
      // The employer's screen: offline, the wallet's dated cache may answer, nothing is written.
      const now = new Date(job.now);
      const trust = await trustAt(db, now, job.lang);
      return checkReceived(job.bytes, envOf(now, remoteFor(db, false), { recipient: job.recipient, trust }), job.challenge);
    }
    case 'holder': {
      const env = createEnv({ now: new Date(job.now), remote: remoteFor(db, false) });
      const { holder, presentationCheck } = await recheckPresentation({ credentials: [], presentation: job.presentation, ...(job.presentationJws ? { presentationJws: job.presentationJws } : {}) }, job.challenge, env);
      return { holder, presentationCheck };
    }
    case 'trust-lists': {
      if (db === undefined) return [];
      return loadTrustLists(db, createEnv({ now: new Date(job.now), remote: remoteFor(db, false) }));
    }
    case 'trust-add': {
      if (db === undefined) return { ok: false, code: 'TRUST_LIST_UNREADABLE', message: 'the wallet could not be opened' };
      const env = createEnv({ now: new Date(job.now), remote: remoteFor(db, job.online) });
      return addTrustList(db, job.bytes, job.source, env, job.demo ? { demo: true } : {});
    }
  }
}
