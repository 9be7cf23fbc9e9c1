// Answering a verifier, in the library (issue 13): matching on the one reading (expanded type IRIs,
// claim paths), who asks as proven and as claimed, selective disclosure of an ecdsa-sd-2023 badge
// for the claims asked, and the refusals before anything is sent — against the local verifiers.
import jsigs from 'jsonld-signatures';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { createSignCryptosuite } from '@digitalbazaar/ecdsa-sd-2023-cryptosuite';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isTsumikiError } from '../../../src/lib/errors.ts';
import { holdingOf, matchDcql, parseDcql, type Holding } from '../../../src/lib/exchange/match.ts';
import { firstChoice, planAnswer, readVerifierRequest, sendAnswer } from '../../../src/lib/exchange/present.ts';
import type { JsonObject, ParsedCredential } from '../../../src/lib/model/credential.ts';
import { createDeviceKey, type DeviceKey } from '../../../src/lib/share/holder.ts';
import { createEnv } from '../../../src/lib/verify/env.ts';
import { contextLoader } from '../../../src/lib/verify/loader.ts';
import { createRemote } from '../../../src/lib/verify/remote.ts';
import { ACHIEVEMENT_NAME, EXPIRED_UNTIL, generateDidKey, ob3Credential, SIGNED_AT, signDi } from '../../support/issuer.ts';
import { OB_CREDENTIAL_IRI, openBadgeQuery, startOpenid4vpVerifier, VC_IRI, type Openid4vpPeer } from '../../support/peers/openid4vp-verifier.ts';
import { startVcApiVerifier, type VcApiPeer } from '../../support/peers/vcapi-verifier.ts';

const env = () => createEnv({ remote: createRemote({ online: false }) });
const asParsed = (credential: JsonObject): ParsedCredential => ({ format: 'ob3-di', container: 'json', credential, bytes: new TextEncoder().encode(JSON.stringify(credential)) });

let good: Holding;
let expired: Holding;
let key: DeviceKey;
const peers: Array<Openid4vpPeer | VcApiPeer> = [];
const track = <T extends Openid4vpPeer | VcApiPeer>(p: T): T => (peers.push(p), p);

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'no error';
  } catch (e) {
    return isTsumikiError(e) ? e.code : `not coded: ${String(e)}`;
  }
}

beforeAll(async () => {
  const issuer = await generateDidKey('Ed25519');
  good = await holdingOf('good', asParsed(await signDi(ob3Credential({ id: 'urn:uuid:00000000-0000-4000-8000-0000000000a1', issuerId: issuer.did, identityHash: 'sha256$00' }), 'eddsa-rdfc-2022', issuer.pair)), env());
  expired = await holdingOf('expired', asParsed(await signDi(ob3Credential({ id: 'urn:uuid:00000000-0000-4000-8000-0000000000a2', issuerId: issuer.did, identityHash: 'sha256$00', validUntil: EXPIRED_UNTIL }), 'eddsa-rdfc-2022', issuer.pair)), env());
  key = await createDeviceKey();
});

afterEach(async () => {
  await Promise.all(peers.splice(0).map((p) => p.close()));
});

describe('matching on the one reading', () => {
  it('DCQL type_values are matched against the expanded class IRIs of the signed graph, never the short names', () => {
    expect(good.typeIris).toEqual([VC_IRI, OB_CREDENTIAL_IRI].sort());
    expect(matchDcql(parseDcql(openBadgeQuery('b')), [good]).candidates).toEqual({ b: [0] });
    expect(matchDcql(parseDcql(openBadgeQuery('b', ['OpenBadgeCredential'])), [good]).candidates).toEqual({ b: [] });
  });

  it('claim paths and values are looked up in the reading', () => {
    const named = (values: string[]) => parseDcql(openBadgeQuery('b', undefined, [{ path: ['credentialSubject', 'achievement', 'name'], values } as never]));
    expect(matchDcql(named([ACHIEVEMENT_NAME]), [good]).candidates.b).toEqual([0]);
    expect(matchDcql(named(['Something Else']), [good]).candidates.b).toEqual([]);
  });

  it('a query that is not DCQL is refused with a coded error', () => {
    expect(() => parseDcql({ credentials: [] })).toThrowError(expect.objectContaining({ code: 'PRESENT_REQUEST_INVALID' }));
  });
});

