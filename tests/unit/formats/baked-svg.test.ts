import { describe, expect, it } from 'vitest';
import { bakeSvg, extractFromSvg, looksLikeSvg, OB2_NAMESPACE, OB3_NAMESPACE } from '../../../src/lib/formats/baked/svg.ts';
import { extractFromPng } from '../../../src/lib/formats/baked/png.ts';
import { codeOf, fixtureBytes, fixtureText } from './baked-helpers.ts';

const JWT_SVG = fixtureText('ob3/1edtech-validator/simple-jwt_v1.svg');
const SVG_NS = 'xmlns="http://www.w3.org/2000/svg"';
const OB3 = `xmlns:openbadges="${OB3_NAMESPACE}"`;
const OB2 = `xmlns:openbadges="${OB2_NAMESPACE}"`;
const svg = (inner: string, attrs = OB3): string => `<svg ${SVG_NS} ${attrs}>${inner}<circle r="1"/></svg>`;

describe('extractFromSvg — real baked badges', () => {
  it('OB 3.0 VC-JWT in the verify attribute (1EdTech validator simple-jwt_v1.svg, with a DOCTYPE PUBLIC)', () => {
    const p = extractFromSvg(JWT_SVG);
    expect(p).toMatchObject({ element: 'openbadges:credential', namespace: OB3_NAMESPACE, via: 'verify', hasActiveContent: false });
    expect(p.text.split('.')).toHaveLength(3);
    // the same credential as the PNG of the same name
    expect(p.text).toBe(extractFromPng(fixtureBytes('ob3/1edtech-validator/simple-jwt_v1.png')).text);
  });

  it('OB 3.0 embedded-proof example of the spec (CDATA body)', () => {
    const p = extractFromSvg(fixtureText('ob3/spec/baking-example-embedded-proof.svg.txt'));
    expect(p).toMatchObject({ element: 'openbadges:credential', via: 'body' });
    expect(JSON.parse(p.text).id).toBe('http://example.edu/credentials/3732');
  });

  it('OB 2.0 example of the spec: verify = hosted URL, Assertion JSON in the body (placeholder line removed)', () => {
    const text = fixtureText('ob2/spec/baking-example.svg.txt').replace('<rest-of-document...>', '');
    const p = extractFromSvg(text);
    expect(p).toMatchObject({ element: 'openbadges:assertion', namespace: OB2_NAMESPACE, via: 'verify' });
    expect(p.text).toBe('https://example.org/assertions/123');
    expect(JSON.parse(p.body ?? '').id).toBe('https://example.org/assertions/123');
  });

  it('matches by namespace URI, not prefix text', () => {
    const other = `<svg ${SVG_NS} xmlns:ob="${OB3_NAMESPACE}"><ob:credential verify="a.b.c"/></svg>`;
    expect(extractFromSvg(other)).toMatchObject({ text: 'a.b.c', element: 'openbadges:credential' });
    const wrongNs = svg('<openbadges:credential verify="a.b.c"/>', 'xmlns:openbadges="https://example.com/not-ob"');
    expect(codeOf(() => extractFromSvg(wrongNs)).code).toBe('SVG_NO_CREDENTIAL');
    const alt = svg('<openbadges:credential verify="a.b.c"/>', 'xmlns:openbadges="https://purl.imsglobal.org/spec/ob/v3p0"');
    expect(extractFromSvg(alt).namespace).toBe('https://purl.imsglobal.org/spec/ob/v3p0');
  });

  it('empty verify falls back to the body; an empty element is no credential', () => {
    expect(extractFromSvg(svg('<openbadges:credential verify=" ">\n {"a":1} \n</openbadges:credential>'))).toMatchObject({ text: '{"a":1}', via: 'body' });
    expect(codeOf(() => extractFromSvg(svg('<openbadges:credential/>'))).code).toBe('SVG_NO_CREDENTIAL');
    expect(codeOf(() => extractFromSvg(`<svg ${SVG_NS}/>`)).code).toBe('SVG_NO_CREDENTIAL');
  });
});

