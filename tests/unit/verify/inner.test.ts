/**
 * Credentials inside a credential (issue 11): a CLR 2.0's `verifiableCredential` and OB 3.0
 * embedded endorsements are each verified on their own by the same pipeline, bounded, returned as
 * `inner` on the outer result and in `tsumiki verify --json`; only verified ones count in pathways.
 * Everything is signed here with fresh keys.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { importJWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/lib/model/credential.ts';
import { createEnv } from '../../../src/lib/verify/env.ts';
import { embeddedItems, MAX_INNER } from '../../../src/lib/verify/inner.ts';
import { verifyBytes, type InnerResult } from '../../../src/lib/verify/pipeline.ts';
import {
  ACHIEVEMENT_NAME,
  dccRegistryJson,
  generateDidKey,
  hashedEmail,
  NOW,
  OB_V3,
  ob3Credential,
  RECIPIENT_EMAIL,
  SALT,
  SUBJECT_ID,
  signDi,
  signJws,
  trusting,
  VALID_FROM,
  VC_V2,
  vcJwtPayload,
  type DidKey,
} from '../../support/issuer.ts';

const run = promisify(execFile);
const CLR_V2 = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';
const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
/** The user trusts the three did:key issuers made below: `verified` needs a proven issuer (issue 12). */
const env = (recipient?: string) => createEnv({ now: NOW, trust: trusting([school.did, college.did, endorser.did]), ...(recipient ? { recipient: { identity: recipient } } : {}) });
const summary = (inner: readonly InnerResult[] | undefined) => (inner ?? []).map((r) => [r.path, r.kind, 'error' in r ? 'unknown' : r.format, r.verification.verdict]);

let school: DidKey;
let college: DidKey;
let endorser: DidKey;
let identityHash: string;
let serial = 0;

beforeAll(async () => {
  [school, college, endorser] = await Promise.all([generateDidKey('Ed25519'), generateDidKey('Ed25519'), generateDidKey('Ed25519')]);
  identityHash = await hashedEmail(RECIPIENT_EMAIL, SALT);
});

const badge = (issuer: DidKey, name = ACHIEVEMENT_NAME): JsonObject => {
  const c = ob3Credential({ id: `urn:uuid:00000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`, issuerId: issuer.did, identityHash });
  ((c.credentialSubject as JsonObject).achievement as JsonObject).name = name;
  return c;
};

const endorsement = (about: string): JsonObject => ({
  '@context': [VC_V2, OB_V3],
  id: `urn:uuid:00000000-0000-4000-9000-${String(++serial).padStart(12, '0')}`,
  type: ['VerifiableCredential', 'EndorsementCredential'],
  name: 'Endorsed by the Knot Guild',
  issuer: { id: endorser.did, type: ['Profile'], name: 'Knot Guild' },
  validFrom: VALID_FROM,
  credentialSubject: { id: about, type: ['EndorsementSubject'], endorsementComment: 'A sound programme.' },
});

const clr = (items: JsonObject[], issuer: DidKey): JsonObject => ({
  '@context': [VC_V2, CLR_V2, OB_V3],
  id: `urn:uuid:00000000-0000-4000-a000-${String(++serial).padStart(12, '0')}`,
  type: ['VerifiableCredential', 'ClrCredential'],
  issuer: { id: issuer.did, type: ['Profile'], name: 'Tsumiki Test College' },
  validFrom: VALID_FROM,
  name: 'Transcript',
  credentialSubject: { id: SUBJECT_ID, type: ['ClrSubject'], verifiableCredential: items },
});

async function tamper(signed: JsonObject): Promise<JsonObject> {
  const copy = structuredClone(signed);
  ((copy.credentialSubject as JsonObject).achievement as JsonObject).name = 'Something grander';
  return copy;
}

