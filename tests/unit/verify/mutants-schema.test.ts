// Tests written for StrykerJS (`npm run mutate`): how a JSON Schema failure is reported (schema/index.ts:
// which schema applies, which of ajv's errors is the most telling, and its words), on synthetic ajv errors.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/lib/model/credential.ts';
import type { GeneratedSchemaError } from '../../../src/lib/verify/schema/generated/validators.js';
import { mostSpecific, schemaKeyFor, SCHEMA_IDS, validateSchema } from '../../../src/lib/verify/schema/index.ts';

const err = (keyword: string, instancePath: string, params: Record<string, unknown> = {}, schemaPath = `#/properties/x/${keyword}`): GeneratedSchemaError => ({ keyword, instancePath, params, schemaPath });
const one = (e: GeneratedSchemaError) => mostSpecific([e]);

describe('which schema', () => {
  it('by type; VC 1.1 only (no VC 2.0 context) has none', () => {
    const v2 = 'https://www.w3.org/ns/credentials/v2';
    const v1 = 'https://www.w3.org/2018/credentials/v1';
    expect(schemaKeyFor({ '@context': [v2], type: ['VerifiableCredential', 'ClrCredential', 'EndorsementCredential'] })).toBe('clr2Clr');
    expect(schemaKeyFor({ '@context': [v2], type: ['EndorsementCredential', 'OpenBadgeCredential'] })).toBe('ob3Endorsement');
    expect(schemaKeyFor({ '@context': [v2], type: ['OpenBadgeCredential'] })).toBe('ob3Achievement');
    expect(schemaKeyFor({ '@context': [v2], type: ['AchievementCredential'] })).toBe('ob3Achievement');
    expect(schemaKeyFor({ '@context': [v2], type: ['VerifiableCredential'] })).toBeUndefined();
    expect(schemaKeyFor({ '@context': [v1], type: ['OpenBadgeCredential'] })).toBeUndefined();
    expect(schemaKeyFor({ '@context': [v1, v2], type: ['OpenBadgeCredential'] })).toBe('ob3Achievement');
    expect(validateSchema({ '@context': [v2], type: ['VerifiableCredential'] })).toBeUndefined();
  });

  it('a failing credential names the schema, the pointer and the problem', () => {
    const result = validateSchema({ '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential', 'OpenBadgeCredential'] });
    expect(result).toMatchObject({ ok: false, schema: SCHEMA_IDS.ob3Achievement });
    expect(result && !result.ok && result.problem).toMatch(/^missing required property "/);
  });
});

describe('the words for each kind of failure', () => {
  it.each([
    [err('required', '/issuer', { missingProperty: 'id' }), '/issuer/id', 'missing required property "id"'],
    [err('required', '', { missingProperty: 'a/b~c' }), '/a~1b~0c', 'missing required property "a/b~c"'],
    [err('type', '/name', { type: 'string' }), '/name', 'must be string'],
    [err('type', '/name', { type: ['string', 'array'] }), '/name', 'must be string or array'],
    [err('format', '/validFrom', { format: 'date-time' }), '/validFrom', 'not a valid date-time'],
    [err('format', '/validFrom', {}), '/validFrom', 'not a valid'],
    [err('enum', '/x', { allowedValues: ['a', 'b'] }), '/x', 'must be one of "a", "b"'],
    [err('enum', '/x', { allowedValues: Array.from({ length: 9 }, (_, i) => i) }), '/x', 'not an allowed value'],
    [err('enum', '/x', { allowedValues: Array.from({ length: 8 }, (_, i) => i) }), '/x', 'must be one of 0, 1, 2, 3, 4, 5, 6, 7'],
    [err('enum', '/x', { allowedValues: [] }), '/x', 'not an allowed value'],
    [err('enum', '/x', {}), '/x', 'not an allowed value'],
    [err('const', '/x', { allowedValue: 'Profile' }), '/x', 'must be "Profile"'],
    [err('pattern', '/x', { pattern: '^z' }), '/x', 'does not match the pattern ^z'],
    [err('pattern', '/x', {}), '/x', 'does not match the pattern'],
    [err('contains', '/type'), '/type', 'lacks a required type'],
    [err('contains', '/tags'), '/tags', 'lacks a required value'],
    [err('minItems', '/x', { limit: 1 }), '/x', 'must have at least 1 item(s)'],
    [err('minItems', '/x', {}), '/x', 'must have at least ? item(s)'],
    [err('maxItems', '/x', { limit: 2 }), '/x', 'must have at most 2 item(s)'],
    [err('additionalItems', '/x', { limit: 3 }), '/x', 'must have at most 3 item(s)'],
    [err('additionalItems', '/x', {}), '/x', 'must have at most ? item(s)'],
    [err('additionalProperties', '/x', { additionalProperty: 'foo' }), '/x', 'property "foo" is not allowed'],
    [err('propertyNames', '/x', { propertyName: 'bar' }), '/x', 'property name "bar" is not allowed'],
    [err('oneOf', '/x', { passingSchemas: null }), '/x', 'matches none of the allowed forms'],
    [err('oneOf', '/x', { passingSchemas: [0, 1] }), '/x', 'matches more than one allowed form'],
    [err('anyOf', '/x'), '/x', 'matches none of the allowed forms'],
    [err('uniqueItems', '/x'), '/x', 'fails "uniqueItems"'],
  ] as Array<[GeneratedSchemaError, string, string]>)('%j', (e, pointer, problem) => {
    expect(one(e)).toEqual({ pointer, problem });
  });
});

