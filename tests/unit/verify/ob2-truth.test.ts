/**
 * Issue 11, class 2: OB 2.0 embedded objects. A credential's words about its own keys, issuer profile
 * or name prove nothing: keys (`verification.creator`), issuer Profiles (`BadgeClass.issuer`) and
 * revocation lists come only from fetching their own IRIs (or the dated cache of such a fetch). An
 * embedded copy is the signer's words; only its `id` is used, to fetch. Hosted: the hosted copy is
 * what is checked and read, and a difference from the copy given is shown.
 *
 * The world here is our own: a "university" (https://www.u-tokyo.ac.jp, a name an attacker would love to
 * borrow) with its RSA key, Profile, BadgeClass and revocation list, and an attacker with a key of its own.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseInput } from '../../../src/lib/formats/parse.ts';
import { verificationText } from '../../../src/lib/i18n/verification.ts';
import type { JsonObject, ParsedCredential } from '../../../src/lib/model/credential.ts';
import type { Check, CheckId } from '../../../src/lib/model/verification.ts';
import type { VerifyEnv } from '../../../src/lib/verify/env.ts';
import { verifyBytes, type Verification } from '../../../src/lib/verify/pipeline.ts';
import { checkOb2Hosted, checkOb2Signed } from '../../../src/lib/verify/steps/proof-ob2.ts';
import { generateRsaKey, hashedEmail, NOW, OB_V2, RECIPIENT_EMAIL, SALT, signJws, World, type RsaKey } from '../../support/issuer.ts';

const UT = 'https://www.u-tokyo.ac.jp';
const UT_PROFILE = `${UT}/badges/issuer.json`;
const UT_KEY = `${UT}/badges/keys/1.json`;
const UT_BADGE = `${UT}/badges/classes/phd.json`;
const UT_LIST = `${UT}/badges/revocations.json`;
const UT_NAME = 'The University of Tokyo';
const EVIL = 'https://evil.tsumiki.test';
const EVIL_KEY = `${EVIL}/keys/1.json`;

const check = (id: CheckId, outcome: Check['outcome'], code: Check['code'], extra: Record<string, unknown> = {}) =>
  expect.objectContaining({ id, outcome, code, ...extra });
const codeOf = (report: Verification, id: CheckId) => report.checks.find((c) => c.id === id);

let utKey: RsaKey;
let evilKey: RsaKey;
let identity: string;
let serial = 0;

beforeAll(async () => {
  [utKey, evilKey] = await Promise.all([generateRsaKey(), generateRsaKey()]);
  identity = await hashedEmail(RECIPIENT_EMAIL, SALT);
});

function utProfile(extra: JsonObject = {}): JsonObject {
  return { '@context': OB_V2, type: 'Issuer', id: UT_PROFILE, name: UT_NAME, url: UT, email: 'badges@u-tokyo.ac.jp', publicKey: UT_KEY, ...extra };
}

function utBadge(extra: JsonObject = {}): JsonObject {
  return {
    '@context': OB_V2,
    type: 'BadgeClass',
    id: UT_BADGE,
    name: 'Doctor of Philosophy',
    description: 'Awarded by the Graduate School.',
    image: `${UT}/badges/classes/phd.png`,
    criteria: { narrative: 'A thesis.' },
    issuer: UT_PROFILE,
    ...extra,
  };
}

/** The university's real documents, each at its own IRI. */
function utWorld(options: { profile?: JsonObject; revoked?: readonly string[] } = {}): World {
  return new World()
    .serve(UT_PROFILE, options.profile ?? utProfile({ revocationList: UT_LIST }))
    .serve(UT_KEY, { '@context': OB_V2, type: 'CryptographicKey', id: UT_KEY, owner: UT_PROFILE, publicKeyPem: utKey.publicKeyPem })
    .serve(UT_BADGE, utBadge())
    .serve(UT_LIST, { '@context': OB_V2, type: 'RevocationList', id: UT_LIST, issuer: UT_PROFILE, revokedAssertions: [...(options.revoked ?? [])] });
}

