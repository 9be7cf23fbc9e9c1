/**
 * Issue 11, classes 3 and 5 and the JWT_CLAIM_MISMATCH item of class 9: what a VC-JWT proves.
 *
 * - did:jwk (class 5): the DID is the key, so it is its own authority. A header `jwk` whose RFC 7638
 *   thumbprint equals the issuer's did:jwk (or did:key) key is the issuer's; a different one is provably
 *   not. Any JOSE key type (RSA, P-256, P-384, Ed25519) in a did:jwk `kid` verifies a VC-JWT, although
 *   Data Integrity suites still need a Multikey.
 * - exp / nbf (class 3): `jwtPeriod` turns the verified claims into the period the validity check reads
 *   (the pipeline-level assertions are in jwt-truth-pipeline.test.ts, which needs the pipeline wiring).
 * - JWT_CLAIM_MISMATCH (class 9): each registered claim that disagrees with the credential fails the proof.
 *
 * Every key is generated here; `now` is pinned (NOW = 2026-06-01) and the network is a fake (`World`).
 */
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject, ParsedCredential } from '../../../src/lib/model/credential.ts';
import type { Check, CheckId } from '../../../src/lib/model/verification.ts';
import { KeyResolutionError, resolveVerificationMethod } from '../../../src/lib/verify/keys.ts';
import { verifyBytes, type Verification } from '../../../src/lib/verify/pipeline.ts';
import { checkJwt, jwtPeriod } from '../../../src/lib/verify/steps/proof-jwt.ts';
import { createRemote } from '../../../src/lib/verify/remote.ts';
import {
  didJwkOf,
  generateDidJwk,
  generateDidKey,
  hashedEmail,
  ob3Credential,
  RECIPIENT_EMAIL,
  signJws,
  SUBJECT_ID,
  trusting,
  VALID_FROM,
  VALID_UNTIL,
  vcJwtPayload,
  World,
  type DidJwkAlg,
  type DidJwkKey,
} from '../../support/issuer.ts';

const VC_V1 = 'https://www.w3.org/2018/credentials/v1';
const seconds = (iso: string) => Date.parse(iso) / 1000;

let identityHash: string;
beforeAll(async () => {
  identityHash = await hashedEmail(RECIPIENT_EMAIL, 'kombu');
});

let serial = 0;
/** An OB 3.0 credential (no status entry, so a valid one is `verified` offline) issued by `issuerId`. */
const credentialOf = (issuerId: string, extra: Partial<Parameters<typeof ob3Credential>[0]> = {}) =>
  ob3Credential({ id: `urn:tsumiki:jwt-truth:${++serial}`, issuerId, identityHash, ...extra });

/**
 * Verified offline in `world`. `trusted`: issuers the user trusts — a self-made did:key/did:jwk issuer is
 * `verified` only when trusted (issue 12), so the tests that expect `verified` name their issuer here.
 */
async function verifyJws(jws: string, world = new World(), trusted: readonly string[] = []): Promise<Verification> {
  const result = await verifyBytes(new TextEncoder().encode(jws), world.env({ online: false, trust: trusting(trusted) }));
  const first = result.credentials[0];
  if (!first) throw new Error(`not read as a credential: ${JSON.stringify(result.error)}`);
  return first.verification;
}

const check = (report: Verification, id: CheckId): Check | undefined => report.checks.find((c) => c.id === id);

const parsedJwt = (jws: string, credential: JsonObject): ParsedCredential => ({
  format: 'ob3-jwt',
  container: 'jws',
  credential,
  jws,
  bytes: new TextEncoder().encode(jws),
});

const ALGS: readonly DidJwkAlg[] = ['EdDSA', 'ES256', 'ES384', 'RS256'];

