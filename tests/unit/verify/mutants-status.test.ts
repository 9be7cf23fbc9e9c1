// Tests written from surviving mutants (StrykerJS, `npm run mutate`): the status step, called directly
// (checkStatus on a credential reading) against status lists signed at test time and served by a World.
// Each `it` names what a mutant changed and the suite did not notice.
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue, ParsedCredential } from '../../../src/lib/model/credential.ts';
import type { Check } from '../../../src/lib/model/verification.ts';
import { checkStatus } from '../../../src/lib/verify/steps/status.ts';
import { encodeStatusList, generateDidKey, NOW, REVOKED_INDEX, signDi, statusListCredential, VALID_FROM, VC_V2, World, type DidKey } from '../../support/issuer.ts';

const LISTS = 'https://status.mutants.tsumiki.test/lists';
let issuer: DidKey;
let world: World;

const vc = (credentialStatus: JsonValue, extra: JsonObject = {}): JsonObject => ({
  '@context': [VC_V2],
  id: 'urn:tsumiki:mutants:status',
  type: ['VerifiableCredential'],
  issuer: issuer.did,
  validFrom: VALID_FROM,
  credentialSubject: { id: 'did:example:learner' },
  credentialStatus,
  ...extra,
});
const parsedOf = (credential: JsonObject): ParsedCredential => ({ format: 'ob3-di', container: 'json', credential, bytes: new Uint8Array() });
const status = (credential: JsonObject, env = world.env()): Promise<Check> => checkStatus(parsedOf(credential), credential, env);

function entry(list: string, index: number | string = REVOKED_INDEX, extra: JsonObject = {}): JsonObject {
  return { id: `${list}#${index}`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: String(index), statusListCredential: list, ...extra };
}

/** A signed list at `url`, with `edit` applied to the unsigned list first. */
async function serveList(url: string, edit: (list: JsonObject, subject: JsonObject) => void = () => {}, bits: readonly number[] = [REVOKED_INDEX]): Promise<JsonObject> {
  const list = statusListCredential(url, issuer.did, bits);
  edit(list, list.credentialSubject as JsonObject); // why: statusListCredential writes one subject object
  const signed = await signDi(list, 'eddsa-rdfc-2022', issuer.pair);
  world.serve(url, signed);
  return signed;
}