function assertion(extra: JsonObject): JsonObject {
  return {
    '@context': OB_V2,
    type: 'Assertion',
    id: `urn:uuid:00000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`,
    recipient: { type: 'email', hashed: true, salt: SALT, identity },
    issuedOn: '2025-04-01T00:00:00Z',
    ...extra,
  };
}

/** The attacker's embedded Profile: the university's id and name, with a key list and a revocation list of its choosing. */
function forgedProfile(extra: JsonObject = {}): JsonObject {
  return { type: 'Issuer', id: UT_PROFILE, name: UT_NAME, url: UT, email: 'badges@u-tokyo.ac.jp', publicKey: [UT_KEY, EVIL_KEY], ...extra };
}

async function jws(payload: JsonObject, key: RsaKey): Promise<string> {
  return signJws(payload, { alg: 'RS256' }, key.privateKey);
}

function parsedOf(text: string): ParsedCredential {
  const outcome = parseInput(new TextEncoder().encode(text));
  if (outcome.kind !== 'credentials') throw new Error('not a credential');
  return outcome.input.credentials[0]!; // why: every input here holds one credential
}

async function verifyText(text: string, env: VerifyEnv): Promise<Verification> {
  const result = await verifyBytes(new TextEncoder().encode(text), env);
  expect(result.error).toBeUndefined();
  return result.credentials[0]!.verification; // why: no error, so one credential
}

// ---------------------------------------------------------------------------------------------

