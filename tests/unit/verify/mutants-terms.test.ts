// Tests written for StrykerJS (`npm run mutate`): the names the reading gives to IRIs (reading/terms.ts),
// the inverse of the bundled contexts.
import { describe, expect, it } from 'vitest';
import { termMaps } from '../../../src/lib/verify/reading/terms.ts';

const OB = 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#';
const CRED = 'https://www.w3.org/2018/credentials#';

describe('termMaps', () => {
  const m = termMaps();

  it('is built once', () => {
    expect(termMaps()).toBe(m);
  });

  it('properties and classes by their bundled terms; a term starting lower-case is a property, any other a class', () => {
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

  it('OB 3.0 reuses a class IRI for a property: both are named', () => {
    expect(m.properties.get(`${OB}Criteria`)).toBe('criteria');
    expect(m.classes.get(`${OB}Criteria`)).toBe('Criteria');
  });

  it('terms inside scoped contexts, and from every bundled context (3.0.2’s achievement-0 too)', () => {
    expect(m.properties.get(`${OB}achievement`)).toBe('achievement');
    expect(m.properties.get(`${OB}achievement-0`)).toBe('achievement');
    expect(m.properties.get(`${OB}identityHash`)).toBe('identityHash');
  });

  it('which properties take IRIs', () => {
    for (const iri of [`${CRED}credentialSubject`, `${CRED}issuer`, 'https://w3id.org/security#verificationMethod', 'https://www.w3.org/ns/credentials/status#statusListCredential']) expect(m.iriValued.has(iri), iri).toBe(true);
    for (const iri of ['https://schema.org/name', `${OB}achievementType`, `${CRED}validUntil`]) expect(m.iriValued.has(iri), iri).toBe(false);
  });

  it('the bundled @vocab IRIs', () => {
    expect([...m.vocabs].sort()).toEqual(['https://www.w3.org/ns/credentials/examples#', 'https://www.w3.org/ns/credentials/undefined-term#']);
  });

  it('no keyword and no relative IRI is named', () => {
    expect([...m.properties.values(), ...m.classes.values()].some((t) => t.startsWith('@'))).toBe(false);
    expect([...m.properties.keys(), ...m.classes.keys()].every((iri) => /^[a-z][a-z0-9+.-]*:/i.test(iri))).toBe(true);
  });
});
