/**
 * The few descriptor facts the wallet list shows and filters on (micro-credential or not, learner
 * effort in hours, credit in a credit unit), computed once at import and kept in the stored summary.
 * Pure and total: an odd credential gives no marks, never an exception.
 */
import { extractDescriptors, type DescriptorReport, type HoursReading } from '../descriptors/index.ts';
import type { JsonObject } from '../model/credential.ts';
import type { SummaryMarks } from '../store/types.ts';

/** The credit to show: a reading in a credit unit first (`1 単位` over the `45 hours` next to it), else the best reading. A list mark shows credit units only (hours are workload). */
export function creditReading(report: DescriptorReport): HoursReading | null {
  return report.readings.credit.find((r) => r.hours !== null && r.unit !== 'hours' && r.unit !== 'unknown') ?? report.credit;
}

export function marksOfReport(report: DescriptorReport): SummaryMarks {
  const effort = report.effort?.hours ?? null;
  const credit = creditReading(report);
  return {
    micro: report.framework.isMicroCredential,
    effortHours: effort === null ? null : { min: effort.min, max: effort.max },
    credit: credit === null || credit.unit === 'unknown' || credit.unit === 'hours' ? null : { amount: { min: credit.amount.min, max: credit.amount.max }, unit: credit.unit },
  };
}

export function marksOf(credential: JsonObject): SummaryMarks {
  try {
    return marksOfReport(extractDescriptors(credential));
  } catch {
    return { micro: false, effortHours: null, credit: null };
  }
}