describe('1. signed: an embedded key and an embedded issuer Profile are the signer\'s words', () => {
  /** Signed by the attacker's key, which it embeds under the university's key id, with the university's Profile embedded. */
  async function forged(): Promise<string> {
    return jws(
      assertion({
        badge: { ...utBadge(), issuer: forgedProfile() },
        verification: { type: 'SignedBadge', creator: { type: 'CryptographicKey', id: UT_KEY, owner: UT_PROFILE, publicKeyPem: evilKey.publicKeyPem } },
      }),
      evilKey,
    );
  }

  it('offline with nothing cached → proof not-checked NEEDS_NETWORK, never verified, no request', async () => {
    const world = new World();
    const report = await verifyText(await forged(), world.env({ online: false }));
    expect(report.checks).toContainEqual(check('proof', 'not-checked', 'NEEDS_NETWORK', { reason: 'offline' }));
    expect(report.checks).toContainEqual(check('issuer-key', 'not-checked', 'PROOF_NOT_VERIFIED'));
    expect(report.verdict).toBe('incomplete');
    expect(world.requests).toEqual([]);
  });

  it('online: the key fetched from its IRI decides → SIGNATURE_MISMATCH', async () => {
    const world = utWorld();
    const report = await verifyText(await forged(), world.env());
    expect(report.checks).toContainEqual(check('proof', 'failed', 'SIGNATURE_MISMATCH'));
    expect(report.verdict).toBe('failed');
    expect(world.requests).toContain(UT_KEY);
  });

  it('offline with the real key in the dated cache → SIGNATURE_MISMATCH', async () => {
    const world = utWorld();
    const cache = await world.cacheOf([UT_KEY, UT_BADGE, UT_PROFILE]);
    const report = await verifyText(await forged(), world.env({ online: false, cache }));
    expect(report.checks).toContainEqual(check('proof', 'failed', 'SIGNATURE_MISMATCH'));
    expect(report.verdict).toBe('failed');
  });

  it('online, the key IRI answers 404 → not-checked FETCH_FAILED, never verified', async () => {
    const report = await verifyText(await forged(), new World().env());
    expect(report.checks).toContainEqual(check('proof', 'not-checked', 'FETCH_FAILED'));
    expect(report.verdict).toBe('incomplete');
  });

  it("the attacker's own hosted key (owner: the university) and an embedded Profile listing it → the fetched Profile does not list it: KEY_NOT_ISSUERS", async () => {
    const world = utWorld().serve(EVIL_KEY, { '@context': OB_V2, type: 'CryptographicKey', id: EVIL_KEY, owner: UT_PROFILE, publicKeyPem: evilKey.publicKeyPem });
    const text = await jws(assertion({ badge: { ...utBadge(), issuer: forgedProfile() }, verification: { type: 'SignedBadge', creator: EVIL_KEY } }), evilKey);
    const report = await verifyText(text, world.env());
    expect(report.checks).toContainEqual(check('proof', 'passed', 'PROOF_VALID'));
    expect(report.checks).toContainEqual(check('issuer-key', 'failed', 'KEY_NOT_ISSUERS'));
    expect(report.verdict).toBe('failed');
    expect(world.requests).toContain(UT_PROFILE);
  });

  it('the same, offline with the attacker\'s key cached but no Profile → issuer-key not-checked NEEDS_NETWORK', async () => {
    const world = utWorld().serve(EVIL_KEY, { '@context': OB_V2, type: 'CryptographicKey', id: EVIL_KEY, owner: UT_PROFILE, publicKeyPem: evilKey.publicKeyPem });
    const cache = await world.cacheOf([EVIL_KEY, UT_BADGE]);
    const text = await jws(assertion({ badge: { ...utBadge(), issuer: forgedProfile() }, verification: { type: 'SignedBadge', creator: EVIL_KEY } }), evilKey);
    const report = await verifyText(text, world.env({ online: false, cache }));
    expect(report.checks).toContainEqual(check('issuer-key', 'not-checked', 'NEEDS_NETWORK', { reason: 'offline' }));
    expect(report.verdict).toBe('incomplete');
  });

  it('an embedded key without an id can never be fetched → failed KEY_NOT_FOUND', async () => {
    const text = await jws(
      assertion({ badge: UT_BADGE, verification: { type: 'SignedBadge', creator: { type: 'CryptographicKey', owner: UT_PROFILE, publicKeyPem: evilKey.publicKeyPem } } }),
      evilKey,
    );
    const world = utWorld();
    const report = await verifyText(text, world.env());
    expect(report.checks).toContainEqual(check('proof', 'failed', 'KEY_NOT_FOUND'));
    expect(report.verdict).toBe('failed');
  });

  it('the document at the key IRI names another key → failed KEY_NOT_FOUND', async () => {
    const world = utWorld().serve(EVIL_KEY, { '@context': OB_V2, type: 'CryptographicKey', id: UT_KEY, owner: UT_PROFILE, publicKeyPem: evilKey.publicKeyPem });
    const text = await jws(assertion({ badge: UT_BADGE, verification: { type: 'SignedBadge', creator: EVIL_KEY } }), evilKey);
    const report = await verifyText(text, world.env());
    expect(report.checks).toContainEqual(check('proof', 'failed', 'KEY_NOT_FOUND'));
    expect(report.verdict).toBe('failed');
  });

  it('the real issuer embedding its own key object: the fetched key decides → verified online, and offline from the cache', async () => {
    const world = utWorld();
    const text = await jws(
      assertion({ badge: UT_BADGE, verification: { type: 'SignedBadge', creator: { type: 'CryptographicKey', id: UT_KEY, owner: UT_PROFILE, publicKeyPem: 'not even a key' } } }),
      utKey,
    );
    const online = await verifyText(text, world.env());
    expect(online.checks).toContainEqual(check('proof', 'passed', 'PROOF_VALID'));
    expect(online.checks).toContainEqual(check('issuer-key', 'passed', 'KEY_IS_ISSUERS'));
    expect(online.verdict).toBe('verified');
    const cache = await world.cacheOf([UT_KEY, UT_BADGE, UT_PROFILE, UT_LIST]);
    const offline = await verifyText(text, world.env({ online: false, cache }));
    expect(offline.verdict).toBe('verified');
    expect(codeOf(offline, 'proof')?.data).toEqual(expect.objectContaining({ fromCache: true, fetchedAt: '2026-05-01T00:00:00.000Z' }));
    expect(codeOf(offline, 'issuer-key')?.data).toEqual(expect.objectContaining({ fromCache: true }));
  });

  it('no creator: the keys the fetched Profile lists are tried (OB 2.0 VerificationObject) → verified', async () => {
    const world = utWorld();
    const text = await jws(assertion({ badge: UT_BADGE, verification: { type: 'SignedBadge' } }), utKey);
    const report = await verifyText(text, world.env());
    expect(report.checks).toContainEqual(check('proof', 'passed', 'PROOF_VALID', { data: expect.objectContaining({ key: UT_KEY }) }));
    expect(report.checks).toContainEqual(check('issuer-key', 'passed', 'KEY_IS_ISSUERS'));
    expect(report.verdict).toBe('verified');
  });

  it('no creator, and the embedded Profile lists the attacker\'s key → only the fetched Profile\'s keys are tried: SIGNATURE_MISMATCH', async () => {
    const world = utWorld().serve(EVIL_KEY, { '@context': OB_V2, type: 'CryptographicKey', id: EVIL_KEY, owner: UT_PROFILE, publicKeyPem: evilKey.publicKeyPem });
    const text = await jws(assertion({ badge: { ...utBadge(), issuer: forgedProfile() }, verification: { type: 'SignedBadge' } }), evilKey);
    const report = await verifyText(text, world.env());
    expect(report.checks).toContainEqual(check('proof', 'failed', 'SIGNATURE_MISMATCH'));
    expect(world.requests).not.toContain(EVIL_KEY);
    expect(report.verdict).toBe('failed');
  });
});

