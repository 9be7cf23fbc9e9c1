// Tests written for StrykerJS (`npm run mutate`): the pipeline's own paths — URL inputs, rejected
// reports, readings without a verdict (readCredential, tryReading), unreadable credentials and which
// checks they skip — on credentials signed at test time.
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject, ParsedCredential } from '../../../src/lib/model/credential.ts';
import { createEnv } from '../../../src/lib/verify/env.ts';
import { readCredential, rejectedReport, tryReading, verifyBytes, verifyCredential } from '../../../src/lib/verify/pipeline.ts';
import { createRemote } from '../../../src/lib/verify/remote.ts';
import { generateDidKey, NOW, ob3Credential, SALT, signDi, VC_V2, World, hashedEmail, RECIPIENT_EMAIL, type DidKey } from '../../support/issuer.ts';

const enc = (s: string) => new TextEncoder().encode(s);
let issuer: DidKey;
let signed: JsonObject;

beforeAll(async () => {
  issuer = await generateDidKey('Ed25519');
  signed = await signDi(ob3Credential({ id: 'urn:tsumiki:mutants:pipeline', issuerId: issuer.did, identityHash: await hashedEmail(RECIPIENT_EMAIL, SALT) }), 'eddsa-rdfc-2022', issuer.pair);
});

const parsedOf = (credential: JsonObject): ParsedCredential => ({ format: 'ob3-di', container: 'json', credential, bytes: enc(JSON.stringify(credential)) });
const ids = (checks: readonly { id: string; code: string }[]) => checks.map((c) => `${c.id}:${c.code}`);

describe('URL inputs', () => {
  const URL_ = 'https://issuer.mutants.test/badges/1';

  it('offline: URL_NEEDS_NETWORK, with a rejected report dated and marked offline', async () => {
    const result = await verifyBytes(enc(URL_), createEnv({ now: NOW, remote: createRemote({ online: false }) }));
    expect(result).toEqual({
      credentials: [],
      error: { code: 'URL_NEEDS_NETWORK', message: `${URL_}: NEEDS_NETWORK` },
      rejected: { verdict: 'rejected', checks: [{ id: 'format', outcome: 'failed', code: 'UNREADABLE', data: { error: 'URL_NEEDS_NETWORK' } }], checkedAt: NOW.toISOString(), online: false },
    });
  });

  it('online, the fetch fails: URL_FETCH_FAILED', async () => {
    const env = createEnv({ now: NOW, remote: createRemote({ online: true, fetch: async () => Promise.reject(new Error('down')), now: () => NOW }) });
    expect(await verifyBytes(enc(URL_), env)).toMatchObject({ credentials: [], error: { code: 'URL_FETCH_FAILED', message: `${URL_}: FETCH_FAILED` }, rejected: { online: true } });
  });

  it('the URL serves a credential: verified as if given', async () => {
    const result = await verifyBytes(enc(URL_), new World().serve(URL_, signed).env());
    expect(result.error).toBeUndefined();
    expect(result.credentials).toHaveLength(1);
    expect(result.credentials[0]?.verification.checks.find((c) => c.id === 'proof')).toMatchObject({ outcome: 'passed' });
  });

  it('a URL that serves another URL: INTERNAL, not followed', async () => {
    const world = new World().serve(URL_, 'https://issuer.mutants.test/badges/2', { contentType: 'text/plain' }).serve('https://issuer.mutants.test/badges/2', signed);
    expect(await verifyBytes(enc(URL_), world.env())).toMatchObject({ credentials: [], error: { code: 'INTERNAL', message: 'a URL that points to another URL' }, rejected: { verdict: 'rejected' } });
    expect(world.requests).toEqual([URL_]);
  });

  it('unreadable bytes: the parser’s code, rejected', async () => {
    const env = createEnv({ now: NOW });
    expect(await verifyBytes(enc('hello'), env)).toEqual({ credentials: [], error: { code: 'FORMAT_UNRECOGNIZED', message: 'not JSON, a JWS, a URL, a PNG or an SVG' }, rejected: rejectedReport('FORMAT_UNRECOGNIZED', env) });
  });
});

