/**
 * One pass of a real, namespace-aware XML parser (saxes) over an SVG, shared by extraction and baking.
 * Nothing is rendered, fetched or evaluated: saxes knows only the five predefined entities, never reads a DTD,
 * and we refuse any DOCTYPE that has an internal subset (entity declarations: billion laughs, XXE) before a
 * single element is seen.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { TsumikiError } from '../../errors.ts';

/** OB 3.0 §5.3.2 names the first; the second (the context URL's base) is found in the wild. */
export const OB3_NAMESPACE = 'https://purl.imsglobal.org/ob/v3p0';
export const OB3_NAMESPACES: readonly string[] = [OB3_NAMESPACE, 'https://purl.imsglobal.org/spec/ob/v3p0'];
export const OB2_NAMESPACE = 'http://openbadges.org';

export type SvgElementName = 'openbadges:credential' | 'openbadges:assertion';

export interface FoundElement {
  readonly element: SvgElementName;
  readonly namespace: string;
  /** The `verify` attribute (no namespace), if present. */
  readonly verify: string | undefined;
  /** Concatenated text and CDATA inside the element (textContent). */
  body: string;
  /** Source range of the whole element, `[start, end)`, as JavaScript string indices. */
  readonly start: number;
  end: number;
}

export interface SvgRoot {
  /** Qualified name as written (`svg`, or `svg:svg`). */
  readonly name: string;
  /** Index just after the `>` that ends the root start tag. */
  readonly startTagEnd: number;
  readonly selfClosing: boolean;
  /** Namespace bound to the prefix `openbadges` on the root element itself, if any. */
  readonly openbadgesNs: string | undefined;
}

export interface SvgScan {
  readonly root: SvgRoot;
  readonly found: readonly FoundElement[];
  readonly hasActiveContent: boolean;
}

/** Elements that can run script or embed a live document when an SVG is opened directly (not via <img>). */
const ACTIVE_ELEMENTS = new Set(['script', 'foreignobject', 'iframe', 'embed', 'object', 'handler', 'listener']);
/** A script URL in any attribute value (href, xlink:href, animate `values`/`to`…), ignoring blanks and controls. */
const SCRIPT_URL = /(?:java|vb)script:/i;
/** Blanks and control characters, which browsers skip inside URLs (`java\tscript:`). */
const BLANKS = /[\u0000-\u0020]/g;

function credentialKind(tag: SaxesTagNS): { element: SvgElementName; namespace: string } | undefined {
  if (tag.local === 'credential' && OB3_NAMESPACES.includes(tag.uri)) {
    return { element: 'openbadges:credential', namespace: tag.uri };
  }
  if (tag.local === 'assertion' && tag.uri === OB2_NAMESPACE) return { element: 'openbadges:assertion', namespace: tag.uri };
  return undefined;
}

function isActive(tag: SaxesTagNS): boolean {
  if (ACTIVE_ELEMENTS.has(tag.local.toLowerCase())) return true;
  return Object.values(tag.attributes).some(
    (a) => a.local.toLowerCase().startsWith('on') || SCRIPT_URL.test(a.value.replace(BLANKS, '')),
  );
}

/** True when the DOCTYPE (text between `<!DOCTYPE` and `>`) has an internal subset or declares anything. */
function hasInternalSubset(doctype: string): boolean {
  return doctype.replace(/"[^"]*"|'[^']*'/g, '').includes('[');
}

/**
 * Parses `svg` and reports the root start tag, every Open Badges element (by namespace URI, any prefix) and
 * whether anything active is present. Throws SVG_FORBIDDEN_CONSTRUCT (DOCTYPE with internal subset) or
 * SVG_MALFORMED (not well-formed XML — with the parser's line/column — including no root element at all; or
 * the root element is not `svg`).
 */
export function scanSvg(svg: string): SvgScan {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let root: SvgRoot | undefined;
  const found: FoundElement[] = [];
  const open: FoundElement[] = [];
  const stack: (FoundElement | undefined)[] = [];
  let tagStart = 0;
  let hasActiveContent = false;

  parser.on('error', (err) => {
    throw new TsumikiError('SVG_MALFORMED', `SVG is not well-formed XML: ${err.message}`, {
      cause: err,
      data: { line: parser.line, column: parser.column, position: parser.position, parserMessage: err.message },
    });
  });
  parser.on('doctype', (doctype) => {
    if (hasInternalSubset(doctype)) {
      throw new TsumikiError('SVG_FORBIDDEN_CONSTRUCT', 'SVG has a DOCTYPE with an internal subset (entity declarations)', {
        data: { construct: 'doctype-internal-subset', line: parser.line, column: parser.column },
      });
    }
  });
  parser.on('opentagstart', () => {
    // saxes has read `<name` plus one delimiter; no `<` can occur in between.
    tagStart = svg.lastIndexOf('<', parser.position - 1);
  });
  parser.on('opentag', (tag) => {
    if (!root) {
      if (tag.local !== 'svg') {
        throw new TsumikiError('SVG_MALFORMED', 'The root element is not <svg>', {
          data: { reason: 'root-not-svg', root: tag.name, line: parser.line, column: parser.column },
        });
      }
      root = { name: tag.name, startTagEnd: parser.position, selfClosing: tag.isSelfClosing, openbadgesNs: tag.ns.openbadges };
    }
    if (!hasActiveContent && isActive(tag)) hasActiveContent = true;
    const kind = credentialKind(tag);
    let el: FoundElement | undefined;
    if (kind) {
      const verify = Object.values(tag.attributes).find((a) => a.local === 'verify' && a.uri === '')?.value;
      el = { ...kind, verify, body: '', start: tagStart, end: -1 };
      found.push(el);
      open.push(el);
    }
    stack.push(el);
  });
  const onText = (text: string): void => {
    for (const el of open) el.body += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    const el = stack.pop();
    if (el) {
      el.end = parser.position;
      open.splice(open.indexOf(el), 1);
    }
  });

  parser.write(svg).close();
  // why: saxes fails 'document must contain a root element.' (thrown by the error handler above) unless a start
  // tag was read, and 'unclosed tag'/'unexpected end.' unless that tag completed (the opentag handler sets root).
  return { root: root as SvgRoot, found, hasActiveContent };
}
