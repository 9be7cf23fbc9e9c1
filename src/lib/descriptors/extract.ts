/**
 * `extractDescriptors(credential)`: the 17 JV-Campus/JMOOC descriptors of one OB 2.0 Assertion or
 * OB 3.0 credential (VC 1.1 or 2.0), each with where it was read, hours for effort and credit, the
 * text that could not be placed, and the framework checks. Pure, total: any input gives a report.
 *
 * Source paths are relative to the credential; `achievement.` abbreviates
 * `credentialSubject.achievement.` (OB 3.0) and `badge.` is the OB 2.0 BadgeClass.
 */
import type { JsonObject, JsonValue } from '../model/credential.ts';
import { DESCRIPTOR_IDS, type DescriptorId } from './catalog.ts';
import { RANK, type DescriptorCandidate, type UnplacedEntry } from './collect.ts';
import { checkFrameworks, type FrameworkReport } from './framework.ts';
import { bestHours, readHours, unitHints, type HoursReading } from './hours.ts';
import { isObject, objectsOf, own, textOf, typesOf } from './json.ts';
import { MC_WORD, newCtx, readAchievement, readEndorsements, readProfile, readResults, signalIfWord, type Ctx, type McSignal, type Note } from './sources.ts';

export type CredentialKind = 'ob3' | 'ob2' | 'achievement' | 'unknown';

export interface DescriptorEntry {
  /** The best value, as written. */
  readonly value: string;
  readonly source: string;
  /** Every value found for this descriptor, best first (the first is `value`/`source`). */
  readonly candidates: readonly DescriptorCandidate[];
}

export interface DescriptorReport {
  readonly kind: CredentialKind;
  readonly descriptors: Readonly<Record<DescriptorId, DescriptorEntry | null>>;
  /** Learner effort in hours (from the `learnerEffort` values), with the rule and original words. */
  readonly effort: HoursReading | null;
  /**
   * Credit in a credit system (ECTS, UCTS, 単位, US semester credit) from the `credit` values, with its
   * hours by the system's rule and the original words. Hours written under "Credit / Other
   * recognition" (`Certificate of completion (24 hours)`) are workload, never credit; a number whose
   * system is not stated is in `readings.credit` only.
   */
  readonly credit: HoursReading | null;
  /** Every number read for effort and credit, including those whose unit is unknown. */
  readonly readings: { readonly effort: readonly HoursReading[]; readonly credit: readonly HoursReading[] };
  /** Text from criteria/description that is not under any descriptor label. */
  readonly unplaced: readonly UnplacedEntry[];
  /** EU-only optional elements: supervision and identity verification; grade achieved. */
  readonly eu: { readonly supervision: readonly DescriptorCandidate[]; readonly grade: readonly DescriptorCandidate[] };
  readonly framework: FrameworkReport;
  readonly notes: readonly Note[];
}

export interface ExtractOptions {
  /** OB 2.0: the BadgeClass, when the Assertion holds only its URL and the caller fetched it. */
  readonly badgeClass?: JsonObject;
  /** OB 2.0: the issuer Profile, when the BadgeClass holds only its URL and the caller fetched it. */
  readonly issuer?: JsonObject;
}

function firstObject(v: JsonValue | undefined, path: string): [JsonObject, string] | null {
  if (isObject(v)) return [v, path];
  const first = objectsOf(v)[0];
  return first === undefined ? null : [first[0], `${path}[${first[1]}]`];
}

