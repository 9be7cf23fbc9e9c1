// Tests written for StrykerJS (`npm run mutate`): baked SVGs (svg.ts) — the size bound in UTF-8 bytes for
// BMP characters above the surrogates and at exactly the UTF-16 length, and baking over two credential
// elements that touch. Real badge SVG (1EdTech validator sample), baked then read back.
import { describe, expect, it } from 'vitest';
import { errorOf } from '../../support/errors.ts';
import { bakeSvg, extractFromSvg } from '../../../src/lib/formats/baked/svg.ts';
import { fixtureText } from './baked-helpers.ts';

const badge = (): string => fixtureText('ob3/1edtech-validator/simple-jwt_v1.svg');
const utf8Bytes = (s: string): number => new TextEncoder().encode(s).length;

describe('mutants: svg.ts size bound, counted in UTF-8 bytes', () => {
  it('fullwidth letters (U+FF00 block, above the surrogates) count three bytes each; a surrogate pair counts four', () => {
    const text = '{"name":"Ｔｓｕｍｉｋｉ ＢＡＤＧＥ 🏅","note":"\uE000\uFFFD"}';
    const baked = bakeSvg(badge(), { text, via: 'body', version: 'ob3' });
    const bytes = utf8Bytes(baked);
    expect(extractFromSvg(baked, { maxBytes: bytes })).toMatchObject({ text, via: 'body', element: 'openbadges:credential' });
    expect(errorOf(() => extractFromSvg(baked, { maxBytes: bytes - 1 }))).toEqual({ code: 'INPUT_TOO_LARGE', message: 'SVG is larger than allowed', data: { max: bytes - 1 } });
  });

  it('an ASCII SVG exactly as long as the bound is accepted', () => {
    const baked = bakeSvg(badge(), { text: 'https://x.test/assertions/1', via: 'verify', version: 'ob2' });
    expect(utf8Bytes(baked)).toBe(baked.length);
    expect(extractFromSvg(baked, { maxBytes: baked.length })).toMatchObject({ text: 'https://x.test/assertions/1', via: 'verify' });
    expect(errorOf(() => extractFromSvg(baked, { maxBytes: baked.length - 1 })).code).toBe('INPUT_TOO_LARGE');
  });
});

describe('mutants: svg.ts bakeSvg over existing elements', () => {
  it('two credential elements that touch (the second starts where the first ends) are both replaced', () => {
    const two = badge().replace('</openbadges:credential>', '</openbadges:credential><openbadges:credential verify="second"/>');
    expect(errorOf(() => extractFromSvg(two)).code).toBe('SVG_DUPLICATE_CREDENTIAL');
    const baked = bakeSvg(two, { text: 'new.jws.value', via: 'verify', version: 'ob3' });
    expect(extractFromSvg(baked)).toMatchObject({ text: 'new.jws.value', via: 'verify', element: 'openbadges:credential' });
    expect(baked).not.toContain('second');
  });
});