beforeAll(async () => {
  issuer = await generateDidKey('Ed25519');
  world = new World();
  await serveList(`${LISTS}/revocation`);
  await serveList(`${LISTS}/no-encoded-list`, (_, s) => delete s.encodedList);
  await serveList(`${LISTS}/undecodable`, (_, s) => (s.encodedList = 'uAAAAAAAA'));
  await serveList(`${LISTS}/refresh`, (_, s) => (s.statusPurpose = 'refresh'));
  await serveList(`${LISTS}/message`, (_, s) => (s.statusPurpose = 'message'), [8, 9]);
  // Readable and signed, but no status list.
  const notAList = statusListCredential(`${LISTS}/not-a-list`, issuer.did, []);
  notAList.type = ['VerifiableCredential'];
  world.serve(`${LISTS}/not-a-list`, await signDi(notAList, 'eddsa-rdfc-2022', issuer.pair));
  // A list whose signature no longer holds (its subject changed after signing).
  const tampered = structuredClone(await serveList(`${LISTS}/tampered`));
  (tampered.credentialSubject as JsonObject).encodedList = encodeStatusList([]);
  world.serve(`${LISTS}/tampered`, tampered);
  // A list signed with a proof type this wallet does not verify.
  const unsupported = statusListCredential(`${LISTS}/unsupported-proof`, issuer.did, [REVOKED_INDEX]);
  world.serve(`${LISTS}/unsupported-proof`, { ...unsupported, proof: { type: 'FancySignature2099', proofPurpose: 'assertionMethod', verificationMethod: issuer.vm, proofValue: 'z111' } });
  await serveList(`${LISTS}/two-purposes`, (_, s) => (s.statusPurpose = ['suspension', 'message']));
  await serveList(`${LISTS}/no-purpose`, (_, s) => delete s.statusPurpose);
  // StatusList2021 (VC 1.1 context, encodedList without the multibase prefix), signed with Ed25519Signature2020.
  const sl2021 = `${LISTS}/sl2021`;
  world.serve(
    sl2021,
    await signDi(
      {
        '@context': ['https://www.w3.org/2018/credentials/v1', 'https://w3id.org/vc/status-list/2021/v1'],
        id: sl2021,
        type: ['VerifiableCredential', 'StatusList2021Credential'],
        issuer: issuer.did,
        issuanceDate: '2020-01-01T00:00:00Z',
        credentialSubject: { id: `${sl2021}#list`, type: 'StatusList2021', statusPurpose: 'revocation', encodedList: encodeStatusList([REVOKED_INDEX]).slice(1) },
      },
      'Ed25519Signature2020',
      issuer.pair,
    ),
  );
  // A list whose purposes include a number (read back from the signed graph as a number, not a purpose).
  await serveList(`${LISTS}/numeric-purpose`, (_, s) => (s.statusPurpose = [7, 'suspension']));
  // A genuine signed list served with HTTP 404, and a 200 answer that is JSON but no object.
  world.serve(`${LISTS}/answered-404`, await serveList(`${LISTS}/answered-404`), { status: 404 });
  world.serve(`${LISTS}/array`, [statusListCredential(`${LISTS}/array`, issuer.did, [REVOKED_INDEX])]);
  world.serve(`${LISTS}/unreadable-long`, { ...statusListCredential(`${LISTS}/unreadable-long`, issuer.did, []), '@context': [VC_V2, `https://contexts.unknown.test/${'x'.repeat(300)}`] });
  // A list the verifier cannot read: a context that is not bundled.
  world.serve(`${LISTS}/unreadable`, { ...statusListCredential(`${LISTS}/unreadable`, issuer.did, []), '@context': [VC_V2, 'https://contexts.unknown.test/v1'] });
});