// ---------------------------------------------------------------------------------------------

describe('2. hosted: the scope policy is read from the Profile fetched from its IRI', () => {
  const EVIL_ASSERTION = `${EVIL}/assertions/1.json`;

  function hosted(id: string, badge: JsonObject | string): JsonObject {
    return { ...assertion({ badge, verification: { type: 'HostedBadge' } }), id };
  }

  it('an embedded Profile with allowedOrigins naming the attacker → HOSTED_OUT_OF_SCOPE', async () => {
    const doc = hosted(EVIL_ASSERTION, { ...utBadge(), issuer: forgedProfile({ verification: { type: 'VerificationObject', allowedOrigins: ['evil.tsumiki.test'] } }) });
    const world = utWorld().serve(EVIL_ASSERTION, doc);
    const report = await verifyText(JSON.stringify(doc), world.env());
    expect(report.checks).toContainEqual(check('issuer-key', 'failed', 'HOSTED_OUT_OF_SCOPE'));
    expect(report.verdict).toBe('failed');
    expect(world.requests).toEqual(expect.arrayContaining([EVIL_ASSERTION, UT_BADGE, UT_PROFILE]));
  });

  it('an embedded Profile with startsWith the attacker\'s prefix → HOSTED_OUT_OF_SCOPE', async () => {
    const doc = hosted(EVIL_ASSERTION, { ...utBadge(), issuer: forgedProfile({ verification: { allowedOrigins: 'evil.tsumiki.test', startsWith: [`${EVIL}/`] } }) });
    const world = utWorld().serve(EVIL_ASSERTION, doc);
    const report = await verifyText(JSON.stringify(doc), world.env());
    expect(report.checks).toContainEqual(check('issuer-key', 'failed', 'HOSTED_OUT_OF_SCOPE'));
  });

  it('a BadgeClass at the attacker\'s IRI with the university\'s Profile embedded → the Profile is fetched: HOSTED_OUT_OF_SCOPE', async () => {
    const evilBadge = `${EVIL}/badges/phd.json`;
    const doc = hosted(EVIL_ASSERTION, evilBadge);
    const world = utWorld()
      .serve(EVIL_ASSERTION, doc)
      .serve(evilBadge, { ...utBadge({ id: evilBadge }), issuer: forgedProfile({ verification: { allowedOrigins: ['evil.tsumiki.test'] } }) });
    const report = await verifyText(JSON.stringify(doc), world.env());
    expect(report.checks).toContainEqual(check('issuer-key', 'failed', 'HOSTED_OUT_OF_SCOPE'));
    expect(world.requests).toContain(UT_PROFILE);
  });

  it('the Profile cannot be fetched → issuer-key not-checked, never HOSTED_BY_ISSUER', async () => {
    const doc = hosted(EVIL_ASSERTION, { ...utBadge(), issuer: forgedProfile({ verification: { allowedOrigins: ['evil.tsumiki.test'] } }) });
    const world = new World().serve(EVIL_ASSERTION, doc).serve(UT_BADGE, utBadge());
    const report = await verifyText(JSON.stringify(doc), world.env());
    expect(report.checks).toContainEqual(check('issuer-key', 'not-checked', 'FETCH_FAILED'));
    expect(report.verdict).toBe('incomplete');
  });

  it("the fetched Profile's own allowedOrigins are honoured → HOSTED_BY_ISSUER, verified", async () => {
    const url = 'https://badges.u-tokyo.ac.jp/assertions/7.json';
    const doc = hosted(url, UT_BADGE);
    const world = utWorld({ profile: utProfile({ verification: { type: 'VerificationObject', allowedOrigins: ['badges.u-tokyo.ac.jp'] } }) }).serve(url, doc);
    const report = await verifyText(JSON.stringify(doc), world.env());
    expect(report.checks).toContainEqual(check('issuer-key', 'passed', 'HOSTED_BY_ISSUER'));
    expect(report.verdict).toBe('verified');
  });
});

