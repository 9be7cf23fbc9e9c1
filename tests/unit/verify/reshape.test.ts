/**
 * Issue 11, class 1: JSON layout vs signed graph. A Data Integrity signature covers the RDF graph,
 * and JSON-LD lets a holder write one graph many ways. Every credential here is signed for real
 * (eddsa-rdfc-2022, ecdsa-rdfc-2019, Ed25519Signature2020, fresh did:keys) and then reshaped
 * WITHOUT re-signing. Each reshaping is first shown to keep the graph (equal canonical N-Quads,
 * built with the bundled contexts in safe mode); then the verifier must give the same reading
 * (document and badge) and the same verdict as for the plain layout.
 *
 * Each credential comes in two kinds: typed only VerifiableCredential (`vc`: no JSON Schema
 * applies, so every check must be equal) and OpenBadgeCredential (`ob`: 1EdTech's schema checks
 * the JSON as written, so a layout it does not allow may instead be refused as AMBIGUOUS — never
 * read differently, never verified where the plain layout is not).
 *
 * | credential                   | expected for the plain layout and every reshaping        |
 * | ---------------------------- | -------------------------------------------------------- |
 * | valid                        | verified (ob: or AMBIGUOUS), the plain reading           |
 * | validUntil in the past       | failed, validity-period EXPIRED                          |
 * | status index set in the list | failed, status REVOKED                                   |
 * | names tagged with languages  | verified, the plain reading                              |
 * | a second VC in `@included`   | failed, structure AMBIGUOUS (signed: refused, not read)  |
 * | two validUntil values        | the earliest applies: EXPIRED if either is past          |
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../../../src/lib/model/credential.ts';
import type { CredentialReading } from '../../../src/lib/model/reading.ts';
import type { Check, CheckId } from '../../../src/lib/model/verification.ts';
import { verifyBytes, type Verification } from '../../../src/lib/verify/pipeline.ts';
import {
  EXPIRED_UNTIL,
  generateDidKey,
  hashedEmail,
  NOT_REVOKED_INDEX,
  ob3Credential,
  RECIPIENT_EMAIL,
  REVOKED_INDEX,
  SALT,
  signDi,
  statusListCredential,
  trusting,
  VALID_UNTIL,
  World,
  type DidKey,
  type DiSuite,
} from '../../support/issuer.ts';
import { bytesOf, canonicalOf, FORGED_NAME, NESTABLE, reshape, type Reshaping } from '../../support/reshape.ts';

const SUITES: readonly DiSuite[] = ['eddsa-rdfc-2022', 'ecdsa-rdfc-2019', 'Ed25519Signature2020'];
const ISSUER_NAME = 'Tsumiki Test Issuer';
const iso = (s: string) => new Date(s).toISOString();

/** Every reshaping on its own, then a few together. */
const RESHAPINGS: readonly Reshaping[] = [
  { name: 'validUntil as a one-element array', apply: reshape.validUntilArray },
  { name: 'validUntil as a typed value object', apply: reshape.validUntilTyped },
  { name: 'validUntil under @nest', apply: reshape.nest(['validUntil']) },
  { name: 'validUntil under an alias', apply: reshape.validUntilAlias },
  { name: 'validUntil as a compact IRI', apply: reshape.validUntilPrefixed },
  { name: 'validUntil as its full IRI', apply: reshape.validUntilFullIri },
  { name: 'credentialStatus under @nest', apply: reshape.nest(['credentialStatus']) },
  { name: 'everything nestable under @nest', apply: reshape.nest(NESTABLE) },
  { name: '@type for type in nested nodes', apply: reshape.atTypeNested },
  // Format detection once looked for the top-level types under the JSON key `type` only (rejected as NOT_A_CREDENTIAL).
  { name: '@type for type at the top', apply: reshape.atTypeTop },
  { name: '@id for id at the top', apply: reshape.atIdTop },
  { name: '@id for id in nested nodes', apply: reshape.atIdNested },
  { name: 'issuer.name with a forged @index', apply: reshape.indexedIssuerName },
  { name: 'a forged @index on issuer and achievement', apply: reshape.indexedNodes },
  { name: 'credentialSubject in an index map under a forged key', apply: reshape.indexMapSubject },
  { name: 'names as value objects', apply: reshape.valueObjects },
  { name: 'names as language maps with @none', apply: reshape.noneLanguageMap },
  { name: 'names as explicit @set', apply: reshape.explicitSets },
  { name: 'issuer in @included', apply: reshape.includeIssuer },
  { name: 'achievement in @included', apply: reshape.includeAchievement },
  { name: 'explicit blank node ids', apply: reshape.blankNodeIds },
  { name: 'every value in an array', apply: reshape.wrapSingletons },
  { name: 'a context listed twice', apply: reshape.repeatContext },
  { name: 'keys reordered', apply: reshape.reorderKeys(11) },
  { name: 'arrays reordered', apply: reshape.reorderArrays(5) },
  {
    name: 'typed validUntil and status under @nest, @type/@id, issuer in @included, forged @index, shuffled',
    apply: (d) =>
      reshape.reorderKeys(3)(reshape.reorderArrays(2)(reshape.indexedIssuerName(reshape.includeIssuer(reshape.atIdNested(reshape.atTypeNested(reshape.nest(['validUntil', 'credentialStatus'])(reshape.validUntilTyped(reshape.validUntilArray(d))))))))),
  },
];

