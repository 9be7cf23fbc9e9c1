/**
 * Issue 12, "who issued this badge": the `issuer-identity` check, the trust lists it reads and the one
 * headline a reader sees, on real signatures (fresh keys; the network is the fake `World`).
 *
 * - A self-made "東京大学 The University of Tokyo" doctorate on a fresh did:key is never verified: with no
 *   list it is UNKNOWN_ISSUER; with a list naming the real University of Tokyo (another DID) it is a
 *   LOOKALIKE, headline FORGED, whatever the width, case or spacing of the name.
 * - The real, listed issuer's badge is LISTED and GENUINE, named as the list names it (ja/en); tampered it is
 *   FORGED with no proven issuer; expired it is EXPIRED, not FORGED.
 * - A signed RecognizedEntityCredential is accepted; tampered or expired it is refused with its code.
 * - A did:web issuer whose DID document binds the key is DOMAIN: "issued by whoever controls <domain>".
 * - The CLI: --trust LIST, a "headline" and an "issuer" on every row; a list that does not verify or has
 *   run out is refused (exit 2, a coded error on stderr, no results).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../../../src/lib/model/credential.ts';
import { headlineOf } from '../../../src/lib/model/headline.ts';
import { headlineDetail } from '../../../src/lib/i18n/headline.ts';
import { issuerSummary } from '../../../src/lib/trust/identity.ts';
import { readTrustList } from '../../../src/lib/trust/lists.ts';
import type { TrustSet } from '../../../src/lib/trust/model.ts';
import { createEnv, type VerifyEnv } from '../../../src/lib/verify/env.ts';
import { verifyBytes, type CredentialResult } from '../../../src/lib/verify/pipeline.ts';
import {
  EXPIRED_UNTIL,
  FUTURE_FROM,
  generateDidKey,
  generateHttpsKey,
  hashedEmail,
  NOW,
  ob3Credential,
  RECIPIENT_EMAIL,
  SALT,
  signDi,
  tamperValue,
  VALID_FROM,
  VALID_UNTIL,
  VC_V2,
  World,
  type DidKey,
} from '../../support/issuer.ts';

const EXAMPLES_V2 = 'https://www.w3.org/ns/credentials/examples/v2';
const JA = '東京大学';
const EN = 'The University of Tokyo';
/**
 * How the self-made issuer of issue 12 writes its name: "東京大学 The University of Tokyo". OB 3.0 allows one
 * string (or one value object) for a Profile's name, so a bilingual issuer writes both in one string.
 */
const SELF_MADE = `${JA} ${EN}`;
/** The list's names for the real entity: one per language (value objects), as a Recognized Entities list writes them. */
const LISTED_NAME: JsonValue = [
  { '@value': JA, '@language': 'ja' },
  { '@value': EN, '@language': 'en' },
];
const DEGREE = 'Doctor of Engineering';

const enc = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));

let real: DidKey; //      the real University of Tokyo: the DID the lists name
let fake: DidKey; //      a key made two minutes ago by someone else
let publisher: DidKey; // who signs the Recognized Entities list
let identityHash: string;
let serial = 0;

beforeAll(async () => {
  [real, fake, publisher] = await Promise.all([generateDidKey('Ed25519'), generateDidKey('Ed25519'), generateDidKey('Ed25519')]);
  identityHash = await hashedEmail(RECIPIENT_EMAIL, SALT);
});

/** An unsigned doctorate by `issuerId`, whose issuer calls itself `name`. */
function doctorate(issuerId: string, name: JsonValue, dates: { validFrom?: string; validUntil?: string } = {}): JsonObject {
  const c = ob3Credential({ id: `urn:uuid:00000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`, issuerId, identityHash, ...dates });
  (c.issuer as JsonObject).name = name;
  ((c.credentialSubject as JsonObject).achievement as JsonObject).name = DEGREE;
  return c;
}

