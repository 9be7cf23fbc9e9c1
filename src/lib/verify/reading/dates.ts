/**
 * Dates as the standards allow them, always read as instants (never in the machine's own zone).
 * - VC 1.1/2.0: an xsd:dateTime with a zone (`Z` or `±hh:mm`); anything else is not a date.
 * - OB 2.0: ISO 8601 (a date, or a date-time; no zone means UTC) or a Unix timestamp in seconds.
 * - JWT: NumericDate seconds.
 */

const VC_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const OB2_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Days in a month of the proleptic Gregorian calendar xsd:dateTime uses (any year, 0000 included). */
function daysIn(y: number, mo: number): number {
  if (mo === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(mo) ? 30 : 31;
}

function valid(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 60) return false;
  return d <= daysIn(y, mo);
}

/** Date.UTC, without its reading of years 0–99 as 1900–1999: the time of day first, then the whole date. */
function utc(y: number, mo: number, d: number, h: number, mi: number, s: number): number {
  const t = new Date(Date.UTC(2000, 0, 1, h, mi, s));
  t.setUTCFullYear(y, mo - 1, d);
  return t.getTime();
}

/**
 * A zone as both date patterns have already matched it: none, `Z`, or `±hh:mm` (`±hhmm` in OB 2.0), in minutes;
 * undefined when out of xsd:dateTime's range (at most ±14:00, minutes 00–59), as `+99:59` is.
 */
function zoneMinutes(zone: string | undefined): number | undefined {
  if (!zone || zone === 'Z') return 0;
  const [hours, mins] = [Number(zone.slice(1, 3)), Number(zone.slice(-2))];
  const minutes = hours * 60 + mins;
  if (mins > 59 || minutes > 14 * 60) return undefined;
  return zone.startsWith('-') ? -minutes : minutes;
}

function instant(parts: RegExpExecArray, zoneAt: number, fractionAt: number): number | undefined {
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(parts[i] ?? 0)) as [number, number, number, number, number, number];
  if (!valid(y, mo, d, h, mi, s)) return undefined;
  const zone = zoneMinutes(parts[zoneAt]);
  if (zone === undefined) return undefined;
  const fraction = parts[fractionAt] ? Math.floor(Number(parts[fractionAt]) * 1000) : 0;
  return utc(y, mo, d, h, mi, Math.min(s, 59)) + fraction - zone * 60_000;
}

/** Dates read lately: a verification reads the same few dates several times (reading, proof, validity). */
const vcInstants = new Map<string, number | undefined>();
const MAX_REMEMBERED = 512;

/** How many readings vcInstant remembers: at most MAX_REMEMBERED, and no string over 40 characters (tests hold it to that). */
export function rememberedDates(): number {
  return vcInstants.size;
}

/** A VC date-time as epoch milliseconds; undefined when it is not a zoned xsd:dateTime (never longer than 35 characters). */
export function vcInstant(value: unknown): number | undefined {
  if (typeof value !== 'string' || value.length > 40) return undefined;
  if (vcInstants.has(value)) return vcInstants.get(value);
  const m = VC_DATE.exec(value);
  const at = m ? instant(m, 8, 7) : undefined;
  if (vcInstants.size >= MAX_REMEMBERED) vcInstants.clear();
  vcInstants.set(value, at);
  return at;
}

/** Seconds since the epoch as milliseconds, within ±1e11 s (the comparison also refuses NaN and ±Infinity). */
function seconds(value: number): number | undefined {
  return Math.abs(value) < 1e11 ? value * 1000 : undefined;
}

/** An OB 2.0 DateTime (ISO 8601, UTC when no zone is given, or Unix seconds) as epoch milliseconds. */
export function ob2Instant(value: unknown): number | undefined {
  if (typeof value === 'number') return seconds(value);
  // No OB 2.0 date is over 35 characters: the bound only spares the patterns a long text.
  if (typeof value !== 'string' || value.length > 40) return undefined;
  if (/^-?\d{1,11}$/.test(value)) return Number(value) * 1000;
  const m = OB2_DATE.exec(value);
  return m ? instant(m, 8, 7) : undefined;
}

/** A JWT NumericDate (seconds) as epoch milliseconds. */
export function jwtInstant(value: unknown): number | undefined {
  return typeof value === 'number' ? seconds(value) : undefined;
}

/** ISO 8601 in UTC, or null. */
export function isoOf(ms: number | undefined): string | null {
  const d = new Date(ms ?? NaN); // NaN, ±Infinity and instants past ±8.64e15 all make an invalid Date
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