interface Outcome {
  readonly verification: Verification;
  readonly reading: CredentialReading | undefined;
}

let world: World;
let keys: Record<'Ed25519' | 'P-256', DidKey>;
let identityHash: string;
let secondHash: string;
const LISTS = { 'Ed25519': 'https://status.tsumiki.test/reshape/ed25519', 'P-256': 'https://status.tsumiki.test/reshape/p256' } as const;
const keyOf = (suite: DiSuite): DidKey => (suite === 'ecdsa-rdfc-2019' ? keys['P-256'] : keys.Ed25519);
let serial = 0;

beforeAll(async () => {
  world = new World();
  keys = { 'Ed25519': await generateDidKey('Ed25519'), 'P-256': await generateDidKey('P-256') };
  identityHash = await hashedEmail(RECIPIENT_EMAIL, SALT);
  secondHash = await hashedEmail('learner.alias@tsumiki.test', SALT);
  world.serve(LISTS.Ed25519, await signDi(statusListCredential(LISTS.Ed25519, keys.Ed25519.did, [REVOKED_INDEX]), 'eddsa-rdfc-2022', keys.Ed25519.pair));
  world.serve(LISTS['P-256'], await signDi(statusListCredential(LISTS['P-256'], keys['P-256'].did, [REVOKED_INDEX]), 'ecdsa-rdfc-2019', keys['P-256'].pair));
  // The user pins both issuers, so a valid plain badge is verified (its issuer identity LISTED).
  world.trust = trusting([keys.Ed25519.did, keys['P-256'].did], ISSUER_NAME);
});

/**
 * `ob`: an OpenBadgeCredential, which 1EdTech's OB 3.0 JSON Schema also checks as written; `vc`: the
 * same credential typed only VerifiableCredential, which no schema checks, so only the reading decides.
 */
type Kind = 'ob' | 'vc';

