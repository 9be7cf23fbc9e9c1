// Tests written for StrykerJS (`npm run mutate`): the pipeline's own paths — URL inputs, rejected
// reports, readings without a verdict (readCredential, tryReading), unreadable credentials and which
// checks they skip — on credentials signed at test time.
import jsonld from 'jsonld';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { JsonObject, ParsedCredential } from '../../../src/lib/model/credential.ts';
import type { Check } from '../../../src/lib/model/verification.ts';
import { createEnv } from '../../../src/lib/verify/env.ts';
import { readCredential, rejectedReport, tryReading, verifyBytes, verifyCredential } from '../../../src/lib/verify/pipeline.ts';
import { createRemote, type RemoteCache } from '../../../src/lib/verify/remote.ts';
import { generateDidKey, NOW, ob3Credential, SALT, signDi, VC_V2, World, hashedEmail, RECIPIENT_EMAIL, type DidKey } from '../../support/issuer.ts';
import { flipBase64url, generateDidJwk, NOT_REVOKED_INDEX, OB_V3, signJws, statusListCredential, VALID_FROM, VALID_UNTIL } from '../../support/issuer.ts';

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

describe('mutants: pipeline.ts, steps, structure and JWT bounds', () => {
  const checkOf = (checks: readonly Check[], id: string) => checks.find((c) => c.id === id);
  const structureOf = async (credential: JsonObject) => checkOf((await verifyCredential(parsedOf(credential), createEnv({ now: NOW }))).verification.checks, 'structure');
  let plain: JsonObject;
  beforeAll(async () => {
    plain = ob3Credential({ id: 'urn:tsumiki:mutants:pipeline:plain', issuerId: issuer.did, identityHash: await hashedEmail(RECIPIENT_EMAIL, SALT) });
  });

  describe('a step that throws is not-checked / CHECK_ERROR for that step alone', () => {
    // A storage that fails (IndexedDB closed, over quota) makes the remote door throw instead of answering.
    const STORAGE = `storage failed: ${'x'.repeat(400)}`;
    const broken: RemoteCache = {
      get: async () => Promise.reject(new Error(STORAGE)),
      put: async () => Promise.reject(new Error('quota exceeded')),
    };
    const CHECK_ERROR = (id: string) => ({ id, outcome: 'not-checked', reason: 'error', code: 'CHECK_ERROR', data: { detail: STORAGE.slice(0, 300) } });

    it('the status list cannot be fetched for a storage error: status CHECK_ERROR (its words clipped to 300), every other check as usual', async () => {
      const LIST = 'https://issuer.mutants.test/status/1';
      const credential = await signDi(ob3Credential({ id: 'urn:tsumiki:mutants:pipeline:status', issuerId: issuer.did, identityHash: 'x', status: { list: LIST, index: NOT_REVOKED_INDEX } }), 'eddsa-rdfc-2022', issuer.pair);
      const world = new World().serve(LIST, await signDi(statusListCredential(LIST, issuer.did, []), 'eddsa-rdfc-2022', issuer.pair));
      const healthy = (await verifyCredential(parsedOf(credential), world.env())).verification;
      expect(checkOf(healthy.checks, 'status')).toMatchObject({ outcome: 'passed', code: 'NOT_REVOKED' });
      const { verification } = await verifyCredential(parsedOf(credential), world.env({ cache: broken }));
      expect(checkOf(verification.checks, 'status')).toEqual(CHECK_ERROR('status'));
      expect(verification.checks.filter((c) => c.id !== 'status')).toEqual(healthy.checks.filter((c) => c.id !== 'status'));
    });

    it('an OB 2.0 hosted assertion whose fetch fails for a storage error: proof CHECK_ERROR', async () => {
      const A = 'https://ob2.mutants.test/assertions/1';
      const assertion = { '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', id: A, recipient: { type: 'email', hashed: false, identity: RECIPIENT_EMAIL }, badge: 'https://ob2.mutants.test/badges/1', issuedOn: '2025-01-01', verification: { type: 'hosted' } };
      const result = await verifyBytes(enc(JSON.stringify(assertion)), new World().serve(A, assertion).env({ cache: broken }));
      expect(checkOf(result.credentials[0]?.verification.checks ?? [], 'proof')).toEqual(CHECK_ERROR('proof'));
    });
  });

  describe('a VC that cannot be read as JSON-LD', () => {
    it('jsonld.js refuses it for another reason than an undefined term: STRUCTURE_INVALID quoting its words, clipped to 300', async () => {
      const version = 'v'.repeat(400);
      expect(await structureOf({ ...plain, '@context': [VC_V2, OB_V3, { '@version': version }] })).toEqual({
        id: 'structure',
        outcome: 'failed',
        code: 'STRUCTURE_INVALID',
        data: { problem: `not readable as JSON-LD: ${`Unsupported JSON-LD version: ${version}`.slice(0, 300)}` },
      });
    });

    it('words that mention safe mode do not make an undefined term: only jsonld.js’s ValidationError does', async () => {
      expect(await structureOf({ ...plain, '@context': [VC_V2, OB_V3, { '@version': 'safe mode' }] })).toEqual({
        id: 'structure',
        outcome: 'failed',
        code: 'STRUCTURE_INVALID',
        data: { problem: 'not readable as JSON-LD: Unsupported JSON-LD version: safe mode' },
      });
      expect(await structureOf({ ...plain, notATerm: 'x' })).toEqual({ id: 'structure', outcome: 'failed', code: 'UNDEFINED_TERM', data: { detail: 'Safe mode validation error.' } });
    });
  });

  describe('1EdTech’s schema: a layout it refuses is AMBIGUOUS only when the plain reading passes', () => {
    const SCHEMA = 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';
    const untilAsArray = (c: JsonObject): JsonObject => ({ ...c, validUntil: [VALID_UNTIL] });
    const ambiguous = { id: 'structure', outcome: 'failed', code: 'AMBIGUOUS', data: { path: '/validUntil', problem: 'written in a layout the schema does not allow (must be string)', schema: SCHEMA } };
    const invalid = { id: 'structure', outcome: 'failed', code: 'STRUCTURE_INVALID', data: { path: '/validUntil', problem: 'must be string', schema: SCHEMA } };

    it('validUntil written as a one-value array: AMBIGUOUS, naming the pointer and the schema’s words', async () => {
      expect(await structureOf(untilAsArray(plain))).toEqual(ambiguous);
    });

    it('the plain reading gives an embedded credential its contexts, and reads a JSON literal holding null', async () => {
      // An endorsement's schema requires its @context, which the reading of the graph does not hold.
      const endorsement = {
        '@context': [VC_V2, OB_V3],
        id: 'urn:tsumiki:mutants:endorsement',
        type: ['VerifiableCredential', 'EndorsementCredential'],
        name: 'Endorsement',
        issuer: { id: 'did:example:endorser', type: ['Profile'] },
        validFrom: VALID_FROM,
        credentialSubject: { id: 'https://issuer.tsumiki.test/achievements/knots', type: ['EndorsementSubject'], endorsementComment: 'Well taught.' },
      };
      expect(await structureOf(untilAsArray({ ...plain, endorsement: [endorsement] }))).toEqual(ambiguous);
      // VC 2.0 types `_sd` as @json: its value is read back as JSON, nulls included.
      expect(await structureOf(untilAsArray({ ...plain, _sd: { disclosed: null } }))).toEqual(ambiguous);
    });

    it('a proof the schema refuses is no matter of layout: STRUCTURE_INVALID', async () => {
      const signed = await signDi(plain, 'eddsa-rdfc-2022', issuer.pair);
      expect(await structureOf(untilAsArray(signed))).toEqual(ambiguous);
      const badProof = { ...signed, proof: { ...(signed.proof as JsonObject), created: 'yesterday' } };
      expect(await structureOf(untilAsArray(badProof))).toEqual(invalid);
    });

    it('JSON that calls itself an OpenBadgeCredential when its graph does not: checked as written, STRUCTURE_INVALID', async () => {
      // Another @vocab makes `OpenBadgeCredential` some other class: no schema applies to the reading.
      expect(await structureOf({ ...plain, '@context': [VC_V2, { '@vocab': 'https://vocab.mutants.test/#' }] })).toEqual({
        id: 'structure',
        outcome: 'failed',
        code: 'STRUCTURE_INVALID',
        data: { path: '/@context/1', problem: 'must be string', schema: SCHEMA },
      });
    });

    it('a credential failing Tsumiki’s own structure check says so, the schema not asked', async () => {
      const subject = { ...(plain.credentialSubject as JsonObject) };
      delete subject.achievement;
      expect(await structureOf({ ...plain, credentialSubject: subject })).toEqual({ id: 'structure', outcome: 'failed', code: 'STRUCTURE_INVALID', data: { path: 'credentialSubject.achievement', problem: 'missing' } });
    });
  });

  it('a Data Integrity credential’s graph is built once: the signature check hashes the reading’s quads', async () => {
    const toRdf = vi.spyOn(jsonld, 'toRDF');
    try {
      const { verification } = await verifyCredential(parsedOf(signed), createEnv({ now: NOW }));
      expect(checkOf(verification.checks, 'proof')).toMatchObject({ outcome: 'passed' });
      const ofTheCredential = toRdf.mock.calls.filter(([doc]) => (doc as JsonObject).credentialSubject !== undefined);
      expect(ofTheCredential).toHaveLength(1);
    } finally {
      toRdf.mockRestore();
    }
  });

  describe('a VC-JWT’s nbf and exp are validity bounds, only when its signature holds', () => {
    const seconds = (iso: string) => Date.parse(iso) / 1000;
    /** The validity check of a VC 2.0 JWT with no dates of its own, signed with `claims` (and broken when asked). */
    async function validityOf(claims: JsonObject, credential: JsonObject = {}, broken = false): Promise<Check | undefined> {
      const k = await generateDidJwk('ES256');
      const payload = { '@context': [VC_V2], type: ['VerifiableCredential'], issuer: k.did, credentialSubject: { id: 'did:example:subject' }, iss: k.did, ...credential, ...claims };
      const jws = await signJws(payload, { alg: 'ES256', typ: 'JWT', kid: k.vm }, k.privateKey);
      const [header, body, signature] = jws.split('.') as [string, string, string];
      const result = await verifyBytes(enc(broken ? `${header}.${body}.${flipBase64url(signature)}` : jws), createEnv({ now: NOW }));
      const checks = result.credentials[0]?.verification.checks ?? [];
      expect(checkOf(checks, 'proof')).toMatchObject(broken ? { outcome: 'failed', code: 'SIGNATURE_MISMATCH' } : { outcome: 'passed' });
      return checkOf(checks, 'validity-period');
    }
    const now = NOW.toISOString();

    it('nbf and exp: the period they state, named by their claims', async () => {
      expect(await validityOf({ nbf: seconds(VALID_FROM), exp: seconds(VALID_UNTIL) })).toEqual({
        id: 'validity-period',
        outcome: 'passed',
        code: 'WITHIN_VALIDITY',
        data: { now, validFrom: '2025-01-01T00:00:00Z', fromField: 'nbf', validUntil: '2030-01-01T00:00:00Z', untilField: 'exp' },
      });
    });

    it('neither: no bounds at all', async () => {
      expect(await validityOf({})).toEqual({ id: 'validity-period', outcome: 'passed', code: 'WITHIN_VALIDITY', data: { now } });
    });

    it('a claim that is no NumericDate: DATE_INVALID naming it and its value', async () => {
      expect(await validityOf({ nbf: 'yesterday', exp: seconds(VALID_UNTIL) })).toEqual({ id: 'validity-period', outcome: 'failed', code: 'DATE_INVALID', data: { field: 'nbf', value: 'yesterday' } });
      expect(await validityOf({ nbf: seconds(VALID_FROM), exp: '2030-01-01' })).toEqual({ id: 'validity-period', outcome: 'failed', code: 'DATE_INVALID', data: { field: 'exp', value: '2030-01-01' } });
    });

    it('a broken signature: its claims prove nothing, only the credential’s own dates count', async () => {
      const claims = { nbf: seconds('2027-01-01T00:00:00Z'), exp: 'never' };
      expect(await validityOf(claims, {}, true)).toEqual({ id: 'validity-period', outcome: 'passed', code: 'WITHIN_VALIDITY', data: { now } });
      expect(await validityOf(claims, { validFrom: VALID_FROM }, true)).toEqual({
        id: 'validity-period',
        outcome: 'passed',
        code: 'WITHIN_VALIDITY',
        data: { now, validFrom: VALID_FROM, fromField: 'validFrom' },
      });
    });
  });
});
