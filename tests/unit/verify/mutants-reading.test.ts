// Tests written for StrykerJS (`npm run mutate`): the contract fields of the one reading (badgeOf,
// readOb2), called directly on reading documents. Every field is asserted, since screens, the CLI and
// `inspect --json` show them.
import { generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseInput } from '../../../src/lib/formats/parse.ts';
import { MAX_FIELD } from '../../../src/lib/formats/text.ts';
import type { JsonObject, ParsedCredential } from '../../../src/lib/model/credential.ts';
import { AmbiguousReadingError, badgeOf, isOb2Format, readOb2, readVc, unsecured } from '../../../src/lib/verify/reading/index.ts';
import { ob3Credential, signJws, VC_V2 } from '../../support/issuer.ts';

const iso = (s: string) => new Date(s).toISOString();

const vcDoc = (extra: JsonObject = {}): JsonObject => ({
  id: 'urn:vc',
  type: ['OpenBadgeCredential', 'VerifiableCredential'],
  name: 'Credential name',
  issuer: { id: 'did:example:issuer', name: 'Issuer' },
  validFrom: '2025-01-01T00:00:00Z',
  credentialSubject: {
    id: 'did:example:learner',
    identifier: { identityType: 'emailAddress', identityHash: 'sha256$abc', hashed: true, salt: 'kombu' },
    achievement: { id: 'urn:achievement', name: 'Knots', achievementType: 'Badge' },
  },
  ...extra,
});

