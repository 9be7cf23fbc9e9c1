// Tests written for StrykerJS (`npm run mutate`): the names the reading gives to IRIs (reading/terms.ts),
// the inverse of the bundled contexts, and how a context is read (termMapsOf, on contexts written by hand
// so each JSON-LD rule is seen alone).
//
// termMaps() is built once per module: a test that only reused maps built by an earlier one would run
// none of the reading, and a mutation run (which counts what each test runs) would not try it against
// the reading's mutants. So every test of the bundled maps builds them itself, from a fresh module.
import { describe, expect, it, vi } from 'vitest';
import { termMapsOf, type TermMaps } from '../../../src/lib/verify/reading/terms.ts';

const OB = 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#';
const CRED = 'https://www.w3.org/2018/credentials#';
const EX = 'https://ex.example/#';
const V = 'https://v.example/#';

async function freshModule(): Promise<typeof import('../../../src/lib/verify/reading/terms.ts')> {
  vi.resetModules();
  return import('../../../src/lib/verify/reading/terms.ts');
}
const bundled = async (): Promise<TermMaps> => (await freshModule()).termMaps();

/** The maps from these contexts (each one document), as plain data. */
function read(...contexts: unknown[]) {
  const m = termMapsOf(contexts.map((c) => ({ '@context': c })));
  return { properties: Object.fromEntries(m.properties), classes: Object.fromEntries(m.classes), iriValued: [...m.iriValued].sort(), vocabs: m.vocabs };
}

describe('termMaps', () => {
  it('is built once', async () => {
    const { termMaps } = await freshModule();
    expect(termMaps()).toBe(termMaps());
  });

  it('properties and classes by their bundled terms; a term starting lower-case is a property, any other a class', async () => {
    const m = await bundled();
    expect(m.properties.get(`${CRED}validUntil`)).toBe('validUntil');
    expect(m.properties.get(`${CRED}credentialSubject`)).toBe('credentialSubject');
    expect(m.properties.get('https://schema.org/name')).toBe('name');
    expect(m.properties.get('http://purl.org/dc/terms/created')).toBe('created');
    expect(m.properties.get('https://w3id.org/security#proof')).toBe('proof');
    expect(m.properties.get('https://www.w3.org/ns/credentials/status#statusListCredential')).toBe('statusListCredential');
    expect(m.classes.get(`${CRED}VerifiableCredential`)).toBe('VerifiableCredential');
    expect(m.classes.get('https://www.w3.org/ns/credentials/status#BitstringStatusListEntry')).toBe('BitstringStatusListEntry');
    expect(m.classes.get('https://w3id.org/vc/status-list#StatusList2021Entry')).toBe('StatusList2021Entry');
    expect(m.classes.get('https://purl.imsglobal.org/spec/vcrl/v1p0/context.json#1EdTechRevocationList')).toBe('1EdTechRevocationList');
    expect(m.classes.has(`${CRED}validUntil`)).toBe(false);
  });

  it('where two bundled terms share an IRI, the first wins (schema:keywords is OB 3.0’s `tag`, not the beta context’s `tags`: the registry lists OB 3.0 first)', async () => {
    const m = await bundled();
    expect(m.properties.get('https://schema.org/keywords')).toBe('tag');
  });

  it('VC 1.1’s RsaSignature2018 context uses `sec:` without defining it: its terms read back from the IRIs `sec:…`, as JSON-LD expands them', async () => {
    const m = await bundled();
    expect(m.properties.get('sec:jws')).toBe('jws');
    expect(m.properties.get('sec:challenge')).toBe('challenge');
    expect(m.iriValued.has('sec:verificationMethod')).toBe(true);
    expect(m.iriValued.has('sec:proofPurpose')).toBe(true);
  });

  it('OB 3.0 reuses a class IRI for a property: both are named', async () => {
    const m = await bundled();
    expect(m.properties.get(`${OB}Criteria`)).toBe('criteria');
    expect(m.classes.get(`${OB}Criteria`)).toBe('Criteria');
  });

  it('terms inside scoped contexts, and from every bundled context (3.0.2’s achievement-0 too)', async () => {
    const m = await bundled();
    expect(m.properties.get(`${OB}achievement`)).toBe('achievement');
    expect(m.properties.get(`${OB}achievement-0`)).toBe('achievement');
    expect(m.properties.get(`${OB}identityHash`)).toBe('identityHash');
    expect(m.classes.get('https://imsglobal.github.io/openbadges-specification/ob_v3p0.html#Achievement')).toBe('Achievement');
  });

  it('which properties take IRIs (`"@type": "@id"` or `"@vocab"`)', async () => {
    const m = await bundled();
    for (const iri of [`${CRED}credentialSubject`, `${CRED}issuer`, 'https://w3id.org/security#verificationMethod', 'https://w3id.org/security#proofPurpose', 'https://www.w3.org/ns/credentials/status#statusListCredential', `${OB}parentOrg`]) expect(m.iriValued.has(iri), iri).toBe(true);
    for (const iri of ['https://schema.org/name', `${OB}achievementType`, `${CRED}validUntil`, `${OB}identityHash`]) expect(m.iriValued.has(iri), iri).toBe(false);
  });

  it('the bundled @vocab IRIs', async () => {
    const m = await bundled();
    expect([...m.vocabs].sort()).toEqual(['https://www.w3.org/ns/credentials/examples#', 'https://www.w3.org/ns/credentials/undefined-term#']);
  });

  it('no keyword and no relative IRI is named', async () => {
    const m = await bundled();
    expect([...m.properties.values(), ...m.classes.values()].some((t) => t.startsWith('@'))).toBe(false);
    expect([...m.properties.keys(), ...m.classes.keys()].every((iri) => /^[a-z][a-z0-9+.-]*:/i.test(iri))).toBe(true);
  });
});

