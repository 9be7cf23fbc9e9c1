/**
 * What the wallet's badges add up to (issue 14), shown first on the wallet: how many badges, how
 * many are genuine now (intact, by a proven issuer, valid, not revoked — the headline, never the
 * badge's own words), and the hours of study and credit of the genuine ones only, credit summed per
 * unit (ECTS, 単位, …: never converted into one another here). Pure, so it is unit-tested.
 */
import type { StoredBadge, SummaryMarks } from '../lib/store/types.ts';
import { headlineOfChecks } from './headline.ts';

export type CreditUnit = Exclude<NonNullable<SummaryMarks['credit']>['unit'], 'hours'>;
export interface Range {
  readonly min: number;
  readonly max: number;
}
export interface WalletTotals {
  readonly count: number;
  readonly genuine: number;
  readonly hours: Range;
  /** Credit per unit, in the order first met. */
  readonly credit: readonly (readonly [CreditUnit, Range])[];
}

export function walletTotals(rows: readonly StoredBadge[]): WalletTotals {
  const genuine = rows.filter((b) => headlineOfChecks(b.report.checks).headline === 'GENUINE');
  let hours: Range = { min: 0, max: 0 };
  const credit = new Map<CreditUnit, Range>();
  for (const b of genuine) {
    const m = b.summary.marks;
    if (m?.effortHours) hours = { min: hours.min + m.effortHours.min, max: hours.max + m.effortHours.max };
    const c = m?.credit;
    if (c && c.unit !== 'hours') {
      const was = credit.get(c.unit) ?? { min: 0, max: 0 };
      credit.set(c.unit, { min: was.min + c.amount.min, max: was.max + c.amount.max });
    }
  }
  return { count: rows.length, genuine: genuine.length, hours, credit: [...credit] };
}