/** An OB 3.0 credential by the suite's did:key, with a status entry, signed; `edit` changes it before signing. */
async function issue(suite: DiSuite, o: { kind?: Kind; validUntil?: string; revoked?: boolean; edit?: (c: JsonObject) => JsonObject } = {}): Promise<JsonObject> {
  const key = keyOf(suite);
  const base = ob3Credential({
    id: `urn:tsumiki:reshape:${++serial}`,
    issuerId: key.did,
    identityHash,
    status: { list: LISTS[key.curve], index: o.revoked ? REVOKED_INDEX : NOT_REVOKED_INDEX },
    ...(o.validUntil ? { validUntil: o.validUntil } : {}),
  });
  // A second identity object, so that every credential has an array of several values to reorder.
  const subject = base.credentialSubject as JsonObject; // why: ob3Credential has one subject object
  const identifier = [...(subject.identifier as JsonValue[]), { type: 'IdentityObject', identityHash: secondHash, identityType: 'emailAddress', hashed: true, salt: SALT }]; // why: ob3Credential writes an array
  const withTwo: JsonObject = { ...base, credentialSubject: { ...subject, identifier } };
  const credential = o.kind === 'vc' ? { ...withTwo, type: ['VerifiableCredential'] } : withTwo;
  return signDi(o.edit ? o.edit(credential) : credential, suite, key.pair);
}

async function verify(doc: JsonObject): Promise<Outcome> {
  const result = await verifyBytes(bytesOf(doc), world.env());
  expect(result.error, JSON.stringify(result.error)).toBeUndefined();
  expect(result.credentials).toHaveLength(1);
  const only = result.credentials[0]!; // why: length checked just above
  return { verification: only.verification, reading: only.reading };
}

const checkOf = (v: Verification, id: CheckId): Check | undefined => v.checks.find((c) => c.id === id);

/** Reshape `signed`, prove the graph is the same, and verify. */
async function reshapedOutcome(signed: JsonObject, r: Reshaping): Promise<Outcome> {
  const reshaped = r.apply(signed);
  expect(JSON.stringify(reshaped), `${r.name} changed the layout`).not.toBe(JSON.stringify(signed));
  expect(reshaped.proof, 'the proof is left as signed').toEqual(signed.proof);
  expect(await canonicalOf(reshaped), `${r.name} keeps the signed graph`).toBe(await canonicalOf(signed));
  return verify(reshaped);
}

/** The same verdict, the same checks and the same reading as the plain layout. */
function expectSame(got: Outcome, plain: Outcome): void {
  expect(got.verification.checks).toEqual(plain.verification.checks);
  expect(got.verification.verdict).toBe(plain.verification.verdict);
  expect(got.reading).toBeDefined();
  expect(got.reading).toEqual(plain.reading);
}

/**
 * For an OpenBadgeCredential: the same reading and every check but `structure` the same; the
 * structure check either the same (then the same verdict) or 1EdTech's schema refusing the layout
 * as written (AMBIGUOUS, naming the schema and the JSON pointer; verdict failed). A layout may be
 * refused; it never reads differently and never verifies what the plain layout does not.
 */
function expectSameOrRefused(got: Outcome, plain: Outcome): void {
  expect(got.reading).toBeDefined();
  expect(got.reading).toEqual(plain.reading);
  const others = (v: Verification) => v.checks.filter((c) => c.id !== 'structure');
  expect(others(got.verification)).toEqual(others(plain.verification));
  const structure = checkOf(got.verification, 'structure');
  if (JSON.stringify(structure) === JSON.stringify(checkOf(plain.verification, 'structure'))) {
    expect(got.verification.verdict).toBe(plain.verification.verdict);
  } else {
    // The plain layout passes the schema, so only the layout is refused: AMBIGUOUS, naming the schema and the pointer.
    expect(structure).toMatchObject({ outcome: 'failed', code: 'AMBIGUOUS', data: { schema: expect.any(String), path: expect.any(String) } });
    expect(got.verification.verdict).toBe('failed');
  }
}

const KINDS: readonly Kind[] = ['vc', 'ob'];

