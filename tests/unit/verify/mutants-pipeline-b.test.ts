// Tests written for StrykerJS (`npm run mutate`), second half of pipeline.ts: a step that throws is
// that step's error alone (which check says so), an OB 2.0 assertion that reads two ways (refused as
// its structure, the proof as checked), what tryReading says when OB 2.0 cannot be read, the
// credentials inside a credential as verifyBytes reports them (none, or more than are verified).
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject, ParsedCredential } from '../../../src/lib/model/credential.ts';
import type { Check } from '../../../src/lib/model/verification.ts';
import { createEnv, type VerifyEnv } from '../../../src/lib/verify/env.ts';
import { MAX_INNER } from '../../../src/lib/verify/inner.ts';
import { readCredential, tryReading, verifyBytes, verifyCredential } from '../../../src/lib/verify/pipeline.ts';
import type { Remote } from '../../../src/lib/verify/remote.ts';
import { generateDidKey, generateRsaKey, hashedEmail, NOW, OB_V2, ob3Credential, RECIPIENT_EMAIL, SALT, signDi, signJws, World, type DidKey, type RsaKey } from '../../support/issuer.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const STATUS_LIST = 'https://status.mutants-b.test/lists/1';
const ORG = 'https://ob2.mutants-b.test';
const PROFILE = `${ORG}/issuer.json`;
const BADGE = `${ORG}/badge.json`;
const KEY = `${ORG}/keys/1.json`;
const REVOCATIONS = `${ORG}/revocations.json`;
const ASSERTION = `${ORG}/assertions/1`;

let issuer: DidKey;
let rsa: RsaKey;
let signedVc: JsonObject;

beforeAll(async () => {
  [issuer, rsa] = await Promise.all([generateDidKey('Ed25519'), generateRsaKey()]);
  const identityHash = await hashedEmail(RECIPIENT_EMAIL, SALT);
  signedVc = await signDi(ob3Credential({ id: 'urn:tsumiki:mutants:pipeline-b', issuerId: issuer.did, identityHash, status: { list: STATUS_LIST, index: 3 } }), 'eddsa-rdfc-2022', issuer.pair);
});

const vc = (credential: JsonObject): ParsedCredential => ({ format: 'ob3-di', container: 'json', credential, bytes: enc(JSON.stringify(credential)) });
const codes = (checks: readonly Check[]) => checks.map((c) => `${c.id}:${c.code}`);
const stepError = (id: Check['id'], detail: string): Check => ({ id, outcome: 'not-checked', reason: 'error', code: 'CHECK_ERROR', data: { detail } });

/** `env` with members that throw when read (each with its message): settings the app could not read. */
function unreadableSettings(env: VerifyEnv, failing: Partial<Record<keyof VerifyEnv, string>>): VerifyEnv {
  const out = Object.fromEntries(Object.entries(env).filter(([k]) => !(k in failing)));
  for (const [key, message] of Object.entries(failing)) Object.defineProperty(out, key, { enumerable: true, get: () => { throw new Error(message); } });
  return out as unknown as VerifyEnv; // why: every member of env is there, the failing ones as getters
}

/** `env` whose remote throws (rather than answering ok: false) for `url`, or for every URL. */
function throwingRemote(env: VerifyEnv, url?: string): VerifyEnv {
  const remote: Remote = {
    online: env.remote.online,
    get: async (u, options) => {
      if (url === undefined || u === url) throw new Error(`no answer from ${u}`);
      return env.remote.get(u, options);
    },
  };
  return { ...env, remote };
}

// An OB 2.0 issuer on the web: its Profile (with a revocation list), BadgeClass and RSA key.
function ob2World(): World {
  return new World()
    .serve(PROFILE, { '@context': OB_V2, type: 'Issuer', id: PROFILE, name: 'OB2 Org', url: ORG, publicKey: KEY, revocationList: REVOCATIONS })
    .serve(BADGE, { '@context': OB_V2, type: 'BadgeClass', id: BADGE, name: 'B', issuer: PROFILE })
    .serve(KEY, { '@context': OB_V2, type: 'CryptographicKey', id: KEY, owner: PROFILE, publicKeyPem: rsa.publicKeyPem })
    .serve(REVOCATIONS, { '@context': OB_V2, type: 'RevocationList', id: REVOCATIONS, issuer: PROFILE, revokedAssertions: [] });
}

const ob2Assertion = (extra: JsonObject = {}): JsonObject => ({
  '@context': OB_V2,
  type: 'Assertion',
  id: ASSERTION,
  badge: BADGE,
  recipient: { type: 'email', hashed: false, identity: RECIPIENT_EMAIL },
  issuedOn: '2025-01-01T00:00:00Z',
  verification: { type: 'SignedBadge', creator: KEY },
  ...extra,
});

async function signedOb2(assertion: JsonObject): Promise<ParsedCredential> {
  const jws = await signJws(assertion, { alg: 'RS256' }, rsa.privateKey);
  return { format: 'ob2-signed', container: 'jws', credential: assertion, jws, bytes: enc(jws) };
}

