/**
 * Validity period against the injected clock, with a small skew either way. Every bound that
 * applies is checked (a VC-JWT's `nbf`/`exp` as well as the credential's own dates): the strictest
 * decides. A bound that is not a date of its kind fails as DATE_INVALID, never "no expiry".
 */
import type { JsonObject, JsonValue } from '../../model/credential.ts';
import type { Check } from '../../model/verification.ts';
import type { VerifyEnv } from '../env.ts';
import { isoOf, ob2Instant, vcInstant } from '../reading/dates.ts';

export interface Bound {
  readonly field: string;
  /** The value as the credential gives it. */
  readonly value: JsonValue;
  /** Epoch milliseconds, or undefined when `value` is not a date of its kind. */
  readonly at: number | undefined;
}

export interface Period {
  readonly from: readonly Bound[];
  readonly until: readonly Bound[];
}

/** Every value of a date property is a bound (a graph may hold two expiry dates: both apply). */
const bound = (field: string, value: JsonValue | undefined, read: (v: unknown) => number | undefined): Bound[] =>
  value === undefined || value === null ? [] : (Array.isArray(value) ? value : [value]).map((v) => ({ field, value: v, at: read(v) }));

/** The validity bounds of a VC reading (VC 2.0 `validFrom`/`validUntil`, VC 1.1 `issuanceDate`/`expirationDate`). */
export function vcPeriod(document: JsonObject): Period {
  return {
    from: [...bound('validFrom', document.validFrom, vcInstant), ...bound('issuanceDate', document.issuanceDate, vcInstant)],
    until: [...bound('validUntil', document.validUntil, vcInstant), ...bound('expirationDate', document.expirationDate, vcInstant)],
  };
}

/** The validity bounds of an OB 2.0 assertion (`issuedOn`, `expires`). */
export function ob2Period(assertion: JsonObject): Period {
  return { from: bound('issuedOn', assertion.issuedOn, ob2Instant), until: bound('expires', assertion.expires, ob2Instant) };
}

/** Both periods' bounds together. */
export function joinPeriods(a: Period, b: Period): Period {
  return { from: [...a.from, ...b.from], until: [...a.until, ...b.until] };
}

/** The VC bounds of a document (a status list credential's own period is read this way too). */
export const periodOf = vcPeriod;

/** A bound as the credential wrote it when it wrote a string, else as ISO 8601. */
const shown = (b: Bound): string | null => (typeof b.value === 'string' ? b.value : isoOf(b.at));

export function checkValidity(period: Period, env: VerifyEnv): Check {
  const now = env.now.getTime();
  const skew = env.clockSkewSeconds * 1000;
  for (const b of [...period.from, ...period.until]) {
    if (b.at === undefined) {
      return { id: 'validity-period', outcome: 'failed', code: 'DATE_INVALID', data: { field: b.field, value: typeof b.value === 'string' ? b.value.slice(0, 64) : JSON.stringify(b.value).slice(0, 64) } };
    }
  }
  const latestFrom = period.from.reduce<Bound | undefined>((a, b) => (a === undefined || (b.at as number) > (a.at as number) ? b : a), undefined); // why: every `at` was checked above
  const earliestUntil = period.until.reduce<Bound | undefined>((a, b) => (a === undefined || (b.at as number) < (a.at as number) ? b : a), undefined); // why: as above
  const data = {
    now: env.now.toISOString(),
    ...(latestFrom ? { validFrom: shown(latestFrom), fromField: latestFrom.field } : {}),
    ...(earliestUntil ? { validUntil: shown(earliestUntil), untilField: earliestUntil.field } : {}),
  };
  if (latestFrom && now + skew < (latestFrom.at as number)) return { id: 'validity-period', outcome: 'failed', code: 'NOT_YET_VALID', data }; // why: checked above
  if (earliestUntil && now - skew > (earliestUntil.at as number)) return { id: 'validity-period', outcome: 'failed', code: 'EXPIRED', data }; // why: checked above
  return { id: 'validity-period', outcome: 'passed', code: 'WITHIN_VALIDITY', data };
}