describe('did:jwk issuer, key in the JOSE header (class 5)', () => {
  const keys = new Map<DidJwkAlg, DidJwkKey>();
  beforeAll(async () => {
    for (const alg of ALGS) keys.set(alg, await generateDidJwk(alg));
  });
  const key = (alg: DidJwkAlg) => keys.get(alg) as DidJwkKey; // why: filled for every alg in beforeAll

  for (const alg of ALGS) {
    it(`${alg}: the header jwk is the issuer's did:jwk key → issuer-key passed, verified`, async () => {
      const k = key(alg);
      const jws = await signJws(vcJwtPayload(credentialOf(k.did)), { alg, typ: 'JWT', jwk: k.publicJwk as JsonObject }, k.privateKey);
      const report = await verifyJws(jws, new World(), [k.did]);
      expect(check(report, 'proof')).toMatchObject({ outcome: 'passed', code: 'PROOF_VALID' });
      expect(check(report, 'issuer-key')).toMatchObject({ outcome: 'passed', code: 'KEY_IS_ISSUERS', data: { binding: 'self-certifying', issuer: k.did } });
      expect(report.verdict).toBe('verified');
    });

    it(`${alg}: a header jwk that is not the issuer's did:jwk key → issuer-key failed KEY_NOT_ISSUERS`, async () => {
      const issuer = key(alg);
      const other = await generateDidJwk(alg);
      const jws = await signJws(vcJwtPayload(credentialOf(issuer.did)), { alg, typ: 'JWT', jwk: other.publicJwk as JsonObject }, other.privateKey);
      const report = await verifyJws(jws);
      expect(check(report, 'proof')).toMatchObject({ outcome: 'passed' });
      expect(check(report, 'issuer-key')).toMatchObject({ outcome: 'failed', code: 'KEY_NOT_ISSUERS' });
      expect(report.verdict).toBe('failed');
    });
  }

  it('the same key written differently (member order, alg/use/kid members) has the same thumbprint → passed', async () => {
    const k = key('ES256');
    const { x, y, crv, kty } = k.publicJwk;
    const reordered = { y, x, crv, kty, alg: 'ES256', use: 'sig', kid: 'any-label' } as JsonObject; // why: all members are strings
    const jws = await signJws(vcJwtPayload(credentialOf(k.did)), { alg: 'ES256', jwk: reordered }, k.privateKey);
    expect(check(await verifyJws(jws), 'issuer-key')).toMatchObject({ outcome: 'passed', code: 'KEY_IS_ISSUERS' });
  });

  it('a key of another type than the issuer’s (RSA header, Ed25519 did:jwk) → KEY_NOT_ISSUERS', async () => {
    const rsa = key('RS256');
    const jws = await signJws(vcJwtPayload(credentialOf(key('EdDSA').did)), { alg: 'RS256', jwk: rsa.publicJwk as JsonObject }, rsa.privateKey);
    expect(check(await verifyJws(jws), 'issuer-key')).toMatchObject({ outcome: 'failed', code: 'KEY_NOT_ISSUERS' });
  });

  it('an issuer did:jwk that is not a JWK cannot own any key → KEY_NOT_ISSUERS', async () => {
    const k = key('EdDSA');
    const jws = await signJws(vcJwtPayload(credentialOf('did:jwk:bm90LWpzb24')), { alg: 'EdDSA', jwk: k.publicJwk as JsonObject }, k.privateKey);
    expect(check(await verifyJws(jws), 'issuer-key')).toMatchObject({ outcome: 'failed', code: 'KEY_NOT_ISSUERS' });
  });

  it('a kid and a header jwk naming two different keys → proof failed PROOF_INVALID (which one signed is unproven)', async () => {
    const k = key('EdDSA');
    const other = await generateDidJwk('EdDSA');
    const jws = await signJws(vcJwtPayload(credentialOf(k.did)), { alg: 'EdDSA', kid: k.vm, jwk: other.publicJwk as JsonObject }, k.privateKey);
    expect(check(await verifyJws(jws), 'proof')).toMatchObject({ outcome: 'failed', code: 'PROOF_INVALID' });
    const agreeing = await signJws(vcJwtPayload(credentialOf(k.did)), { alg: 'EdDSA', kid: k.vm, jwk: k.publicJwk as JsonObject }, k.privateKey);
    expect(check(await verifyJws(agreeing), 'issuer-key')).toMatchObject({ outcome: 'passed' });
  });

  it('a header jwk marked for encryption (`use: enc`) verifies nothing → proof failed PROOF_INVALID', async () => {
    const k = key('ES256');
    const jws = await signJws(vcJwtPayload(credentialOf(k.did)), { alg: 'ES256', jwk: { ...(k.publicJwk as JsonObject), use: 'enc' } }, k.privateKey);
    expect(check(await verifyJws(jws), 'proof')).toMatchObject({ outcome: 'failed', code: 'PROOF_INVALID' });
  });

  it('an issuer did:jwk for encryption only signs nothing, even with its own key in the header → KEY_NOT_AUTHORIZED', async () => {
    const k = key('ES256');
    const did = didJwkOf({ ...(k.publicJwk as JsonObject), use: 'enc' });
    const jws = await signJws(vcJwtPayload(credentialOf(did)), { alg: 'ES256', jwk: k.publicJwk as JsonObject }, k.privateKey);
    expect(check(await verifyJws(jws), 'issuer-key')).toMatchObject({ outcome: 'failed', code: 'KEY_NOT_AUTHORIZED' });
  });

  it('a header jwk holding a private key is refused: proof failed PROOF_INVALID', async () => {
    const { privateKey } = await generateKeyPair('EdDSA', { extractable: true });
    const privateJwk = await exportJWK(privateKey);
    const did = didJwkOf({ kty: privateJwk.kty, crv: privateJwk.crv, x: privateJwk.x } as JsonObject); // why: the public members are strings
    const jws = await signJws(vcJwtPayload(credentialOf(did)), { alg: 'EdDSA', jwk: privateJwk as JsonObject }, privateKey);
    expect(check(await verifyJws(jws), 'proof')).toMatchObject({ outcome: 'failed', code: 'PROOF_INVALID' });
  });
});