describe.each(SUITES.flatMap((suite) => KINDS.map((kind) => [suite, kind] as const)))('%s, %s: a reshaped credential reads and verifies as the plain one', (suite, kind) => {
  const same = kind === 'vc' ? expectSame : expectSameOrRefused;
  let valid: JsonObject;
  let expired: JsonObject;
  let revoked: JsonObject;
  let plain: { valid: Outcome; expired: Outcome; revoked: Outcome };

  beforeAll(async () => {
    [valid, expired, revoked] = await Promise.all([issue(suite, { kind }), issue(suite, { kind, validUntil: EXPIRED_UNTIL }), issue(suite, { kind, revoked: true })]);
    plain = { valid: await verify(valid), expired: await verify(expired), revoked: await verify(revoked) };
  });

  it('the plain layouts: verified, expired, revoked', () => {
    expect(plain.valid.verification.verdict).toBe('verified');
    expect(plain.valid.reading?.badge).toMatchObject({ issuer: { id: keyOf(suite).did, name: ISSUER_NAME }, validUntil: iso(VALID_UNTIL) });
    expect(plain.valid.reading?.badge.status).toEqual([expect.objectContaining({ type: ['BitstringStatusListEntry'], purpose: 'revocation', index: NOT_REVOKED_INDEX })]);
    expect(plain.expired.verification.verdict).toBe('failed');
    expect(checkOf(plain.expired.verification, 'validity-period')).toMatchObject({ outcome: 'failed', code: 'EXPIRED' });
    expect(plain.revoked.verification.verdict).toBe('failed');
    expect(checkOf(plain.revoked.verification, 'status')).toMatchObject({ outcome: 'failed', code: 'REVOKED' });
  });

  it.each(RESHAPINGS.map((r) => [r.name, r] as const))('valid, %s: same reading, verified (or refused by the OB schema)', async (_name, r) => {
    const got = await reshapedOutcome(valid, r);
    same(got, plain.valid);
    if (kind === 'vc') expect(got.verification.verdict).toBe('verified');
    // The forged @index / index-map key is the holder's, not the issuer's: never shown.
    expect(got.reading?.badge.issuer.name).toBe(ISSUER_NAME);
    expect(JSON.stringify(got.reading)).not.toContain(FORGED_NAME);
    expect(got.reading?.badge.validUntil).toBe(iso(VALID_UNTIL));
  });

  it.each(RESHAPINGS.map((r) => [r.name, r] as const))('expired, %s: still EXPIRED', async (_name, r) => {
    const got = await reshapedOutcome(expired, r);
    same(got, plain.expired);
    expect(checkOf(got.verification, 'validity-period')).toMatchObject({ outcome: 'failed', code: 'EXPIRED' });
    expect(got.reading?.badge.validUntil).toBe(iso(EXPIRED_UNTIL));
  });

  it.each(RESHAPINGS.map((r) => [r.name, r] as const))('revoked, %s: still REVOKED', async (_name, r) => {
    const got = await reshapedOutcome(revoked, r);
    same(got, plain.revoked);
    expect(checkOf(got.verification, 'status')).toMatchObject({ outcome: 'failed', code: 'REVOKED' });
    expect(got.reading?.badge.status).toHaveLength(1);
  });
});