/** A W3C RecognizedEntityCredential naming the real University of Tokyo, signed by `publisher` (eddsa-rdfc-2022). */
async function recognizedEntities(dates: { validFrom?: string; validUntil?: string } = {}): Promise<JsonObject> {
  const list: JsonObject = {
    '@context': [VC_V2, EXAMPLES_V2],
    id: 'urn:uuid:5d0c1f2e-0000-4000-8000-000000000012',
    type: ['VerifiableCredential', 'RecognizedEntityCredential'],
    issuer: { id: publisher.did, name: 'Tsumiki Test Accreditation Board' },
    validFrom: dates.validFrom ?? VALID_FROM,
    validUntil: dates.validUntil ?? VALID_UNTIL,
    credentialSubject: [
      {
        id: real.did,
        type: 'RecognizedEntity',
        name: LISTED_NAME,
        legalName: '国立大学法人東京大学',
        url: 'https://www.u-tokyo.ac.jp/',
      },
      { id: 'did:web:college.tsumiki.test', type: 'RecognizedEntity', name: 'Tsumiki Test College' },
    ],
  };
  return signDi(list, 'eddsa-rdfc-2022', publisher.pair);
}

/** A DCC issuer registry naming the real University of Tokyo (its name in both languages, as a language map). */
function dccRegistry(name: JsonValue = { ja: JA, en: EN }): JsonObject {
  return { meta: { created: '2026-01-01T00:00:00Z' }, registry: { [real.did]: { name, location: 'Tokyo, Japan', url: 'https://www.u-tokyo.ac.jp/' } } };
}

/** A list read and verified as the app and the CLI read it, as a trust set in `lang`. */
async function trustOf(list: JsonObject, source: string, lang?: string): Promise<TrustSet> {
  const got = await readTrustList(enc(list), source, createEnv({ now: NOW }));
  if (!got.ok) throw new Error(`${source}: ${got.code} ${got.message}`);
  return { lists: [got.list], ...(lang ? { lang } : {}) };
}

async function verify(credential: JsonObject, env: VerifyEnv): Promise<CredentialResult> {
  const r = await verifyBytes(enc(credential), env);
  expect(r.error).toBeUndefined();
  expect(r.credentials).toHaveLength(1);
  return r.credentials[0]!; // why: length checked just above
}

const identityOf = (r: CredentialResult) => r.verification.checks.find((c) => c.id === 'issuer-identity');
const headline = (r: CredentialResult) => headlineOf(r.verification.checks).headline;