describe('badgeOf: a VC reading', () => {
  it('every field of a plain badge', () => {
    expect(badgeOf(vcDoc({ validUntil: '2030-01-01T00:00:00Z' }), 'ob3-di')).toEqual({
      title: 'Knots',
      issuer: { id: 'did:example:issuer', name: 'Issuer' },
      achievement: { id: 'urn:achievement', name: 'Knots', type: 'Badge' },
      issued: iso('2025-01-01T00:00:00Z'),
      validFrom: iso('2025-01-01T00:00:00Z'),
      validUntil: iso('2030-01-01T00:00:00Z'),
      recipient: { id: 'did:example:learner', identities: [{ type: 'emailAddress', identity: 'sha256$abc', hashed: true, salt: 'kombu' }] },
      status: [],
    });
  });

  it('the title: the achievement’s name, else the credential’s, else ""', () => {
    const noAchievementName = vcDoc({ credentialSubject: { id: 'x', achievement: { id: 'urn:a' } } });
    expect(badgeOf(noAchievementName, 'ob3-di').title).toBe('Credential name');
    const { name: _n, ...unnamed } = noAchievementName;
    expect(badgeOf(unnamed, 'ob3-di').title).toBe('');
  });

  it('a CLR: the record’s own name is its title, its first achievement is not read as one badge', () => {
    const clr = vcDoc({ type: ['ClrCredential', 'VerifiableCredential'], name: 'Transcript', credentialSubject: { id: 'x', achievement: [{ id: 'urn:a1', name: 'A1' }, { id: 'urn:a2', name: 'A2' }] } });
    expect(badgeOf(clr, 'clr2-di')).toMatchObject({ title: 'Transcript', achievement: { id: 'urn:a1', name: 'A1' } });
    expect(badgeOf(clr, 'clr2-jwt').title).toBe('Transcript');
    const { name: _n, ...untitled } = clr;
    expect(badgeOf(untitled, 'clr2-di').title).toBe('A1');
    // Outside a CLR, two achievements on one subject are ambiguous.
    expect(() => badgeOf(clr, 'ob3-di')).toThrow(AmbiguousReadingError);
  });

  it('several names in no language are shown together, never one chosen', () => {
    const doc = vcDoc({ issuer: { id: 'did:example:issuer', name: ['B name', 'A name'] } });
    expect(badgeOf(doc, 'ob3-di').issuer.name).toBe('B name / A name');
    expect(badgeOf(vcDoc({ issuer: { id: 'did:example:issuer', name: [{ '@value': 'Nom', '@language': 'fr' }] } }), 'ob3-di').issuer.name).toBe('Nom');
    expect(badgeOf(vcDoc({ issuer: 'did:example:issuer' }), 'ob3-di').issuer).toEqual({ id: 'did:example:issuer', name: null });
  });

  it('the subject with the achievement is read, wherever it is', () => {
    const doc = vcDoc({ credentialSubject: [{ id: 'did:example:other' }, { id: 'did:example:learner', achievement: { id: 'urn:a', name: 'A' } }] });
    expect(badgeOf(doc, 'ob3-di').achievement).toEqual({ id: 'urn:a', name: 'A', type: null });
    // The recipient id is the first subject id.
    expect(badgeOf(doc, 'ob3-di').recipient).toEqual({ id: 'did:example:other', identities: [] });
    expect(badgeOf(vcDoc({ credentialSubject: [] }), 'ob3-di').recipient).toBeNull();
  });

  it('achievementType: the first string', () => {
    expect(badgeOf(vcDoc({ credentialSubject: { achievement: { name: 'A', achievementType: [7, 'Course', 'Badge'] } } }), 'ob3-di').achievement.type).toBe('Course');
  });

  it('dates: issued is awardedDate, else validFrom, else issuanceDate; several values read strictly', () => {
    expect(badgeOf(vcDoc({ awardedDate: '2024-06-01T00:00:00Z' }), 'ob3-di')).toMatchObject({ issued: iso('2024-06-01T00:00:00Z'), validFrom: iso('2025-01-01T00:00:00Z') });
    const v1 = vcDoc({ issuanceDate: '2023-01-01T00:00:00Z', expirationDate: '2031-01-01T00:00:00Z' });
    delete v1.validFrom;
    expect(badgeOf(v1, 'ob3-di')).toMatchObject({ issued: iso('2023-01-01T00:00:00Z'), validFrom: iso('2023-01-01T00:00:00Z'), validUntil: iso('2031-01-01T00:00:00Z') });
    const two = vcDoc({ validFrom: ['2025-01-01T00:00:00Z', '2026-01-01T00:00:00Z'], validUntil: ['2030-01-01T00:00:00Z', '2029-01-01T00:00:00Z'] });
    // The latest start and the earliest end apply; "issued" is the earliest.
    expect(badgeOf(two, 'ob3-di')).toMatchObject({ issued: iso('2025-01-01T00:00:00Z'), validFrom: iso('2026-01-01T00:00:00Z'), validUntil: iso('2029-01-01T00:00:00Z') });
  });

  it('a date that is not one reads as null, not as another date', () => {
    expect(badgeOf(vcDoc({ validUntil: ['2030-01-01T00:00:00Z', 'never'] }), 'ob3-di').validUntil).toBeNull();
    expect(badgeOf(vcDoc({ validFrom: '2025-01-01' }), 'ob3-di')).toMatchObject({ issued: null, validFrom: null });
  });

  it('identities: type, hashed (true or "true"), salt; values that are not strings are skipped', () => {
    const doc = vcDoc({
      credentialSubject: {
        identifier: [
          { identityType: 'emailAddress', identityHash: 'a@b.test', hashed: 'true' },
          { identityHash: 'x', hashed: false, salt: 7 },
          { identityType: 'url', identityHash: 42 },
        ],
        achievement: { name: 'A' },
      },
    });
    expect(badgeOf(doc, 'ob3-di').recipient).toEqual({
      id: null,
      identities: [
        { type: 'emailAddress', identity: 'a@b.test', hashed: true, salt: '' },
        { type: '', identity: 'x', hashed: false, salt: '' },
      ],
    });
    expect(() => badgeOf(vcDoc({ credentialSubject: { identifier: { identityHash: ['a', 'b'] }, achievement: { name: 'A' } } }), 'ob3-di')).toThrow('identityHash has 2 values');
  });

  it('status entries: type, purpose, list URL (or the entry id), base-10 index', () => {
    const doc = vcDoc({
      credentialStatus: [
        { id: 'https://s.test/l#3', type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '3', statusListCredential: 'https://s.test/l' },
        { id: 'https://r.test/list', type: '1EdTechRevocationList' },
        { type: 'X', statusListIndex: 5, statusPurpose: 7, statusListCredential: { id: 'https://s.test/m' } },
        { type: 'Y', statusListIndex: '0x5' },
      ],
    });
    expect(badgeOf(doc, 'ob3-di').status).toEqual([
      { type: ['BitstringStatusListEntry'], purpose: 'revocation', url: 'https://s.test/l', index: 3 },
      { type: ['1EdTechRevocationList'], purpose: null, url: 'https://r.test/list', index: null },
      { type: ['X'], purpose: null, url: 'https://s.test/m', index: 5 },
      { type: ['Y'], purpose: null, url: null, index: null },
    ]);
    expect(() => badgeOf(vcDoc({ credentialStatus: { type: 'X', statusPurpose: ['a', 'b'] } }), 'ob3-di')).toThrow(AmbiguousReadingError);
  });
});

