/**
 * The one reading of a credential: what every check and every screen uses, derived from what was
 * signed (the RDF graph of a Data Integrity credential, the verified claims of a VC-JWT, the OB 2.0
 * documents fetched from their own IRIs) — never from a JSON layout a holder can reshape.
 */
import type { JsonObject } from './credential.ts';

export interface StatusReading {
  /** Entry type as the bundled contexts name it (`BitstringStatusListEntry`, `1EdTechRevocationList`, …). */
  readonly type: readonly string[];
  readonly purpose: string | null;
  /** The list to fetch: `statusListCredential`, or the entry's `id` for a 1EdTech Revocation List. */
  readonly url: string | null;
  readonly index: number | null;
}

export interface RecipientReading {
  /** `credentialSubject.id`, when there is one. */
  readonly id: string | null;
  /** OB 2.0 `recipient` / OB 3.0 `identifier` entries. */
  readonly identities: readonly { readonly type: string; readonly identity: string; readonly hashed: boolean; readonly salt: string }[];
}

/** The contract of `tsumiki inspect --json` `"badge"`: names as the credential gives them, dates ISO 8601 or null. */
export interface BadgeReading {
  readonly title: string;
  readonly issuer: { readonly id: string | null; readonly name: string | null };
  readonly achievement: { readonly id: string | null; readonly name: string | null; readonly type: string | null };
  readonly issued: string | null;
  readonly validFrom: string | null;
  readonly validUntil: string | null;
  readonly recipient: RecipientReading | null;
  readonly status: readonly StatusReading[];
}

export interface CredentialReading {
  /** `graph`: read from the signed RDF graph (Data Integrity and VC-JWT); `ob2`: the fetched OB 2.0 documents. */
  readonly source: 'graph' | 'ob2';
  /**
   * The credential as one canonical JSON tree (bundled-context term names, every value sorted,
   * single values unwrapped). For OB 2.0: the assertion with `badge` the signed or fetched
   * BadgeClass and `badge.issuer` the fetched Profile (or only its id, when it was not fetched).
   */
  readonly document: JsonObject;
  readonly badge: BadgeReading;
}
