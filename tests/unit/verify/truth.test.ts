/**
 * Issue 11, class 6 ("loose data") and the schema/structure rules, on real signed credentials: every
 * case is signed by a fresh did:key, so the only thing that can decide the verdict is the property
 * under test. Before the fix each of these was "verified" (or crashed the summary).
 */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/lib/model/credential.ts';
import type { Check } from '../../../src/lib/model/verification.ts';
import { createEnv } from '../../../src/lib/verify/env.ts';
import { verifyBytes, type CredentialResult } from '../../../src/lib/verify/pipeline.ts';
import { summarize } from '../../../src/lib/wallet/summary.ts';
import { generateDidKey, NOW, ob3Credential, signDi, trusting, type DidKey } from '../../support/issuer.ts';

let key: DidKey | undefined;
async function issuer(): Promise<DidKey> {
  key ??= await generateDidKey('Ed25519');
  return key;
}

/** Sign the test credential changed by `change`, then verify it offline at NOW, its did:key issuer trusted (issue 12). */
async function verifyChanged(change: (c: JsonObject) => JsonObject): Promise<CredentialResult> {
  const k = await issuer();
  const base = ob3Credential({ id: 'urn:uuid:0b3c0000-0000-4000-8000-000000000001', issuerId: k.did, identityHash: 'sha256$00' });
  const signed = await signDi(change(base), 'eddsa-rdfc-2022', k.pair);
  const r = await verifyBytes(new TextEncoder().encode(JSON.stringify(signed)), createEnv({ now: NOW, trust: trusting([k.did]) }));
  expect(r.error).toBeUndefined();
  return r.credentials[0] as CredentialResult; // why: one credential in, one result out
}

const check = (r: CredentialResult, id: Check['id']) => r.verification.checks.find((c) => c.id === id);

describe('the control', () => {
  it('the unchanged credential is verified', async () => {
    const r = await verifyChanged((c) => c);
    expect(r.verification.verdict).toBe('verified');
    expect(r.reading?.badge).toMatchObject({ title: 'Knot Tying', validFrom: '2025-01-01T00:00:00.000Z', validUntil: '2030-01-01T00:00:00.000Z' });
  });
});

describe('VC dates must be zoned date-times (VC 2.0 §4.9)', () => {
  // The last two: a zone outside xsd:dateTime's ±14:00, or a minute 60, names no instant.
  for (const value of ['2030-01-01T00:00:00', '2030-01-01 00:00:00Z', '2030-01-01', '2030-02-30T00:00:00Z', 'soon', '2030-01-01T00:00:00+99:59', '2030-01-01T00:00:00-09:60']) {
    it(`validUntil ${JSON.stringify(value)} → DATE_INVALID, never "no expiry"`, async () => {
      const r = await verifyChanged((c) => ({ ...c, validUntil: value }));
      expect(check(r, 'validity-period')).toMatchObject({ outcome: 'failed', code: 'DATE_INVALID', data: { field: 'validUntil' } });
      expect(r.verification.verdict).toBe('failed');
    });
  }

  it('a numeric date is DATE_INVALID, and the summary of it does not throw', async () => {
    const r = await verifyChanged((c) => ({ ...c, validFrom: 1e13 }));
    expect(check(r, 'validity-period')).toMatchObject({ outcome: 'failed', code: 'DATE_INVALID', data: { field: 'validFrom' } });
    expect(() => summarize(r.parsed, r.reading)).not.toThrow();
    expect(r.reading?.badge.validFrom).toBeNull();
  });

  it('an offset zone is read as the instant it names', async () => {
    const r = await verifyChanged((c) => ({ ...c, validUntil: '2026-06-01T08:00:00+09:00' }));
    // 08:00 in Tokyo is 23:00 UTC the day before NOW: expired, whatever the machine's own zone.
    expect(check(r, 'validity-period')).toMatchObject({ outcome: 'failed', code: 'EXPIRED' });
  });
});

describe('VC 2.0 structure, read from the signed graph', () => {
  const statusEntry = { id: 'https://status.tsumiki.test/1#3', statusPurpose: 'revocation', statusListIndex: '3', statusListCredential: 'https://status.tsumiki.test/1' };
  const cases: Array<[string, (c: JsonObject) => JsonObject, string]> = [
    // Untyped, its entry's terms are undefined (they live in the type's scoped context): only a bare reference can be signed.
    ['credentialStatus as a bare reference', (c) => ({ ...c, credentialStatus: statusEntry.statusListCredential }), 'credentialStatus'],
    ['credentialSchema without type', (c) => ({ ...c, credentialSchema: { id: 'https://schema.tsumiki.test/s.json' } }), 'credentialSchema'],
    ['evidence without type', (c) => ({ ...c, evidence: { id: 'https://tsumiki.test/evidence/1', name: 'Portfolio' } }), 'evidence'],
    ['termsOfUse without type', (c) => ({ ...c, termsOfUse: { id: 'https://tsumiki.test/terms' } }), 'termsOfUse'],
    ['refreshService without type', (c) => ({ ...c, refreshService: { id: 'https://tsumiki.test/refresh' } }), 'refreshService'],
    ['relatedResource without a digest', (c) => ({ ...c, relatedResource: { id: 'https://tsumiki.test/image.png' } }), 'relatedResource'],
  ];
  for (const [name, change, path] of cases) {
    it(`${name} → STRUCTURE_INVALID at ${path}`, async () => {
      const r = await verifyChanged(change);
      expect(check(r, 'structure')).toMatchObject({ outcome: 'failed', code: 'STRUCTURE_INVALID', data: { path: expect.stringContaining(path) } });
      expect(r.verification.verdict).toBe('failed');
    });
  }

  it('an empty credentialSubject says nothing about anyone → STRUCTURE_INVALID', async () => {
    const r = await verifyChanged((c) => ({ ...c, type: ['VerifiableCredential'], credentialSubject: {} }));
    expect(check(r, 'structure')).toMatchObject({ outcome: 'failed', code: 'STRUCTURE_INVALID', data: { path: 'credentialSubject' } });
  });

  it('a typed status entry that the signature covers is read (it is the status check that decides)', async () => {
    const r = await verifyChanged((c) => ({ ...c, credentialStatus: { ...statusEntry, type: 'BitstringStatusListEntry' } }));
    expect(check(r, 'structure')).toMatchObject({ outcome: 'passed' });
    expect(check(r, 'status')).toMatchObject({ outcome: 'not-checked', code: 'NEEDS_NETWORK' });
    expect(r.reading?.badge.status).toEqual([{ type: ['BitstringStatusListEntry'], purpose: 'revocation', url: 'https://status.tsumiki.test/1', index: 3 }]);
  });
});

describe("1EdTech's JSON Schema", () => {
  it('an achievement whose criteria is a bare IRI, not a Criteria object, fails with the JSON pointer', async () => {
    const r = await verifyChanged((c) => {
      const subject = c.credentialSubject as JsonObject;
      return { ...c, credentialSubject: { ...subject, achievement: { ...(subject.achievement as JsonObject), criteria: 'https://issuer.tsumiki.test/criteria/knots' } } };
    });
    expect(check(r, 'structure')).toMatchObject({ outcome: 'failed', code: 'STRUCTURE_INVALID', data: { path: '/credentialSubject/achievement/criteria' } });
  });
});
