/**
 * Trust lists: who vouches for which issuers. A credential's own words about its issuer prove
 * nothing; an entry on a list the user enabled does, for as long as the list is valid and (when it
 * is signed) verifies. Three kinds:
 * - `recognized-entities`: a W3C RecognizedEntityCredential, signed with Data Integrity;
 * - `dcc-registry`: the Digital Credentials Consortium's issuer registry JSON (unsigned: used
 *   because the user chose it, and shown as such);
 * - `pins`: the user's own "I know this issuer".
 */

export type TrustListKind = 'recognized-entities' | 'dcc-registry' | 'pins';

export interface TrustEntry {
  /** The issuer's identifier (a DID or URL) as the list names it. */
  readonly id: string;
  /** Every name the list gives it (name and legalName, every language), as written. */
  readonly names: readonly string[];
  /** Names by language (`en`, `ja`, …) where the list tags them. */
  readonly namesByLang: Readonly<Record<string, string>>;
  readonly url?: string;
  /** What the list recognises it for (`issue`, `verify`, an accreditation, membership…), as written. */
  readonly recognizedFor: readonly string[];
  /** For a pin: the user's note and when it was made. */
  readonly note?: string;
  readonly pinnedAt?: string;
}

export interface TrustList {
  readonly kind: TrustListKind;
  /** The list's id: a RecognizedEntityCredential's `id` (or where it came from), a registry's file name or URL, `pins`. */
  readonly id: string;
  /** Who publishes it (a signed list: its verified issuer). */
  readonly publisher: { readonly id: string | null; readonly name: string | null };
  /** Whether a signature vouches for its content (false for a registry file and for pins). */
  readonly signed: boolean;
  /** The date it speaks as of: `validFrom`, the registry's `meta.updated`, or when it was added. */
  readonly asOf: string | null;
  readonly validFrom: string | null;
  readonly validUntil: string | null;
  /** A list shipped with the demo badges: said so wherever it is named. */
  readonly demo?: boolean;
  readonly entries: readonly TrustEntry[];
}

/** The lists in effect for one verification, and the language to name entities in. */
export interface TrustSet {
  readonly lists: readonly TrustList[];
  readonly lang?: string;
}
