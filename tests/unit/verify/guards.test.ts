/**
 * Issue 11, class 9 ("checks that no test guards") and the class-6 status-list items: one test per rule
 * that could be deleted from the verifier without any other test noticing. Every credential and every
 * status list here is really signed (tests/support/issuer.ts) and goes through the front door
 * (`verifyBytes` on the JSON text or the JWS), with `now` pinned and a fake network (`World`).
 *
 * Each rule was proved guarded by breaking it in a scratch copy of the code and watching its test fail:
 * the notes on each `describe` name the mutation.
 */
import jsigs from 'jsonld-signatures';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/lib/model/credential.ts';
import type { Check, CheckId } from '../../../src/lib/model/verification.ts';
import { createEnv, type RecipientClaim, type VerifyEnv } from '../../../src/lib/verify/env.ts';
import { contextLoader } from '../../../src/lib/verify/loader.ts';
import { verifyBytes, type Verification as Report } from '../../../src/lib/verify/pipeline.ts';
import { createRemote } from '../../../src/lib/verify/remote.ts';
import { checkRecipient } from '../../../src/lib/verify/steps/recipient.ts';
import { decodeStatusList, readStatus } from '../../../src/lib/verify/status-list.ts';
import { sha256Hex } from '../../../src/lib/util/bytes.ts';
import {
  createTestIssuers,
  encodeStatusList,
  generateDidKey,
  hashedEmail,
  NOW,
  NOT_REVOKED_INDEX,
  ob3Credential,
  OTHER_EMAIL,
  PROOF_FORMATS,
  RECIPIENT_EMAIL,
  REVOKED_INDEX,
  SALT,
  signDi,
  statusListCredential,
  textOf,
  trusting,
  VALID_FROM,
  World,
  type DidKey,
  type Signed,
} from '../../support/issuer.ts';

type Verification = Pick<Report, 'verdict' | 'checks'>;

/** The clock skew every test here runs with (the default of createEnv, stated so an edge is exact). */
const SKEW_SECONDS = 300;

/** The user trusts this file's own did:key issuer (`issuer` below): `verified` needs a proven issuer (issue 12). */
function envAt(world: World, options: { now?: Date; recipient?: RecipientClaim } = {}): VerifyEnv {
  const now = options.now ?? NOW;
  const remote = createRemote({ online: true, fetch: world.fetch, now: () => now });
  return createEnv({ now, clockSkewSeconds: SKEW_SECONDS, remote, trust: trusting([issuer.did]), ...(options.recipient ? { recipient: options.recipient } : {}) });
}

async function verify(signed: Signed | JsonObject, env: VerifyEnv): Promise<Verification> {
  const text = 'kind' in signed && (signed.kind === 'json' || signed.kind === 'jws') ? textOf(signed as Signed) : JSON.stringify(signed);
  const result = await verifyBytes(new TextEncoder().encode(text), env);
  expect(result.error).toBeUndefined();
  expect(result.credentials).toHaveLength(1);
  return result.credentials[0]!.verification; // why: length checked just above
}

const checkOf = (report: Verification, id: CheckId): Check => {
  const found = report.checks.find((c) => c.id === id);
  if (!found) throw new Error(`no ${id} check in ${JSON.stringify(report.checks)}`);
  return found;
};
const statusOf = (report: Verification) => checkOf(report, 'status');
const problemOf = (check: Check): string => String(check.data?.problem ?? '');

// ---------------------------------------------------------------------------------------------
// One did:key issuer, its status lists, and credentials pointing into them

const LISTS = 'https://status.guards.tsumiki.test/lists';
let issuer: DidKey;
let stranger: DidKey;
let identityHash: string;
let serial = 0;

beforeAll(async () => {
  issuer = await generateDidKey('Ed25519');
  stranger = await generateDidKey('Ed25519');
  identityHash = await hashedEmail(RECIPIENT_EMAIL, SALT);
});

interface ListOptions {
  readonly bits?: readonly number[];
  readonly purpose?: string | readonly string[];
  readonly id?: string | null;
  readonly validFrom?: string;
  readonly validUntil?: string;
  readonly issuerId?: string;
  readonly signer?: DidKey;
}