describe('mutants: reading/terms.ts — how a context is read (termMapsOf)', () => {
  it('a plain term goes under the @vocab, also in a scoped context that inherits it; a keyword, its alias and a scoped context by URL name nothing', () => {
    expect(
      read({
        '@vocab': V,
        id: '@id',
        type: '@type',
        name: { '@type': '@id' },
        size: 'size',
        lead: ':x',
        Thing: { '@id': `${EX}Thing`, '@context': { colour: { '@type': '@vocab' } } },
        Doc: { '@id': `${EX}Doc`, '@context': 'https://ctx.example/doc' },
      }),
    ).toEqual({
      properties: { [`${V}name`]: 'name', [`${V}size`]: 'size', [`${V}:x`]: 'lead', [`${V}colour`]: 'colour' },
      classes: { [`${EX}Thing`]: 'Thing', [`${EX}Doc`]: 'Doc' },
      iriValued: [`${V}colour`, `${V}name`],
      vocabs: [V],
    });
  });

  it('without a @vocab a plain term names nothing and is no prefix; prefixes, absolute IRIs and compact-IRI terms; never a relative IRI', () => {
    expect(
      read({
        rel: 'relative',
        q: 'rel:x',
        und: 'nowhere:x',
        ex: EX,
        a: 'ex:a',
        'ex:long': { '@type': '@id' },
        http: 'https://evil.example/#',
        n: 'http://schema.org/name',
        b: '_:b0',
        c: './ns:term',
      }),
    ).toEqual({
      properties: { 'rel:x': 'q', 'nowhere:x': 'und', [EX]: 'ex', [`${EX}a`]: 'a', [`${EX}long`]: 'ex:long', 'https://evil.example/#': 'http', 'http://schema.org/name': 'n' },
      classes: {},
      iriValued: [`${EX}long`],
      vocabs: [],
    });
  });

  it('a prefix defined after its use, through a chain of prefixes written backwards; a cycle of prefixes ends', () => {
    expect(read({ a: 'b:x', b: 'c:y', c: 'https://c.example/', p: 'q:1', q: 'p:2' }).properties).toEqual({
      'https://c.example/yx': 'a',
      'https://c.example/y': 'b',
      'https://c.example/': 'c',
      'p:21': 'p',
      'q:12': 'q',
    });
  });

  it('a term set to null or to a keyword in a scoped context hides the outer one there and deeper: no longer a prefix', () => {
    expect(read({ ex: EX, Thing: { '@id': 'ex:Thing', '@context': { ex: null, id: '@id', a: 'ex:a', Part: { '@id': `${EX}Part`, '@context': { b: 'ex:b' } } } } })).toEqual({
      properties: { [EX]: 'ex', 'ex:a': 'a', 'ex:b': 'b' },
      classes: { [`${EX}Thing`]: 'Thing', [`${EX}Part`]: 'Part' },
      iriValued: [],
      vocabs: [],
    });
  });

  it('a scoped context given as a list is read item by item', () => {
    expect(read({ Outer: { '@id': `${EX}Outer`, '@context': ['https://ctx.example/x', { inner: `${EX}inner` }, null] } }).properties).toEqual({ [`${EX}inner`]: 'inner' });
  });

  it('scoped contexts are read nine levels deep, no deeper', () => {
    let context: Record<string, unknown> = { l10: `${EX}l10` };
    for (let level = 9; level >= 0; level--) context = { [`l${level}`]: `${EX}l${level}`, [`L${level}`]: { '@id': `${EX}L${level}`, '@context': context } };
    const { properties, classes } = read(context);
    expect(Object.values(properties)).toEqual(['l0', 'l1', 'l2', 'l3', 'l4', 'l5', 'l6', 'l7', 'l8']);
    expect(Object.values(classes)).toEqual(['L0', 'L1', 'L2', 'L3', 'L4', 'L5', 'L6', 'L7', 'L8']);
  });

  it('only an absolute http(s) @vocab is listed: not a relative one, even with a URL in it', () => {
    expect(read({ '@vocab': 'http://schema.example/', thing: { '@type': '@id' } }, { '@vocab': '/vocab?from=http://example.org/' }, { '@vocab': '#', x: 'x' })).toEqual({
      properties: { 'http://schema.example/thing': 'thing' },
      classes: {},
      iriValued: ['http://schema.example/thing'],
      vocabs: ['http://schema.example/'],
    });
  });
});