describe('badgeOf and readOb2: OB 2.0', () => {
  const assertion: JsonObject = {
    id: 'https://ob2.test/a/1',
    type: 'Assertion',
    recipient: { type: 'email', identity: 'sha256$abc', hashed: true, salt: 's' },
    badge: 'https://ob2.test/badge',
    issuedOn: '2025-01-01',
    expires: 1_893_456_000,
  };
  const badgeClass: JsonObject = { id: 'https://ob2.test/badge', type: 'BadgeClass', name: 'OB2 Badge', issuer: 'https://ob2.test/issuer' };
  const profile: JsonObject = { id: 'https://ob2.test/issuer', type: 'Issuer', name: 'OB2 Issuer' };

  it('the fetched BadgeClass and Profile fill the reading', () => {
    expect(readOb2({ assertion, badgeClass, issuer: profile }, 'ob2-hosted')).toEqual({
      source: 'ob2',
      document: { ...assertion, badge: { ...badgeClass, issuer: profile } },
      badge: {
        title: 'OB2 Badge',
        issuer: { id: 'https://ob2.test/issuer', name: 'OB2 Issuer' },
        achievement: { id: 'https://ob2.test/badge', name: 'OB2 Badge', type: null },
        issued: iso('2025-01-01T00:00:00Z'),
        validFrom: iso('2025-01-01T00:00:00Z'),
        validUntil: iso('2030-01-01T00:00:00Z'),
        recipient: { id: null, identities: [{ type: 'email', identity: 'sha256$abc', hashed: true, salt: 's' }] },
        status: [],
      },
    });
  });

  it('an embedded Profile is the signer’s word: only its id is kept', () => {
    const signed = { ...assertion, badge: { ...badgeClass, issuer: { ...profile, name: 'Forged Name' } } };
    const reading = readOb2({ assertion: signed }, 'ob2-signed');
    expect(reading.badge.issuer).toEqual({ id: 'https://ob2.test/issuer', name: null });
    expect(reading.badge.title).toBe('OB2 Badge');
  });

  it('nothing fetched and nothing embedded: the ids given', () => {
    const reading = readOb2({ assertion }, 'ob2-hosted');
    expect(reading.document.badge).toEqual({ id: 'https://ob2.test/badge' });
    expect(reading.badge).toMatchObject({ title: '', issuer: { id: null, name: null }, achievement: { id: 'https://ob2.test/badge', name: null } });
    const { badge: _b, ...noBadge } = assertion;
    expect(readOb2({ assertion: noBadge }, 'ob2-hosted').document).toEqual(noBadge);
  });

  it('OB 2.0 dates: ISO dates and Unix seconds; no recipient object, no recipient', () => {
    const { recipient: _r, ...rest } = assertion;
    expect(badgeOf({ ...rest, badge: badgeClass }, 'ob2-signed')).toMatchObject({ recipient: null, validUntil: iso('2030-01-01T00:00:00Z') });
  });

  it('which formats are OB 2.0', () => {
    expect(['ob2-hosted', 'ob2-signed', 'ob3-di', 'ob3-jwt', 'clr2-di', 'clr2-jwt'].map((f) => isOb2Format(f as never))).toEqual([true, true, false, false, false, false]);
  });

  it('unsecured: the document without its proofs, nothing else removed', () => {
    expect(unsecured({ a: 1, proof: { type: 'X' }, proofs: 2 })).toEqual({ a: 1, proofs: 2 });
  });
});