/** A signed BitstringStatusListCredential, served at `url` (its id is `url` unless said otherwise). */
async function serveList(world: World, url: string, o: ListOptions = {}): Promise<JsonObject> {
  const list = statusListCredential(url, o.issuerId ?? issuer.did, o.bits ?? [REVOKED_INDEX]);
  const subject = list.credentialSubject as JsonObject; // why: statusListCredential writes one subject object
  if (o.purpose !== undefined) subject.statusPurpose = typeof o.purpose === 'string' ? o.purpose : [...o.purpose];
  if (o.id === null) delete list.id;
  else if (o.id !== undefined) list.id = o.id;
  if (o.validFrom) list.validFrom = o.validFrom;
  if (o.validUntil) list.validUntil = o.validUntil;
  const signed = await signDi(list, 'eddsa-rdfc-2022', (o.signer ?? issuer).pair);
  world.serve(url, signed);
  return signed;
}

function entry(list: string, index: number | string, extra: JsonObject = {}): JsonObject {
  return { id: `${list}#${encodeURIComponent(String(index))}`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: String(index), statusListCredential: list, ...extra };
}

/** A credential by `issuer` with exactly these credentialStatus entries, signed with eddsa-rdfc-2022. */
async function credentialWith(status: JsonObject | readonly JsonObject[], o: { context?: string; plainVc?: boolean } = {}): Promise<JsonObject> {
  const credential = ob3Credential({ id: `urn:tsumiki:guards:${++serial}`, issuerId: issuer.did, identityHash });
  if (o.plainVc) credential.type = ['VerifiableCredential'];
  if (o.context) credential['@context'] = [...(credential['@context'] as string[]), o.context]; // why: ob3Credential writes an array of context URLs
  credential.credentialStatus = Array.isArray(status) ? [...status] : (status as JsonObject);
  return signDi(credential, 'eddsa-rdfc-2022', issuer.pair);
}

// ---------------------------------------------------------------------------------------------

describe('the worst of several credentialStatus entries decides', () => {
  // Mutation proved: checkStatus returning results[0] without sorting (or sorting passed first) → fails.
  // OB 3.0's schema allows one credentialStatus object; a VC 2.0 credential may carry several, so these are
  // plain VerifiableCredentials (their structure passes: the verdict is the status's).
  const url = `${LISTS}/worst`;
  let world: World;
  beforeAll(async () => {
    world = new World();
    await serveList(world, url);
  });

  it.each([
    ['revoked first', [REVOKED_INDEX, NOT_REVOKED_INDEX]],
    ['clean first', [NOT_REVOKED_INDEX, REVOKED_INDEX]],
  ])('a revoked entry beside a clean one → REVOKED, failed (%s)', async (_, indexes) => {
    const report = await verify(await credentialWith(indexes!.map((i) => entry(url, i)), { plainVc: true }), envAt(world));
    expect(checkOf(report, 'structure')).toMatchObject({ outcome: 'passed' });
    expect(statusOf(report)).toMatchObject({ outcome: 'failed', code: 'REVOKED', data: { index: REVOKED_INDEX } });
    expect(report.verdict).toBe('failed');
  });

  it.each([
    ['unknown first', [`${LISTS}/missing`, url]],
    ['clean first', [url, `${LISTS}/missing`]],
  ])('an entry whose list cannot be read beside a clean one → status unknown, never NOT_REVOKED (%s)', async (_, lists) => {
    const report = await verify(await credentialWith(lists!.map((l) => entry(l, NOT_REVOKED_INDEX)), { plainVc: true }), envAt(world));
    expect(checkOf(report, 'structure')).toMatchObject({ outcome: 'passed' });
    expect(statusOf(report)).toMatchObject({ outcome: 'not-checked', code: 'FETCH_FAILED' });
    expect(report.verdict).toBe('incomplete');
  });

  it('a revoked entry beside one whose list cannot be read → REVOKED (a no beats a don\'t-know), both orders', async () => {
    for (const lists of [[`${LISTS}/missing`, url], [url, `${LISTS}/missing`]]) {
      const report = await verify(await credentialWith(lists.map((l) => entry(l, REVOKED_INDEX)), { plainVc: true }), envAt(world));
      expect(statusOf(report)).toMatchObject({ outcome: 'failed', code: 'REVOKED' });
    }
  });
});