describe('did:key issuer, key in the JOSE header (class 5)', () => {
  it('the header jwk is the issuer’s did:key → passed; another key → failed KEY_NOT_ISSUERS', async () => {
    for (const curve of ['Ed25519', 'P-256'] as const) {
      const issuer = await generateDidKey(curve);
      const alg = curve === 'Ed25519' ? 'EdDSA' : 'ES256';
      const publicOf = ({ kty, crv, x, y }: JWK) => ({ kty, crv, x, ...(y ? { y } : {}) }) as JsonObject; // why: all members are strings
      const publicJwk = publicOf(issuer.privateJwk);
      const privateKey = (await importJWK(issuer.privateJwk, alg)) as CryptoKey; // why: a private asymmetric JWK imports as a CryptoKey
      const own = await signJws(vcJwtPayload(credentialOf(issuer.did)), { alg, jwk: publicJwk }, privateKey);
      const ownReport = await verifyJws(own, new World(), [issuer.did]);
      expect(check(ownReport, 'issuer-key'), curve).toMatchObject({ outcome: 'passed', code: 'KEY_IS_ISSUERS', data: { binding: 'self-certifying' } });
      expect(ownReport.verdict).toBe('verified');

      const other = await generateDidKey(curve);
      const otherPublic = publicOf(other.privateJwk);
      const otherKey = (await importJWK(other.privateJwk, alg)) as CryptoKey; // why: as above
      const foreign = await signJws(vcJwtPayload(credentialOf(issuer.did)), { alg, jwk: otherPublic }, otherKey);
      expect(check(await verifyJws(foreign), 'issuer-key'), curve).toMatchObject({ outcome: 'failed', code: 'KEY_NOT_ISSUERS' });
    }
  });
});

