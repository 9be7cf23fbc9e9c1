/**
 * What was signed, read back as plain JSON. A Data Integrity signature covers the RDF graph of a
 * credential, not its JSON layout, and JSON-LD lets a holder write one graph many ways (arrays,
 * value objects, `@nest`, `@index`, aliases, `@included`, prefixes). So the reading is built from
 * the graph itself: the credential's quads, as jsonld.js produces them for canonicalisation, are
 * turned back into one canonical JSON tree — bundled-context term names, values sorted, single
 * values unwrapped, blank nodes embedded — and every check and screen reads that tree. Two
 * layouts of the same graph give the same tree, byte for byte.
 */
import type { JsonObject, JsonValue } from '../../model/credential.ts';
import { termMaps, vocabTerm } from './terms.ts';

/** The RDF/JS shapes jsonld.js's `toRDF` returns. */
export interface Term {
  readonly termType: 'NamedNode' | 'BlankNode' | 'Literal' | 'DefaultGraph';
  readonly value: string;
  readonly datatype?: { readonly value: string };
  readonly language?: string;
}
export interface Quad {
  readonly subject: Term;
  readonly predicate: Term;
  readonly object: Term;
  readonly graph: Term;
}

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const I18N = 'https://www.w3.org/ns/i18n#';
const RDF_TYPE = `${RDF}type`;

/** Deepest embedding followed; deeper (or cyclic) references are given as their id. */
const MAX_DEPTH = 32;

/**
 * Most values one reading holds. A node is embedded wherever it is used, so a graph that shares
 * its nodes (a chain of nodes each used twice by the next) would read exponentially large: a few
 * dozen quads would hold the verifier for hours. No credential comes near this.
 */
export const MAX_READING_VALUES = 100_000;

/** The graph was written so that it cannot be read one way only. */
export class AmbiguousReadingError extends Error {
  /** READING_TOO_LARGE: the graph is not ambiguous, but reads as more values than MAX_READING_VALUES. */
  constructor(
    readonly problem: string,
    readonly code: 'AMBIGUOUS' | 'READING_TOO_LARGE' = 'AMBIGUOUS',
  ) {
    super(problem);
    this.name = 'AmbiguousReadingError';
  }
}

type Node = Map<string, Term[]>;
interface Graph {
  readonly nodes: Map<string, Node>;
  /** Subjects used as an object inside this graph (so not roots). */
  readonly referenced: Set<string>;
}

const keyOf = (t: Term) => (t.termType === 'BlankNode' ? `_:${t.value}` : t.value);

/** The quads by graph; the default graph (whose value is always '') under ''. */
function graphsOf(quads: readonly Quad[]): Map<string, Graph> {
  const graphs = new Map<string, Graph>();
  for (const q of quads) {
    const g = keyOf(q.graph);
    let graph = graphs.get(g);
    if (!graph) graphs.set(g, (graph = { nodes: new Map(), referenced: new Set() }));
    const s = keyOf(q.subject);
    let node = graph.nodes.get(s);
    if (!node) graph.nodes.set(s, (node = new Map()));
    const values = node.get(q.predicate.value);
    if (values) values.push(q.object);
    else node.set(q.predicate.value, [q.object]);
    if (q.object.termType !== 'Literal') graph.referenced.add(keyOf(q.object));
  }
  return graphs;
}

