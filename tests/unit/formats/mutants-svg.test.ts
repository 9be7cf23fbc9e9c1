// Tests written for StrykerJS (`npm run mutate`): baked SVGs — the size bound counted in UTF-8 bytes to
// the byte, every refusal with its code, words and data, and baking over existing (nested) elements.
import { describe, expect, it } from 'vitest';
import { errorOf } from '../../support/errors.ts';
import { bakeSvg, DEFAULT_SVG_LIMITS, extractFromSvg, looksLikeSvg, OB2_NAMESPACE, OB3_NAMESPACE } from '../../../src/lib/formats/baked/svg.ts';
import { scanSvg } from '../../../src/lib/formats/baked/svg-scan.ts';


const SVG_NS = 'http://www.w3.org/2000/svg';
const svg = (inner: string, rootAttrs = '') => `<svg xmlns="${SVG_NS}" xmlns:openbadges="${OB3_NAMESPACE}"${rootAttrs}>${inner}</svg>`;

describe('the size bound, in UTF-8 bytes', () => {
  // 1-, 2-, 3- and 4-byte characters at each boundary of the encoding.
  const text = svg(`<!--\u007f\u0080\u07ff\u0800\ufffd\u{10000}\u{10FFFF}-->`);
  const bytes = Buffer.byteLength(text, 'utf8');

  it('exactly the bound passes (then: no credential); one byte less is too large', () => {
    expect(errorOf(() => extractFromSvg(text, { maxBytes: bytes })).code).toBe('SVG_NO_CREDENTIAL');
    expect(errorOf(() => extractFromSvg(text, { maxBytes: bytes - 1 }))).toEqual({ code: 'INPUT_TOO_LARGE', message: 'SVG is larger than allowed', data: { max: bytes - 1 } });
  });

  it('a lone high surrogate at the very end counts three bytes', () => {
    const lone = `${svg('')}\uD800`;
    // Not well-formed, but the size check comes first.
    expect(errorOf(() => extractFromSvg(lone, { maxBytes: Buffer.byteLength(svg('')) + 2 })).code).toBe('INPUT_TOO_LARGE');
    expect(errorOf(() => extractFromSvg(lone, { maxBytes: Buffer.byteLength(svg('')) + 3 })).code).toBe('SVG_MALFORMED');
  });

  it('more UTF-16 units than the bound: too large without counting', () => {
    expect(errorOf(() => extractFromSvg(svg(''), { maxBytes: 10 })).code).toBe('INPUT_TOO_LARGE');
    expect(DEFAULT_SVG_LIMITS).toEqual({ maxBytes: 20 * 1024 * 1024 });
  });
});

describe('extractFromSvg', () => {
  it('no element, two elements (listed), an empty element', () => {
    expect(errorOf(() => extractFromSvg(svg('')))).toEqual({ code: 'SVG_NO_CREDENTIAL', message: 'SVG has no Open Badges element', data: undefined });
    const two = svg(`<openbadges:credential verify="a"/><ob2:assertion xmlns:ob2="${OB2_NAMESPACE}">b</ob2:assertion>`);
    const e = errorOf(() => extractFromSvg(two));
    expect(e).toMatchObject({ code: 'SVG_DUPLICATE_CREDENTIAL', message: 'SVG has more than one Open Badges element' });
    expect(e.data).toEqual({
      elements: [
        { element: 'openbadges:credential', namespace: OB3_NAMESPACE, start: two.indexOf('<openbadges:credential') },
        { element: 'openbadges:assertion', namespace: OB2_NAMESPACE, start: two.indexOf('<ob2:assertion') },
      ],
    });
    expect(errorOf(() => extractFromSvg(svg('<openbadges:credential> \n\t</openbadges:credential>')))).toEqual({
      code: 'SVG_NO_CREDENTIAL',
      message: 'The Open Badges element is empty',
      data: { reason: 'empty-element', element: 'openbadges:credential' },
    });
  });

  it('verify wins over the body, which is kept beside it; XML white space only is trimmed', () => {
    expect(extractFromSvg(svg('<openbadges:credential verify=" https://x.test/a ">\u3000{"a":1}\n</openbadges:credential>'))).toEqual({
      text: 'https://x.test/a',
      element: 'openbadges:credential',
      namespace: OB3_NAMESPACE,
      via: 'verify',
      body: '\u3000{"a":1}',
      hasActiveContent: false,
    });
    expect(extractFromSvg(svg('<openbadges:credential verify="x"/><script>1</script>'))).toEqual({ text: 'x', element: 'openbadges:credential', namespace: OB3_NAMESPACE, via: 'verify', hasActiveContent: true });
    expect(extractFromSvg(svg('<openbadges:credential verify=" "><![CDATA[ {"b":2} ]]></openbadges:credential>'))).toMatchObject({ text: '{"b":2}', via: 'body' });
  });

  it('looksLikeSvg: markup first, an svg start tag (any prefix) near the top', () => {
    expect(looksLikeSvg('\uFEFF \n<?xml version="1.0"?><svg>')).toBe(true);
    expect(looksLikeSvg('<s:svg xmlns:s="x"/>')).toBe(true);
    expect(looksLikeSvg('x<svg>')).toBe(false);
    expect(looksLikeSvg('<svgx>')).toBe(false);
    expect(looksLikeSvg(`<!--${' '.repeat(16_400)}--><svg>`)).toBe(false);
  });
});