describe('the most telling error', () => {
  it('none (ajv always gives one for a failure, so only a direct call): the whole credential', () => {
    for (const none of [[], null, undefined]) expect(mostSpecific(none)).toEqual({ pointer: '', problem: 'does not match the schema' });
  });

  it('the deepest wins; at one depth, required before a value, before a type, before "no form fits"', () => {
    expect(mostSpecific([err('oneOf', '/a/b', { passingSchemas: null }), err('const', '/a', { allowedValue: 1 })])).toEqual({ pointer: '/a/b', problem: 'matches none of the allowed forms' });
    expect(mostSpecific([err('anyOf', '/a'), err('type', '/a', { type: 'object' }), err('const', '/a', { allowedValue: 1 }), err('required', '', { missingProperty: 'a' })])).toEqual({ pointer: '/a', problem: 'missing required property "a"' });
    expect(mostSpecific([err('anyOf', '/a'), err('type', '/a', { type: 'object' }), err('const', '/a', { allowedValue: 1 })])).toEqual({ pointer: '/a', problem: 'must be 1' });
    expect(mostSpecific([err('anyOf', '/a'), err('type', '/a', { type: 'object' })])).toEqual({ pointer: '/a', problem: 'must be object' });
    for (const k of ['oneOf', 'anyOf', 'allOf', 'not', 'if', 'false schema']) {
      expect(mostSpecific([err(k, '/a', { passingSchemas: null }), err('type', '/a', { type: 'object' })])).toEqual({ pointer: '/a', problem: 'must be object' });
    }
    // Among equals, the first.
    expect(mostSpecific([err('const', '/a', { allowedValue: 1 }), err('const', '/b', { allowedValue: 2 })])).toEqual({ pointer: '/a', problem: 'must be 1' });
  });

  it('two "must be" from two alternatives at the same place: both, in a fixed order', () => {
    expect(mostSpecific([err('type', '/n', { type: 'object' }), err('type', '/n', { type: 'string' }), err('type', '/other', { type: 'null' })])).toEqual({ pointer: '/n', problem: 'must be string or object' });
    expect(mostSpecific([err('type', '/n', { type: ['null', 'array'] }), err('type', '/n', { type: 'boolean' })])).toEqual({ pointer: '/n', problem: 'must be boolean or array or null' });
    expect(mostSpecific([err('type', '/n', { type: 'integer' }), err('type', '/n', { type: 'number' })])).toEqual({ pointer: '/n', problem: 'must be number or integer' });
  });

  it('complaints of the language-map alternative and of contains items are beside the point, unless there is nothing else', () => {
    const aside = [
      err('type', '/name/x', { type: 'string' }, '#/oneOf/1/additionalProperties/type'),
      err('pattern', '/name/y', { pattern: '^[a-z]' }, '#/oneOf/1/propertyNames/pattern'),
      err('const', '/type/0', { allowedValue: 'X' }, '#/properties/type/contains/const'),
      err('pattern', '/name', { pattern: '^[a-z]' }, '#/oneOf/1/propertyNames'),
    ];
    expect(mostSpecific([...aside, err('type', '/name', { type: 'string' })])).toEqual({ pointer: '/name', problem: 'must be string' });
    expect(mostSpecific(aside)).toEqual({ pointer: '/name/y', problem: 'does not match the pattern ^[a-z]' });
  });
});

