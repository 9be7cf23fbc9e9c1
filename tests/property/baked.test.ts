/**
 * Properties of the baked-image layer: bake → extract gives the text back (PNG exactly; SVG trimmed of XML
 * white space), and extraction on any input either returns or throws a TsumikiError, reading a PNG's bytes once.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { isTsumikiError } from '../../src/lib/errors.ts';
import { bakePng, extractFromPng, type PngKeyword } from '../../src/lib/formats/baked/png.ts';
import { bakeSvg, extractFromSvg } from '../../src/lib/formats/baked/svg.ts';
import { chunk, concat, fixtureBytes, fixtureText, insertBeforeIend } from '../unit/formats/baked-helpers.ts';

const PLAIN_PNG = fixtureBytes('ob2/1edtech-validator/assets/robotics-badge.png');
const BAKED_PNGS = ['ob2/1edtech-validator/simple-badge.png', 'ob3/1edtech-validator/simple-json.png'].map(fixtureBytes);
const JWT_SVG = fixtureText('ob3/1edtech-validator/simple-jwt_v1.svg');
const MINIMAL_SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>';

/**
 * The work a PNG extraction does, counted (a timed bound on a shared machine is too loose to catch a bomb or a
 * quadratic walker and still flaky; speed figures live in `npm run bench`): bytes run through CRC-32 and
 * compressed bytes handed to the inflater. The wrappers only count.
 */
const work = vi.hoisted(() => ({ crcBytes: 0, inflateBytesIn: 0 }));
vi.mock('crc-32', async (importOriginal) => {
  const original = await importOriginal<{ default: { buf(data: Uint8Array, seed?: number): number } }>();
  const buf = (data: Uint8Array, seed?: number): number => {
    work.crcBytes += data.length;
    return original.default.buf(data, seed);
  };
  return { ...original, buf, default: { ...original.default, buf } };
});
vi.mock('fflate', async (importOriginal) => {
  const original = await importOriginal<typeof import('fflate')>();
  class CountingUnzlib extends original.Unzlib {
    override push(chunk: Uint8Array, final?: boolean): void {
      work.inflateBytesIn += chunk.length;
      super.push(chunk, final);
    }
  }
  return { ...original, Unzlib: CountingUnzlib };
});

/** Runs `fn`; anything thrown must be a TsumikiError. An endless loop is caught by the test's own timeout. */
function onlyTsumikiErrors(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    if (!isTsumikiError(e)) throw e;
  }
}

/**
 * Extracts from `png` (a result or a TsumikiError), reading each of its bytes at most once: CRC-32 over the
 * chunks it walks, and the inflater over the one compressed text it decodes. A walker that re-reads the file
 * (quadratic) or an inflater fed more than the chunk holds fails here, whatever the machine's speed.
 */
function extractsLinearly(png: Uint8Array): void {
  work.crcBytes = 0;
  work.inflateBytesIn = 0;
  onlyTsumikiErrors(() => extractFromPng(png));
  expect(work.crcBytes).toBeLessThanOrEqual(png.length);
  expect(work.inflateBytesIn).toBeLessThanOrEqual(png.length);
}

/** Tricky pieces for both formats: CDATA end, CR/LF, markup characters, non-ASCII, astral, BOM, NUL. */
const tricky = fc.constantFrom(']]>', ']]', ']', '>', '<', '&', '&amp;', '"', "'", '\r', '\n', '\r\n', '\t', ' ', 'a', '{"id":1}', '日本語', '積み木', '😀', '\uFEFF', '\u3000', '\u0000');
const anyText = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string({ unit: tricky }));