describe('a reading without a verdict', () => {
  const env = () => createEnv({ now: NOW });

  it('readCredential and tryReading read a VC from its graph', async () => {
    const reading = await readCredential(parsedOf(signed), env());
    expect(reading).toMatchObject({ source: 'graph', badge: { issuer: { id: issuer.did }, title: 'Knot Tying' } });
    expect(await tryReading(parsedOf(signed), env())).toEqual({ reading });
  });

  it('an unreadable VC: undefined, or the reason (unknown context, ambiguous graph)', async () => {
    const unknown = { ...signed, '@context': [VC_V2, 'https://contexts.unknown.test/v1'] };
    expect(await readCredential(parsedOf(unknown), env())).toBeUndefined();
    expect(await tryReading(parsedOf(unknown), env())).toEqual({ error: { code: 'UNKNOWN_CONTEXT', message: 'https://contexts.unknown.test/v1' } });
    const notAVc = { '@context': [VC_V2], id: 'urn:x', type: ['VerifiablePresentation'] };
    expect(await tryReading(parsedOf(notAVc), env())).toEqual({ error: { code: 'AMBIGUOUS', message: 'no credential in the signed graph' } });
  });

  it('an OB 2.0 assertion nothing could be fetched for (offline) is read as given', async () => {
    const assertion = { '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: 'https://ob2.mutants.test/a', recipient: {}, badge: 'https://ob2.mutants.test/b', issuedOn: '2025-01-01', verification: { type: 'hosted' } };
    const ob2: ParsedCredential = { format: 'ob2-hosted', container: 'json', credential: assertion, bytes: new Uint8Array() };
    const read = await tryReading(ob2, env());
    expect(read).toEqual({ reading: { source: 'ob2', document: { ...assertion, badge: { id: 'https://ob2.mutants.test/b' } }, badge: expect.objectContaining({ achievement: { id: 'https://ob2.mutants.test/b', name: null, type: null } }) } });
  });
});

describe('a VC that cannot be read is still checked as far as it can be', () => {
  it('unknown context: structure not-checked, the checks after the proof skipped for the proof’s reason', async () => {
    const unknown = { ...signed, '@context': [VC_V2, 'https://contexts.unknown.test/v1'] };
    const { verification, reading } = await verifyCredential(parsedOf(unknown), createEnv({ now: NOW }));
    expect(reading).toBeUndefined();
    expect(verification.checks).toEqual([
      { id: 'format', outcome: 'passed', code: 'FORMAT_OK', data: { format: 'ob3-di', container: 'json' } },
      { id: 'structure', outcome: 'not-checked', reason: 'unsupported', code: 'UNKNOWN_CONTEXT', data: { url: 'https://contexts.unknown.test/v1' } },
      expect.objectContaining({ id: 'proof', outcome: 'not-checked', reason: 'unsupported', code: 'UNKNOWN_CONTEXT' }),
      { id: 'issuer-key', outcome: 'not-checked', reason: 'unsupported', code: 'PROOF_NOT_VERIFIED' },
      { id: 'issuer-identity', outcome: 'not-checked', reason: 'unsupported', code: 'PROOF_NOT_VERIFIED' },
      { id: 'validity-period', outcome: 'not-checked', reason: 'unsupported', code: 'PROOF_NOT_VERIFIED' },
      { id: 'status', outcome: 'not-checked', reason: 'unsupported', code: 'PROOF_NOT_VERIFIED' },
      { id: 'recipient', outcome: 'not-checked', reason: 'not-applicable', code: 'NO_RECIPIENT_GIVEN' },
    ]);
    expect(verification.verdict).toBe('unsupported');
  });

  it('with a recipient to compare and no reading: the recipient is not readable (not a mismatch)', async () => {
    const unknown = { ...signed, '@context': [VC_V2, 'https://contexts.unknown.test/v1'] };
    const { verification } = await verifyCredential(parsedOf(unknown), createEnv({ now: NOW, recipient: { identity: RECIPIENT_EMAIL } }));
    expect(verification.checks.at(-1)).toEqual({ id: 'recipient', outcome: 'not-checked', reason: 'error', code: 'NOT_READABLE' });
  });

  it('a graph that is no credential: AMBIGUOUS structure, and the proof still checked', async () => {
    const vp = await signDi({ '@context': [VC_V2], id: 'urn:vp', type: ['VerifiablePresentation'] }, 'eddsa-rdfc-2022', issuer.pair);
    const { verification } = await verifyCredential(parsedOf(vp), createEnv({ now: NOW }));
    expect(verification.checks[1]).toEqual({ id: 'structure', outcome: 'failed', code: 'AMBIGUOUS', data: { problem: 'no credential in the signed graph' } });
    // The proof passed (no issuer to hold it to); what needs the reading is NOT_READABLE.
    expect(ids(verification.checks).slice(2)).toEqual(['proof:PROOF_VALID', 'issuer-key:NOT_READABLE', 'issuer-identity:NOT_READABLE', 'validity-period:NOT_READABLE', 'status:NOT_READABLE', 'recipient:NO_RECIPIENT_GIVEN']);
  });

  it('an undefined term (safe mode): UNDEFINED_TERM with the words', async () => {
    const { verification } = await verifyCredential(parsedOf({ ...signed, notATerm: 'x' }), createEnv({ now: NOW }));
    expect(verification.checks[1]).toMatchObject({ id: 'structure', outcome: 'failed', code: 'UNDEFINED_TERM' });
    expect(String(verification.checks[1]?.data?.detail)).not.toBe('');
  });
});

describe('the report', () => {
  it('says when it was checked and whether the network was allowed', async () => {
    const { verification } = await verifyCredential(parsedOf(signed), new World().env({ online: true }));
    expect(verification.checkedAt).toBe(NOW.toISOString());
    expect(verification.online).toBe(true);
    expect(ids(verification.checks)).toEqual([
      'format:FORMAT_OK',
      'structure:STRUCTURE_OK',
      'proof:PROOF_VALID',
      'issuer-key:KEY_IS_ISSUERS',
      expect.stringMatching(/^issuer-identity:/),
      'validity-period:WITHIN_VALIDITY',
      'status:NOT_APPLICABLE',
      'recipient:NO_RECIPIENT_GIVEN',
    ]);
  });

  it('a status check after a failed proof is skipped for it', async () => {
    const tampered = { ...signed, name: 'Changed' };
    const { verification } = await verifyCredential(parsedOf(tampered), createEnv({ now: NOW }));
    expect(verification.checks.find((c) => c.id === 'status')).toEqual({ id: 'status', outcome: 'not-checked', reason: 'not-applicable', code: 'PROOF_NOT_VERIFIED' });
    expect(verification.verdict).toBe('failed');
  });
});
