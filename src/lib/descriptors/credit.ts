/**
 * Learner effort and credit, normalised to notional learning hours (STANDARDS.md §6), with the rule
 * used and the original wording. Conversions are ranges where the credit system gives one:
 * ECTS 25–30 h, UCTS 38–48 h, Japanese 単位 45 h, US semester credit 45 h, plain hours 1:1.
 * A number without a unit is never converted.
 */

export const CREDIT_UNITS = ['ects', 'ucts', 'jp-tani', 'us-semester', 'hours', 'unknown'] as const;
export type CreditUnit = (typeof CREDIT_UNITS)[number];
export type KnownUnit = Exclude<CreditUnit, 'unknown'>;

/** The conversion rules; words for each are in i18n.ts. */
export const HOUR_RULES = ['ECTS_25_30', 'UCTS_38_48', 'JP_TANI_45', 'US_SEMESTER_45', 'HOURS'] as const;
export type HourRule = (typeof HOUR_RULES)[number];

export interface Range {
  readonly min: number;
  readonly max: number;
}

const RULES: Readonly<Record<KnownUnit, { readonly rule: HourRule; readonly perUnit: Range }>> = {
  ects: { rule: 'ECTS_25_30', perUnit: { min: 25, max: 30 } },
  ucts: { rule: 'UCTS_38_48', perUnit: { min: 38, max: 48 } },
  'jp-tani': { rule: 'JP_TANI_45', perUnit: { min: 45, max: 45 } },
  'us-semester': { rule: 'US_SEMESTER_45', perUnit: { min: 45, max: 45 } },
  hours: { rule: 'HOURS', perUnit: { min: 1, max: 1 } },
};

export function ruleFor(unit: KnownUnit): HourRule {
  return RULES[unit].rule;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Hours for an amount (or range of amounts) of a unit; null when the unit is unknown or the amount is not usable. */
export function toHours(amount: Range | number, unit: CreditUnit): Range | null {
  if (unit === 'unknown') return null;
  const a = typeof amount === 'number' ? { min: amount, max: amount } : amount;
  if (!Number.isFinite(a.min) || !Number.isFinite(a.max) || a.min < 0 || a.max < a.min) return null;
  const f = RULES[unit].perUnit;
  return { min: round2(a.min * f.min), max: round2(a.max * f.max) };
}

/** One number (or range) with its unit, as found in a text. */
export interface Quantity {
  readonly amount: Range;
  readonly unit: CreditUnit;
  /** The matched words, as written (after Unicode NFKC: full-width digits become ASCII). */
  readonly text: string;
  /** Marked as a total (`total`, `合計`, `総…`). */
  readonly total: boolean;
  /** Per week/day/session: a rate, not an amount. */
  readonly rate: boolean;
}

const NUM = '(\\d+(?:[.,]\\d+)?)';
const RANGE_SEP = '\\s*(?:-|–|—|~|〜|to|から)\\s*';
const UNIT_WORDS: readonly (readonly [KnownUnit | 'unknown', string])[] = [
  ['ects', 'ects[\\s-]*(?:credits?|credit points?|points?|cp)?|(?:credits?|credit points?|points?)\\s*\\(\\s*ects\\s*\\)|ec(?![a-z])|studiepunten'],
  ['ucts', 'ucts(?:[\\s-]*credits?)?|credits?\\s*\\(\\s*ucts\\s*\\)'],
  ['jp-tani', '単位'],
  ['us-semester', '(?:us\\s*|u\\.s\\.\\s*)?semester[\\s-]*(?:credit[\\s-]*hours?|credits?|hours?|units?)|credit[\\s-]*hours?|(?:us|u\\.s\\.)\\s*credits?'],
  ['hours', 'hours?(?![a-z])|hrs?\\.?(?![a-z])|h(?![a-z])|時間'],
  ['unknown', 'credits?(?![a-z])|クレジット'],
];
const QUANTITY = new RegExp(
  `${NUM}(?:${RANGE_SEP}${NUM})?\\s*(${UNIT_WORDS.map(([, p]) => `(${p})`).join('|')})`,
  'giu',
);
const UNIT_FIRST = new RegExp(`(?<![a-z])(ects|ucts)\\s*[:：]?\\s*${NUM}(?:${RANGE_SEP}${NUM})?(?![\\d.,]*\\s*(?:ects|ucts|単位|時間|hours?))`, 'giu');
const TOTAL_BEFORE = /(?:total|in all|合計|総|計)[^\d]{0,12}$/iu;
const TOTAL_AFTER = /^\s*(?:in total|total|in all)/iu;
const RATE_AFTER = /^\s*(?:per|a|\/|each|every)\s*(?:week|wk|day|month|session|lesson|class|module|unit)\b|^\s*[/／]\s*(?:週|日|回)/iu;
const RATE_BEFORE = /(?:週|毎日|1日|一日|毎回|1回|per week|weekly|daily)\s*$/iu;

/** A number as written: `1.5`, `1,5` (decimal comma), `1,500` (thousands). */
function parseNumber(s: string): number {
  if (/^\d{1,3}(?:,\d{3})+$/.test(s)) return Number(s.replace(/,/g, ''));
  return Number(s.replace(',', '.'));
}

function makeRange(a: string | undefined, b: string | undefined): Range | null {
  if (a === undefined) return null;
  const x = parseNumber(a);
  const y = b === undefined ? x : parseNumber(b);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
  return { min: Math.min(x, y), max: Math.max(x, y) };
}

/** Every quantity in a text, in order: `2 credits (ECTS)`, `1単位`, `30時間`, `3 UCTS`, `1.5 ECTS`, `２単位`, `20–30 hours`. */
export function parseQuantities(input: string): Quantity[] {
  const text = input.length > 20_000 ? input.slice(0, 20_000).normalize('NFKC') : input.normalize('NFKC');
  const out: { at: number; q: Quantity }[] = [];
  for (const m of text.matchAll(QUANTITY)) {
    const amount = makeRange(m[1], m[2]);
    if (amount === null) continue;
    const groupIndex = UNIT_WORDS.findIndex((_, i) => m[4 + i] !== undefined);
    const unit = UNIT_WORDS[groupIndex]?.[0] ?? 'unknown';
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 24);
    out.push({
      at: m.index,
      q: {
        amount,
        unit,
        text: m[0].trim(),
        total: TOTAL_BEFORE.test(before) || TOTAL_AFTER.test(after),
        rate: RATE_AFTER.test(after) || RATE_BEFORE.test(before),
      },
    });
  }
  for (const m of text.matchAll(UNIT_FIRST)) {
    const amount = makeRange(m[2], m[3]);
    const unit: CreditUnit = (m[1] ?? '').toLowerCase() === 'ucts' ? 'ucts' : 'ects';
    if (amount === null || out.some((o) => o.at <= m.index && m.index < o.at + o.q.text.length)) continue;
    out.push({ at: m.index, q: { amount, unit, text: m[0].trim(), total: false, rate: false } });
  }
  return out.sort((a, b) => a.at - b.at).map((o) => o.q);
}

