/**
 * OB 3.0 / CLR 2.0 JSON Schema validation against 1EdTech's published schemas, bundled (./json/, provenance
 * and the choice of variant in ./SOURCES.md) and precompiled to ./generated/validators.js by
 * src/cli/build-schemas.ts — no ajv and no eval at run time.
 *
 * Heavy (~37 kB gzipped): load it on demand, `await import('./schema/index.ts')` or `validateSchemaLazy`
 * from ./lazy.ts, so it stays off the first paint.
 *
 * Which schema: by the credential's `type` — ClrCredential → CLR 2.0 ClrCredential; else EndorsementCredential
 * → OB 3.0 EndorsementCredential; else OpenBadgeCredential / AchievementCredential → OB 3.0
 * AchievementCredential; else none (`undefined`). The bundled schemas describe VC 2.0 credentials. A VC 1.1
 * credential (its `@context` has the VC 1.1 context and not the 2.0 one) also gets `undefined`: 1EdTech checks
 * those against its separate "any…" schemas (VC 1.1 or 2.0), which are not bundled (see SOURCES.md).
 */
import type { JsonObject } from '../../model/credential.ts';
import { schemaKeyFor, type SchemaKey } from './key.ts';
import { clr2Clr, ob3Achievement, ob3Endorsement, type GeneratedSchemaError, type GeneratedValidator } from './generated/validators.js';

/** The `$id`s of the bundled schemas: what `schema` in a result names. */
export const SCHEMA_IDS = {
  ob3Achievement: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json',
  ob3Endorsement: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_endorsementcredential_schema.json',
  clr2Clr: 'https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_clrcredential_schema.json',
} as const satisfies Record<SchemaKey, string>;

export type { SchemaKey } from './key.ts';
export { schemaKeyFor };

export type SchemaResult =
  | { readonly ok: true; readonly schema: string }
  /** `pointer`: RFC 6901 JSON pointer into the credential ('' = the whole credential); `problem`: short English text. */
  | { readonly ok: false; readonly schema: string; readonly pointer: string; readonly problem: string };

const VALIDATORS: Readonly<Record<SchemaKey, GeneratedValidator>> = { ob3Achievement, ob3Endorsement, clr2Clr };

/**
 * Validates the credential's JSON against the bundled 1EdTech schema for its type. On failure, `pointer` is
 * where the most specific error is (for a missing property: where it should be, e.g.
 * `/credentialSubject/achievement`), `problem` what is wrong there.
 */
export function validateSchema(credential: JsonObject): SchemaResult | undefined {
  const key = schemaKeyFor(credential);
  if (key === undefined) return undefined;
  const validate = VALIDATORS[key];
  const schema = SCHEMA_IDS[key];
  if (validate(credential)) return { ok: true, schema };
  const { pointer, problem } = mostSpecific(validate.errors);
  return { ok: false, schema, pointer, problem };
}

interface Located {
  readonly error: GeneratedSchemaError;
  readonly pointer: string;
  readonly depth: number;
  readonly rank: number;
}