describe('a self-made "東京大学 The University of Tokyo" doctorate on a fresh did:key', () => {
  it('with no trust list: intact, but the name is only a claim → incomplete, UNKNOWN_ISSUER', async () => {
    const r = await verify(await signDi(doctorate(fake.did, SELF_MADE), 'eddsa-rdfc-2022', fake.pair), createEnv({ now: NOW }));
    expect(r.verification.checks.find((c) => c.id === 'proof')).toMatchObject({ outcome: 'passed' });
    expect(r.verification.checks.find((c) => c.id === 'issuer-key')).toMatchObject({ outcome: 'passed' });
    expect(identityOf(r)).toMatchObject({ outcome: 'not-checked', code: 'ISSUER_UNKNOWN', data: { issuer: fake.did } });
    expect(r.verification.verdict).toBe('incomplete');
    expect(headline(r)).toBe('UNKNOWN_ISSUER');
    expect(issuerSummary(r.reading, r.verification.checks)).toEqual({ id: fake.did, claimedName: SELF_MADE, proven: 'none' });
  });

  it('with a list naming the real University of Tokyo (東京大学 / The University of Tokyo, another DID) → failed LOOKALIKE, headline FORGED', async () => {
    // Issue 12, "Done when": a self-made "University of Tokyo" badge is FORGED (lookalike) with a list naming the real one.
    for (const trust of [await trustOf(await recognizedEntities(), 'accreditation.json', 'en'), await trustOf(dccRegistry(), 'registry.json', 'en')]) {
      for (const name of [SELF_MADE, `${JA} / ${EN}`]) {
        const r = await verify(await signDi(doctorate(fake.did, name), 'eddsa-rdfc-2022', fake.pair), createEnv({ now: NOW, trust }));
        const label = `${trust.lists[0]?.kind}: ${name}`;
        expect(identityOf(r), label).toMatchObject({ outcome: 'failed', code: 'LOOKALIKE', data: { entity: real.did, issuer: fake.did } });
        expect(headline(r), label).toBe('FORGED');
      }
    }
  });

  it('with a signed list naming the real University of Tokyo: each listed name, in any width, case or spacing → LOOKALIKE, FORGED', async () => {
    const trust = await trustOf(await recognizedEntities(), 'accreditation.json', 'en');
    const names: JsonValue[] = [JA, EN, 'ＴＨＥ  UNIVERSITY of tokyo', '  the university\tof TOKYO ', '東京大学　', 'ｔｈｅ　ｕｎｉｖｅｒｓｉｔｙ　ｏｆ　ｔｏｋｙｏ', { '@value': 'THE UNIVERSITY OF TOKYO', '@language': 'en' }, '国立大学法人東京大学'];
    for (const name of names) {
      const r = await verify(await signDi(doctorate(fake.did, name), 'eddsa-rdfc-2022', fake.pair), createEnv({ now: NOW, trust }));
      const label = JSON.stringify(name);
      expect(identityOf(r), label).toMatchObject({ outcome: 'failed', code: 'LOOKALIKE', data: { entity: real.did, name: EN, issuer: fake.did } });
      expect(r.verification.verdict, label).toBe('failed');
      expect(headline(r), label).toBe('FORGED');
      expect(issuerSummary(r.reading, r.verification.checks), label).toMatchObject({ id: fake.did, proven: 'none', lookalike: { name: EN, id: real.did } });
      expect(headlineDetail(headlineOf(r.verification.checks), 'en'), label).toBe(`Uses the name of the listed issuer “${EN}” but is not that issuer`);
    }
  });

  it('another name is no lookalike: still UNKNOWN_ISSUER, never FORGED', async () => {
    const trust = await trustOf(await recognizedEntities(), 'accreditation.json');
    for (const name of ['Kyoto University', '京都大学', 'Tokyo University of Science', '東京理科大学']) {
      const r = await verify(await signDi(doctorate(fake.did, name), 'eddsa-rdfc-2022', fake.pair), createEnv({ now: NOW, trust }));
      expect(identityOf(r), name).toMatchObject({ outcome: 'not-checked', code: 'ISSUER_UNKNOWN' });
      expect(headline(r), name).toBe('UNKNOWN_ISSUER');
    }
  });

  it('with a DCC registry naming the real University of Tokyo in both languages → LOOKALIKE under either name, any width or case', async () => {
    const trust = await trustOf(dccRegistry(), 'registry.json');
    for (const name of [JA, '東京大学　', EN, 'ＴＨＥ  UNIVERSITY of tokyo']) {
      const r = await verify(await signDi(doctorate(fake.did, name), 'eddsa-rdfc-2022', fake.pair), createEnv({ now: NOW, trust }));
      const label = JSON.stringify(name);
      expect(identityOf(r), label).toMatchObject({ outcome: 'failed', code: 'LOOKALIKE', data: { entity: real.did, list: 'registry.json', kind: 'dcc-registry' } });
      expect(headline(r), label).toBe('FORGED');
    }
  });

  it('a did:web issuer that gives the listed name is a lookalike too: control of a domain is not the listed entity', async () => {
    const did = 'did:web:u-tokyo.evil.tsumiki.test';
    const key = await generateHttpsKey(did);
    const world = new World().serve('https://u-tokyo.evil.tsumiki.test/.well-known/did.json', key.controllerDocument);
    const signed = await signDi(doctorate(did, EN), 'eddsa-rdfc-2022', key.pair);
    const r = await verify(signed, world.env({ trust: await trustOf(await recognizedEntities(), 'accreditation.json') }));
    expect(r.verification.checks.find((c) => c.id === 'issuer-key')).toMatchObject({ outcome: 'passed', data: { binding: 'resolved' } });
    expect(identityOf(r)).toMatchObject({ outcome: 'failed', code: 'LOOKALIKE', data: { entity: real.did } });
    expect(headline(r)).toBe('FORGED');
  });
});

