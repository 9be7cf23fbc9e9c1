// Tests written from surviving mutants (StrykerJS, `npm run mutate`): the structure step, called directly
// on a written credential and its reading. Every refusal is asserted whole (path and problem), since the
// report shows both; the mutants that survived changed those words or skipped a rule.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/lib/model/credential.ts';
import { checkOb2Structure, checkVcStructure, vcVersion } from '../../../src/lib/verify/steps/structure.ts';

const VC_V1 = 'https://www.w3.org/2018/credentials/v1';
const VC_V2 = 'https://www.w3.org/ns/credentials/v2';

const badge = (edit: JsonObject = {}): JsonObject => ({
  '@context': [VC_V2],
  id: 'urn:tsumiki:mutants:structure',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: 'did:example:issuer' },
  validFrom: '2025-01-01T00:00:00Z',
  credentialSubject: { id: 'did:example:learner', achievement: { id: 'urn:a', name: 'A' } },
  ...edit,
});
/** A credential that is its own reading (the layout here is the plain one). */
const vc = (doc: JsonObject) => checkVcStructure(doc, doc);
/** `doc` without `key`. */
const without = (doc: JsonObject, key: string): JsonObject => Object.fromEntries(Object.entries(doc).filter(([k]) => k !== key));
const refused = (path: string, problem: string) => ({ id: 'structure', outcome: 'failed', code: 'STRUCTURE_INVALID', data: { path, problem } });

describe('checkVcStructure', () => {
  it('a plain badge and a plain VC pass, saying which', () => {
    expect(vc(badge())).toEqual({ id: 'structure', outcome: 'passed', code: 'STRUCTURE_OK', data: { vc: '2.0', kind: 'badge' } });
    expect(vc({ ...badge({ type: ['VerifiableCredential'] }), '@context': [VC_V1], issuanceDate: '2025-01-01T00:00:00Z' })).toEqual({
      id: 'structure',
      outcome: 'passed',
      code: 'STRUCTURE_OK',
      data: { vc: '1.1', kind: 'vc' },
    });
  });

  it.each(['AchievementCredential', 'EndorsementCredential', 'ClrCredential'])('%s is a badge', (type) => {
    expect(vc(badge({ type: ['VerifiableCredential', type] }))).toMatchObject({ outcome: 'passed', data: { kind: 'badge' } });
  });

  it('the first context decides the version', () => {
    expect(vcVersion({ '@context': [VC_V1, VC_V2] })).toBe('1.1');
    expect(vcVersion({ '@context': VC_V2 })).toBe('2.0');
    expect(vcVersion({ '@context': ['https://example.test/ctx', VC_V2] })).toBeUndefined();
    expect(vc(badge({ '@context': ['https://example.test/ctx', VC_V2] }))).toEqual(refused('@context', 'first context must be the VC 1.1 or 2.0 context'));
  });

  it('the reading’s types, the issuer, the issuance date', () => {
    expect(vc(badge({ type: ['OpenBadgeCredential'] }))).toEqual(refused('type', 'must include VerifiableCredential'));
    expect(vc(badge({ issuer: { name: 'no id' } }))).toEqual(refused('issuer', 'missing, or without an id'));
    expect(vc(without(badge(), 'validFrom'))).toEqual(refused('validFrom', 'missing'));
    expect(vc({ ...badge(), '@context': [VC_V1] })).toEqual(refused('issuanceDate', 'missing'));
    // A plain VC needs no issuance date.
    const plain = badge({ type: ['VerifiableCredential'] });
    delete plain.validFrom;
    expect(vc(plain)).toMatchObject({ outcome: 'passed', data: { kind: 'vc' } });
  });

  it('subjects: present, objects or ids, none empty', () => {
    expect(vc(badge({ credentialSubject: [] }))).toEqual(refused('credentialSubject', 'missing or not an object'));
    expect(vc(badge({ credentialSubject: [{ id: 'x', achievement: { name: 'A' } }, 7] }))).toEqual(refused('credentialSubject', 'missing or not an object'));
    expect(vc(badge({ credentialSubject: [{ id: 'x', achievement: { name: 'A' } }, {}] }))).toEqual(refused('credentialSubject', 'an empty subject says nothing about anyone'));
    expect(vc(badge({ type: ['VerifiableCredential'], credentialSubject: 'did:example:learner' }))).toMatchObject({ outcome: 'passed' });
  });

  it.each(['credentialStatus', 'credentialSchema', 'evidence', 'termsOfUse', 'refreshService'])('%s: every entry an object with a type', (key) => {
    expect(vc(badge({ [key]: [{ id: 'urn:x', type: 'T' }, { id: 'urn:y' }] }))).toEqual(refused(key, 'every entry must be an object with a type'));
    expect(vc(badge({ [key]: 'urn:somewhere-else' }))).toEqual(refused(key, 'every entry must be an object with a type'));
  });

  it('a reference to the credential itself is typed by the graph (except a status entry)', () => {
    const self = 'urn:tsumiki:mutants:structure';
    expect(vc(badge({ refreshService: self }))).toMatchObject({ outcome: 'passed' });
    expect(vc(badge({ credentialStatus: self }))).toEqual(refused('credentialStatus', 'every entry must be an object with a type'));
  });

  it('a schema is named by its id', () => {
    expect(vc(badge({ credentialSchema: { type: 'JsonSchema' } }))).toEqual(refused('credentialSchema', 'every entry must have an id'));
    expect(vc(badge({ credentialSchema: { id: 'https://schema.test/s.json', type: 'JsonSchema' } }))).toMatchObject({ outcome: 'passed' });
  });

  it('relatedResource: an id, a digest, listed once', () => {
    expect(vc(badge({ relatedResource: ['https://r.test/a'] }))).toEqual(refused('relatedResource', 'every entry must have an id'));
    expect(vc(badge({ relatedResource: [{ digestSRI: 'sha384-x' }] }))).toEqual(refused('relatedResource', 'every entry must have an id'));
    expect(vc(badge({ relatedResource: [{ id: 'https://r.test/a' }] }))).toEqual(refused('relatedResource', 'every entry must have digestSRI or digestMultibase'));
    expect(vc(badge({ relatedResource: [{ id: 'https://r.test/a', digestSRI: 'sha384-x' }] }))).toMatchObject({ outcome: 'passed' });
    expect(vc(badge({ relatedResource: [{ id: 'https://r.test/a', digestMultibase: 'uEiX' }] }))).toMatchObject({ outcome: 'passed' });
    expect(vc(badge({ relatedResource: [{ id: 'https://r.test/a', digestSRI: ['sha384-x', 'sha384-y'] }] }))).toEqual(refused('relatedResource', 'https://r.test/a is listed more than once'));
    expect(vc(badge({ relatedResource: [{ id: 'https://r.test/a', digestMultibase: ['uEiX', 'uEiY'] }] }))).toEqual(refused('relatedResource', 'https://r.test/a is listed more than once'));
  });

  it('an OpenBadge or Achievement credential needs an achievement with a name, on some subject', () => {
    expect(vc(badge({ credentialSubject: { id: 'x' } }))).toEqual(refused('credentialSubject.achievement', 'missing'));
    expect(vc(badge({ credentialSubject: { id: 'x', achievement: 'urn:a' } }))).toEqual(refused('credentialSubject.achievement', 'missing'));
    expect(vc(badge({ type: ['VerifiableCredential', 'AchievementCredential'], credentialSubject: { id: 'x', achievement: { id: 'urn:a' } } }))).toEqual(
      refused('credentialSubject.achievement.name', 'missing'),
    );
    expect(vc(badge({ credentialSubject: [{ id: 'other' }, { id: 'x', achievement: { name: 'A' } }] }))).toMatchObject({ outcome: 'passed' });
    // An endorsement has no achievement.
    expect(vc(badge({ type: ['VerifiableCredential', 'EndorsementCredential'], credentialSubject: { id: 'x' } }))).toMatchObject({ outcome: 'passed' });
  });
});