// ---------------------------------------------------------------------------------------------

describe('3. hosted: the hosted copy is what is checked and read; a difference is shown', () => {
  const URL_ = `${UT}/badges/assertions/42.json`;
  const real = (): JsonObject => ({ ...assertion({ badge: UT_BADGE, verification: { type: 'hosted' }, narrative: 'A thesis on knots.' }), id: URL_, expires: '2026-01-01T00:00:00Z' });

  it('a given copy that differs → passed HOSTED_COPY_DIFFERS, naming what differs; the hosted copy (expired) decides', async () => {
    const hostedCopy = real();
    const given: JsonObject = { ...hostedCopy, narrative: 'Summa cum laude', expires: '2099-01-01T00:00:00Z', badge: { ...utBadge(), name: 'Honorary Doctorate' } };
    const world = utWorld().serve(URL_, hostedCopy);
    const report = await verifyText(JSON.stringify(given), world.env());
    expect(report.checks).toContainEqual(check('proof', 'passed', 'HOSTED_COPY_DIFFERS', { data: expect.objectContaining({ copyDiffers: true, differs: ['badge', 'expires', 'narrative'] }) }));
    expect(report.checks).toContainEqual(check('validity-period', 'failed', 'EXPIRED'));
    expect(report.verdict).toBe('failed');
  });

  it('the finding carries the hosted assertion, the BadgeClass and the issuer Profile as fetched, for the one reading', async () => {
    const hostedCopy = real();
    const given: JsonObject = { ...hostedCopy, badge: { ...utBadge(), name: 'Honorary Doctorate', issuer: forgedProfile({ name: 'Someone Else' }) } };
    const world = utWorld().serve(URL_, hostedCopy);
    const found = await checkOb2Hosted(given, world.env());
    expect(found.check).toEqual(check('proof', 'passed', 'HOSTED_COPY_DIFFERS'));
    expect(found.assertion).toEqual(hostedCopy);
    expect(found.badgeClass).toEqual(utBadge());
    expect(found.issuerProfile).toEqual(utProfile({ revocationList: UT_LIST }));
  });

  it('the same copy → HOSTED_MATCHES, copyDiffers false', async () => {
    const world = utWorld().serve(URL_, real());
    const report = await verifyText(JSON.stringify(real()), world.env({ now: new Date('2025-06-01T00:00:00Z') }));
    expect(report.checks).toContainEqual(check('proof', 'passed', 'HOSTED_MATCHES', { data: expect.objectContaining({ copyDiffers: false }) }));
    expect(report.verdict).toBe('verified');
  });

  it('a given copy without the revocation the hosted copy carries → REVOKED', async () => {
    const given = real();
    const world = utWorld().serve(URL_, { ...real(), revoked: true, revocationReason: 'Withdrawn' });
    const report = await verifyText(JSON.stringify(given), world.env({ now: new Date('2025-06-01T00:00:00Z') }));
    expect(report.checks).toContainEqual(check('status', 'failed', 'REVOKED'));
  });

  it('a hosted copy that is not a hosted assertion → HOSTED_MISMATCH', async () => {
    const world = utWorld().serve(URL_, { ...real(), verification: { type: 'SignedBadge', creator: UT_KEY } });
    const report = await verifyText(JSON.stringify(real()), world.env());
    expect(report.checks).toContainEqual(check('proof', 'failed', 'HOSTED_MISMATCH'));
  });

  it('the difference has words in English and Japanese', () => {
    expect(verificationText.en.code.HOSTED_COPY_DIFFERS).toMatch(/differs/);
    expect(verificationText.ja.code.HOSTED_COPY_DIFFERS).toMatch(/原本/);
  });
});

