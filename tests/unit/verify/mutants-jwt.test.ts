// Tests written from surviving mutants (StrykerJS, `npm run mutate`): the VC-JWT proof step, called
// directly (checkJwt on a parsed VC-JWT) with keys made at test time. Each `it` names what a mutant
// changed and the suite did not notice: mostly which reason and which facts a check reports.
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject, ParsedCredential } from '../../../src/lib/model/credential.ts';
import { createEnv } from '../../../src/lib/verify/env.ts';
import { createRemote } from '../../../src/lib/verify/remote.ts';
import { checkJwt, JWS_ALGORITHMS, jwtPeriod } from '../../../src/lib/verify/steps/proof-jwt.ts';
import { didJwkOf, generateDidJwk, generateDidKey, NOW, signJws, VC_V2, World, type DidJwkKey, type DidKey } from '../../support/issuer.ts';

const credentialOf = (issuer: string): JsonObject => ({
  '@context': [VC_V2],
  id: 'urn:tsumiki:mutants:jwt',
  type: ['VerifiableCredential'],
  issuer,
  validFrom: '2025-01-01T00:00:00Z',
  credentialSubject: { id: 'did:example:learner' },
});
const parsedOf = (credential: JsonObject, jws: string): ParsedCredential => ({ format: 'ob3-jwt', container: 'jws', credential, jws, bytes: new TextEncoder().encode(jws) });

let ed: DidKey;
let edKey: CryptoKey;
let es: DidJwkKey;
let publicEdJwk: JWK;

beforeAll(async () => {
  ed = await generateDidKey('Ed25519');
  edKey = (await importJWK(ed.privateJwk, 'EdDSA')) as CryptoKey; // why: a private asymmetric JWK imports as a CryptoKey
  es = await generateDidJwk('ES256');
  const { d: _d, ...pub } = ed.privateJwk;
  publicEdJwk = pub;
});

/** Sign `credential` (plus `claims`) with `header`; the credential is what the verifier reads. */
async function jwt(credential: JsonObject, header: JsonObject & { alg: string }, key: CryptoKey, claims: JsonObject = {}): Promise<ParsedCredential> {
  return parsedOf(credential, await signJws({ ...credential, ...claims }, header, key));
}

const offline = () => createEnv({ now: NOW, remote: createRemote({ online: false }) });

describe('jwtPeriod', () => {
  it('no claims: no period, nothing invalid', () => {
    expect(jwtPeriod({})).toEqual({});
  });
  it('NumericDates from year 0000 to 9999 are dates; one millisecond outside is not', () => {
    expect(jwtPeriod({ nbf: -62_167_219_200, exp: 253_402_300_799.999 })).toEqual({ from: { field: 'nbf', value: '0000-01-01T00:00:00Z' }, until: { field: 'exp', value: '9999-12-31T23:59:59.999Z' } });
    expect(jwtPeriod({ nbf: -62_167_219_200.001 })).toEqual({ invalid: 'nbf' });
    expect(jwtPeriod({ exp: 253_402_300_800 })).toEqual({ invalid: 'exp' });
  });

  it('whole seconds read as the credential writes them; an invalid nbf is named before exp', () => {
    expect(jwtPeriod({ nbf: 1_735_689_600, exp: 1_893_456_000 })).toEqual({ from: { field: 'nbf', value: '2025-01-01T00:00:00Z' }, until: { field: 'exp', value: '2030-01-01T00:00:00Z' } });
    expect(jwtPeriod({ nbf: 'soon', exp: 'later' })).toEqual({ invalid: 'nbf' });
    expect(jwtPeriod({ nbf: 1_735_689_600, exp: 1e15 })).toEqual({ from: { field: 'nbf', value: '2025-01-01T00:00:00Z' }, invalid: 'exp' });
  });

  it('a NumericDate written as a string, or a number that is no date (NaN, ±Infinity), is invalid', () => {
    expect(jwtPeriod({ nbf: '1735689600', exp: 1_893_456_000 })).toEqual({ until: { field: 'exp', value: '2030-01-01T00:00:00Z' }, invalid: 'nbf' });
    for (const exp of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) expect(jwtPeriod({ exp })).toEqual({ invalid: 'exp' });
  });
});