describe('language-tagged names', () => {
  // A plain VC 2.0 credential (not an OpenBadgeCredential): 1EdTech's OB 3.0 schema wants plain
  // strings for names, VC 2.0 allows language value objects (§11.1) and arrays of them.
  const tagged = (c: JsonObject): JsonObject => {
    const subject = c.credentialSubject as JsonObject; // why: ob3Credential has one subject object
    const achievement = subject.achievement as JsonObject; // why: and one achievement
    const issuer = c.issuer as JsonObject; // why: and an issuer Profile
    return {
      ...c,
      name: [{ '@value': 'Knot Tying', '@language': 'en' }, { '@value': '結び方', '@language': 'ja' }],
      issuer: { ...issuer, name: { '@value': '積み木テスト発行者', '@language': 'ja' } },
      credentialSubject: { ...subject, achievement: { ...achievement, name: { '@value': '結び方', '@language': 'ja' } } },
    };
  };
  const LANGUAGE_RESHAPINGS: readonly Reshaping[] = [
    { name: 'names as language maps', apply: reshape.languageMap },
    { name: 'language maps, shuffled, under @nest', apply: (d) => reshape.reorderKeys(9)(reshape.reorderArrays(4)(reshape.nest(['validUntil'])(reshape.languageMap(d)))) },
    { name: 'tagged values in arrays', apply: reshape.wrapSingletons },
    { name: 'tagged values with their keys reordered', apply: reshape.reorderKeys(2) },
  ];

  it.each(SUITES.flatMap((s) => LANGUAGE_RESHAPINGS.map((r) => [s, r.name, r] as const)))('%s, %s: same reading, verified', async (suite, _name, r) => {
    const signed = await issue(suite, { kind: 'vc', edit: tagged });
    const plain = await verify(signed);
    expect(plain.verification.checks.filter((c) => c.outcome === 'failed')).toEqual([]);
    expect(plain.verification.verdict).toBe('verified');
    expect(plain.reading?.document.issuer).toMatchObject({ name: { '@value': '積み木テスト発行者', '@language': 'ja' } });
    expect(plain.reading?.badge).toMatchObject({ issuer: { name: '積み木テスト発行者' }, achievement: { name: '結び方' } });
    const got = await reshapedOutcome(signed, r);
    expectSame(got, plain);
    expect(got.verification.verdict).toBe('verified');
  });
});

describe('a forged @index is never the issuer\'s name', () => {
  // The user trusts a list naming the real "University of Tokyo" (another identifier). Our issuer is
  // not on it: ISSUER_UNKNOWN. Were the holder's @index read as a name, it would become a LOOKALIKE
  // (or, with a careless reader, the university).
  const tokyo = trusting(['did:web:u-tokyo.example'], FORGED_NAME);
  const FORGING: readonly Reshaping[] = [
    { name: 'issuer.name with a forged @index', apply: reshape.indexedIssuerName },
    { name: 'a forged @index on the issuer node', apply: reshape.indexedNodes },
    { name: 'forged @index, issuer in @included, value objects', apply: (d) => reshape.includeIssuer(reshape.indexedNodes(reshape.indexedIssuerName(d))) },
  ];
  it.each(SUITES.flatMap((s) => FORGING.map((r) => [s, r.name, r] as const)))('%s, %s: the same identity check as the plain layout', async (suite, _name, r) => {
    const signed = await issue(suite, { kind: 'vc' });
    const env = world.env({ trust: tokyo });
    const plain = await verifyBytes(bytesOf(signed), env);
    const reshaped = r.apply(signed);
    expect(await canonicalOf(reshaped)).toBe(await canonicalOf(signed));
    const got = await verifyBytes(bytesOf(reshaped), env);
    expect(plain.credentials[0]?.verification.checks).toContainEqual(expect.objectContaining({ id: 'issuer-identity', code: 'ISSUER_UNKNOWN' }));
    expect(got.credentials[0]?.verification.checks).toEqual(plain.credentials[0]?.verification.checks);
    expect(got.credentials[0]?.reading?.badge.issuer.name).toBe(ISSUER_NAME);
  });

  it('control: an issuer that does call itself "University of Tokyo" (signed) is a LOOKALIKE', async () => {
    const signed = await issue('eddsa-rdfc-2022', { kind: 'vc', edit: (c) => ({ ...c, issuer: { ...(c.issuer as JsonObject), name: FORGED_NAME } }) }); // why: ob3Credential's issuer is a Profile object
    const got = await verifyBytes(bytesOf(signed), world.env({ trust: tokyo }));
    expect(got.credentials[0]?.verification.checks).toContainEqual(expect.objectContaining({ id: 'issuer-identity', outcome: 'failed', code: 'LOOKALIKE' }));
  });
});

