/**
 * Issue 11, class 3, at the pipeline: a VC-JWT's `exp` and `nbf` are compared with the clock.
 *
 * These assertions need the pipeline to feed `jwtPeriod(finding.payload)` (proof-jwt.ts) into the
 * validity-period check, the stricter of the JWT claims and the credential's own dates winning, with
 * the same clock skew. Until that wiring lands they fail: an expired-by-`exp` JWT is "verified".
 * The pure parts (jwtPeriod, the verified payload, JWT_CLAIM_MISMATCH) are in jwt-truth.test.ts.
 *
 * `now` is pinned (NOW = 2026-06-01, skew 300 s); every key is generated here.
 */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/lib/model/credential.ts';
import type { Check } from '../../../src/lib/model/verification.ts';
import { createEnv, type VerifyEnv } from '../../../src/lib/verify/env.ts';
import { verifyBytes, type Verification } from '../../../src/lib/verify/pipeline.ts';
import { createRemote } from '../../../src/lib/verify/remote.ts';
import { generateDidJwk, hashedEmail, NOW, ob3Credential, RECIPIENT_EMAIL, signJws, SUBJECT_ID, trusting, VALID_FROM, vcJwtPayload, World } from '../../support/issuer.ts';

const VC_V1 = 'https://www.w3.org/2018/credentials/v1';
const VC_V2 = 'https://www.w3.org/ns/credentials/v2';
const seconds = (iso: string) => Date.parse(iso) / 1000;
const NOW_S = NOW.getTime() / 1000;

/** Sign `payload` with a fresh did:jwk key named by `kid`, its issuer claims pointing at that DID. */
async function signed(build: (did: string) => JsonObject | Promise<JsonObject>): Promise<string> {
  const k = await generateDidJwk('ES256');
  return signJws(await build(k.did), { alg: 'ES256', typ: 'JWT', kid: k.vm }, k.privateKey);
}

async function verify(jws: string, env: VerifyEnv = new World().env({ online: false })): Promise<Verification> {
  const result = await verifyBytes(new TextEncoder().encode(jws), env);
  const first = result.credentials[0];
  if (!first) throw new Error(`not read as a credential: ${JSON.stringify(result.error)}`);
  return first.verification;
}

const validity = (report: Verification): Check | undefined => report.checks.find((c) => c.id === 'validity-period');

/** An OB 3.0 VC-JWT payload without validUntil (so only `exp` can say when it ends), plus `claims`. */
async function ob3Payload(did: string, claims: JsonObject): Promise<JsonObject> {
  const credential = ob3Credential({ id: 'urn:tsumiki:jwt-pipeline:1', issuerId: did, identityHash: await hashedEmail(RECIPIENT_EMAIL, 'kombu'), validUntil: null });
  return { ...vcJwtPayload(credential), ...claims };
}

/** A VC 1.1 JWT (`vc` claim) whose dates live in nbf/exp only, as VC-JWT 1.1 §6.3.1 allows. */
const vc11Payload = (did: string, claims: JsonObject): JsonObject => ({
  vc: { '@context': [VC_V1], type: ['VerifiableCredential'], issuer: did, credentialSubject: { id: SUBJECT_ID } },
  iss: did,
  sub: SUBJECT_ID,
  nbf: seconds(VALID_FROM),
  ...claims,
});

/** A VC 2.0 JWT with no validFrom/validUntil at all: `nbf`/`exp` are the only dates. */
const vc20Payload = (did: string, claims: JsonObject): JsonObject => ({
  '@context': [VC_V2],
  type: ['VerifiableCredential'],
  issuer: did,
  credentialSubject: { id: SUBJECT_ID },
  iss: did,
  ...claims,
});

