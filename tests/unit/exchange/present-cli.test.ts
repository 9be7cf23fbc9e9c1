// `tsumiki present URI FILE... [--json] [--key FILE]` end to end (issue 13, "Answer a verifier"):
// the CLI against local verifiers on 127.0.0.1 built from the OpenWallet Foundation library's
// verifier side (OpenID4VP) and a small VC-API exchange, each verifying the posted presentation for
// real (its nonce/challenge and audience/domain, every credential intact). Real OB 3.0
// credentials signed by the test issuer. The CLI runs as a child process (asynchronously: the
// peers answer from this process).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/lib/model/credential.ts';
import { ACHIEVEMENT_NAME, generateDidKey, hashedEmail, ob3Credential, RECIPIENT_EMAIL, SALT, signDi, tamperValue } from '../../support/issuer.ts';
import { openBadgeQuery, startOpenid4vpVerifier, VC_IRI, type Openid4vpPeer } from '../../support/peers/openid4vp-verifier.ts';
import { startVcApiVerifier, type VcApiPeer } from '../../support/peers/vcapi-verifier.ts';

interface Run {
  code: number;
  out: string;
  err: string;
}

function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/tsumiki.ts', ...args], { encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: unknown }).code ?? 1) : 0, out: stdout, err: stderr });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'tsumiki-present-'));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

let badge: string;
let tampered: string;
const peers: Array<Openid4vpPeer | VcApiPeer> = [];
const track = <T extends Openid4vpPeer | VcApiPeer>(p: T): T => {
  peers.push(p);
  return p;
};

beforeAll(async () => {
  const issuer = await generateDidKey('Ed25519');
  const signed = await signDi(ob3Credential({ id: 'urn:uuid:7f0c0a2e-0000-4000-8000-000000000013', issuerId: issuer.did, identityHash: await hashedEmail(RECIPIENT_EMAIL, SALT) }), 'eddsa-rdfc-2022', issuer.pair);
  badge = file('badge.json', signed);
  const changed = tamperValue({ kind: 'json', credential: signed }, { key: 'name', value: ACHIEVEMENT_NAME });
  tampered = file('tampered.json', changed.kind === 'json' ? changed.credential : '');
});

afterEach(async () => {
  await Promise.all(peers.splice(0).map((p) => p.close()));
});

// Each case starts the CLI (a few seconds each on a busy machine).
describe('tsumiki present: OpenID4VP 1.0', { timeout: 120_000 }, () => {
  it('a request object signed by the verifier’s did:key (decentralized_identifier:): the presentation is accepted; --json prints {sent, status}; exit 0', async () => {
    const peer = track(await startOpenid4vpVerifier({ prefix: 'decentralized_identifier' }));
    const key = join(dir, 'holder-a.jwk');
    const r = await cli('present', '--json', '--key', key, peer.request, badge);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ sent: 1, status: 200 });
    expect(peer.hits).toEqual(['GET /request', 'POST /response']);
    const [answer] = peer.answers;
    expect(answer?.accepted).toBe(true);
    // vp_token is {"<query id>": [<presentation>]}, bound to the nonce and the full client_id.
    expect(Object.keys(JSON.parse(answer!.form.vp_token!))).toEqual(['badge']);
    const [vp] = JSON.parse(answer!.form.vp_token!).badge as JsonObject[];
    expect(vp!.proof).toMatchObject({ proofPurpose: 'authentication', domain: peer.clientId, challenge: expect.any(String) });
    expect(peer.clientId).toMatch(/^decentralized_identifier:did:key:z6Mk/);
    // The holder is the key kept in --key (created there; its private part never printed).
    const jwk = JSON.parse(readFileSync(key, 'utf8')) as { d: string };
    expect(r.out).not.toContain(jwk.d);
    expect(answer!.verdicts.badge![0]!.holder).toMatch(/^did:key:z6Mk/);
    const again = await cli('present', '--key', key, (track(await startOpenid4vpVerifier({ prefix: 'decentralized_identifier' }))).request, badge);
    expect(again.code).toBe(0);
    expect(again.out).toContain(`as ${answer!.verdicts.badge![0]!.holder}`);
  });

  it('a request object signed by a did:jwk (ES256) verifier key is verified and answered', async () => {
    const peer = track(await startOpenid4vpVerifier({ prefix: 'decentralized_identifier', key: 'did:jwk', clientName: 'Knot Employer' }));
    const r = await cli('present', peer.request, badge);
    expect(r.code).toBe(0);
    expect(r.out).toContain('did:jwk:');
    expect(r.out).toContain('(proven: it signed the request)');
    expect(r.out).toContain('calls itself “Knot Employer” (a claim, not proven)');
    expect(peer.answers[0]?.accepted).toBe(true);
  });

  it('an unsigned redirect_uri: request (DCQL by value): the verifier is only its origin; accepted', async () => {
    const peer = track(await startOpenid4vpVerifier({ prefix: 'redirect_uri' }));
    expect(peer.request).toContain('dcql_query=');
    const r = await cli('present', '--json', peer.request, badge);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ sent: 1, status: 200 });
    expect(peer.hits).toEqual(['POST /response']);
    expect(peer.answers[0]?.accepted).toBe(true);
  });

  it('another client_id prefix (x509_san_dns:) is refused with a coded error before anything is fetched', async () => {
    const peer = track(await startOpenid4vpVerifier({ prefix: 'x509_san_dns' }));
    const r = await cli('present', '--json', peer.request, badge);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toEqual({ error: { code: 'PRESENT_VERIFIER_REFUSED', message: expect.stringContaining('x509_san_dns') } });
    expect(peer.hits).toEqual([]);
  });

  it('a tampered request object signature is refused (PRESENT_REQUEST_SIGNATURE); nothing is posted', async () => {
    const peer = track(await startOpenid4vpVerifier({ prefix: 'decentralized_identifier', tamperSignature: true }));
    const r = await cli('present', '--json', peer.request, badge);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).error.code).toBe('PRESENT_REQUEST_SIGNATURE');
    expect(peer.hits).toEqual(['GET /request']);
  });

  it('the verifier asks for something the wallet does not hold (or names a type by its short name, not its expanded IRI): PRESENT_NOTHING_MATCHES, nothing posted', async () => {
    const clr = track(await startOpenid4vpVerifier({ prefix: 'redirect_uri', dcql: openBadgeQuery('record', [VC_IRI, 'https://purl.imsglobal.org/spec/vc/clr/vocab.html#ClrCredential']) }));
    const short = track(await startOpenid4vpVerifier({ prefix: 'redirect_uri', dcql: openBadgeQuery('badge', ['OpenBadgeCredential']) }));
    for (const peer of [clr, short]) {
      const r = await cli('present', '--json', peer.request, badge);
      expect(r.code).toBe(1);
      expect(JSON.parse(r.out).error.code).toBe('PRESENT_NOTHING_MATCHES');
      expect(peer.hits).toEqual([]);
    }
  });

  it('a tampered credential is refused before posting (PRESENT_NOT_VERIFIED)', async () => {
    const peer = track(await startOpenid4vpVerifier({ prefix: 'redirect_uri' }));
    const r = await cli('present', '--json', peer.request, tampered);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toEqual({ error: { code: 'PRESENT_NOT_VERIFIED', message: expect.stringContaining('SIGNATURE_MISMATCH') } });
    expect(peer.hits).toEqual([]);
    // Given a good one beside it, the good one is chosen.
    const both = await cli('present', '--json', peer.request, tampered, badge);
    expect(both.code).toBe(0);
    expect(JSON.parse(both.out)).toEqual({ sent: 1, status: 200 });
  });

  it('an answer signed for another nonce (the verifier started a new session) is rejected by the verifier: {sent:1, status:400}, exit 1', async () => {
    const peer = track(await startOpenid4vpVerifier({ prefix: 'decentralized_identifier', rotateNonce: true }));
    const r = await cli('present', '--json', peer.request, badge);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toEqual({ sent: 1, status: 400 });
    expect(peer.answers[0]).toMatchObject({ accepted: false, problem: expect.stringContaining('CHALLENGE_MISMATCH') });
  });
});