describe('graphs the reading refuses or reads strictly', () => {
  it.each(SUITES)('%s: a second VerifiableCredential in @included (signed) is AMBIGUOUS, never verified', async (suite) => {
    const key = keyOf(suite);
    const { '@context': _context, ...other } = ob3Credential({ id: 'urn:tsumiki:reshape:other', issuerId: key.did, identityHash, validUntil: VALID_UNTIL });
    const second: JsonObject = {
      ...other,
      credentialSubject: { id: 'did:example:someone-else', type: ['AchievementSubject'], achievement: { id: 'https://issuer.tsumiki.test/achievements/other', type: ['Achievement'], name: FORGED_NAME } },
    };
    const signed = await issue(suite, { edit: (c) => ({ ...c, '@included': [second] }) });
    const parsedBack = JSON.parse(JSON.stringify(signed)) as JsonObject; // why: what the wallet receives
    const got = await verify(parsedBack);
    expect(got.verification.verdict).toBe('failed');
    expect(checkOf(got.verification, 'structure')).toMatchObject({ outcome: 'failed', code: 'AMBIGUOUS' });
    expect(got.reading).toBeUndefined();
    // Reshaped, it is refused the same way.
    const shuffled = await reshapedOutcome(parsedBack, { name: 'shuffled', apply: (d) => reshape.reorderKeys(4)(reshape.reorderArrays(8)(d)) });
    expect(shuffled.verification.checks).toEqual(got.verification.checks);
  });

  // Every value of a date is a bound (validity.ts): the earliest `until` decides, as the reading says.
  it.each(SUITES)('%s: two validUntil values, one past: the earliest applies (EXPIRED), in every layout', async (suite) => {
    // On a plain VC 2.0 credential: 1EdTech's OB 3.0 schema would refuse an OpenBadgeCredential
    // with two (validUntil must be one string) before the dates count.
    for (const order of [[EXPIRED_UNTIL, VALID_UNTIL], [VALID_UNTIL, EXPIRED_UNTIL]]) {
      const signed = await issue(suite, { kind: 'vc', edit: (c) => ({ ...c, validUntil: order }) });
      const plain = await verify(signed);
      expect(plain.verification.verdict).toBe('failed');
      expect(checkOf(plain.verification, 'proof')).toMatchObject({ outcome: 'passed' });
      expect(checkOf(plain.verification, 'validity-period')).toMatchObject({ outcome: 'failed', code: 'EXPIRED' });
      expect(plain.reading?.badge.validUntil).toBe(iso(EXPIRED_UNTIL));
      for (const r of [reshape.validUntilTyped, reshape.nest(['validUntil']), reshape.reorderArrays(order[0] === VALID_UNTIL ? 1 : 2), reshape.validUntilFullIri]) {
        expectSame(await reshapedOutcome(signed, { name: 'two dates', apply: r }), plain);
      }
    }
  });

  it.each(SUITES)('%s: two validUntil values, both future: verified until the earliest', async (suite) => {
    const later = '2031-06-01T00:00:00Z';
    const signed = await issue(suite, { kind: 'vc', edit: (c) => ({ ...c, validUntil: [later, VALID_UNTIL] }) });
    const plain = await verify(signed);
    expect(plain.verification.verdict).toBe('verified');
    expect(plain.reading?.badge.validUntil).toBe(iso(VALID_UNTIL));
    // Between the two dates, it has expired.
    const between = await verifyBytes(bytesOf(signed), world.env({ now: new Date('2030-06-01T00:00:00Z') }));
    expect(between.credentials[0]?.verification.checks).toContainEqual(expect.objectContaining({ id: 'validity-period', outcome: 'failed', code: 'EXPIRED' }));
    expectSame(await reshapedOutcome(signed, { name: 'typed, nested', apply: (d) => reshape.nest(['validUntil'])(reshape.validUntilTyped(d)) }), plain);
  });
});
