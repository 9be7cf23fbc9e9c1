// Tests written from surviving mutants (StrykerJS, `npm run mutate`): the OB 2.0 proof step (linked
// documents, signed assertions, hosted assertions), called directly against a World of its documents.
// Each `it` names what a mutant changed and the suite did not notice: often which facts a check reports.
import { exportSPKI, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject, ParsedCredential } from '../../../src/lib/model/credential.ts';
import { createEnv } from '../../../src/lib/verify/env.ts';
import { createRemote } from '../../../src/lib/verify/remote.ts';
import { checkOb2Hosted, checkOb2Signed, linked } from '../../../src/lib/verify/steps/proof-ob2.ts';
import { generateRsaKey, NOW, OB_V2, signJws, World, type RsaKey } from '../../support/issuer.ts';

const ORG = 'https://ob2.mutants.tsumiki.test';
const PROFILE = `${ORG}/issuer.json`;
const BADGE = `${ORG}/badge.json`;
const key = (n: number) => `${ORG}/keys/${n}.json`;
const WHEN = { fetchedAt: NOW.toISOString(), fromCache: false };

let rsa: RsaKey;
let other: RsaKey;

beforeAll(async () => {
  [rsa, other] = await Promise.all([generateRsaKey(), generateRsaKey()]);
});

const keyDoc = (n: number, pem: string, owner = PROFILE): JsonObject => ({ '@context': OB_V2, type: 'CryptographicKey', id: key(n), owner, publicKeyPem: pem });
const profile = (extra: JsonObject = {}): JsonObject => ({ '@context': OB_V2, type: 'Issuer', id: PROFILE, name: 'OB2 Org', url: ORG, publicKey: key(1), ...extra });
const badgeClass: JsonObject = { '@context': OB_V2, type: 'BadgeClass', id: BADGE, name: 'B', issuer: PROFILE };

function world(extra: JsonObject = {}): World {
  return new World().serve(PROFILE, profile(extra)).serve(BADGE, badgeClass).serve(key(1), keyDoc(1, rsa.publicKeyPem));
}

const failingFetch = () => createEnv({ now: NOW, remote: createRemote({ online: true, fetch: async () => Promise.reject(new Error('connection refused')), now: () => NOW }) });

