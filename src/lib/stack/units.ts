/**
 * A badge's amount in a requirement's unit. The same unit counts as stated; different units go
 * through notional learning hours (STANDARDS.md §6, descriptors/credit.ts), and the result keeps
 * both rules so the reader sees the arithmetic: 1 単位 = 45 h → 45 h ÷ 30 h per ECTS = 1.5 ECTS.
 */
import { ruleFor, toHours, type HourRule, type HoursReading, type KnownUnit, type Range } from '../descriptors/index.ts';
import type { Basis, Conversion, PathwayUnit } from './pathway.ts';

/** The descriptor unit of each pathway unit; null for `credits` (the pathway's own, never converted). */
export const UNIT_OF: Readonly<Record<PathwayUnit, KnownUnit | null>> = {
  ECTS: 'ects',
  UCTS: 'ucts',
  単位: 'jp-tani',
  'US-semester': 'us-semester',
  hours: 'hours',
  credits: null,
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
  /**
   * The badge's own amount, unit and words (`1 単位 (45 時間)`), and where they were read. `unknown`:
   * a number without a unit, counted only by a `credits` pool. Source `pathway`: the badge stated
   * nothing the pool could read, and the amount is the one the pathway gives its matcher.
   */
  readonly from: { readonly amount: Range; readonly unit: KnownUnit | 'unknown'; readonly text: string; readonly source: string };
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
  const target = UNIT_OF[unit];
  if (target === null) {
    // The pathway's own credits: a bare number (OB 3.0 creditsAvailable) is read as them; a named unit is never converted into them.
    if (reading.unit !== 'unknown') return null;
    const a = reading.amount;
    return { value: conversion === 'upper' ? a.max : conversion === 'middle' ? round2(mid(a)) : a.min, unit, basis, from: { amount: a, unit: 'unknown', text: reading.text, source: reading.source }, via: null };
  }
  if (reading.unit === 'unknown') return null;
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

export type AmountProblem = 'NO_CREDIT' | 'UNIT_UNKNOWN' | 'HOURS_NOT_CREDIT' | 'UNIT_NOT_COMPARABLE';

/** The amount a pathway gives a badge its matcher recognises (a CTDL component's creditValue). */
export function pathwayAmount(value: number, unit: PathwayUnit): CountedAmount {
  return { value, unit, basis: 'credit', from: { amount: { min: value, max: value }, unit: UNIT_OF[unit] ?? 'unknown', text: String(value), source: 'pathway' }, via: null };
}

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
  // A bare number is a credit only for a pool of the pathway's own `credits`.
  const creditInUnits = credit !== null && credit.unit !== 'hours' && (credit.unit !== 'unknown' || UNIT_OF[unit] === null) ? credit : null;
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
  if (UNIT_OF[unit] === null && [credit, badge.effort].some((r) => r !== null && r.unit !== 'unknown')) return 'UNIT_NOT_COMPARABLE';
  if (basis === 'credit' && credit !== null && credit.unit === 'hours') return 'HOURS_NOT_CREDIT';
  const stated = basis === 'credit' ? credit : basis === 'effort' ? badge.effort : (credit ?? badge.effort);
  return stated !== null && stated.unit === 'unknown' ? 'UNIT_UNKNOWN' : 'NO_CREDIT';
}
