/**
 * Issue 3: our own test issuer, every proof format × every container × every scenario.
 *
 * Keys are generated and credentials signed once per format (beforeAll). Every negative case is
 * the valid credential with one documented mutation:
 *
 * | scenario             | mutation                                                                   | expected                           |
 * | -------------------- | -------------------------------------------------------------------------- | ---------------------------------- |
 * | tampered name        | last character of the achievement name (OB 2.0: the assertion narrative)   | proof failed SIGNATURE_MISMATCH    |
 * | tampered subject     | last character of credentialSubject.id (OB 2.0: recipient.identity hash)   | proof failed SIGNATURE_MISMATCH    |
 * | tampered proof       | one character of proofValue (base58) or of the JWS signature (base64url)   | proof failed SIGNATURE_MISMATCH    |
 * | wrong key            | signed by a fresh key while the proof/kid/header/creator names the real one | proof failed SIGNATURE_MISMATCH    |
 * | key not the issuer's | issuer id is someone else (did:key / JWKS / OB 2.0 Profile not listing it)  | issuer-key failed KEY_NOT_ISSUERS  |
 * | expired              | validUntil (OB 2.0: expires) = 2026-01-01, before NOW                       | validity-period failed EXPIRED     |
 * | not yet valid        | validFrom (OB 2.0: issuedOn) = 2027-01-01, after NOW                        | validity-period failed NOT_YET_VALID |
 * | revoked              | status entry index 7 (set in the local list; OB 2.0: id on the list)        | status failed REVOKED              |
 * | revoked, offline     | the same credential, network off                                            | status not-checked NEEDS_NETWORK → incomplete |
 *
 * `now` is pinned through createEnv (NOW = 2026-06-01); the network is a fake fetch (`World`).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { base64url } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Check, CheckId } from '../../../src/lib/model/verification.ts';
import { verifyBytes, verifyParsed, type Verification } from '../../../src/lib/verify/pipeline.ts';
import {
  CONTAINERS,
  createTestIssuers,
  containerBytes,
  EXPIRED_UNTIL,
  FUTURE_FROM,
  generateDidKey,
  hashedEmail,
  ob3Credential,
  OTHER_EMAIL,
  PROOF_FORMATS,
  RECIPIENT_EMAIL,
  signDi,
  statusListCredential,
  tamperProof,
  tamperValue,
  textOf,
  World,
  type Container,
  type FormatIssuer,
  type ProofFormat,
  type Signed,
  type TestIssuers,
} from '../../support/issuer.ts';

const BASE_PNG = new Uint8Array(readFileSync(fileURLToPath(new URL('../../fixtures/ob2/1edtech-validator/assets/robotics-badge.png', import.meta.url))));

const check = (id: CheckId, outcome: Check['outcome'], code: Check['code'], extra: Record<string, unknown> = {}) =>
  expect.objectContaining({ id, outcome, code, ...extra });

let issuers: TestIssuers;
beforeAll(async () => {
  issuers = await createTestIssuers();
});

async function verifyIn(issuer: FormatIssuer, signed: Signed, container: Container, env = issuers.world.env()): Promise<Verification> {
  const result = await verifyBytes(containerBytes(signed, container, BASE_PNG, issuer.version), env);
  expect(result.error).toBeUndefined();
  expect(result.credentials).toHaveLength(1);
  const verification = result.credentials[0]!.verification; // why: length checked just above
  const carried = container === 'text' ? (signed.kind === 'json' ? 'json' : 'jws') : container;
  expect(verification.checks).toContainEqual(expect.objectContaining({ id: 'format', outcome: 'passed', data: expect.objectContaining({ container: carried }) }));
  return verification;
}

/** The format whose only key is in the JWT header: the signature is proven, the issuer is not. */
const HEADER_KEY_ONLY: ReadonlySet<ProofFormat> = new Set(['vc-jwt-RS256-jwk']);

interface Credentials {
  valid: Signed;
  revoked: Signed;
  impostor: Signed;
  foreign: Signed;
  expired: Signed;
  future: Signed;
}