const hostedOb2 = (assertion: JsonObject): ParsedCredential => ({ format: 'ob2-hosted', container: 'json', credential: assertion, bytes: enc(JSON.stringify(assertion)) });

describe('mutants: pipeline.ts (second half) — a step that throws is that step’s error alone', () => {
  it('VC: the trust lists and the remote throw — issuer-identity and status say so, the rest is checked', async () => {
    const env = unreadableSettings(throwingRemote(createEnv({ now: NOW })), { trust: 'the trust lists could not be read' });
    const { verification, reading } = await verifyCredential(vc(signedVc), env);
    expect(reading).toBeDefined();
    expect(codes(verification.checks)).toEqual([
      'format:FORMAT_OK',
      'structure:STRUCTURE_OK',
      'proof:PROOF_VALID',
      'issuer-key:KEY_IS_ISSUERS',
      'issuer-identity:CHECK_ERROR',
      'validity-period:WITHIN_VALIDITY',
      'status:CHECK_ERROR',
      'recipient:NO_RECIPIENT_GIVEN',
    ]);
    expect(verification.checks[4]).toEqual(stepError('issuer-identity', 'the trust lists could not be read'));
    expect(verification.checks[6]).toEqual(stepError('status', `no answer from ${STATUS_LIST}`));
    expect(verification.verdict).toBe('incomplete');
  });

  it('VC: a clock skew that cannot be read — the validity period says so', async () => {
    const { validFrom: _f, validUntil: _u, ...undated } = signedVc;
    const env = unreadableSettings(createEnv({ now: NOW }), { clockSkewSeconds: 'no clock skew setting' });
    const { verification } = await verifyCredential(vc(undated), env);
    expect(verification.checks.find((c) => c.code === 'CHECK_ERROR' && c.data?.detail === 'no clock skew setting' && c.id !== 'proof')).toEqual(stepError('validity-period', 'no clock skew setting'));
    expect(codes(verification.checks).filter((c) => c.startsWith('validity-period:'))).toEqual(['validity-period:CHECK_ERROR']);
  });

  it('OB 2.0: the trust lists, the clock skew and the revocation list throw — each its own check', async () => {
    const env = unreadableSettings(throwingRemote(ob2World().env(), REVOCATIONS), { trust: 'the trust lists could not be read', clockSkewSeconds: 'no clock skew setting' });
    const { verification, reading } = await verifyCredential(await signedOb2(ob2Assertion()), env);
    expect(reading).toBeDefined();
    expect(codes(verification.checks)).toEqual([
      'format:FORMAT_OK',
      'structure:STRUCTURE_OK',
      'proof:PROOF_VALID',
      'issuer-key:KEY_IS_ISSUERS',
      'issuer-identity:CHECK_ERROR',
      'validity-period:CHECK_ERROR',
      'status:CHECK_ERROR',
      'recipient:NO_RECIPIENT_GIVEN',
    ]);
    expect(verification.checks.slice(4, 7)).toEqual([
      stepError('issuer-identity', 'the trust lists could not be read'),
      stepError('validity-period', 'no clock skew setting'),
      stepError('status', `no answer from ${REVOCATIONS}`),
    ]);
  });

  it('OB 2.0: the proof step throws — the proof says so, the key is not readable, the rest skipped for it', async () => {
    const env = throwingRemote(ob2World().env());
    const { verification, reading } = await verifyCredential(hostedOb2(ob2Assertion({ verification: { type: 'hosted' } })), env);
    expect(reading).toBeUndefined();
    const after = { outcome: 'not-checked', reason: 'error', code: 'PROOF_NOT_VERIFIED' } as const;
    expect(verification.checks).toEqual([
      { id: 'format', outcome: 'passed', code: 'FORMAT_OK', data: { format: 'ob2-hosted', container: 'json' } },
      { id: 'structure', outcome: 'passed', code: 'STRUCTURE_OK', data: { ob: '2.0' } },
      stepError('proof', `no answer from ${ASSERTION}`),
      { id: 'issuer-key', outcome: 'not-checked', reason: 'error', code: 'NOT_READABLE' },
      { id: 'issuer-identity', ...after },
      { id: 'validity-period', ...after },
      { id: 'status', ...after },
      { id: 'recipient', outcome: 'not-checked', reason: 'not-applicable', code: 'NO_RECIPIENT_GIVEN' },
    ]);
    expect(verification.verdict).toBe('incomplete');
    // No reading: the first check that did not pass is the reason.
    expect(await tryReading(hostedOb2(ob2Assertion({ verification: { type: 'hosted' } })), env)).toEqual({ error: { code: 'CHECK_ERROR', message: 'the OB 2.0 assertion could not be read' } });
  });

  it('never throws: an environment that throws outside any step ends as a proof error', async () => {
    const env = unreadableSettings(createEnv({ now: NOW }), { recipient: 'the recipient setting could not be read' });
    const { verification } = await verifyCredential(vc(signedVc), env);
    expect(verification.checks.at(-1)).toEqual(stepError('proof', 'the recipient setting could not be read'));
    expect(verification.verdict).toBe('incomplete');
  });
});

