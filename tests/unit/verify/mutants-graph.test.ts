// Tests written for StrykerJS (`npm run mutate`): reading a signed graph back as JSON (readGraph), on
// quads written by hand so each rule is seen alone: literals by datatype, term names, references, lists,
// named graphs, cycles, and the ambiguous graphs that are refused.
import { describe, expect, it } from 'vitest';
import { AmbiguousReadingError, readGraph, VC_CLASS, VP_CLASS, type Quad, type Term } from '../../../src/lib/verify/reading/graph.ts';
import { vocabTerm } from '../../../src/lib/verify/reading/terms.ts';

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