describe.each(PROOF_FORMATS)('%s', (format) => {
  let issuer: FormatIssuer;
  let c: Credentials;
  beforeAll(async () => {
    issuer = issuers.formats[format];
    c = {
      valid: await issuer.issue({ status: 'not-revoked' }),
      revoked: await issuer.issue({ status: 'revoked' }),
      impostor: await issuer.issue({ impostor: true }),
      foreign: await issuer.issue({ foreignIssuer: true }),
      expired: await issuer.issue({ validUntil: EXPIRED_UNTIL }),
      future: await issuer.issue({ validFrom: FUTURE_FROM }),
    };
  });

  describe.each(CONTAINERS)('as %s', (container) => {
    if (HEADER_KEY_ONLY.has(format)) {
      it('valid → incomplete: the header key proves the signature, not the issuer (KEY_IN_HEADER_ONLY)', async () => {
        const report = await verifyIn(issuer, c.valid, container);
        expect(report.checks).toContainEqual(check('proof', 'passed', 'PROOF_VALID'));
        // The issuer's /.well-known/jwks.json is not published (404): nothing binds the key either way.
        expect(report.checks).toContainEqual(check('issuer-key', 'not-checked', 'KEY_IN_HEADER_ONLY', { reason: 'error' }));
        expect(report.checks).toContainEqual(check('status', 'passed', 'NOT_REVOKED'));
        expect(report.verdict).toBe('incomplete');
      });
    } else {
      it('valid → verified', async () => {
        const report = await verifyIn(issuer, c.valid, container);
        expect(report.checks).toContainEqual(check('proof', 'passed', 'PROOF_VALID'));
        expect(report.checks).toContainEqual(check('issuer-key', 'passed', 'KEY_IS_ISSUERS'));
        expect(report.checks).toContainEqual(check('validity-period', 'passed', 'WITHIN_VALIDITY'));
        expect(report.checks).toContainEqual(check('status', 'passed', 'NOT_REVOKED'));
        expect(report.verdict).toBe('verified');
      });
    }

    it('one byte of the name tampered → SIGNATURE_MISMATCH', async () => {
      const report = await verifyIn(issuer, tamperValue(c.valid, issuer.name), container);
      expect(report.checks).toContainEqual(check('proof', 'failed', 'SIGNATURE_MISMATCH'));
      expect(report.checks).toContainEqual(check('issuer-key', 'not-checked', 'PROOF_NOT_VERIFIED'));
      expect(report.checks).toContainEqual(check('status', 'not-checked', 'PROOF_NOT_VERIFIED'));
      expect(report.verdict).toBe('failed');
    });

    it('one byte of the subject tampered → SIGNATURE_MISMATCH', async () => {
      const report = await verifyIn(issuer, tamperValue(c.valid, issuer.subject), container);
      expect(report.checks).toContainEqual(check('proof', 'failed', 'SIGNATURE_MISMATCH'));
      expect(report.verdict).toBe('failed');
    });

    it('one character of the proof tampered → SIGNATURE_MISMATCH', async () => {
      const report = await verifyIn(issuer, tamperProof(c.valid), container);
      expect(report.checks).toContainEqual(check('proof', 'failed', 'SIGNATURE_MISMATCH'));
      expect(report.verdict).toBe('failed');
    });

    it('signed by another key than the one named → SIGNATURE_MISMATCH', async () => {
      const report = await verifyIn(issuer, c.impostor, container);
      expect(report.checks).toContainEqual(check('proof', 'failed', 'SIGNATURE_MISMATCH'));
      expect(report.verdict).toBe('failed');
    });

    it("a valid signature by a key that is not the issuer's → KEY_NOT_ISSUERS", async () => {
      const report = await verifyIn(issuer, c.foreign, container);
      expect(report.checks).toContainEqual(check('proof', 'passed', 'PROOF_VALID'));
      expect(report.checks).toContainEqual(check('issuer-key', 'failed', 'KEY_NOT_ISSUERS'));
      expect(report.verdict).toBe('failed');
    });

    it('expired → EXPIRED', async () => {
      const report = await verifyIn(issuer, c.expired, container);
      expect(report.checks).toContainEqual(check('proof', 'passed', 'PROOF_VALID'));
      expect(report.checks).toContainEqual(check('validity-period', 'failed', 'EXPIRED'));
      expect(report.verdict).toBe('failed');
    });

    it('not yet valid → NOT_YET_VALID', async () => {
      const report = await verifyIn(issuer, c.future, container);
      expect(report.checks).toContainEqual(check('proof', 'passed', 'PROOF_VALID'));
      expect(report.checks).toContainEqual(check('validity-period', 'failed', 'NOT_YET_VALID'));
      expect(report.verdict).toBe('failed');
    });

    it('revoked on the local list → REVOKED', async () => {
      const report = await verifyIn(issuer, c.revoked, container);
      expect(report.checks).toContainEqual(check('proof', 'passed', 'PROOF_VALID'));
      expect(report.checks).toContainEqual(check('status', 'failed', 'REVOKED'));
      expect(report.verdict).toBe('failed');
    });

    it('not revoked on the local list → NOT_REVOKED', async () => {
      const report = await verifyIn(issuer, c.valid, container);
      expect(report.checks).toContainEqual(check('status', 'passed', 'NOT_REVOKED'));
    });

    it('two kinds of no: the revoked credential offline → status NEEDS_NETWORK, incomplete', async () => {
      // OB 2.0 needs its key, BadgeClass and Profile from the network too: they are in the cache of an
      // earlier visit; the revocation list is not.
      const cache = issuer.version === 'ob2' ? await issuers.world.cacheOf([issuers.ob2Documents.key, issuers.ob2Documents.badge, issuers.ob2Documents.profile]) : undefined;
      const before = issuers.world.requests.length;
      const report = await verifyIn(issuer, c.revoked, container, issuers.world.env({ online: false, ...(cache ? { cache } : {}) }));
      expect(issuers.world.requests.length).toBe(before); // offline means no request at all
      expect(report.checks).toContainEqual(check('proof', 'passed', 'PROOF_VALID'));
      expect(report.checks).toContainEqual(check('status', 'not-checked', 'NEEDS_NETWORK', { reason: 'offline' }));
      expect(report.checks).not.toContainEqual(expect.objectContaining({ outcome: 'failed' }));
      expect(report.verdict).toBe('incomplete');
    });

    it('recipient: the right e-mail matches the hashed identity, another does not', async () => {
      const right = await verifyIn(issuer, c.valid, container, issuers.world.env({ recipient: { identity: RECIPIENT_EMAIL } }));
      expect(right.checks).toContainEqual(check('recipient', 'passed', 'RECIPIENT_MATCHES'));
      expect(right.checks).toContainEqual(expect.objectContaining({ id: 'recipient', data: expect.objectContaining({ hashed: true }) }));
      const wrong = await verifyIn(issuer, c.valid, container, issuers.world.env({ recipient: { identity: OTHER_EMAIL } }));
      expect(wrong.checks).toContainEqual(check('recipient', 'failed', 'RECIPIENT_MISMATCH'));
      expect(wrong.verdict).toBe('failed');
    });
  });
});