describe('mutants: reading/index.ts — badgeOf on hostile and unusual documents', () => {
  it('a one-value array reads as its one value (only several values are ambiguous)', () => {
    const one = badgeOf(vcDoc({ credentialSubject: { id: 'did:example:learner', achievement: [{ id: 'urn:a', name: 'A' }] } }), 'ob3-di');
    expect(one.achievement).toEqual({ id: 'urn:a', name: 'A', type: null });
    const ob2 = readOb2({ assertion: { type: 'Assertion', recipient: { type: 'email', identity: ['sha256$abc'] }, badge: { id: 'urn:b', name: 'B' } } }, 'ob2-hosted');
    expect(ob2.badge.recipient).toEqual({ id: null, identities: [{ type: 'email', identity: 'sha256$abc', hashed: false, salt: '' }] });
  });

  it('a name in several languages reads as its first value, never as the values joined', () => {
    const issuer = { id: 'did:example:issuer', name: [{ '@value': 'Knot School', '@language': 'en' }, { '@value': '結び学校', '@language': 'ja' }] };
    expect(badgeOf(vcDoc({ issuer }), 'ob3-di').issuer.name).toBe('Knot School');
    // One plain name among language-tagged ones (an OB 2.0 document keeps the order it was written in).
    const badge = { id: 'urn:b', name: [{ '@value': 'Nœuds', '@language': 'fr' }, 'Knots'] };
    expect(readOb2({ assertion: { type: 'Assertion', badge } }, 'ob2-hosted').badge.title).toBe('Nœuds');
  });

  it('several plain names are clipped as one name is (FIXED: they were joined at any length)', () => {
    const long = 'n'.repeat(MAX_FIELD);
    const title = badgeOf(vcDoc({ credentialSubject: { achievement: { name: [long, `${long}x`] } } }), 'ob3-di').title;
    expect(title).toBe(`${long}…`);
  });

  it('status: only entries that are objects (as the status check reads them); a base-10 index of up to 15 digits', () => {
    expect(badgeOf(vcDoc({ credentialStatus: 'https://status.test/list' }), 'ob3-di').status).toEqual([]);
    const doc = vcDoc({
      credentialStatus: [
        'https://status.test/list',
        { type: 'A', statusListIndex: '12', statusListCredential: 'https://status.test/a' },
        { type: 'B', statusListIndex: '123456789012345' },
        { type: 'C', statusListIndex: '1234567890123456' },
        { type: 'D', statusListIndex: [['3']] },
      ],
    });
    expect(badgeOf(doc, 'ob3-di').status.map((s) => [s.type[0], s.index])).toEqual([
      ['A', 12],
      ['B', 123_456_789_012_345],
      ['C', null],
      ['D', null],
    ]);
  });

  it('recipient: a subject given by its IRI alone is read as that id (FIXED: it read as no recipient)', () => {
    expect(badgeOf(vcDoc({ credentialSubject: 'did:example:learner' }), 'ob3-di').recipient).toEqual({ id: 'did:example:learner', identities: [] });
    // The first subject id, wherever it is; a literal is no subject.
    const later = vcDoc({ credentialSubject: [{ achievement: { name: 'A' } }, { id: 'did:example:second' }] });
    expect(badgeOf(later, 'ob3-di').recipient).toEqual({ id: 'did:example:second', identities: [] });
    expect(badgeOf(vcDoc({ credentialSubject: 5 }), 'ob3-di').recipient).toBeNull();
  });

  it('subjects that are not objects are skipped, never read into', () => {
    const doc = vcDoc({ credentialSubject: [null, 'did:example:learner', { identifier: [null, 'x'], achievement: { id: 'urn:a', name: 'A' } }] });
    expect(badgeOf(doc, 'ob3-di')).toMatchObject({ title: 'A', achievement: { id: 'urn:a', name: 'A' }, recipient: { id: 'did:example:learner', identities: [] } });
  });

  it('a CLR without a subject: its own name, no achievement, no recipient', () => {
    const { credentialSubject: _s, ...clr } = vcDoc({ type: ['ClrCredential', 'VerifiableCredential'], name: 'Transcript' });
    expect(badgeOf(clr, 'clr2-di')).toMatchObject({ title: 'Transcript', achievement: { id: null, name: null, type: null }, recipient: null });
  });

  it('OB 2.0: several issuedOn values — issued is the earliest, validFrom the latest', () => {
    const doc = { type: 'Assertion', badge: { id: 'urn:b', name: 'B' }, issuedOn: ['2026-01-01', '2025-01-01'] };
    expect(badgeOf(doc, 'ob2-hosted')).toMatchObject({ issued: iso('2025-01-01T00:00:00Z'), validFrom: iso('2026-01-01T00:00:00Z') });
  });
});