describe('bitstring entries: every way the list cannot be used says why (STATUS_LIST_INVALID, never passed)', () => {
  it('a list URL the remote door refuses (not http/https) online: not-checked, reason error', async () => {
    const check = await status(vc(entry('ftp://status.mutants.tsumiki.test/list')));
    expect(check).toEqual({ id: 'status', outcome: 'not-checked', reason: 'error', code: 'FETCH_FAILED', data: { url: 'ftp://status.mutants.tsumiki.test/list' } });
  });

  it('offline with no cached list: not-checked, reason offline', async () => {
    expect(await status(vc(entry(`${LISTS}/revocation`)), world.env({ online: false }))).toMatchObject({ outcome: 'not-checked', reason: 'offline', code: 'NEEDS_NETWORK' });
  });

  it('the list answers 404: FETCH_FAILED with the HTTP status', async () => {
    expect(await status(vc(entry(`${LISTS}/missing`)))).toMatchObject({ outcome: 'not-checked', reason: 'error', code: 'FETCH_FAILED', data: { url: `${LISTS}/missing`, status: 404 } });
  });

  it.each([0, 9, 1.5, '2'])('statusSize %j is refused, and the problem names it', async (size) => {
    const check = await status(vc(entry(`${LISTS}/revocation`, REVOKED_INDEX, { statusSize: size })));
    expect(check).toMatchObject({ outcome: 'not-checked', reason: 'error', code: 'STATUS_LIST_INVALID' });
    expect(String(check.data?.problem)).toBe(`statusSize ${JSON.stringify(size)} is not an integer from 1 to 8`);
    expect(check.data?.url).toBe(`${LISTS}/revocation`);
  });

  it('a list that cannot be read (unknown context) is invalid, and says so', async () => {
    const check = await status(vc(entry(`${LISTS}/unreadable`)));
    expect(check).toMatchObject({ outcome: 'not-checked', reason: 'error', code: 'STATUS_LIST_INVALID', data: { url: `${LISTS}/unreadable`, fromCache: false } });
    expect(String(check.data?.problem)).toMatch(/^the list cannot be read: \S/);
  });

  it('the reason a list cannot be read is cut to 200 characters', async () => {
    const check = await status(vc(entry(`${LISTS}/unreadable-long`)));
    const problem = String(check.data?.problem);
    expect(problem).toMatch(/^the list cannot be read: /);
    expect(problem.length).toBe('the list cannot be read: '.length + 200);
  });

  it('an entry without a list URL or a base-10 index', async () => {
    const problem = 'entry without a statusListCredential URL or a base-10 statusListIndex';
    expect(await status(vc({ ...entry(`${LISTS}/revocation`), statusListCredential: 7 }))).toEqual({ id: 'status', outcome: 'not-checked', reason: 'error', code: 'STATUS_LIST_INVALID', data: { problem } });
    expect(await status(vc(entry(`${LISTS}/revocation`, '0x7')))).toMatchObject({ data: { problem } });
  });

  it('a multi-bit entry needs statusMessage as an array of 2^size values (a 4-character string is not)', async () => {
    const check = await status(vc(entry(`${LISTS}/revocation`, 3, { statusSize: 2, statusMessage: 'abcd' })));
    expect(check).toMatchObject({ code: 'STATUS_LIST_INVALID', data: { url: `${LISTS}/revocation`, problem: 'statusSize 2 needs statusMessage with 4 values' } });
  });

  it('a list issued by someone else is invalid, naming its issuer', async () => {
    const check = await status(vc(entry(`${LISTS}/revocation`), { issuer: 'did:example:someone-else' }));
    expect(check).toMatchObject({ code: 'STATUS_LIST_INVALID', data: { url: `${LISTS}/revocation`, problem: 'issued by someone else', listIssuer: issuer.did } });
  });

  it('a list that serves other purposes (or none) says which', async () => {
    expect(await status(vc(entry(`${LISTS}/two-purposes`)))).toMatchObject({ code: 'STATUS_LIST_INVALID', data: { problem: 'the list serves message, suspension, not revocation' } });
    expect(await status(vc(entry(`${LISTS}/no-purpose`)))).toMatchObject({ code: 'STATUS_LIST_INVALID', data: { problem: 'the list serves no statusPurpose, not revocation' } });
  });

  it('a StatusList2021 list (VC 1.1, plain base64url) is read too', async () => {
    const url = `${LISTS}/sl2021`;
    const entry2021 = { id: `${url}#7`, type: 'StatusList2021Entry', statusPurpose: 'revocation', statusListIndex: String(REVOKED_INDEX), statusListCredential: url };
    expect(await status(vc(entry2021))).toMatchObject({ outcome: 'failed', code: 'REVOKED', data: { url, purpose: 'revocation', index: REVOKED_INDEX } });
    expect(await status(vc({ ...entry2021, statusListIndex: '3' }))).toMatchObject({ outcome: 'passed', code: 'NOT_REVOKED' });
  });

  it('a signed credential that is no status list is invalid', async () => {
    const check = await status(vc(entry(`${LISTS}/not-a-list`)));
    expect(check).toMatchObject({ outcome: 'not-checked', code: 'STATUS_LIST_INVALID', data: { problem: 'not a status list credential', url: `${LISTS}/not-a-list` } });
  });

  it('a list whose own proof fails is invalid, naming the proof’s code', async () => {
    const check = await status(vc(entry(`${LISTS}/tampered`)));
    expect(check).toMatchObject({ outcome: 'not-checked', reason: 'error', code: 'STATUS_LIST_INVALID', data: { url: `${LISTS}/tampered` } });
    expect(String(check.data?.problem)).toMatch(/^list proof: [A-Z_]+$/);
  });

  it('a list whose proof cannot be checked passes on the proof’s reason and code, with when it was fetched', async () => {
    const check = await status(vc(entry(`${LISTS}/unsupported-proof`)));
    expect(check).toEqual({ id: 'status', outcome: 'not-checked', reason: 'unsupported', code: 'UNSUPPORTED_PROOF', data: { url: `${LISTS}/unsupported-proof`, fetchedAt: NOW.toISOString(), fromCache: false } });
  });

  it('a list without encodedList is invalid', async () => {
    expect(await status(vc(entry(`${LISTS}/no-encoded-list`)))).toMatchObject({ outcome: 'not-checked', code: 'STATUS_LIST_INVALID', data: { problem: 'no encodedList' } });
  });

  it('an encodedList that does not decode is invalid, with the decoder’s message', async () => {
    const check = await status(vc(entry(`${LISTS}/undecodable`)));
    expect(check).toMatchObject({ outcome: 'not-checked', code: 'STATUS_LIST_INVALID', data: { url: `${LISTS}/undecodable`, fromCache: false } });
    expect(check.data?.problem).toEqual(expect.any(String));
    expect(check.data?.problem).not.toBe('');
  });

  it('a set bit for a purpose that is neither revocation nor suspension: UNSUPPORTED_STATUS with the value', async () => {
    const check = await status(vc(entry(`${LISTS}/refresh`, REVOKED_INDEX, { statusPurpose: 'refresh' })));
    expect(check).toEqual({
      id: 'status',
      outcome: 'not-checked',
      reason: 'unsupported',
      code: 'UNSUPPORTED_STATUS',
      data: { url: `${LISTS}/refresh`, fetchedAt: NOW.toISOString(), fromCache: false, purpose: 'refresh', index: REVOKED_INDEX, value: 1 },
    });
  });

  it('a clear bit for such a purpose is no news: passed', async () => {
    expect(await status(vc(entry(`${LISTS}/refresh`, 3, { statusPurpose: 'refresh' })))).toMatchObject({ outcome: 'passed', code: 'NOT_REVOKED', data: { purpose: 'refresh', index: 3 } });
  });

  it('a multi-bit message entry reports its size and value', async () => {
    const messages = [0, 1, 2, 3].map((v) => ({ status: `0x${v}`, message: `m${v}` }));
    const check = await status(vc(entry(`${LISTS}/message`, 4, { statusPurpose: 'message', statusSize: 2, statusMessage: messages })));
    expect(check).toMatchObject({ outcome: 'not-checked', reason: 'unsupported', code: 'UNSUPPORTED_STATUS', data: { purpose: 'message', index: 4, statusSize: 2, value: 3 } });
  });

  it('a revoked one-bit entry reports no statusSize and no value', async () => {
    const check = await status(vc(entry(`${LISTS}/revocation`)));
    expect(check).toEqual({ id: 'status', outcome: 'failed', code: 'REVOKED', data: { url: `${LISTS}/revocation`, fetchedAt: NOW.toISOString(), fromCache: false, purpose: 'revocation', index: REVOKED_INDEX } });
  });
});

