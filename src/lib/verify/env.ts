/** Everything a verification depends on from outside, injected (clock, network, identity). */
import type { TrustSet } from '../trust/model.ts';
import { createRemote, type Remote } from './remote.ts';

export interface RecipientClaim {
  /** The identity to compare with: an e-mail address, URL, phone number or id. */
  readonly identity: string;
  /** The kind of identity (`email`/`emailAddress`, `url`, `telephone`, `id`); any when omitted. */
  readonly type?: string;
}

export interface VerifyEnv {
  readonly now: Date;
  readonly clockSkewSeconds: number;
  readonly remote: Remote;
  readonly recipient?: RecipientClaim | undefined;
  /** The trust lists the user enabled (and the language to name listed issuers in). */
  readonly trust?: TrustSet | undefined;
}

export function createEnv(options: Partial<VerifyEnv> = {}): VerifyEnv {
  return {
    now: options.now ?? new Date(),
    clockSkewSeconds: options.clockSkewSeconds ?? 300,
    remote: options.remote ?? createRemote({ online: false }),
    ...(options.recipient ? { recipient: options.recipient } : {}),
    ...(options.trust ? { trust: options.trust } : {}),
  };
}