describe('VC-JWT with the key only in the header', () => {
  it('offline: issuer-key not-checked KEY_IN_HEADER_ONLY (offline), never passed', async () => {
    const signed = await issuers.jwksIssuer.issue();
    const report = await verifyIn(issuers.jwksIssuer, signed, 'text', issuers.world.env({ online: false }));
    expect(report.checks).toContainEqual(check('proof', 'passed', 'PROOF_VALID'));
    expect(report.checks).toContainEqual(check('issuer-key', 'not-checked', 'KEY_IN_HEADER_ONLY', { reason: 'offline' }));
    expect(report.verdict).toBe('incomplete');
  });

  it("online: the issuer's /.well-known/jwks.json lists the key → KEY_IS_ISSUERS, verified", async () => {
    const signed = await issuers.jwksIssuer.issue();
    for (const container of CONTAINERS) {
      const report = await verifyIn(issuers.jwksIssuer, signed, container);
      expect(report.checks).toContainEqual(check('issuer-key', 'passed', 'KEY_IS_ISSUERS', { data: expect.objectContaining({ binding: 'jwks' }) }));
      expect(report.verdict).toBe('verified');
    }
  });
});

describe('OB 2.0 signed: two kinds of no for the proof', () => {
  it('offline with nothing cached → proof not-checked NEEDS_NETWORK; online with a tampered subject → SIGNATURE_MISMATCH', async () => {
    const ob2 = issuers.formats['ob2-RS256'];
    const signed = await ob2.issue();
    const offline = await verifyIn(ob2, signed, 'text', issuers.world.env({ online: false }));
    expect(offline.checks).toContainEqual(check('proof', 'not-checked', 'NEEDS_NETWORK', { reason: 'offline' }));
    expect(offline.verdict).toBe('incomplete');
    const tampered = await verifyIn(ob2, tamperValue(signed, ob2.subject), 'text');
    expect(tampered.checks).toContainEqual(check('proof', 'failed', 'SIGNATURE_MISMATCH'));
    expect(tampered.verdict).toBe('failed');
  });
});