describe('did:jwk `kid` (class 5)', () => {
  for (const alg of ALGS) {
    it(`${alg}: kid = did:jwk#0 of the issuer → proof passed, issuer-key passed`, async () => {
      const k = await generateDidJwk(alg);
      const jws = await signJws(vcJwtPayload(credentialOf(k.did)), { alg, typ: 'JWT', kid: k.vm }, k.privateKey);
      const report = await verifyJws(jws, new World(), [k.did]);
      expect(check(report, 'proof')).toMatchObject({ outcome: 'passed', code: 'PROOF_VALID', data: { suite: `VC-JWT ${alg}`, kid: k.vm } });
      expect(check(report, 'issuer-key')).toMatchObject({ outcome: 'passed', code: 'KEY_IS_ISSUERS', data: { binding: 'self-certifying' } });
      expect(report.verdict).toBe('verified');
    });
  }

  it('RS256: signed by another key than the kid names → SIGNATURE_MISMATCH', async () => {
    const k = await generateDidJwk('RS256');
    const other = await generateDidJwk('RS256');
    const jws = await signJws(vcJwtPayload(credentialOf(k.did)), { alg: 'RS256', kid: k.vm }, other.privateKey);
    expect(check(await verifyJws(jws), 'proof')).toMatchObject({ outcome: 'failed', code: 'SIGNATURE_MISMATCH' });
  });

  it('RS256: kid is someone else’s did:jwk → issuer-key failed KEY_NOT_ISSUERS', async () => {
    const k = await generateDidJwk('RS256');
    const issuer = await generateDidJwk('RS256');
    const jws = await signJws(vcJwtPayload(credentialOf(issuer.did)), { alg: 'RS256', kid: k.vm }, k.privateKey);
    const report = await verifyJws(jws);
    expect(check(report, 'proof')).toMatchObject({ outcome: 'passed' });
    expect(check(report, 'issuer-key')).toMatchObject({ outcome: 'failed', code: 'KEY_NOT_ISSUERS' });
  });

  it('a JWS alg the key does not allow (its `alg` member says otherwise) → proof failed PROOF_INVALID', async () => {
    const k = await generateDidJwk('RS256');
    const did = didJwkOf({ ...(k.publicJwk as JsonObject), alg: 'PS256' });
    const jws = await signJws(vcJwtPayload(credentialOf(did)), { alg: 'RS256', kid: `${did}#0` }, k.privateKey);
    expect(check(await verifyJws(jws), 'proof')).toMatchObject({ outcome: 'failed', code: 'PROOF_INVALID' });
  });

  it('a did:jwk for encryption only (`use: enc`) has no assertion method → proof failed KEY_NOT_AUTHORIZED', async () => {
    const k = await generateDidJwk('ES256');
    const did = didJwkOf({ ...(k.publicJwk as JsonObject), use: 'enc' });
    const jws = await signJws(vcJwtPayload(credentialOf(did)), { alg: 'ES256', kid: `${did}#0` }, k.privateKey);
    expect(check(await verifyJws(jws), 'proof')).toMatchObject({ outcome: 'failed', code: 'KEY_NOT_AUTHORIZED' });
  });

  it('a did:jwk holding private key parts is not a valid did:jwk → proof failed KEY_NOT_FOUND', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    const did = didJwkOf((await exportJWK(privateKey)) as JsonObject); // why: a JWK is a JSON record
    const jws = await signJws(vcJwtPayload(credentialOf(did)), { alg: 'ES256', kid: `${did}#0` }, privateKey);
    expect(check(await verifyJws(jws), 'proof')).toMatchObject({ outcome: 'failed', code: 'KEY_NOT_FOUND' });
  });

  it('a did:jwk fragment other than #0 names no method → KEY_NOT_FOUND', async () => {
    const k = await generateDidJwk('EdDSA');
    const jws = await signJws(vcJwtPayload(credentialOf(k.did)), { alg: 'EdDSA', kid: `${k.did}#1` }, k.privateKey);
    expect(check(await verifyJws(jws), 'proof')).toMatchObject({ outcome: 'failed', code: 'KEY_NOT_FOUND' });
  });
});

describe('did:web `kid` for a VC-JWT', () => {
  const DID = 'did:web:jwt.issuer.tsumiki.test';
  const DOC_URL = 'https://jwt.issuer.tsumiki.test/.well-known/did.json';
  const docWith = (publicKeyJwk: JWK, purposes: { assertionMethod?: boolean }) => ({
    '@context': ['https://www.w3.org/ns/did/v1'],
    id: DID,
    verificationMethod: [{ id: `${DID}#rsa-1`, type: 'JsonWebKey', controller: DID, publicKeyJwk }],
    ...(purposes.assertionMethod ? { assertionMethod: [`${DID}#rsa-1`] } : { authentication: [`${DID}#rsa-1`] }),
  });
  const verifyOnline = async (jws: string, world: World) => {
    const result = await verifyBytes(new TextEncoder().encode(jws), world.env());
    return result.credentials[0]?.verification as Verification; // why: a VC-JWT reads as one credential
  };

  it('an RSA publicKeyJwk listed for assertions verifies an RS256 VC-JWT and binds it to the DID', async () => {
    const k = await generateDidJwk('RS256');
    const world = new World().serve(DOC_URL, docWith(k.publicJwk, { assertionMethod: true }));
    const jws = await signJws(vcJwtPayload(credentialOf(DID)), { alg: 'RS256', kid: `${DID}#rsa-1` }, k.privateKey);
    const report = await verifyOnline(jws, world);
    expect(check(report, 'issuer-key')).toMatchObject({ outcome: 'passed', code: 'KEY_IS_ISSUERS', data: { binding: 'resolved' } });
    expect(report.verdict).toBe('verified');
  });

  it('a key listed only for authentication signs no credential → KEY_NOT_AUTHORIZED, even with the key in the header too', async () => {
    const k = await generateDidJwk('RS256');
    const world = new World().serve(DOC_URL, docWith(k.publicJwk, {}));
    const extras: JsonObject[] = [{}, { jwk: k.publicJwk as JsonObject }]; // why: a public JWK is a JSON record
    for (const extra of extras) {
      const jws = await signJws(vcJwtPayload(credentialOf(DID)), { alg: 'RS256', kid: `${DID}#rsa-1`, ...extra }, k.privateKey);
      expect(check(await verifyOnline(jws, world), 'proof')).toMatchObject({ outcome: 'failed', code: 'KEY_NOT_AUTHORIZED' });
    }
  });
});

