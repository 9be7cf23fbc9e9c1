/** Validity period against the injected clock, with a small skew either way. */
import type { JsonObject } from '../../model/credential.ts';
import type { Check } from '../../model/verification.ts';
import type { VerifyEnv } from '../env.ts';

export interface Period {
  readonly from?: { readonly field: string; readonly value: string };
  readonly until?: { readonly field: string; readonly value: string };
}

/** The validity fields of a VC 2.0 / VC 1.1 credential or an OB 2.0 assertion. */
export function periodOf(credential: JsonObject): Period {
  const pick = (...fields: string[]) => {
    for (const field of fields) {
      const value = credential[field];
      if (typeof value === 'string') return { field, value };
    }
    return undefined;
  };
  const from = pick('validFrom', 'issuanceDate', 'issuedOn');
  const until = pick('validUntil', 'expirationDate', 'expires');
  return { ...(from ? { from } : {}), ...(until ? { until } : {}) };
}

/** OB 2.0 allows a bare date or a Unix timestamp string; VCs use xsd:dateTime. */
function parseDate(value: string): number {
  if (/^\d{9,11}$/.test(value)) return Number(value) * 1000;
  if (!/^\d{4}-\d{2}-\d{2}/.test(value)) return NaN;
  return Date.parse(value);
}

export function checkValidity(period: Period, env: VerifyEnv): Check {
  const now = env.now.getTime();
  const skew = env.clockSkewSeconds * 1000;
  const data = {
    now: env.now.toISOString(),
    ...(period.from ? { validFrom: period.from.value } : {}),
    ...(period.until ? { validUntil: period.until.value } : {}),
  };
  for (const end of [period.from, period.until]) {
    if (end && Number.isNaN(parseDate(end.value))) {
      return { id: 'validity-period', outcome: 'failed', code: 'DATE_INVALID', data: { field: end.field, value: end.value } };
    }
  }
  if (period.from && now + skew < parseDate(period.from.value)) {
    return { id: 'validity-period', outcome: 'failed', code: 'NOT_YET_VALID', data };
  }
  if (period.until && now - skew > parseDate(period.until.value)) {
    return { id: 'validity-period', outcome: 'failed', code: 'EXPIRED', data };
  }
  return { id: 'validity-period', outcome: 'passed', code: 'WITHIN_VALIDITY', data };
}
