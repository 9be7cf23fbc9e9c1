/**
 * Values a credential writes as codes — dates, countries, languages — in words of the user's
 * language (issue 14), with the platform's Intl data (no tables of our own). Pure; runs in Node and
 * the browser. Each function returns null when the input is not a value of its kind, so the caller
 * shows the text as written instead of a guess.
 *
 * Time zones: a credential's date-time (`2025-12-12T06:00:00Z`, `…+09:00`) is an instant. It is shown
 * in the user's own time zone (the platform's, or `timeZone` for tests and the CLI), because that is
 * the calendar the reader lives in; near midnight this can be a day later or earlier than the
 * issuer's calendar, which is why the ISO text stays available as the value "as written". A date
 * without a time (`2025-12-12`) is a calendar day, not an instant: it is shown as that day in every
 * time zone (formatted in UTC, where it was parsed).
 */
import type { Lang } from './lang.ts';

const LOCALE: Readonly<Record<Lang, string>> = { en: 'en', ja: 'ja-JP' };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[Zz]|[+-]\d{2}:?\d{2})?$/;

export interface DateOptions {
  /** Add the time of day (in `timeZone`). */
  readonly time?: boolean;
  /** IANA time zone for date-times; the platform's when absent. */
  readonly timeZone?: string;
}

/** `2025年12月12日` / `December 12, 2025` (with `time`: `2025年12月12日 15:00` / `December 12, 2025 at 3:00 PM`). */
export function formatDate(iso: string, lang: Lang, options: DateOptions = {}): string | null {
  const text = iso.trim();
  const dateOnly = DATE_ONLY.test(text);
  if (!dateOnly && !DATE_TIME.test(text)) return null;
  const ms = Date.parse(dateOnly ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(ms)) return null;
  // Reject rolled-over days (2025-02-30 parses as March 2 in some engines).
  const [y, m, d] = text.slice(0, 10).split('-').map(Number);
  const back = new Date(dateOnly ? ms : Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1));
  if (back.getUTCFullYear() !== y || back.getUTCMonth() + 1 !== m || back.getUTCDate() !== d) return null;
  const zone = dateOnly ? 'UTC' : options.timeZone;
  const withTime = options.time === true && !dateOnly;
  try {
    return new Intl.DateTimeFormat(LOCALE[lang], {
      dateStyle: 'long',
      ...(withTime ? { timeStyle: 'short' } : {}),
      ...(zone === undefined ? {} : { timeZone: zone }),
    }).format(ms);
  } catch {
    return null; // an unknown time zone name
  }
}

/** Japanese text from Intl carries half-width brackets (`オランダ語 (オランダ)`); the glossary wants full-width ones. */
function japaneseBrackets(text: string, lang: Lang): string {
  return lang === 'ja' ? text.replace(/\s*\(([^()]*)\)/g, '（$1）') : text;
}

function displayName(type: 'region' | 'language', code: string, lang: Lang): string | null {
  try {
    const name = new Intl.DisplayNames(LOCALE[lang], { type, fallback: 'none' }).of(code);
    return name === undefined || name === code ? null : japaneseBrackets(name, lang);
  } catch {
    return null;
  }
}

/** `JP` → `Japan` / `日本`. Only ISO 3166-1 alpha-2 codes (any other text is a name already, or unknown). */
export function countryName(code: string, lang: Lang): string | null {
  const c = code.trim();
  if (!/^[A-Za-z]{2}$/.test(c)) return null;
  return displayName('region', c.toUpperCase(), lang);
}

/** `ja` → `Japanese` / `日本語`, `nl-NL` → `Dutch (Netherlands)` / `オランダ語（オランダ）`. Only BCP 47 tags. */
export function languageName(tag: string, lang: Lang): string | null {
  const t = tag.trim();
  if (!/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(t) || /^und\b/i.test(t)) return null;
  return displayName('language', t, lang);
}

/** Several language tags (`ja, en`; `ja en`), each in words; null unless every one is a tag. */
export function languageNames(text: string, lang: Lang): string | null {
  const parts = text.split(/[\s,、・]+/u).filter((p) => p !== '');
  if (parts.length === 0 || parts.length > 10) return null;
  const names = parts.map((p) => languageName(p, lang));
  if (names.some((n) => n === null)) return null;
  return names.join(lang === 'ja' ? '・' : ', ');
}
