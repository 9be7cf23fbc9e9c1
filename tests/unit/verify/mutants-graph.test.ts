// Tests written for StrykerJS (`npm run mutate`): reading a signed graph back as JSON (readGraph), on
// quads written by hand so each rule is seen alone: literals by datatype, term names, references, lists,
// named graphs, cycles, and the ambiguous graphs that are refused.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/lib/model/credential.ts';
import { createEnv } from '../../../src/lib/verify/env.ts';
import { verifyCredential } from '../../../src/lib/verify/pipeline.ts';
import { AmbiguousReadingError, MAX_READING_VALUES, readGraph, rootTypeIris, VC_CLASS, VP_CLASS, type Quad, type Term } from '../../../src/lib/verify/reading/graph.ts';
import { vocabTerm } from '../../../src/lib/verify/reading/terms.ts';
import { generateDidKey, hashedEmail, NOW, ob3Credential, RECIPIENT_EMAIL, SALT, signDi } from '../../support/issuer.ts';

const CRED = 'https://www.w3.org/2018/credentials#';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const NAME = 'https://schema.org/name';
const EX = 'https://example.test/vocab#';

const nn = (value: string): Term => ({ termType: 'NamedNode', value });
const bn = (value: string): Term => ({ termType: 'BlankNode', value });
const lit = (value: string, datatype?: string, language?: string): Term => ({ termType: 'Literal', value, ...(datatype ? { datatype: { value: datatype } } : {}), ...(language ? { language } : {}) });
const DG: Term = { termType: 'DefaultGraph', value: '' };
const q = (s: Term, p: string, o: Term, g: Term = DG): Quad => ({ subject: s, predicate: nn(p), object: o, graph: g });

const VC = nn('urn:vc');
/** A credential node and whatever else is given. */
const vc = (...rest: Quad[]): Quad[] => [q(VC, `${RDF}type`, nn(`${CRED}VerifiableCredential`)), ...rest];

describe('literals', () => {
  const valueOf = (o: Term) => readGraph(vc(q(VC, `${EX}v`, o)))[`${EX}v`];

  it.each([
    [lit('true', `${XSD}boolean`), true],
    [lit('false', `${XSD}boolean`), false],
    [lit('yes', `${XSD}boolean`), 'yes'],
    [lit('42', `${XSD}integer`), 42],
    [lit('42', `${XSD}nonNegativeInteger`), 42],
    [lit('42', `${XSD}positiveInteger`), 42],
    [lit('42', `${XSD}int`), 42],
    [lit('42', `${XSD}long`), 42],
    [lit('42', `${XSD}unsignedInt`), 42],
    [lit('9007199254740993', `${XSD}integer`), '9007199254740993'],
    [lit('1.5', `${XSD}double`), 1.5],
    [lit('1.5', `${XSD}float`), 1.5],
    [lit('1.5', `${XSD}decimal`), 1.5],
    [lit('.5', `${XSD}decimal`), 0.5],
    [lit('+1.5', `${XSD}double`), 1.5],
    [lit('INF', `${XSD}double`), 'INF'],
    [lit('{"a":[1]}', `${RDF}JSON`), { a: [1] }],
    [lit('{oops', `${RDF}JSON`), '{oops'],
    [lit('7', 'xsd:integer'), 7],
    [lit('7', 'https://www.w3.org/2001/XMLSchema#integer'), 7],
    [lit('7', 'https://example.test/custom'), '7'],
    [lit('plain'), 'plain'],
    [lit('hallo', undefined, 'de'), { '@value': 'hallo', '@language': 'de' }],
    [lit('hello', 'https://www.w3.org/ns/i18n#en-US_ltr'), { '@value': 'hello', '@language': 'en-US' }],
    [lit('hello', 'https://www.w3.org/ns/i18n#_rtl'), 'hello'],
    // Only a leading `xsd:` is an XML Schema type; elsewhere in the IRI it is text.
    [lit('hello', 'https://www.w3.org/ns/i18n#xsd:en'), { '@value': 'hello', '@language': 'xsd:en' }],
  ] as Array<[Term, unknown]>)('%j', (o, expected) => {
    expect(valueOf(o)).toEqual(expected);
  });
});