describe('bakeSvg', () => {
  it('blank text, or a character XML cannot hold: refused, saying where', () => {
    expect(errorOf(() => bakeSvg(svg(''), { text: ' \n', via: 'body', version: 'ob3' }))).toEqual({ code: 'INPUT_EMPTY', message: 'Nothing to bake: the text is blank', data: undefined });
    expect(errorOf(() => bakeSvg(svg(''), { text: 'ab\u0001', via: 'body', version: 'ob3' }))).toEqual({
      code: 'BAKE_TEXT_INVALID',
      message: 'Text has a character that XML cannot hold',
      data: { index: 2, codePoint: 1 },
    });
  });

  it('replaces nested and repeated elements, once each, and reads back', () => {
    const old = svg(`<g/><openbadges:credential verify="a"><openbadges:credential verify="b"/></openbadges:credential><rect/><openbadges:credential verify="c"/>`);
    expect(scanSvg(old).found).toHaveLength(3);
    const baked = bakeSvg(old, { text: 'https://x.test/new', via: 'verify', version: 'ob3' });
    expect(baked).toBe(svg(`<openbadges:credential verify="https://x.test/new"/><g/><rect/>`));
    expect(extractFromSvg(baked).text).toBe('https://x.test/new');
  });

  it('declares the namespace on the root, or on the element when the root binds the prefix elsewhere', () => {
    const plain = `<svg xmlns="${SVG_NS}"/>`;
    expect(bakeSvg(plain, { text: 'x', via: 'body', version: 'ob2' })).toBe(`<svg xmlns="${SVG_NS}" xmlns:openbadges="${OB2_NAMESPACE}"><openbadges:assertion><![CDATA[x]]></openbadges:assertion></svg>`);
    const other = svg('');
    expect(bakeSvg(other, { text: 'x', via: 'verify', version: 'ob2' })).toBe(svg(`<openbadges:assertion xmlns:openbadges="${OB2_NAMESPACE}" verify="x"/>`));
    expect(bakeSvg(other, { text: 'x', via: 'verify', version: 'ob3' })).toBe(svg('<openbadges:credential verify="x"/>'));
  });

  it('escapes attribute text and splits CDATA around ]]> and CR', () => {
    const baked = bakeSvg(svg(''), { text: 'a&<>"\t\n\rb', via: 'verify', version: 'ob3' });
    expect(baked).toContain('verify="a&#38;&#60;&#62;&#34;&#9;&#10;&#13;b"');
    expect(extractFromSvg(baked).text).toBe('a&<>"\t\n\rb');
    const body = bakeSvg(svg(''), { text: 'x]]>y\rz', via: 'body', version: 'ob3' });
    expect(body).toContain('<![CDATA[x]]]]><![CDATA[>y]]>&#13;<![CDATA[z]]>');
    expect(extractFromSvg(body).text).toBe('x]]>y\rz');
  });
});