describe('a status list outside its own validity period is refused', () => {
  // Mutation proved: the list's checkValidity call in bitstringEntry removed → NOT_REVOKED.
  let world: World;
  beforeAll(async () => {
    world = new World();
    await serveList(world, `${LISTS}/expired`, { validUntil: '2026-01-01T00:00:00Z' });
    await serveList(world, `${LISTS}/future`, { validFrom: '2027-01-01T00:00:00Z' });
    await serveList(world, `${LISTS}/current`, { validUntil: '2027-01-01T00:00:00Z' });
  });

  it('an expired list → status not-checked STATUS_LIST_INVALID (list EXPIRED), never "not revoked"', async () => {
    const report = await verify(await credentialWith(entry(`${LISTS}/expired`, NOT_REVOKED_INDEX)), envAt(world));
    expect(statusOf(report)).toMatchObject({ outcome: 'not-checked', reason: 'error', code: 'STATUS_LIST_INVALID' });
    expect(problemOf(statusOf(report))).toBe('list EXPIRED');
    expect(report.verdict).toBe('incomplete');
  });

  it('a list not yet valid → STATUS_LIST_INVALID (list NOT_YET_VALID)', async () => {
    const report = await verify(await credentialWith(entry(`${LISTS}/future`, NOT_REVOKED_INDEX)), envAt(world));
    expect(statusOf(report)).toMatchObject({ outcome: 'not-checked', code: 'STATUS_LIST_INVALID' });
    expect(problemOf(statusOf(report))).toBe('list NOT_YET_VALID');
  });

  it('the same list inside its period is read (control)', async () => {
    const report = await verify(await credentialWith(entry(`${LISTS}/current`, NOT_REVOKED_INDEX)), envAt(world));
    expect(statusOf(report)).toMatchObject({ outcome: 'passed', code: 'NOT_REVOKED' });
    expect(report.verdict).toBe('verified');
  });
});

describe('statusPurpose: the list must serve the entry\'s purpose, compared exactly', () => {
  // Mutations proved: the purpose comparison removed → NOT_REVOKED / REVOKED from a suspension list;
  // the old case-insensitive comparison restored → REVOKED from a "REVOCATION" list.
  let world: World;
  beforeAll(async () => {
    world = new World();
    await serveList(world, `${LISTS}/suspension`, { purpose: 'suspension' });
    await serveList(world, `${LISTS}/upper`, { purpose: 'REVOCATION' });
    await serveList(world, `${LISTS}/both`, { purpose: ['revocation', 'suspension'] });
    await serveList(world, `${LISTS}/none`, { purpose: [] });
  });

  it('a suspension list is not read for a revocation entry (bit clear) → STATUS_LIST_INVALID, not NOT_REVOKED', async () => {
    const report = await verify(await credentialWith(entry(`${LISTS}/suspension`, NOT_REVOKED_INDEX)), envAt(world));
    expect(statusOf(report)).toMatchObject({ outcome: 'not-checked', code: 'STATUS_LIST_INVALID' });
    expect(problemOf(statusOf(report))).toBe('the list serves suspension, not revocation');
    expect(report.verdict).toBe('incomplete');
  });

  it('nor when its bit is set: a suspension is not a revocation → STATUS_LIST_INVALID, not REVOKED', async () => {
    const report = await verify(await credentialWith(entry(`${LISTS}/suspension`, REVOKED_INDEX)), envAt(world));
    expect(statusOf(report)).toMatchObject({ outcome: 'not-checked', code: 'STATUS_LIST_INVALID' });
  });

  it('a suspension entry on the suspension list, bit set → SUSPENDED', async () => {
    const report = await verify(await credentialWith(entry(`${LISTS}/suspension`, REVOKED_INDEX, { statusPurpose: 'suspension' })), envAt(world));
    expect(statusOf(report)).toMatchObject({ outcome: 'failed', code: 'SUSPENDED', data: { purpose: 'suspension' } });
  });

  it('exactly: a list whose purpose is "REVOCATION" does not serve "revocation" (one rule, the spec\'s strings)', async () => {
    for (const index of [REVOKED_INDEX, NOT_REVOKED_INDEX]) {
      const report = await verify(await credentialWith(entry(`${LISTS}/upper`, index)), envAt(world));
      expect(statusOf(report)).toMatchObject({ outcome: 'not-checked', code: 'STATUS_LIST_INVALID' });
      expect(problemOf(statusOf(report))).toBe('the list serves REVOCATION, not revocation');
    }
  });

  it('exactly, the other way: an entry whose purpose is "Revocation" is no revocation entry → not REVOKED', async () => {
    const report = await verify(await credentialWith(entry(`${LISTS}/upper`, REVOKED_INDEX, { statusPurpose: 'Revocation' })), envAt(world));
    expect(statusOf(report)).toMatchObject({ outcome: 'not-checked', code: 'STATUS_LIST_INVALID' });
  });

  it('a list may serve several purposes (§2.2 "one or more strings"): each entry reads its own', async () => {
    const revoked = await verify(await credentialWith(entry(`${LISTS}/both`, REVOKED_INDEX)), envAt(world));
    expect(statusOf(revoked)).toMatchObject({ outcome: 'failed', code: 'REVOKED' });
    const suspended = await verify(await credentialWith(entry(`${LISTS}/both`, REVOKED_INDEX, { statusPurpose: 'suspension' })), envAt(world));
    expect(statusOf(suspended)).toMatchObject({ outcome: 'failed', code: 'SUSPENDED' });
  });

  it('a list that names no purpose serves none → STATUS_LIST_INVALID', async () => {
    const report = await verify(await credentialWith(entry(`${LISTS}/none`, NOT_REVOKED_INDEX)), envAt(world));
    expect(statusOf(report)).toMatchObject({ outcome: 'not-checked', code: 'STATUS_LIST_INVALID' });
  });

  it('an entry without statusPurpose is not guessed to be a revocation entry → STATUS_LIST_INVALID', async () => {
    const world2 = new World();
    await serveList(world2, `${LISTS}/plain`);
    const bare = entry(`${LISTS}/plain`, NOT_REVOKED_INDEX);
    delete bare.statusPurpose;
    const report = await verify(await credentialWith(bare), envAt(world2));
    expect(statusOf(report)).toMatchObject({ outcome: 'not-checked', code: 'STATUS_LIST_INVALID' });
    expect(problemOf(statusOf(report))).toBe('entry without statusPurpose');
  });
});