describe('linked: a document fetched from its own IRI', () => {
  it('no link, or an embedded object without an id: the problem says which', async () => {
    const remote = world().env().remote;
    expect(await linked(undefined, 'proof', remote)).toEqual({ ok: false, check: { id: 'proof', outcome: 'failed', code: 'KEY_NOT_FOUND', data: { problem: 'link missing' } } });
    expect(await linked({ type: 'CryptographicKey' }, 'issuer-key', remote)).toEqual({
      ok: false,
      check: { id: 'issuer-key', outcome: 'failed', code: 'STRUCTURE_INVALID', data: { problem: 'an embedded object without an IRI to fetch it from' } },
    });
    expect(await linked(undefined, 'status', remote)).toEqual({ ok: false, check: { id: 'status', outcome: 'not-checked', reason: 'error', code: 'STATUS_LIST_INVALID', data: { problem: 'link missing' } } });
  });

  it('unreachable: offline, or the fetch failed (error)', async () => {
    expect(await linked(PROFILE, 'issuer-key', world().env({ online: false }).remote)).toEqual({ ok: false, check: { id: 'issuer-key', outcome: 'not-checked', reason: 'offline', code: 'NEEDS_NETWORK', data: { url: PROFILE } } });
    expect(await linked(PROFILE, 'issuer-key', failingFetch().remote)).toEqual({ ok: false, check: { id: 'issuer-key', outcome: 'not-checked', reason: 'error', code: 'FETCH_FAILED', data: { url: PROFILE } } });
  });

  it('an HTTP error or a body that is no JSON object: FETCH_FAILED with the status', async () => {
    const w = world().serve(`${ORG}/gone.json`, { id: `${ORG}/gone.json` }, { status: 410 }).serve(`${ORG}/text.json`, 'hello');
    expect(await linked(`${ORG}/gone.json`, 'proof', w.env().remote)).toEqual({ ok: false, check: { id: 'proof', outcome: 'not-checked', reason: 'error', code: 'FETCH_FAILED', data: { url: `${ORG}/gone.json`, status: 410 } } });
    expect(await linked(`${ORG}/text.json`, 'proof', w.env().remote)).toMatchObject({ ok: false, check: { code: 'FETCH_FAILED', data: { status: 200 } } });
    // A 410 is a fact only where the caller says so (a hosted assertion); a non-object body reads as {}.
    expect(await linked(`${ORG}/gone.json`, 'proof', w.env().remote, { gone: true })).toEqual({ ok: true, doc: { id: `${ORG}/gone.json` }, url: `${ORG}/gone.json`, status: 410, ...WHEN });
    const w2 = world().serve(`${ORG}/gone-text.json`, 'Gone', { status: 410 });
    expect(await linked(`${ORG}/gone-text.json`, 'proof', w2.env().remote, { gone: true })).toMatchObject({ ok: true, doc: {}, status: 410 });
  });

  it('a document that names itself otherwise (or not at all)', async () => {
    const w = world().serve(`${ORG}/alias.json`, { ...badgeClass }).serve(`${ORG}/anon.json`, { type: 'BadgeClass' });
    expect(await linked(`${ORG}/alias.json`, 'proof', w.env().remote)).toEqual({
      ok: false,
      check: { id: 'proof', outcome: 'failed', code: 'KEY_NOT_FOUND', data: { url: `${ORG}/alias.json`, ...WHEN, problem: `the document at this IRI names itself ${BADGE}` } },
    });
    expect(await linked(`${ORG}/anon.json`, 'proof', w.env().remote)).toMatchObject({ ok: false, check: { data: { problem: 'the document at this IRI names itself (no id)' } } });
  });

  it('a document of another type; one declaring no type is accepted', async () => {
    const w = world().serve(`${ORG}/untyped.json`, { id: `${ORG}/untyped.json` });
    expect(await linked(BADGE, 'status', w.env().remote, { types: ['RevocationList', 'Other'] })).toEqual({
      ok: false,
      check: { id: 'status', outcome: 'not-checked', reason: 'error', code: 'STATUS_LIST_INVALID', data: { url: BADGE, ...WHEN, problem: 'a BadgeClass, not a RevocationList or Other' } },
    });
    expect(await linked(`${ORG}/untyped.json`, 'status', w.env().remote, { types: ['RevocationList'] })).toMatchObject({ ok: true });
    const two = world().serve(`${ORG}/two.json`, { id: `${ORG}/two.json`, type: ['BadgeClass', 'Extra'] });
    expect(await linked(`${ORG}/two.json`, 'proof', two.env().remote, { types: ['CryptographicKey'] })).toMatchObject({ ok: false, check: { data: { problem: 'a BadgeClass,Extra, not a CryptographicKey' } } });
    expect(await linked(BADGE, 'proof', w.env().remote, { types: ['Other', 'BadgeClass'] })).toMatchObject({ ok: true, doc: badgeClass });
  });

  it('a document of several types is accepted when any one of them is allowed', async () => {
    const w = world().serve(`${ORG}/two.json`, { id: `${ORG}/two.json`, type: ['CryptographicKey', 'Extra'] });
    expect(await linked(`${ORG}/two.json`, 'proof', w.env().remote, { types: ['CryptographicKey'] })).toMatchObject({ ok: true, doc: { id: `${ORG}/two.json` } });
  });
});