/**
 * The quantity a text states as its amount: among quantities with a known unit that are not rates,
 * those in the preferred kind (hours for effort, credit units for credit) first; a total first,
 * else the first. A number with an unknown unit only when nothing else is there.
 */
export function mainQuantity(text: string, prefer: 'hours' | 'credit' = 'credit'): Quantity | null {
  const qs = parseQuantities(text).filter((q) => !q.rate);
  const known = qs.filter((q) => q.unit !== 'unknown');
  const preferred = known.filter((q) => (prefer === 'hours') === (q.unit === 'hours'));
  const pick = (list: readonly Quantity[]): Quantity | undefined => list.find((q) => q.total) ?? list[0];
  return pick(preferred) ?? pick(known) ?? qs[0] ?? null;
}

/** Units a text names, with or without a number (`Credit: UCTS`, `(ECTS)`), in order, without repeats. */
export function unitsMentioned(input: string): KnownUnit[] {
  const text = input.slice(0, 20_000).normalize('NFKC');
  const found: { at: number; unit: KnownUnit }[] = [];
  const words: readonly (readonly [KnownUnit, RegExp])[] = [
    ['ects', /(?<![a-z])ects(?![a-z])|studiepunten/giu],
    ['ucts', /(?<![a-z])ucts(?![a-z])/giu],
    ['jp-tani', /単位(?![/／・]?その他)/gu],
    ['us-semester', /semester[\s-]*(?:credit|hour|unit)|credit[\s-]*hours?/giu],
  ];
  for (const [unit, re] of words) {
    for (const m of text.matchAll(re)) found.push({ at: m.index, unit });
  }
  const seen = new Set<KnownUnit>();
  return found
    .sort((a, b) => a.at - b.at)
    .map((f) => f.unit)
    .filter((u) => (seen.has(u) ? false : (seen.add(u), true)));
}