describe('names, values and references', () => {
  it('bundled terms name properties and classes; other IRIs stay whole; several values are sorted', () => {
    const doc = readGraph(
      vc(
        q(VC, `${RDF}type`, nn('https://purl.imsglobal.org/spec/vc/ob/vocab.html#Achievement')),
        q(VC, `${RDF}type`, nn('https://other.test/Class')),
        q(VC, NAME, lit('b')),
        q(VC, NAME, lit('a')),
        q(VC, 'https://other.test/prop', lit('x')),
      ),
    );
    expect(doc).toEqual({ id: 'urn:vc', type: ['Achievement', 'VerifiableCredential', 'https://other.test/Class'], name: ['a', 'b'], 'https://other.test/prop': 'x' });
  });

  it('an IRI under a bundled @vocab reads as its local name, when it is a plain name', () => {
    const vocab = 'https://www.w3.org/ns/credentials/examples#';
    const doc = readGraph(vc(q(VC, `${vocab}favouriteColour`, lit('blue')), q(VC, `${vocab}not a name`, lit('x')), q(VC, `${RDF}type`, nn(`${vocab}ExampleCredential`))));
    expect(doc).toEqual({ id: 'urn:vc', type: ['ExampleCredential', 'VerifiableCredential'], favouriteColour: 'blue', [`${vocab}not a name`]: 'x' });
    expect(vocabTerm(`${vocab}ok_name-1`, [vocab])).toBe('ok_name-1');
    expect(vocabTerm(`${vocab}1bad`, [vocab])).toBeUndefined();
    expect(vocabTerm('https://elsewhere.test/x', [vocab])).toBeUndefined();
  });

  it('two IRIs that share a term: the second keeps its full IRI', () => {
    const doc = readGraph(vc(q(VC, 'http://schema.org/name', lit('old')), q(VC, NAME, lit('new'))));
    expect(doc).toEqual({ id: 'urn:vc', type: 'VerifiableCredential', name: 'old', [NAME]: 'new' });
  });

  it('a reference: an IRI string where the term takes IRIs, else { id }; a described node is embedded', () => {
    const doc = readGraph(
      vc(q(VC, `${CRED}issuer`, nn('did:example:issuer')), q(VC, `${EX}link`, nn('https://elsewhere.test/x')), q(VC, `${CRED}credentialSubject`, nn('did:example:s')), q(nn('did:example:s'), NAME, lit('S'))),
    );
    expect(doc).toEqual({ id: 'urn:vc', type: 'VerifiableCredential', issuer: 'did:example:issuer', [`${EX}link`]: { id: 'https://elsewhere.test/x' }, credentialSubject: { id: 'did:example:s', name: 'S' } });
  });

  it('blank nodes are embedded without an id; a cycle is cut where it closes', () => {
    const doc = readGraph(vc(q(VC, `${EX}a`, bn('b1')), q(bn('b1'), `${EX}back`, VC), q(bn('b1'), `${EX}self`, bn('b1')), q(bn('b1'), NAME, lit('B'))));
    expect(doc).toEqual({ id: 'urn:vc', type: 'VerifiableCredential', [`${EX}a`]: { [`${EX}back`]: { id: 'urn:vc' }, [`${EX}self`]: {}, name: 'B' } });
  });

  it('a chain deeper than 32 is cut to a reference', () => {
    const quads = vc(q(VC, `${EX}next`, nn('urn:n0')));
    for (let i = 0; i < 40; i++) quads.push(q(nn(`urn:n${i}`), `${EX}next`, nn(`urn:n${i + 1}`)));
    let node = readGraph(quads) as Record<string, unknown>;
    let depth = 0;
    while (typeof node[`${EX}next`] === 'object' && Object.keys(node[`${EX}next`] as object).length > 1) {
      node = node[`${EX}next`] as Record<string, unknown>;
      depth++;
    }
    expect(depth).toBe(31);
    expect(node[`${EX}next`]).toEqual({ id: 'urn:n31' });
  });

  it('an RDF list reads as an array in order (its members not sorted); the empty list as []', () => {
    const doc = readGraph(
      vc(
        q(VC, `${EX}list`, bn('l1')),
        q(bn('l1'), `${RDF}first`, lit('z')),
        q(bn('l1'), `${RDF}rest`, bn('l2')),
        q(bn('l2'), `${RDF}first`, nn('urn:item')),
        q(bn('l2'), `${RDF}rest`, nn(`${RDF}nil`)),
        q(VC, `${EX}empty`, nn(`${RDF}nil`)),
      ),
    );
    expect(doc).toEqual({ id: 'urn:vc', type: 'VerifiableCredential', [`${EX}list`]: ['z', { id: 'urn:item' }], [`${EX}empty`]: [] });
  });

  it('a blank node naming a graph reads as that graph’s top-level objects', () => {
    const g1 = bn('g1');
    const g2 = bn('g2');
    const doc = readGraph(
      vc(
        q(VC, `${EX}one`, g1),
        q(nn('urn:inner'), NAME, lit('I'), g1),
        q(VC, `${EX}two`, g2),
        q(nn('urn:x'), NAME, lit('X'), g2),
        q(nn('urn:y'), NAME, lit('Y'), g2),
      ),
    );
    expect(doc).toEqual({ id: 'urn:vc', type: 'VerifiableCredential', [`${EX}one`]: { id: 'urn:inner', name: 'I' }, [`${EX}two`]: [{ id: 'urn:x', name: 'X' }, { id: 'urn:y', name: 'Y' }] });
  });
});

