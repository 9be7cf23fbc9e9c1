/**
 * Reading untrusted credential JSON as plain values: strings, language-tagged strings, ids,
 * data: URIs. Nothing here throws; a value of the wrong shape reads as undefined.
 */
import { asArray, idOf, isJsonObject } from './json.ts';
import type { JsonObject, JsonValue } from '../model/credential.ts';

/** Longest string any summary field keeps (a hostile credential may carry megabytes of name). */
export const MAX_FIELD = 2000;

function clip(s: string, max = MAX_FIELD): string {
  return s.length > max ? `${s.slice(0, max)}…` : s;
}

/**
 * A human string from a JSON-LD value: a plain string, a value object `{"@value", "@language"}`,
 * or an array of those (VC 2.0 language arrays). With `lang`, the matching language wins.
 */
export function textOf(v: JsonValue | undefined, lang?: string, max = MAX_FIELD): string | undefined {
  if (typeof v === 'number') return String(v);
  const items = asArray(v).flatMap((item): { value: string; language?: string }[] => {
    if (typeof item === 'string') return [{ value: item }];
    if (isJsonObject(item) && typeof item['@value'] === 'string') {
      const language = item['@language'];
      return [typeof language === 'string' ? { value: item['@value'], language: language.toLowerCase() } : { value: item['@value'] }];
    }
    return [];
  });
  const wanted = lang === undefined ? undefined : items.find((i) => i.language?.split('-')[0] === lang);
  const chosen = wanted ?? items[0];
  return chosen === undefined || chosen.value.trim() === '' ? undefined : clip(chosen.value, max);
}

/** Every string of a language array joined (for search text, so both languages match). */
export function allTextOf(v: JsonValue | undefined): string {
  return asArray(v)
    .map((item) => (typeof item === 'string' ? item : isJsonObject(item) && typeof item['@value'] === 'string' ? item['@value'] : ''))
    .filter((s) => s !== '')
    .join(' ');
}

/** An object property, or an object reached through it; undefined for an IRI-only reference. */
export function objectAt(v: JsonValue | undefined): JsonObject | undefined {
  if (isJsonObject(v)) return v;
  if (Array.isArray(v)) return v.find(isJsonObject);
  return undefined;
}

export function objectsAt(v: JsonValue | undefined): JsonObject[] {
  return asArray(v).filter(isJsonObject);
}

export function stringAt(v: JsonValue | undefined): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? clip(v) : undefined;
}

/** An id (IRI string or object with id), clipped. */
export function idAt(v: JsonValue | undefined): string | undefined {
  const id = idOf(Array.isArray(v) ? v[0] : v);
  return id === undefined || id === '' ? undefined : clip(id, 500);
}

/** Largest embedded image kept (5 MB of data: URI text). */
export const MAX_IMAGE_URI = 5 * 1024 * 1024;

/** A `data:image/…` URI from an image property (string or `{id}`); remote URLs are never returned. */
export function imageDataUriOf(v: JsonValue | undefined): string | undefined {
  const uri = idOf(Array.isArray(v) ? v[0] : v); // idOf reads a string as itself
  if (uri === undefined || uri.length > MAX_IMAGE_URI) return undefined;
  return /^data:image\/(png|svg\+xml|jpeg|gif|webp)[;,]/i.test(uri.trim()) ? uri.trim() : undefined;
}

/** An ISO-like date string as found (dates are shown and compared, never rewritten). */
export function dateAt(v: JsonValue | undefined): string | null {
  if (typeof v === 'number') {
    // OB 2.0 allows a Unix timestamp; one outside Date's range (±8.64e12 s), or not finite, is no date.
    const date = new Date(v * 1000);
    return Number.isNaN(date.getTime()) ? null : date.toISOString();
  }
  if (typeof v !== 'string' || v.length > 64 || Number.isNaN(Date.parse(v))) return null;
  return v;
}