describe('answering', () => {
  it('shows who asks: the DID that signed the request as proven, its name as a claim; what it asks for', async () => {
    const peer = track(await startOpenid4vpVerifier({ prefix: 'decentralized_identifier', clientName: 'Knot Employer' }));
    const request = await readVerifierRequest(peer.request);
    expect(request.verifier).toEqual({ proven: { kind: 'did', value: peer.clientId.slice('decentralized_identifier:'.length) }, answersTo: peer.origin, claimedName: 'Knot Employer', logoUri: null });
    const plan = planAnswer(request, [expired, good]);
    expect(plan.asks).toEqual([expect.objectContaining({ id: 'badge', types: [[VC_IRI, OB_CREDENTIAL_IRI]], required: true, candidates: [1, 0] })]);
  });

  it('an expired badge is never sent (PRESENT_NOT_VERIFIED), even when chosen; nothing reaches the verifier', async () => {
    const peer = track(await startVcApiVerifier({ exampleTypes: ['OpenBadgeCredential'] }));
    const request = await readVerifierRequest(peer.interactionUrl);
    const plan = planAnswer(request, [expired]);
    expect(await codeOf(sendAnswer(plan, firstChoice(plan, [expired]), [expired], key, undefined))).toBe('PRESENT_NOT_VERIFIED');
    expect(peer.answers).toHaveLength(0);
  });

  it('a request_uri on plain http to another host is refused by the exchange door', async () => {
    const uri = `openid4vp://?${new URLSearchParams({ client_id: 'decentralized_identifier:did:key:z6Mkfoo', request_uri: 'http://verifier.example/request' })}`;
    expect(await codeOf(readVerifierRequest(uri))).toBe('EXCHANGE_URL_INSECURE');
  });

  it('an ecdsa-sd-2023 badge: the verifier receives a derived proof disclosing the mandatory fields and the claims it asked for, and accepts it', async () => {
    const issuer = await generateDidKey('P-256');
    const unsigned = ob3Credential({ id: 'urn:uuid:00000000-0000-4000-8000-0000000000a3', issuerId: issuer.did, identityHash: 'sha256$secret' });
    const suite = new DataIntegrityProof({ signer: issuer.pair.signer(), date: SIGNED_AT, cryptosuite: createSignCryptosuite({ mandatoryPointers: ['/issuer', '/validFrom', '/name', '/credentialSubject/type', '/credentialSubject/achievement'] }) });
    const base = (await jsigs.sign(structuredClone(unsigned), { suite, purpose: new jsigs.purposes.AssertionProofPurpose(), documentLoader: contextLoader })) as JsonObject; // why: jsigs returns the document
    const sd = await holdingOf('sd', asParsed(base), env());
    expect(sd.verification.checks.find((c) => c.id === 'proof')?.outcome).toBe('passed');
    const peer = track(await startOpenid4vpVerifier({ prefix: 'redirect_uri', dcql: openBadgeQuery('badge', undefined, [{ path: ['credentialSubject', 'achievement', 'name'] }]) }));
    const request = await readVerifierRequest(peer.request);
    const plan = planAnswer(request, [sd]);
    const { sent, answer } = await sendAnswer(plan, firstChoice(plan, [sd]), [sd], key, undefined);
    expect(sent).toBe(1);
    expect(answer).toMatchObject({ status: 200, accepted: true, redirectUri: `${peer.origin}/done` });
    const vp = JSON.parse(peer.answers[0]!.form.vp_token!).badge[0] as JsonObject;
    const credential = (vp.verifiableCredential as JsonObject[])[0]!;
    expect((credential.credentialSubject as JsonObject).achievement).toMatchObject({ name: ACHIEVEMENT_NAME });
    expect(JSON.stringify(credential)).not.toContain('sha256$secret');
    expect(credential.validUntil).toBeUndefined();
  });
});