describe('checkOb2Signed', () => {
  const assertion = (extra: JsonObject = {}): JsonObject => ({ '@context': OB_V2, type: 'Assertion', id: `${ORG}/a/1`, badge: BADGE, recipient: { type: 'email', identity: 'x' }, issuedOn: '2025-01-01', ...extra });
  const parsed = async (a: JsonObject, signer: RsaKey = rsa, alg = 'RS256'): Promise<ParsedCredential> => {
    const jws = await signJws(a, { alg }, signer.privateKey);
    return { format: 'ob2-signed', container: 'jws', credential: a, jws, bytes: new TextEncoder().encode(jws) };
  };

  it('a signed assertion without its JWS', async () => {
    const found = await checkOb2Signed({ format: 'ob2-signed', container: 'json', credential: assertion(), bytes: new Uint8Array() }, world().env());
    expect(found.check).toEqual({ id: 'proof', outcome: 'failed', code: 'PROOF_MISSING', data: { detail: 'a signed assertion without its JWS' } });
  });

  it('the algorithm: none and HMAC are forbidden, others outside the list unsupported, each named', async () => {
    const header = (h: JsonObject) => Buffer.from(JSON.stringify(h)).toString('base64url');
    const a = assertion({ verification: { type: 'SignedBadge', creator: key(1) } });
    const with_ = (h: JsonObject): ParsedCredential => ({ format: 'ob2-signed', container: 'jws', credential: a, jws: `${header(h)}.${Buffer.from(JSON.stringify(a)).toString('base64url')}.c2ln`, bytes: new Uint8Array() });
    expect((await checkOb2Signed(with_({ alg: 'none' }), world().env())).check).toEqual({ id: 'proof', outcome: 'failed', code: 'ALG_FORBIDDEN', data: { alg: 'none' } });
    expect((await checkOb2Signed(with_({ alg: 'HS512' }), world().env())).check).toEqual({ id: 'proof', outcome: 'failed', code: 'ALG_FORBIDDEN', data: { alg: 'HS512' } });
    expect((await checkOb2Signed(with_({ alg: 'EdDSA' }), world().env())).check).toEqual({ id: 'proof', outcome: 'not-checked', reason: 'unsupported', code: 'UNSUPPORTED_ALG', data: { alg: 'EdDSA' } });
    const none = await checkOb2Signed(with_({ typ: 'JWT' }), world().env());
    expect(none.check).toEqual({ id: 'proof', outcome: 'not-checked', reason: 'unsupported', code: 'UNSUPPORTED_ALG', data: { alg: '' } });
    expect(none.binding).toEqual({ id: 'issuer-key', outcome: 'not-checked', reason: 'unsupported', code: 'PROOF_NOT_VERIFIED' });
  });

  it('only `none` and HS<n> themselves are forbidden: a name that merely begins or ends with one is unsupported', async () => {
    const a = assertion({ verification: { type: 'SignedBadge', creator: key(1) } });
    for (const alg of ['HS256K', 'noneX', 'PHS256', 'Xnone']) {
      const jws = `${Buffer.from(JSON.stringify({ alg })).toString('base64url')}.${Buffer.from(JSON.stringify(a)).toString('base64url')}.c2ln`;
      expect((await checkOb2Signed({ format: 'ob2-signed', container: 'jws', credential: a, jws, bytes: new Uint8Array() }, world().env())).check).toEqual({ id: 'proof', outcome: 'not-checked', reason: 'unsupported', code: 'UNSUPPORTED_ALG', data: { alg } });
    }
  });

  it.each(['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384'])('%s is an OB 2.0 algorithm', async (alg) => {
    const pair = await generateKeyPair(alg, { extractable: true });
    const pem = await exportSPKI(pair.publicKey);
    const a = assertion({ verification: { type: 'SignedBadge', creator: key(1) } });
    const jws = await signJws(a, { alg }, pair.privateKey);
    const found = await checkOb2Signed({ format: 'ob2-signed', container: 'jws', credential: a, jws, bytes: new Uint8Array() }, world().serve(key(1), keyDoc(1, pem)).env());
    expect(found.check).toMatchObject({ outcome: 'passed', data: { suite: `OB 2.0 JWS ${alg}` } });
  });

  it('PS384 and EdDSA are not OB 2.0 algorithms', async () => {
    for (const alg of ['PS384', 'EdDSA']) {
      const a = assertion({ verification: { type: 'SignedBadge', creator: key(1) } });
      const jws = `${Buffer.from(JSON.stringify({ alg })).toString('base64url')}.${Buffer.from(JSON.stringify(a)).toString('base64url')}.c2ln`;
      expect((await checkOb2Signed({ format: 'ob2-signed', container: 'jws', credential: a, jws, bytes: new Uint8Array() }, world().env())).check).toMatchObject({ outcome: 'not-checked', code: 'UNSUPPORTED_ALG' });
    }
  });

  it('a creator IRI that serves something other than a CryptographicKey is no key, even with a PEM that verifies', async () => {
    // The issuer's own Profile (same owner, same PEM) served at the creator IRI: the document is not a key.
    const w = world().serve(key(1), { ...keyDoc(1, rsa.publicKeyPem), type: 'Profile' });
    const found = await checkOb2Signed(await parsed(assertion({ verification: { type: 'SignedBadge', creator: key(1) } })), w.env());
    expect(found.check).toMatchObject({ id: 'proof', outcome: 'failed', code: 'KEY_NOT_FOUND', data: { url: key(1), problem: 'a Profile, not a CryptographicKey' } });
  });

  it('a key that names no owner is not the issuer’s (owner shown as "")', async () => {
    const w = world().serve(key(1), { ...keyDoc(1, rsa.publicKeyPem), owner: null });
    const found = await checkOb2Signed(await parsed(assertion({ verification: { type: 'SignedBadge', creator: key(1) } })), w.env());
    expect(found.binding).toEqual({ id: 'issuer-key', outcome: 'failed', code: 'KEY_NOT_ISSUERS', data: { issuer: PROFILE, owner: '', key: key(1), ...WHEN } });
  });

  it('a key whose PEM does not fit the algorithm: PROOF_INVALID with the words, not a signature mismatch', async () => {
    const a = assertion({ verification: { type: 'SignedBadge', creator: key(1) } });
    const p = await parsed(a);
    // The same JWS, but its header now claims ES256 (an RSA key cannot be imported for it).
    const [, payload, signature] = (p.jws as string).split('.');
    const es = `${Buffer.from(JSON.stringify({ alg: 'ES256' })).toString('base64url')}.${payload}.${signature}`;
    const found = await checkOb2Signed({ ...p, jws: es }, world().env());
    expect(found.check).toMatchObject({ id: 'proof', outcome: 'failed', code: 'PROOF_INVALID', data: { alg: 'ES256', key: key(1) } });
    expect(String(found.check.data?.detail)).not.toBe('');
  });

  it('a creator: the proof names the suite, key and fetch; a wrong signer is a signature mismatch', async () => {
    const a = assertion({ verification: { type: 'SignedBadge', creator: key(1) } });
    const good = await checkOb2Signed(await parsed(a), world().env());
    expect(good.check).toEqual({ id: 'proof', outcome: 'passed', code: 'PROOF_VALID', data: { suite: 'OB 2.0 JWS RS256', key: key(1), ...WHEN } });
    expect(good.binding).toEqual({ id: 'issuer-key', outcome: 'passed', code: 'KEY_IS_ISSUERS', data: { issuer: PROFILE, owner: PROFILE, key: key(1), ...WHEN } });
    const bad = await checkOb2Signed(await parsed(a, other), world().env());
    expect(bad.check).toEqual({ id: 'proof', outcome: 'failed', code: 'SIGNATURE_MISMATCH', data: { alg: 'RS256', key: key(1) } });
  });

  it('no creator and a Profile that lists no key', async () => {
    const found = await checkOb2Signed(await parsed(assertion()), world({ publicKey: [] }).env());
    expect(found.check).toEqual({ id: 'proof', outcome: 'failed', code: 'KEY_NOT_FOUND', data: { issuer: PROFILE, problem: 'no creator, and the issuer lists no key' } });
  });

  it('no creator and no Profile to read: the proof says why (offline: not-checked)', async () => {
    const found = await checkOb2Signed(await parsed(assertion()), world().env({ online: false }));
    expect(found.check).toEqual({ id: 'proof', outcome: 'not-checked', reason: 'offline', code: 'NEEDS_NETWORK', data: { url: BADGE } });
  });

  it('no creator: the listed key that verifies is found after keys that do not', async () => {
    const w = world({ publicKey: [key(2), key(3), key(1)] }).serve(key(2), keyDoc(2, other.publicKeyPem)).serve(key(3), { '@context': OB_V2, type: 'CryptographicKey', id: key(3), owner: PROFILE });
    const found = await checkOb2Signed(await parsed(assertion()), w.env());
    expect(found.check).toMatchObject({ outcome: 'passed', data: { key: key(1) } });
    expect(found.binding).toMatchObject({ outcome: 'passed', code: 'KEY_IS_ISSUERS' });
  });

  it('no creator, no listed key verifies: a signature mismatch is reported over a key without a PEM, whatever the order', async () => {
    for (const order of [
      [key(3), key(2)],
      [key(2), key(3)],
    ]) {
      const w = world({ publicKey: order }).serve(key(2), keyDoc(2, other.publicKeyPem)).serve(key(3), { '@context': OB_V2, type: 'CryptographicKey', id: key(3), owner: PROFILE });
      expect((await checkOb2Signed(await parsed(assertion()), w.env())).check).toEqual({ id: 'proof', outcome: 'failed', code: 'SIGNATURE_MISMATCH', data: { alg: 'RS256', key: key(2) } });
    }
  });

  it('no creator, and the only key without a PEM: KEY_NOT_FOUND, saying so', async () => {
    const w = world({ publicKey: [key(3)] }).serve(key(3), { '@context': OB_V2, type: 'CryptographicKey', id: key(3), owner: PROFILE });
    expect((await checkOb2Signed(await parsed(assertion()), w.env())).check).toEqual({ id: 'proof', outcome: 'failed', code: 'KEY_NOT_FOUND', data: { key: key(3), problem: 'no publicKeyPem' } });
  });

  it('no creator: a listed key that cannot be fetched might be the one (not-checked), one that is wrong is refused', async () => {
    const unreachable = world({ publicKey: [key(2), key(4)] }).serve(key(2), keyDoc(2, other.publicKeyPem));
    expect((await checkOb2Signed(await parsed(assertion()), unreachable.env())).check).toMatchObject({ outcome: 'not-checked', code: 'FETCH_FAILED', data: { url: key(4), status: 404 } });
    const wrong = world({ publicKey: [`${ORG}/keys/alias.json`] }).serve(`${ORG}/keys/alias.json`, keyDoc(1, rsa.publicKeyPem));
    expect((await checkOb2Signed(await parsed(assertion()), wrong.env())).check).toMatchObject({ outcome: 'failed', code: 'KEY_NOT_FOUND', data: { problem: `the document at this IRI names itself ${key(1)}` } });
  });

  it('no creator: a refused key listed before an unreachable one still leaves the result unknown', async () => {
    const w = world({ publicKey: [`${ORG}/keys/alias.json`, key(4)] }).serve(`${ORG}/keys/alias.json`, keyDoc(1, rsa.publicKeyPem));
    expect((await checkOb2Signed(await parsed(assertion()), w.env())).check).toMatchObject({ outcome: 'not-checked', code: 'FETCH_FAILED', data: { url: key(4) } });
  });

  it('no creator: a listed document that is no CryptographicKey is not used, even with a PEM that verifies', async () => {
    const w = world({ publicKey: [key(5)] }).serve(key(5), { ...keyDoc(5, rsa.publicKeyPem), type: 'Profile' });
    expect((await checkOb2Signed(await parsed(assertion()), w.env())).check).toEqual({
      id: 'proof',
      outcome: 'failed',
      code: 'KEY_NOT_FOUND',
      data: { url: key(5), ...WHEN, problem: 'a Profile, not a CryptographicKey' },
    });
  });

  it('no creator: the BadgeClass embedded in the signed assertion is read, not fetched', async () => {
    const embedded = { ...badgeClass, id: `${ORG}/embedded-badge.json` };
    const w = world();
    const found = await checkOb2Signed(await parsed(assertion({ badge: embedded })), w.env());
    expect(found.check).toMatchObject({ outcome: 'passed', data: { key: key(1) } });
    expect(found.badgeClass).toEqual(embedded);
    expect(w.requests).not.toContain(`${ORG}/embedded-badge.json`);
  });

  it('no creator: at most eight listed keys are tried', async () => {
    const many = Array.from({ length: 8 }, (_, i) => key(10 + i));
    const w = world({ publicKey: [...many, key(1)] });
    for (const k of many) w.serve(k, { ...keyDoc(2, other.publicKeyPem), id: k });
    expect((await checkOb2Signed(await parsed(assertion()), w.env())).check).toMatchObject({ outcome: 'failed', code: 'SIGNATURE_MISMATCH' });
    expect(w.requests).not.toContain(key(1));
  });
});