const escapeToken = (token: string): string => token.replace(/~/g, '~0').replace(/\//g, '~1');

/** Lower is more telling: a missing property or a wrong value before "wrong type", before "no alternative fits". */
function rankOf(keyword: string): number {
  if (keyword === 'required') return 0;
  if (keyword === 'type') return 2;
  if (['oneOf', 'anyOf', 'allOf', 'not', 'if', 'false schema'].includes(keyword)) return 3;
  return 1;
}

/**
 * Errors that are beside the point, used only when nothing else is reported:
 * - The JSON-LD variant lets almost every string be a language map instead (`{"en": "…", "ja": "…"}`), as a
 *   second `oneOf` alternative (`additionalProperties: {type: string}`, `propertyNames: {pattern}`). When a
 *   value is wrong, that alternative's complaints ("/issuer/type must be string", "property name 'id' is not
 *   allowed") say nothing about it.
 * - Inside `contains` ("type must include VerifiableCredential"), each item that is not the one wanted fails
 *   the inner schema; ajv keeps those item errors in some places and not in others. The `contains` error on
 *   the array is the one that means something.
 */
const BESIDE_THE_POINT = /\/additionalProperties\/|\/propertyNames(\/|$)|\/contains\//;

/**
 * ajv reports the failure of every alternative of a `oneOf` (string or language map, one object or an array
 * of them, …) before the `oneOf` itself. The error deepest in the credential says most; among those at the
 * same depth, the best-ranked; among equals, the first.
 *
 * ajv gives at least one error whenever a validator fails, so validateSchema never passes an empty list (or
 * none); for one, the answer is the whole credential, 'does not match the schema'.
 */
export function mostSpecific(all: readonly GeneratedSchemaError[] | null | undefined): { pointer: string; problem: string } {
  const given = all ?? [];
  const relevant = given.filter((e) => !BESIDE_THE_POINT.test(e.schemaPath));
  const errors = relevant.length > 0 ? relevant : given;
  let best: Located | undefined;
  for (const e of errors) {
    const missing = e.keyword === 'required' ? stringParam(e, 'missingProperty') : undefined;
    const pointer = missing === undefined ? e.instancePath : `${e.instancePath}/${escapeToken(missing)}`;
    const depth = pointer.split('/').length; // one more than the number of tokens ('' has none): only compared
    const rank = rankOf(e.keyword);
    if (!best || depth > best.depth || (depth === best.depth && rank < best.rank)) best = { error: e, pointer, depth, rank };
  }
  if (!best) return { pointer: '', problem: 'does not match the schema' };
  const problem = best.error.keyword === 'type' ? typeProblem(errors, best.pointer) : problemOf(best.error);
  return { pointer: best.pointer, problem };
}

/**
 * "must be string" from one alternative and "must be object" from another at the same place: say both, in
 * a fixed order of JSON Schema's seven types.
 */
function typeProblem(errors: readonly GeneratedSchemaError[], pointer: string): string {
  const wanted = new Set(errors.filter((e) => e.keyword === 'type' && e.instancePath === pointer).flatMap(typesOf));
  const order = ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'];
  return `must be ${[...wanted].sort((a, b) => order.indexOf(a) - order.indexOf(b)).join(' or ')}`.trimEnd();
}

function stringParam(e: GeneratedSchemaError, name: string): string | undefined {
  const v = e.params[name];
  return typeof v === 'string' ? v : undefined;
}

function numberParam(e: GeneratedSchemaError, name: string): number | undefined {
  const v = e.params[name];
  return typeof v === 'number' ? v : undefined;
}

/** The types a `type` error asks for: its `type` param, one name or a list of names. */
function typesOf(e: GeneratedSchemaError): string[] {
  const v = e.params.type;
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

const quote = (v: unknown): string => JSON.stringify(v) ?? String(v);

/** The words for one error; a `type` error's are typeProblem's (it joins the alternatives at one place). */
function problemOf(e: GeneratedSchemaError): string {
  switch (e.keyword) {
    case 'required':
      return `missing required property ${quote(stringParam(e, 'missingProperty'))}`;
    case 'format':
      return `not a valid ${stringParam(e, 'format') ?? ''}`.trimEnd();
    case 'enum': {
      const allowed = e.params.allowedValues;
      const list = Array.isArray(allowed) ? allowed.map(quote) : [];
      return list.length > 0 && list.length <= 8 ? `must be one of ${list.join(', ')}` : 'not an allowed value';
    }
    case 'const':
      return `must be ${quote(e.params.allowedValue)}`;
    case 'pattern':
      return `does not match the pattern ${stringParam(e, 'pattern') ?? ''}`.trimEnd();
    case 'contains':
      return e.instancePath.endsWith('/type') ? 'lacks a required type' : 'lacks a required value';
    case 'minItems':
      return `must have at least ${numberParam(e, 'limit') ?? '?'} item(s)`;
    case 'maxItems':
    case 'additionalItems':
      return `must have at most ${numberParam(e, 'limit') ?? '?'} item(s)`;
    case 'additionalProperties':
      return `property ${quote(stringParam(e, 'additionalProperty'))} is not allowed`;
    case 'propertyNames':
      return `property name ${quote(stringParam(e, 'propertyName'))} is not allowed`;
    case 'oneOf':
      return e.params.passingSchemas === null ? 'matches none of the allowed forms' : 'matches more than one allowed form';
    case 'anyOf':
      return 'matches none of the allowed forms';
    default:
      return `fails "${e.keyword}"`;
  }
}
