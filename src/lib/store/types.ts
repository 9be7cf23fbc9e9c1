/**
 * What the store keeps. The store never parses credentials: the import pipeline hands it the
 * original bytes plus a derived summary and a verification report, and the store keeps the bytes
 * untouched next to them so a badge can be re-verified after a parser fix.
 */
import type { Container, CredentialFormat, JsonValue } from '../model/credential.ts';
import type { Check, Verdict } from '../model/verification.ts';

/** The last verification report. A richer report type is fine: it is stored as given (plain JSON). */
export interface BadgeReport {
  readonly verdict: Verdict;
  readonly checks: readonly Check[];
  /**
   * For a CLR: each credential inside verified on its own, by its path
   * (`credentialSubject.verifiableCredential[0]`); pathways count only those that verify.
   */
  readonly nested?: Readonly<Record<string, { readonly verdict: Verdict; readonly checks: readonly Check[]; readonly checkedAt?: string }>>;
}

/** Derived from the credential by the import pipeline; used for lists, search and filters only. */
export interface BadgeSummary {
  readonly title: string;
  readonly issuerName: string;
  /** The issuer's id (URL or DID); '' when the credential names none. */
  readonly issuerId: string;
  /** ISO 8601 as found in the credential (issuanceDate/validFrom/issuedOn), or null. */
  readonly issuedAt: string | null;
  /** ISO 8601 (expirationDate/validUntil/expires), or null when the badge does not expire. */
  readonly expiresAt: string | null;
  /**
   * Title, issuer, description and descriptor text run together. The store normalises it (NFKC,
   * lower case, single spaces) on every write, so a search matches full- and half-width forms.
   */
  readonly searchText: string;
  /**
   * Descriptor marks for the list (issue 5), from src/lib/wallet/marks.ts. Absent (or of an older
   * `v`) on rows imported or restored before; the wallet fills them in (src/lib/wallet/marks-backfill.ts).
   */
  readonly marks?: SummaryMarks;
}

/** Micro-credential or not, learner effort in hours, credit in its own unit: what a list card shows. */
export interface SummaryMarks {
  /**
   * The definition the marks were computed with (MARKS_VERSION in src/lib/wallet/marks-version.ts);
   * rows with another (or none) are computed again by the backfill. 2: the one micro-credential
   * definition of issue 14, credit never in hours.
   */
  readonly v?: number;
  readonly micro: boolean;
  readonly effortHours: { readonly min: number; readonly max: number } | null;
  readonly credit: { readonly amount: { readonly min: number; readonly max: number }; readonly unit: 'ects' | 'ucts' | 'jp-tani' | 'us-semester' | 'hours' } | null;
}

export interface NewBadge {
  /** The file exactly as given: JSON text, compact JWS, baked PNG or SVG, or the presentation. */
  readonly bytes: Uint8Array;
  readonly container: Container;
  /** Media type of `bytes` (`application/json`, `image/png`, …). */
  readonly mime: string;
  /**
   * The credential's own bytes (`ParsedCredential.bytes`) when `bytes` is more than the credential
   * (a baked image, a presentation). The content id hashes these, so the same credential baked
   * into two images, or imported once as JSON and once baked, is one badge.
   */
  readonly credentialBytes?: Uint8Array;
  readonly format: CredentialFormat;
  /** The credential's own `id`, when it has one: a second duplicate key (with the issuer id). */
  readonly credentialId: string | null;
  readonly summary: BadgeSummary;
  /** An image embedded in the credential as a data: URI; kept out of list rows to keep lists light. */
  readonly imageDataUri?: string;
  readonly report: BadgeReport;
  /** When `report` was made (ISO 8601). */
  readonly verifiedAt: string;
  readonly tags?: readonly string[];
  readonly note?: string;
}

/** One row of the `badges` table: everything a list, search or detail header needs, no bytes. */
export interface StoredBadge {
  /** Content id: hex SHA-256 of the credential's bytes. */
  readonly id: string;
  readonly credentialId: string | null;
  readonly format: CredentialFormat;
  readonly container: Container;
  readonly mime: string;
  readonly summary: BadgeSummary;
  /** True when `getImage` can return an image (baked container or embedded data: URI). */
  readonly hasImage: boolean;
  readonly report: BadgeReport;
  readonly verifiedAt: string;
  readonly tags: readonly string[];
  readonly note: string;
  /** When it entered this wallet (ISO 8601). */
  readonly addedAt: string;
}

/** One row of the `originals` table, keyed like the badge: the bytes, never rewritten. */
export interface OriginalRow {
  readonly id: string;
  readonly bytes: Uint8Array;
  readonly credentialBytes?: Uint8Array;
  readonly imageDataUri?: string;
}

/** Badges removed by one delete, kept until undone or purged. */
export interface TrashRow {
  readonly token: string;
  readonly deletedAt: string;
  readonly items: readonly { readonly badge: StoredBadge; readonly original: OriginalRow }[];
}

/** Settings (language, recipient identities, …). */
export interface MetaRow {
  readonly key: string;
  readonly value: JsonValue;
}

/** A network answer kept with its date (status lists, did:web documents, hosted assertions). */
export interface CacheRow {
  readonly url: string;
  readonly status: number;
  readonly contentType: string;
  readonly body: Uint8Array;
  /** ISO 8601: shown as "as of <date>" when used offline. */
  readonly fetchedAt: string;
}

export type AddResult =
  | { readonly status: 'added'; readonly id: string }
  | {
      readonly status: 'duplicate';
      /** The badge already in the wallet. */
      readonly id: string;
      /** Same bytes, or the same credential `id` from the same issuer with different bytes. */
      readonly match: 'same-bytes' | 'same-credential-id';
    };

export type BadgeSort = 'issued-desc' | 'issued-asc' | 'added-desc' | 'title' | 'issuer';

export interface BadgeQuery {
  /** Every word must occur in title, issuer, description or descriptor text. */
  readonly text?: string;
  readonly issuerId?: string;
  readonly verdict?: Verdict;
  /** The badge must carry every one of these tags. */
  readonly tags?: readonly string[];
  /** true: only expired badges; false: only unexpired ones (including those that never expire). */
  readonly expired?: boolean;
  readonly sort?: BadgeSort;
  /** The clock for `expired`: injected, never read from the system here. */
  readonly now: Date;
  /** For title/issuer collation (`en`, `ja`); the runtime default otherwise. */
  readonly locale?: string;
}