describe('mutants: pipeline.ts (second half) — an OB 2.0 assertion that reads two ways', () => {
  it('hosted, offline, two badges: the structure is AMBIGUOUS (failed), the proof as checked (offline)', async () => {
    const assertion = ob2Assertion({ badge: [BADGE, `${ORG}/badge-2.json`], verification: { type: 'hosted' } });
    const env = createEnv({ now: NOW });
    const { verification, reading } = await verifyCredential(hostedOb2(assertion), env);
    expect(reading).toBeUndefined();
    const after = { outcome: 'not-checked', reason: 'offline', code: 'PROOF_NOT_VERIFIED' } as const;
    expect(verification.checks).toEqual([
      { id: 'format', outcome: 'passed', code: 'FORMAT_OK', data: { format: 'ob2-hosted', container: 'json' } },
      { id: 'structure', outcome: 'failed', code: 'AMBIGUOUS', data: { problem: 'badge has 2 values' } },
      { id: 'proof', outcome: 'not-checked', reason: 'offline', code: 'NEEDS_NETWORK', data: { url: ASSERTION } },
      { id: 'issuer-key', ...after },
      { id: 'issuer-identity', ...after },
      { id: 'validity-period', ...after },
      { id: 'status', ...after },
      { id: 'recipient', outcome: 'not-checked', reason: 'not-applicable', code: 'NO_RECIPIENT_GIVEN' },
    ]);
    expect(verification.verdict).toBe('failed');
    expect(await tryReading(hostedOb2(assertion), env)).toEqual({ error: { code: 'AMBIGUOUS', message: 'the OB 2.0 assertion could not be read' } });
    expect(await readCredential(hostedOb2(assertion), env)).toBeUndefined();
  });

  it('signed, valid, two recipient identities: AMBIGUOUS, the proof and key passed, what needs the reading not readable', async () => {
    const assertion = ob2Assertion({ recipient: { type: 'email', hashed: false, identity: [RECIPIENT_EMAIL, 'someone@else.test'] } });
    const { verification, reading } = await verifyCredential(await signedOb2(assertion), ob2World().env({ recipient: { identity: RECIPIENT_EMAIL } }));
    expect(reading).toBeUndefined();
    expect(verification.checks[1]).toEqual({ id: 'structure', outcome: 'failed', code: 'AMBIGUOUS', data: { problem: 'identity has 2 values' } });
    expect(verification.checks[2]).toMatchObject({ id: 'proof', outcome: 'passed', code: 'PROOF_VALID' });
    expect(verification.checks[3]).toMatchObject({ id: 'issuer-key', outcome: 'passed' });
    expect(verification.checks.slice(4)).toEqual(['issuer-identity', 'validity-period', 'status', 'recipient'].map((id) => ({ id, outcome: 'not-checked', reason: 'error', code: 'NOT_READABLE' })));
    expect(verification.verdict).toBe('failed');
  });

  it('the same assertion read one way is read, and tryReading gives the reading', async () => {
    const parsed = await signedOb2(ob2Assertion());
    const read = await tryReading(parsed, ob2World().env());
    expect(read).toEqual({ reading: expect.objectContaining({ source: 'ob2' }) });
  });
});

describe('mutants: pipeline.ts (second half) — validity bounds and the credentials inside', () => {
  it('a VC with no dates: within validity, and the data names no bound', async () => {
    const { validFrom: _f, validUntil: _u, proof: _p, ...undated } = signedVc;
    const { verification } = await verifyCredential(vc(undated), createEnv({ now: NOW }));
    expect(verification.checks.find((c) => c.id === 'validity-period')).toEqual({ id: 'validity-period', outcome: 'passed', code: 'WITHIN_VALIDITY', data: { now: NOW.toISOString() } });
  });

  it('a credential holding none: no inner results and no count of skipped ones', async () => {
    const result = await verifyBytes(enc(JSON.stringify(signedVc)), createEnv({ now: NOW }));
    expect(result.credentials).toHaveLength(1);
    const [only] = result.credentials;
    expect(only && 'inner' in only).toBe(false);
    expect(only && 'innerSkipped' in only).toBe(false);
  });

  it(`more than ${MAX_INNER} inside: ${MAX_INNER} reported, the rest counted`, async () => {
    const clr = { ...signedVc, credentialSubject: { ...(signedVc.credentialSubject as JsonObject), verifiableCredential: Array.from({ length: MAX_INNER + 3 }, () => 'eyJ.eyJ.x') } };
    const result = await verifyBytes(enc(JSON.stringify(clr)), createEnv({ now: NOW }));
    const [outer] = result.credentials;
    expect(outer?.inner).toHaveLength(MAX_INNER);
    expect(outer?.innerSkipped).toBe(3);
  });
});