describe('1EdTech revocation lists', () => {
  const RL = 'https://rl.mutants.tsumiki.test/list';
  const rlEntry = { id: RL, type: '1EdTechRevocationList' };
  const rlWorld = (doc: JsonObject) => new World().serve(RL, doc);
  const rl = (doc: JsonObject, credential: JsonObject = vc(rlEntry)) => checkStatus(parsedOf(credential), credential, rlWorld(doc).env());
  const WHEN = { url: RL, fetchedAt: NOW.toISOString(), fromCache: false };

  it('a list that names another issuer is invalid, naming it; one naming none is the credential’s', async () => {
    expect(await rl({ issuer: 'did:example:other', revokedCredentials: [] })).toEqual({ id: 'status', outcome: 'not-checked', reason: 'error', code: 'STATUS_LIST_INVALID', data: { ...WHEN, problem: 'issued by someone else', listIssuer: 'did:example:other' } });
    expect(await rl({ issuer: { name: 'no id' }, revokedCredentials: [] })).toMatchObject({ code: 'STATUS_LIST_INVALID', data: { listIssuer: null } });
    expect(await rl({ revokedCredentials: [] })).toEqual({ id: 'status', outcome: 'passed', code: 'NOT_REVOKED', data: { ...WHEN, method: '1EdTechRevocationList' } });
  });

  it('revoked by an entry object (with its reason) or a bare id (no reason); revoked: false is no revocation', async () => {
    const id = 'urn:tsumiki:mutants:status';
    expect(await rl({ revokedCredentials: [{ id, revocationReason: 'fraud' }] })).toEqual({ id: 'status', outcome: 'failed', code: 'REVOKED', data: { ...WHEN, reason: 'fraud' } });
    expect(await rl({ revokedCredentials: [{ id, revocationReason: 7 }] })).toMatchObject({ outcome: 'failed', data: { reason: null } });
    expect(await rl({ revokedCredentials: [id] })).toMatchObject({ outcome: 'failed', code: 'REVOKED', data: { reason: null } });
    expect(await rl({ revokedCredentials: [{ id, revoked: false }] })).toMatchObject({ outcome: 'passed' });
    expect(await rl({ revokedCredentials: [{ id, revoked: true, revocationReason: 'r' }] })).toMatchObject({ outcome: 'failed', data: { reason: 'r' } });
  });

  it('entries naming other credentials (by a bare id or an object) revoke nothing', async () => {
    expect(await rl({ revokedCredentials: ['urn:tsumiki:mutants:other', { id: 'urn:tsumiki:mutants:another', revocationReason: 'theirs' }] })).toEqual({ id: 'status', outcome: 'passed', code: 'NOT_REVOKED', data: { ...WHEN, method: '1EdTechRevocationList' } });
  });

  it('a credential without an id is never matched, not even by an entry without one', async () => {
    const { id: _id, ...anonymous } = vc(rlEntry);
    expect(await rl({ revokedCredentials: [{ revocationReason: 'no id' }, {}] }, anonymous)).toMatchObject({ outcome: 'passed' });
  });
});