describe('extractFromSvg — hostile input', () => {
  it('billion laughs (DOCTYPE with ENTITY declarations) → SVG_FORBIDDEN_CONSTRUCT', () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
      <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">]>${svg('<openbadges:credential>&lol2;</openbadges:credential>')}`;
    expect(codeOf(() => extractFromSvg(lol))).toMatchObject({ code: 'SVG_FORBIDDEN_CONSTRUCT', data: { construct: 'doctype-internal-subset' } });
  });

  it('external entity (XXE) → SVG_FORBIDDEN_CONSTRUCT; an undeclared entity → SVG_MALFORMED', () => {
    const xxe = `<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${svg('<openbadges:credential>&xxe;</openbadges:credential>')}`;
    expect(codeOf(() => extractFromSvg(xxe)).code).toBe('SVG_FORBIDDEN_CONSTRUCT');
    const undeclared = `<!DOCTYPE svg SYSTEM "http://evil.example/x.dtd">${svg('<openbadges:credential>&xxe;</openbadges:credential>')}`;
    expect(codeOf(() => extractFromSvg(undeclared)).code).toBe('SVG_MALFORMED');
  });

  it('an external DTD reference alone is harmless (never fetched)', () => {
    const ext = `<!DOCTYPE svg SYSTEM "http://evil.example/x.dtd">${svg('<openbadges:credential verify="a.b.c"/>')}`;
    expect(extractFromSvg(ext).text).toBe('a.b.c');
  });

  it('malformed XML → SVG_MALFORMED with the parser position', () => {
    const e = codeOf(() => extractFromSvg(`<svg ${SVG_NS}>\n  <g>\n</svg>`));
    expect(e.code).toBe('SVG_MALFORMED');
    expect(e.data).toMatchObject({ line: 3 });
    expect(typeof e.data?.column).toBe('number');
    for (const bad of ['', 'not xml', '<svg', '<svg><x:y/></svg>', '<svg a="1" a="2"/>', '<svg/><svg/>']) {
      expect(codeOf(() => extractFromSvg(bad)).code).toBe('SVG_MALFORMED');
    }
  });

  it('root other than <svg> → SVG_MALFORMED', () => {
    const e = codeOf(() => extractFromSvg(`<html xmlns:openbadges="${OB3_NAMESPACE}"><openbadges:credential verify="x"/></html>`));
    expect(e).toMatchObject({ code: 'SVG_MALFORMED', data: { reason: 'root-not-svg' } });
  });

  it('two credential elements → SVG_DUPLICATE_CREDENTIAL (also OB 3.0 + OB 2.0, also nested)', () => {
    const two = svg('<openbadges:credential verify="a"/><g><openbadges:credential verify="b"/></g>');
    expect(codeOf(() => extractFromSvg(two)).code).toBe('SVG_DUPLICATE_CREDENTIAL');
    const mixed = svg(`<openbadges:credential verify="a"/><ob2:assertion xmlns:ob2="${OB2_NAMESPACE}" verify="b"/>`);
    expect(codeOf(() => extractFromSvg(mixed)).data).toMatchObject({ elements: [{ element: 'openbadges:credential' }, { element: 'openbadges:assertion' }] });
    const nested = svg('<openbadges:credential><openbadges:credential verify="b"/></openbadges:credential>');
    expect(codeOf(() => extractFromSvg(nested)).code).toBe('SVG_DUPLICATE_CREDENTIAL');
  });

  it('<script>, foreignObject, on* and javascript: URLs do not stop extraction but are flagged', () => {
    const cases = [
      '<script>alert(1)</script>',
      '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>',
      '<rect onload="alert(1)"/>',
      '<a xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href=" java&#9;script:alert(1)"><text>x</text></a>',
      '<animate attributeName="href" values="javascript:alert(1)"/>',
      // Each element that embeds a live document or runs script, alone (SVG Tiny 1.2's handler and listener included).
      '<iframe src="https://x.test/"/>',
      '<embed src="https://x.test/a.swf"/>',
      '<object data="https://x.test/a.html"/>',
      '<handler type="application/ecmascript">alert(1)</handler>',
      '<listener event="click" handler="#h"/>',
      '<FOREIGNOBJECT/>',
    ];
    for (const active of cases) {
      const p = extractFromSvg(svg(`<openbadges:credential verify="a.b.c"/>${active}`));
      expect(p).toMatchObject({ text: 'a.b.c', hasActiveContent: true });
    }
  });

  it('over maxBytes (counted in UTF-8) → INPUT_TOO_LARGE', () => {
    const doc = svg(`<openbadges:credential verify="a.b.c"/><!-- ${'日'.repeat(400)} -->`);
    expect(doc.length).toBeLessThan(1000);
    expect(codeOf(() => extractFromSvg(doc, { maxBytes: 1000 })).code).toBe('INPUT_TOO_LARGE');
    expect(extractFromSvg(doc, { maxBytes: 2000 }).text).toBe('a.b.c');
  });
});

