/**
 * JSON from untrusted bytes: bounded size and depth, no prototype-polluting keys, a coded error
 * for everything else. Depth is measured on the text before parsing, so a 100,000-deep document
 * is refused in linear time without recursion.
 */
import { TsumikiError } from '../errors.ts';
import type { JsonObject, JsonValue } from '../model/credential.ts';

export interface JsonLimits {
  /** Largest JSON text accepted, in UTF-16 code units. */
  maxLength: number;
  /** Deepest nesting of objects and arrays accepted. */
  maxDepth: number;
}

export const DEFAULT_JSON_LIMITS: JsonLimits = { maxLength: 8 * 1024 * 1024, maxDepth: 64 };

const FORBIDDEN_KEYS = new Set(['__proto__']);

/** The deepest nesting in a JSON text, ignoring brackets inside strings. Stops early past `limit`. */
export function jsonDepth(text: string, limit = Infinity): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

export function parseJson(text: string, limits: Partial<JsonLimits> = {}): JsonValue {
  const { maxLength, maxDepth } = { ...DEFAULT_JSON_LIMITS, ...limits };
  if (text.length > maxLength) {
    throw new TsumikiError('INPUT_TOO_LARGE', `JSON text of ${text.length} characters exceeds ${maxLength}`, {
      data: { length: text.length, limit: maxLength },
    });
  }
  const depth = jsonDepth(text, maxDepth);
  if (depth > maxDepth) {
    throw new TsumikiError('JSON_TOO_DEEP', `JSON nests deeper than ${maxDepth} levels`, { data: { limit: maxDepth } });
  }
  let forbidden: string | undefined;
  let value: JsonValue;
  try {
    value = JSON.parse(text, (key, v: JsonValue) => {
      if (FORBIDDEN_KEYS.has(key)) forbidden = key;
      return v;
    }) as JsonValue; // why: JSON.parse returns any; the reviver saw every value and they are all JSON
  } catch (e) {
    throw new TsumikiError('JSON_MALFORMED', e instanceof Error ? e.message : 'malformed JSON', { cause: e });
  }
  if (forbidden !== undefined) {
    throw new TsumikiError('JSON_FORBIDDEN_KEY', `JSON contains the forbidden key "${forbidden}"`, {
      data: { key: forbidden },
    });
  }
  return value;
}

export function isJsonObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function parseJsonObject(text: string, limits?: Partial<JsonLimits>): JsonObject {
  const v = parseJson(text, limits);
  if (!isJsonObject(v)) throw new TsumikiError('NOT_A_CREDENTIAL', 'JSON is not an object');
  return v;
}

/** Parse without throwing: undefined for anything that is not acceptable JSON. */
export function tryParseJson(text: string, limits?: Partial<JsonLimits>): JsonValue | undefined {
  try {
    return parseJson(text, limits);
  } catch {
    return undefined;
  }
}

/** Values of a JSON-LD-ish property that may be a single value or an array. */
export function asArray(v: JsonValue | undefined): JsonValue[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

/** The `id` of a value that is either an IRI string or an object with `id`. */
export function idOf(v: JsonValue | undefined): string | undefined {
  if (typeof v === 'string') return v;
  if (isJsonObject(v) && typeof v.id === 'string') return v.id;
  return undefined;
}

export function typesOf(v: JsonValue | undefined): string[] {
  if (!isJsonObject(v)) return [];
  return asArray(v.type).filter((t): t is string => typeof t === 'string');
}
