/** Everything a verification depends on from outside, injected (clock, network, identity). */
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
  readonly recipient?: RecipientClaim;
}

export function createEnv(options: Partial<VerifyEnv> = {}): VerifyEnv {
  return {
    now: options.now ?? new Date(),
    clockSkewSeconds: options.clockSkewSeconds ?? 300,
    remote: options.remote ?? createRemote({ online: false }),
    ...(options.recipient ? { recipient: options.recipient } : {}),
  };
}