describe('which node is the credential', () => {
  it('no node of the class: refused', () => {
    expect(() => readGraph([q(nn('urn:x'), NAME, lit('x'))])).toThrow(new AmbiguousReadingError('no credential in the signed graph'));
    expect(() => readGraph([])).toThrow(AmbiguousReadingError);
  });

  it('a node the credential does not link to: refused', () => {
    expect(() => readGraph(vc(q(nn('urn:loose'), NAME, lit('x'))))).toThrow(new AmbiguousReadingError('the signed graph holds objects the credential does not link to'));
  });

  it('an embedded credential hangs from the top one: the top one is read', () => {
    const inner = nn('urn:inner-vc');
    const doc = readGraph(vc(q(VC, `${EX}endorsement`, inner), q(inner, `${RDF}type`, nn(`${CRED}VerifiableCredential`))));
    expect(doc.id).toBe('urn:vc');
  });

  it('two credentials that reach each other: the written id decides, else refused', () => {
    const other = nn('urn:vc2');
    const quads = vc(q(VC, `${EX}peer`, other), q(other, `${EX}peer`, VC), q(other, `${RDF}type`, nn(`${CRED}VerifiableCredential`)));
    expect(readGraph(quads, VC_CLASS, 'urn:vc2').id).toBe('urn:vc2');
    expect(() => readGraph(quads)).toThrow(new AmbiguousReadingError('2 credentials could each be the top-level one'));
    expect(() => readGraph(quads, VC_CLASS, 'urn:other')).toThrow(AmbiguousReadingError);
  });

  it('a presentation is read by its own class', () => {
    const vp = [q(nn('urn:vp'), `${RDF}type`, nn(VP_CLASS)), q(nn('urn:vp'), NAME, lit('P'))];
    expect(readGraph(vp, VP_CLASS)).toEqual({ id: 'urn:vp', type: 'VerifiablePresentation', name: 'P' });
  });
});