describe("the status list's own id is the statusListCredential URL", () => {
  // Mutation proved: the id comparison removed → the substituted list answers NOT_REVOKED.
  const a = `${LISTS}/id-a`;
  const b = `${LISTS}/id-b`;

  it('the issuer\'s list A at URL A → REVOKED (control)', async () => {
    const world = new World();
    await serveList(world, a, { bits: [REVOKED_INDEX] });
    const report = await verify(await credentialWith(entry(a, REVOKED_INDEX)), envAt(world));
    expect(statusOf(report)).toMatchObject({ outcome: 'failed', code: 'REVOKED' });
  });

  it('another list of the same issuer (id B, bit clear) served at URL A → STATUS_LIST_INVALID, not NOT_REVOKED', async () => {
    const world = new World();
    const listB = await signDi(statusListCredential(b, issuer.did, []), 'eddsa-rdfc-2022', issuer.pair);
    world.serve(a, listB); // a cache, a proxy or a holder hands over the wrong (signed, valid) list
    const report = await verify(await credentialWith(entry(a, REVOKED_INDEX)), envAt(world));
    const status = statusOf(report);
    expect(status).toMatchObject({ outcome: 'not-checked', reason: 'error', code: 'STATUS_LIST_INVALID', data: { url: a, listId: b } });
    expect(problemOf(status)).toBe(`the list's id is "${b}", not the statusListCredential URL`);
    expect(report.verdict).toBe('incomplete');
  });

  it('a list with no id at all is read (the spec: the list MAY express an id)', async () => {
    const world = new World();
    await serveList(world, a, { id: null, bits: [REVOKED_INDEX] });
    const report = await verify(await credentialWith(entry(a, REVOKED_INDEX)), envAt(world));
    expect(statusOf(report)).toMatchObject({ outcome: 'failed', code: 'REVOKED' });
  });
});

describe('the entry itself: index and size as the spec writes them', () => {
  // Mutation proved: Number(statusListIndex) restored → "" reads index 0 and "0x7" index 7.
  let world: World;
  beforeAll(async () => {
    world = new World();
    await serveList(world, `${LISTS}/entry`, { bits: [0, REVOKED_INDEX] });
  });

  it.each(['', '0x7', '7.0', '-1', ' 7'])('statusListIndex %j is not a base-10 integer → STATUS_LIST_INVALID', async (index) => {
    const report = await verify(await credentialWith(entry(`${LISTS}/entry`, index)), envAt(world));
    expect(statusOf(report)).toMatchObject({ outcome: 'not-checked', code: 'STATUS_LIST_INVALID' });
  });

  it('an index past the end of the list → STATUS_LIST_INVALID (index outside the list)', async () => {
    const report = await verify(await credentialWith(entry(`${LISTS}/entry`, 131_072)), envAt(world));
    expect(statusOf(report)).toMatchObject({ outcome: 'not-checked', code: 'STATUS_LIST_INVALID' });
    expect(problemOf(statusOf(report))).toBe('index 131072 outside the list');
  });
});