describe('mutants: svg-scan.ts (the XML pass: refusals, which elements count, the verify attribute, element ranges)', () => {
  it('not well-formed: the parser message with its line:column; no root at all is the parser\'s refusal too', () => {
    const bad = `<svg xmlns="${SVG_NS}">\n  <g/x></svg>`;
    expect(errorOf(() => extractFromSvg(bad))).toEqual({
      code: 'SVG_MALFORMED',
      message: 'SVG is not well-formed XML: 2:6: forward-slash in opening tag not followed by >.',
      data: { line: 2, column: 6, position: bad.indexOf('<g/x') + 4, parserMessage: '2:6: forward-slash in opening tag not followed by >.' },
    });
    for (const [text, at] of [['', '1:0'], ['<?xml version="1.0"?><!-- no element -->', '1:40'], ['<!DOCTYPE svg>', '1:14']] as const) {
      expect(errorOf(() => extractFromSvg(text))).toMatchObject({
        code: 'SVG_MALFORMED',
        message: `SVG is not well-formed XML: ${at}: document must contain a root element.`,
      });
    }
  });

  it('a DOCTYPE internal subset is refused, saying so; a bracket inside a quoted system id is no subset', () => {
    expect(errorOf(() => extractFromSvg(`<!DOCTYPE svg [ <!ENTITY a "b"> ]>${svg('<openbadges:credential verify="x"/>')}`))).toEqual({
      code: 'SVG_FORBIDDEN_CONSTRUCT',
      message: 'SVG has a DOCTYPE with an internal subset (entity declarations)',
      data: { construct: 'doctype-internal-subset', line: 1, column: 34 },
    });
    for (const doctype of ['<!DOCTYPE svg SYSTEM "https://x.test/svg[1].dtd">', "<!DOCTYPE svg SYSTEM 'https://x.test/svg[1].dtd'>"]) {
      expect(extractFromSvg(`${doctype}\n${svg('<openbadges:credential verify="x"/>')}`)).toMatchObject({ text: 'x', via: 'verify' });
    }
    expect(errorOf(() => extractFromSvg(`<!DOCTYPE svg SYSTEM "a.dtd" [ ]>${svg('')}`)).code).toBe('SVG_FORBIDDEN_CONSTRUCT');
  });

  it('the root must be svg, said in words', () => {
    expect(errorOf(() => extractFromSvg(`<html xmlns:openbadges="${OB3_NAMESPACE}"><openbadges:credential verify="x"/></html>`))).toEqual({
      code: 'SVG_MALFORMED',
      message: 'The root element is not <svg>',
      data: { reason: 'root-not-svg', root: 'html', line: 1, column: 60 },
    });
  });

  it('only credential (OB 3.0 namespaces) and assertion (OB 2.0 namespace) count, by local name and namespace both', () => {
    const noneOf = (inner: string) => errorOf(() => extractFromSvg(svg(inner, ` xmlns:ob2="${OB2_NAMESPACE}" xmlns:other="https://x.test/ns"`))).code;
    // Other names in the right namespaces, the right names in other namespaces or none.
    expect(noneOf('<openbadges:assertion verify="x"/>')).toBe('SVG_NO_CREDENTIAL');
    expect(noneOf('<openbadges:title verify="x">t</openbadges:title>')).toBe('SVG_NO_CREDENTIAL');
    expect(noneOf('<ob2:credential verify="x"/>')).toBe('SVG_NO_CREDENTIAL');
    expect(noneOf('<ob2:badge verify="x">b</ob2:badge>')).toBe('SVG_NO_CREDENTIAL');
    expect(noneOf('<other:assertion verify="x"/>')).toBe('SVG_NO_CREDENTIAL');
    expect(noneOf('<assertion verify="x"/><credential verify="y"/>')).toBe('SVG_NO_CREDENTIAL');
    expect(extractFromSvg(svg(`<ob2:assertion xmlns:ob2="${OB2_NAMESPACE}" verify="x"/>`))).toMatchObject({ text: 'x', element: 'openbadges:assertion', namespace: OB2_NAMESPACE });
  });

  it('verify is the unprefixed attribute of that name only: other attributes, a verify in a namespace, are not it', () => {
    const body = '{"id":"urn:uuid:1"}';
    const doc = svg(`<openbadges:credential id="c1" xmlns:x="https://x.test/ns" x:verify="https://evil.test/">${body}</openbadges:credential>`);
    expect(extractFromSvg(doc)).toEqual({ text: body, element: 'openbadges:credential', namespace: OB3_NAMESPACE, via: 'body', hasActiveContent: false });
    expect(extractFromSvg(svg('<openbadges:credential id="c1" verify="v">b</openbadges:credential>'))).toMatchObject({ text: 'v', via: 'verify' });
  });

  it('an element is replaced from its own "<", even when a child tag follows its start tag at once', () => {
    const old = svg('<openbadges:credential><g/>{"a":1}</openbadges:credential><rect/>');
    const e = errorOf(() => extractFromSvg(svg('<openbadges:credential><g/>b</openbadges:credential><openbadges:credential>c</openbadges:credential>')));
    expect(e.data).toEqual({
      elements: [
        { element: 'openbadges:credential', namespace: OB3_NAMESPACE, start: svg('').indexOf('</svg>') },
        { element: 'openbadges:credential', namespace: OB3_NAMESPACE, start: svg('<openbadges:credential><g/>b</openbadges:credential>').indexOf('</svg>') },
      ],
    });
    expect(bakeSvg(old, { text: 'x', via: 'verify', version: 'ob3' })).toBe(svg('<openbadges:credential verify="x"/><rect/>'));
  });
});
