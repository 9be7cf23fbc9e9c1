// Tests written for StrykerJS (`npm run mutate`): bytes → credentials (formats/parse.ts). Each refusal
// is asserted with its code, its words and its data; each accepted form with the format, container and
// bytes it yields.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { isTsumikiError } from '../../../src/lib/errors.ts';
import { errorOf } from '../../support/errors.ts';
import type { JsonObject, JsonValue } from '../../../src/lib/model/credential.ts';
import { bakePng } from '../../../src/lib/formats/baked/png.ts';
import { isOb2Assertion, MAX_INPUT_BYTES, MAX_PRESENTATION_CREDENTIALS, parseEmbedded, parseInput, parseInputAsync, type ParseOutcome } from '../../../src/lib/formats/parse.ts';
import { MAX_PDF_ATTACHMENTS } from '../../../src/lib/formats/pdf-read.ts';

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
    // Nothing before the scheme either: text that ends in a link is no link.
    expect(errorOf(() => parseInput(enc('see https://issuer.test/a'))).code).toBe('FORMAT_UNRECOGNIZED');
    expect(errorOf(() => parseInput(enc('xhttps://issuer.test/a'))).code).toBe('FORMAT_UNRECOGNIZED');
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

describe('mutants: formats/parse.ts (second run: baked containers, enveloped ids, PDFs)', () => {
  const PNG = new Uint8Array(readFileSync(fileURLToPath(new URL('../../fixtures/ob2/1edtech-validator/assets/robotics-badge.png', import.meta.url))));
  const svg = (inner: string) => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential><![CDATA[${inner}]]></openbadges:credential></svg>`;
  const inner = jwsOf(VC);

  it('an OB 2.0 assertion by its context alone; an OB 2.0 document with an empty type word is still "not an Assertion"', () => {
    expect(isOb2Assertion({ '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion' })).toBe(true);
    expect(isOb2Assertion({ '@context': ['https://w3id.org/openbadges/v2'], type: ['Assertion'], id: 'x' })).toBe(true);
    expect(errorOf(() => parseInput(enc(JSON.stringify({ '@context': 'https://w3id.org/openbadges/v2', type: '' }))))).toEqual({ code: 'NOT_A_CREDENTIAL', message: 'an OB 2.0 document, not an Assertion', data: { type: '' } });
  });

  it('an enveloped credential: its id must be a string (not an array that prints as one) and the data: URL must end with the JWS', () => {
    expect(errorOf(() => parseEmbedded({ type: 'EnvelopedVerifiableCredential', id: [`data:application/vc+jwt,${inner}`] }, 0))).toEqual({
      code: 'NOT_A_CREDENTIAL',
      message: 'JSON is neither an OB 2.0 Assertion nor a Verifiable Credential',
      data: { type: 'EnvelopedVerifiableCredential' },
    });
    expect(errorOf(() => parseEmbedded({ type: 'EnvelopedVerifiableCredential', id: `data:application/vc+jwt,${inner}\nmore` }, 1))).toEqual({
      code: 'NOT_A_CREDENTIAL',
      message: 'JSON is neither an OB 2.0 Assertion nor a Verifiable Credential',
      data: { type: 'EnvelopedVerifiableCredential' },
    });
  });

  it('a credential on its own has no index property at all (JSON and JWS)', () => {
    const json = credentials(parseInput(enc(JSON.stringify(VC)))).credentials[0];
    expect(json).toStrictEqual({ format: 'ob3-di', container: 'json', credential: VC, bytes: enc(JSON.stringify(VC)) });
    const jws = credentials(parseInput(enc(inner))).credentials[0];
    expect(jws).toStrictEqual({ format: 'ob3-jwt', container: 'jws', credential: VC, jws: inner, bytes: enc(inner) });
  });

  it('only a leading BOM is dropped: one inside the text stays; a BOM at the head of a baked text is dropped too', () => {
    const text = JSON.stringify({ ...VC, name: 'a\uFEFFb' });
    const parsed = credentials(parseInput(enc(text))).credentials[0];
    expect(parsed?.credential.name).toBe('a\uFEFFb');
    expect(parsed?.bytes).toEqual(enc(text));
    const baked = credentials(parseInput(enc(svg(`\uFEFF${JSON.stringify(VC)}`)))).credentials[0];
    expect(baked).toMatchObject({ format: 'ob3-di', container: 'svg', credential: VC, bytes: enc(JSON.stringify(VC)) });
  });

  it('a JWS baked in an SVG or a PNG keeps its baked info; a PNG says how it was baked', () => {
    const inSvg = credentials(parseInput(enc(svg(inner)))).credentials[0];
    expect(inSvg).toStrictEqual({ format: 'ob3-jwt', container: 'svg', credential: VC, jws: inner, bytes: enc(inner), baked: { image: 'svg', carrier: 'openbadges:credential', keyword: 'https://purl.imsglobal.org/ob/v3p0', compressed: false, via: 'body' } });
    const inPng = credentials(parseInput(bakePng(PNG, inner))).credentials[0];
    expect(inPng).toStrictEqual({ format: 'ob3-jwt', container: 'png', credential: VC, jws: inner, bytes: enc(inner), baked: { image: 'png', carrier: 'iTXt', keyword: 'openbadgecredential', compressed: false } });
  });

  it('an SVG baked in a PNG is not read as an SVG (only a file on its own is sniffed for SVG)', () => {
    expect(errorOf(() => parseInput(bakePng(PNG, svg(JSON.stringify(VC)))))).toEqual({ code: 'FORMAT_UNRECOGNIZED', message: 'not JSON, a JWS, a URL, a PNG or an SVG', data: undefined });
  });

  it('the sync parser refuses a PDF with its own words', () => {
    expect(errorOf(() => parseInput(enc('%PDF-1.7\n{}')))).toEqual({ code: 'FORMAT_UNRECOGNIZED', message: 'a PDF: its attached files are read by parseInputAsync', data: undefined });
  });

  describe('parseInputAsync', () => {
    const pdfWith = async (files: readonly [string, Uint8Array][]): Promise<Uint8Array> => {
      const doc = await PDFDocument.create();
      doc.addPage();
      for (const [name, bytes] of files) await doc.attach(bytes, name, { mimeType: 'application/octet-stream' });
      return doc.save({ useObjectStreams: false });
    };
    const asyncError = async (p: Promise<unknown>) => {
      try {
        await p;
      } catch (e) {
        if (isTsumikiError(e)) return { code: e.code, message: e.message, data: e.data };
        throw e;
      }
      throw new Error('no error');
    };

    it('anything but a PDF is read as parseInput reads it', async () => {
      expect(await parseInputAsync(enc(JSON.stringify(VC)))).toStrictEqual({ kind: 'credentials', input: { credentials: [{ format: 'ob3-di', container: 'json', credential: VC, bytes: enc(JSON.stringify(VC)) }] } });
      expect(await asyncError(parseInputAsync(new Uint8Array()))).toEqual({ code: 'INPUT_EMPTY', message: 'the input is empty', data: undefined });
    });

    it('a PDF over the input bound is refused unread; exactly the bound is read', async () => {
      const over = new Uint8Array(MAX_INPUT_BYTES + 1).fill(0x20);
      over.set(enc('%PDF-1.7\n'));
      expect(await asyncError(parseInputAsync(over))).toEqual({
        code: 'INPUT_TOO_LARGE',
        message: `input of ${MAX_INPUT_BYTES + 1} bytes exceeds ${MAX_INPUT_BYTES}`,
        data: { bytes: MAX_INPUT_BYTES + 1, limit: MAX_INPUT_BYTES },
      });
      const pdf = await pdfWith([['a.json', enc(JSON.stringify(VC))]]);
      const exact = new Uint8Array(MAX_INPUT_BYTES).fill(0x20);
      exact.set(pdf);
      const outcome = await parseInputAsync(exact);
      expect(credentials(outcome).credentials.map((c) => [c.format, c.attachment?.name])).toEqual([['ob3-di', 'a.json']]);
    });

    it('each attached file is one credential, carrying its file; the outcome is "credentials"', async () => {
      const files: [string, Uint8Array][] = [['a.json', enc(JSON.stringify(VC))], ['b.jwt', enc(inner)]];
      const outcome = await parseInputAsync(await pdfWith(files));
      expect(outcome).toStrictEqual({
        kind: 'credentials',
        input: {
          credentials: [
            { format: 'ob3-di', container: 'json', credential: VC, bytes: enc(JSON.stringify(VC)), attachment: { name: 'a.json', mime: 'application/octet-stream', bytes: files[0]![1] } },
            { format: 'ob3-jwt', container: 'jws', credential: VC, jws: inner, bytes: enc(inner), attachment: { name: 'b.jwt', mime: 'application/octet-stream', bytes: files[1]![1] } },
          ],
        },
      });
    });

    it('a single attached file holding only a link is that link; among others it is refused', async () => {
      expect(await parseInputAsync(await pdfWith([['link.txt', enc('https://issuer.test/a/1')]]))).toStrictEqual({ kind: 'url', url: 'https://issuer.test/a/1' });
      const baked = await parseInputAsync(await pdfWith([['badge.png', bakePng(PNG, 'https://issuer.test/a/2', 'openbadges')]]));
      expect(baked).toMatchObject({ kind: 'url', url: 'https://issuer.test/a/2', baked: { image: 'png', keyword: 'openbadges' } });
      expect(await asyncError(parseInputAsync(await pdfWith([['a.json', enc(JSON.stringify(VC))], ['link.txt', enc('https://issuer.test/a/1')]])))).toEqual({
        code: 'NOT_A_CREDENTIAL',
        message: 'the attached file "link.txt" holds only a link',
        data: undefined,
      });
    });

    it('an attached presentation is refused, even one holding a single credential', async () => {
      const vp = (n: number) => enc(JSON.stringify({ type: ['VerifiablePresentation'], verifiableCredential: Array(n).fill(VC) }));
      for (const n of [1, 2]) {
        expect(await asyncError(parseInputAsync(await pdfWith([['vp.json', vp(n)]])))).toEqual({ code: 'NOT_A_CREDENTIAL', message: 'the attached file "vp.json" is not one credential', data: undefined });
      }
      const vpJws = jwsOf({ vp: { verifiableCredential: [VC] } });
      expect(await asyncError(parseInputAsync(await pdfWith([['a.json', enc(JSON.stringify(VC))], ['vp.jwt', enc(vpJws)]])))).toEqual({ code: 'NOT_A_CREDENTIAL', message: 'the attached file "vp.jwt" is not one credential', data: undefined });
    });

    it('a PDF attached to a PDF is refused by name', async () => {
      const innerPdf = await pdfWith([['a.json', enc(JSON.stringify(VC))]]);
      expect(await asyncError(parseInputAsync(await pdfWith([['inner.pdf', innerPdf]])))).toEqual({ code: 'PDF_MALFORMED', message: 'the attached file "inner.pdf" is itself a PDF', data: undefined });
    });

    it('a PDF can never hold more credentials than a presentation may: at most one per file, and no more files than that bound', () => {
      expect(MAX_PDF_ATTACHMENTS).toBeLessThanOrEqual(MAX_PRESENTATION_CREDENTIALS);
    });
  });
});