describe('looksLikeSvg', () => {
  it.each([
    [JWT_SVG, true],
    ['\uFEFF  <?xml version="1.0"?>\n<!-- x --><svg/>', true],
    ['<svg:svg xmlns:svg="http://www.w3.org/2000/svg"/>', true],
    ['{"image":"<svg/>"}', false],
    ['eyJhbGciOiJSUzI1NiJ9.e30.sig', false],
    ['<svgfoo/>', false],
    ['<html><body/></html>', false],
  ])('%#', (text, expected) => {
    expect(looksLikeSvg(text)).toBe(expected);
  });
});

describe('bakeSvg', () => {
  it('OB 3.0 VC-JWT: verify attribute right after <svg>, namespace declared on the root', () => {
    const out = bakeSvg(`<svg ${SVG_NS} viewBox="0 0 1 1"><rect/></svg>`, { text: 'h.p.s', via: 'verify', version: 'ob3' });
    expect(out).toBe(`<svg ${SVG_NS} viewBox="0 0 1 1" ${OB3}><openbadges:credential verify="h.p.s"/><rect/></svg>`);
    expect(extractFromSvg(out)).toMatchObject({ text: 'h.p.s', via: 'verify', element: 'openbadges:credential' });
  });

  it('OB 2.0 JSON in CDATA, replacing the credential of a real badge', () => {
    const json = '{"type":"Assertion","note":"]]> & <b>"}';
    const out = bakeSvg(JWT_SVG, { text: json, via: 'body', version: 'ob2' });
    expect(extractFromSvg(out)).toMatchObject({ text: json, via: 'body', element: 'openbadges:assertion', namespace: OB2_NAMESPACE });
    expect(out).toContain('<!DOCTYPE svg PUBLIC');
    expect(out).not.toContain('eyJhbGciOiJSUzI1NiIs');
  });

  it('self-closing root, prefixed root, and a root that binds openbadges to the other namespace', () => {
    const selfClosing = bakeSvg(`<svg ${SVG_NS}/>`, { text: 'x', via: 'body', version: 'ob3' });
    expect(selfClosing).toBe(`<svg ${SVG_NS} ${OB3}><openbadges:credential><![CDATA[x]]></openbadges:credential></svg>`);
    const prefixed = bakeSvg('<s:svg xmlns:s="http://www.w3.org/2000/svg"/>', { text: 'x', via: 'verify', version: 'ob2' });
    expect(extractFromSvg(prefixed)).toMatchObject({ text: 'x', element: 'openbadges:assertion' });
    const conflict = bakeSvg(svg('', OB2), { text: 'x', via: 'verify', version: 'ob3' });
    expect(extractFromSvg(conflict)).toMatchObject({ text: 'x', namespace: OB3_NAMESPACE });
  });

  it('rejects blank text, characters XML cannot hold, and forbidden or broken input', () => {
    expect(codeOf(() => bakeSvg(svg(''), { text: ' \n', via: 'body', version: 'ob3' })).code).toBe('INPUT_EMPTY');
    expect(codeOf(() => bakeSvg(svg(''), { text: 'a\u0000b', via: 'body', version: 'ob3' })).code).toBe('BAKE_TEXT_INVALID');
    expect(codeOf(() => bakeSvg(svg(''), { text: 'a\udc00', via: 'verify', version: 'ob3' })).code).toBe('BAKE_TEXT_INVALID');
    expect(codeOf(() => bakeSvg(`<!DOCTYPE svg [<!ENTITY a "b">]><svg/>`, { text: 'x', via: 'body', version: 'ob3' })).code).toBe('SVG_FORBIDDEN_CONSTRUCT');
    expect(codeOf(() => bakeSvg('<svg>', { text: 'x', via: 'body', version: 'ob3' })).code).toBe('SVG_MALFORMED');
  });
});
