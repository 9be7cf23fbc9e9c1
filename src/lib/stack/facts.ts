/**
 * `badgeFacts(credential, verification)`: what a pathway needs to know about a badge, read once:
 * achievement id, alignments, titles in every language given, issuer, dates, level, credit and
 * effort (via the descriptor reader: hours, the rule, the original words), and what verification
 * found. A CLR 2.0 gives one entry per credential it holds. Pure and total: never throws.
 */
import { decodeJws } from '../formats/jws.ts';
import { extractDescriptors, listClrAchievements, type HoursReading } from '../descriptors/index.ts';
import { idOf, isObject, objectsOf, own, ownKeys, textOf, typesOf } from '../descriptors/json.ts';
import type { JsonObject, JsonValue } from '../model/credential.ts';
import { verdictOf, type Check, type FailureCode, type Verdict } from '../model/verification.ts';
import { relationsOf } from './clr.ts';

/** A verification report as the pipeline and the store keep it. */
export interface VerificationLike {
  readonly verdict: Verdict;
  readonly checks: readonly Check[];
  readonly checkedAt?: string;
}

export interface BadgeTitle {
  readonly text: string;
  /** BCP 47 tag when the credential says (a language map key, `inLanguage`), else null. */
  readonly lang: string | null;
  readonly source: string;
}

export interface BadgeAlignment {
  readonly targetCode: string | null;
  readonly targetUrl: string | null;
  readonly targetName: string | null;
  readonly targetFramework: string | null;
}

export interface BadgeTrust {
  /** The verdict as reported; `unknown` when no verification was given. */
  readonly verdict: Verdict | 'unknown';
  /** Every check passed, or would have but for the validity period. */
  readonly verifiedIgnoringExpiry: boolean;
  /** A failure that is not expiry: revoked/suspended, or forged/malformed. Such a badge never counts. */
  readonly problem: 'revoked' | 'invalid' | null;
  /** Verification found it expired (a pathway may still be asked about it at a later `now`). */
  readonly expiredAtCheck: boolean;
  readonly failures: readonly FailureCode[];
  readonly checkedAt: string | null;
}

export interface StackBadge {
  /** Unique among the badges given to one `progress` call: the file name, an id, or file#path. */
  readonly key: string;
  readonly file: string | null;
  /** Where inside a CLR (`credentialSubject.verifiableCredential[1]`), else null. */
  readonly path: string | null;
  readonly credentialId: string | null;
  readonly achievementId: string | null;
  /** Other ids for the same achievement: OB 3.0 `related` editions, CLR `exactMatchOf`, what it replaced. */
  readonly equivalentIds: readonly string[];
  readonly titles: readonly BadgeTitle[];
  readonly issuer: { readonly id: string | null; readonly names: readonly string[] };
  readonly achievementType: string | null;
  /** The descriptor reader's judgement (achievementType, the words “micro-credential”). */
  readonly microCredential: boolean;
  readonly alignments: readonly BadgeAlignment[];
  /** When it was earned: awardedDate, else validFrom / issuanceDate (OB 3.0) or issuedOn (OB 2.0); ISO 8601. */
  readonly issuedAt: string | null;
  readonly expiresAt: string | null;
  /** Every level the badge states (descriptor text, alignments), as written. */
  readonly levels: readonly { readonly text: string; readonly source: string }[];
  /** Credit and learner effort, as the descriptor reader read them (unit, hours, rule, original words). */
  readonly credit: HoursReading | null;
  readonly effort: HoursReading | null;
  readonly trust: BadgeTrust;
}

export interface FactOptions {
  readonly file?: string;
  /** Overrides the key (default: file, else credential id, else achievement id). */
  readonly key?: string;
  /** For a CLR: verification of each credential it holds, by path (`credentialSubject.verifiableCredential[0]`). */
  readonly nested?: Readonly<Record<string, VerificationLike>>;
}

const REVOKING: ReadonlySet<string> = new Set(['REVOKED', 'SUSPENDED', 'HOSTED_GONE']);

export function trustOf(v: VerificationLike | null | undefined): BadgeTrust {
  if (v === null || v === undefined) {
    return { verdict: 'unknown', verifiedIgnoringExpiry: false, problem: null, expiredAtCheck: false, failures: [], checkedAt: null };
  }
  const failures = v.checks.flatMap((c) => (c.outcome === 'failed' ? [c.code] : []));
  const problem = failures.some((f) => REVOKING.has(f)) ? 'revoked' : v.verdict === 'rejected' || failures.some((f) => f !== 'EXPIRED') ? 'invalid' : null;
  const withoutExpiry = v.checks.map((c): Check => (c.outcome === 'failed' && c.code === 'EXPIRED' ? { id: c.id, outcome: 'passed', code: 'WITHIN_VALIDITY' } : c));
  return {
    verdict: v.verdict,
    verifiedIgnoringExpiry: problem === null && verdictOf(withoutExpiry) === 'verified',
    problem,
    expiredAtCheck: failures.includes('EXPIRED'),
    failures,
    checkedAt: v.checkedAt ?? null,
  };
}

