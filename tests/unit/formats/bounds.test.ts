/**
 * Issue 11, class 7 "Unbounded work": untrusted JSON is measured before any JSON-LD work. Values per
 * array, values in all and credentials per presentation each have a bound and their own error code,
 * and a document past a bound is refused in milliseconds, whatever container carries it.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { MAX_ARRAY_LENGTH, MAX_JSON_NODES, measureJson, parseJson } from '../../../src/lib/formats/json.ts';
import { MAX_PRESENTATION_CREDENTIALS, parseInput } from '../../../src/lib/formats/parse.ts';
import { bakePng } from '../../../src/lib/formats/baked/png.ts';
import type { JsonObject, JsonValue } from '../../../src/lib/model/credential.ts';
import { createEnv, type VerifyEnv } from '../../../src/lib/verify/env.ts';
import { verifyBytes } from '../../../src/lib/verify/pipeline.ts';
import { createTestIssuers, signJws, vcJwtPayload, type TestIssuers } from '../../support/issuer.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code; // why: every refusal here is a TsumikiError
  }
};

/** A real badge image to bake credentials into. */
const BASE_PNG = new Uint8Array(readFileSync(new URL('../../fixtures/ob2/1edtech-validator/assets/robotics-badge.png', import.meta.url)));

describe('measureJson counts values on the text, in one pass', () => {
  test.each([
    ['1', 1, 0],
    ['[]', 1, 0],
    ['{}', 1, 0],
    ['[1]', 2, 1],
    ['[1,2,3]', 4, 3],
    [' [ 1 , [ ] , { } ] ', 4, 3],
    ['{"a":1,"b":[true,null]}', 5, 2],
    ['{"a":{"b":{"c":"d"}}}', 4, 0],
    // Brackets, commas and escaped quotes inside strings are text, not structure.
    ['["a,b,c", "[[[", "}}", "\\",]"]', 5, 4],
    ['{"k,[":"v,]"}', 2, 0],
  ])('%s → %i values, longest array %i', (text, nodes, longest) => {
    const shape = measureJson(text);
    expect(shape).toEqual({ depth: expect.any(Number), nodes, longestArray: longest });
    // The count agrees with JSON.parse's own walk.
    const walk = (v: JsonValue): number => (Array.isArray(v) ? 1 + v.reduce<number>((n, x) => n + walk(x), 0) : typeof v === 'object' && v !== null ? 1 + Object.values(v).reduce<number>((n, x) => n + walk(x), 0) : 1);
    expect(walk(JSON.parse(text) as JsonValue)).toBe(nodes);
  });
});

describe('parseJson bounds', () => {
  const array = (n: number) => `[${Array.from({ length: n }, (_, i) => i).join(',')}]`;

  test(`an array of exactly ${MAX_ARRAY_LENGTH} values is read; one more → JSON_ARRAY_TOO_LONG`, () => {
    expect(parseJson(array(MAX_ARRAY_LENGTH))).toHaveLength(MAX_ARRAY_LENGTH);
    expect(codeOf(() => parseJson(array(MAX_ARRAY_LENGTH + 1)))).toBe('JSON_ARRAY_TOO_LONG');
    // Nested deep inside an object, and after many short arrays, it is still the one array that counts.
    const nested = `{"a":[[1,2],[3]],"b":{"c":${array(MAX_ARRAY_LENGTH + 1)}}}`;
    expect(codeOf(() => parseJson(nested))).toBe('JSON_ARRAY_TOO_LONG');
  });

  test(`exactly ${MAX_JSON_NODES} values in all are read; one more → JSON_TOO_MANY_VALUES`, () => {
    // Root array of k arrays of m numbers and a tail of r numbers: 1 + k·(m + 1) + r values, no array past its bound.
    const m = 499;
    const k = Math.floor((MAX_JSON_NODES - 1) / (m + 1));
    const r = MAX_JSON_NODES - 1 - k * (m + 1);
    const rows = [...Array.from({ length: k }, () => array(m)), ...Array.from({ length: r }, () => '0')];
    const exact = `[${rows.join(',')}]`;
    expect(measureJson(exact).nodes).toBe(MAX_JSON_NODES);
    expect(parseJson(exact)).toHaveLength(k + r);
    const over = `[${[...rows, '0'].join(',')}]`;
    expect(codeOf(() => parseJson(over))).toBe('JSON_TOO_MANY_VALUES');
    // Objects count too: values of members, never their keys.
    const rowLength = MAX_ARRAY_LENGTH;
    const rowCount = Math.ceil(MAX_JSON_NODES / (2 * rowLength));
    const objectRow = `[${Array.from({ length: rowLength }, (_, i) => `{"k${i}":${i}}`).join(',')}]`;
    const objects = `[${Array.from({ length: rowCount }, () => objectRow).join(',')}]`;
    expect(1 + rowCount * (1 + 2 * rowLength)).toBeGreaterThan(MAX_JSON_NODES);
    expect(codeOf(() => parseJson(objects))).toBe('JSON_TOO_MANY_VALUES');
  });

  test('the refusal reports its limit, and the existing bounds keep their codes', () => {
    try {
      parseJson(array(MAX_ARRAY_LENGTH + 1));
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: 'JSON_ARRAY_TOO_LONG', data: { limit: MAX_ARRAY_LENGTH } });
      expect((e as Error).message).toContain(String(MAX_ARRAY_LENGTH));
    }
    expect(codeOf(() => parseJson('['.repeat(65) + ']'.repeat(65)))).toBe('JSON_TOO_DEEP');
    expect(codeOf(() => parseJson('[1,]'))).toBe('JSON_MALFORMED');
    // A caller may pass its own (tighter or looser) limits.
    expect(codeOf(() => parseJson(array(11), { maxArrayLength: 10 }))).toBe('JSON_ARRAY_TOO_LONG');
    expect(parseJson(array(MAX_ARRAY_LENGTH + 1), { maxArrayLength: Infinity })).toHaveLength(MAX_ARRAY_LENGTH + 1);
  });
});