describe('CLR 2.0 inner credentials', () => {
  it('one valid, one tampered: the CLR verified, its inner rows verified and failed', async () => {
    const good = await signDi(badge(school, 'Knots'), 'eddsa-rdfc-2022', school.pair);
    const bad = await tamper(await signDi(badge(school, 'Splices'), 'eddsa-rdfc-2022', school.pair));
    const signed = await signDi(clr([good, bad], college), 'eddsa-rdfc-2022', college.pair);
    const r = await verifyBytes(enc(signed), env());
    const [outer] = r.credentials;
    expect(outer?.format).toBe('clr2-di');
    expect(outer?.verification.verdict).toBe('verified');
    expect(summary(outer?.inner)).toEqual([
      ['credentialSubject.verifiableCredential[0]', 'credential', 'ob3-di', 'verified'],
      ['credentialSubject.verifiableCredential[1]', 'credential', 'ob3-di', 'failed'],
    ]);
    expect(outer?.inner?.[1]?.verification.checks).toContainEqual(expect.objectContaining({ id: 'proof', outcome: 'failed', code: 'SIGNATURE_MISMATCH' }));
    // Each inner result is read from its own signed graph.
    const first = outer?.inner?.[0];
    expect(first && 'reading' in first ? first.reading?.badge.achievement.name : undefined).toBe('Knots');
  });

  it('a CLR as a VC-JWT: the credentials it holds are verified the same way', async () => {
    const good = await signDi(badge(school, 'Knots'), 'eddsa-rdfc-2022', school.pair);
    const bad = await tamper(await signDi(badge(school, 'Splices'), 'eddsa-rdfc-2022', school.pair));
    const record = clr([good, bad], college);
    const jws = await signJws({ ...record, iss: college.did, jti: String(record.id), nbf: Math.floor(Date.parse(VALID_FROM) / 1000) }, { alg: 'EdDSA', kid: college.vm }, (await importJWK(college.privateJwk, 'EdDSA')) as CryptoKey); // why: a private OKP JWK imports as a CryptoKey
    const [outer] = (await verifyBytes(new TextEncoder().encode(jws), env())).credentials;
    expect(outer?.format).toBe('clr2-jwt');
    expect(outer?.verification.verdict).toBe('verified');
    expect(summary(outer?.inner)).toEqual([
      ['credentialSubject.verifiableCredential[0]', 'credential', 'ob3-di', 'verified'],
      ['credentialSubject.verifiableCredential[1]', 'credential', 'ob3-di', 'failed'],
    ]);
  });

  it('something inside that is not a credential gets a rejected row, not a crash', async () => {
    const unsigned = clr([badge(school)], college);
    (unsigned.credentialSubject as JsonObject).verifiableCredential = ['eyJhbGciOiJFZERTQSJ9.eyJub3QiOiJhIGNyZWRlbnRpYWwifQ.c2ln'];
    const [outer] = (await verifyBytes(enc(unsigned), env())).credentials;
    expect(summary(outer?.inner)).toEqual([['credentialSubject.verifiableCredential[0]', 'credential', 'unknown', 'rejected']]);
    expect(outer?.inner?.[0]).toMatchObject({ error: { code: 'NOT_A_CREDENTIAL' } });
  });
});

describe('OB 3.0 embedded endorsements', () => {
  it('an endorsement on the achievement gets its own row; a tampered one fails without touching the badge', async () => {
    const good = await signDi(endorsement('https://issuer.tsumiki.test/achievements/knots'), 'eddsa-rdfc-2022', endorser.pair);
    const bad = structuredClone(good);
    (bad.credentialSubject as JsonObject).endorsementComment = 'The finest programme in the world.';
    const withEndorsements = badge(school);
    ((withEndorsements.credentialSubject as JsonObject).achievement as JsonObject).endorsement = [good];
    withEndorsements.issuer = { ...(withEndorsements.issuer as JsonObject), endorsement: [bad] };
    const signed = await signDi(withEndorsements, 'eddsa-rdfc-2022', school.pair);
    // The recipient the user gave is the learner's: an endorsement is not compared with it.
    const [outer] = (await verifyBytes(enc(signed), env(RECIPIENT_EMAIL))).credentials;
    expect(outer?.verification.verdict).toBe('verified');
    expect(summary(outer?.inner)).toEqual([
      ['issuer.endorsement[0]', 'endorsement', 'ob3-di', 'failed'],
      ['credentialSubject.achievement.endorsement[0]', 'endorsement', 'ob3-di', 'verified'],
    ]);
    expect(outer?.inner?.[0]?.verification.checks).toContainEqual(expect.objectContaining({ id: 'proof', code: 'SIGNATURE_MISMATCH' }));
    expect(outer?.inner?.[1]?.verification.checks.find((c) => c.id === 'recipient')).toMatchObject({ code: 'NO_RECIPIENT_GIVEN' });
  });

  it('endorsementJwt strings are verified as VC-JWTs', async () => {
    const jws = await signJws(vcJwtPayload({ ...endorsement('https://issuer.tsumiki.test/achievements/knots'), credentialSubject: { id: 'https://issuer.tsumiki.test/achievements/knots', type: ['EndorsementSubject'] } }), { alg: 'EdDSA', kid: endorser.vm }, (await importJWK(endorser.privateJwk, 'EdDSA')) as CryptoKey); // why: as above
    const vc = badge(school);
    const payload = { ...vcJwtPayload(vc), endorsementJwt: [jws] };
    const outerJwt = await signJws(payload, { alg: 'EdDSA', kid: school.vm }, (await importJWK(school.privateJwk, 'EdDSA')) as CryptoKey); // why: as above
    const [outer] = (await verifyBytes(new TextEncoder().encode(outerJwt), env())).credentials;
    expect(outer?.verification.verdict).toBe('verified');
    expect(summary(outer?.inner)).toEqual([['endorsementJwt[0]', 'endorsement', 'ob3-jwt', 'verified']]);
  });
});