describe('status list integrity', () => {
  it("a list naming the issuer but signed by a key the issuer does not control → status unknown (STATUS_LIST_INVALID), never NOT_REVOKED", async () => {
    const issuerKey = await generateDidKey('Ed25519');
    const strangerKey = await generateDidKey('Ed25519');
    const url = 'https://status.tsumiki.test/lists/forged';
    const world = new World().serve(url, await signDi(statusListCredential(url, issuerKey.did, []), 'eddsa-rdfc-2022', strangerKey.pair));
    const credential = await signDi(
      ob3Credential({ id: 'urn:tsumiki:test:forged-list', issuerId: issuerKey.did, status: { list: url, index: 7 }, identityHash: await hashedEmail(RECIPIENT_EMAIL, 'x') }),
      'eddsa-rdfc-2022',
      issuerKey.pair,
    );
    const report = await verifyParsed({ format: 'ob3-di', container: 'json', credential, bytes: new Uint8Array() }, world.env());
    expect(report.checks).toContainEqual(check('status', 'not-checked', 'STATUS_LIST_INVALID', { reason: 'error', data: expect.objectContaining({ problem: 'list key: KEY_NOT_ISSUERS' }) }));
    expect(report.verdict).toBe('incomplete');
  });
});

describe('proof without a type', () => {
  // Regression: a proof object with no `type` was reported as an unknown suite (verdict `unsupported`).
  it('a valid credential with its proof replaced by {} → failed PROOF_INVALID, not unsupported', async () => {
    const issuer = issuers.formats['eddsa-rdfc-2022'];
    const signed = await issuer.issue();
    if (signed.kind !== 'json') throw new Error('a DI credential');
    const emptied: Signed = { kind: 'json', credential: { ...structuredClone(signed.credential), proof: {} } };
    const report = await verifyIn(issuer, emptied, 'text');
    expect(report.checks).toContainEqual(check('proof', 'failed', 'PROOF_INVALID'));
    expect(report.verdict).toBe('failed');
  });
});

describe('the mutations themselves', () => {
  const diff = (a: string, b: string) => [...a].filter((ch, i) => ch !== b[i]).length + Math.abs(a.length - b.length);
  const payloadOf = (s: Signed) => (s.kind === 'jws' ? new TextDecoder().decode(base64url.decode(s.jws.split('.')[1]!)) : JSON.stringify(s.credential)); // why: a compact JWS has a payload part

  it.each(PROOF_FORMATS)('%s: name and subject tampering change exactly one byte of the signed content; the proof tamper one character', async (format) => {
    const issuer = issuers.formats[format];
    const valid = await issuer.issue();
    for (const target of [issuer.name, issuer.subject]) {
      const tampered = tamperValue(valid, target);
      expect(diff(payloadOf(valid), payloadOf(tampered))).toBe(1);
      if (valid.kind === 'jws' && tampered.kind === 'jws') expect(tampered.jws.split('.')[2]).toBe(valid.jws.split('.')[2]);
    }
    expect(diff(textOf(valid), textOf(tamperProof(valid)))).toBe(1);
  });
});
