/**
 * OB 3.0 / CLR 2.0 JSON Schema validation (issue 11): the bundled 1EdTech schemas, precompiled by
 * src/cli/build-schemas.ts into src/lib/verify/schema/generated/validators.js.
 *
 * - the committed generated files are exactly what the generator writes now, and hold no eval, new Function
 *   or require;
 * - every fixture that parses to a credential has its expected outcome below (a new fixture without one fails),
 *   and the public demo badges pass;
 * - the mutations the brief names fail at the right JSON pointer;
 * - the generated code gives the same answer as ajv compiling the published schema files as they are
 *   (so the generator's size-saving rewrites change nothing);
 * - JSON-LD compaction (one value instead of an array, a language map instead of a string) is accepted, as
 *   the JSON-LD variant intends.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { describe, expect, it, test } from 'vitest';
import { generate, SCHEMAS } from '../../../src/cli/build-schemas.ts';
import { parseInput } from '../../../src/lib/formats/parse.ts';
import type { JsonObject } from '../../../src/lib/model/credential.ts';
import { formats, isDate, isDateTime } from '../../../src/lib/verify/schema/formats.ts';
import type { GeneratedSchemaError } from '../../../src/lib/verify/schema/generated/validators.js';
import { mostSpecific, SCHEMA_IDS, schemaKeyFor, validateSchema, type SchemaKey } from '../../../src/lib/verify/schema/index.ts';
import { validateSchemaLazy } from '../../../src/lib/verify/schema/lazy.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURES = ROOT + 'tests/fixtures/';
const SCHEMA_DIR = ROOT + 'src/lib/verify/schema/';

function fixtureFiles(dir = ''): string[] {
  return readdirSync(FIXTURES + dir)
    .sort()
    .flatMap((name) => {
      const rel = dir + name;
      if (statSync(FIXTURES + rel).isDirectory()) return ['contexts', 'schemas'].includes(name) || ['descriptors', 'generated'].includes(rel) ? [] : fixtureFiles(rel + '/');
      return name.endsWith('.md') ? [] : [rel];
    });
}

/** The credentials a file holds, or none when it is not a credential (the parser refuses it, or it is a URL). */
function credentialsIn(path: string): JsonObject[] {
  try {
    const o = parseInput(new Uint8Array(readFileSync(path)));
    return o.kind === 'credentials' ? o.input.credentials.map((c) => c.credential) : [];
  } catch {
    return [];
  }
}

const clone = (o: JsonObject): JsonObject => structuredClone(o);
const fixture = (rel: string): JsonObject => {
  const c = credentialsIn(FIXTURES + rel)[0];
  if (!c) throw new Error(`${rel}: no credential`);
  return c;
};

