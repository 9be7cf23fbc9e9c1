// Tests written for StrykerJS (`npm run mutate`): reading untrusted values as text, ids, images and
// dates (formats/text.ts), and the compact JWS syntax (formats/jws.ts).
import { describe, expect, it } from 'vitest';
import { isTsumikiError } from '../../../src/lib/errors.ts';
import { decodeJws, JWS_PATTERN } from '../../../src/lib/formats/jws.ts';
import type { JsonValue } from '../../../src/lib/model/credential.ts';
import { allTextOf, dateAt, idAt, imageDataUriOf, MAX_FIELD, MAX_IMAGE_URI, objectAt, objectsAt, stringAt, textOf } from '../../../src/lib/formats/text.ts';

describe('textOf', () => {
  it('a string (blank is none), a number, nothing else plain', () => {
    expect(textOf('Knots')).toBe('Knots');
    expect(textOf('  ')).toBeUndefined();
    expect(textOf(0)).toBe('0');
    expect(textOf(true)).toBeUndefined();
    expect(textOf(undefined)).toBeUndefined();
    expect(textOf({ name: 'x' })).toBeUndefined();
  });

  it('value objects and language arrays: the wanted language by its primary subtag, else the first', () => {
    const v: JsonValue = [{ '@value': 'Knoten', '@language': 'DE-at' }, 'plain', { '@value': 'Noeuds', '@language': 'fr' }, { '@value': 7 }];
    expect(textOf(v)).toBe('Knoten');
    expect(textOf(v, 'de')).toBe('Knoten');
    expect(textOf(v, 'fr')).toBe('Noeuds');
    expect(textOf(v, 'ja')).toBe('Knoten');
    expect(textOf([{ '@value': 'Only' }], 'en')).toBe('Only');
    expect(textOf([{ '@value': ' ' }, 'second'])).toBeUndefined();
    expect(textOf([7, { '@value': 8 }])).toBeUndefined();
  });

  it('plain strings in a language array count as values without a language', () => {
    expect(textOf(['Hello'])).toBe('Hello');
    expect(textOf(['Hello', { '@value': 'Hallo', '@language': 'de' }], 'en')).toBe('Hello');
    expect(textOf(['Hello', { '@value': 'Hallo', '@language': 'de' }], 'de')).toBe('Hallo');
    expect(textOf([' ', 'second'])).toBeUndefined();
    expect(textOf([])).toBeUndefined();
  });

  it('long text is clipped to the field bound with an ellipsis; exactly the bound is kept', () => {
    expect(MAX_FIELD).toBe(2000);
    expect(textOf('x'.repeat(2000))).toBe('x'.repeat(2000));
    expect(textOf('x'.repeat(2001))).toBe(`${'x'.repeat(2000)}…`);
    expect(textOf([{ '@value': 'y'.repeat(11) }], undefined, 10)).toBe(`${'y'.repeat(10)}…`);
    expect(textOf('z'.repeat(11), undefined, 10)).toBe(`${'z'.repeat(10)}…`);
  });
});

describe('the other readers', () => {
  it('allTextOf: every string joined with spaces, blanks and non-strings dropped', () => {
    expect(allTextOf(['a', { '@value': 'b', '@language': 'en' }, 7, '', { '@value': 1 }, 'c'])).toBe('a b c');
    expect(allTextOf(undefined)).toBe('');
  });

  it('objectAt / objectsAt', () => {
    expect(objectAt({ a: 1 })).toEqual({ a: 1 });
    expect(objectAt(['x', { b: 2 }, { c: 3 }])).toEqual({ b: 2 });
    expect(objectAt('x')).toBeUndefined();
    expect(objectsAt(['x', { b: 2 }, null, { c: 3 }])).toEqual([{ b: 2 }, { c: 3 }]);
  });

  it('stringAt: non-blank strings, clipped', () => {
    expect(stringAt('a')).toBe('a');
    expect(stringAt(' ')).toBeUndefined();
    expect(stringAt(5)).toBeUndefined();
    expect(stringAt('w'.repeat(2001))).toBe(`${'w'.repeat(2000)}…`);
  });

  it('idAt: a string or an object’s id (the first of an array), clipped to 500', () => {
    expect(idAt('urn:x')).toBe('urn:x');
    expect(idAt([{ id: 'urn:y' }, 'urn:z'])).toBe('urn:y');
    expect(idAt('')).toBeUndefined();
    expect(idAt({})).toBeUndefined();
    expect(idAt(`urn:${'i'.repeat(600)}`)).toBe(`${`urn:${'i'.repeat(600)}`.slice(0, 500)}…`);
  });

  it('imageDataUriOf: data: images of the known types only, trimmed; never a remote URL', () => {
    expect(imageDataUriOf(' data:image/png;base64,AAAA ')).toBe('data:image/png;base64,AAAA');
    for (const type of ['svg+xml', 'jpeg', 'gif', 'webp', 'PNG']) expect(imageDataUriOf(`data:image/${type},x`)).toBe(`data:image/${type},x`);
    expect(imageDataUriOf({ id: 'data:image/gif;base64,R0lG' })).toBe('data:image/gif;base64,R0lG');
    expect(imageDataUriOf([{ id: 'data:image/gif,x' }])).toBe('data:image/gif,x');
    expect(imageDataUriOf('https://example.test/a.png')).toBeUndefined();
    expect(imageDataUriOf('data:image/tiff;base64,AAAA')).toBeUndefined();
    expect(imageDataUriOf('data:text/html,<b>')).toBeUndefined();
    expect(imageDataUriOf('xdata:image/png,x')).toBeUndefined();
    expect(imageDataUriOf('data:image/pngx,x')).toBeUndefined();
    expect(imageDataUriOf(7)).toBeUndefined();
    expect(MAX_IMAGE_URI).toBe(5 * 1024 * 1024);
    const big = `data:image/png,${'A'.repeat(MAX_IMAGE_URI)}`;
    expect(imageDataUriOf(big)).toBeUndefined();
    expect(imageDataUriOf(big.slice(0, MAX_IMAGE_URI))).toBe(big.slice(0, MAX_IMAGE_URI));
  });

  it('dateAt: a date string as found (64 characters at most), or Unix seconds as ISO', () => {
    expect(dateAt('2025-01-01')).toBe('2025-01-01');
    expect(dateAt(1_735_689_600)).toBe('2025-01-01T00:00:00.000Z');
    expect(dateAt(Infinity)).toBeNull();
    expect(dateAt(NaN)).toBeNull();
    // Unix seconds outside Date's range (±8.64e12 s) are no date: never a RangeError from a hostile credential.
    expect(dateAt(8.64e12)).toBe('+275760-09-13T00:00:00.000Z');
    expect(dateAt(1e13)).toBeNull();
    expect(dateAt(-1e13)).toBeNull();
    expect(dateAt('soon')).toBeNull();
    expect(dateAt(`2025-01-01T00:00:00.${'0'.repeat(43)}Z`)).toBe(`2025-01-01T00:00:00.${'0'.repeat(43)}Z`);
    expect(dateAt(`2025-01-01T00:00:00.${'0'.repeat(44)}Z`)).toBeNull();
    expect(dateAt(null)).toBeNull();
  });
});

