/**
 * The reasons a badge counts or not (coded; words in i18n.ts), a badge's facts normalised once for
 * matching, and whether it may count at all (verification, expiry). Matching itself: compile.ts.
 */
import type { StackBadge } from './facts.ts';
import type { AmountProblem, CountedAmount } from './units.ts';

export const REASON_CODES = [
  'COUNTED', //               counts for this requirement
  'PARTLY_COUNTED', //        counts, but only in part: the cap was reached
  'OVER_CAP', //              the cap was already reached: nothing more counts here
  'NOT_VERIFIED', //          not (yet) verified: would count if verified
  'EXPIRED', //               past its validUntil / expires
  'REVOKED', //               revoked or suspended by its issuer
  'INVALID', //               verification failed (forged, tampered, malformed)
  'WRONG_ISSUER', //          the requirement names other issuers
  'WRONG_TYPE', //            another achievementType
  'NOT_MICRO_CREDENTIAL', //  the requirement wants micro-credentials
  'WRONG_LEVEL', //           its level is outside the range or words asked for
  'LEVEL_UNKNOWN', //         it states no level the requirement can compare
  'TOO_OLD', //               earned longer ago than the requirement allows
  'DATE_UNKNOWN', //          no date of issue to check recency against
  'NO_CREDIT', //             states no credit (or effort) the requirement could count
  'UNIT_UNKNOWN', //          states a number without a unit: never converted on a guess
  'HOURS_NOT_CREDIT', //      its credit is stated in hours (workload), and the requirement wants credits
  'UNIT_NOT_COMPARABLE', //   its credit is in a named unit, and the requirement counts the pathway's own credits
  'USED_ELSEWHERE', //        counted for another requirement (no badge counts twice)
  'ALREADY_MET', //           the requirement was already met by another badge
  'SAME_ACHIEVEMENT', //      another badge for the same achievement (same issuer) counts instead
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export interface Reason {
  readonly code: ReasonCode;
  readonly data?: Readonly<Record<string, string | number | null>>;
}

export const norm = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
export const normUrl = (s: string): string => s.trim().replace(/\/+$/, '');
/** Bilingual titles are often written `日本語 / English` or on two lines: each part matches too. */
const TITLE_PARTS = /\n|\s+[/|｜／]\s+|／/u;

/** A badge with its texts normalised once (cached per StackBadge object). */
export interface Prepared {
  readonly badge: StackBadge;
  readonly ids: ReadonlySet<string>;
  readonly titles: ReadonlySet<string>;
  readonly issuerNames: ReadonlySet<string>;
  readonly alignments: readonly { readonly code: string | null; readonly url: string | null; readonly framework: string | null }[];
  readonly type: string | null;
  readonly issuedMs: number | null;
  readonly expiresMs: number | null;
  readonly levels: readonly string[];
  /** Badges for the same achievement from the same issuer count once. */
  readonly unitKey: string;
  /** units.ts amountFor results, by basis, unit and conversion (progress.ts amountOf). */
  readonly amounts: Map<number, CountedAmount | AmountProblem>;
}

const cache = new WeakMap<StackBadge, Prepared>();

function withParts(texts: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const t of texts) {
    out.add(norm(t));
    for (const part of t.split(TITLE_PARTS)) if (part.trim() !== '') out.add(norm(part));
  }
  return out;
}

export const typeNorm = (t: string): string => norm(t).replace(/^ext:/, '');

export function prepare(badge: StackBadge): Prepared {
  const hit = cache.get(badge);
  if (hit !== undefined) return hit;
  const ms = (s: string | null) => (s === null || Number.isNaN(Date.parse(s)) ? null : Date.parse(s));
  const ids = new Set([badge.achievementId, ...badge.equivalentIds].filter((x): x is string => x !== null).map((x) => x.trim()));
  const p: Prepared = {
    badge,
    ids,
    titles: withParts(badge.titles.map((t) => t.text)),
    issuerNames: withParts(badge.issuer.names),
    alignments: badge.alignments.map((a) => ({
      code: a.targetCode === null ? null : norm(a.targetCode),
      url: a.targetUrl === null ? null : normUrl(a.targetUrl),
      framework: a.targetFramework === null ? null : norm(a.targetFramework),
    })),
    type: badge.achievementType === null ? null : typeNorm(badge.achievementType),
    issuedMs: ms(badge.issuedAt),
    expiresMs: ms(badge.expiresAt),
    levels: badge.levels.map((l) => norm(l.text)),
    amounts: new Map(),
    unitKey: badge.achievementId !== null ? `a ${badge.issuer.id ?? ''} ${badge.achievementId}` : badge.credentialId !== null ? `c ${badge.credentialId}` : `k ${badge.key}`,
  };
  cache.set(badge, p);
  return p;
}

/** Why the badge may not count at all (revoked, invalid, expired, not verified); empty = it may. */
const NONE: readonly Reason[] = Object.freeze([]);

export function trustReasons(p: Prepared, nowMs: number, acceptExpired: boolean): readonly Reason[] {
  const t = p.badge.trust;
  if (t.problem === 'revoked') return [{ code: 'REVOKED' }];
  if (t.problem === 'invalid') return [{ code: 'INVALID', data: { verdict: t.verdict, failures: t.failures.join(' ') } }];
  const expired = (t.expiredAtCheck || (p.expiresMs !== null && p.expiresMs <= nowMs)) && !acceptExpired;
  if (!expired && t.verifiedIgnoringExpiry) return NONE;
  const out: Reason[] = [];
  if (expired) out.push({ code: 'EXPIRED', data: { expiresAt: p.badge.expiresAt } });
  if (!t.verifiedIgnoringExpiry) out.push({ code: 'NOT_VERIFIED', data: { verdict: t.verdict } });
  return out;
}