function readOb3(ctx: Ctx, cred: JsonObject): boolean {
  const { c } = ctx;
  const subject = firstObject(own(cred, 'credentialSubject'), 'credentialSubject');
  const [cs, csPath] = subject ?? [undefined, 'credentialSubject'];
  c.addText('learner', RANK.field, own(cs, 'id'), `${csPath}.id`);
  const ids = own(cs, 'identifier');
  for (const [o, i] of objectsOf(ids)) {
    const value = textOf(own(o, 'identityHash'));
    const type = textOf(own(o, 'identityType'));
    if (value !== null) {
      c.add('learner', RANK.field + 1, { value, source: `${csPath}.identifier${Array.isArray(ids) ? `[${i}]` : ''}`, origin: 'field', ...(type === null ? {} : { identityType: type }) });
    }
  }
  c.addText('learner', RANK.field + 2, own(cs, 'name'), `${csPath}.name`);
  c.addText('dateOfIssuing', RANK.field, own(cred, 'validFrom'), 'validFrom');
  c.addText('dateOfIssuing', RANK.field + 1, own(cred, 'issuanceDate'), 'issuanceDate');
  c.addText('dateOfIssuing', RANK.field + 2, own(cred, 'awardedDate'), 'awardedDate');
  readProfile(ctx, own(cred, 'issuer'), 'issuer', RANK.field);
  const ach = firstObject(own(cs, 'achievement'), 'achievement');
  if (ach !== null) readAchievement(ctx, ach[0], ach[1]);
  c.addText('credit', RANK.structured + 1, own(cs, 'creditsEarned'), `${csPath}.creditsEarned`);
  readResults(ctx, cs, csPath);
  // Wallet display values of the credential itself: fallbacks only.
  c.addText('title', RANK.fallback, own(cred, 'name'), 'name');
  c.addText('description', RANK.fallback, own(cred, 'description'), 'description');
  signalIfWord(ctx, 'title', own(cred, 'name'), 'name');
  signalIfWord(ctx, 'imageCaption', own(own(cred, 'image'), 'caption'), 'image.caption');
  readEndorsements(ctx, cred, '');
  return ach !== null;
}

function readOb2(ctx: Ctx, assertion: JsonObject, options: ExtractOptions): boolean {
  const { c } = ctx;
  const recipient = own(assertion, 'recipient');
  const identity = textOf(own(recipient, 'identity'));
  const type = textOf(own(recipient, 'type'));
  if (identity !== null) c.add('learner', RANK.field, { value: identity, source: 'recipient.identity', origin: 'field', ...(type === null ? {} : { identityType: type }) });
  c.addText('learner', RANK.field + 1, own(own(assertion, 'extensions:recipientProfile'), 'name'), 'extensions:recipientProfile.name');
  c.addText('dateOfIssuing', RANK.field, own(assertion, 'issuedOn'), 'issuedOn');
  const embedded = own(assertion, 'badge');
  const badge = isObject(embedded) ? embedded : (options.badgeClass ?? null);
  if (badge === null) {
    ctx.notes.push({ code: 'BADGE_NOT_EMBEDDED', source: 'badge', ...(typeof embedded === 'string' ? { url: embedded } : {}) });
    return false;
  }
  readAchievement(ctx, badge, 'badge');
  const issuer = own(badge, 'issuer');
  readProfile(ctx, typeof issuer === 'string' && options.issuer !== undefined ? options.issuer : issuer, 'badge.issuer', RANK.field);
  return true;
}

function kindOf(cred: JsonObject): CredentialKind | 'clr' {
  const types = typesOf(cred);
  if (types.includes('ClrCredential')) return 'clr';
  if (own(cred, 'credentialSubject') !== undefined) return 'ob3';
  if (types.includes('Assertion') || (own(cred, 'badge') !== undefined && own(cred, 'recipient') !== undefined)) return 'ob2';
  if (types.includes('Achievement') || types.includes('BadgeClass')) return 'achievement';
  return 'unknown';
}