describe('checkOb2Structure', () => {
  const assertion = (edit: JsonObject = {}): JsonObject => ({
    '@context': 'https://w3id.org/openbadges/v2',
    type: 'Assertion',
    id: 'https://ob2.test/a/1',
    recipient: { type: 'email', identity: 'x' },
    badge: 'https://ob2.test/b',
    issuedOn: '2025-01-01',
    verification: { type: 'hosted' },
    ...edit,
  });

  it('a plain assertion passes; the old `verify` name is read too', () => {
    expect(checkOb2Structure(assertion())).toEqual({ id: 'structure', outcome: 'passed', code: 'STRUCTURE_OK', data: { ob: '2.0' } });
    expect(checkOb2Structure({ ...without(assertion(), 'verification'), verify: { type: 'hosted' } })).toMatchObject({ outcome: 'passed' });
  });

  it('each refusal names its path and problem', () => {
    expect(checkOb2Structure(assertion({ '@context': 'https://w3id.org/openbadges/v1' }))).toEqual(refused('@context', 'must be https://w3id.org/openbadges/v2'));
    expect(checkOb2Structure(assertion({ type: 'BadgeClass' }))).toEqual(refused('type', 'must be Assertion'));
    for (const key of ['id', 'recipient', 'badge', 'issuedOn']) expect(checkOb2Structure(without(assertion(), key))).toEqual(refused(key, 'missing'));
    expect(checkOb2Structure(assertion({ verification: 'hosted' }))).toEqual(refused('verification', 'missing'));
  });
});
