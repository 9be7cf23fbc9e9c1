/**
 * A badge's amount in a requirement's unit. The same unit counts as stated; different units go
 * through notional learning hours (STANDARDS.md §6, descriptors/credit.ts), and the result keeps
 * both rules so the reader sees the arithmetic: 1 単位 = 45 h → 45 h ÷ 30 h per ECTS = 1.5 ECTS.
 */
import { ruleFor, toHours, type HourRule, type HoursReading, type KnownUnit, type Range } from '../descriptors/index.ts';
import type { Basis, Conversion, PathwayUnit } from './pathway.ts';

export const UNIT_OF: Readonly<Record<PathwayUnit, KnownUnit>> = {
  ECTS: 'ects',
  UCTS: 'ucts',
  単位: 'jp-tani',
  'US-semester': 'us-semester',
  hours: 'hours',
};

/** Hours per unit (a range: 1 ECTS = 25–30 h). */
export function hoursPer(unit: KnownUnit): Range {
  return toHours(1, unit) ?? { min: 1, max: 1 };
}

export interface CountedAmount {
  /** The amount in the requirement's unit, before any cap. */
  readonly value: number;
  readonly unit: PathwayUnit;
  /** Which of the badge's amounts was read. */
  readonly basis: 'credit' | 'effort';
  /** The badge's own amount, unit and words (`1 単位 (45 時間)`), and where they were read. */
  readonly from: { readonly amount: Range; readonly unit: KnownUnit; readonly text: string; readonly source: string };
  /** Null when the units are the same (nothing converted). */
  readonly via: {
    readonly hours: Range;
    /** The badge unit's rule, e.g. JP_TANI_45. */
    readonly rule: HourRule;
    /** The requirement unit's rule, e.g. ECTS_25_30. */
    readonly targetRule: HourRule;
    readonly conversion: Conversion;
  } | null;
}

const floor2 = (x: number): number => Math.floor(x * 100 + 1e-9) / 100;
const round2 = (x: number): number => Math.round(x * 100) / 100;
const mid = (r: Range): number => (r.min + r.max) / 2;

/** An hours reading in a pathway unit; null when its unit is unknown or it has no usable number. */
export function convert(reading: HoursReading, basis: 'credit' | 'effort', unit: PathwayUnit, conversion: Conversion): CountedAmount | null {
  if (reading.unit === 'unknown') return null;
  const target = UNIT_OF[unit];
  const from = { amount: reading.amount, unit: reading.unit, text: reading.text, source: reading.source };
  if (reading.unit === target) {
    const a = reading.amount;
    const value = conversion === 'lower' ? a.min : conversion === 'upper' ? a.max : round2(mid(a));
    return { value, unit, basis, from, via: null };
  }
  const hours = reading.hours ?? toHours(reading.amount, reading.unit);
  if (hours === null) return null;
  const per = hoursPer(target);
  const value = conversion === 'lower' ? floor2(hours.min / per.max) : conversion === 'upper' ? round2(hours.max / per.min) : round2(mid(hours) / mid(per));
  return { value, unit, basis, from, via: { hours, rule: ruleFor(reading.unit), targetRule: ruleFor(target), conversion } };
}

export type AmountProblem = 'NO_CREDIT' | 'UNIT_UNKNOWN' | 'HOURS_NOT_CREDIT';

/**
 * The amount a credits requirement reads from a badge, by its basis. `credit` wants a credit unit:
 * a Credit descriptor in hours (`Certificate of completion (12 hours)`) is workload, not credit.
 */
export function amountFor(
  badge: { readonly credit: HoursReading | null; readonly effort: HoursReading | null },
  basis: Basis,
  unit: PathwayUnit,
  conversion: Conversion,
): CountedAmount | AmountProblem {
  const credit = badge.credit;
  const creditInUnits = credit !== null && credit.unit !== 'hours' && credit.unit !== 'unknown' ? credit : null;
  const tries: [HoursReading | null, 'credit' | 'effort'][] =
    basis === 'credit'
      ? [[creditInUnits, 'credit']]
      : basis === 'effort'
        ? [[badge.effort, 'effort']]
        : unit === 'hours'
          ? [[badge.effort, 'effort'], [credit, 'credit']]
          : [[creditInUnits, 'credit'], [badge.effort, 'effort'], [credit, 'credit']];
  for (const [reading, b] of tries) {
    if (reading === null) continue;
    const c = convert(reading, b, unit, conversion);
    if (c !== null) return c;
  }
  if (basis === 'credit' && credit !== null && credit.unit === 'hours') return 'HOURS_NOT_CREDIT';
  const stated = basis === 'credit' ? credit : basis === 'effort' ? badge.effort : (credit ?? badge.effort);
  return stated !== null && stated.unit === 'unknown' ? 'UNIT_UNKNOWN' : 'NO_CREDIT';
}
