/**
 * Semantics-keeping reshapings of a signed credential (issue 11, class 1): the same RDF graph
 * written another way, as JSON-LD allows a holder to do without touching the signature. Each
 * reshaping leaves the proof(s) exactly as signed and changes only the layout of the rest;
 * `canonicalOf` gives the canonical N-Quads of a document without its proofs, so a test can
 * prove a reshaping kept the graph before it asks anything of the verifier.
 *
 * New terms (a `@nest` alias, an alias of `validUntil`, a prefix, a language map) come from an
 * inline context object appended to the `@context` array: legal JSON-LD, and it changes no graph
 * when it only names what the bundled contexts already mean.
 */
import jsonld from 'jsonld';
import type { JsonObject, JsonValue } from '../../src/lib/model/credential.ts';
import { contextLoader } from '../../src/lib/verify/loader.ts';

export const XSD_DATETIME = 'http://www.w3.org/2001/XMLSchema#dateTime';
export const CRED = 'https://www.w3.org/2018/credentials#';
export const SCHEMA_NAME = 'https://schema.org/name';

/** The name a forged `@index` gives the issuer: it must never be shown. */
export const FORGED_NAME = 'University of Tokyo';

/** Terms the inline context defines. */
export const NEST = 'tsumikiMeta';
export const UNTIL_ALIAS = 'tsumikiExpires';
export const PREFIX = 'tsk';
export const NAME_MAP = 'tsumikiNames';
export const SUBJECT_INDEX = 'tsumikiSubjectsByName';

/** Terms whose value is a map, not a value: never wrapped in an array. */
const MAPS = new Set([NEST, NAME_MAP, SUBJECT_INDEX]);

const INLINE_TERMS: JsonObject = {
  [NEST]: '@nest',
  [UNTIL_ALIAS]: { '@id': `${CRED}validUntil`, '@type': XSD_DATETIME },
  [PREFIX]: CRED,
  [NAME_MAP]: { '@id': SCHEMA_NAME, '@container': '@language' },
  [SUBJECT_INDEX]: { '@id': `${CRED}credentialSubject`, '@type': '@id', '@container': '@index' },
};

function isObject(v: JsonValue | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const asList = (v: JsonValue | undefined): JsonValue[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** A document's proofs and the rest. */
function split(doc: JsonObject): { body: JsonObject; proof: JsonValue | undefined } {
  const { proof, ...body } = structuredClone(doc);
  return { body, proof };
}

/** Apply `f` to the unsecured part; the proofs are put back exactly as they were. */
function onBody(doc: JsonObject, f: (body: JsonObject) => JsonObject): JsonObject {
  const { body, proof } = split(doc);
  const out = f(body);
  return proof === undefined ? out : { ...out, proof };
}

/** Add the inline context (once), after every context already there. */
function withInlineContext(body: JsonObject): JsonObject {
  const contexts = asList(body['@context']);
  if (contexts.some((c) => isObject(c) && c[NEST] === '@nest')) return body;
  return { ...body, '@context': [...contexts, INLINE_TERMS] };
}

/** Walk every node below `v` (not `@context`, not value objects' insides), rewriting each object with `f`. */
function mapObjects(v: JsonValue, f: (o: JsonObject, depth: number) => JsonObject, depth = 0): JsonValue {
  if (Array.isArray(v)) return v.map((x) => mapObjects(x, f, depth));
  if (!isObject(v)) return v;
  const inner: JsonObject = {};
  for (const [k, x] of Object.entries(v)) inner[k] = k === '@context' || k === '@value' ? x : mapObjects(x, f, depth + 1);
  return f(inner, depth);
}

const mapBody = (body: JsonObject, f: (o: JsonObject, depth: number) => JsonObject): JsonObject => mapObjects(body, f) as JsonObject; // why: an object maps to an object

function rename(o: JsonObject, from: string, to: string): JsonObject {
  if (!(from in o) || to in o) return o;
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k === from ? to : k, v]));
}

