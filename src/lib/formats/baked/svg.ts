/**
 * Baked SVG badges (OB 3.0 §5.3.2, OB 2.0 Baking §SVG; STANDARDS.md §1.5, §3.3): one
 * `<openbadges:credential>` (namespace https://purl.imsglobal.org/ob/v3p0) or `<openbadges:assertion>`
 * (namespace http://openbadges.org) element; payload in its `verify` attribute (JWS or URL) or, without one,
 * in its body as CDATA (JSON).
 *
 * Pure string processing through a real XML parser (see svg-scan.ts); nothing is rendered or evaluated.
 * Scripts and foreignObject are not an error here (the image is shown later through <img>, where they do not
 * run) but are reported as `hasActiveContent`.
 */
import { TsumikiError } from '../../errors.ts';
import { OB2_NAMESPACE, OB3_NAMESPACE, scanSvg, type FoundElement, type SvgElementName } from './svg-scan.ts';

export { OB2_NAMESPACE, OB3_NAMESPACE, OB3_NAMESPACES } from './svg-scan.ts';

export interface SvgPayload {
  /** The credential text (trimmed of XML white space): compact JWS, URL, or JSON. */
  text: string;
  element: SvgElementName;
  /** The namespace URI the element was found under. */
  namespace: string;
  via: 'verify' | 'body';
  /** The element body (trimmed) when `via` is `verify` and the body is not empty: OB 2.0 hosted badges put the
   *  Assertion JSON there next to its URL. */
  body?: string;
  /** Script, foreignObject, iframe/embed/object, on* attributes or javascript: URLs somewhere in the SVG. A hint
   *  for the UI (never render this SVG inline); not a sanitiser's verdict. */
  hasActiveContent: boolean;
}

export interface SvgLimits {
  /** Largest SVG accepted, in UTF-8 bytes. */
  maxBytes: number;
}

/** 20 MiB, as for PNG: badge SVGs are usually 5–500 KB, some embed a raster image as base64. */
export const DEFAULT_SVG_LIMITS: SvgLimits = Object.freeze({ maxBytes: 20 * 1024 * 1024 });

/** How much of the text `looksLikeSvg` reads: XML declaration, comments and a DOCTYPE may precede <svg>. */
const SNIFF_CHARS = 16_384;

/**
 * Cheap sniff: starts with markup (after an optional BOM and white space) and has an `<svg` start tag (any
 * prefix) near the top. Not a validation — `extractFromSvg` decides.
 */
export function looksLikeSvg(text: string): boolean {
  const head = text.slice(0, SNIFF_CHARS);
  return /^\uFEFF?\s*</.test(head) && /<(?:[A-Za-z_][\w.-]*:)?svg[\s/>]/.test(head);
}

/** UTF-8 length of a string without allocating the encoding. */
function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** XML white space only (JS `trim` would also eat U+3000, U+FEFF…, which can be payload). */
function xmlTrim(s: string): string {
  return s.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
}

/**
 * Finds the one credential in a baked SVG. Throws `TsumikiError`: INPUT_TOO_LARGE, SVG_MALFORMED,
 * SVG_FORBIDDEN_CONSTRUCT, SVG_NO_CREDENTIAL (none, or an element with neither `verify` nor body),
 * SVG_DUPLICATE_CREDENTIAL (two elements of either kind).
 */
export function extractFromSvg(svg: string, limits?: { maxBytes: number }): SvgPayload {
  const max = limits?.maxBytes ?? DEFAULT_SVG_LIMITS.maxBytes;
  if (svg.length > max || (svg.length * 3 > max && utf8Length(svg) > max)) {
    throw new TsumikiError('INPUT_TOO_LARGE', 'SVG is larger than allowed', { data: { max } });
  }
  const { found, hasActiveContent } = scanSvg(svg);
  const [el, second] = found;
  if (!el) throw new TsumikiError('SVG_NO_CREDENTIAL', 'SVG has no Open Badges element');
  if (second) {
    throw new TsumikiError('SVG_DUPLICATE_CREDENTIAL', 'SVG has more than one Open Badges element', {
      data: { elements: found.map((f) => ({ element: f.element, namespace: f.namespace, start: f.start })) },
    });
  }
  const base = { element: el.element, namespace: el.namespace, hasActiveContent };
  const verify = xmlTrim(el.verify ?? '');
  const body = xmlTrim(el.body);
  if (verify !== '') return { ...base, text: verify, via: 'verify', ...(body === '' ? {} : { body }) };
  if (body !== '') return { ...base, text: body, via: 'body' };
  throw new TsumikiError('SVG_NO_CREDENTIAL', 'The Open Badges element is empty', {
    data: { reason: 'empty-element', element: el.element },
  });
}