describe('OB 2.0 hosted: revoked: true in the hosted copy', () => {
  const hostedStatus = (a: JsonObject) => checkStatus({ format: 'ob2-hosted', container: 'json', credential: a, bytes: new Uint8Array() }, a, world.env());
  it('with and without a reason', async () => {
    expect(await hostedStatus({ revoked: true, revocationReason: 'withdrawn' })).toEqual({ id: 'status', outcome: 'failed', code: 'REVOKED', data: { method: 'hosted', reason: 'withdrawn' } });
    expect(await hostedStatus({ revoked: true })).toEqual({ id: 'status', outcome: 'failed', code: 'REVOKED', data: { method: 'hosted', reason: null } });
    expect(await hostedStatus({ revoked: false, revocationReason: 'x' })).toEqual({ id: 'status', outcome: 'passed', code: 'NOT_REVOKED', data: { method: 'hosted' } });
  });
});

describe('other entries', () => {
  it('a 1EdTech revocation list entry without an id is invalid', async () => {
    expect(await status(vc({ type: '1EdTechRevocationList' }))).toEqual({ id: 'status', outcome: 'not-checked', reason: 'error', code: 'STATUS_LIST_INVALID', data: { problem: 'entry without id' } });
  });

  it('an entry of a type this wallet does not read is UNSUPPORTED_STATUS, naming its types', async () => {
    expect(await status(vc({ id: `${LISTS}/x`, type: ['FancyStatus', 'OtherStatus'] }))).toEqual({
      id: 'status',
      outcome: 'not-checked',
      reason: 'unsupported',
      code: 'UNSUPPORTED_STATUS',
      data: { type: 'FancyStatus,OtherStatus' },
    });
  });

  it('no entry at all: not applicable', async () => {
    const credential = vc({});
    delete credential.credentialStatus;
    expect(await status(credential)).toEqual({ id: 'status', outcome: 'not-checked', reason: 'not-applicable', code: 'NOT_APPLICABLE' });
  });
});