function isoDate(v: JsonValue | undefined): string | null {
  if (typeof v !== 'string') return null;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/** Texts of a string or a language map, with their language. */
function textsOf(v: JsonValue | undefined, lang: string | null, source: string): BadgeTitle[] {
  if (typeof v === 'string') return v.trim() === '' ? [] : [{ text: v.trim(), lang, source }];
  if (isObject(v) && own(v, '@value') === undefined) {
    return ownKeys(v).flatMap((k) => {
      const t = own(v, k);
      return typeof t === 'string' && t.trim() !== '' ? [{ text: t.trim(), lang: k, source: `${source}.${k}` }] : [];
    });
  }
  const t = textOf(v);
  return t === null ? [] : [{ text: t, lang, source }];
}

function alignmentsOf(achievement: JsonValue | undefined): BadgeAlignment[] {
  return objectsOf(own(achievement, 'alignment')).map(([a]) => ({
    targetCode: textOf(own(a, 'targetCode')),
    targetUrl: idOf(own(a, 'targetUrl')),
    targetName: textOf(own(a, 'targetName')),
    targetFramework: textOf(own(a, 'targetFramework')),
  }));
}

/** Facts of one OB 2.0 Assertion or OB 3.0 credential (a VC-JWT payload is unwrapped). */
function oneBadge(credential: JsonObject, verification: VerificationLike | null, key: string, file: string | null, path: string | null): StackBadge {
  const vc = own(credential, 'vc');
  const cred = own(credential, 'credentialSubject') === undefined && isObject(vc) ? vc : credential;
  const ob2 = own(cred, 'credentialSubject') === undefined;
  const subject = ob2 ? cred : (objectsOf(own(cred, 'credentialSubject'))[0]?.[0] ?? null);
  const ach = ob2 ? own(cred, 'badge') : own(subject, 'achievement');
  const achievement = isObject(ach) ? ach : (objectsOf(ach)[0]?.[0] ?? null);
  const issuerValue = ob2 ? own(achievement, 'issuer') : own(cred, 'issuer');
  const report = extractDescriptors(credential);
  const level = report.descriptors.level;
  const lang = textOf(own(achievement, 'inLanguage'));
  const titles: BadgeTitle[] = [];
  for (const t of [...textsOf(own(achievement, 'name'), lang, ob2 ? 'badge.name' : 'achievement.name'), ...(ob2 ? [] : textsOf(own(cred, 'name'), null, 'name'))]) {
    if (!titles.some((x) => x.text === t.text)) titles.push(t);
  }
  const typeValue = own(achievement, 'achievementType');
  return {
    key,
    file,
    path,
    credentialId: idOf(own(cred, 'id')),
    achievementId: ob2 ? (idOf(ach) ?? null) : idOf(achievement),
    equivalentIds: objectsOf(own(achievement, 'related')).flatMap(([r]) => idOf(r) ?? []),
    titles,
    issuer: { id: idOf(issuerValue), names: textsOf(own(issuerValue, 'name'), null, 'issuer.name').map((t) => t.text) },
    achievementType: typeof typeValue === 'string' ? typeValue : null,
    microCredential: report.framework.isMicroCredential,
    alignments: alignmentsOf(achievement),
    issuedAt: ob2 ? isoDate(own(cred, 'issuedOn')) : (isoDate(own(cred, 'awardedDate')) ?? isoDate(own(cred, 'validFrom')) ?? isoDate(own(cred, 'issuanceDate'))),
    expiresAt: ob2 ? isoDate(own(cred, 'expires')) : (isoDate(own(cred, 'validUntil')) ?? isoDate(own(cred, 'expirationDate'))),
    levels: level === null ? [] : level.candidates.map((c) => ({ text: c.value, source: c.source })),
    // A credit unit first (`1 単位` over the `45 hours` in the same badge's English text), then hours, then a bare number.
    credit: report.readings.credit.find((r) => r.hours !== null && r.unit !== 'hours') ?? report.credit ?? report.readings.credit[0] ?? null,
    effort: report.effort ?? report.readings.effort[0] ?? null,
    trust: trustOf(verification),
  };
}

function baseKey(credential: JsonObject, options: FactOptions): string {
  return options.key ?? options.file ?? idOf(own(credential, 'id')) ?? idOf(own(own(own(credential, 'credentialSubject'), 'achievement'), 'id')) ?? 'badge';
}

/**
 * Facts for every badge a credential holds: one for an OB 2.0 / OB 3.0 credential; for a CLR 2.0,
 * one per credential inside it, each with its own verification from `options.nested` (none given
 * = not verified: a CLR's signature does not vouch for the issuers of what it holds).
 */
export function badgeFacts(credential: JsonObject, verification: VerificationLike | null, options: FactOptions = {}): StackBadge[] {
  try {
    const key = baseKey(credential, options);
    const file = options.file ?? null;
    if (!typesOf(credential).includes('ClrCredential')) return [oneBadge(credential, verification, key, file, null)];
    const equivalents = new Map<string, string[]>();
    for (const r of relationsOf(credential)) {
      const add = (from: string, to: string) => equivalents.set(from, [...(equivalents.get(from) ?? []), to]);
      if (r.type === 'exactMatchOf') (add(r.sourceId, r.targetId), add(r.targetId, r.sourceId));
      if (r.type === 'replacedBy') add(r.targetId, r.sourceId);
    }
    return listClrAchievements(credential).flatMap((item) => {
      if (item.kind === 'achievement') return [];
      let inner: JsonObject;
      if (item.kind === 'jwt') {
        try {
          inner = decodeJws(item.jwt).payload;
        } catch {
          return [];
        }
      } else inner = item.credential;
      const b = oneBadge(inner, options.nested?.[item.path] ?? null, `${key}#${item.path}`, file, item.path);
      const more = b.achievementId === null ? [] : (equivalents.get(b.achievementId) ?? []);
      return [more.length === 0 ? b : { ...b, equivalentIds: [...new Set([...b.equivalentIds, ...more])] }];
    });
  } catch {
    return [];
  }
}
