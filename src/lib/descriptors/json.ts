/**
 * Reading untrusted JSON without surprises: only own properties (a `__proto__` key is just data),
 * string-or-array tolerance, language maps, bounded work. Nothing here throws.
 */
import type { JsonObject, JsonValue } from '../model/credential.ts';

/** At most this many items of any array are looked at. */
export const MAX_ITEMS = 200;
/** Nesting followed when turning a value into text. */
const MAX_TEXT_DEPTH = 4;

export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An own property of an object, or undefined. Never reads the prototype chain. */
export function own(o: unknown, key: string): JsonValue | undefined {
  if (!isObject(o)) return undefined;
  if (!Object.prototype.hasOwnProperty.call(o, key)) return undefined;
  const d = Object.getOwnPropertyDescriptor(o, key);
  // A getter on a hand-built object is not JSON; ignore it rather than run it.
  if (d === undefined || !('value' in d)) return undefined;
  return d.value as JsonValue; // why: own data property of a JsonObject, so a JsonValue by the type
}

/** Own keys of an object (no prototype keys), or none. */
export function ownKeys(o: unknown): string[] {
  if (!isObject(o)) return [];
  try {
    return Object.keys(o);
  } catch {
    return []; // a Proxy may throw; untrusted input never makes us throw
  }
}

/** A value as a list: absent → [], array → its first MAX_ITEMS items, anything else → [it]. */
export function asArray(v: JsonValue | undefined): readonly JsonValue[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v.length > MAX_ITEMS ? v.slice(0, MAX_ITEMS) : v;
  return [v];
}

/** Objects among a string-or-array property, with their index in the original list. */
export function objectsOf(v: JsonValue | undefined): readonly (readonly [JsonObject, number])[] {
  const out: (readonly [JsonObject, number])[] = [];
  asArray(v).forEach((x, i) => {
    if (isObject(x)) out.push([x, i]);
  });
  return out;
}

/** `[i]` after a path when the property held an array, nothing when it held a single value. */
export function indexSuffix(v: JsonValue | undefined, i: number): string {
  return Array.isArray(v) ? `[${i}]` : '';
}

const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

/**
 * Human text from a JSON value, as written: a string; a finite number; the texts of an array, one
 * per line; a JSON-LD value object (`@value`); a language map (`{"en": …, "ja": …}`), one language
 * per line. Whitespace-only text and everything else (booleans, other objects) → null.
 */
export function textOf(v: JsonValue | undefined, depth = 0): string | null {
  if (v === undefined || v === null || depth > MAX_TEXT_DEPTH) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : null;
  if (typeof v === 'boolean') return null;
  if (Array.isArray(v)) return joinTexts(asArray(v).map((x) => textOf(x, depth + 1)));
  const value = own(v, '@value');
  if (value !== undefined) return textOf(value, depth + 1);
  const keys = ownKeys(v);
  if (keys.length === 0 || keys.length > 50 || !keys.every((k) => LANGUAGE_TAG.test(k))) return null;
  return joinTexts(keys.map((k) => textOf(own(v, k), depth + 1)));
}

function joinTexts(parts: readonly (string | null)[]): string | null {
  const kept = parts.filter((p): p is string => p !== null);
  return kept.length === 0 ? null : kept.join('\n');
}

/** The `type` of an object as a list of strings (string-or-array tolerant). */
export function typesOf(o: unknown): string[] {
  return asArray(own(o, 'type')).filter((t): t is string => typeof t === 'string');
}

/** A finite number from a JSON number or a numeric string, else null. */
export function numberOf(v: JsonValue | undefined): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && /^\s*[+]?\d+(?:\.\d+)?\s*$/.test(v)) return Number(v);
  return null;
}

/** A reference that is either an IRI string or an object with an `id`. */
export function idOf(v: JsonValue | undefined): string | null {
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  const id = own(v, 'id');
  return typeof id === 'string' && id.trim() !== '' ? id : null;
}