describe('tsumiki present: VC-API exchanges', { timeout: 120_000 }, () => {
  it('QueryByExample (example.type a string) with DIDAuthentication: Accept: application/json, signed for the challenge and the exchange’s origin; accepted', async () => {
    const peer = track(await startVcApiVerifier({ exampleTypes: ['OpenBadgeCredential'], didAuthentication: true }));
    const r = await cli('present', '--json', peer.interactionUrl, badge);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ sent: 1, status: 200 });
    expect(peer.interactionAccept).toEqual(['application/json']);
    expect(peer.answers).toHaveLength(1);
    expect(peer.answers[0]).toMatchObject({ accepted: true, verdict: { ok: true, credentialTypes: [['OpenBadgeCredential', 'VerifiableCredential']] } });
  });

  it('example.type as an array; DIDAuthentication alone sends a signed presentation with no credential', async () => {
    const arr = track(await startVcApiVerifier({ exampleTypes: [['VerifiableCredential', 'OpenBadgeCredential']] }));
    expect((await cli('present', '--json', arr.interactionUrl, badge)).code).toBe(0);
    expect(arr.answers[0]?.accepted).toBe(true);
    const didAuth = track(await startVcApiVerifier({ didAuthentication: true }));
    const r = await cli('present', '--json', didAuth.interactionUrl);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ sent: 0, status: 200 });
    expect(didAuth.answers[0]).toMatchObject({ accepted: true, verdict: { ok: true, holder: expect.stringMatching(/^did:key:/) } });
  });

  it('a verifier that refuses (it expects another domain) answers 4xx: exit 1; nothing the wallet holds: PRESENT_NOTHING_MATCHES', async () => {
    const other = track(await startVcApiVerifier({ exampleTypes: ['OpenBadgeCredential'], expectDomain: 'https://elsewhere.example' }));
    const r = await cli('present', '--json', other.interactionUrl, badge);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toEqual({ sent: 1, status: 400 });
    const clr = track(await startVcApiVerifier({ exampleTypes: ['ClrCredential'] }));
    const none = await cli('present', '--json', clr.interactionUrl, badge);
    expect(none.code).toBe(1);
    expect(JSON.parse(none.out).error.code).toBe('PRESENT_NOTHING_MATCHES');
    expect(clr.answers).toHaveLength(0);
  });
});