describe('mutants: schema/index.ts', () => {
  // JSON Schema's seven types, asked for in reverse: said in one fixed order.
  it('the types a value may have, in the order string, number, integer, boolean, object, array, null', () => {
    expect(one(err('type', '/n', { type: ['null', 'array', 'object', 'boolean', 'integer', 'number', 'string'] }))).toEqual({ pointer: '/n', problem: 'must be string or number or integer or boolean or object or array or null' });
    expect(mostSpecific([err('type', '/n', { type: 'boolean' }), err('type', '/n', { type: 'number' }), err('type', '/n', { type: 'string' })])).toEqual({ pointer: '/n', problem: 'must be string or number or boolean' });
  });

  it('only a "required" error points below its instance: another keyword naming a missingProperty stays where it is', () => {
    // ajv's dependentRequired error: {property, missingProperty, depsCount, deps}.
    expect(one(err('dependentRequired', '/issuer', { property: 'a', missingProperty: 'b', depsCount: 1, deps: 'b' }))).toEqual({ pointer: '/issuer', problem: 'fails "dependentRequired"' });
  });

  it('params of the wrong kind are left out of the words, never printed as they are', () => {
    expect(one(err('format', '/x', { format: 5 }))).toEqual({ pointer: '/x', problem: 'not a valid' });
    expect(one(err('minItems', '/x', { limit: '1' }))).toEqual({ pointer: '/x', problem: 'must have at least ? item(s)' });
    expect(one(err('type', '/x', { type: ['string', 5, null] }))).toEqual({ pointer: '/x', problem: 'must be string' });
    expect(one(err('type', '/x', { type: 5 }))).toEqual({ pointer: '/x', problem: 'must be' });
    expect(one(err('type', '/x', {}))).toEqual({ pointer: '/x', problem: 'must be' });
  });
});

describe('mutants: schema/index.ts — what the user sees for one broken field of a real OB 3.0 credential', () => {
  const base = JSON.parse(readFileSync(new URL('../../fixtures/ob3/spec/ldp-test-vector-ob-signed.json', import.meta.url), 'utf8')) as JsonObject;
  const subject = (c: JsonObject) => c.credentialSubject as JsonObject;
  const achievement = (c: JsonObject) => subject(c).achievement as JsonObject;

  it('the fixture itself passes', () => {
    expect(validateSchema(base)).toEqual({ ok: true, schema: SCHEMA_IDS.ob3Achievement });
  });

  it.each<readonly [string, (c: JsonObject) => void, string, string]>([
    ['a subject type without AchievementSubject', (c) => void (subject(c).type = ['Foo']), '/credentialSubject/type', 'lacks a required type'],
    ['a name that is a number (string or language map)', (c) => void (c.name = 5), '/name', 'must be string or object'],
    ['an @context that is a number', (c) => void (c['@context'] = 5), '/@context', 'must be string or object or array'],
    ['creditsAvailable as text', (c) => void (achievement(c).creditsAvailable = '3'), '/credentialSubject/achievement/creditsAvailable', 'must be number'],
    ['an identifier with hashed as text', (c) => void (subject(c).identifier = [{ type: 'IdentityObject', hashed: 'yes', identityHash: 'x', identityType: 'emailAddress' }]), '/credentialSubject/identifier/0/hashed', 'must be boolean'],
    ['an achievement without criteria', (c) => void delete achievement(c).criteria, '/credentialSubject/achievement/criteria', 'missing required property "criteria"'],
  ])('%s', (_name, breakIt, pointer, problem) => {
    const c = structuredClone(base);
    breakIt(c);
    expect(validateSchema(c)).toEqual({ ok: false, schema: SCHEMA_IDS.ob3Achievement, pointer, problem });
  });
});