describe('OB 2.0 revocation lists name assertions by id or by uid', () => {
  const base = 'https://ob2.mutants.tsumiki.test';
  const ob2World = new World()
    .serve(`${base}/issuer.json`, { '@context': 'https://w3id.org/openbadges/v2', type: 'Issuer', id: `${base}/issuer.json`, name: 'OB2', revocationList: `${base}/revocations.json` })
    .serve(`${base}/badge.json`, { '@context': 'https://w3id.org/openbadges/v2', type: 'BadgeClass', id: `${base}/badge.json`, name: 'B', issuer: `${base}/issuer.json` })
    .serve(`${base}/revocations.json`, {
      '@context': 'https://w3id.org/openbadges/v2',
      type: 'RevocationList',
      id: `${base}/revocations.json`,
      issuer: `${base}/issuer.json`,
      revokedAssertions: [{ uid: 'abc-123', revocationReason: 'by uid' }, 'urn:uuid:revoked-by-iri', { note: 'neither id nor uid' }, null, { uid: 'reason-not-text', revocationReason: 7 }, { uid: '' }],
    })
    // An issuer whose Profile names a list that says it is another issuer's.
    .serve(`${base}/issuer-foreign-list.json`, { '@context': 'https://w3id.org/openbadges/v2', type: 'Issuer', id: `${base}/issuer-foreign-list.json`, name: 'OB2', revocationList: `${base}/foreign.json` })
    .serve(`${base}/badge-foreign-list.json`, { '@context': 'https://w3id.org/openbadges/v2', type: 'BadgeClass', id: `${base}/badge-foreign-list.json`, name: 'B', issuer: `${base}/issuer-foreign-list.json` })
    .serve(`${base}/foreign.json`, { '@context': 'https://w3id.org/openbadges/v2', type: 'RevocationList', id: `${base}/foreign.json`, issuer: `${base}/someone-else.json`, revokedAssertions: ['urn:uuid:foreign'] });
  const assertion = (extra: JsonObject): JsonObject => ({ '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', badge: `${base}/badge.json`, ...extra });
  const ob2 = (a: JsonObject) => checkStatus({ format: 'ob2-signed', container: 'json', credential: a, bytes: new Uint8Array(), jws: 'x.y.z' }, a, ob2World.env());

  it('an assertion revoked by its uid', async () => {
    expect(await ob2(assertion({ id: 'urn:uuid:other', uid: 'abc-123' }))).toMatchObject({ outcome: 'failed', code: 'REVOKED', data: { reason: 'by uid' } });
  });

  it('an assertion revoked by a bare IRI entry: no reason', async () => {
    expect(await ob2(assertion({ id: 'urn:uuid:revoked-by-iri' }))).toMatchObject({ outcome: 'failed', code: 'REVOKED', data: { reason: null } });
  });

  it('an entry with neither id nor uid (or null) revokes nothing; another uid is not revoked', async () => {
    expect(await ob2(assertion({ id: 'urn:uuid:fine', uid: 'zzz' }))).toMatchObject({ outcome: 'passed', code: 'NOT_REVOKED', data: { method: 'RevocationList' } });
    expect(await ob2(assertion({ uid: 'zzz' }))).toMatchObject({ outcome: 'passed', code: 'NOT_REVOKED' });
  });

  it('an empty uid names no assertion, not even one listed with an empty uid', async () => {
    expect(await ob2(assertion({ id: 'urn:uuid:fine', uid: '' }))).toMatchObject({ outcome: 'passed', code: 'NOT_REVOKED', data: { method: 'RevocationList' } });
  });

  it('a revocation reason that is not text is no reason', async () => {
    expect(await ob2(assertion({ id: 'urn:uuid:other', uid: 'reason-not-text' }))).toEqual({
      id: 'status',
      outcome: 'failed',
      code: 'REVOKED',
      data: { url: `${base}/revocations.json`, fetchedAt: NOW.toISOString(), fromCache: false, reason: null },
    });
  });

  it('a list that says it is another issuer’s decides nothing: STATUS_LIST_INVALID, naming that issuer', async () => {
    expect(await ob2(assertion({ id: 'urn:uuid:foreign', badge: `${base}/badge-foreign-list.json` }))).toEqual({
      id: 'status',
      outcome: 'not-checked',
      reason: 'error',
      code: 'STATUS_LIST_INVALID',
      data: { url: `${base}/foreign.json`, fetchedAt: NOW.toISOString(), fromCache: false, problem: 'issued by someone else', listIssuer: `${base}/someone-else.json` },
    });
  });

  it('an issuer that cannot be found: the status check says why (its own id, FETCH_FAILED)', async () => {
    expect(await ob2(assertion({ id: 'urn:uuid:lost', badge: `${base}/no-such-badge.json` }))).toEqual({
      id: 'status',
      outcome: 'not-checked',
      reason: 'error',
      code: 'FETCH_FAILED',
      data: { url: `${base}/no-such-badge.json`, status: 404 },
    });
  });
});

