/**
 * Reading the small parts of a pathway (text by language, issuer and level constraints, matchers,
 * conditions) from untrusted JSON, with a coded error and a JSON pointer for every problem. No
 * schema compiler: the app's CSP forbids eval, and hand checks give more specific errors.
 */
import type { JsonValue } from '../model/credential.ts';
import { isObject, own, ownKeys } from '../descriptors/json.ts';
import type { Conditions, IssuerConstraint, LangMap, LevelConstraint, Matcher } from './pathway.ts';

export const PATHWAY_ERROR_CODES = [
  'JSON_INVALID', //           the text is not acceptable JSON (data.error: the parser's code)
  'NOT_AN_OBJECT', //          the document (or a part that must be one) is not a JSON object
  'VERSION_UNSUPPORTED', //    pathwayVersion is not 1
  'REQUIRED', //               a required property is missing
  'WRONG_TYPE', //             a property has the wrong JSON type (data.expected)
  'UNKNOWN_PROPERTY', //       a property this version does not define (a typo, usually)
  'UNKNOWN_KIND', //           a requirement kind other than achievement, allOf, atLeast, credits
  'UNKNOWN_UNIT', //           a unit other than ECTS, UCTS, 単位, US-semester, hours
  'UNKNOWN_VALUE', //          a value outside its list (basis, conversion)
  'EMPTY', //                  an empty text, list or language map
  'OUT_OF_RANGE', //           a number outside its range (data.min / data.max)
  'N_TOO_LARGE', //            atLeast n is more than the requirements listed
  'CAP_BELOW_MIN', //          a credits cap below its minimum: the requirement could never be met
  'DUPLICATE_ID', //           two requirements with the same id
  'LANGUAGE_TAG_INVALID', //   a key of a language map is not a BCP 47 tag
  'MATCH_EMPTY', //            a matcher that names no achievement id, alignment or title
  'MATCH_AMBIGUOUS', //        a matcher that names more than one of them (use a list of matchers)
  'TITLE_NEEDS_ISSUER', //     matching by title needs an issuer too
  'LEVEL_EMPTY', //            a level constraint with neither words nor a range
  'NOT_CREDITS', //            a credits node's `of` holds something other than credits nodes
  'MATCH_AND_OF', //           a credits node with both `match` and `of`
  'TOO_DEEP', //               requirements nest deeper than MAX_DEPTH
  'TOO_MANY', //               more than MAX_NODES requirements, or a list longer than MAX_LIST
  'TEXT_TOO_LONG', //          a text longer than MAX_TEXT
] as const;
export type PathwayErrorCode = (typeof PATHWAY_ERROR_CODES)[number];

export interface PathwayError {
  readonly code: PathwayErrorCode;
  /** JSON pointer to the offending value (`/requirement/of/2/n`); '' for the document. */
  readonly path: string;
  readonly data?: Readonly<Record<string, string | number>>;
}

export const MAX_DEPTH = 24;
export const MAX_NODES = 2000;
export const MAX_LIST = 500;
export const MAX_TEXT = 2000;
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

const escape = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');
export const at = (path: string, key: string | number): string => `${path}/${typeof key === 'number' ? key : escape(key)}`;

export class Reader {
  readonly errors: PathwayError[] = [];

  fail(code: PathwayErrorCode, path: string, data?: Readonly<Record<string, string | number>>): void {
    if (this.errors.length < 100) this.errors.push(data === undefined ? { code, path } : { code, path, data });
  }

  /** The object's keys outside `allowed` are errors. */
  only(o: JsonValue, path: string, allowed: readonly string[]): void {
    for (const k of ownKeys(o)) if (!allowed.includes(k)) this.fail('UNKNOWN_PROPERTY', at(path, k), { property: k });
  }

  text(v: JsonValue | undefined, path: string, required: boolean): string | null {
    if (v === undefined) {
      if (required) this.fail('REQUIRED', path);
      return null;
    }
    if (typeof v !== 'string') return this.wrong(path, 'string');
    if (v.trim() === '') return (this.fail('EMPTY', path), null);
    if (v.length > MAX_TEXT) return (this.fail('TEXT_TOO_LONG', path, { max: MAX_TEXT }), null);
    return v.trim();
  }

