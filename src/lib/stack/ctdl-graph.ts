/**
 * Reading a Credential Engine (CTDL) JSON-LD graph without a JSON-LD processor: the CTDL context is
 * not bundled and nothing is ever fetched, so terms are recognised by their CTDL names in every
 * form the registry and its tools write them — compact (`ceterms:hasCondition`, or the bare
 * `hasCondition` the credreg context defines), expanded (`https://purl.org/ctdl/terms/hasCondition`
 * with `[{"@id": …}]` and `[{"@value": …}]`), and concept values as compact IRIs (`logic:And`),
 * full IRIs (`https://purl.org/ctdl/vocabs/logic/And`) or plain words (`AND`). Pure; never throws.
 */
import type { JsonObject, JsonValue } from '../model/credential.ts';
import { isObject, own, ownKeys } from '../descriptors/json.ts';
import type { LangMap } from './pathway.ts';

/** Most resources (nodes with or without @id) read from one graph. */
export const MAX_GRAPH_NODES = 5000;
/** Most values of one property looked at. */
const MAX_VALUES = 1000;
const MAX_TEXT = 2000;

/** Namespaces whose terms are CTDL's (ceterms, ceasn, asn, schema.org for `value`). */
const TERM_PREFIXES = [
  'ceterms:',
  'ceasn:',
  'asn:',
  'schema:',
  'https://purl.org/ctdl/terms/',
  'http://purl.org/ctdl/terms/',
  'https://purl.org/ctdlasn/terms/',
  'http://purl.org/ctdlasn/terms/',
  'https://credreg.net/ctdl/terms/',
  'http://credreg.net/ctdl/terms/',
  'http://purl.org/ASN/schema/core/',
  'https://schema.org/',
  'http://schema.org/',
];

/** A term's CTDL local name (`ceterms:hasCondition` → `hasCondition`); `@id`/`@type` for their aliases; null for a foreign term. */
export function termOf(key: string): string | null {
  if (key === '@id' || key === 'id') return '@id';
  if (key === '@type' || key === 'type') return '@type';
  for (const p of TERM_PREFIXES) if (key.startsWith(p) && key.length > p.length) return key.slice(p.length);
  return /^[A-Za-z][A-Za-z0-9]*$/.test(key) ? key : null;
}

/** The last segment of a concept IRI, lower case: `logic:And`, `https://purl.org/ctdl/vocabs/logic/And`, `AND` → `and`. */
export function conceptOf(v: string): string {
  const t = v.trim();
  const cut = Math.max(t.lastIndexOf('/', t.length - 2), t.lastIndexOf('#'), t.lastIndexOf(':'));
  return t.slice(cut + 1).replace(/\/$/, '').toLowerCase();
}

/** One resource of the graph, with its properties by CTDL local name and where it was read. */
export interface CNode {
  /** Its @id, or null for an embedded node without one (a blank node written in place). */
  readonly id: string | null;
  /** JSON pointer in the document. */
  readonly pointer: string;
  readonly types: readonly string[];
  /** Values by local name (always lists); `key` keeps the key as written, for paths. */
  readonly props: ReadonlyMap<string, { readonly key: string; readonly values: readonly JsonValue[] }>;
}

