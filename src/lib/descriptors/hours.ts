/**
 * From descriptor candidates to hours: each candidate read as an amount with a unit (from its own
 * words, from its label's qualifier, from the field that holds it, or — for bare numbers such as
 * `creditsAvailable` — from the one unit the other credit texts name). Never a guessed unit.
 */
import type { DescriptorCandidate } from './collect.ts';
import { mainQuantity, parseQuantities, ruleFor, toHours, unitsMentioned, type CreditUnit, type HourRule, type KnownUnit, type Range } from './credit.ts';
import { numberOf } from './json.ts';

export interface HoursReading {
  /** The amount in its own unit, e.g. {min: 2, max: 2} for `2 ECTS`. */
  readonly amount: Range;
  readonly unit: CreditUnit;
  /** Null when the unit is unknown: a number is reported, never converted on a guess. */
  readonly hours: Range | null;
  readonly rule: HourRule | null;
  /** The words the amount was read from (`2 credits (ECTS)`, `36`). */
  readonly text: string;
  /** The whole value as written. */
  readonly original: string;
  readonly source: string;
  /** Where the unit came from when not from `text` itself (a label qualifier, a field name, another text). */
  readonly unitSource: string | null;
}

export interface UnitHint {
  readonly unit: KnownUnit;
  readonly source: string;
}

/** Units named by the candidates themselves (words, qualifiers, implied by the field). */
export function unitHints(cands: readonly DescriptorCandidate[]): UnitHint[] {
  const out: UnitHint[] = [];
  for (const c of cands) {
    if (c.unit !== undefined) out.push({ unit: c.unit, source: c.source });
    for (const u of unitsMentioned(`${c.qualifier ?? ''} ${c.value}`)) out.push({ unit: u, source: c.source });
  }
  return out;
}

/** A number that opens a text and stands alone (`2`, `2\n…`, `1.5 (to be confirmed)`), full-width digits too. */
function leadingNumber(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)(?=\s|$)/u.exec(text.slice(0, 100).normalize('NFKC'));
  return m?.[1] === undefined ? null : Number(m[1]);
}

function qualifierUnit(q: string | null | undefined): KnownUnit | null {
  if (q === null || q === undefined) return null;
  const u = parseQuantities(`1 ${q.trim()}`)[0]?.unit;
  return u === undefined || u === 'unknown' ? null : u;
}

function reading(amount: Range, unit: CreditUnit, text: string, c: DescriptorCandidate, unitSource: string | null): HoursReading {
  const hours = toHours(amount, unit);
  return {
    amount,
    unit,
    hours,
    rule: unit === 'unknown' || hours === null ? null : ruleFor(unit),
    text,
    original: c.value,
    source: c.source,
    unitSource,
  };
}

/**
 * One reading per candidate that holds a number. `hints` supply a unit to bare numbers only when
 * they name exactly one unit. `prefer` picks hours (effort) or credit units (credit) when a text
 * states both (`2 ECTS (50–60 hours)`).
 */
export function readHours(cands: readonly DescriptorCandidate[], hints: readonly UnitHint[], prefer: 'hours' | 'credit'): HoursReading[] {
  const distinct = [...new Set(hints.map((h) => h.unit))];
  const hint = distinct.length === 1 ? hints[0] : undefined;
  const out: HoursReading[] = [];
  for (const c of cands) {
    const q = mainQuantity(c.value, prefer);
    const bare = numberOf(c.value.trim()) ?? leadingNumber(c.value);
    if (q !== null && q.unit !== 'unknown' && c.unit === undefined) {
      out.push(reading(q.amount, q.unit, q.text, c, null));
      continue;
    }
    const amount = q?.amount ?? (bare === null ? null : { min: bare, max: bare });
    if (amount === null) continue;
    const text = q?.text ?? (bare === null ? c.value.trim() : String(bare));
    const fromLabel = qualifierUnit(c.qualifier);
    if (c.unit !== undefined) out.push(reading(amount, c.unit, text, c, c.source));
    else if (fromLabel !== null) out.push(reading(amount, fromLabel, text, c, `${c.source} (${c.qualifier ?? ''})`));
    else if (hint !== undefined && hint.source !== c.source) out.push(reading(amount, hint.unit, text, c, hint.source));
    else out.push(reading(amount, 'unknown', text, c, null));
  }
  return out;
}

/** The first reading that converts to hours. */
export function bestHours(readings: readonly HoursReading[]): HoursReading | null {
  return readings.find((r) => r.hours !== null) ?? null;
}