// ---------------------------------------------------------------------------------------------

describe('4. the BadgeClass: embedded in a signed assertion it is signed; its issuer is always fetched', () => {
  it('a signed, embedded BadgeClass with an embedded Profile (forged name) → verified by the fetched Profile; the finding holds the fetched Profile', async () => {
    const world = utWorld();
    const badge = { ...utBadge(), name: 'Signed name', issuer: forgedProfile({ name: 'Not the real name' }) };
    const text = await jws(assertion({ badge, verification: { type: 'SignedBadge', creator: UT_KEY } }), utKey);
    const report = await verifyText(text, world.env());
    expect(report.verdict).toBe('verified');
    const found = await checkOb2Signed(parsedOf(text), world.env());
    expect(found.badgeClass).toEqual(badge);
    expect(found.issuerProfile).toEqual(utProfile({ revocationList: UT_LIST }));
    expect(world.requests).not.toContain(UT_BADGE); // the signed, embedded BadgeClass is not fetched
  });

  it('an embedded BadgeClass whose issuer has no IRI → issuer-key failed STRUCTURE_INVALID', async () => {
    const world = utWorld();
    const { id: _drop, ...nameless } = forgedProfile();
    const text = await jws(assertion({ badge: { ...utBadge(), issuer: nameless }, verification: { type: 'SignedBadge', creator: UT_KEY } }), utKey);
    const report = await verifyText(text, world.env());
    expect(report.checks).toContainEqual(check('issuer-key', 'failed', 'STRUCTURE_INVALID'));
    expect(report.verdict).toBe('failed');
  });

  it('a Profile document that names itself otherwise than its IRI → issuer-key failed STRUCTURE_INVALID', async () => {
    const world = utWorld({ profile: utProfile({ id: `${UT}/someone-else.json`, revocationList: UT_LIST }) });
    const text = await jws(assertion({ badge: UT_BADGE, verification: { type: 'SignedBadge', creator: UT_KEY } }), utKey);
    const report = await verifyText(text, world.env());
    expect(report.checks).toContainEqual(check('issuer-key', 'failed', 'STRUCTURE_INVALID'));
  });

  it('hosted: an embedded BadgeClass is fetched by its IRI; the finding holds the fetched one', async () => {
    const url = `${UT}/badges/assertions/43.json`;
    const doc: JsonObject = { ...assertion({ badge: { ...utBadge(), name: 'Embedded name' }, verification: { type: 'hosted' } }), id: url };
    const world = utWorld().serve(url, doc);
    const found = await checkOb2Hosted(doc, world.env());
    expect(found.binding).toEqual(check('issuer-key', 'passed', 'HOSTED_BY_ISSUER'));
    expect(found.badgeClass).toEqual(utBadge());
    expect(world.requests).toContain(UT_BADGE);
  });

  it('hosted: an embedded BadgeClass without an IRI → issuer-key failed STRUCTURE_INVALID', async () => {
    const url = `${UT}/badges/assertions/44.json`;
    const { id: _drop, ...anonymous } = utBadge();
    const doc: JsonObject = { ...assertion({ badge: anonymous, verification: { type: 'hosted' } }), id: url };
    const world = utWorld().serve(url, doc);
    const report = await verifyText(JSON.stringify(doc), world.env());
    expect(report.checks).toContainEqual(check('issuer-key', 'failed', 'STRUCTURE_INVALID'));
  });
});