describe('key resolution for JWS vs Data Integrity', () => {
  const offline = createRemote({ online: false });

  it('jws use: a did:jwk RSA key resolves to its public JWK, bound to the DID', async () => {
    const k = await generateDidJwk('RS256');
    const resolved = await resolveVerificationMethod(k.vm, offline, 'jws');
    expect(resolved).toMatchObject({ controller: k.did, binding: 'self-certifying', jwk: { kty: 'RSA', n: k.publicJwk.n, e: k.publicJwk.e } });
    expect(resolved.jwk && 'd' in resolved.jwk).toBe(false);
  });

  it('Data Integrity use (the default): an RSA did:jwk is still UNSUPPORTED_KEY, as no DI suite takes RSA', async () => {
    const k = await generateDidJwk('RS256');
    const error = await resolveVerificationMethod(k.vm, offline).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeyResolutionError);
    expect(error).toMatchObject({ outcome: 'not-checked', code: 'UNSUPPORTED_KEY' });
  });

  it('did:key and Multikey did:jwk methods carry the same public JWK as the key they name', async () => {
    const dk = await generateDidKey('P-256');
    const fromKey = await resolveVerificationMethod(dk.vm, offline, 'jws');
    const { kty, crv, x, y } = dk.privateJwk;
    expect(await calculateJwkThumbprint(fromKey.jwk as JWK)).toBe(await calculateJwkThumbprint({ kty, crv, x, y }));
    const jk = await generateDidJwk('ES384');
    const fromJwk = await resolveVerificationMethod(jk.vm, offline);
    expect(fromJwk.method).toMatchObject({ type: 'Multikey', controller: jk.did });
    expect(await calculateJwkThumbprint(fromJwk.jwk as JWK)).toBe(await calculateJwkThumbprint(jk.publicJwk));
  });
});

describe('jwtPeriod: exp and nbf as a validity period (class 3)', () => {
  it('NumericDate seconds become ISO 8601 UTC strings', () => {
    expect(jwtPeriod({ nbf: seconds(VALID_FROM), exp: seconds(VALID_UNTIL) })).toEqual({
      from: { field: 'nbf', value: '2025-01-01T00:00:00Z' },
      until: { field: 'exp', value: '2030-01-01T00:00:00Z' },
    });
    expect(jwtPeriod({ exp: 1767225600.25 })).toEqual({ until: { field: 'exp', value: '2026-01-01T00:00:00.250Z' } });
  });

  it('no claims: no period; other claims are not dates', () => {
    expect(jwtPeriod({})).toEqual({});
    expect(jwtPeriod({ iat: 1, vc: { expirationDate: '2020-01-01T00:00:00Z' } })).toEqual({});
  });

  it('VC 1.1: exp/nbf are top-level claims beside `vc`', () => {
    expect(jwtPeriod({ vc: { '@context': [VC_V1] }, nbf: 0, exp: 1767225600 })).toEqual({
      from: { field: 'nbf', value: '1970-01-01T00:00:00Z' },
      until: { field: 'exp', value: '2026-01-01T00:00:00Z' },
    });
  });

  it('a claim that is not a finite NumericDate is named as invalid, the other still read', () => {
    expect(jwtPeriod({ exp: '1767225600', nbf: 0 })).toEqual({ from: { field: 'nbf', value: '1970-01-01T00:00:00Z' }, invalid: 'exp' });
    expect(jwtPeriod({ nbf: null })).toEqual({ invalid: 'nbf' });
    expect(jwtPeriod({ exp: true })).toEqual({ invalid: 'exp' });
    // JSON.parse reads 1e400 as Infinity, so a non-finite number is reachable from bytes.
    expect(jwtPeriod(JSON.parse('{"exp": 1e400}') as JsonObject)).toEqual({ invalid: 'exp' });
    expect(jwtPeriod({ exp: Number.NaN })).toEqual({ invalid: 'exp' });
    // Finite, but beyond any date (±8.64e12 s): not a NumericDate either.
    expect(jwtPeriod({ exp: 1e20 })).toEqual({ invalid: 'exp' });
  });

  it('checkJwt returns the verified claims as `payload`, and jwtPeriod reads them', async () => {
    const k = await generateDidJwk('EdDSA');
    const credential = credentialOf(k.did, { validUntil: null });
    const payload = { ...vcJwtPayload(credential), exp: seconds('2026-01-01T00:00:00Z') };
    const jws = await signJws(payload, { alg: 'EdDSA', kid: k.vm }, k.privateKey);
    const finding = await checkJwt(parsedJwt(jws, credential), new World().env({ online: false }));
    expect(finding.check).toMatchObject({ outcome: 'passed' });
    expect(finding.payload).toEqual(payload);
    expect(jwtPeriod(finding.payload as JsonObject)).toMatchObject({ until: { field: 'exp', value: '2026-01-01T00:00:00Z' } });
  });

  it('a proof that fails carries no payload: unverified claims are never read', async () => {
    const k = await generateDidJwk('EdDSA');
    const other = await generateDidJwk('EdDSA');
    const credential = credentialOf(k.did);
    const jws = await signJws(vcJwtPayload(credential), { alg: 'EdDSA', kid: k.vm }, other.privateKey);
    const finding = await checkJwt(parsedJwt(jws, credential), new World().env({ online: false }));
    expect(finding.check).toMatchObject({ outcome: 'failed', code: 'SIGNATURE_MISMATCH' });
    expect(finding.payload).toBeUndefined();
  });
});

