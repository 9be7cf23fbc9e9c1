// badgeFacts and trustOf over real fixtures and the real verification pipeline.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/lib/model/credential.ts';
import type { Check } from '../../../src/lib/model/verification.ts';
import { badgeFacts, trustOf } from '../../../src/lib/stack/facts.ts';
import { createEnv } from '../../../src/lib/verify/env.ts';
import { verifyBytes } from '../../../src/lib/verify/pipeline.ts';
import { trusting } from '../../support/issuer.ts';

const F = (p: string) => `tests/fixtures/${p}`;
const load = (p: string) => JSON.parse(readFileSync(F(p), 'utf8')) as JsonObject; // why: fixtures are JSON objects
const NOW = new Date('2026-06-01T00:00:00Z');
/** The DCC fixtures' did:key issuer: trusted by the user here, as `verified` needs a proven issuer (issue 12). */
const DCC_ISSUER = 'did:key:z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q';

async function verified(p: string, now = NOW) {
  const r = await verifyBytes(new Uint8Array(readFileSync(F(p))), createEnv({ now, trust: trusting([DCC_ISSUER]) }));
  const c = r.credentials[0];
  if (c === undefined) throw new Error(`${p}: ${r.error?.code}`);
  return c;
}

describe('trustOf', () => {
  const pass: Check[] = [
    { id: 'format', outcome: 'passed', code: 'FORMAT_OK' },
    { id: 'proof', outcome: 'passed', code: 'PROOF_VALID' },
    { id: 'validity-period', outcome: 'passed', code: 'WITHIN_VALIDITY' },
  ];
  const withCheck = (c: Check) => pass.map((x) => (x.id === c.id ? c : x)).concat(pass.some((x) => x.id === c.id) ? [] : [c]);

  it('maps a report to what a pathway needs', () => {
    expect(trustOf(null)).toMatchObject({ verdict: 'unknown', verifiedIgnoringExpiry: false, problem: null });
    expect(trustOf({ verdict: 'verified', checks: pass, checkedAt: 'x' })).toEqual({ verdict: 'verified', verifiedIgnoringExpiry: true, problem: null, expiredAtCheck: false, failures: [], checkedAt: 'x' });
    expect(trustOf({ verdict: 'failed', checks: withCheck({ id: 'validity-period', outcome: 'failed', code: 'EXPIRED' }) })).toMatchObject({ verifiedIgnoringExpiry: true, expiredAtCheck: true, problem: null });
    expect(trustOf({ verdict: 'failed', checks: withCheck({ id: 'status', outcome: 'failed', code: 'REVOKED' }) })).toMatchObject({ verifiedIgnoringExpiry: false, problem: 'revoked' });
    expect(trustOf({ verdict: 'failed', checks: withCheck({ id: 'proof', outcome: 'failed', code: 'SIGNATURE_MISMATCH' }) })).toMatchObject({ problem: 'invalid', failures: ['SIGNATURE_MISMATCH'] });
    expect(trustOf({ verdict: 'incomplete', checks: withCheck({ id: 'status', outcome: 'not-checked', reason: 'offline', code: 'NEEDS_NETWORK' }) })).toMatchObject({ verifiedIgnoringExpiry: false, problem: null });
    expect(trustOf({ verdict: 'rejected', checks: [{ id: 'format', outcome: 'failed', code: 'UNREADABLE' }] })).toMatchObject({ problem: 'invalid' });
  });

  it('from the pipeline: verified, expired (and otherwise fine), forged', async () => {
    const ok = await verified('ob3/dcc-verifier-core/v2NoStatus.json');
    expect(trustOf(ok.verification)).toMatchObject({ verdict: 'verified', verifiedIgnoringExpiry: true });
    const expired = await verified('ob3/dcc-verifier-core/v2Expired.json', new Date('2040-01-01T00:00:00Z'));
    expect(trustOf(expired.verification)).toMatchObject({ verdict: 'failed', expiredAtCheck: true, problem: null, verifiedIgnoringExpiry: true });
    const forged = await verified('ob3/1edtech-validator/simple-err-proof-value.json');
    expect(trustOf(forged.verification)).toMatchObject({ problem: 'invalid' });
  });
});