// ---------------------------------------------------------------------------------------------

describe("5. status: the revocation list named by the fetched Profile, and only if it is the issuer's", () => {
  async function signed(badge: JsonObject | string, id?: string): Promise<{ text: string; id: string }> {
    const a = assertion({ badge, verification: { type: 'SignedBadge', creator: UT_KEY } });
    if (id) a.id = id;
    return { text: await jws(a, utKey), id: a.id as string };
  }

  it("an embedded Profile pointing at an empty list of the attacker's → the fetched Profile's list decides: REVOKED", async () => {
    const id = `${UT}/badges/assertions/revoked-1`;
    const evilList = `${EVIL}/empty-list.json`;
    const world = utWorld({ revoked: [id] }).serve(evilList, { '@context': OB_V2, type: 'RevocationList', id: evilList, revokedAssertions: [] });
    const { text } = await signed({ ...utBadge(), issuer: forgedProfile({ revocationList: evilList }) }, id);
    const report = await verifyText(text, world.env());
    expect(report.checks).toContainEqual(check('status', 'failed', 'REVOKED', { data: expect.objectContaining({ url: UT_LIST }) }));
    expect(world.requests).not.toContain(evilList);
  });

  it('not on the list → NOT_REVOKED, with the date of the fetch', async () => {
    const world = utWorld();
    const { text } = await signed(UT_BADGE);
    const report = await verifyText(text, world.env());
    expect(report.checks).toContainEqual(check('status', 'passed', 'NOT_REVOKED', { data: expect.objectContaining({ url: UT_LIST, fetchedAt: NOW.toISOString() }) }));
  });

  it('a Profile with no revocationList, whatever the embedded one says → NOT_APPLICABLE', async () => {
    const evilList = `${EVIL}/list.json`;
    const world = utWorld({ profile: utProfile() }).serve(evilList, { '@context': OB_V2, type: 'RevocationList', id: evilList, revokedAssertions: [] });
    const { text } = await signed({ ...utBadge(), issuer: forgedProfile({ revocationList: evilList }) });
    const report = await verifyText(text, world.env());
    expect(report.checks).toContainEqual(check('status', 'not-checked', 'NOT_APPLICABLE'));
    expect(world.requests).not.toContain(evilList);
  });

  it("a list issued by someone else → status unknown (STATUS_LIST_INVALID), never NOT_REVOKED", async () => {
    const world = utWorld().serve(UT_LIST, { '@context': OB_V2, type: 'RevocationList', id: UT_LIST, issuer: `${EVIL}/issuer.json`, revokedAssertions: [] });
    const { text } = await signed(UT_BADGE);
    const report = await verifyText(text, world.env());
    expect(report.checks).toContainEqual(check('status', 'not-checked', 'STATUS_LIST_INVALID', { reason: 'error' }));
    expect(report.verdict).toBe('incomplete');
  });

  it('a list document naming another id, or not a RevocationList → STATUS_LIST_INVALID', async () => {
    const { text } = await signed(UT_BADGE);
    const otherId = utWorld().serve(UT_LIST, { '@context': OB_V2, type: 'RevocationList', id: `${EVIL}/list.json`, revokedAssertions: [] });
    expect((await verifyText(text, otherId.env())).checks).toContainEqual(check('status', 'not-checked', 'STATUS_LIST_INVALID'));
    const notAList = utWorld().serve(UT_LIST, { '@context': OB_V2, type: 'Issuer', id: UT_LIST, revokedAssertions: [] });
    expect((await verifyText(text, notAList.env())).checks).toContainEqual(check('status', 'not-checked', 'STATUS_LIST_INVALID'));
  });

  it('an embedded revocation list object in the fetched Profile is not a fetched list → STATUS_LIST_INVALID', async () => {
    const world = utWorld({ profile: utProfile({ revocationList: { type: 'RevocationList', revokedAssertions: [] } }) });
    const { text } = await signed(UT_BADGE);
    const report = await verifyText(text, world.env());
    expect(report.checks).toContainEqual(check('status', 'not-checked', 'STATUS_LIST_INVALID'));
  });
});