describe('bounds', () => {
  it(`at most ${MAX_INNER} credentials inside are verified; the rest are counted`, () => {
    const one = { type: ['VerifiableCredential'], id: 'urn:x' };
    const found = embeddedItems({ type: ['VerifiableCredential', 'ClrCredential'], credentialSubject: { verifiableCredential: Array.from({ length: MAX_INNER + 5 }, () => one) } });
    expect(found.items).toHaveLength(MAX_INNER);
    expect(found.more).toBe(5);
  });

  it('one level only: what a credential inside holds is not searched; proofs are not searched', () => {
    const inner = { type: ['VerifiableCredential', 'OpenBadgeCredential'], endorsement: [{ type: ['VerifiableCredential', 'EndorsementCredential'] }] };
    const found = embeddedItems({ type: ['VerifiableCredential'], credentialSubject: { verifiableCredential: inner }, proof: { verifiableCredential: inner } });
    expect(found.items.map((i) => [i.path, i.kind])).toEqual([['credentialSubject.verifiableCredential', 'credential']]);
  });

  it('found whatever key it sits under (a reshaped layout), typed by `type` or `@type`', () => {
    const found = embeddedItems({ type: 'VerifiableCredential', '@nest': { x: [{ '@type': 'VerifiableCredential' }] } });
    expect(found.items.map((i) => i.path)).toEqual(['@nest.x[0]']);
  });
});

describe('the CLI', () => {
  it('verify --json: a CLR row carries "inner" rows; pathway counts only the verified inner credential', async () => {
    const good = await signDi(badge(school, 'Knots'), 'eddsa-rdfc-2022', school.pair);
    const badOne = badge(school, 'Splices');
    ((badOne.credentialSubject as JsonObject).achievement as JsonObject).id = 'https://issuer.tsumiki.test/achievements/splices';
    const bad = await tamper(await signDi(badOne, 'eddsa-rdfc-2022', school.pair));
    const signed = await signDi(clr([good, bad], college), 'eddsa-rdfc-2022', college.pair);
    const dir = mkdtempSync(join(tmpdir(), 'tsumiki-clr-'));
    const file = join(dir, 'clr.json');
    writeFileSync(file, JSON.stringify(signed));
    // The college and the school are listed in a registry given with --trust (issue 12).
    const registry = join(dir, 'registry.json');
    writeFileSync(registry, dccRegistryJson([school.did, college.did]));
    const out = await run('npx', ['tsx', 'src/cli/tsumiki.ts', 'verify', '--json', '--now', NOW.toISOString(), '--trust', registry, file]);
    const [row] = JSON.parse(out.stdout).results;
    expect(row).toMatchObject({ format: 'clr2-di', verdict: 'verified' });
    expect(row.inner.map((i: { path: string; kind: string; format: string; verdict: string }) => [i.path, i.kind, i.format, i.verdict])).toEqual([
      ['credentialSubject.verifiableCredential[0]', 'credential', 'ob3-di', 'verified'],
      ['credentialSubject.verifiableCredential[1]', 'credential', 'ob3-di', 'failed'],
    ]);
    expect(row.inner[1].checks).toContainEqual(expect.objectContaining({ id: 'proof', code: 'SIGNATURE_MISMATCH' }));

    const pathway = {
      pathwayVersion: 1,
      id: 'https://pathways.tsumiki.test/ropework',
      title: { en: 'Ropework' },
      awardedBy: { name: { en: 'Tsumiki Test College' } },
      requirement: {
        kind: 'allOf',
        of: [
          { kind: 'achievement', id: 'knots', match: { achievementId: 'https://issuer.tsumiki.test/achievements/knots' } },
          { kind: 'achievement', id: 'splices', match: { achievementId: 'https://issuer.tsumiki.test/achievements/splices' } },
        ],
      },
    };
    const pathwayFile = join(dir, 'pathway.json');
    writeFileSync(pathwayFile, JSON.stringify(pathway));
    const p: { stdout: string; code?: number } = await run('npx', ['tsx', 'src/cli/tsumiki.ts', 'pathway', pathwayFile, file, '--json', '--now', NOW.toISOString(), '--trust', registry]).catch((e: { stdout: string; code: number }) => e);
    expect(p.code).toBe(1);
    const progress = JSON.parse(p.stdout);
    expect(progress.complete).toBe(false);
    expect(progress.counted.map((c: { requirement: string }) => c.requirement)).toEqual(['knots']);
    expect(progress.missing.map((m: { requirement: string }) => m.requirement)).toEqual(['splices']);
  }, 60_000);
});