describe('multi-bit statusSize', () => {
  // Mutations proved: readStatus reading bit `index + b` instead of `index * size + b`, or only the first bit
  // of the entry, or ignoring statusSize in bitstringEntry → a wrong verdict below.
  const MESSAGES = [0, 1, 2, 3].map((v) => ({ status: `0x${v}`, message: ['valid', 'revoked', 'revoked (fraud)', 'revoked (error)'][v]! }));
  const INDEX = 5; // a 2-bit entry: bits 10 and 11
  let world: World;
  beforeAll(async () => {
    world = new World();
    await serveList(world, `${LISTS}/two-bit/01`, { bits: [11] });
    await serveList(world, `${LISTS}/two-bit/10`, { bits: [10] });
    await serveList(world, `${LISTS}/two-bit/neighbours`, { bits: [8, 9, 12, 13, INDEX] });
  });
  const twoBit = (list: string) => entry(`${LISTS}/two-bit/${list}`, INDEX, { statusSize: 2, statusMessage: MESSAGES });

  it('value 0b01 (the low bit of the entry) → REVOKED, value 1', async () => {
    const report = await verify(await credentialWith(twoBit('01')), envAt(world));
    expect(statusOf(report)).toMatchObject({ outcome: 'failed', code: 'REVOKED', data: { index: INDEX, statusSize: 2, value: 1 } });
  });

  it('value 0b10 (the high bit) → REVOKED, value 2', async () => {
    const report = await verify(await credentialWith(twoBit('10')), envAt(world));
    expect(statusOf(report)).toMatchObject({ outcome: 'failed', code: 'REVOKED', data: { value: 2 } });
  });

  it('the neighbours\' bits and bit 5 itself set, the entry\'s own two bits clear → NOT_REVOKED', async () => {
    const report = await verify(await credentialWith(twoBit('neighbours')), envAt(world));
    expect(statusOf(report)).toMatchObject({ outcome: 'passed', code: 'NOT_REVOKED' });
    expect(report.verdict).toBe('verified');
  });

  it('statusSize 2 without its four statusMessage values is malformed (§2.1) → STATUS_LIST_INVALID', async () => {
    const report = await verify(await credentialWith(entry(`${LISTS}/two-bit/01`, INDEX, { statusSize: 2 })), envAt(world));
    expect(statusOf(report)).toMatchObject({ outcome: 'not-checked', code: 'STATUS_LIST_INVALID' });
    expect(problemOf(statusOf(report))).toBe('statusSize 2 needs statusMessage with 4 values');
  });

  it('readStatus: 2- and 3-bit values, left-most bit first', () => {
    const list = new Uint8Array([0b1011_0100, 0b0111_0000]);
    expect([0, 1, 2, 3].map((i) => readStatus(list, i, 2))).toEqual([0b10, 0b11, 0b01, 0b00]);
    expect([0, 1, 2, 3, 4].map((i) => readStatus(list, i, 3))).toEqual([0b101, 0b101, 0b000, 0b111, 0b000]);
    expect(readStatus(list, 8, 2)).toBeUndefined(); // bits 16–17: past the end
    expect(readStatus(list, 0, 9)).toBeUndefined();
    expect(readStatus(list, 0, 0)).toBeUndefined();
  });
});

