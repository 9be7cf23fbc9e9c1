/**
 * The verification report: one entry per check, each with a stable id, an outcome and a stable
 * code plus data. Words come later, from i18n, in English and Japanese.
 */

/** Every check the pipeline can make, in the order it makes them. */
export const CHECK_IDS = [
  'format', //          the input is a readable credential of a known format
  'structure', //       required properties are present and well-typed (OB 2.0 / OB 3.0 / CLR 2.0)
  'proof', //           a signature (DI, VC-JWT, OB 2.0 JWS) verifies, or the hosted copy matches
  'issuer-key', //      the key that signed belongs to the issuer
  'issuer-identity', // the issuer is who it is: on a trust list the user enabled, or its key bound to a domain
  'validity-period', // not before validFrom/issuedOn, not after validUntil/expires
  'status', //          not revoked or suspended
  'recipient', //       the credential was issued to the identity the user gave
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

/**
 * The checks of a presentation itself, apart from each credential it holds: its own proof
 * (`authentication`, with the verifier's challenge and domain) and whether the key that signed
 * it is the holder's.
 */
export const PRESENTATION_CHECK_IDS = [
  'proof', //  the presentation's own proof verifies, for the challenge and domain asked
  'holder', // the key that signed it belongs to the holder the presentation names
] as const;
export type PresentationCheckId = (typeof PRESENTATION_CHECK_IDS)[number];

/** Codes for a passed check (what was shown to be true). */
export const PASS_CODES = [
  'FORMAT_OK',
  'STRUCTURE_OK',
  'PROOF_VALID',
  'HOSTED_MATCHES',
  'HOSTED_COPY_DIFFERS', //    confirmed by the hosted copy, which differs from the copy given: the hosted copy is what is read
  'KEY_IS_ISSUERS',
  'HOSTED_BY_ISSUER',
  'WITHIN_VALIDITY',
  'NOT_REVOKED',
  'RECIPIENT_MATCHES',
  'LISTED', //                    the issuer is on a trust list the user enabled (which, as of when)
  'DOMAIN', //                    the issuer's key is bound to a domain: whoever controls it issued this
  'HOLDER_MATCHES', //            a presentation's proof was made by the holder it names
] as const;

/** Codes for a failed check: the credential is shown to be wrong. */
export const FAILURE_CODES = [
  'UNREADABLE', //                 format: not a readable credential (see the error code)
  'STRUCTURE_INVALID', //          a required property is missing or has the wrong type
  'PROOF_MISSING', //              no proof at all (and not a hosted OB 2.0 assertion)
  'SIGNATURE_MISMATCH', //         the signature does not match the content
  'PROOF_INVALID', //              the proof is malformed or its options are wrong (purpose, dates)
  'UNDEFINED_TERM', //             a property no bundled context defines: it would not be covered by the signature
  'AMBIGUOUS', //                  the signed data reads more than one way (two expiry dates, two credentials in one graph)
  'READING_TOO_LARGE', //          the signed graph reads as more values than the bound (its nodes used over and over)
  'CHALLENGE_MISMATCH', //         a presentation's proof answers another challenge than the one asked
  'DOMAIN_MISMATCH', //            a presentation's proof is for another domain than the one asked
  'HOLDER_MISMATCH', //            a presentation's holder is not who signed it
  'ALG_FORBIDDEN', //              a JWS with `alg: none` or a shared-secret algorithm
  'JWT_CLAIM_MISMATCH', //         iss/sub/jti/nbf/exp disagree with the credential inside the JWT
  'KEY_NOT_FOUND', //              the verification method does not resolve to a usable key
  'KEY_NOT_ISSUERS', //            the key's controller is not the issuer
  'KEY_NOT_AUTHORIZED', //         the controller document does not list the key for assertions
  'HOSTED_MISMATCH', //            the hosted copy differs from what was given
  'HOSTED_OUT_OF_SCOPE', //        the assertion is hosted outside the issuer's origin
  'HOSTED_GONE', //                the hosted assertion answers 410 Gone
  'EXPIRED',
  'NOT_YET_VALID',
  'DATE_INVALID', //               a validity date that is not a date
  'REVOKED',
  'SUSPENDED',
  'RECIPIENT_MISMATCH',
  'LOOKALIKE', //                  the issuer gives itself a listed entity's name but is not that entity
] as const;

/** Codes that say why a check was not made. */
export const NOT_CHECKED_CODES = [
  'NOT_APPLICABLE',
  'ISSUER_UNKNOWN', //             the issuer is on no list the user enabled and no domain is behind its key
  'NOT_SIGNED', //                 a presentation without a proof, and none was asked for: it says nothing about who shows it
  'NEEDS_NETWORK', //              a key, status list or hosted copy must be fetched and the network is off
  'FETCH_FAILED', //               the network was allowed but the fetch failed
  'UNKNOWN_CONTEXT', //            a JSON-LD context that is not bundled
  'UNSUPPORTED_PROOF', //          a proof type or cryptosuite this wallet does not verify
  'UNSUPPORTED_ALG', //            a JWS algorithm outside the allow-list
  'STATUS_LIST_INVALID', //        the status list does not verify, is not the issuer's, or is unreadable: status unknown
  'UNSUPPORTED_STATUS', //         a credentialStatus type this wallet does not read
  'UNSUPPORTED_KEY', //            a verification method form this wallet does not resolve
  'KEY_IN_FRAGMENT_ONLY', //       the key came from the URL fragment: proves the signature, not the issuer
  'KEY_IN_HEADER_ONLY', //         the key came from the JWT header: proves the signature, not the issuer
  'NO_RECIPIENT_GIVEN', //         the user gave no identity to compare with
  'PROOF_NOT_VERIFIED', //         depends on a proof that did not verify
  'NOT_READABLE', //               depends on reading what was signed, which failed (see the structure check)
  'CHECK_ERROR', //                the check itself threw (a bug or an unexpected input)
] as const;

export type PassCode = (typeof PASS_CODES)[number];
export type FailureCode = (typeof FAILURE_CODES)[number];
export type NotCheckedCode = (typeof NOT_CHECKED_CODES)[number];
export type CheckCode = PassCode | FailureCode | NotCheckedCode;

/** `untrusted`: nothing failed, but nobody the user trusts vouches for it. */
export type NotCheckedReason = 'not-applicable' | 'offline' | 'unsupported' | 'error' | 'untrusted';

/** Facts a check carries: dates, key ids, URLs, cache dates. Plain JSON only. */
export type CheckData = Readonly<Record<string, string | number | boolean | null | readonly string[]>>;

/** One check, with the ids of a credential's checks (`Check`) or a presentation's (`PresentationCheck`). */
export type CheckOf<Id extends string> =
  | { readonly id: Id; readonly outcome: 'passed'; readonly code: PassCode; readonly data?: CheckData }
  | { readonly id: Id; readonly outcome: 'failed'; readonly code: FailureCode; readonly data?: CheckData }
  | {
      readonly id: Id;
      readonly outcome: 'not-checked';
      readonly reason: NotCheckedReason;
      readonly code: NotCheckedCode;
      readonly data?: CheckData;
    };

export type Check = CheckOf<CheckId>;
export type PresentationCheck = CheckOf<PresentationCheckId>;

export const VERDICTS = ['verified', 'failed', 'incomplete', 'unsupported', 'rejected'] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * The verdict is a pure function of the checks:
 * - `rejected`: the input was not a readable credential (the `format` check failed);
 * - `failed`: any other check failed;
 * - `unsupported`: the proof could not be checked because its context, suite or algorithm is unknown;
 * - `incomplete`: something that matters was not checked (offline, key not bound, error);
 * - `verified`: every check passed, or does not apply.
 */
export function verdictOf(checks: readonly CheckOf<CheckId | PresentationCheckId>[]): Verdict {
  if (checks.length === 0) return 'rejected';
  if (checks.some((c) => c.id === 'format' && c.outcome === 'failed')) return 'rejected';
  if (checks.some((c) => c.outcome === 'failed')) return 'failed';
  if (checks.some((c) => (c.id === 'proof' || c.id === 'structure') && c.outcome === 'not-checked' && c.reason === 'unsupported'))
    return 'unsupported';
  if (checks.some((c) => c.outcome === 'not-checked' && c.reason !== 'not-applicable')) return 'incomplete';
  // A report without a passed proof is never verified, whatever else it holds.
  if (!checks.some((c) => c.id === 'proof' && c.outcome === 'passed')) return 'incomplete';
  return 'verified';
}