const escape = (k: string): string => k.replace(/~/g, '~0').replace(/\//g, '~1');

function listOf(v: JsonValue | undefined): readonly JsonValue[] {
  if (v === undefined || v === null) return [];
  if (Array.isArray(v)) return v.length > MAX_VALUES ? v.slice(0, MAX_VALUES) : v;
  return [v];
}

/** An object written in place that is a resource (typed, or identified with properties, or with prefixed terms), not a value or a language map. */
function isResource(x: JsonValue): x is JsonObject {
  if (!isObject(x) || own(x, '@value') !== undefined) return false;
  const keys = ownKeys(x);
  if (keys.includes('@type') || keys.includes('type')) return true;
  if ((keys.includes('@id') || keys.includes('id')) && keys.length > 1) return true;
  return keys.some((k) => k.includes(':') && termOf(k) !== null);
}

/** Every resource in a document, indexed by @id; embedded ones too (bounded). */
export class CtdlGraph {
  readonly nodes: CNode[] = [];
  readonly byId = new Map<string, CNode>();
  readonly byObject = new Map<JsonObject, CNode>();
  /** The document's @context names the Credential Engine's context (so bare terms are CTDL's). */
  readonly credregContext: boolean;
  tooLarge = false;

  constructor(doc: JsonValue) {
    const ctx = own(doc, '@context');
    this.credregContext = listOf(ctx).some((c) => typeof c === 'string' && /credreg\.net\/ctdl(asn)?\/schema\/context/.test(c));
    this.top(doc, '');
  }

  /** A document or a named graph: its `@graph` (expanded form nests it in an array), else itself. */
  private top(doc: JsonValue, pointer: string): void {
    if (Array.isArray(doc)) listOf(doc).forEach((x, i) => (isObject(x) && own(x, '@graph') !== undefined ? this.top(x, `${pointer}/${i}`) : this.visit(x, `${pointer}/${i}`, 0)));
    else if (isObject(doc)) {
      const graph = own(doc, '@graph');
      if (graph !== undefined) listOf(graph).forEach((x, i) => this.visit(x, `${pointer}/@graph/${i}`, 0));
      else this.visit(doc, pointer, 0);
    }
  }

  private visit(v: JsonValue, pointer: string, depth: number): CNode | null {
    if (!isObject(v) || depth > 40) return null;
    const hit = this.byObject.get(v);
    if (hit !== undefined) return hit;
    if (this.nodes.length >= MAX_GRAPH_NODES) {
      this.tooLarge = true;
      return null;
    }
    const props = new Map<string, { key: string; values: JsonValue[] }>();
    for (const key of ownKeys(v)) {
      if (key === '@context' || key === '@graph') continue;
      const term = termOf(key);
      if (term === null) continue;
      const values = [...listOf(own(v, key))];
      const had = props.get(term);
      if (had === undefined) props.set(term, { key, values });
      else had.values.push(...values);
    }
    const idValue = props.get('@id')?.values[0];
    const id = typeof idValue === 'string' && idValue.trim() !== '' ? idValue.trim() : null;
    const types = (props.get('@type')?.values ?? []).filter((t): t is string => typeof t === 'string').map((t) => termOf(t.replace(/^_:/, '')) ?? t);
    const node: CNode = { id, pointer, types, props };
    this.nodes.push(node);
    this.byObject.set(v, node);
    if (id !== null && !this.byId.has(id)) this.byId.set(id, node);
    for (const [term, { key, values }] of props) {
      if (term === '@id' || term === '@type') continue;
      values.forEach((x, i) => {
        // An object with more than @id / @value / @language is a resource written in place.
        if (isResource(x)) {
          this.visit(x, `${pointer}/${escape(key)}${Array.isArray(own(v, key)) ? `/${i}` : ''}`, depth + 1);
        }
      });
    }
    return node;
  }

  /** The resources of a type (by CTDL local name). */
  ofType(type: string): CNode[] {
    return this.nodes.filter((n) => n.types.includes(type));
  }
}

export function values(n: CNode, term: string): readonly JsonValue[] {
  return n.props.get(term)?.values ?? [];
}

/** A JSON pointer to a property of a node (its first value, or the i-th). */
export function pathOf(n: CNode, term: string, i?: number): string {
  const p = n.props.get(term);
  const key = p?.key ?? term;
  const many = p !== undefined && p.values.length > 1;
  return `${n.pointer}/${escape(key)}${i !== undefined && many ? `/${i}` : ''}`;
}

/** What a reference names: a resource in the graph (by @id or written in place), or an IRI the document does not hold. */
export type Ref = { readonly node: CNode } | { readonly missing: string };

export function refsOf(g: CtdlGraph, n: CNode, term: string): Ref[] {
  return values(n, term).flatMap((v): Ref[] => {
    if (typeof v === 'string') {
      const iri = v.trim();
      if (iri === '') return [];
      const node = g.byId.get(iri);
      return [node === undefined ? { missing: iri } : { node }];
    }
    if (!isObject(v)) return [];
    const embedded = g.byObject.get(v);
    if (embedded !== undefined) return [{ node: embedded }];
    const id = own(v, '@id');
    if (typeof id === 'string' && id.trim() !== '') {
      const node = g.byId.get(id.trim());
      return [node === undefined ? { missing: id.trim() } : { node }];
    }
    return [];
  });
}

/** IRIs (strings, `{"@id"}`, `{"@value"}` strings) of a property. */
export function irisOf(n: CNode, term: string): string[] {
  return values(n, term).flatMap((v) => {
    const s = typeof v === 'string' ? v : isObject(v) ? (own(v, '@id') ?? own(v, '@value')) : undefined;
    return typeof s === 'string' && s.trim() !== '' && s.length <= MAX_TEXT ? [s.trim()] : [];
  });
}

/** A number (JSON number, numeric string, `{"@value": …}`). */
export function numberIn(v: JsonValue | undefined): number | null {
  const x = isObject(v) ? own(v, '@value') : v;
  if (typeof x === 'number') return Number.isFinite(x) ? x : null;
  if (typeof x === 'string' && /^\s*[+-]?\d+(?:\.\d+)?\s*$/.test(x)) return Number(x);
  return null;
}

const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

function clip(s: string): string {
  const t = s.trim().replace(/\s+/g, ' ');
  return t.length > MAX_TEXT ? `${t.slice(0, MAX_TEXT - 1)}…` : t;
}

/** Text of a property as a language map: language maps (`{"en-US": …}`, `{"@en-US": …}`), `@value`/`@language` objects, plain strings (`und`). */
export function textIn(n: CNode, term: string): LangMap | null {
  const out: Record<string, string> = {};
  const add = (lang: string, s: unknown) => {
    if (typeof s !== 'string' || s.trim() === '') return;
    const tag = lang.replace(/^@/, '');
    const key = LANGUAGE_TAG.test(tag) ? tag : 'und';
    if (out[key] === undefined) out[key] = clip(s);
  };
  for (const v of values(n, term)) {
    if (typeof v === 'string') add('und', v);
    else if (isObject(v)) {
      const value = own(v, '@value');
      if (value !== undefined) {
        const lang = own(v, '@language');
        add(typeof lang === 'string' ? lang : 'und', value);
      } else {
        for (const k of ownKeys(v).slice(0, 50)) {
          const t = own(v, k);
          if (Array.isArray(t)) add(k, t.filter((x) => typeof x === 'string').join('; '));
          else add(k, t);
        }
      }
    }
  }
  return Object.keys(out).length === 0 ? null : out;
}

/** Every text of a language map, in any language. */
export function allTexts(m: LangMap | null): string[] {
  return m === null ? [] : [...new Set(Object.values(m))];
}