  /** A string or a list of strings, as a non-empty list. */
  texts(v: JsonValue | undefined, path: string): string[] {
    if (v === undefined) return [];
    const list = Array.isArray(v) ? v : [v];
    if (list.length === 0) return (this.fail('EMPTY', path), []);
    if (list.length > MAX_LIST) return (this.fail('TOO_MANY', path, { max: MAX_LIST }), []);
    return list.flatMap((x, i) => this.text(x, Array.isArray(v) ? at(path, i) : path, true) ?? []);
  }

  number(v: JsonValue | undefined, path: string, range: { min: number; max?: number; integer?: boolean; exclusiveMin?: boolean }): number | null {
    if (v === undefined) return null;
    if (typeof v !== 'number' || !Number.isFinite(v)) return this.wrong(path, range.integer ? 'integer' : 'number');
    if (range.integer && !Number.isInteger(v)) return this.wrong(path, 'integer');
    const low = range.exclusiveMin ? v <= range.min : v < range.min;
    if (low || (range.max !== undefined && v > range.max)) {
      return (this.fail('OUT_OF_RANGE', path, { min: range.min, ...(range.max === undefined ? {} : { max: range.max }) }), null);
    }
    return v;
  }

  boolean(v: JsonValue | undefined, path: string): boolean | null {
    if (v === undefined) return null;
    return typeof v === 'boolean' ? v : this.wrong(path, 'boolean');
  }

  oneOf<T extends string>(v: JsonValue | undefined, path: string, values: readonly T[], code: PathwayErrorCode = 'UNKNOWN_VALUE'): T | null {
    if (v === undefined) return null;
    if (typeof v !== 'string') return this.wrong(path, 'string');
    const found = values.find((x) => x === v.trim());
    if (found === undefined) this.fail(code, path, { value: v.slice(0, 100), allowed: values.join(', ') });
    return found ?? null;
  }

  wrong(path: string, expected: string): null {
    this.fail('WRONG_TYPE', path, { expected });
    return null;
  }

  /** `{ "en": "…", "ja": "…" }`, or a plain string (language unknown: `und`). */
  langMap(v: JsonValue | undefined, path: string, required: boolean): LangMap | null {
    if (v === undefined) {
      if (required) this.fail('REQUIRED', path);
      return null;
    }
    if (typeof v === 'string') {
      const t = this.text(v, path, true);
      return t === null ? null : { und: t };
    }
    if (!isObject(v)) return this.wrong(path, 'object or string');
    const out: Record<string, string> = {};
    const keys = ownKeys(v);
    if (keys.length === 0) return (this.fail('EMPTY', path), null);
    for (const k of keys) {
      if (!LANGUAGE_TAG.test(k)) this.fail('LANGUAGE_TAG_INVALID', at(path, k), { tag: k.slice(0, 50) });
      const t = this.text(own(v, k), at(path, k), true);
      if (t !== null && LANGUAGE_TAG.test(k)) out[k] = t;
    }
    return Object.keys(out).length === 0 ? null : out;
  }

  issuer(v: JsonValue | undefined, path: string): IssuerConstraint | undefined {
    if (v === undefined) return undefined;
    if (!isObject(v)) return this.wrong(path, 'object') ?? undefined;
    this.only(v, path, ['id', 'idStartsWith', 'name']);
    const c = { id: this.texts(own(v, 'id'), at(path, 'id')), idStartsWith: this.texts(own(v, 'idStartsWith'), at(path, 'idStartsWith')), name: this.texts(own(v, 'name'), at(path, 'name')) };
    if (c.id.length + c.idStartsWith.length + c.name.length === 0) this.fail('EMPTY', path);
    return c;
  }

  level(v: JsonValue | undefined, path: string): LevelConstraint | undefined {
    if (v === undefined) return undefined;
    if (!isObject(v)) return this.wrong(path, 'object') ?? undefined;
    this.only(v, path, ['anyOf', 'framework', 'min', 'max']);
    const c: LevelConstraint = {
      anyOf: this.texts(own(v, 'anyOf'), at(path, 'anyOf')),
      framework: this.text(own(v, 'framework'), at(path, 'framework'), false),
      min: this.number(own(v, 'min'), at(path, 'min'), { min: 0 }),
      max: this.number(own(v, 'max'), at(path, 'max'), { min: 0 }),
    };
    if (c.anyOf.length === 0 && c.min === null && c.max === null && own(v, 'min') === undefined && own(v, 'max') === undefined) this.fail('LEVEL_EMPTY', path);
    if (c.min !== null && c.max !== null && c.max < c.min) this.fail('OUT_OF_RANGE', at(path, 'max'), { min: c.min });
    return c;
  }