describe('decodeJws', () => {
  const b64 = (s: string) => Buffer.from(s).toString('base64url');
  const codeOf = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return isTsumikiError(e) ? `${e.code}: ${e.message}` : String(e);
    }
    return 'no error';
  };

  it('three base64url parts with JSON object header and payload; surrounding space is ignored', () => {
    expect(decodeJws(` ${b64('{"alg":"ES256"}')}.${b64('{"a":1}')}.sig \n`)).toEqual({ header: { alg: 'ES256' }, payload: { a: 1 } });
    expect(decodeJws(`${b64('{"alg":"none"}')}.${b64('{}')}.`)).toEqual({ header: { alg: 'none' }, payload: {} });
  });

  it('anything else is JWS_MALFORMED, saying which part', () => {
    expect(codeOf(() => decodeJws('a.b'))).toBe('JWS_MALFORMED: not a compact JWS');
    expect(codeOf(() => decodeJws('a.b.c.d'))).toBe('JWS_MALFORMED: not a compact JWS');
    expect(codeOf(() => decodeJws(`${b64('{}')}.${b64('{}')}.s+g`))).toBe('JWS_MALFORMED: not a compact JWS');
    expect(codeOf(() => decodeJws(`${b64('[1]')}.${b64('{}')}.s`))).toBe('JWS_MALFORMED: the JWS header is not a JSON object');
    expect(codeOf(() => decodeJws(`${b64('{}')}.${b64('nope')}.s`))).toBe('JWS_MALFORMED: the JWS payload is not a JSON object');
    expect(codeOf(() => decodeJws(`${Buffer.from([0xff, 0xfe]).toString('base64url')}.${b64('{}')}.s`))).toBe('JWS_MALFORMED: the JWS header is not base64url UTF-8');
  });

  it('the error behind a malformed part is kept as the cause', () => {
    const causeOf = (f: () => unknown): unknown => {
      try {
        f();
      } catch (e) {
        return (e as Error).cause;
      }
      return 'no error';
    };
    expect(causeOf(() => decodeJws(`${Buffer.from([0xff, 0xfe]).toString('base64url')}.${b64('{}')}.s`))).toBeInstanceOf(TypeError);
    const header = causeOf(() => decodeJws(`${b64('[1]')}.${b64('{}')}.s`));
    expect(isTsumikiError(header) && header.code).toBe('NOT_A_CREDENTIAL');
    const payload = causeOf(() => decodeJws(`${b64('{}')}.${b64('nope')}.s`));
    expect(isTsumikiError(payload) && payload.code).toBe('JSON_MALFORMED');
  });

  it('space inside the JWS is no compact JWS', () => {
    expect(codeOf(() => decodeJws(`${b64('{}')} .${b64('{}')}.s`))).toBe('JWS_MALFORMED: not a compact JWS');
  });

  it('a bound passed inside a part keeps its own code', () => {
    expect(codeOf(() => decodeJws(`${b64('{}')}.${b64('['.repeat(100) + ']'.repeat(100))}.s`))).toMatch(/^JSON_TOO_DEEP: /);
    expect(codeOf(() => decodeJws(`${b64('{"__proto__":{}}')}.${b64('{}')}.s`))).toMatch(/^JSON_FORBIDDEN_KEY: /);
  });

  it('the pattern: base64url characters only, an empty signature allowed, nothing around', () => {
    expect(JWS_PATTERN.test('a-_.B9.')).toBe(true);
    expect(JWS_PATTERN.test('.b.c')).toBe(false);
    expect(JWS_PATTERN.test('a..c')).toBe(false);
    expect(JWS_PATTERN.test('x a.b.c')).toBe(false);
    expect(JWS_PATTERN.test('a.b.c x')).toBe(false);
  });
});