/** A compact JWS with this header over the credential, and a signature that is never checked. */
const unsigned = (credential: JsonObject, header: JsonObject): ParsedCredential =>
  parsedOf(credential, `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(credential)).toString('base64url')}.c2ln`);

describe('the algorithm', () => {
  it('an algorithm outside the allow-list is unsupported (not failed), naming it; a non-string alg is named ""', async () => {
    expect((await checkJwt(unsigned(credentialOf(ed.did), { alg: 'ES512' }), offline())).check).toEqual({ id: 'proof', outcome: 'not-checked', reason: 'unsupported', code: 'UNSUPPORTED_ALG', data: { alg: 'ES512' } });
    expect((await checkJwt(unsigned(credentialOf(ed.did), { alg: 256 }), offline())).check).toEqual({ id: 'proof', outcome: 'not-checked', reason: 'unsupported', code: 'UNSUPPORTED_ALG', data: { alg: '' } });
  });

  it('the allow-list: asymmetric JOSE signatures only', () => {
    expect(JWS_ALGORITHMS).toEqual(['EdDSA', 'Ed25519', 'ES256', 'ES384', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512']);
  });

  it.each(['none', 'NONE', 'HS256', 'hs512'])('%s is forbidden (failed, not merely unsupported)', async (alg) => {
    expect((await checkJwt(unsigned(credentialOf(ed.did), { alg }), offline())).check).toMatchObject({ outcome: 'failed', code: 'ALG_FORBIDDEN', data: { alg } });
  });

  it.each(['xnone', 'nonex', 'HS', 'HSX', 'HS256x'])('%s is only unsupported: the forbidden names are matched whole', async (alg) => {
    expect((await checkJwt(unsigned(credentialOf(ed.did), { alg }), offline())).check).toMatchObject({ outcome: 'not-checked', code: 'UNSUPPORTED_ALG', data: { alg } });
  });

  it('a forbidden algorithm is refused, naming it', async () => {
    const parsed = parsedOf(credentialOf(ed.did), `${Buffer.from(JSON.stringify({ alg: 'HS256' })).toString('base64url')}.${Buffer.from('{}').toString('base64url')}.sig`);
    expect((await checkJwt(parsed, offline())).check).toEqual({ id: 'proof', outcome: 'failed', code: 'ALG_FORBIDDEN', data: { alg: 'HS256' } });
  });
});

describe('a kid that does not give a usable key', () => {
  it('a key listed only for authentication: KEY_NOT_AUTHORIZED, with the kid and why', async () => {
    const controller = 'https://keys.mutants.tsumiki.test/issuer';
    const kid = `${controller}#key-1`;
    const { publicKey, privateKey } = await generateKeyPair('EdDSA', { extractable: true });
    const doc = {
      '@context': ['https://www.w3.org/ns/did/v1'],
      id: controller,
      verificationMethod: [{ id: kid, type: 'JsonWebKey', controller, publicKeyJwk: (await exportJWK(publicKey)) as JsonObject }],
      authentication: [kid],
    };
    const found = await checkJwt(await jwt(credentialOf(controller), { alg: 'EdDSA', kid }, privateKey), new World().serve(controller, doc).env());
    expect(found.check).toEqual({ id: 'proof', outcome: 'failed', code: 'KEY_NOT_AUTHORIZED', data: { kid, detail: `${kid} is not listed for assertions` } });
  });

  it('a kid that can never resolve and no header jwk: KEY_NOT_FOUND with the kid and the resolver’s words', async () => {
    const kid = `${ed.did}#not-its-key`;
    const found = await checkJwt(await jwt(credentialOf(ed.did), { alg: 'EdDSA', kid }, edKey), offline());
    expect(found.check).toEqual({ id: 'proof', outcome: 'failed', code: 'KEY_NOT_FOUND', data: { kid, detail: `did:key fragment not-its-key is not its key` } });
  });

  it('an https kid offline and no header jwk: not-checked, offline (not failed)', async () => {
    const kid = 'https://keys.mutants.tsumiki.test/other#key-1';
    const found = await checkJwt(await jwt(credentialOf('https://keys.mutants.tsumiki.test/other'), { alg: 'EdDSA', kid }, edKey), offline());
    expect(found.check).toMatchObject({ id: 'proof', outcome: 'not-checked', reason: 'offline', code: 'NEEDS_NETWORK', data: { kid } });
  });

  it('a kid that fails to resolve but a header jwk that verifies: the header key is used, and its binding is checked', async () => {
    const kid = 'https://keys.mutants.tsumiki.test/other#key-1';
    const found = await checkJwt(await jwt(credentialOf(ed.did), { alg: 'EdDSA', kid, jwk: publicEdJwk as JsonObject }, edKey), offline());
    expect(found.check).toEqual({ id: 'proof', outcome: 'passed', code: 'PROOF_VALID', data: { suite: 'VC-JWT EdDSA', kid } });
    expect(found.method).toBeUndefined();
    // The issuer is the did:key of that very key: the header key is the issuer's.
    expect(found.binding).toMatchObject({ id: 'issuer-key', outcome: 'passed', code: 'KEY_IS_ISSUERS' });
  });
});

describe('the header key', () => {
  it('a private key in the header is refused, saying so', async () => {
    const found = await checkJwt(await jwt(credentialOf(ed.did), { alg: 'EdDSA', jwk: ed.privateJwk as JsonObject }, edKey), offline());
    expect(found.check).toEqual({ id: 'proof', outcome: 'failed', code: 'PROOF_INVALID', data: { detail: 'the header jwk holds a private key' } });
  });

  it('a header jwk that is not the key its kid names is refused, saying so', async () => {
    const found = await checkJwt(await jwt(credentialOf(ed.did), { alg: 'EdDSA', kid: ed.vm, jwk: es.publicJwk as JsonObject }, edKey), offline());
    expect(found.check).toEqual({ id: 'proof', outcome: 'failed', code: 'PROOF_INVALID', data: { detail: 'the header jwk is not the key its kid names' } });
  });

  it('a malformed header jwk beside a kid that resolves is not that key: refused', async () => {
    const found = await checkJwt(await jwt(credentialOf(ed.did), { alg: 'EdDSA', kid: ed.vm, jwk: { kty: 'OKP' } }, edKey), offline());
    expect(found.check).toEqual({ id: 'proof', outcome: 'failed', code: 'PROOF_INVALID', data: { detail: 'the header jwk is not the key its kid names' } });
  });

  it('a key for Ed25519 fits EdDSA and the other way round (one algorithm, two names)', async () => {
    const named = await checkJwt(await jwt(credentialOf(ed.did), { alg: 'EdDSA', jwk: { ...publicEdJwk, alg: 'Ed25519' } as JsonObject }, edKey), offline());
    expect(named.check).toMatchObject({ outcome: 'passed' });
    const other = await checkJwt(await jwt(credentialOf(ed.did), { alg: 'Ed25519', jwk: { ...publicEdJwk, alg: 'EdDSA' } as JsonObject }, edKey), offline());
    expect(other.check).toMatchObject({ outcome: 'passed', data: { suite: 'VC-JWT Ed25519' } });
  });

  it('neither a kid nor a jwk: KEY_NOT_FOUND, saying so', async () => {
    const found = await checkJwt(await jwt(credentialOf(ed.did), { alg: 'EdDSA' }, edKey), offline());
    expect(found.check).toEqual({ id: 'proof', outcome: 'failed', code: 'KEY_NOT_FOUND', data: { detail: 'the JOSE header has neither a resolvable kid nor a jwk' } });
  });

  it('a key for another algorithm is refused with the algorithm and why', async () => {
    const found = await checkJwt(await jwt(credentialOf(ed.did), { alg: 'EdDSA', jwk: { ...publicEdJwk, alg: 'ES256' } as JsonObject }, edKey), offline());
    expect(found.check).toEqual({ id: 'proof', outcome: 'failed', code: 'PROOF_INVALID', data: { alg: 'EdDSA', detail: 'the key is for ES256, not EdDSA' } });
  });
});

describe('the signature', () => {
  it('a header key alone: the proof names the suite and that the key came from the header', async () => {
    const found = await checkJwt(await jwt(credentialOf(ed.did), { alg: 'EdDSA', jwk: publicEdJwk as JsonObject }, edKey), offline());
    expect(found.check).toEqual({ id: 'proof', outcome: 'passed', code: 'PROOF_VALID', data: { suite: 'VC-JWT EdDSA', key: 'header-jwk' } });
  });

  it('a key for encryption is refused, saying so', async () => {
    const found = await checkJwt(await jwt(credentialOf(ed.did), { alg: 'EdDSA', jwk: { ...publicEdJwk, use: 'enc' } as JsonObject }, edKey), offline());
    expect(found.check).toEqual({ id: 'proof', outcome: 'failed', code: 'PROOF_INVALID', data: { alg: 'EdDSA', detail: 'the key is for encryption (use: enc)' } });
  });

  it('a key the algorithm cannot use is PROOF_INVALID with jose’s words, not a signature mismatch', async () => {
    const found = await checkJwt(await jwt(credentialOf(ed.did), { alg: 'ES256', jwk: publicEdJwk as JsonObject }, es.privateKey), offline());
    expect(found.check).toMatchObject({ id: 'proof', outcome: 'failed', code: 'PROOF_INVALID', data: { alg: 'ES256' } });
    expect(String(found.check.data?.detail)).not.toBe('');
  });

  it('a signature by another key: SIGNATURE_MISMATCH with the algorithm', async () => {
    const { privateKey } = await generateKeyPair('EdDSA');
    const found = await checkJwt(await jwt(credentialOf(ed.did), { alg: 'EdDSA', jwk: publicEdJwk as JsonObject }, privateKey), offline());
    expect(found.check).toEqual({ id: 'proof', outcome: 'failed', code: 'SIGNATURE_MISMATCH', data: { alg: 'EdDSA' } });
  });
});

describe('claims that must agree with the credential', () => {
  const NBF = 1_735_689_600; // 2025-01-01T00:00:00Z, the credential's validFrom
  const claims = async (claimSet: JsonObject, credential: JsonObject = { ...credentialOf(ed.did), credentialSubject: [{ id: 'did:example:learner' }, { id: 'did:example:other' }] }) =>
    (await checkJwt(await jwt(credential, { alg: 'EdDSA', jwk: publicEdJwk as JsonObject }, edKey, claimSet), offline())).check;

  it('agreeing claims (a fraction of a second, milliseconds in the credential, the first subject) pass', async () => {
    expect(await claims({ iss: ed.did, jti: 'urn:tsumiki:mutants:jwt', sub: 'did:example:learner', nbf: NBF + 0.5 })).toMatchObject({ outcome: 'passed' });
    expect(await claims({ nbf: NBF }, { ...credentialOf(ed.did), validFrom: '2025-01-01T00:00:00.900Z' })).toMatchObject({ outcome: 'passed' });
  });

  it.each([
    ['iss', { iss: 'did:example:else' }],
    ['jti', { jti: 'urn:else' }],
    ['sub', { sub: 'did:example:other' }],
    ['nbf', { nbf: NBF + 1 }],
    ['nbf', { nbf: String(NBF) }], // a NumericDate written as a string never agrees
    ['exp', { exp: 1_893_456_000 }],
  ] as Array<[string, JsonObject]>)('%s that disagrees: JWT_CLAIM_MISMATCH naming it', async (claim, claimSet) => {
    const credential = { ...credentialOf(ed.did), validUntil: '2031-01-01T00:00:00Z', credentialSubject: [{ id: 'did:example:learner' }] };
    expect(await claims(claimSet, credential)).toEqual({ id: 'proof', outcome: 'failed', code: 'JWT_CLAIM_MISMATCH', data: { claim } });
  });

  it('VC 1.1 dates stand in for VC 2.0 ones', async () => {
    const v11: JsonObject = { ...credentialOf(ed.did), issuanceDate: '2024-01-01T00:00:00Z', expirationDate: '2031-01-01T00:00:00Z' };
    delete v11.validFrom;
    expect(await claims({ nbf: NBF }, v11)).toMatchObject({ code: 'JWT_CLAIM_MISMATCH', data: { claim: 'nbf' } });
    expect(await claims({ exp: 1_924_992_000 }, v11)).toMatchObject({ outcome: 'passed' });
  });

  it('a credential date that is not a string (or not a date) is left to the validity check', async () => {
    expect(await claims({ nbf: NBF }, { ...credentialOf(ed.did), validFrom: 5 })).toMatchObject({ outcome: 'passed' });
    expect(await claims({ nbf: NBF }, { ...credentialOf(ed.did), validFrom: 'soon' })).toMatchObject({ outcome: 'passed' });
  });

  it('a claim the credential does not state, or a subject that is no object, is not compared', async () => {
    const { id: _id, ...noId } = credentialOf(ed.did);
    expect(await claims({ jti: 'urn:any' }, noId)).toMatchObject({ outcome: 'passed' });
    expect(await claims({ sub: 'did:example:any' }, { ...credentialOf(ed.did), credentialSubject: 'did:example:learner' })).toMatchObject({ outcome: 'passed' });
  });
});

describe('binding a header key to a self-certifying issuer (did:key, did:jwk)', () => {
  it('a did:jwk issuer whose key is not the header key: KEY_NOT_ISSUERS with both thumbprints', async () => {
    const found = await checkJwt(await jwt(credentialOf(es.did), { alg: 'EdDSA', jwk: publicEdJwk as JsonObject }, edKey), offline());
    expect(found.check.outcome).toBe('passed');
    expect(found.binding).toEqual({
      id: 'issuer-key',
      outcome: 'failed',
      code: 'KEY_NOT_ISSUERS',
      data: { binding: 'self-certifying', issuer: es.did, thumbprint: await calculateJwkThumbprint(publicEdJwk), issuerThumbprint: await calculateJwkThumbprint(es.publicJwk) },
    });
  });

  it('a did:jwk issuer that holds no JWK at all: KEY_NOT_ISSUERS, with the resolver’s words', async () => {
    const issuer = `did:jwk:${Buffer.from('not json').toString('base64url')}`;
    const found = await checkJwt(await jwt(credentialOf(issuer), { alg: 'EdDSA', jwk: publicEdJwk as JsonObject }, edKey), offline());
    expect(found.binding).toEqual({
      id: 'issuer-key',
      outcome: 'failed',
      code: 'KEY_NOT_ISSUERS',
      data: { binding: 'self-certifying', issuer, thumbprint: await calculateJwkThumbprint(publicEdJwk), detail: 'did:jwk does not hold a JSON Web Key' },
    });
  });

  it('a did:jwk issuer whose key is for encryption: KEY_NOT_AUTHORIZED', async () => {
    const issuer = didJwkOf({ ...(es.publicJwk as JsonObject), use: 'enc' });
    const found = await checkJwt(await jwt(credentialOf(issuer), { alg: 'EdDSA', jwk: publicEdJwk as JsonObject }, edKey), offline());
    expect(found.binding).toMatchObject({ outcome: 'failed', code: 'KEY_NOT_AUTHORIZED' });
  });

  it('only a bare did:key / did:jwk is its own authority (not one with a path or fragment, not one inside another string)', async () => {
    for (const issuer of [`x${ed.did}`, `${ed.did}/path`, `${ed.did}#frag`]) {
      const found = await checkJwt(await jwt(credentialOf(issuer), { alg: 'EdDSA', jwk: publicEdJwk as JsonObject }, edKey), offline());
      expect(found.binding).toEqual({ id: 'issuer-key', outcome: 'not-checked', reason: 'unsupported', code: 'KEY_IN_HEADER_ONLY', data: { binding: 'header', issuer } });
    }
  });

  it('a did:jwk issuer of a key type not supported: not-checked (unsupported), never failed', async () => {
    const issuer = didJwkOf({ kty: 'OKP', crv: 'X25519', x: publicEdJwk.x as string });
    const found = await checkJwt(await jwt(credentialOf(issuer), { alg: 'EdDSA', jwk: publicEdJwk as JsonObject }, edKey), offline());
    expect(found.binding).toMatchObject({ id: 'issuer-key', outcome: 'not-checked', reason: 'unsupported', code: 'KEY_IN_HEADER_ONLY', data: { binding: 'self-certifying', issuer } });
  });
});

describe('binding a header key through the issuer’s JWKS', () => {
  const origin = 'https://jwks.mutants.tsumiki.test';
  const issuer = `${origin}/issuers/1`;
  const jwksUrl = `${origin}/.well-known/jwks.json`;

  async function bind(world: World | undefined, who = issuer, online = true) {
    const env = world ? world.env({ online }) : createEnv({ now: NOW, remote: createRemote({ online, fetch: async () => Promise.reject(new Error('connection refused')) }) });
    const found = await checkJwt(await jwt(credentialOf(who), { alg: 'EdDSA', jwk: publicEdJwk as JsonObject }, edKey), env);
    expect(found.check.outcome).toBe('passed');
    return found.binding;
  }

  it('an issuer that is not an https URL has no JWKS to ask: unsupported, and nothing is fetched', async () => {
    for (const who of ['http://jwks.mutants.tsumiki.test/issuers/1', 'urn:example:https://jwks.mutants.tsumiki.test']) {
      const world = new World();
      expect(await bind(world, who)).toEqual({ id: 'issuer-key', outcome: 'not-checked', reason: 'unsupported', code: 'KEY_IN_HEADER_ONLY', data: { binding: 'header', issuer: who } });
      expect(world.requests).toEqual([]);
    }
  });

  it('an issuer that starts like an https URL but is none has no origin: unsupported, and nothing is fetched', async () => {
    const world = new World();
    expect(await bind(world, 'https://')).toEqual({ id: 'issuer-key', outcome: 'not-checked', reason: 'unsupported', code: 'KEY_IN_HEADER_ONLY', data: { binding: 'header', issuer: 'https://' } });
    expect(world.requests).toEqual([]);
  });

  it('offline: not-checked, offline', async () => {
    expect(await bind(new World(), issuer, false)).toEqual({ id: 'issuer-key', outcome: 'not-checked', reason: 'offline', code: 'KEY_IN_HEADER_ONLY', data: { binding: 'header', issuer } });
  });

  it('the fetch fails: not-checked, error', async () => {
    expect(await bind(undefined)).toEqual({ id: 'issuer-key', outcome: 'not-checked', reason: 'error', code: 'KEY_IN_HEADER_ONLY', data: { binding: 'header', issuer } });
  });

  it('a JWKS served with a 404 (even one listing the key) or no JSON key set says nothing', async () => {
    const listed = { keys: [publicEdJwk] };
    expect(await bind(new World().serve(jwksUrl, listed, { status: 404 }))).toEqual({
      id: 'issuer-key',
      outcome: 'not-checked',
      reason: 'error',
      code: 'KEY_IN_HEADER_ONLY',
      data: { binding: 'header', issuer, url: jwksUrl, status: 404 },
    });
    expect(await bind(new World().serve(jwksUrl, 'not json'))).toMatchObject({ outcome: 'not-checked', code: 'KEY_IN_HEADER_ONLY', data: { status: 200 } });
    expect(await bind(new World().serve(jwksUrl, { keys: 'none' }))).toMatchObject({ outcome: 'not-checked', code: 'KEY_IN_HEADER_ONLY' });
  });

  it('a JWKS that lists the key (among junk entries): passed, with when it was fetched', async () => {
    expect(await bind(new World().serve(jwksUrl, { keys: ['junk', { kty: 'nonsense' }, es.publicJwk, publicEdJwk] }))).toEqual({
      id: 'issuer-key',
      outcome: 'passed',
      code: 'KEY_IS_ISSUERS',
      data: { binding: 'jwks', issuer, fetchedAt: NOW.toISOString(), fromCache: false },
    });
  });

  it('the JWKS is asked for as a JWK set', async () => {
    const asked: Array<[string, string | undefined]> = [];
    const w = new World().serve(jwksUrl, { keys: [publicEdJwk] });
    const env = createEnv({ now: NOW, remote: createRemote({ online: true, now: () => NOW, fetch: async (url, init) => (asked.push([url, init.headers.accept]), w.fetch(url, init)) }) });
    await checkJwt(await jwt(credentialOf(issuer), { alg: 'EdDSA', jwk: publicEdJwk as JsonObject }, edKey), env);
    expect(asked).toEqual([[jwksUrl, 'application/jwk-set+json, application/json']]);
  });

  it('a JWKS that does not list the key: failed, through the JWKS', async () => {
    expect(await bind(new World().serve(jwksUrl, { keys: [es.publicJwk] }))).toEqual({ id: 'issuer-key', outcome: 'failed', code: 'KEY_NOT_ISSUERS', data: { binding: 'jwks', issuer } });
  });
});

describe('mutants: proof-jwt.ts (which kid is resolved, which header key is used)', () => {
  it('a kid that is not a string is no kid: the header key verifies and the proof says so', async () => {
    const found = await checkJwt(await jwt(credentialOf(ed.did), { alg: 'EdDSA', kid: 7, jwk: publicEdJwk as JsonObject }, edKey), offline());
    expect(found.check).toEqual({ id: 'proof', outcome: 'passed', code: 'PROOF_VALID', data: { suite: 'VC-JWT EdDSA', key: 'header-jwk' } });
  });

  it.each(['key-1', 'urn:example:did:key:z6Mk', 'urn:example:https://keys.mutants.tsumiki.test/k'])(
    'a kid that is no DID or URL (%s) is not resolved: without a header jwk there is no key',
    async (kid) => {
      const found = await checkJwt(await jwt(credentialOf(ed.did), { alg: 'EdDSA', kid }, edKey), offline());
      expect(found.check).toEqual({ id: 'proof', outcome: 'failed', code: 'KEY_NOT_FOUND', data: { detail: 'the JOSE header has neither a resolvable kid nor a jwk' } });
    },
  );

  it('an http kid is resolved like an https one: offline it is not-checked, naming the kid', async () => {
    const kid = 'http://keys.mutants.tsumiki.test/plain#key-1';
    const found = await checkJwt(await jwt(credentialOf('http://keys.mutants.tsumiki.test/plain'), { alg: 'EdDSA', kid }, edKey), offline());
    expect(found.check).toEqual({ id: 'proof', outcome: 'not-checked', reason: 'offline', code: 'NEEDS_NETWORK', data: { kid, detail: 'http://keys.mutants.tsumiki.test/plain could not be fetched' } });
  });

  it('a header jwk that is not an object is no key: KEY_NOT_FOUND, not a key jose is asked to import', async () => {
    for (const jwk of ['not a key', ['kty', 'OKP'], 42]) {
      const found = await checkJwt(await jwt(credentialOf(ed.did), { alg: 'EdDSA', jwk }, edKey), offline());
      expect(found.check).toEqual({ id: 'proof', outcome: 'failed', code: 'KEY_NOT_FOUND', data: { detail: 'the JOSE header has neither a resolvable kid nor a jwk' } });
    }
  });

  it('an unexpected error while resolving the kid is not turned into a key verdict: it propagates', async () => {
    const boom = new TypeError('the remote broke');
    const env = createEnv({ now: NOW, remote: { online: true, get: async () => Promise.reject(boom) } });
    const kid = 'https://keys.mutants.tsumiki.test/issuer#key-1';
    await expect(checkJwt(await jwt(credentialOf('https://keys.mutants.tsumiki.test/issuer'), { alg: 'EdDSA', kid }, edKey), env)).rejects.toBe(boom);
  });
});