describe('a 1EdTech Revocation List must be the issuer\'s', () => {
  // Mutation proved: the issuer comparison in revocationListEntry removed → NOT_REVOKED / REVOKED below.
  const url = 'https://issuer.guards.tsumiki.test/revocations';
  const revocationEntry = { id: url, type: '1EdTechRevocationList' };
  /** The 1EdTech extensions context defines the entry type. */
  const EXTENSIONS = 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json';

  it("the issuer's list naming the credential → REVOKED with its reason", async () => {
    const credential = await credentialWith(revocationEntry, { context: EXTENSIONS });
    const world = new World().serve(url, { id: url, issuer: issuer.did, revokedCredentials: [{ id: credential.id as string, revocationReason: 'Issued in error' }] });
    const report = await verify(credential, envAt(world));
    expect(statusOf(report)).toMatchObject({ outcome: 'failed', code: 'REVOKED', data: { reason: 'Issued in error' } });
  });

  it("someone else's list (naming nothing) → STATUS_LIST_INVALID, not NOT_REVOKED", async () => {
    const credential = await credentialWith(revocationEntry, { context: EXTENSIONS });
    const world = new World().serve(url, { id: url, issuer: stranger.did, revokedCredentials: [] });
    const report = await verify(credential, envAt(world));
    expect(statusOf(report)).toMatchObject({ outcome: 'not-checked', code: 'STATUS_LIST_INVALID', data: { listIssuer: stranger.did } });
    expect(report.verdict).toBe('incomplete');
  });

  it("someone else's list naming the credential → STATUS_LIST_INVALID, not REVOKED", async () => {
    const credential = await credentialWith(revocationEntry, { context: EXTENSIONS });
    const world = new World().serve(url, { id: url, issuer: { id: stranger.did }, revokedCredentials: [{ id: credential.id as string }] });
    const report = await verify(credential, envAt(world));
    expect(statusOf(report)).toMatchObject({ outcome: 'not-checked', code: 'STATUS_LIST_INVALID' });
  });

  it('an item with revoked: false is no revocation (the 1EdTech validator\'s reading) → NOT_REVOKED', async () => {
    const credential = await credentialWith(revocationEntry, { context: EXTENSIONS });
    const world = new World().serve(url, { id: url, issuer: issuer.did, revokedCredentials: [{ id: credential.id as string, revoked: false }] });
    const report = await verify(credential, envAt(world));
    expect(statusOf(report)).toMatchObject({ outcome: 'passed', code: 'NOT_REVOKED' });
  });
});

describe('an eddsa-rdfc-2022 proof made for authentication is no issuer\'s proof', () => {
  // Mutation proved: the proofPurpose test of the proof room (src/lib/verify/proofs) removed → PROOF_VALID, verified.
  /** The holder's purpose, as jsonld-signatures exports it. */
  const purposes = jsigs.purposes as unknown as { AuthenticationProofPurpose: new (o: { challenge: string; domain?: string }) => unknown }; // why: the bundled typings name only the assertion purpose

  /** Signs with eddsa-rdfc-2022 at a fixed date inside the test's clock, so the purpose is the only difference. */
  async function signFor(purpose: unknown, id: string): Promise<JsonObject> {
    const suite = new DataIntegrityProof({ signer: issuer.pair.signer(), cryptosuite: eddsaRdfc2022, date: VALID_FROM });
    const credential = ob3Credential({ id, issuerId: issuer.did, identityHash });
    return (await jsigs.sign(structuredClone(credential), { suite, purpose, documentLoader: contextLoader })) as JsonObject; // why: jsigs returns the JSON document with its proof added
  }

  it('a credential signed with proofPurpose "authentication" by the issuer\'s own key → proof failed, never verified', async () => {
    const signed = await signFor(new purposes.AuthenticationProofPurpose({ challenge: 'guards', domain: 'tsumiki.test' }), 'urn:tsumiki:guards:authentication');
    expect(signed.proof).toMatchObject({ proofPurpose: 'authentication', cryptosuite: 'eddsa-rdfc-2022', created: VALID_FROM.replace('.000', '') });
    const report = await verify(signed, envAt(new World()));
    const proof = checkOf(report, 'proof');
    expect(proof).toMatchObject({ outcome: 'failed', code: 'PROOF_INVALID' });
    expect(String(proof.data?.detail)).toMatch(/proofPurpose/);
    expect(report.verdict).toBe('failed');
  });

  it('the same credential signed for assertionMethod at the same date verifies (control)', async () => {
    const signed = await signFor(new jsigs.purposes.AssertionProofPurpose(), 'urn:tsumiki:guards:assertion');
    const report = await verify(signed, envAt(new World()));
    expect(checkOf(report, 'proof')).toMatchObject({ outcome: 'passed', code: 'PROOF_VALID' });
    expect(report.verdict).toBe('verified');
  });
});

