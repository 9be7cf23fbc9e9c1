/**
 * The few descriptor facts the wallet list shows and filters on (micro-credential or not, learner
 * effort in hours, credit in a credit unit), computed once at import and kept in the stored summary.
 * Pure and total: an odd credential gives no marks, never an exception.
 */
import { extractDescriptors, type DescriptorReport, type HoursReading } from '../descriptors/index.ts';
import type { JsonObject } from '../model/credential.ts';
import type { SummaryMarks } from '../store/types.ts';
import { MARKS_VERSION } from './marks-version.ts';

/**
 * The credit to show: a reading in a credit system (`report.credit`), else a number from a credit
 * field whose system is not stated (`creditsAvailable: 3`, `Credits: 2`), shown as such. Never
 * hours: hours under "Credit / Other recognition" are workload, not credit.
 */
export function creditReading(report: DescriptorReport): HoursReading | null {
  return report.credit ?? report.readings.credit.find((r) => r.unit === 'unknown') ?? null;
}

export function marksOfReport(report: DescriptorReport): SummaryMarks {
  const effort = report.effort?.hours ?? null;
  const credit = creditReading(report);
  return {
    v: MARKS_VERSION,
    micro: report.framework.isMicroCredential,
    effortHours: effort === null ? null : { min: effort.min, max: effort.max },
    credit: credit === null || credit.unit === 'unknown' || credit.unit === 'hours' ? null : { amount: { min: credit.amount.min, max: credit.amount.max }, unit: credit.unit },
  };
}

export function marksOf(credential: JsonObject): SummaryMarks {
  try {
    return marksOfReport(extractDescriptors(credential));
  } catch {
    return { v: MARKS_VERSION, micro: false, effortHours: null, credit: null };
  }
}