/** A date string as the typed value object the context's coercion makes of it. */
const typedDate = (v: JsonValue): JsonValue => (typeof v === 'string' ? { '@value': v, '@type': XSD_DATETIME } : v);

/** Deterministic shuffle (mulberry32), so a failing draw can be replayed from its seed. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T]; // why: i and j are in range
  }
  return out;
}

/** Shuffled, and never left in the same order (reversed when the shuffle changed nothing). */
function moved<T>(items: readonly T[], seed: number): T[] {
  const out = shuffled(items, seed);
  return out.every((x, i) => x === items[i]) ? [...items].reverse() : out;
}

/** Keys whose array order is meaningful (`@context`) or a list (OB 3.0 `allowedValue`). */
const ORDERED = new Set(['@context', '@list', 'allowedValue']);

export interface Reshaping {
  readonly name: string;
  readonly apply: (signed: JsonObject) => JsonObject;
}

/** Top-level keys that may be moved under `@nest` (never `id`/`type`/`@context`/`proof`). */
export const NESTABLE = ['validUntil', 'validFrom', 'credentialStatus', 'name', 'description', 'issuer'] as const;

export const reshape = {
  /** `validUntil: [v]`. */
  validUntilArray: (doc: JsonObject): JsonObject =>
    onBody(doc, (b) => (b.validUntil === undefined || Array.isArray(b.validUntil) ? b : { ...b, validUntil: [b.validUntil] })),

  /** `validUntil: {"@value": v, "@type": xsd:dateTime}` (each value, when several). */
  validUntilTyped: (doc: JsonObject): JsonObject =>
    onBody(doc, (b) => (b.validUntil === undefined ? b : { ...b, validUntil: Array.isArray(b.validUntil) ? b.validUntil.map(typedDate) : typedDate(b.validUntil) })),

  /** `validUntil` under an alias an inline context defines (same IRI, same coercion). */
  validUntilAlias: (doc: JsonObject): JsonObject => onBody(doc, (b) => (b.validUntil === undefined ? b : rename(withInlineContext(b), 'validUntil', UNTIL_ALIAS))),

  /** `validUntil` as a compact IRI (`tsk:validUntil`) with typed value objects: no coercion applies to a bare IRI. */
  validUntilPrefixed: (doc: JsonObject): JsonObject =>
    onBody(doc, (b) => {
      if (b.validUntil === undefined) return b;
      const typed = Array.isArray(b.validUntil) ? b.validUntil.map(typedDate) : typedDate(b.validUntil);
      return rename({ ...withInlineContext(b), validUntil: typed }, 'validUntil', `${PREFIX}:validUntil`);
    }),

  /** `validUntil` as its full IRI, typed value objects. */
  validUntilFullIri: (doc: JsonObject): JsonObject =>
    onBody(doc, (b) => {
      if (b.validUntil === undefined) return b;
      const typed = Array.isArray(b.validUntil) ? b.validUntil.map(typedDate) : typedDate(b.validUntil);
      return rename({ ...b, validUntil: typed }, 'validUntil', `${CRED}validUntil`);
    }),

  /** Move `keys` (those present at the top) under a `@nest` alias. */
  nest:
    (keys: readonly string[]) =>
    (doc: JsonObject): JsonObject =>
      onBody(doc, (b) => {
        const moving = keys.filter((k) => b[k] !== undefined);
        if (moving.length === 0) return b;
        const out = withInlineContext(b);
        const nested: JsonObject = isObject(out[NEST]) ? { ...out[NEST] } : {};
        for (const k of moving) {
          nested[k] = out[k] as JsonValue; // why: k was checked present
          delete out[k];
        }
        return { ...out, [NEST]: nested };
      }),

  /** `@type` for `type` in every node below the top (the top keeps `type`). */
  atTypeNested: (doc: JsonObject): JsonObject => onBody(doc, (b) => mapBody(b, (o, depth) => (depth === 0 ? o : rename(o, 'type', '@type')))),

  /** `@type` for `type` in the top-level node. */
  atTypeTop: (doc: JsonObject): JsonObject => onBody(doc, (b) => rename(b, 'type', '@type')),

  /** `@id` for `id` in every node below the top. */
  atIdNested: (doc: JsonObject): JsonObject => onBody(doc, (b) => mapBody(b, (o, depth) => (depth === 0 ? o : rename(o, 'id', '@id')))),

  /** `@id` for `id` in the top-level node. */
  atIdTop: (doc: JsonObject): JsonObject => onBody(doc, (b) => rename(b, 'id', '@id')),

  /** The issuer's name as `{"@value": <real>, "@index": "University of Tokyo"}`: `@index` is not in the graph. */
  indexedIssuerName: (doc: JsonObject): JsonObject =>
    onBody(doc, (b) =>
      mapBody(b, (o) => {
        const types = asList(o.type ?? o['@type']);
        if (!types.includes('Profile') || typeof o.name !== 'string') return o;
        return { ...o, name: { '@value': o.name, '@index': FORGED_NAME } };
      }),
    ),

  /** Plain strings of untyped text properties as `{"@value": s}`. */
  valueObjects: (doc: JsonObject): JsonObject =>
    onBody(doc, (b) =>
      mapBody(b, (o) => {
        const out = { ...o };
        for (const k of ['name', 'description', 'narrative']) {
          const v = out[k];
          if (typeof v === 'string') out[k] = { '@value': v };
          else if (Array.isArray(v)) out[k] = v.map((x) => (typeof x === 'string' ? { '@value': x } : x));
        }
        return out;
      }),
    ),

  /** Language-tagged names (`{"@value","@language"}`) as a language map under a term an inline context defines. */
  languageMap: (doc: JsonObject): JsonObject =>
    onBody(doc, (b) => {
      let used = false;
      const out = mapBody(b, (o) => {
        const values = asList(o.name);
        const tagged = values.every((v) => isObject(v) && typeof v['@value'] === 'string' && typeof v['@language'] === 'string' && Object.keys(v).length === 2);
        if (values.length === 0 || !tagged) return o;
        const languages = values.map((v) => (v as JsonObject)['@language'] as string); // why: checked tagged just above
        if (new Set(languages).size !== languages.length) return o;
        used = true;
        const map: JsonObject = Object.fromEntries(values.map((v) => [(v as JsonObject)['@language'] as string, (v as JsonObject)['@value'] as string])); // why: checked tagged
        const { name: _name, ...rest } = o;
        return { ...rest, [NAME_MAP]: map };
      });
      return used ? withInlineContext(out) : out;
    }),

  /** The issuer Profile moved to `@included`, the credential naming it by id. */
  includeIssuer: (doc: JsonObject): JsonObject =>
    onBody(doc, (b) => {
      const issuer = b.issuer;
      if (!isObject(issuer) || typeof issuer.id !== 'string' || Object.keys(issuer).length < 2) return b;
      return { ...b, issuer: { id: issuer.id }, '@included': [...asList(b['@included']), issuer] };
    }),

  /** The achievement moved to `@included` at the top, the subject naming it by id. */
  includeAchievement: (doc: JsonObject): JsonObject =>
    onBody(doc, (b) => {
      const subject = b.credentialSubject;
      if (!isObject(subject)) return b;
      const achievement = subject.achievement;
      if (!isObject(achievement) || typeof achievement.id !== 'string' || Object.keys(achievement).length < 2) return b;
      return { ...b, credentialSubject: { ...subject, achievement: { id: achievement.id } }, '@included': [...asList(b['@included']), achievement] };
    }),

  /** Plain-string names as a language map with `@none` (a string in no language). */
  noneLanguageMap: (doc: JsonObject): JsonObject =>
    onBody(doc, (b) => {
      let used = false;
      const out = mapBody(b, (o) => {
        if (typeof o.name !== 'string' || NAME_MAP in o) return o;
        used = true;
        const { name, ...rest } = o;
        return { ...rest, [NAME_MAP]: { '@none': name } };
      });
      return used ? withInlineContext(out) : out;
    }),

  /** A forged `@index` on the issuer and achievement node objects: not in the graph. */
  indexedNodes: (doc: JsonObject): JsonObject =>
    onBody(doc, (b) =>
      mapBody(b, (o) => {
        const types = asList(o.type ?? o['@type']);
        return types.includes('Profile') || types.includes('Achievement') ? { ...o, '@index': FORGED_NAME } : o;
      }),
    ),

  /** `credentialSubject` in an index map keyed by a forged name (`@container: @index`): the key is not in the graph. */
  indexMapSubject: (doc: JsonObject): JsonObject =>
    onBody(doc, (b) => {
      if (b.credentialSubject === undefined) return b;
      const { credentialSubject, ...rest } = withInlineContext(b);
      return { ...rest, [SUBJECT_INDEX]: { [FORGED_NAME]: credentialSubject as JsonValue } }; // why: checked present
    }),

  /** Explicit blank node identifiers on the id-less nodes (criteria, identity objects). */
  blankNodeIds: (doc: JsonObject): JsonObject => {
    let n = 0;
    const label = (v: JsonValue): JsonValue => (isObject(v) && v.id === undefined && v['@id'] === undefined && v['@value'] === undefined ? { id: `_:tsumiki${++n}`, ...v } : v);
    return onBody(doc, (b) =>
      mapBody(b, (o) => {
        const out = { ...o };
        for (const k of ['criteria', 'identifier']) if (out[k] !== undefined) out[k] = Array.isArray(out[k]) ? (out[k] as JsonValue[]).map(label) : label(out[k] as JsonValue);
        return out;
      }),
    );
  },

  /**
   * Names as explicit sets (`{"@set": [...]}`). Not `validUntil`: jsonld.js drops a term's type
   * coercion inside `@set`, so that would be another graph (and the signature fails).
   */
  explicitSets: (doc: JsonObject): JsonObject =>
    onBody(doc, (b) =>
      mapBody(b, (o) => {
        const out = { ...o };
        for (const k of ['name']) if (out[k] !== undefined && !(isObject(out[k]) && '@set' in (out[k] as JsonObject))) out[k] = { '@set': asList(out[k]) };
        return out;
      }),
    ),

  /** A context listed twice (processing a protected context again with the same definitions is allowed). */
  repeatContext: (doc: JsonObject): JsonObject =>
    onBody(doc, (b) => {
      const contexts = asList(b['@context']);
      const last = contexts.filter((c) => typeof c === 'string').at(-1);
      return last === undefined ? b : { ...b, '@context': [...contexts, last] };
    }),

  /** Every single value of a property as a one-element array (not the maps of `@nest`, language and index terms). */
  wrapSingletons: (doc: JsonObject): JsonObject =>
    onBody(doc, (b) =>
      mapBody(b, (o) => {
        if (o['@value'] !== undefined) return o;
        return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, k.startsWith('@') || k === 'id' || MAPS.has(k) || Array.isArray(v) ? v : [v]]));
      }),
    ),

  /** Every object's keys in a shuffled order. */
  reorderKeys:
    (seed: number) =>
    (doc: JsonObject): JsonObject =>
      onBody(doc, (b) => mapBody(b, (o) => Object.fromEntries(moved(Object.entries(o), seed)))),

  /** Every unordered array in a shuffled order. */
  reorderArrays:
    (seed: number) =>
    (doc: JsonObject): JsonObject =>
      onBody(doc, (b) =>
        mapBody(b, (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Array.isArray(v) && !ORDERED.has(k) ? moved(v, seed) : v]))),
      ),
};

/** The canonical N-Quads of `doc` without its proofs, built with the bundled contexts in safe mode. */
export async function canonicalOf(doc: JsonObject): Promise<string> {
  const { proof: _proof, ...body } = doc;
  return jsonld.canonize(body, { algorithm: 'RDFC-1.0', format: 'application/n-quads', documentLoader: contextLoader, safe: true });
}

/** JSON bytes, as a user hands them to the wallet. */
export const bytesOf = (doc: JsonObject): Uint8Array => new TextEncoder().encode(JSON.stringify(doc, null, 2));