describe('mutants: reading/index.ts — readVc', () => {
  let key: CryptoKey;
  beforeAll(async () => {
    key = (await generateKeyPair('EdDSA', { crv: 'Ed25519' })).privateKey;
  });

  const parsed = (bytes: string): ParsedCredential => {
    const out = parseInput(new TextEncoder().encode(bytes));
    if (out.kind !== 'credentials' || out.input.credentials.length !== 1) throw new Error('not one credential');
    return out.input.credentials[0] as ParsedCredential;
  };
  /** A VC-JWT (VC 2.0 style: the payload is the credential) with registered claims. */
  const jwt = async (credential: JsonObject, claims: JsonObject) => parsed(await signJws({ ...credential, ...claims }, { alg: 'EdDSA', typ: 'vc+jwt' }, key));
  /** The test credential without its issuer, id and subject id: the claims are to stand in for them. */
  const bare = (): JsonObject => {
    const { issuer: _i, id: _id, ...rest } = ob3Credential({ id: 'urn:x', issuerId: 'did:example:x', identityHash: 'sha256$abc' });
    const { id: _sid, ...subject } = rest.credentialSubject as JsonObject;
    return { ...rest, credentialSubject: subject };
  };

  it('a VC-JWT’s iss, jti and sub stand in for the issuer, id and subject id the credential leaves out', async () => {
    const { reading } = await readVc(await jwt(bare(), { iss: 'did:example:iss', jti: 'urn:jti', sub: 'did:example:sub' }));
    expect(reading.document).toMatchObject({ id: 'urn:jti', issuer: 'did:example:iss', credentialSubject: { id: 'did:example:sub' } });
    expect(reading.badge).toMatchObject({ issuer: { id: 'did:example:iss' }, achievement: { name: 'Knot Tying' }, recipient: { id: 'did:example:sub' } });
  });

  it('the credential’s own issuer, id and subject id win over the claims', async () => {
    const credential = ob3Credential({ id: 'urn:own', issuerId: 'did:example:own', identityHash: 'sha256$abc' });
    const { reading } = await readVc(await jwt(credential, { iss: 'did:example:iss', jti: 'urn:jti', sub: 'did:example:sub' }));
    expect(reading.document).toMatchObject({ id: 'urn:own', issuer: { id: 'did:example:own' }, credentialSubject: { id: 'did:example:learner-0001' } });
    expect(reading.badge).toMatchObject({ issuer: { id: 'did:example:own' }, recipient: { id: 'did:example:learner-0001' } });
  });

  it('claims that are not strings stand in for nothing; several subjects take no sub', async () => {
    const { reading } = await readVc(await jwt(bare(), { iss: { id: 'did:example:iss' }, jti: 42, sub: { id: 'did:example:sub' } }));
    expect(reading.document.issuer).toBeUndefined();
    expect(reading.document.id).toBeUndefined();
    expect(reading.document.credentialSubject).not.toHaveProperty('id');
    expect(reading.badge).toMatchObject({ issuer: { id: null }, recipient: { id: null } });
    const two = bare();
    two.credentialSubject = [two.credentialSubject as JsonObject, { type: 'AchievementSubject', source: { id: 'urn:other', type: 'Profile' } }];
    const several = await readVc(await jwt(two, { sub: 'did:example:sub' }));
    expect(Array.isArray(several.reading.document.credentialSubject)).toBe(true);
    expect(several.reading.badge.recipient?.id).toBeNull();
  });

  it('a subject written as {} with its id in sub (VC-JWT 1.1 §6.3.1) is read as that id — in a VC 2.0 payload and in a VC 1.1 vc claim (an empty subject is still a node of the graph)', async () => {
    const credential = { ...bare(), credentialSubject: {} };
    const v2 = await readVc(await jwt(credential, { sub: 'did:example:sub' }));
    expect(v2.reading.badge.recipient).toMatchObject({ id: 'did:example:sub' });
    const v11 = await readVc(parsed(await signJws({ vc: credential, iss: 'did:example:iss', sub: 'did:example:sub' }, { alg: 'EdDSA', typ: 'JWT' }, key)));
    expect(v11.reading.badge.recipient).toMatchObject({ id: 'did:example:sub' });
    // No sub, or a subject that says something: nothing is made up.
    expect((await readVc(await jwt(credential, {}))).reading.badge.recipient).toEqual({ id: null, identities: [] });
  });

  it('a credential written with "@id": that id decides between credentials that reach each other', async () => {
    const written = { '@context': [VC_V2], '@id': 'urn:a', type: ['VerifiableCredential'], issuer: 'did:example:i', credentialSubject: { id: 'did:example:s' }, evidence: { id: 'urn:b', type: 'VerifiableCredential', issuer: 'did:example:j', credentialSubject: 'urn:a' } };
    const { reading } = await readVc(parsed(JSON.stringify(written)));
    expect(reading.document.id).toBe('urn:a');
    expect(reading.badge.issuer.id).toBe('did:example:i');
  });
});
