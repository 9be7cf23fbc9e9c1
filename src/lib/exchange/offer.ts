/**
 * What every "add to wallet" protocol gives the screen and the CLI before the user says yes (who is
 * offering, what, whether a PIN is needed), and what it hands over after (the credentials' bytes,
 * verified and stored like an imported file by the caller).
 */

import type { ClaimProtocol } from './link.ts';

export type { ClaimProtocol };

/** Who is offering. Only `origin` is proven (the peer answered from it over https); the rest is what the peer says of itself. */
export interface Offering {
  /** `https://issuer.example`: where the credentials come from, as the connection proves. */
  readonly origin: string;
  /** The issuer's name from its metadata or request: a claim. */
  readonly name?: string;
  /** The issuer's logo URI from its metadata: a claim (shown only as the screen allows). */
  readonly logo?: { readonly uri: string; readonly alt?: string };
}

/** A transaction code (PIN) the issuer sent the learner by another channel. */
export interface PinRequest {
  readonly length?: number;
  readonly inputMode: 'numeric' | 'text';
  /** The issuer's words about where to find the PIN: a claim, shown as text. */
  readonly description?: string;
}

/** One credential the offer lists. */
export interface OfferedItem {
  readonly id: string;
  readonly format: string;
  /** Its display name from the issuer's metadata: a claim. */
  readonly name?: string;
}

export interface ClaimOffer {
  readonly protocol: ClaimProtocol;
  readonly offering: Offering;
  /** What will be requested (OpenID4VCI: one request each); empty when the protocol does not say before. */
  readonly items: readonly OfferedItem[];
  /** Listed but not requested: not an Open Badge this wallet can verify (format or type). */
  readonly skipped: readonly OfferedItem[];
  readonly pin?: PinRequest;
  /** Protocol state for `collect`; not for display. */
  readonly state: unknown;
}

/** A credential as the issuer handed it over: the exact bytes to verify and store. */
export interface ReceivedCredential {
  readonly bytes: Uint8Array;
  /** The offered item it answers (OpenID4VCI configuration id), or its place in the answer. */
  readonly item: string;
}