describe('mutants: reading/graph.ts', () => {
  const FIRST = `${RDF}first`;
  const REST = `${RDF}rest`;
  const NIL = nn(`${RDF}nil`);
  const ambiguity = (f: () => unknown): { name: string; problem: string; code: string } => {
    try {
      f();
    } catch (e) {
      if (e instanceof AmbiguousReadingError) return { name: e.name, problem: e.problem, code: e.code };
      throw e;
    }
    throw new Error('no error');
  };

  it('the refusal is an AmbiguousReadingError by name, and a literal naming a loose node does not link it', () => {
    // A literal whose text is the loose node's id is text, not a link.
    expect(ambiguity(() => readGraph(vc(q(VC, NAME, lit('urn:loose')), q(nn('urn:loose'), NAME, lit('x')))))).toEqual({ name: 'AmbiguousReadingError', code: 'AMBIGUOUS', problem: 'the signed graph holds objects the credential does not link to' });
  });

  it('the values of a property are sorted whatever their order in the quads', () => {
    expect(readGraph(vc(q(VC, NAME, lit('b')), q(VC, NAME, lit('c')), q(VC, NAME, lit('a')))).name).toEqual(['a', 'b', 'c']);
    expect(readGraph(vc(q(VC, NAME, lit('a')), q(VC, NAME, lit('b')))).name).toEqual(['a', 'b']);
  });

  it('only nodes of the class asked for are candidates: a node of another class that reaches everything is not', () => {
    const other = nn('urn:thing');
    expect(readGraph(vc(q(VC, `${EX}peer`, other), q(other, `${EX}peer`, VC), q(other, `${RDF}type`, nn(`${EX}Thing`)))).id).toBe('urn:vc');
  });

  it('properties are read in IRI order whatever the quad order: the key order, and which of two IRIs keeps the shared term', () => {
    const doc = readGraph([q(VC, 'https://other.test/z', lit('z')), q(VC, NAME, lit('new')), q(VC, 'http://schema.org/name', lit('old')), q(VC, `${RDF}type`, nn(`${CRED}VerifiableCredential`))]);
    expect(JSON.stringify(doc)).toBe(JSON.stringify({ id: 'urn:vc', name: 'old', type: 'VerifiableCredential', 'https://other.test/z': 'z', [NAME]: 'new' }));
  });

  it('a property whose name under a @vocab is `id` or `type` keeps its full IRI: it cannot replace the node’s id or type', () => {
    const vocab = 'https://www.w3.org/ns/credentials/examples#';
    const doc = readGraph(vc(q(VC, `${vocab}id`, lit('urn:other')), q(VC, `${vocab}type`, lit('Other')), q(VC, `${vocab}colour`, lit('blue'))));
    expect(doc).toEqual({ id: 'urn:vc', type: 'VerifiableCredential', colour: 'blue', [`${vocab}id`]: 'urn:other', [`${vocab}type`]: 'Other' });
  });

  it('a named graph’s top-level objects: the nodes nothing in it links to (a literal is no link), in id order', () => {
    const g = bn('g');
    const doc = readGraph(
      vc(
        q(VC, `${EX}graph`, g),
        q(nn('urn:y'), NAME, lit('Y'), g),
        q(nn('urn:x'), `${EX}link`, nn('urn:z'), g),
        q(nn('urn:z'), NAME, lit('Z'), g),
        q(nn('urn:x'), NAME, lit('urn:y'), g),
      ),
    );
    expect(doc[`${EX}graph`]).toEqual([
      { id: 'urn:x', [`${EX}link`]: { id: 'urn:z', name: 'Z' }, name: 'urn:y' },
      { id: 'urn:y', name: 'Y' },
    ]);
  });

  it('a graph named by an IRI is a reference (only a blank node names an embedded graph); a blank node described nowhere is {}', () => {
    const doc = readGraph(vc(q(VC, `${EX}graph`, nn('urn:g')), q(nn('urn:in-g'), NAME, lit('G'), nn('urn:g')), q(VC, `${EX}blank`, bn('nowhere'))));
    expect(doc).toEqual({ id: 'urn:vc', type: 'VerifiableCredential', [`${EX}graph`]: { id: 'urn:g' }, [`${EX}blank`]: {} });
  });

  describe('what is not a well-formed list is read as the nodes it is (nothing in it hidden)', () => {
    const listOf = (...quads: Quad[]) => readGraph(vc(q(VC, `${EX}list`, bn('l')), ...quads))[`${EX}list`];

    it('a chain that loops back on itself', () => {
      expect(listOf(q(bn('l'), FIRST, lit('x')), q(bn('l'), REST, bn('l')))).toEqual({ [FIRST]: 'x', [REST]: {} });
      expect(listOf(q(bn('l'), FIRST, lit('1')), q(bn('l'), REST, bn('m')), q(bn('m'), FIRST, lit('2')), q(bn('m'), REST, bn('l')))).toEqual({ [FIRST]: '1', [REST]: { [FIRST]: '2', [REST]: {} } });
    });

    it('a rest that is not a list: a blank node described nowhere, an IRI, a node without rdf:first', () => {
      expect(listOf(q(bn('l'), FIRST, lit('a')), q(bn('l'), REST, bn('gone')))).toEqual({ [FIRST]: 'a', [REST]: {} });
      expect(listOf(q(bn('l'), FIRST, lit('a')), q(bn('l'), REST, nn('urn:x')))).toEqual({ [FIRST]: 'a', [REST]: { id: 'urn:x' } });
      expect(listOf(q(bn('l'), FIRST, lit('a')), q(bn('l'), REST, bn('m')), q(bn('m'), REST, NIL), q(bn('m'), NAME, lit('M')))).toEqual({ [FIRST]: 'a', [REST]: { [REST]: [], name: 'M' } });
    });

    it('a cell with no rest, two firsts, or another property (first or later cell)', () => {
      expect(listOf(q(bn('l'), FIRST, lit('a')))).toEqual({ [FIRST]: 'a' });
      expect(listOf(q(bn('l'), FIRST, lit('a')), q(bn('l'), NAME, lit('N')))).toEqual({ [FIRST]: 'a', name: 'N' });
      expect(listOf(q(bn('l'), FIRST, lit('a')), q(bn('l'), REST, NIL), q(bn('l'), REST, bn('m')), q(bn('m'), FIRST, lit('b')), q(bn('m'), REST, NIL))).toEqual({ [FIRST]: 'a', [REST]: [['b'], []] });
      expect(listOf(q(bn('l'), FIRST, lit('b')), q(bn('l'), FIRST, lit('a')), q(bn('l'), REST, NIL))).toEqual({ [FIRST]: ['a', 'b'], [REST]: [] });
      expect(listOf(q(bn('l'), FIRST, lit('a')), q(bn('l'), REST, NIL), q(bn('l'), NAME, lit('hidden?')))).toEqual({ [FIRST]: 'a', [REST]: [], name: 'hidden?' });
      expect(listOf(q(bn('l'), FIRST, lit('a')), q(bn('l'), REST, bn('m')), q(bn('m'), FIRST, lit('b')), q(bn('m'), REST, NIL), q(bn('m'), NAME, lit('M')))).toEqual({
        [FIRST]: 'a',
        [REST]: { [FIRST]: 'b', [REST]: [], name: 'M' },
      });
    });

    it('a named cell', () => {
      expect(readGraph(vc(q(VC, `${EX}list`, nn('urn:l')), q(nn('urn:l'), FIRST, lit('a')), q(nn('urn:l'), REST, NIL)))[`${EX}list`]).toEqual({ id: 'urn:l', [FIRST]: 'a', [REST]: [] });
    });

    it('a well-formed list that holds itself: the inner use is cut, as a cycle of nodes is', () => {
      expect(listOf(q(bn('l'), FIRST, bn('l')), q(bn('l'), REST, NIL))).toEqual([{}]);
    });
  });

  describe('a graph that shares its nodes over and over is refused, not read for hours', () => {
    /** `urn:n0` … `urn:n{depth}`, each linking to the next twice: 2^depth paths to the last. */
    const chain = (depth: number): Quad[] => {
      const quads = vc(q(VC, `${EX}a`, nn('urn:n0')));
      for (let i = 0; i < depth; i++) quads.push(q(nn(`urn:n${i}`), `${EX}a`, nn(`urn:n${i + 1}`)), q(nn(`urn:n${i}`), `${EX}b`, nn(`urn:n${i + 1}`)));
      return quads;
    };
    const tooMany = { name: 'AmbiguousReadingError', code: 'READING_TOO_LARGE', problem: `the signed graph reads as more than ${MAX_READING_VALUES} values (its objects are used over and over)` };

    it('a chain of 35 quads (2^17 uses of its last node) is refused; a short one is read', () => {
      expect(ambiguity(() => readGraph(chain(17)))).toEqual(tooMany);
      expect(readGraph(chain(2))).toEqual({ id: 'urn:vc', type: 'VerifiableCredential', [`${EX}a`]: { id: 'urn:n0', [`${EX}a`]: { id: 'urn:n1', [`${EX}a`]: { id: 'urn:n2' }, [`${EX}b`]: { id: 'urn:n2' } }, [`${EX}b`]: { id: 'urn:n1', [`${EX}a`]: { id: 'urn:n2' }, [`${EX}b`]: { id: 'urn:n2' } } } });
    });

    it('a signed credential written so (nested JSON, each node used twice): the structure check fails READING_TOO_LARGE, the proof still holds', async () => {
      let node: JsonObject = { id: 'urn:n17' };
      for (let i = 16; i >= 0; i--) node = { id: `urn:n${i}`, [`${EX}a`]: node, [`${EX}b`]: { id: `urn:n${i + 1}` } };
      const issuer = await generateDidKey('Ed25519');
      const credential = { ...ob3Credential({ id: 'urn:tsumiki:mutants:graph', issuerId: issuer.did, identityHash: await hashedEmail(RECIPIENT_EMAIL, SALT) }), [`${EX}a`]: node };
      const signed = await signDi(credential, 'eddsa-rdfc-2022', issuer.pair);
      const { verification } = await verifyCredential({ format: 'ob3-di', container: 'json', credential: signed, bytes: new TextEncoder().encode(JSON.stringify(signed)) }, createEnv({ now: NOW }));
      expect(verification.checks.map((c) => `${c.id}:${c.code}`).slice(1, 3)).toEqual(['structure:READING_TOO_LARGE', 'proof:PROOF_VALID']);
      expect(verification.checks[1]?.data).toEqual({ problem: tooMany.problem });
    });

    it('the limit is on values read: exactly the most is read, one more is refused', () => {
      const values = (n: number) => vc(...Array.from({ length: n }, (_, i) => q(VC, `${EX}v`, lit(String(i)))));
      expect((readGraph(values(MAX_READING_VALUES))[`${EX}v`] as unknown[]).length).toBe(MAX_READING_VALUES);
      expect(ambiguity(() => readGraph(values(MAX_READING_VALUES + 1)))).toEqual(tooMany);
    });
  });

  describe('rootTypeIris: the expanded classes of the node read', () => {
    it('sorted, each once, of the node readGraph reads', () => {
      const other = nn('urn:vc2');
      const quads = [
        q(VC, `${RDF}type`, nn('https://z.test/Z')),
        ...vc(q(VC, `${EX}peer`, other), q(other, `${EX}peer`, VC)),
        q(VC, `${RDF}type`, nn('https://a.test/A')),
        q(VC, `${RDF}type`, nn('https://z.test/Z')),
        q(other, `${RDF}type`, nn(`${CRED}VerifiableCredential`)),
        q(other, `${RDF}type`, nn('https://m.test/M')),
      ];
      expect(rootTypeIris(quads, VC_CLASS, 'urn:vc')).toEqual(['https://a.test/A', `${CRED}VerifiableCredential`, 'https://z.test/Z']);
      expect(rootTypeIris(quads, VC_CLASS, 'urn:vc2')).toEqual(['https://m.test/M', `${CRED}VerifiableCredential`]);
    });

    it('a presentation by its class; no node of the class: refused as readGraph refuses', () => {
      expect(rootTypeIris([q(nn('urn:vp'), `${RDF}type`, nn(VP_CLASS))], VP_CLASS)).toEqual([VP_CLASS]);
      expect(ambiguity(() => rootTypeIris([q(nn('urn:x'), NAME, lit('x'))]))).toEqual({ name: 'AmbiguousReadingError', code: 'AMBIGUOUS', problem: 'no credential in the signed graph' });
    });
  });
});