let issuers: TestIssuers;
beforeAll(async () => {
  issuers = await createTestIssuers();
}, 60_000);

describe('signed credentials past a bound are refused in milliseconds, before any JSON-LD work', () => {
  let env: VerifyEnv;
  beforeAll(() => {
    env = issuers.world.env({ online: false });
  });

  /** The issue's credential: an OB 3.0 credential whose achievement carries 32,000 tags (~280 kB as JSON). */
  function withTags(credential: JsonObject, n: number): JsonObject {
    const c = structuredClone(credential);
    const subject = c.credentialSubject as JsonObject; // why: ob3Credential always has one subject object
    (subject.achievement as JsonObject).tag = Array.from({ length: n }, (_, i) => `skill-${i}`);
    return c;
  }

  async function timedRefusal(bytes: Uint8Array): Promise<{ code: string | undefined; ms: number }> {
    const start = performance.now();
    const result = await verifyBytes(bytes, env);
    const ms = performance.now() - start;
    expect(result.credentials).toHaveLength(0);
    expect(result.rejected?.verdict).toBe('rejected');
    return { code: result.error?.code, ms };
  }

  test('eddsa-rdfc-2022 credential with a 32,000-value array → JSON_ARRAY_TOO_LONG in milliseconds (was ~25 s)', async ({ annotate }) => {
    const signed = await issuers.formats['eddsa-rdfc-2022'].issue();
    if (signed.kind !== 'json') throw new Error('a DI issuer signs JSON');
    const bytes = enc(JSON.stringify(withTags(signed.credential, 32_000)));
    expect(bytes.length).toBeGreaterThan(250_000);
    const { code, ms } = await timedRefusal(bytes);
    expect(code).toBe('JSON_ARRAY_TOO_LONG');
    await annotate(`${bytes.length} bytes refused in ${ms.toFixed(1)} ms`);
    console.info(`[bounds] 32,000-value DI credential (${bytes.length} B): refused in ${ms.toFixed(1)} ms`);
    expect(ms).toBeLessThan(500); // milliseconds, with room for a loaded 2-core machine
  });

  test('the same array in a validly signed VC-JWT, and baked into a PNG, is refused the same way', async () => {
    const signed = await issuers.formats['vc-jwt-EdDSA'].issue();
    if (signed.kind !== 'jws') throw new Error('a JWT issuer signs a JWS');
    const [, payload] = signed.jws.split('.');
    const credential = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as JsonObject; // why: our own signed payload
    const key = await crypto.subtle.generateKey('Ed25519', true, ['sign']);
    const jws = await signJws(vcJwtPayload(withTags(credential, 32_000)), { alg: 'EdDSA', typ: 'JWT' }, key.privateKey);
    const fromJwt = await timedRefusal(enc(jws));
    expect(fromJwt.code).toBe('JSON_ARRAY_TOO_LONG');
    expect(fromJwt.ms).toBeLessThan(500);
    const png = bakePng(BASE_PNG, JSON.stringify(withTags(credential, 32_000)), 'openbadgecredential');
    const fromPng = await timedRefusal(png);
    expect(fromPng.code).toBe('JSON_ARRAY_TOO_LONG');
    expect(fromPng.ms).toBeLessThan(500);
  });

  test('a credential with too many values in all (short arrays) → JSON_TOO_MANY_VALUES in milliseconds', async () => {
    const signed = await issuers.formats['eddsa-rdfc-2022'].issue();
    if (signed.kind !== 'json') throw new Error('a DI issuer signs JSON');
    const c = structuredClone(signed.credential);
    const subject = c.credentialSubject as JsonObject; // why: see above
    // Many result descriptions, each with its allowed values: every array is within its bound, the whole is not.
    (subject.achievement as JsonObject).resultDescription = Array.from({ length: MAX_ARRAY_LENGTH }, (_, i) => ({
      id: `urn:tsumiki:rd:${i}`,
      type: ['ResultDescription'],
      name: `part ${i}`,
      resultType: 'LetterGrade',
      allowedValue: Array.from({ length: 50 }, (_, v) => `grade ${v}`),
    }));
    const { code, ms } = await timedRefusal(enc(JSON.stringify(c)));
    expect(code).toBe('JSON_TOO_MANY_VALUES');
    expect(ms).toBeLessThan(500);
  });

  test('a credential within the bounds is still verified', async () => {
    const signed = await issuers.formats['eddsa-rdfc-2022'].issue();
    if (signed.kind !== 'json') throw new Error('a DI issuer signs JSON');
    // The real clock: the test issuer's proofs are created now.
    const result = await verifyBytes(enc(JSON.stringify(signed.credential)), issuers.world.env({ now: new Date() }));
    expect(result.error).toBeUndefined();
    expect(result.credentials[0]?.verification.verdict).toBe('verified');
  });
});

