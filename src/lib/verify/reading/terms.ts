/**
 * The names the reading gives to IRIs: the inverse of the bundled JSON-LD contexts. A property or
 * class IRI that a bundled context defines is read back under that context's term (`validUntil`,
 * `credentialSubject`, `OpenBadgeCredential`), whatever alias, prefix or nesting the holder wrote;
 * anything else keeps its full IRI, so nothing is dropped and nothing can pose as a known term.
 *
 * Properties and classes are kept apart because OB 3.0 reuses class IRIs for properties
 * (`criteria` → `…#Criteria`): a term that starts with a lower-case letter names a property, any
 * other (`Achievement`, `1EdTechRevocationList`) a class. Where two contexts name an IRI differently, the one
 * listed first in contexts/registry.ts wins (today only schema:keywords: OB 3.0's `tag` before the beta's `tags`).
 */
import { bundledContext, bundledContextUrls } from '../contexts/registry.ts';

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

/** Term → IRI in scope; `undefined` where a term of an inner context names no IRI (a keyword alias, `null`). */
type Scope = ReadonlyMap<string, string | undefined>;

interface Building {
  readonly properties: Map<string, string>;
  readonly classes: Map<string, string>;
  readonly iriValued: Set<string>;
  readonly vocabs: Set<string>;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Expand `prefix:suffix` with `prefixIri`; absolute IRIs and keywords stay as they are, a plain term goes under the `@vocab`. */
function expandIri(value: string, prefixIri: (prefix: string) => string | undefined, vocab: string | undefined): string | undefined {
  if (value.startsWith('@')) return undefined;
  const colon = value.indexOf(':');
  if (colon > 0) {
    const prefix = value.slice(0, colon);
    const suffix = value.slice(colon + 1);
    if (suffix.startsWith('//')) return value;
    const base = prefixIri(prefix);
    return base === undefined ? value : base + suffix;
  }
  return vocab === undefined ? undefined : vocab + value;
}

function collect(context: unknown, outer: Scope, outerVocab: string | undefined, out: Building, depth: number): void {
  if (depth > 8 || !isRecord(context)) return;
  const ownVocab = context['@vocab'];
  let vocab = outerVocab;
  if (typeof ownVocab === 'string') {
    vocab = ownVocab;
    if (/^https?:\/\//.test(ownVocab)) out.vocabs.add(ownVocab);
  }
  const local = new Map(Object.entries(context).filter(([term]) => !term.startsWith('@')));
  // A term's IRI, as JSON-LD defines a context's terms: a prefix this context defines (before or
  // after its use, through other prefixes) is defined first; a cycle of prefixes ends unexpanded.
  const resolve = (term: string, seen: ReadonlySet<string>): string | undefined => {
    const def = local.get(term);
    const id = typeof def === 'string' ? def : isRecord(def) && typeof def['@id'] === 'string' ? def['@id'] : isRecord(def) ? term : undefined;
    if (id === undefined || seen.has(term)) return undefined;
    return expandIri(id, (prefix) => (local.has(prefix) ? resolve(prefix, new Set([...seen, term])) : outer.get(prefix)), vocab);
  };
  // A term this context defines hides the outer one, even where it names no IRI.
  const scope = new Map(outer);
  for (const term of local.keys()) scope.set(term, resolve(term, new Set()));
  for (const [term, def] of local) {
    const iri = scope.get(term);
    if (iri === undefined || !/^[a-z][a-z0-9+.-]*:/i.test(iri)) continue;
    const target = /^[a-z]/.test(term) ? out.properties : out.classes;
    if (!target.has(iri)) target.set(iri, term);
    if (isRecord(def) && (def['@type'] === '@id' || def['@type'] === '@vocab')) out.iriValued.add(iri);
    if (isRecord(def)) for (const inner of [def['@context']].flat()) collect(inner, scope, vocab, out, depth + 1);
  }
}

let maps: TermMaps | undefined;

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

/**
 * The names a list of context documents (`{ "@context": … }`) gives, the first document's first:
 * what `termMaps` reads from the bundled ones, for any.
 */
export function termMapsOf(documents: readonly unknown[]): TermMaps {
  const out: Building = { properties: new Map(), classes: new Map(), iriValued: new Set(), vocabs: new Set() };
  for (const doc of documents) {
    const context = isRecord(doc) ? doc['@context'] : undefined;
    for (const c of Array.isArray(context) ? context : [context]) collect(c, new Map(), undefined, out, 0);
  }
  return { properties: out.properties, classes: out.classes, iriValued: out.iriValued, vocabs: [...out.vocabs] };
}

/** Built once from the bundled contexts (about a millisecond). */
export function termMaps(): TermMaps {
  if (maps) return maps;
  // In the registry's order (OB 3.0.2 names `achievement` `…#achievement-0`, 3.0.3 `…#achievement`: both
  // read back as `achievement`).
  maps = termMapsOf(bundledContextUrls().map((url) => bundledContext(url)));
  return maps;
}