/** Characters XML 1.0 cannot hold at all, even as references (and lone surrogates). */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function escapeAttribute(text: string): string {
  // Tab, LF and CR as references: attribute-value normalisation would turn the literal characters into spaces.
  return text.replace(/[&<>"\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** CDATA cannot hold `]]>` (split it across two sections) or keep a CR (end-of-line handling drops it). */
function cdata(text: string): string {
  const inner = text.replaceAll(']]>', ']]]]><![CDATA[>').replaceAll('\r', ']]>&#13;<![CDATA[');
  return `<![CDATA[${inner}]]>`;
}

/** Outermost elements only, in document order (a nested duplicate goes with its parent). */
function outermost(found: readonly FoundElement[]): FoundElement[] {
  const out: FoundElement[] = [];
  for (const f of found) {
    const last = out[out.length - 1];
    if (!last || f.start >= last.end) out.push(f);
  }
  return out;
}

/**
 * Bakes `payload.text` into `svg`: removes every existing Open Badges element, declares
 * `xmlns:openbadges` on the root `<svg>` (or, if the root binds that prefix to another namespace, on the new
 * element) and inserts the element directly after the root start tag — `verify="…"` (empty element) or a CDATA
 * body. Throws SVG_MALFORMED / SVG_FORBIDDEN_CONSTRUCT (as extraction), INPUT_EMPTY (blank text) or
 * BAKE_TEXT_INVALID (a character XML 1.0 cannot hold). `extractFromSvg` gives back the text, trimmed.
 */
export function bakeSvg(svg: string, payload: { text: string; via: 'verify' | 'body'; version: 'ob3' | 'ob2' }): string {
  const { text, via, version } = payload;
  if (xmlTrim(text) === '') throw new TsumikiError('INPUT_EMPTY', 'Nothing to bake: the text is blank');
  const bad = NOT_XML_CHAR.exec(text);
  if (bad) {
    throw new TsumikiError('BAKE_TEXT_INVALID', 'Text has a character that XML cannot hold', {
      data: { index: bad.index, codePoint: bad[0].codePointAt(0) },
    });
  }
  const { root, found } = scanSvg(svg);
  const ns = version === 'ob3' ? OB3_NAMESPACE : OB2_NAMESPACE;
  const name = version === 'ob3' ? 'openbadges:credential' : 'openbadges:assertion';
  const declareOnRoot = root.openbadgesNs === undefined;
  const localDecl = declareOnRoot || root.openbadgesNs === ns ? '' : ` xmlns:openbadges="${escapeAttribute(ns)}"`;
  const element =
    via === 'verify'
      ? `<${name}${localDecl} verify="${escapeAttribute(text)}"/>`
      : `<${name}${localDecl}>${cdata(text)}</${name}>`;

  let out = svg;
  for (const f of outermost(found).reverse()) out = out.slice(0, f.start) + out.slice(f.end);
  // Everything removed lies after the root start tag, so its offsets are still valid.
  const tagClose = root.startTagEnd - (root.selfClosing ? 2 : 1);
  const rootDecl = declareOnRoot ? ` xmlns:openbadges="${escapeAttribute(ns)}"` : '';
  const afterTag = root.selfClosing ? `>${element}</${root.name}>` : `>${element}`;
  return out.slice(0, tagClose) + rootDecl + afterTag + out.slice(root.startTagEnd);
}