describe('credentials per presentation', () => {
  const presentation = (items: readonly JsonValue[]): Uint8Array =>
    enc(JSON.stringify({ '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'], verifiableCredential: items }));

  let credential: JsonObject;
  let jws: string;
  beforeAll(async () => {
    const signed = await issuers.formats['eddsa-rdfc-2022'].issue();
    const signedJwt = await issuers.formats['vc-jwt-EdDSA'].issue();
    if (signed.kind !== 'json' || signedJwt.kind !== 'jws') throw new Error('issuers sign as their formats say');
    credential = signed.credential;
    jws = signedJwt.jws;
  }, 60_000);

  test(`exactly ${MAX_PRESENTATION_CREDENTIALS} credentials are read`, () => {
    const outcome = parseInput(presentation(Array.from({ length: MAX_PRESENTATION_CREDENTIALS }, () => credential)));
    expect(outcome.kind === 'credentials' && outcome.input.credentials.length).toBe(MAX_PRESENTATION_CREDENTIALS);
  });

  test('one more → PRESENTATION_TOO_MANY before any credential is read; 6,134 (the issue: 17 s) in milliseconds', async ({ annotate }) => {
    for (const n of [MAX_PRESENTATION_CREDENTIALS + 1, MAX_ARRAY_LENGTH]) {
      expect(codeOf(() => parseInput(presentation(Array.from({ length: n }, () => credential))))).toBe('PRESENTATION_TOO_MANY');
    }
    // The issue's presentation: 6,134 small credentials (few values each). Its list is past the array
    // bound too, which the text scan finds first: refused before JSON.parse.
    const small = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'], issuer: 'did:example:issuer', credentialSubject: { id: 'did:example:s' } };
    const bytes = presentation(Array.from({ length: 6134 }, () => small));
    const start = performance.now();
    const result = await verifyBytes(bytes, createEnv({ now: new Date('2026-06-01T00:00:00Z') }));
    const ms = performance.now() - start;
    expect(result.error?.code).toBe('JSON_ARRAY_TOO_LONG');
    expect(result.credentials).toHaveLength(0);
    await annotate(`6,134 credentials (${bytes.length} B) refused in ${ms.toFixed(1)} ms`);
    console.info(`[bounds] presentation of 6,134 credentials (${bytes.length} B): refused in ${ms.toFixed(1)} ms`);
    expect(ms).toBeLessThan(500);
    // Also when the presentation is itself a VC-JWT payload (`vp` claim).
    const vp = { vp: { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'], verifiableCredential: Array.from({ length: MAX_PRESENTATION_CREDENTIALS + 1 }, () => jws) } };
    const key = await crypto.subtle.generateKey('Ed25519', true, ['sign']);
    const vpJwt = await signJws(vp, { alg: 'EdDSA', typ: 'JWT' }, key.privateKey);
    expect(codeOf(() => parseInput(enc(vpJwt)))).toBe('PRESENTATION_TOO_MANY');
  });
});