describe('JWT_CLAIM_MISMATCH: each registered claim must agree with the credential (class 9)', () => {
  let k: DidJwkKey;
  beforeAll(async () => {
    k = await generateDidJwk('ES256');
  });

  const signedWith = async (change: (payload: JsonObject) => JsonObject, credential = credentialOf(k.did)) =>
    verifyJws(await signJws(change(vcJwtPayload(credential)), { alg: 'ES256', typ: 'JWT', kid: k.vm }, k.privateKey));

  it('the plain payload agrees: proof passed', async () => {
    expect(check(await signedWith((p) => p), 'proof')).toMatchObject({ outcome: 'passed', code: 'PROOF_VALID' });
  });

  const cases: ReadonlyArray<[string, (p: JsonObject) => JsonObject]> = [
    ['iss', (p) => ({ ...p, iss: 'did:example:someone-else' })],
    ['jti', (p) => ({ ...p, jti: 'urn:tsumiki:another-credential' })],
    ['sub', (p) => ({ ...p, sub: 'did:example:another-learner' })],
    ['nbf', (p) => ({ ...p, nbf: seconds(VALID_FROM) - 1 })],
    ['exp', (p) => ({ ...p, exp: seconds(VALID_UNTIL) + 1 })],
  ];
  for (const [claim, change] of cases) {
    it(`${claim} differs → proof failed JWT_CLAIM_MISMATCH naming ${claim}, verdict failed`, async () => {
      const report = await signedWith(change);
      expect(check(report, 'proof')).toEqual({ id: 'proof', outcome: 'failed', code: 'JWT_CLAIM_MISMATCH', data: { claim } });
      expect(report.verdict).toBe('failed');
    });
  }

  it('a fractional NumericDate for the same second agrees (NumericDate may be non-integer)', async () => {
    const report = await signedWith((p) => ({ ...p, nbf: seconds(VALID_FROM) + 0.5 }));
    expect(check(report, 'proof')).toMatchObject({ outcome: 'passed' });
  });

  it('VC 1.1 `vc` claim: iss against vc.issuer, sub against vc.credentialSubject.id', async () => {
    const vc: JsonObject = {
      '@context': [VC_V1],
      type: ['VerifiableCredential'],
      issuer: k.did,
      issuanceDate: VALID_FROM,
      credentialSubject: { id: SUBJECT_ID },
    };
    const payload = { vc, iss: k.did, sub: SUBJECT_ID, nbf: seconds(VALID_FROM) };
    const sign = (p: JsonObject) => signJws(p, { alg: 'ES256', kid: k.vm }, k.privateKey);
    expect(check(await verifyJws(await sign(payload)), 'proof')).toMatchObject({ outcome: 'passed' });
    expect(check(await verifyJws(await sign({ ...payload, iss: 'did:example:other' })), 'proof')).toMatchObject({ code: 'JWT_CLAIM_MISMATCH', data: { claim: 'iss' } });
    expect(check(await verifyJws(await sign({ ...payload, sub: 'did:example:other' })), 'proof')).toMatchObject({ code: 'JWT_CLAIM_MISMATCH', data: { claim: 'sub' } });
  });
});
