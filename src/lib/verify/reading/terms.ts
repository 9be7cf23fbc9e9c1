/**
 * The names the reading gives to IRIs: the inverse of the bundled JSON-LD contexts. A property or
 * class IRI that a bundled context defines is read back under that context's term (`validUntil`,
 * `credentialSubject`, `OpenBadgeCredential`), whatever alias, prefix or nesting the holder wrote;
 * anything else keeps its full IRI, so nothing is dropped and nothing can pose as a known term.
 *
 * Properties and classes are kept apart because OB 3.0 reuses class IRIs for properties
 * (`criteria` → `…#Criteria`): a term that starts with a lower-case letter names a property, any
 * other (`Achievement`, `1EdTechRevocationList`) a class. Where two terms share an IRI, the first context in `ORDER` wins.
 */
import { bundledContext, bundledContextUrls } from '../contexts/registry.ts';

const ORDER = [
  'https://www.w3.org/ns/credentials/v2',
  'https://www.w3.org/2018/credentials/v1',
  'https://w3id.org/security/data-integrity/v2',
  'https://www.w3.org/ns/credentials/status/v1',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json',
  'https://w3id.org/vc/status-list/2021/v1',
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
];

export interface TermMaps {
  /** Property IRI → term. */
  readonly properties: ReadonlyMap<string, string>;
  /**
   * Property IRIs whose term coerces its value to an IRI (`"@type": "@id"`): a reference is read as
   * the IRI string there, as compaction writes it; elsewhere as `{ "id": … }`.
   */
  readonly iriValued: ReadonlySet<string>;
  /**
   * The bundled contexts' `@vocab` IRIs (the W3C examples context, VC 2.0's issuer-dependent one):
   * an IRI under one reads back as its local name when no term names it, as compaction would.
   */
  readonly vocabs: readonly string[];
  /** Class IRI → term. */
  readonly classes: ReadonlyMap<string, string>;
}

type Scope = ReadonlyMap<string, string>;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Expand `prefix:suffix` against the terms in scope; absolute IRIs and keywords stay as they are. */
function expandIri(value: string, scope: Scope, vocab: string | undefined): string | undefined {
  if (value.startsWith('@')) return undefined;
  const colon = value.indexOf(':');
  if (colon > 0) {
    const prefix = value.slice(0, colon);
    const suffix = value.slice(colon + 1);
    if (suffix.startsWith('//')) return value;
    const base = scope.get(prefix);
    return base === undefined ? value : base + suffix;
  }
  return vocab === undefined ? undefined : vocab + value;
}

function collect(context: unknown, outer: Scope, outerVocab: string | undefined, properties: Map<string, string>, classes: Map<string, string>, iriValued: Set<string>, depth: number, vocabs: Set<string> = VOCABS): void {
  if (depth > 8 || !isRecord(context)) return;
  const vocab = typeof context['@vocab'] === 'string' ? context['@vocab'] : outerVocab;
  if (typeof context['@vocab'] === 'string' && /^https?:\/\//.test(context['@vocab'])) vocabs.add(context['@vocab']);
  // First pass: every term's IRI in this scope (prefixes may be defined after their use).
  const scope = new Map(outer);
  const raw = Object.entries(context).filter(([term]) => !term.startsWith('@'));
  for (let pass = 0; pass < 2; pass++) {
    for (const [term, def] of raw) {
      const id = typeof def === 'string' ? def : isRecord(def) && typeof def['@id'] === 'string' ? def['@id'] : isRecord(def) ? term : undefined;
      const iri = id === undefined ? undefined : expandIri(id, scope, vocab);
      if (iri !== undefined) scope.set(term, iri);
    }
  }
  for (const [term, def] of raw) {
    const iri = scope.get(term);
    if (iri === undefined || !/^[a-z][a-z0-9+.-]*:/i.test(iri)) continue;
    const target = /^[a-z]/.test(term) ? properties : classes;
    if (!target.has(iri)) target.set(iri, term);
    if (isRecord(def) && (def['@type'] === '@id' || def['@type'] === '@vocab')) iriValued.add(iri);
    if (isRecord(def) && def['@context'] !== undefined) {
      for (const inner of Array.isArray(def['@context']) ? def['@context'] : [def['@context']]) collect(inner, scope, vocab, properties, classes, iriValued, depth + 1);
    }
  }
}

let maps: TermMaps | undefined;
const VOCABS = new Set<string>();

/** The local name of an IRI under a bundled `@vocab`, when it is a plain term. */
export function vocabTerm(iri: string, vocabs: readonly string[]): string | undefined {
  for (const v of vocabs) {
    if (iri.startsWith(v)) {
      const local = iri.slice(v.length);
      if (/^[A-Za-z][A-Za-z0-9_-]*$/.test(local)) return local;
    }
  }
  return undefined;
}

/** Built once from the bundled contexts (about a millisecond). */
export function termMaps(): TermMaps {
  if (maps) return maps;
  const properties = new Map<string, string>();
  const classes = new Map<string, string>();
  const iriValued = new Set<string>();
  // The preferred contexts first, then every other bundled one (OB 3.0.2 names `achievement`
  // `…#achievement-0`, 3.0.3 `…#achievement`: both read back as `achievement`).
  for (const url of [...ORDER, ...bundledContextUrls().filter((u) => !ORDER.includes(u))]) {
    const doc = bundledContext(url);
    const context = isRecord(doc) ? doc['@context'] : undefined;
    for (const c of Array.isArray(context) ? context : [context]) collect(c, new Map(), undefined, properties, classes, iriValued, 0);
  }
  maps = { properties, classes, iriValued, vocabs: [...VOCABS] };
  return maps;
}
