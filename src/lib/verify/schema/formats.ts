/**
 * The two JSON Schema `format`s the bundled 1EdTech schemas use, written here so the generated validators
 * need nothing from ajv or ajv-formats at run time (src/cli/build-schemas.ts points ajv's generated code at
 * this module).
 *
 * - `date-time`: RFC 3339 §5.6 `date-time`, as JSON Schema 2019-09 §7.3.1 defines it: `T` between date and
 *   time (RFC 3339 also allows lower-case `t`/`z`), seconds required, a time zone required (`Z` or `±hh:mm`).
 *   A space instead of `T` is refused, although ajv-formats accepts it: VC 2.0 dates are `xsd:dateTimeStamp`.
 *   A leap second (`:60`) only at 23:59 UTC.
 * - `date`: RFC 3339 `full-date`, a real calendar day.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** A month outside 1–12 has no entry in DAYS, so no day fits in it. */
function isCalendarDay(year: number, month: number, day: number): boolean {
  const max = month === 2 && isLeapYear(year) ? 29 : (DAYS[month - 1] ?? 0);
  return day >= 1 && day <= max;
}

export function isDate(value: string): boolean {
  const m = DATE.exec(value);
  return m !== null && isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function isDateTime(value: string): boolean {
  const m = DATE_TIME.exec(value);
  if (m === null) return false;
  const [, year, month, day, hour, minute, second, zulu, sign, offHour, offMinute] = m;
  if (!isCalendarDay(Number(year), Number(month), Number(day))) return false;
  const h = Number(hour);
  const min = Number(minute);
  const s = Number(second);
  const oh = zulu ? 0 : Number(offHour);
  const om = zulu ? 0 : Number(offMinute);
  if (h > 23 || min > 59 || s > 60 || oh > 23 || om > 59) return false;
  if (s < 60) return true;
  // A leap second is inserted at the end of a UTC day: 23:59:60Z, or the same instant in another zone.
  const utcMinutes = h * 60 + min - (sign === '-' ? -1 : 1) * (oh * 60 + om);
  return ((utcMinutes % 1440) + 1440) % 1440 === 23 * 60 + 59;
}

/** What ajv's generated code reads as `formats["date-time"]` etc. */
export const formats: Readonly<Record<'date-time' | 'date', (value: string) => boolean>> = {
  'date-time': isDateTime,
  date: isDate,
};
