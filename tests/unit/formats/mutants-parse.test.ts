// Tests written for StrykerJS (`npm run mutate`): bytes → credentials (formats/parse.ts). Each refusal
// is asserted with its code, its words and its data; each accepted form with the format, container and
// bytes it yields.
import { describe, expect, it } from 'vitest';
import { errorOf } from '../../support/errors.ts';
import type { JsonObject, JsonValue } from '../../../src/lib/model/credential.ts';
import { isOb2Assertion, MAX_INPUT_BYTES, MAX_PRESENTATION_CREDENTIALS, parseEmbedded, parseInput, type ParseOutcome } from '../../../src/lib/formats/parse.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwsOf = (payload: unknown, header: unknown = { alg: 'ES256' }) => `${b64(header)}.${b64(payload)}.c2ln`;

const credentials = (o: ParseOutcome) => {
  if (o.kind !== 'credentials') throw new Error('not credentials');
  return o.input;
};

const VC: JsonObject = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential', 'OpenBadgeCredential'], issuer: 'did:example:i' };
const CLR: JsonObject = { ...VC, type: ['VerifiableCredential', 'ClrCredential'] };
const OB2: JsonObject = { '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: 'https://x.test/a', recipient: {}, badge: 'https://x.test/b', verification: { type: 'hosted' } };

describe('what a JSON object is', () => {
  it('OB 2.0 assertions: by context, or by badge and recipient; signed or hosted by the verification type', () => {
    expect(isOb2Assertion(OB2)).toBe(true);
    expect(isOb2Assertion({ type: 'Assertion', badge: 'b', recipient: {} })).toBe(true);
    expect(isOb2Assertion({ type: 'Assertion', badge: 'b' })).toBe(false);
    expect(isOb2Assertion({ '@context': 'https://w3id.org/openbadges/v2', type: 'BadgeClass' })).toBe(false);
    expect(credentials(parseInput(enc(JSON.stringify(OB2)))).credentials[0]).toMatchObject({ format: 'ob2-hosted', container: 'json' });
    expect(credentials(parseInput(enc(JSON.stringify({ ...OB2, verification: { type: 'SignedBadge' } })))).credentials[0]?.format).toBe('ob2-signed');
    expect(credentials(parseInput(enc(JSON.stringify({ ...OB2, verification: undefined, verify: { type: 'signed' } })))).credentials[0]?.format).toBe('ob2-signed');
    expect(credentials(parseInput(enc(JSON.stringify({ ...OB2, verification: { type: 7 } })))).credentials[0]?.format).toBe('ob2-hosted');
    expect(credentials(parseInput(enc(JSON.stringify({ ...OB2, verification: 'signed' })))).credentials[0]?.format).toBe('ob2-hosted');
    // The context's words only, whole: not any type that holds "signed".
    expect(credentials(parseInput(enc(JSON.stringify({ ...OB2, verification: { type: 'https://w3id.org/openbadges#SignedBadge' } })))).credentials[0]?.format).toBe('ob2-signed');
    for (const type of ['UnsignedBadge', 'hosted-not-signed', 'signed2'])
      expect(credentials(parseInput(enc(JSON.stringify({ ...OB2, verification: { type } })))).credentials[0]?.format).toBe('ob2-hosted');
  });

  it('VCs and CLRs; the exact bytes are kept (BOM and surrounding space dropped)', () => {
    const text = JSON.stringify(VC, null, 2);
    const parsed = credentials(parseInput(enc(`\uFEFF  ${text}\n`)));
    expect(parsed.credentials).toEqual([{ format: 'ob3-di', container: 'json', credential: VC, bytes: enc(text) }]);
    expect(credentials(parseInput(enc(JSON.stringify(CLR)))).credentials[0]?.format).toBe('clr2-di');
  });

  it('an OB 2.0 document that is not an assertion, or any other JSON: NOT_A_CREDENTIAL, with its types', () => {
    expect(errorOf(() => parseInput(enc(JSON.stringify({ '@context': 'https://w3id.org/openbadges/v2', type: ['BadgeClass', 'Extra'] }))))).toEqual({
      code: 'NOT_A_CREDENTIAL',
      message: 'an OB 2.0 BadgeClass,Extra, not an Assertion',
      data: { type: 'BadgeClass,Extra' },
    });
    expect(errorOf(() => parseInput(enc(JSON.stringify({ '@context': 'https://w3id.org/openbadges/v2' }))))).toEqual({ code: 'NOT_A_CREDENTIAL', message: 'an OB 2.0 document, not an Assertion', data: { type: '' } });
    expect(errorOf(() => parseInput(enc('{"type":["A","B"]}')))).toEqual({ code: 'NOT_A_CREDENTIAL', message: 'JSON is neither an OB 2.0 Assertion nor a Verifiable Credential', data: { type: 'A,B' } });
    expect(errorOf(() => parseInput(enc('[1]')))).toMatchObject({ code: 'NOT_A_CREDENTIAL' });
  });
});

describe('JWS', () => {
  it('a VC 2.0 payload, a VC 1.1 vc claim, a CLR, an OB 2.0 assertion', () => {
    const vc2 = jwsOf(VC);
    expect(credentials(parseInput(enc(vc2))).credentials).toEqual([{ format: 'ob3-jwt', container: 'jws', credential: VC, jws: vc2, bytes: enc(vc2) }]);
    expect(credentials(parseInput(enc(jwsOf({ vc: CLR, iss: 'x' })))).credentials[0]).toMatchObject({ format: 'clr2-jwt', credential: CLR });
    expect(credentials(parseInput(enc(jwsOf({ vc: VC })))).credentials[0]).toMatchObject({ format: 'ob3-jwt', credential: VC });
    expect(credentials(parseInput(enc(jwsOf(OB2)))).credentials[0]).toMatchObject({ format: 'ob2-signed', credential: OB2 });
  });

  it('a payload that is no credential', () => {
    expect(errorOf(() => parseInput(enc(jwsOf({ sub: 'x' }))))).toEqual({ code: 'NOT_A_CREDENTIAL', message: 'the JWS payload is not a credential', data: undefined });
  });

  it('a VP-JWT: its credentials, the presentation and its JWS', () => {
    const inner = jwsOf(VC);
    const vpJws = jwsOf({ vp: { type: 'VerifiablePresentation', verifiableCredential: [inner, VC] } });
    const input = credentials(parseInput(enc(vpJws)));
    expect(input.presentationJws).toBe(vpJws);
    expect(input.presentation).toEqual({ type: 'VerifiablePresentation', verifiableCredential: [inner, VC] });
    expect(input.credentials.map((c) => [c.format, c.container, c.index])).toEqual([
      ['ob3-jwt', 'presentation', 0],
      ['ob3-di', 'presentation', 1],
    ]);
    // A presentation as the payload itself (VC 2.0 style).
    expect(credentials(parseInput(enc(jwsOf({ type: ['VerifiablePresentation'], verifiableCredential: [VC] }))))).toMatchObject({ credentials: [{ format: 'ob3-di' }] });
  });
});

describe('presentations', () => {
  const vp = (verifiableCredential: JsonValue): string => JSON.stringify({ type: ['VerifiablePresentation'], verifiableCredential });

  it('empty, or too many: refused with the count and the bound; exactly the bound is read', () => {
    expect(errorOf(() => parseInput(enc(vp([]))))).toEqual({ code: 'PRESENTATION_EMPTY', message: 'the presentation holds no credential', data: undefined });
    expect(MAX_PRESENTATION_CREDENTIALS).toBe(100);
    expect(credentials(parseInput(enc(vp(Array(100).fill(VC))))).credentials).toHaveLength(100);
    expect(errorOf(() => parseInput(enc(vp(Array(101).fill(VC)))))).toEqual({
      code: 'PRESENTATION_TOO_MANY',
      message: 'the presentation holds 101 credentials; at most 100 are checked',
      data: { count: 101, limit: 100 },
    });
  });

  it('items: objects, compact JWS (trimmed), enveloped credentials; the JSON object itself, no presentation JWS', () => {
    const inner = jwsOf(VC);
    const input = credentials(parseInput(enc(vp([VC, ` ${inner} `, { type: 'EnvelopedVerifiableCredential', id: `data:application/vc+jwt,${inner}` }, { type: 'EnvelopedVerifiableCredential', id: `data:application/jwt,${inner}` }]))));
    expect(input.credentials.map((c) => [c.format, c.jws ?? null, c.index])).toEqual([
      ['ob3-di', null, 0],
      ['ob3-jwt', inner, 1],
      ['ob3-jwt', inner, 2],
      ['ob3-jwt', inner, 3],
    ]);
    expect(input.credentials[0]?.bytes).toEqual(enc(JSON.stringify(VC)));
    expect(input).not.toHaveProperty('presentationJws');
  });

  it('an item that is nothing, or a presentation inside a presentation', () => {
    expect(errorOf(() => parseInput(enc(vp([VC, 7]))))).toEqual({ code: 'NOT_A_CREDENTIAL', message: 'item 1 is not a credential', data: undefined });
    expect(errorOf(() => parseInput(enc(vp(['not a jws']))))).toMatchObject({ message: 'item 0 is not a credential' });
    expect(errorOf(() => parseInput(enc(vp([jwsOf({ vp: { verifiableCredential: [VC] } })]))))).toEqual({ code: 'NOT_A_CREDENTIAL', message: 'a presentation inside a presentation', data: undefined });
  });

  it('an enveloped credential must be typed, carry a string id, a data: URL of that media type, and a JWS', () => {
    const inner = jwsOf(VC);
    for (const bad of [
      { type: 'Other', id: `data:application/vc+jwt,${inner}` },
      { type: 'EnvelopedVerifiableCredential', id: 7 },
      { type: 'EnvelopedVerifiableCredential', id: `data:application/vc+ld+json,${inner}` },
      { type: 'EnvelopedVerifiableCredential', id: `xdata:application/vc+jwt,${inner}` },
      { type: 'EnvelopedVerifiableCredential', id: `data:application/vc+jwt,${inner} trailing` },
    ]) {
      expect(errorOf(() => parseEmbedded(bad, 0)).code).toBe('NOT_A_CREDENTIAL');
    }
  });

  it('an enveloped credential on its own is read as its JWS', () => {
    const inner = jwsOf(VC);
    expect(credentials(parseInput(enc(JSON.stringify({ type: 'EnvelopedVerifiableCredential', id: `data:application/vc+jwt,${inner}` })))).credentials).toEqual([
      { format: 'ob3-jwt', container: 'jws', credential: VC, jws: inner, bytes: enc(inner) },
    ]);
    const vpInside = jwsOf({ vp: { verifiableCredential: [VC] } });
    expect(credentials(parseInput(enc(JSON.stringify({ type: 'EnvelopedVerifiableCredential', id: `data:application/jwt,${vpInside}` })))).presentationJws).toBe(vpInside);
  });

  it('parseEmbedded: a credential inside a credential, with its index, in a json container', () => {
    expect(parseEmbedded(VC, 3)).toEqual({ format: 'ob3-di', container: 'json', credential: VC, bytes: enc(JSON.stringify(VC)), index: 3 });
    expect(parseEmbedded(jwsOf(VC), 2)).toMatchObject({ format: 'ob3-jwt', container: 'jws', index: 2 });
  });
});

describe('text that is not JSON', () => {
  it('empty input, or only whitespace and a BOM', () => {
    expect(errorOf(() => parseInput(new Uint8Array()))).toEqual({ code: 'INPUT_EMPTY', message: 'the input is empty', data: undefined });
    expect(errorOf(() => parseInput(enc('\uFEFF \n')))).toEqual({ code: 'INPUT_EMPTY', message: 'the input is empty', data: undefined });
  });

  it('larger than the bound: refused with its size; exactly the bound is read', () => {
    expect(MAX_INPUT_BYTES).toBe(16 * 1024 * 1024);
    expect(errorOf(() => parseInput(new Uint8Array(MAX_INPUT_BYTES + 1)))).toEqual({
      code: 'INPUT_TOO_LARGE',
      message: `input of ${MAX_INPUT_BYTES + 1} bytes exceeds ${MAX_INPUT_BYTES}`,
      data: { bytes: MAX_INPUT_BYTES + 1, limit: MAX_INPUT_BYTES },
    });
    expect(errorOf(() => parseInput(new Uint8Array(MAX_INPUT_BYTES).fill(0x20))).code).toBe('INPUT_EMPTY');
  });

  it('a URL (http or https, nothing around it)', () => {
    expect(parseInput(enc(' https://issuer.test/a/1 '))).toEqual({ kind: 'url', url: 'https://issuer.test/a/1' });
    expect(parseInput(enc('http://issuer.test/a'))).toEqual({ kind: 'url', url: 'http://issuer.test/a' });
    expect(errorOf(() => parseInput(enc('https://issuer.test/a b'))).code).toBe('FORMAT_UNRECOGNIZED');
    expect(errorOf(() => parseInput(enc('ftp://issuer.test/a'))).code).toBe('FORMAT_UNRECOGNIZED');
  });

  it('anything else, or binary that is not a PNG', () => {
    expect(errorOf(() => parseInput(enc('hello')))).toEqual({ code: 'FORMAT_UNRECOGNIZED', message: 'not JSON, a JWS, a URL, a PNG or an SVG', data: undefined });
    expect(errorOf(() => parseInput(new Uint8Array([0xff, 0xfe, 0x00, 0x80])))).toEqual({ code: 'FORMAT_UNRECOGNIZED', message: 'binary data that is not a PNG', data: undefined });
  });

  it('an SVG holding a credential, a JWS or a URL; the baked info says how', () => {
    const svg = (inner: string) => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential><![CDATA[${inner}]]></openbadges:credential></svg>`;
    const parsed = credentials(parseInput(enc(svg(JSON.stringify(VC))))).credentials[0];
    expect(parsed).toMatchObject({ format: 'ob3-di', container: 'svg', baked: { image: 'svg', compressed: false } });
    const url = parseInput(enc(svg('https://issuer.test/a/1')));
    expect(url).toMatchObject({ kind: 'url', url: 'https://issuer.test/a/1', baked: { image: 'svg' } });
  });
});