describe('the real, listed University of Tokyo', () => {
  it('its badge → passed LISTED, headline GENUINE, named as the list names it in the reader\'s language', async () => {
    const signed = await signDi(doctorate(real.did, `${JA} / ${EN}`), 'eddsa-rdfc-2022', real.pair);
    for (const [lang, name] of [['ja', JA], ['en', EN]] as const) {
      const r = await verify(signed, createEnv({ now: NOW, trust: await trustOf(await recognizedEntities(), 'accreditation.json', lang) }));
      expect(identityOf(r), lang).toMatchObject({ outcome: 'passed', code: 'LISTED', data: { name, list: 'urn:uuid:5d0c1f2e-0000-4000-8000-000000000012', kind: 'recognized-entities', signed: true, asOf: '2025-01-01T00:00:00.000Z', publisher: 'Tsumiki Test Accreditation Board' } });
      expect(r.verification.verdict, lang).toBe('verified');
      expect(headline(r), lang).toBe('GENUINE');
      expect(issuerSummary(r.reading, r.verification.checks), lang).toMatchObject({ id: real.did, proven: 'listed', listedAs: { name, list: 'urn:uuid:5d0c1f2e-0000-4000-8000-000000000012' } });
      expect(headlineDetail(headlineOf(r.verification.checks), lang), lang).toContain(name);
    }
  });

  it('on a DCC registry too (unsigned, named by its file)', async () => {
    const r = await verify(await signDi(doctorate(real.did, EN), 'eddsa-rdfc-2022', real.pair), createEnv({ now: NOW, trust: await trustOf(dccRegistry(EN), 'registry.json') }));
    expect(identityOf(r)).toMatchObject({ outcome: 'passed', code: 'LISTED', data: { name: EN, list: 'registry.json', kind: 'dcc-registry', signed: false, asOf: '2026-01-01T00:00:00Z' } });
    expect(headline(r)).toBe('GENUINE');
  });

  it('tampered → FORGED with proven "none": a failed signature proves no identity, even for a listed issuer', async () => {
    const trust = await trustOf(await recognizedEntities(), 'accreditation.json');
    const signed = await signDi(doctorate(real.did, EN), 'eddsa-rdfc-2022', real.pair);
    const tampered = tamperValue({ kind: 'json', credential: signed }, { key: 'name', value: DEGREE });
    if (tampered.kind !== 'json') throw new Error('tamperValue keeps JSON as JSON');
    const r = await verify(tampered.credential, createEnv({ now: NOW, trust }));
    expect(r.verification.checks.find((c) => c.id === 'proof')).toMatchObject({ outcome: 'failed', code: 'SIGNATURE_MISMATCH' });
    expect(identityOf(r)).toMatchObject({ outcome: 'not-checked', code: 'PROOF_NOT_VERIFIED' });
    expect(r.verification.verdict).toBe('failed');
    expect(headline(r)).toBe('FORGED');
    const who = issuerSummary(r.reading, r.verification.checks);
    expect(who).toMatchObject({ id: real.did, proven: 'none' });
    expect(who.listedAs).toBeUndefined();
  });

  it('expired → headline EXPIRED, not FORGED: genuine, but out of date', async () => {
    const trust = await trustOf(await recognizedEntities(), 'accreditation.json');
    const r = await verify(await signDi(doctorate(real.did, EN, { validUntil: EXPIRED_UNTIL }), 'eddsa-rdfc-2022', real.pair), createEnv({ now: NOW, trust }));
    expect(r.verification.checks.find((c) => c.id === 'validity-period')).toMatchObject({ outcome: 'failed', code: 'EXPIRED' });
    expect(identityOf(r)).toMatchObject({ outcome: 'passed', code: 'LISTED' });
    expect(r.verification.verdict).toBe('failed');
    expect(headline(r)).toBe('EXPIRED');
    expect(headlineDetail(headlineOf(r.verification.checks), 'en')).toBe(`Expired on ${EXPIRED_UNTIL.slice(0, 10)}`);
  });
});