describe('pipeline wiring', () => {
  it('control: exp in the future and nbf in the past → verified', async () => {
    // The did:jwk issuer is trusted: `verified` needs a proven issuer (issue 12).
    let issuer = '';
    const jws = await signed((did) => {
      issuer = did;
      return vc20Payload(did, { nbf: seconds(VALID_FROM), exp: seconds('2030-01-01T00:00:00Z') });
    });
    const report = await verify(jws, new World().env({ online: false, trust: trusting([issuer]) }));
    expect(validity(report)).toMatchObject({ outcome: 'passed', code: 'WITHIN_VALIDITY' });
    expect(report.verdict).toBe('verified');
  });

  it('OB 3.0 (VC 2.0 payload), exp before now, no validUntil → EXPIRED, failed', async () => {
    const jws = await signed((did) => ob3Payload(did, { exp: seconds('2026-01-01T00:00:00Z') }));
    const report = await verify(jws);
    expect(validity(report)).toMatchObject({ outcome: 'failed', code: 'EXPIRED' });
    expect(report.verdict).toBe('failed');
  });

  it('VC 1.1 `vc` claim, exp before now (no expirationDate) → EXPIRED, failed', async () => {
    const report = await verify(await signed((did) => vc11Payload(did, { exp: seconds('2026-01-01T00:00:00Z') })));
    expect(validity(report)).toMatchObject({ outcome: 'failed', code: 'EXPIRED' });
    expect(report.verdict).toBe('failed');
  });

  it('VC 2.0 payload, nbf after now (no validFrom) → NOT_YET_VALID, failed', async () => {
    const report = await verify(await signed((did) => vc20Payload(did, { nbf: seconds('2027-01-01T00:00:00Z') })));
    expect(validity(report)).toMatchObject({ outcome: 'failed', code: 'NOT_YET_VALID' });
    expect(report.verdict).toBe('failed');
  });

  it('VC 1.1 `vc` claim, nbf after now → NOT_YET_VALID, failed', async () => {
    const report = await verify(await signed((did) => vc11Payload(did, { nbf: seconds('2027-01-01T00:00:00Z') })));
    expect(validity(report)).toMatchObject({ outcome: 'failed', code: 'NOT_YET_VALID' });
    expect(report.verdict).toBe('failed');
  });

  it('the same clock skew as the credential dates: exp 60 s ago passes, exp 600 s ago is EXPIRED', async () => {
    const recent = await verify(await signed((did) => vc20Payload(did, { exp: NOW_S - 60 })));
    expect(validity(recent)).toMatchObject({ outcome: 'passed' });
    const old = await verify(await signed((did) => vc20Payload(did, { exp: NOW_S - 600 })));
    expect(validity(old)).toMatchObject({ outcome: 'failed', code: 'EXPIRED' });
  });

  it('exp that is not a NumericDate → DATE_INVALID naming exp, failed', async () => {
    const report = await verify(await signed((did) => vc20Payload(did, { exp: '2030-01-01' })));
    expect(validity(report)).toMatchObject({ outcome: 'failed', code: 'DATE_INVALID', data: { field: 'exp' } });
    expect(report.verdict).toBe('failed');
  });

  // claimMismatch compares whole seconds, so a JWT and its credential may name ends within the same
  // second. With no skew and `now` inside that second, only "the stricter end wins" gives EXPIRED.
  const END = '2026-01-01T00:00:00Z';
  const inside = (ms: number) => createEnv({ now: new Date(Date.parse(END) + ms), clockSkewSeconds: 0, remote: createRemote({ online: false }) });

  it('the stricter end wins: exp (…00.2) before the credential’s validUntil (…00.9) → EXPIRED at …00.5', async () => {
    const jws = await signed((did) => ({ ...vc20Payload(did, { exp: seconds(END) + 0.2 }), validUntil: '2026-01-01T00:00:00.900Z' }));
    expect(validity(await verify(jws, inside(500)))).toMatchObject({ outcome: 'failed', code: 'EXPIRED' });
  });

  it('the stricter end wins the other way too: validUntil (…00.2) before exp (…00.9) → EXPIRED at …00.5', async () => {
    const jws = await signed((did) => ({ ...vc20Payload(did, { exp: seconds(END) + 0.9 }), validUntil: '2026-01-01T00:00:00.200Z' }));
    expect(validity(await verify(jws, inside(500)))).toMatchObject({ outcome: 'failed', code: 'EXPIRED' });
  });
});