describe('clock-skew edges, every proof format', () => {
  // Mutations proved: `now - skew > until` → `>=`, `now + skew < from` → `<=`, or the skew dropped → the
  // exact-edge rows fail; the skew doubled → the one-second-past rows fail.
  const FROM = '2026-05-01T00:00:00Z';
  const UNTIL = '2026-06-01T00:00:00Z';
  const at = (iso: string, seconds: number) => new Date(Date.parse(iso) + seconds * 1000);
  let issued: Record<string, { signed: Signed; world: World }>;
  beforeAll(async () => {
    const issuers = await createTestIssuers();
    issued = {};
    for (const format of PROOF_FORMATS) issued[format] = { signed: await issuers.formats[format].issue({ validFrom: FROM, validUntil: UNTIL }), world: issuers.world };
  }, 60_000);

  const rows: [string, string, Check['outcome'], string][] = [
    ['exactly validUntil + skew', at(UNTIL, SKEW_SECONDS).toISOString(), 'passed', 'WITHIN_VALIDITY'],
    ['one second past validUntil + skew', at(UNTIL, SKEW_SECONDS + 1).toISOString(), 'failed', 'EXPIRED'],
    ['exactly validFrom − skew', at(FROM, -SKEW_SECONDS).toISOString(), 'passed', 'WITHIN_VALIDITY'],
    ['one second before validFrom − skew', at(FROM, -SKEW_SECONDS - 1).toISOString(), 'failed', 'NOT_YET_VALID'],
  ];

  describe.each(PROOF_FORMATS)('%s', (format) => {
    it.each(rows)('%s (%s) → %s %s', async (_, now, outcome, code) => {
      const { signed, world } = issued[format]!; // why: beforeAll issued every format
      const report = await verify(signed, envAt(world, { now: new Date(now) }));
      expect(checkOf(report, 'validity-period')).toMatchObject({ outcome, code });
    });
  });
});

describe('recipient: an upper-case hash matches', () => {
  // Mutation proved: the hex digest compared without lower-casing the stored hash → RECIPIENT_MISMATCH.
  const upper = async (email: string) => `sha256$${(await sha256Hex(email + SALT)).toUpperCase()}`;

  it('OB 3.0: identityHash sha256$ABCD… (signed) matches the right e-mail, and only it', async () => {
    const hash = await upper(RECIPIENT_EMAIL);
    expect(hash).toMatch(/^sha256\$[0-9A-F]{64}$/);
    const signed = await signDi(ob3Credential({ id: 'urn:tsumiki:guards:upper', issuerId: issuer.did, identityHash: hash }), 'eddsa-rdfc-2022', issuer.pair);
    const world = new World();
    const right = await verify(signed, envAt(world, { recipient: { identity: RECIPIENT_EMAIL } }));
    expect(checkOf(right, 'recipient')).toMatchObject({ outcome: 'passed', code: 'RECIPIENT_MATCHES', data: { hashed: true } });
    expect(right.verdict).toBe('verified');
    const wrong = await verify(signed, envAt(world, { recipient: { identity: OTHER_EMAIL } }));
    expect(checkOf(wrong, 'recipient')).toMatchObject({ outcome: 'failed', code: 'RECIPIENT_MISMATCH' });
  });

  it('OB 2.0 shape: recipient.identity sha256$ABCD… matches, the address in any case', async () => {
    const assertion: JsonObject = { recipient: { type: 'email', hashed: true, salt: SALT, identity: await upper(RECIPIENT_EMAIL) } };
    const env = (identity: string) => createEnv({ now: NOW, recipient: { identity, type: 'email' } });
    expect(await checkRecipient(assertion, env(RECIPIENT_EMAIL))).toMatchObject({ outcome: 'passed', code: 'RECIPIENT_MATCHES' });
    expect(await checkRecipient(assertion, env(RECIPIENT_EMAIL.toUpperCase()))).toMatchObject({ outcome: 'passed', code: 'RECIPIENT_MATCHES' });
    expect(await checkRecipient(assertion, env(OTHER_EMAIL))).toMatchObject({ outcome: 'failed', code: 'RECIPIENT_MISMATCH' });
  });
});

// encodeStatusList is what serveList builds on: pin the bit order it writes, so the tests above mean what they say.
it('test support: encodeStatusList sets bit i left-most first, as decodeStatusList reads it', () => {
  const bits = decodeStatusList(encodeStatusList([0, 10, 11], 16));
  expect([...bits]).toEqual([0b1000_0000, 0b0011_0000]);
});
