/**
 * JSON from untrusted bytes: bounded size, depth, values per array and values in all, no
 * prototype-polluting keys, a coded error for everything else. The shape is measured on the text
 * before parsing, in one linear pass without recursion that stops at the first limit passed, so a
 * 100,000-deep document or a 32,000-value array is refused in milliseconds, before JSON.parse and
 * long before any JSON-LD work (jsonld.js grows quadratically with the values of one property, and
 * RDF canonicalization costs tens of microseconds per blank node: see README "Limits on untrusted input").
 */
import { TsumikiError } from '../errors.ts';
import type { JsonObject, JsonValue } from '../model/credential.ts';

export interface JsonLimits {
  /** Largest JSON text accepted, in UTF-16 code units. */
  maxLength: number;
  /** Deepest nesting of objects and arrays accepted. */
  maxDepth: number;
  /** Most values one array may hold. */
  maxArrayLength: number;
  /** Most values in the whole document: objects, arrays, strings, numbers, booleans and nulls (keys are not values). */
  maxNodes: number;
}

/**
 * Most values one array of untrusted JSON may hold. jsonld.js compares each new value of a property
 * with every value already there, so one array of n values costs ~n² (32,000 tags took ~25 s); the
 * work of a whole document grows with this bound times MAX_JSON_NODES. Measured with both bounds at
 * their limits, in CPU time on a 2-core machine: 2.2 s for 45 credentials of 990 tags each, 3.3 s for
 * 10 of 990 result descriptions each (4 credentials of 9,990 tags took 17.6 s with no array bound).
 * A credential lists tens of things; a longer 1EdTech / OB 2.0 revocation list is refused as unreadable
 * (the status check is then not-checked, never passed).
 */
export const MAX_ARRAY_LENGTH = 1_000;
/**
 * Most values an untrusted JSON document may hold in all (a presentation counts everything it holds).
 * RDF canonicalization costs tens of microseconds per value; a large credential holds a few thousand.
 */
export const MAX_JSON_NODES = 50_000;

export const DEFAULT_JSON_LIMITS: JsonLimits = {
  maxLength: 8 * 1024 * 1024,
  maxDepth: 64,
  maxArrayLength: MAX_ARRAY_LENGTH,
  maxNodes: MAX_JSON_NODES,
};

const FORBIDDEN_KEYS = new Set(['__proto__']);
const mayHoldForbiddenKey = (text: string) => text.includes('\\u') || [...FORBIDDEN_KEYS].some((k) => text.includes(k));

/** What `measureJson` found: the shape of a JSON text, or the first limit it passes. */
export interface JsonShape {
  /** Deepest nesting of objects and arrays (as far as the scan went). */
  readonly depth: number;
  /** Values counted (as far as the scan went). */
  readonly nodes: number;
  /** Most values in one array (as far as the scan went). */
  readonly longestArray: number;
  /** The first limit passed, where the scan stopped; undefined when the text is within every limit. */
  readonly exceeded?: 'depth' | 'array' | 'nodes';
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * The shape of a JSON text in one pass, ignoring everything inside strings, stopping at the first
 * limit passed. For valid JSON, values = 1 (the root) + one per member of every container, and a
 * container with n > 0 members holds n - 1 commas: so each comma and each non-empty container adds
 * one value. Malformed text gives some count; JSON.parse refuses it afterwards anyway.
 */
export function measureJson(text: string, limits: Partial<Pick<JsonLimits, 'maxDepth' | 'maxArrayLength' | 'maxNodes'>> = {}): JsonShape {
  const maxDepth = limits.maxDepth ?? Infinity;
  const maxArray = limits.maxArrayLength ?? Infinity;
  const maxNodes = limits.maxNodes ?? Infinity;
  // Per open container: 1 for an array, 0 for an object; and the array's values so far.
  const isArray: number[] = [];
  const counts: number[] = [];
  let depth = 0;
  let maxSeen = 0;
  let nodes = 1;
  let longest = 0;
  let opened = false; // the previous significant character opened a container
  let inString = false;
  const shape = (exceeded?: JsonShape['exceeded']): JsonShape =>
    exceeded === undefined ? { depth: maxSeen, nodes, longestArray: longest } : { depth: maxSeen, nodes, longestArray: longest, exceeded };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (isSpace(c)) continue;
    if (opened) {
      opened = false;
      if (c !== 0x7d && c !== 0x5d) {
        // The container just opened is not empty: its first member is a value.
        if (++nodes > maxNodes) return shape('nodes');
        if (isArray[depth - 1] === 1) {
          counts[depth - 1] = 1;
          if (longest < 1) {
            longest = 1;
            if (longest > maxArray) return shape('array');
          }
        }
      }
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > maxSeen) {
        maxSeen = depth;
        if (maxSeen > maxDepth) return shape('depth');
      }
      isArray[depth - 1] = c === 0x5b ? 1 : 0;
      counts[depth - 1] = 0;
      opened = true;
    } else if (c === 0x7d || c === 0x5d) {
      if (depth > 0) depth--;
    } else if (c === 0x2c) {
      if (++nodes > maxNodes) return shape('nodes');
      if (isArray[depth - 1] === 1) { // at depth 0, isArray[-1] is undefined
        const n = (counts[depth - 1] ?? 0) + 1;
        counts[depth - 1] = n;
        if (n > longest) {
          longest = n;
          if (n > maxArray) return shape('array');
        }
      }
    }
  }
  return shape();
}

/** The deepest nesting in a JSON text, ignoring brackets inside strings. Stops early past `limit`. */
export function jsonDepth(text: string, limit = Infinity): number {
  return measureJson(text, { maxDepth: limit }).depth;
}

export function parseJson(text: string, limits: Partial<JsonLimits> = {}): JsonValue {
  const all = { ...DEFAULT_JSON_LIMITS, ...limits };
  const { maxLength, maxDepth, maxArrayLength, maxNodes } = all;
  if (text.length > maxLength) {
    throw new TsumikiError('INPUT_TOO_LARGE', `JSON text of ${text.length} characters exceeds ${maxLength}`, {
      data: { length: text.length, limit: maxLength },
    });
  }
  const shape = measureJson(text, all);
  if (shape.exceeded === 'depth') {
    throw new TsumikiError('JSON_TOO_DEEP', `JSON nests deeper than ${maxDepth} levels`, { data: { limit: maxDepth } });
  }
  if (shape.exceeded === 'array') {
    throw new TsumikiError('JSON_ARRAY_TOO_LONG', `a JSON array holds more than ${maxArrayLength} values`, {
      data: { limit: maxArrayLength },
    });
  }
  if (shape.exceeded === 'nodes') {
    throw new TsumikiError('JSON_TOO_MANY_VALUES', `JSON holds more than ${maxNodes} values`, { data: { limit: maxNodes } });
  }
  let forbidden: string | undefined;
  let value: JsonValue;
  try {
    // A key can only be "__proto__" when the text spells it out or writes a \u escape; without
    // either there is nothing to look for, and JSON.parse without a reviver is several times faster.
    value = (mayHoldForbiddenKey(text)
      ? JSON.parse(text, (key, v: JsonValue) => {
          if (FORBIDDEN_KEYS.has(key)) forbidden = key;
          return v;
        })
      : JSON.parse(text)) as JsonValue; // why: JSON.parse returns any; the text is JSON (with the reviver, it saw every value)
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

/** The types an object names, by `type` or by the JSON-LD keyword `@type` it aliases. */
export function typesOf(v: JsonValue | undefined): string[] {
  if (!isJsonObject(v)) return [];
  return asArray(v.type ?? v['@type']).filter((t): t is string => typeof t === 'string');
}