function literal(t: Term): JsonValue {
  // Published contexts name XML Schema types three ways: OB 3.0 with `https://`, some as `xsd:…`
  // with no `xsd` prefix defined (the compact IRI is left as it is), and the right one.
  // No datatype is xsd:string: the text as written.
  const type = t.datatype?.value.replace(/^(?:xsd:|https:\/\/www\.w3\.org\/2001\/XMLSchema#)/, XSD);
  if (t.language) return { '@value': t.value, '@language': t.language };
  if (type?.startsWith(I18N)) {
    const language = type.slice(I18N.length).split('_')[0];
    return language ? { '@value': t.value, '@language': language } : t.value;
  }
  switch (type) {
    case `${XSD}boolean`:
      return t.value === 'true' ? true : t.value === 'false' ? false : t.value;
    case `${XSD}integer`:
    case `${XSD}nonNegativeInteger`:
    case `${XSD}positiveInteger`:
    case `${XSD}int`:
    case `${XSD}long`:
    case `${XSD}unsignedInt`: {
      const n = Number(t.value);
      return Number.isSafeInteger(n) ? n : t.value;
    }
    case `${XSD}double`:
    case `${XSD}float`:
    case `${XSD}decimal`: {
      const n = Number(t.value);
      return Number.isFinite(n) ? n : t.value;
    }
    case `${RDF}JSON`:
      try {
        return JSON.parse(t.value) as JsonValue; // why: jsonld.js wrote this literal from JSON it parsed
      } catch {
        return t.value;
      }
    default:
      return t.value;
  }
}

/** Stable order for the values of one property: the same set always reads the same. */
function sortValues(values: JsonValue[]): JsonValue[] {
  return values
    .map((v) => [JSON.stringify(v), v] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([, v]) => v);
}

class Reader {
  private readonly maps = termMaps();
  /** Values read so far (see MAX_READING_VALUES). */
  private values = 0;
  constructor(private readonly graphs: Map<string, Graph>) {}

  /** Nodes of `graph` that nothing in it points to (the top-level objects written in it). */
  private roots(graph: Graph): string[] {
    return [...graph.nodes.keys()].filter((s) => !graph.referenced.has(s)).sort();
  }

  /** `subject`, a subject of `graph`, as an object. */
  node(graph: Graph, subject: string, path: ReadonlySet<string>): JsonObject {
    const node = graph.nodes.get(subject) as Node; // why: callers give a subject of graph
    const out: JsonObject = {};
    if (!subject.startsWith('_:')) out.id = subject;
    const inner = new Set(path).add(subject);
    const predicates = [...node.keys()].sort();
    const used = new Set<string>();
    for (const predicate of predicates) {
      const objects = node.get(predicate) as Term[]; // why: predicate is a key of node
      if (predicate === RDF_TYPE) {
        const types = objects.map((o) => this.maps.classes.get(o.value) ?? vocabTerm(o.value, this.maps.vocabs) ?? o.value).sort();
        out.type = types.length === 1 ? (types[0] as string) : types; // why: length checked
        continue;
      }
      const term = this.maps.properties.get(predicate) ?? vocabTerm(predicate, this.maps.vocabs);
      // Two IRIs may share a term in different scopes: the second keeps its full IRI.
      const key = term !== undefined && !used.has(term) && term !== 'id' && term !== 'type' ? term : predicate;
      used.add(key);
      const iri = this.maps.iriValued.has(predicate);
      const values = sortValues(objects.map((o) => this.value(graph, o, inner, iri)));
      out[key] = values.length === 1 ? (values[0] as JsonValue) : values; // why: length checked
    }
    return out;
  }

  /** `iri`: the property coerces to IRIs, so a bare reference reads as its string, else as `{ id }`. */
  private value(graph: Graph, o: Term, path: ReadonlySet<string>, iri: boolean): JsonValue {
    if (++this.values > MAX_READING_VALUES) throw new AmbiguousReadingError(`the signed graph reads as more than ${MAX_READING_VALUES} values (its objects are used over and over)`, 'READING_TOO_LARGE');
    if (o.termType === 'Literal') return literal(o);
    const key = keyOf(o);
    const reference = (): JsonValue => (o.termType === 'BlankNode' ? {} : iri ? key : { id: key });
    if (path.size >= MAX_DEPTH || path.has(key)) return reference();
    const list = this.list(graph, key, path);
    if (list) return list;
    if (graph.nodes.has(key)) return this.node(graph, key, path);
    // A blank node naming a graph (`@container: @graph`, e.g. `verifiableCredential`): its top-level objects.
    const named = o.termType === 'BlankNode' ? this.graphs.get(key) : undefined;
    if (!named) return reference();
    const roots = this.roots(named).map((r) => this.node(named, r, path));
    return roots.length === 1 ? (roots[0] as JsonObject) : roots; // why: length checked
  }

  /**
   * An RDF list (`@list`) read back as an array: blank cells of one `rdf:first` and one `rdf:rest`
   * each, ending at `rdf:nil`. Anything else that looks like one (a chain that loops, a cell with a
   * second value or another property, a named cell) is no list and is read as the nodes it is.
   */
  private list(graph: Graph, key: string, path: ReadonlySet<string>): JsonValue[] | undefined {
    const heads: Term[] = [];
    const cells = new Set<string>();
    for (let at = key; at !== `${RDF}nil`; ) {
      const cell = graph.nodes.get(at);
      const first = cell?.get(`${RDF}first`);
      const rest = cell?.get(`${RDF}rest`);
      if (!at.startsWith('_:') || cells.has(at) || cell?.size !== 2 || first?.length !== 1 || rest?.length !== 1) return undefined;
      cells.add(at);
      heads.push(first[0] as Term); // why: length checked
      at = keyOf(rest[0] as Term); // why: length checked
    }
    const inner = new Set(path).add(key);
    return heads.map((head) => this.value(graph, head, inner, false));
  }
}

/** Subjects of `graph` that cannot be reached from `root`. */
function unreachable(graph: Graph, root: string): string[] {
  const seen = new Set([root]);
  const queue = [root];
  while (queue.length > 0) {
    const node = graph.nodes.get(queue.pop() as string); // why: the queue is not empty
    if (node === undefined) continue; // a reference to a subject the graph does not describe
    for (const objects of node.values()) {
      for (const o of objects) {
        if (o.termType === 'Literal') continue;
        const key = keyOf(o);
        if (!seen.has(key)) {
          seen.add(key);
          queue.push(key);
        }
      }
    }
  }
  return [...graph.nodes.keys()].filter((s) => !seen.has(s));
}

export const VC_CLASS = 'https://www.w3.org/2018/credentials#VerifiableCredential';
export const VP_CLASS = 'https://www.w3.org/2018/credentials#VerifiablePresentation';

/**
 * The one JSON reading of a credential (or presentation) graph: the node of the default graph
 * typed `classIri` from which every other node can be reached. None, or more than one, is
 * ambiguous (an `@included` credential beside the real one, say) and is refused, not guessed.
 */
export function readGraph(quads: readonly Quad[], classIri: string = VC_CLASS, writtenId?: string): JsonObject {
  const graphs = graphsOf(quads);
  const { graph, root } = rootOf(graphs, classIri, writtenId);
  return new Reader(graphs).node(graph, root, new Set());
}

/**
 * The class IRIs (fully expanded, as the graph holds them) of the node `readGraph` reads: what
 * a query by expanded type (DCQL `type_values`) is matched against. Sorted; throws as `readGraph`.
 */
export function rootTypeIris(quads: readonly Quad[], classIri: string = VC_CLASS, writtenId?: string): string[] {
  const { graph, root } = rootOf(graphsOf(quads), classIri, writtenId);
  const types = (graph.nodes.get(root) as Node).get(RDF_TYPE) as Term[]; // why: the root is a subject of graph typed classIri
  return [...new Set(types.map((t) => t.value))].sort();
}

/** The default graph and its node that is the credential (see readGraph). */
function rootOf(graphs: Map<string, Graph>, classIri: string, writtenId: string | undefined): { graph: Graph; root: string } {
  const graph: Graph = graphs.get('') ?? { nodes: new Map(), referenced: new Set() };
  const typed = [...graph.nodes].filter(([, node]) => node.get(RDF_TYPE)?.some((t) => t.value === classIri)).map(([s]) => s);
  if (typed.length === 0) throw new AmbiguousReadingError('no credential in the signed graph');
  // The credential is the typed node everything else hangs from. Embedded endorsements are typed
  // too, but hang from it; when a cycle lets several reach everything, the written top-level id decides.
  const spanning = typed.filter((t) => unreachable(graph, t).length === 0);
  const root = spanning.length === 1 ? spanning[0] : spanning.find((t) => t === writtenId);
  if (root === undefined) {
    throw new AmbiguousReadingError(spanning.length === 0 ? 'the signed graph holds objects the credential does not link to' : `${spanning.length} credentials could each be the top-level one`);
  }
  return { graph, root };
}