describe('mutants: status.ts, second run — list answers, indexes, sizes and purposes', () => {
  it('a genuine list answered with HTTP 404 is not used: FETCH_FAILED with the status', async () => {
    expect(await status(vc(entry(`${LISTS}/answered-404`)))).toEqual({ id: 'status', outcome: 'not-checked', reason: 'error', code: 'FETCH_FAILED', data: { url: `${LISTS}/answered-404`, status: 404 } });
  });

  it('a 200 answer that is JSON but not an object: FETCH_FAILED with the status', async () => {
    expect(await status(vc(entry(`${LISTS}/array`)))).toEqual({ id: 'status', outcome: 'not-checked', reason: 'error', code: 'FETCH_FAILED', data: { url: `${LISTS}/array`, status: 200 } });
  });

  it.each([[-1], [1.5], [[String(REVOKED_INDEX)]]])('statusListIndex %j is no base-10 index (a negative or fractional number, an array)', async (index) => {
    const check = await status(vc({ ...entry(`${LISTS}/revocation`), statusListIndex: index }));
    expect(check).toEqual({ id: 'status', outcome: 'not-checked', reason: 'error', code: 'STATUS_LIST_INVALID', data: { problem: 'entry without a statusListCredential URL or a base-10 statusListIndex' } });
  });

  it('index 0 is an index: the first entry of the list is read (clear: passed)', async () => {
    expect(await status(vc(entry(`${LISTS}/revocation`, 0)))).toMatchObject({ outcome: 'passed', code: 'NOT_REVOKED', data: { url: `${LISTS}/revocation`, purpose: 'revocation', index: 0 } });
  });

  it('a multi-bit entry whose statusMessage array has the wrong number of values is invalid', async () => {
    const messages = [0, 1, 2].map((v) => ({ status: `0x${v}`, message: `m${v}` }));
    const check = await status(vc(entry(`${LISTS}/message`, 4, { statusPurpose: 'message', statusSize: 2, statusMessage: messages })));
    expect(check).toEqual({ id: 'status', outcome: 'not-checked', reason: 'error', code: 'STATUS_LIST_INVALID', data: { url: `${LISTS}/message`, problem: 'statusSize 2 needs statusMessage with 4 values' } });
  });

  it('statusSize 8 (the largest) is read: the entry is one whole byte', async () => {
    const messages = Array.from({ length: 256 }, (_, v) => ({ status: `0x${v.toString(16)}`, message: `m${v}` }));
    // Bits 8 and 9 are set: entry 1 of size 8 is the second byte, 0b11000000.
    const check = await status(vc(entry(`${LISTS}/message`, 1, { statusPurpose: 'message', statusSize: 8, statusMessage: messages })));
    expect(check).toMatchObject({ outcome: 'not-checked', reason: 'unsupported', code: 'UNSUPPORTED_STATUS', data: { purpose: 'message', index: 1, statusSize: 8, value: 192 } });
  });

  it('a purpose that is not a string is no purpose the list serves, nor named as one', async () => {
    const check = await status(vc(entry(`${LISTS}/numeric-purpose`)));
    expect(check).toMatchObject({ outcome: 'not-checked', code: 'STATUS_LIST_INVALID', data: { url: `${LISTS}/numeric-purpose`, problem: 'the list serves suspension, not revocation' } });
  });
});

describe('mutants: status.ts, second run — several entries, and entries that are no objects', () => {
  it('the least settled result wins: a passed entry and an unsupported one give not-checked', async () => {
    const check = await status(vc([entry(`${LISTS}/revocation`, 3), { id: `${LISTS}/x`, type: 'FancyStatus' }]));
    expect(check).toEqual({ id: 'status', outcome: 'not-checked', reason: 'unsupported', code: 'UNSUPPORTED_STATUS', data: { type: 'FancyStatus' } });
  });

  it('a bare IRI among the entries is left to the structure check: the object entry decides', async () => {
    expect(await status(vc([entry(`${LISTS}/revocation`, 3), `${LISTS}/revocation`]))).toMatchObject({ outcome: 'passed', code: 'NOT_REVOKED' });
  });
});