/** XML 1.0 cannot hold these at all; replace them so the SVG property covers every other string. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const xmlTrim = (s: string): string => s.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');

describe('bake → extract round-trips', () => {
  it('PNG: any string, either keyword, exactly (also when re-baking over an earlier bake)', () => {
    fc.assert(
      fc.property(anyText, anyText, fc.constantFrom<PngKeyword>('openbadgecredential', 'openbadges'), (first, text, keyword) => {
        const once = bakePng(PLAIN_PNG, first);
        const twice = bakePng(once, text, keyword);
        expect(extractFromPng(twice)).toEqual({ text, chunk: 'iTXt', keyword, compressed: false });
      }),
      { numRuns: 300 },
    );
  });

  it('SVG: any XML-representable string, both modes, both versions, over a real badge and a plain image', () => {
    fc.assert(
      fc.property(
        anyText.map((s) => s.replace(NOT_XML_CHAR, '?')).filter((s) => xmlTrim(s) !== ''),
        fc.constantFrom<'verify' | 'body'>('verify', 'body'),
        fc.constantFrom<'ob3' | 'ob2'>('ob3', 'ob2'),
        fc.constantFrom(JWT_SVG, MINIMAL_SVG),
        (text, via, version, image) => {
          const out = extractFromSvg(bakeSvg(image, { text, via, version }));
          expect(out.text).toBe(xmlTrim(text));
          expect(out.via).toBe(via);
          expect(out.element).toBe(version === 'ob3' ? 'openbadges:credential' : 'openbadges:assertion');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('SVG body mode keeps texts made of CDATA terminators', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(']]>', ']]', ']', '>', 'x', '\r'), { minLength: 1, maxLength: 30 }), (parts) => {
        const text = `{${parts.join('')}}`;
        expect(extractFromSvg(bakeSvg(MINIMAL_SVG, { text, via: 'body', version: 'ob3' })).text).toBe(text);
      }),
    );
  });
});

describe('extraction is total: a result or a TsumikiError, reading each byte once', () => {
  const signature = BAKED_PNGS[0]!.subarray(0, 8);

  it('PNG: arbitrary bytes, with and without the PNG signature', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), fc.boolean(), (bytes, signed) => {
        extractsLinearly(signed ? concat(signature, bytes) : bytes);
      }),
      { numRuns: 500 },
    );
  });

  it('PNG: mutated real badges (byte flips, truncation)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...BAKED_PNGS),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat()),
        (png, flips, cut) => {
          const bytes = png.slice(0, cut === null ? undefined : cut % (png.length + 1));
          for (const [at, value] of flips) if (bytes.length > 0) bytes[at % bytes.length] = value;
          extractsLinearly(bytes);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('PNG: well-formed (CRC-correct) text chunks with arbitrary contents, compressed or not', () => {
    const kw = fc.constantFrom('openbadges', 'openbadgecredential', 'Comment', '');
    const body = fc.uint8Array({ maxLength: 512 });
    fc.assert(
      fc.property(fc.constantFrom('iTXt', 'tEXt', 'zTXt'), kw, fc.uint8Array({ maxLength: 4 }), body, (type, keyword, head, rest) => {
        const data = concat(new TextEncoder().encode(keyword), new Uint8Array([0]), head, rest);
        extractsLinearly(insertBeforeIend(PLAIN_PNG, chunk(type, data)));
        const flagged = concat(new TextEncoder().encode(keyword), new Uint8Array([0, 1, 0, 0, 0]), rest);
        extractsLinearly(insertBeforeIend(PLAIN_PNG, chunk(type, flagged)));
      }),
      { numRuns: 300 },
    );
  });

  it('SVG: arbitrary strings and markup-shaped strings', () => {
    const markup = fc.constantFrom(
      '<svg', '<svg xmlns="http://www.w3.org/2000/svg">', '</svg>', '<!DOCTYPE svg', '[', ']', '<!ENTITY a "b">', '&a;', '&amp;',
      '<![CDATA[', ']]>', '<!--', '-->', '<?xml version="1.0"?>', 'xmlns:openbadges="http://openbadges.org"',
      ' xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"', '<openbadges:credential', '<openbadges:assertion',
      '</openbadges:credential>', ' verify="', '"', '>', '/>', '<', 'x', ' ', '\n', '<script>', '日本',
    );
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: markup, maxLength: 60 })), (text) => {
        onlyTsumikiErrors(() => extractFromSvg(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('SVG: mutated real badge (character flips, truncation)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.constantFrom('<', '>', '&', '"', ']', 'x', '')), { maxLength: 6 }), fc.nat(), (edits, cut) => {
        let text = JWT_SVG.slice(0, cut % (JWT_SVG.length + 1));
        for (const [at, c] of edits) {
          const i = text.length === 0 ? 0 : at % text.length;
          text = text.slice(0, i) + c + text.slice(i + 1);
        }
        onlyTsumikiErrors(() => extractFromSvg(text));
      }),
      { numRuns: 300 },
    );
  });
});