function finish(ctx: Ctx, kind: CredentialKind, hasAchievement: boolean): DescriptorReport {
  const all = ctx.c.all();
  const descriptors: Partial<Record<DescriptorId, DescriptorEntry | null>> = {};
  const present = new Set<DescriptorId>();
  for (const id of DESCRIPTOR_IDS) {
    const list = all[id];
    const best = list[0];
    descriptors[id] = best === undefined ? null : { value: best.value, source: best.source, candidates: list };
    if (best !== undefined) present.add(id);
  }
  const effortReadings = readHours(all.learnerEffort, unitHints(all.learnerEffort), 'hours');
  const creditReadings = readHours(all.credit, unitHints(all.credit), 'credit');
  const signals: McSignal[] = [...ctx.signals];
  for (const cand of all.certification) {
    if (cand.origin === 'labelled-text' && MC_WORD.test(cand.value)) signals.push({ kind: 'certification', source: cand.source, value: cand.value });
  }
  const credit = creditReadings.find((r) => r.hours !== null && r.unit !== 'hours') ?? null;
  return {
    kind,
    descriptors: descriptors as Record<DescriptorId, DescriptorEntry | null>, // why: the loop above set every id
    effort: bestHours(effortReadings),
    credit,
    readings: { effort: effortReadings, credit: creditReadings },
    unplaced: ctx.c.unplaced,
    eu: ctx.eu,
    framework: checkFrameworks({
      present,
      hasAchievement,
      creditWithUnit: bestHours(creditReadings) !== null,
      signals,
      euSupervision: ctx.eu.supervision.length > 0,
      euGrade: ctx.eu.grade.length > 0,
    }),
    notes: ctx.notes,
  };
}

function failed(): DescriptorReport {
  const ctx = newCtx();
  ctx.notes.push({ code: 'EXTRACT_FAILED' });
  return finish(ctx, 'unknown', false);
}

/** The descriptors of one OB 2.0 Assertion or OB 3.0 credential. Never throws. */
export function extractDescriptors(credential: JsonObject, options: ExtractOptions = {}): DescriptorReport {
  try {
    const ctx = newCtx();
    if (!isObject(credential)) {
      ctx.notes.push({ code: 'NOT_A_CREDENTIAL' });
      return finish(ctx, 'unknown', false);
    }
    // A VC-JWT payload in VC 1.1 style carries the credential in `vc`.
    const vc = own(credential, 'vc');
    const cred = own(credential, 'credentialSubject') === undefined && isObject(vc) ? vc : credential;
    const kind = kindOf(cred);
    if (kind === 'clr') {
      ctx.notes.push({ code: 'CLR_CREDENTIAL' });
      return finish(ctx, 'unknown', false);
    }
    if (kind === 'achievement') return extractAchievementDescriptors(cred);
    if (kind === 'unknown') {
      ctx.notes.push({ code: 'NOT_A_CREDENTIAL' });
      return finish(ctx, 'unknown', false);
    }
    const hasAchievement = kind === 'ob3' ? readOb3(ctx, cred) : readOb2(ctx, cred, options);
    if (!hasAchievement && kind === 'ob3') ctx.notes.push({ code: 'NO_ACHIEVEMENT', source: 'credentialSubject.achievement' });
    return finish(ctx, kind, hasAchievement);
  } catch {
    return failed();
  }
}

export interface AchievementContext {
  /** The awarding Profile when the achievement has no `creator` (e.g. the CLR's issuer). */
  readonly issuer?: JsonValue;
}

/**
 * The descriptors of a bare Achievement (a CLR `credentialSubject.achievement[]` entry, or a
 * BadgeClass): no learner or date of issuing, since nobody was awarded it here. Sources start with
 * `achievement.`. Never throws.
 */
export function extractAchievementDescriptors(achievement: JsonObject, context: AchievementContext = {}): DescriptorReport {
  try {
    const ctx = newCtx();
    if (!isObject(achievement)) {
      ctx.notes.push({ code: 'NO_ACHIEVEMENT' });
      return finish(ctx, 'achievement', false);
    }
    readAchievement(ctx, achievement, 'achievement');
    if (context.issuer !== undefined) readProfile(ctx, context.issuer, 'issuer', RANK.field);
    return finish(ctx, 'achievement', true);
  } catch {
    return failed();
  }
}