describe('generated validators', () => {
  it('are what `npm run schemas` writes now (run it after changing a schema, ajv or the generator)', () => {
    const { js, dts } = generate();
    expect(readFileSync(SCHEMA_DIR + 'generated/validators.js', 'utf8') === js, 'validators.js is stale: npm run schemas').toBe(true);
    expect(readFileSync(SCHEMA_DIR + 'generated/validators.d.ts', 'utf8')).toBe(dts);
  });

  it('need no eval and nothing from ajv at run time (strict CSP)', () => {
    const js = readFileSync(SCHEMA_DIR + 'generated/validators.js', 'utf8');
    const code = js.replace(/^\/\/.*$/gm, ''); // the header comment names what the code must not do
    expect(code).not.toMatch(/\beval\(|new Function|\bFunction\(|\brequire\(|from ['"]ajv/);
    expect([...js.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1])).toEqual(['../formats.ts']);
    expect(js.startsWith('// GENERATED FILE')).toBe(true);
  });

  it('bundle one schema per credential kind, each as published (same $id)', () => {
    for (const [key, file] of Object.entries(SCHEMAS)) {
      const schema = JSON.parse(readFileSync(SCHEMA_DIR + 'json/' + file, 'utf8')) as { $id: string };
      expect(schema.$id).toBe(SCHEMA_IDS[key as SchemaKey]);
    }
  });
});

describe('formats', () => {
  test.each([
    ['2010-01-01T00:00:00Z', true],
    ['2010-01-01T19:23:24.123+09:00', true],
    ['2010-01-01t00:00:00z', true],
    ['2016-12-31T23:59:60Z', true],
    ['2017-01-01T08:59:60+09:00', true],
    ['2017-01-01T12:00:60Z', false],
    ['2010-01-01 00:00:00Z', false],
    ['2010-01-01T00:00:00', false],
    ['2010-01-01T00:00Z', false],
    ['2010-02-30T00:00:00Z', false],
    ['2024-02-29T00:00:00Z', true],
    ['2023-02-29T00:00:00Z', false],
    ['2010-01-01T24:00:00Z', false],
    ['2010-01-01T00:00:00+24:00', false],
    ['2010-01-01', false],
    ['', false],
    // Anchored at both ends; fractions of any length, digits only; a sign and two-digit hours and minutes in an offset.
    ['x2010-01-01T00:00:00Z', false],
    ['2010-01-01T00:00:00Zx', false],
    ['2010-01-01T00:00:00+09:00x', false],
    ['2010-01-01T00:00:00.5Z', true],
    ['2010-01-01T00:00:00.123456789Z', true],
    ['2010-01-01T00:00:00.Z', false],
    ['2010-01-01T00:00:00.xZ', false],
    ['2010-01-01T00:00:00x09:00', false],
    ['2010-01-01T00:00:00+9:00', false],
    ['2010-01-01T00:00:00+09:0', false],
    ['2010-01-01T00:00:00+0a:00', false],
    ['2010-01-01T00:00:00+09:0a', false],
    // Field ranges: minutes to 59, seconds to 60 (leap only), offset hours to 23, offset minutes to 59.
    ['2010-01-01T00:59:59Z', true],
    ['2010-01-01T00:60:00Z', false],
    ['2016-12-31T23:59:61Z', false],
    ['2010-01-01T00:00:00+23:00', true],
    ['2010-01-01T00:00:00-23:59', true],
    ['2010-01-01T00:00:00+09:60', false],
    ['2010-01-00T00:00:00Z', false],
    // A leap second at 23:59:60 UTC seen from west and from a half-hour zone; not the minute before.
    ['2016-12-31T18:59:60-05:00', true],
    ['2017-01-01T05:29:60+05:30', true],
    ['2017-01-01T05:28:60+05:30', false],
    ['2016-12-31T18:58:60-05:00', false],
  ])('date-time %j → %s', (value, ok) => expect(isDateTime(value)).toBe(ok));

  test.each([
    ['2010-01-01', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2010-13-01', false],
    ['2010-1-01', false],
    ['2010-01-01T00:00:00Z', false],
    ['x2010-01-01', false],
    ['2010-01-01x', false],
    ['2010-01-1', false],
    ['10-01-01', false],
    ['2010-0a-01', false],
    ['2010-01-0a', false],
    ['2010-01-00', false],
    ['2010-00-10', false],
    ['2010-12-31', true],
    ['2010-12-32', false],
    ['2010-04-31', false],
    ['2010-02-28', true],
  ])('date %j → %s', (value, ok) => expect(isDate(value)).toBe(ok));
});

/**
 * Every fixture that parses to a credential → expected outcome: 'ok' (passes the schema chosen by its type),
 * a JSON pointer (fails there), or 'none' (no bundled schema applies: not OB 3.0 / CLR 2.0, or VC 1.1).
 */
// prettier-ignore
const EXPECTED: Readonly<Record<string, 'ok' | 'none' | { readonly pointer: string; readonly why: string }>> = {
  'clr2/1edtech-validator/complex.json': 'none', // VC 1.1
  'clr2/1edtech-validator/simple-noproof.json': 'none', // VC 1.1
  'clr2/1edtech-validator/simple.json': 'ok',
  'clr2/1edtech-validator/simple_old_safesigned.json': 'none', // VC 1.1
  'clr2/1edtech-validator/simple_v1.json': 'none', // VC 1.1
  'clr2/spec/ldp-test-vector-clr-signed.json': 'ok',
  'eu/educredentials/theed_microcredential_full_ho.json': 'ok',
  'eu/educredentials/uvh_at_microcredential_full_1.json': 'ok',
  'ob2/1edtech-validator/assertion-with-endorsements.json': 'none',
  'ob2/1edtech-validator/basic-assertion-expired.json': 'none',
  'ob2/1edtech-validator/basic-assertion-in-future.json': 'none',
  'ob2/1edtech-validator/basic-assertion-invalid-context.json': 'none',
  'ob2/1edtech-validator/basic-assertion.json': 'none',
  'ob2/1edtech-validator/simple-badge.png': 'none',
  'ob2/1edtech-validator/simple-revoked.jwt': 'none',
  'ob2/1edtech-validator/simple.jwt': 'none',
  'ob2/spec/assertion-hosted.json': 'none',
  'ob2/spec/signed-badge-example-claims.json': 'none',
  'ob2/spec/signed-badge-example.jws': 'none',
  'ob3/1edtech-validator/bitstring-credential-status-revoked.json': 'ok',
  'ob3/1edtech-validator/complete.json': 'ok',
  'ob3/1edtech-validator/complete_v1.json': 'none', // VC 1.1
  'ob3/1edtech-validator/credential-status-revoked.json': 'none', // VC 1.1
  'ob3/1edtech-validator/endorsement-err-schema-status-refresh.json': 'none', // VC 1.1
  'ob3/1edtech-validator/sd-derivedcredential.json': 'ok',
  'ob3/1edtech-validator/simple-context-alias.json': 'ok',
  'ob3/1edtech-validator/simple-context-version.json': 'ok',
  'ob3/1edtech-validator/simple-did-key-method.json': 'ok',
  'ob3/1edtech-validator/simple-did-web-method.json': 'ok',
  'ob3/1edtech-validator/simple-eddsa-2022.json': 'none', // VC 1.1
  'ob3/1edtech-validator/simple-err-context.json': { pointer: '/validFrom', why: 'no VC context at all, so read as VC 2.0: a VC 1.1 body (issuanceDate) without validFrom; also no achievement' },
  'ob3/1edtech-validator/simple-err-credential-subject-achievement-result-description-type.json': 'ok', // a single-string `type` is any string in the JSON-LD variant
  'ob3/1edtech-validator/simple-err-credential-subject-identifier-type.json': { pointer: '/credentialSubject/identifier/0/type', why: 'type IdentityObject misspelt' },
  'ob3/1edtech-validator/simple-err-credential-subject-profile-type.json': 'ok', // single-string type "InvalidProfile": any string passes
  'ob3/1edtech-validator/simple-err-credential-subject-result-type.json': { pointer: '/credentialSubject/result/1/type', why: 'type array without Result' },
  'ob3/1edtech-validator/simple-err-credential-subject-type.json': { pointer: '/credentialSubject/type', why: 'type array without AchievementSubject' },
  'ob3/1edtech-validator/simple-err-evidence-type.json': 'ok', // single-string type "InvalidEvidence": any string passes
  'ob3/1edtech-validator/simple-err-expired.json': 'ok',
  'ob3/1edtech-validator/simple-err-issued.json': { pointer: '/credentialSubject/achievement', why: 'the fixture has no achievement (besides its future validFrom)' },
  'ob3/1edtech-validator/simple-err-issuer-otheridentifier-type.json': { pointer: '/issuer/otherIdentifier/1/type', why: 'IdentifierEntry type wrong' },
  'ob3/1edtech-validator/simple-err-issuer-parentorg-type.json': { pointer: '/issuer/parentOrg/type', why: 'type array without Profile' },
  'ob3/1edtech-validator/simple-err-issuer-type.json': { pointer: '/issuer/type', why: 'type array without Profile' },
  'ob3/1edtech-validator/simple-err-issuer.json': { pointer: '/issuer', why: 'no issuer (1EdTech: schema error)' },
  'ob3/1edtech-validator/simple-err-proof-method-no-scheme.json': 'ok',
  'ob3/1edtech-validator/simple-err-proof-method-unknown-did-method.json': 'ok',
  'ob3/1edtech-validator/simple-err-proof-method-unknown-scheme.json': 'ok',
  'ob3/1edtech-validator/simple-err-proof-method.json': 'ok',
  'ob3/1edtech-validator/simple-err-proof-value.json': 'ok',
  'ob3/1edtech-validator/simple-err-type.json': 'none', // no OB type: no OB schema applies
  'ob3/1edtech-validator/simple-json.png': 'ok',
  'ob3/1edtech-validator/simple-jwt.png': 'ok',
  'ob3/1edtech-validator/simple-jwt_v1.png': 'none', // VC 1.1
  'ob3/1edtech-validator/simple-jwt_v1.svg': 'none', // VC 1.1
  'ob3/1edtech-validator/simple-noproof.json': 'none', // VC 1.1
  'ob3/1edtech-validator/simple.json': 'ok',
  'ob3/1edtech-validator/simple.jwt': 'none', // VC 1.1
  'ob3/1edtech-validator/simple_v1.json': 'none', // VC 1.1
  'ob3/dcc-verifier-core/safeModeBreaker.json': 'ok',
  'ob3/dcc-verifier-core/testVC.json': 'none', // VC 1.1
  'ob3/dcc-verifier-core/v1Expired.json': 'none',
  'ob3/dcc-verifier-core/v1ExpiredWithValidStatus.json': 'none',
  'ob3/dcc-verifier-core/v1OBv3SpecExample.json': 'none',
  'ob3/dcc-verifier-core/v1Revoked.json': 'none',
  'ob3/dcc-verifier-core/v1RevokedAndExpired.json': 'none',
  'ob3/dcc-verifier-core/v1SimpleIssuerId.json': 'none',
  'ob3/dcc-verifier-core/v2DoubleSigWithBadStatusUrl.json': 'ok',
  'ob3/dcc-verifier-core/v2EddsaWithValidStatus.json': 'ok',
  'ob3/dcc-verifier-core/v2Expired.json': 'ok',
  'ob3/dcc-verifier-core/v2ExpiredWithValidStatus.json': 'ok',
  'ob3/dcc-verifier-core/v2NoStatus.json': 'ok',
  'ob3/dcc-verifier-core/v2Revoked.json': 'ok',
  'ob3/dcc-verifier-core/v2RevokedAndExpired.json': 'ok',
  'ob3/dcc-verifier-core/v2SimpleIssuerId.json': 'ok',
  'ob3/dcc-verifier-core/v2WithBadDidWeb.json': 'ok',
  'ob3/dcc-verifier-core/v2WithValidStatus.json': 'ok',
  'ob3/dcc-verifier-core/v2didWebMultikeyWithValidStatus.json': 'ok',
  'ob3/dcc-verifier-core/v2didWebWithValidStatus.json': 'ok',
  'ob3/spec/baking-example-embedded-proof.svg.txt': { pointer: '/credentialSubject/type', why: 'the spec\'s own baking example: credentialSubject has no type (AchievementSubject requires it)' },
  'ob3/spec/docformat-sample.json': 'ok',
  'ob3/spec/example-achievementAlignmentCase.json': 'ok',
  'ob3/spec/example-achievementAlignmentCe.json': 'ok',
  'ob3/spec/example-basicOpenBadgeCredential.json': 'ok',
  'ob3/spec/example-endorsement.json': 'ok',
  'ob3/spec/example-fullOpenBadge.json': 'ok',
  'ob3/spec/example-skillAssertionCase.json': 'ok',
  'ob3/spec/example-skillAssertionCtdl.json': 'ok',
  'ob3/spec/ldp-test-vector-ob-signed.json': 'ok',
  'ob3/spec/ldp-test-vector-ob-unsigned.json': 'ok',
  'status/1edtech-validator-testlist.json': 'none',
  'status/dcc-e5WK8CbZ1GjycuPombrj.json': 'none',
  'vectors/w3c-vc-di-eddsa/Ed25519Signature2020-signedEdSig.json': 'none',
  'vectors/w3c-vc-di-eddsa/eddsa-jcs-2022-signedJCS.json': 'none',
  'vectors/w3c-vc-di-eddsa/eddsa-rdfc-2022-employ-signedDataInt.json': 'none',
  'vectors/w3c-vc-di-eddsa/eddsa-rdfc-2022-signedDataInt.json': 'none',
  'vectors/w3c-vc-di-eddsa/unsigned.json': 'none',
};

const CREDENTIAL_FIXTURES = fixtureFiles().filter((f) => credentialsIn(FIXTURES + f).length > 0);

describe('fixtures', () => {
  it('every fixture that is a credential has an expected outcome here, and every row is a fixture', () => {
    expect(CREDENTIAL_FIXTURES.filter((f) => !(f in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((f) => !CREDENTIAL_FIXTURES.includes(f))).toEqual([]);
  });

  test.each(CREDENTIAL_FIXTURES)('%s', (file) => {
    const expected = EXPECTED[file];
    const results = credentialsIn(FIXTURES + file).map(validateSchema);
    expect(results).toHaveLength(1);
    const result = results[0];
    if (expected === 'none') expect(result).toBeUndefined();
    else if (expected === 'ok') expect(result).toMatchObject({ ok: true });
    else expect(result).toMatchObject({ ok: false, pointer: expected?.pointer });
  });

  it('a CLR is checked against the CLR schema, an endorsement against the endorsement schema', () => {
    expect(validateSchema(fixture('clr2/spec/ldp-test-vector-clr-signed.json'))).toEqual({ ok: true, schema: SCHEMA_IDS.clr2Clr });
    expect(validateSchema(fixture('ob3/spec/example-endorsement.json'))).toEqual({ ok: true, schema: SCHEMA_IDS.ob3Endorsement });
    expect(validateSchema(fixture('ob3/spec/ldp-test-vector-ob-signed.json'))).toEqual({ ok: true, schema: SCHEMA_IDS.ob3Achievement });
  });
});

describe('demo badges (public/demo, written by src/cli/demo-badges.ts)', () => {
  const demo = ROOT + 'public/demo/';
  const files = (JSON.parse(readFileSync(demo + 'index.json', 'utf8')) as { files: { file: string }[] }).files.map((f) => f.file);
  test.each(files)('%s passes the OB 3.0 schema', (file) => {
    const credentials = credentialsIn(demo + file);
    expect(credentials.length).toBeGreaterThan(0);
    for (const c of credentials) expect(validateSchema(c)).toEqual({ ok: true, schema: SCHEMA_IDS.ob3Achievement });
  });
});

const BASE = 'ob3/spec/ldp-test-vector-ob-signed.json';

/** Mutations of a valid credential → where the schema check must point. */
const MUTATIONS: ReadonlyArray<readonly [string, (c: JsonObject) => void, string, RegExp]> = [
  ['achievement removed', (c) => void delete (c.credentialSubject as JsonObject).achievement, '/credentialSubject/achievement', /missing required property "achievement"/],
  ['credentialSubject a string', (c) => void (c.credentialSubject = 'did:example:ebfeb1f712ebc6f1c276e12ec21'), '/credentialSubject', /must be object/],
  ['issuer without id', (c) => void delete (c.issuer as JsonObject).id, '/issuer/id', /missing required property "id"/],
  ['issuer a number', (c) => void (c.issuer = 42), '/issuer', /must be string or object/],
  ['validFrom a date only', (c) => void (c.validFrom = '2010-01-01'), '/validFrom', /not a valid date-time/],
  ['validFrom with a space for T', (c) => void (c.validFrom = '2010-01-01 00:00:00Z'), '/validFrom', /not a valid date-time/],
  ['validFrom without a time zone', (c) => void (c.validFrom = '2010-01-01T00:00:00'), '/validFrom', /not a valid date-time/],
  ['validUntil a number', (c) => void (c.validUntil = 1e13), '/validUntil', /must be string/],
  ['achievement without name', (c) => void delete ((c.credentialSubject as JsonObject).achievement as JsonObject).name, '/credentialSubject/achievement/name', /missing required property "name"/],
  ['achievement name a number', (c) => void (((c.credentialSubject as JsonObject).achievement as JsonObject).name = 7), '/credentialSubject/achievement/name', /must be string or object/],
  ['type without VerifiableCredential', (c) => void (c.type = ['AchievementCredential']), '/type', /lacks a required type/],
  ['first context not VC 2.0', (c) => void (c['@context'] = ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', 'https://www.w3.org/ns/credentials/v2']), '/@context/0', /must be one of "https:\/\/www.w3.org\/ns\/credentials\/v2"/],
  ['no id', (c) => void delete c.id, '/id', /missing required property "id"/],
  ['proof without type', (c) => void delete (c.proof as JsonObject).type, '/proof/type', /missing required property "type"/],
  ['a proof in an array without type', (c) => void (c.proof = [{ ...(c.proof as JsonObject), type: null }]), '/proof/0/type', /must be string or object/],
  ['credentialStatus without type', (c) => void (c.credentialStatus = { id: 'https://example.edu/status/1' }), '/credentialStatus/type', /missing required property "type"/],
  ['image not an object or IRI', (c) => void (c.image = 5), '/image', /must be/],
];

describe('mutations of a valid credential fail at the right pointer', () => {
  test.each(MUTATIONS)('%s → %s', (_name, mutate, pointer, problem) => {
    const c = clone(fixture(BASE));
    mutate(c);
    const result = validateSchema(c);
    expect(result).toMatchObject({ ok: false, schema: SCHEMA_IDS.ob3Achievement, pointer });
    expect(result && !result.ok ? result.problem : '').toMatch(problem);
  });

  it('an EndorsementCredential without name fails the endorsement schema', () => {
    const c = clone(fixture('ob3/spec/example-endorsement.json'));
    delete c.name;
    expect(validateSchema(c)).toEqual({ ok: false, schema: SCHEMA_IDS.ob3Endorsement, pointer: '/name', problem: 'missing required property "name"' });
  });

  it('a CLR whose subject has no verifiableCredential fails the CLR schema', () => {
    const c = clone(fixture('clr2/spec/ldp-test-vector-clr-signed.json'));
    delete (c.credentialSubject as JsonObject).verifiableCredential;
    expect(validateSchema(c)).toMatchObject({ ok: false, schema: SCHEMA_IDS.clr2Clr, pointer: '/credentialSubject/verifiableCredential' });
  });

  it('a CLR with an association of an unknown type points into it', () => {
    const c = clone(fixture('clr2/spec/ldp-test-vector-clr-signed.json'));
    const association = (c.credentialSubject as JsonObject).association as JsonObject[];
    (association[0] as JsonObject).associationType = 'isCousinOf';
    expect(validateSchema(c)).toMatchObject({ ok: false, pointer: '/credentialSubject/association/0/associationType' });
  });
});

/** Reshapings JSON-LD allows that the JSON-LD variant of the schemas accepts. */
const COMPACTIONS: ReadonlyArray<readonly [string, (c: JsonObject) => void]> = [
  // The base (the spec's own test vector) already has one proof as an object, not an array.
  ['the proof in an array', (c) => void (c.proof = [c.proof as JsonObject])],
  ['a language map for the name', (c) => void (c.name = { en: 'Teamwork Badge', ja: 'チームワーク' })],
  ['the subject type as a string', (c) => void ((c.credentialSubject as JsonObject).type = 'AchievementSubject')],
  ['the issuer as a bare IRI', (c) => void (c.issuer = 'https://example.edu/issuers/565049')],
  ['an extra property', (c) => void (c['ext:note'] = 'kept')],
];

describe('JSON-LD compaction is accepted', () => {
  test.each(COMPACTIONS)('%s', (_name, reshape) => {
    const c = clone(fixture(BASE));
    reshape(c);
    expect(validateSchema(c)).toEqual({ ok: true, schema: SCHEMA_IDS.ob3Achievement });
  });
});

describe('schema choice', () => {
  const base = fixture(BASE);
  test.each([
    [['VerifiableCredential', 'OpenBadgeCredential'], 'ob3Achievement'],
    [['VerifiableCredential', 'AchievementCredential'], 'ob3Achievement'],
    [['VerifiableCredential', 'EndorsementCredential'], 'ob3Endorsement'],
    [['VerifiableCredential', 'ClrCredential'], 'clr2Clr'],
    [['VerifiableCredential', 'ClrCredential', 'OpenBadgeCredential'], 'clr2Clr'],
    [['VerifiableCredential'], undefined],
    [['VerifiableCredential', 'BitstringStatusListCredential'], undefined],
  ])('%j → %s', (type, key) => expect(schemaKeyFor({ ...base, type })).toBe(key));

  it('a VC 1.1 credential gets no schema (the VC 1.1 "any" schemas are not bundled)', () => {
    expect(schemaKeyFor({ ...base, '@context': ['https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context.json'] })).toBeUndefined();
  });

  it('a credential with no VC context is read as VC 2.0, and fails on @context', () => {
    const c = { ...base, '@context': ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'] };
    expect(validateSchema(c)).toMatchObject({ ok: false, pointer: '/@context' });
  });

  it('is lazy-loadable', async () => {
    await expect(validateSchemaLazy(base)).resolves.toEqual({ ok: true, schema: SCHEMA_IDS.ob3Achievement });
  });
});

describe('the generated code answers as ajv does on the published schema files', () => {
  // Node may compile at run time; the browser may not. Same formats, same options as the generator, but
  // the schema files exactly as published (annotations kept, no shared $defs).
  const ajv = new Ajv2019({ formats, allErrors: false, strict: false, inlineRefs: false, messages: false });
  const reference = Object.fromEntries(
    Object.entries(SCHEMAS).map(([key, file]) => [key, ajv.compile(JSON.parse(readFileSync(SCHEMA_DIR + 'json/' + file, 'utf8')) as object)]),
  ) as Record<SchemaKey, ReturnType<typeof ajv.compile>>;

  const inputs: Array<readonly [string, JsonObject]> = [
    ...CREDENTIAL_FIXTURES.flatMap((f) => credentialsIn(FIXTURES + f).map((c) => [f, c] as const)),
    ...MUTATIONS.map(([name, mutate]) => {
      const c = clone(fixture(BASE));
      mutate(c);
      return [name, c] as const;
    }),
    ...COMPACTIONS.map(([name, reshape]) => {
      const c = clone(fixture(BASE));
      reshape(c);
      return [name, c] as const;
    }),
  ];

  const checked = inputs.flatMap(([name, c]) => {
    const key = schemaKeyFor(c);
    return key === undefined ? [] : [[name, key, c] as const];
  });

  it('covers the fixtures, the mutations and the reshapings', () => expect(checked.length).toBeGreaterThan(60));

  test.each(checked)('%s (%s)', (_name, key, credential) => {
    const validate = reference[key];
    const expected = validate(credential) ? { ok: true } : { ok: false, ...mostSpecific((validate.errors ?? []) as GeneratedSchemaError[]) };
    expect(validateSchema(credential)).toMatchObject(expected);
  });
});