describe('badgeFacts', () => {
  it('OB 2.0 (Guideline 1.1 descriptors): id, title, issuer, date, level, credit in UCTS and effort in hours', () => {
    const [b] = badgeFacts(load('descriptors/ob2-guideline-en.json'), null, { file: 'en.json' });
    expect(b).toMatchObject({
      key: 'en.json',
      file: 'en.json',
      achievementId: 'https://badges.example.org/badgeclasses/ds-intro',
      titles: [{ text: 'Introduction to Data Science', lang: null, source: 'badge.name' }],
      issuer: { id: 'https://badges.example.org/issuer', names: ['Example University'] },
      issuedAt: '2025-03-30T15:00:00.000Z',
      levels: [{ text: 'Undergraduate, introductory', source: 'badge.criteria.narrative#Level' }],
      microCredential: true,
      trust: { verdict: 'unknown' },
    });
    expect(b?.credit).toMatchObject({ amount: { min: 1, max: 1 }, unit: 'ucts', hours: { min: 38, max: 48 }, rule: 'UCTS_38_48', text: '1 credit (UCTS)' });
    expect(b?.effort).toMatchObject({ unit: 'hours', hours: { min: 45, max: 45 } });
  });

  it('OB 3.0: a Japanese credit in 単位, the language of the title, achievementType', () => {
    const [b] = badgeFacts(load('descriptors/ob3-guideline-ja-brackets.json'), null);
    expect(b).toMatchObject({ achievementType: 'MicroCredential', titles: [{ text: '統計の基礎', lang: 'ja' }] });
    expect(b?.credit?.unit).toBe('ucts');
    const [ja] = badgeFacts(load('descriptors/ob2-guideline-ja.json'), null);
    expect(ja?.credit).toMatchObject({ unit: 'jp-tani', amount: { min: 2, max: 2 }, text: '2単位' });
  });

  it('EU (SURF Edubadges): ECTS from the extension, EQF level from an alignment', () => {
    const [b] = badgeFacts(load('eu/educredentials/uvh_at_microcredential_full_1.json'), null);
    expect(b?.credit).toMatchObject({ unit: 'ects', amount: { min: 3, max: 3 }, source: 'achievement.ECTS' });
    expect(b?.levels).toEqual([{ text: 'EQF level 4', source: 'achievement.alignment[1]' }]);
  });

  it('alignments, expiry and a bare number without a unit (kept, never converted)', () => {
    const [b] = badgeFacts(load('ob3/1edtech-validator/complete.json'), null);
    expect(b?.alignments[0]).toEqual({ targetCode: 'degree', targetUrl: 'https://1edtech.edu/catalog/degree', targetName: '1EdTech University Degree', targetFramework: '1EdTech University Program and Course Catalog' });
    expect(b?.expiresAt).toBe('2030-01-01T00:00:00.000Z');
    expect(b?.credit).toMatchObject({ unit: 'unknown', hours: null });
  });

  it('the verification given is kept as trust', async () => {
    const c = await verified('ob3/dcc-verifier-core/v2NoStatus.json');
    const [b] = badgeFacts(c.parsed.credential, c.verification, { file: 'v2.json' });
    expect(b?.trust).toMatchObject({ verdict: 'verified', verifiedIgnoringExpiry: true, checkedAt: NOW.toISOString() });
  });

  it('a CLR gives one badge per credential it holds, each with its own verification', async () => {
    const clr = load('clr2/spec/ldp-test-vector-clr-signed.json');
    const path = 'credentialSubject.verifiableCredential[0]';
    const item = ((clr.credentialSubject as JsonObject).verifiableCredential as JsonObject[])[0]; // why: the fixture holds an array of objects
    const nested = await verifyBytes(new TextEncoder().encode(JSON.stringify(item)), createEnv({ now: NOW }));
    const v = nested.credentials[0]?.verification;
    if (v === undefined) throw new Error('nested credential not verified');
    const facts = badgeFacts(clr, null, { file: 'clr.json', nested: { [path]: v } });
    expect(facts).toHaveLength(1);
    expect(facts[0]).toMatchObject({ key: `clr.json#${path}`, path, achievementId: 'urn:uuid:a7467ef6-56cb-11ec-bf63-0242ac130002', titles: [{ text: 'Achievement 1' }, { text: 'Example University Degree' }] });
    expect(facts[0]?.trust.verdict).toBe(v.verdict);
    expect(badgeFacts(clr, null)[0]?.trust.verdict).toBe('unknown');
  });

  it('never throws, and gives nothing for what is not a credential', () => {
    expect(badgeFacts({}, null)).toHaveLength(1);
    expect(badgeFacts({ type: 'ClrCredential' }, null)).toEqual([]);
  });
});