  conditions(v: JsonValue | undefined, path: string): Conditions {
    if (v === undefined) return {};
    if (!isObject(v)) return this.wrong(path, 'object') ?? {};
    this.only(v, path, ['issuer', 'level', 'earnedWithinYears', 'achievementType', 'microCredential']);
    const issuer = this.issuer(own(v, 'issuer'), at(path, 'issuer'));
    const level = this.level(own(v, 'level'), at(path, 'level'));
    const years = this.number(own(v, 'earnedWithinYears'), at(path, 'earnedWithinYears'), { min: 0, max: 200, exclusiveMin: true });
    const types = own(v, 'achievementType') === undefined ? null : this.texts(own(v, 'achievementType'), at(path, 'achievementType'));
    const mc = this.boolean(own(v, 'microCredential'), at(path, 'microCredential'));
    return {
      ...(issuer ? { issuer } : {}),
      ...(level ? { level } : {}),
      ...(years === null ? {} : { earnedWithinYears: years }),
      ...(types === null ? {} : { achievementType: types }),
      ...(mc === null ? {} : { microCredential: mc }),
    };
  }

  /** One matcher object, or a list of them (any one suffices). */
  matchers(v: JsonValue | undefined, path: string, required: boolean): Matcher[] {
    if (v === undefined) {
      if (required) this.fail('REQUIRED', path);
      return [];
    }
    const list = Array.isArray(v) ? v : [v];
    if (list.length === 0) return (this.fail('EMPTY', path), []);
    if (list.length > MAX_LIST) return (this.fail('TOO_MANY', path, { max: MAX_LIST }), []);
    return list.flatMap((m, i) => this.matcher(m, Array.isArray(v) ? at(path, i) : path) ?? []);
  }

  private matcher(m: JsonValue, path: string): Matcher | null {
    const found = this.matcherWay(m, path);
    const credit = isObject(m) ? this.number(own(m, 'credit'), at(path, 'credit'), { min: 0, max: 1e6 }) : null;
    return found === null || credit === null ? found : { ...found, credit };
  }

  private matcherWay(m: JsonValue, path: string): Matcher | null {
    if (!isObject(m)) return this.wrong(path, 'object');
    this.only(m, path, ['achievementId', 'alignment', 'title', 'issuer', 'credit']);
    const ways = ['achievementId', 'alignment', 'title'].filter((k) => own(m, k) !== undefined);
    if (ways.length === 0) return (this.fail('MATCH_EMPTY', path), null);
    if (ways.length > 1) return (this.fail('MATCH_AMBIGUOUS', path, { found: ways.join(', ') }), null);
    if (ways[0] === 'achievementId') {
      if (own(m, 'issuer') !== undefined) this.fail('UNKNOWN_PROPERTY', at(path, 'issuer'), { property: 'issuer' });
      const id = this.text(own(m, 'achievementId'), at(path, 'achievementId'), true);
      return id === null ? null : { by: 'achievementId', achievementId: id };
    }
    if (ways[0] === 'alignment') {
      if (own(m, 'issuer') !== undefined) this.fail('UNKNOWN_PROPERTY', at(path, 'issuer'), { property: 'issuer' });
      const a = own(m, 'alignment');
      const p = at(path, 'alignment');
      if (!isObject(a)) return this.wrong(p, 'object');
      this.only(a, p, ['targetCode', 'targetUrl', 'targetFramework']);
      const targetCode = this.text(own(a, 'targetCode'), at(p, 'targetCode'), false);
      const targetUrl = this.text(own(a, 'targetUrl'), at(p, 'targetUrl'), false);
      const targetFramework = this.text(own(a, 'targetFramework'), at(p, 'targetFramework'), false);
      if (targetCode === null && targetUrl === null) return (this.fail('MATCH_EMPTY', p), null);
      return { by: 'alignment', targetCode, targetUrl, targetFramework };
    }
    const title = this.texts(own(m, 'title'), at(path, 'title'));
    if (own(m, 'issuer') === undefined) return (this.fail('TITLE_NEEDS_ISSUER', path), null);
    const issuer = this.issuer(own(m, 'issuer'), at(path, 'issuer'));
    return title.length === 0 || issuer === undefined ? null : { by: 'title', title, issuer };
  }
}