describe('checkOb2Hosted', () => {
  const HOSTED = `${ORG}/a/hosted`;
  const hosted = (extra: JsonObject = {}): JsonObject => ({ '@context': OB_V2, type: 'Assertion', id: HOSTED, badge: BADGE, recipient: { type: 'email', identity: 'x' }, issuedOn: '2025-01-01', verification: { type: 'hosted' }, ...extra });

  it('a hosted assertion without an id', async () => {
    const { id: _id, ...given } = hosted();
    expect((await checkOb2Hosted(given, world().env())).check).toEqual({ id: 'proof', outcome: 'failed', code: 'STRUCTURE_INVALID', data: { path: 'id', problem: 'a hosted assertion without the IRI it is hosted at' } });
  });

  it('the copy at the IRI names itself otherwise: HOSTED_MISMATCH (not a missing key)', async () => {
    const w = world().serve(HOSTED, hosted({ id: `${ORG}/a/else` }));
    expect((await checkOb2Hosted(hosted(), w.env())).check).toEqual({ id: 'proof', outcome: 'failed', code: 'HOSTED_MISMATCH', data: { url: HOSTED, ...WHEN, problem: `the document at this IRI names itself ${ORG}/a/else` } });
  });

  it('gone (410): HOSTED_GONE with when', async () => {
    const w = world().serve(HOSTED, hosted(), { status: 410 });
    expect((await checkOb2Hosted(hosted(), w.env())).check).toEqual({ id: 'proof', outcome: 'failed', code: 'HOSTED_GONE', data: { url: HOSTED, ...WHEN } });
  });

  it('the hosted copy says it is signed: not a hosted assertion', async () => {
    const w = world().serve(HOSTED, hosted({ verification: { type: 'SignedBadge', creator: key(1) } }));
    expect((await checkOb2Hosted(hosted(), w.env())).check).toEqual({ id: 'proof', outcome: 'failed', code: 'HOSTED_MISMATCH', data: { url: HOSTED, ...WHEN, problem: 'the hosted copy is not a hosted assertion' } });
    const none = world().serve(HOSTED, { ...hosted(), verification: 'hosted' });
    expect((await checkOb2Hosted(hosted(), none.env())).check).toMatchObject({ code: 'HOSTED_MISMATCH' });
  });

  it('copies equal up to key order match; the old `verify` name is read', async () => {
    const reordered = Object.fromEntries(Object.entries(hosted({ recipient: { identity: 'x', type: 'email' } })).reverse());
    const w = world().serve(HOSTED, reordered);
    const found = await checkOb2Hosted(hosted(), w.env());
    expect(found.check).toEqual({ id: 'proof', outcome: 'passed', code: 'HOSTED_MATCHES', data: { url: HOSTED, ...WHEN, copyDiffers: false } });
    expect(found.binding).toEqual({ id: 'issuer-key', outcome: 'passed', code: 'HOSTED_BY_ISSUER', data: { issuer: PROFILE, url: HOSTED, ...WHEN } });
    const { verification: _v, ...rest } = hosted();
    expect((await checkOb2Hosted(hosted(), world().serve(HOSTED, { ...rest, verify: { type: 'hosted' } }).env())).check).toMatchObject({ code: 'HOSTED_COPY_DIFFERS', data: { differs: ['verification', 'verify'] } });
  });

  it('the properties that differ are listed, sorted: nested values, arrays, missing members', async () => {
    const given = hosted({ narrative: 'given', evidence: [{ id: 'urn:e1' }, { id: 'urn:e2' }], expires: '2030-01-01', tags: ['a'] });
    const w = world().serve(HOSTED, hosted({ narrative: 'hosted', evidence: [{ id: 'urn:e2' }, { id: 'urn:e1' }], recipient: { type: 'email', identity: 'y' }, tags: ['a'] }));
    const found = await checkOb2Hosted(given, w.env());
    expect(found.check).toEqual({ id: 'proof', outcome: 'passed', code: 'HOSTED_COPY_DIFFERS', data: { url: HOSTED, ...WHEN, copyDiffers: true, differs: ['evidence', 'expires', 'narrative', 'recipient'] } });
    // What is read is the hosted copy.
    expect(found.assertion?.narrative).toBe('hosted');
  });

  it('arrays compare element by element, objects in them up to key order', async () => {
    const w = world().serve(HOSTED, hosted({ evidence: [{ name: 'E', id: 'urn:e' }], n: [12, 3] }));
    expect((await checkOb2Hosted(hosted({ evidence: [{ id: 'urn:e', name: 'E' }], n: [1, 23] }), w.env())).check).toMatchObject({ data: { differs: ['n'] } });
  });

  it('null and absent differ; a number and its string differ', async () => {
    const w = world().serve(HOSTED, hosted({ expires: null, revoked: false, n: 1 }));
    expect((await checkOb2Hosted(hosted({ n: '1', revoked: false }), w.env())).check).toMatchObject({ data: { differs: ['expires', 'n'] } });
  });

  it('at most 32 differing properties are listed', async () => {
    const extra = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`p${String(i).padStart(2, '0')}`, i]));
    const found = await checkOb2Hosted(hosted(), world().serve(HOSTED, hosted(extra)).env());
    expect(found.check.data?.differs).toEqual(Object.keys(extra).slice(0, 32));
  });

  it('the issuer cannot be read: the binding says why, the proof still passed', async () => {
    const w = new World().serve(HOSTED, hosted()).serve(BADGE, badgeClass);
    const found = await checkOb2Hosted(hosted(), w.env());
    expect(found.check).toMatchObject({ outcome: 'passed' });
    expect(found.binding).toEqual({ id: 'issuer-key', outcome: 'not-checked', reason: 'error', code: 'FETCH_FAILED', data: { url: PROFILE, status: 404 } });
  });

  it('the BadgeClass must be a BadgeClass, the issuer an Issuer or a Profile, or the binding fails', async () => {
    const issuerOf = async (w: World) => (await checkOb2Hosted(hosted(), w.serve(HOSTED, hosted()).env())).binding;
    expect(await issuerOf(world().serve(BADGE, { ...badgeClass, type: 'Assertion' }))).toEqual({
      id: 'issuer-key',
      outcome: 'failed',
      code: 'STRUCTURE_INVALID',
      data: { url: BADGE, ...WHEN, problem: 'a Assertion, not a BadgeClass' },
    });
    expect(await issuerOf(world({ type: 'BadgeClass' }))).toEqual({
      id: 'issuer-key',
      outcome: 'failed',
      code: 'STRUCTURE_INVALID',
      data: { url: PROFILE, ...WHEN, problem: 'a BadgeClass, not a Issuer or Profile' },
    });
    expect(await issuerOf(world({ type: 'Profile' }))).toEqual({ id: 'issuer-key', outcome: 'passed', code: 'HOSTED_BY_ISSUER', data: { issuer: PROFILE, url: HOSTED, ...WHEN } });
  });

  describe('hosted within the issuer’s scope', () => {
    const scoped = (verification: JsonObject, at = HOSTED) => world({ verification }).serve(at, hosted({ id: at }));

    it('allowedOrigins lists hosts; only its strings count', async () => {
      const elsewhere = 'https://cdn.mutants.tsumiki.test/a/1';
      expect((await checkOb2Hosted(hosted({ id: elsewhere }), scoped({ allowedOrigins: ['cdn.mutants.tsumiki.test'] }, elsewhere).env())).binding).toMatchObject({ outcome: 'passed', code: 'HOSTED_BY_ISSUER' });
      expect((await checkOb2Hosted(hosted(), scoped({ allowedOrigins: [7, 'cdn.mutants.tsumiki.test'] }).env())).binding).toEqual({
        id: 'issuer-key',
        outcome: 'failed',
        code: 'HOSTED_OUT_OF_SCOPE',
        data: { issuer: PROFILE, url: HOSTED, ...WHEN },
      });
      // Only numbers: no allowed origin at all, so the Profile's own host decides.
      expect((await checkOb2Hosted(hosted(), scoped({ allowedOrigins: [7] }).env())).binding).toMatchObject({ outcome: 'passed' });
    });

    it('startsWith restricts the URL by prefix; only its strings count', async () => {
      expect((await checkOb2Hosted(hosted(), scoped({ startsWith: [`${ORG}/a/`] }).env())).binding).toMatchObject({ outcome: 'passed' });
      expect((await checkOb2Hosted(hosted(), scoped({ startsWith: [`${ORG}/b/`] }).env())).binding).toMatchObject({ outcome: 'failed', code: 'HOSTED_OUT_OF_SCOPE' });
      expect((await checkOb2Hosted(hosted(), scoped({ startsWith: [`${ORG}/b/`, 7] }).env())).binding).toMatchObject({ outcome: 'failed' });
      expect((await checkOb2Hosted(hosted(), scoped({ startsWith: [7] }).env())).binding).toMatchObject({ outcome: 'passed' });
    // Any one prefix is enough.
    expect((await checkOb2Hosted(hosted(), scoped({ startsWith: [`${ORG}/b/`, `${ORG}/a/`] }).env())).binding).toMatchObject({ outcome: 'passed' });
    });

    it('another host than the Profile’s, with no policy: out of scope', async () => {
      const elsewhere = 'https://cdn.mutants.tsumiki.test/a/1';
      expect((await checkOb2Hosted(hosted({ id: elsewhere }), world().serve(elsewhere, hosted({ id: elsewhere })).env())).binding).toMatchObject({ outcome: 'failed', code: 'HOSTED_OUT_OF_SCOPE' });
    });
  });
});