describe('a signed Recognized Entities list', () => {
  it('is accepted: its publisher, its dates and every entity with all of its names', async () => {
    const got = await readTrustList(enc(await recognizedEntities()), 'accreditation.json', createEnv({ now: NOW }));
    expect(got.ok).toBe(true);
    if (!got.ok) return;
    expect(got.list).toMatchObject({
      kind: 'recognized-entities',
      id: 'urn:uuid:5d0c1f2e-0000-4000-8000-000000000012',
      publisher: { id: publisher.did, name: 'Tsumiki Test Accreditation Board' },
      signed: true,
      validFrom: '2025-01-01T00:00:00.000Z',
      validUntil: '2030-01-01T00:00:00.000Z',
    });
    expect(got.list.entries.map((e) => e.id)).toEqual([real.did, 'did:web:college.tsumiki.test']);
    expect(got.list.entries[0]).toMatchObject({ namesByLang: { ja: JA, en: EN }, url: 'https://www.u-tokyo.ac.jp/' });
    expect([...(got.list.entries[0]?.names ?? [])].sort()).toEqual([EN, '国立大学法人東京大学', JA].sort());
  });

  it('tampered (an entity added after signing) → TRUST_LIST_NOT_VERIFIED, never used', async () => {
    const list = await recognizedEntities();
    const tampered = { ...list, credentialSubject: [...(list.credentialSubject as JsonObject[]), { id: fake.did, type: 'RecognizedEntity', name: EN }] };
    expect(await readTrustList(enc(tampered), 'accreditation.json', createEnv({ now: NOW }))).toMatchObject({ ok: false, code: 'TRUST_LIST_NOT_VERIFIED' });
  });

  it('signed by a key that is not its publisher\'s → TRUST_LIST_NOT_VERIFIED', async () => {
    const { proof: _proof, ...unsigned } = await recognizedEntities();
    // Issued in another's name (the real university's DID), signed with the publisher's key.
    const resigned = await signDi({ ...unsigned, issuer: { id: real.did, name: 'Tsumiki Test Accreditation Board' } }, 'eddsa-rdfc-2022', publisher.pair);
    expect(await readTrustList(enc(resigned), 'accreditation.json', createEnv({ now: NOW }))).toMatchObject({ ok: false, code: 'TRUST_LIST_NOT_VERIFIED' });
  });

  it('expired (validUntil past) → TRUST_LIST_EXPIRED; not yet valid → TRUST_LIST_NOT_YET_VALID', async () => {
    expect(await readTrustList(enc(await recognizedEntities({ validUntil: EXPIRED_UNTIL })), 'old.json', createEnv({ now: NOW }))).toMatchObject({ ok: false, code: 'TRUST_LIST_EXPIRED' });
    expect(await readTrustList(enc(await recognizedEntities({ validFrom: FUTURE_FROM, validUntil: '2030-01-01T00:00:00Z' })), 'early.json', createEnv({ now: NOW }))).toMatchObject({ ok: false, code: 'TRUST_LIST_NOT_YET_VALID' });
  });
});

describe('a did:web issuer whose DID document binds the key', () => {
  it('→ passed DOMAIN, headline GENUINE: "issued by whoever controls <domain>", a domain and not a name', async () => {
    const did = 'did:web:badges.tsumiki.test';
    const key = await generateHttpsKey(did);
    const world = new World().serve('https://badges.tsumiki.test/.well-known/did.json', key.controllerDocument);
    const r = await verify(await signDi(doctorate(did, 'Tsumiki Badge Office'), 'eddsa-rdfc-2022', key.pair), world.env());
    expect(r.verification.checks.find((c) => c.id === 'issuer-key')).toMatchObject({ outcome: 'passed', code: 'KEY_IS_ISSUERS', data: { binding: 'resolved' } });
    expect(identityOf(r)).toMatchObject({ outcome: 'passed', code: 'DOMAIN', data: { domain: 'badges.tsumiki.test' } });
    expect(r.verification.verdict).toBe('verified');
    expect(headline(r)).toBe('GENUINE');
    expect(headlineDetail(headlineOf(r.verification.checks), 'en')).toBe('Issued by whoever controls badges.tsumiki.test');
    expect(issuerSummary(r.reading, r.verification.checks)).toEqual({ id: did, claimedName: 'Tsumiki Badge Office', domain: 'badges.tsumiki.test', proven: 'domain' });
  });

  it('the same document not served (offline, nothing cached) → no domain proven, never GENUINE', async () => {
    const did = 'did:web:badges.tsumiki.test';
    const key = await generateHttpsKey(did);
    const r = await verify(await signDi(doctorate(did, 'Tsumiki Badge Office'), 'eddsa-rdfc-2022', key.pair), new World().env({ online: false }));
    expect(identityOf(r)?.outcome).toBe('not-checked');
    expect(r.verification.verdict).not.toBe('verified');
    expect(headline(r)).not.toBe('GENUINE');
  });
});

describe('the CLI: tsumiki verify --json --trust LIST', () => {
  function cli(...args: string[]) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/tsumiki.ts', ...args], { encoding: 'utf8' });
    return { code: r.status, out: r.stdout, err: r.stderr };
  }

  it('every row carries "headline" and "issuer" {id, claimedName, proven, listedAs | lookalike}', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tsumiki-trust-'));
    const registry = join(dir, 'registry.json');
    writeFileSync(registry, JSON.stringify(dccRegistry(EN)));
    const genuine = join(dir, 'genuine.json');
    writeFileSync(genuine, JSON.stringify(await signDi(doctorate(real.did, EN), 'eddsa-rdfc-2022', real.pair)));
    const lookalike = join(dir, 'lookalike.json');
    writeFileSync(lookalike, JSON.stringify(await signDi(doctorate(fake.did, 'ＴＨＥ  UNIVERSITY of tokyo'), 'eddsa-rdfc-2022', fake.pair)));
    const { code, out } = cli('verify', '--json', '--now', NOW.toISOString(), '--trust', registry, genuine, lookalike);
    expect(code).toBe(1); // the lookalike failed
    const [good, bad] = JSON.parse(out).results;
    expect(good).toMatchObject({ file: genuine, verdict: 'verified', headline: 'GENUINE' });
    expect(good.issuer).toEqual({ id: real.did, claimedName: EN, proven: 'listed', listedAs: { name: EN, list: registry } });
    expect(good.checks).toContainEqual({ id: 'issuer-identity', outcome: 'passed', code: 'LISTED', data: expect.objectContaining({ list: registry }) });
    expect(bad).toMatchObject({ file: lookalike, verdict: 'failed', headline: 'FORGED' });
    expect(bad.issuer).toEqual({ id: fake.did, claimedName: 'ＴＨＥ  UNIVERSITY of tokyo', proven: 'none', lookalike: { name: EN, id: real.did } });

    // Without the list, the same two files: neither is green, and nobody is proven.
    const alone = JSON.parse(cli('verify', '--json', '--now', NOW.toISOString(), genuine, lookalike).out).results;
    expect(alone.map((r: { headline: string; issuer: { proven: string } }) => [r.headline, r.issuer.proven])).toEqual([
      ['UNKNOWN_ISSUER', 'none'],
      ['UNKNOWN_ISSUER', 'none'],
    ]);
  }, 60_000);

  it('a tampered or expired list given to --trust → exit 2, a coded error on stderr, no results on stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tsumiki-trust-'));
    const badge = join(dir, 'genuine.json');
    writeFileSync(badge, JSON.stringify(await signDi(doctorate(real.did, EN), 'eddsa-rdfc-2022', real.pair)));
    const list = await recognizedEntities();
    const lists: Record<string, [unknown, string]> = {
      'tampered.json': [{ ...list, validUntil: '2099-01-01T00:00:00Z' }, 'TRUST_LIST_NOT_VERIFIED'],
      'expired.json': [await recognizedEntities({ validUntil: EXPIRED_UNTIL }), 'TRUST_LIST_EXPIRED'],
      'not-a-list.json': ['{"hello": "world"}', 'TRUST_LIST_UNREADABLE'],
    };
    for (const [name, [content, errorCode]] of Object.entries(lists)) {
      const file = join(dir, name);
      writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
      for (const json of [['--json'], []]) {
        const r = cli('verify', ...json, '--now', NOW.toISOString(), '--trust', file, badge);
        expect(r.code, name).toBe(2);
        expect(r.err, name).toContain(errorCode);
        expect(r.err, name).toContain(file);
        expect(r.out, name).toBe('');
      }
    }
    // The same list untampered and in date is used (control).
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(list));
    const ok = cli('verify', '--json', '--now', NOW.toISOString(), '--trust', good, badge);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out).results[0]).toMatchObject({ headline: 'GENUINE', issuer: { proven: 'listed', listedAs: { list: 'urn:uuid:5d0c1f2e-0000-4000-8000-000000000012' } } });
  }, 60_000);
});
