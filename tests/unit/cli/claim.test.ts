// `tsumiki claim` (issue 13) end to end: the CLI as a child process against real peers on 127.0.0.1
// built from the OpenWallet Foundation issuer side (OpenID4VCI) and jsonld-signatures (DCC request,
// VC-API exchange), issuing real OB 3.0 credentials. The contract: --json prints
// {"results":[…as verify --json…],"saved":[…]}, exit codes as verify, a protocol failure prints
// {"error":{"code","message"}} and exits 1 saving nothing.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dccRegistryJson, generateDidKey, type DidKey } from '../../support/issuer.ts';
import { startDccIssuer, type DccIssuerPeer } from '../../support/peers/dcc-issuer.ts';
import { DEGREE, JWT, LDP, startOid4vciIssuer, type Oid4vciIssuerPeer } from '../../support/peers/oid4vci-issuer.ts';
import { startVcApiIssuer, type VcApiIssuerPeer } from '../../support/peers/vc-api-issuer.ts';

// Each CLI run starts Node and tsx (seconds on a shared machine); some tests run it several times.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 60_000 });

const ROOT = process.cwd();
/** tsx by absolute URL, so the CLI also starts from another working directory. */
const TSX = pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

/** The CLI in a child process (async: the peers answer from this process meanwhile). */
function cli(args: string[], cwd = ROOT): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', TSX, join(ROOT, 'src/cli/tsumiki.ts'), ...args], { cwd, encoding: 'utf8', timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 99) : 0, out: stdout, err: stderr });
    });
  });
}

const tmp = mkdtempSync(join(tmpdir(), 'tsumiki-claim-'));
let n = 0;
const fresh = (name: string) => join(tmp, `${name}-${++n}`);

let issuerKey: DidKey;
let registry: string;
let peer: Oid4vciIssuerPeer;
let stale: Oid4vciIssuerPeer;
let tampering: Oid4vciIssuerPeer;
let dcc: DccIssuerPeer;
let vcapi: VcApiIssuerPeer;

beforeAll(async () => {
  // One issuer key behind every peer, so one registry makes them all `verified`.
  issuerKey = await generateDidKey('Ed25519');
  registry = join(tmp, 'registry.json');
  writeFileSync(registry, dccRegistryJson([issuerKey.did]));
  [peer, stale, tampering, dcc, vcapi] = await Promise.all([
    startOid4vciIssuer({ issuerKey }),
    startOid4vciIssuer({ issuerKey, staleNonce: true }),
    startOid4vciIssuer({ issuerKey, tamper: true }),
    startDccIssuer({ issuerKey }),
    startVcApiIssuer({ issuerKey }),
  ]);
});
afterAll(async () => {
  await Promise.all([peer, stale, tampering, dcc, vcapi].map((p) => p?.close()));
});

interface Row {
  file: string;
  format: string;
  headline: string;
  verdict: string;
  issuer: { id: string | null };
  checks: Array<{ id: string; outcome: string; code: string }>;
}

describe('tsumiki claim — OpenID4VCI', () => {
  it('an offer by value, no PIN: verified like verify, saved in a new relative DIR, UNKNOWN_ISSUER without --trust (exit 2)', async () => {
    const cwd = fresh('cwd');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(cwd);
    const offer = await peer.offer({ configurations: [LDP] });
    expect(offer).toMatch(/^openid-credential-offer:\/\/\?credential_offer=/);
    const r = await cli(['claim', offer, '--json', '--out', 'badges/new'], cwd);
    expect(r.err).toBe('');
    const json = JSON.parse(r.out) as { results: Row[]; saved: string[] };
    expect(json.saved).toEqual([join('badges', 'new', `${LDP}.json`)]);
    expect(json.results).toHaveLength(1);
    expect(json.results[0]).toMatchObject({ file: json.saved[0], format: 'ob3-di', headline: 'UNKNOWN_ISSUER', verdict: 'incomplete', issuer: { id: issuerKey.did } });
    expect(r.code).toBe(2);
    // The saved file is what the issuer sent, and `tsumiki verify` reads it back to the same rows.
    const saved = JSON.parse(readFileSync(join(cwd, json.saved[0] as string), 'utf8')) as { credentialSubject: { id: string } };
    expect(saved).toEqual(peer.issued.at(-1));
    expect(saved.credentialSubject.id).toBe(peer.holders.at(-1));
    const again = await cli(['verify', '--json', json.saved[0] as string], cwd);
    const withoutClock = (rows: unknown) => JSON.parse(JSON.stringify(rows).replace(/"now":"[^"]*"/g, '"now":"…"')) as unknown; // why: each run reads its own clock
    expect(withoutClock((JSON.parse(again.out) as { results: Row[] }).results)).toEqual(withoutClock(json.results));
  });

  it('an offer by reference with a PIN and several configurations: one request each, ldp_vc and jwt_vc_json, verified with --trust (exit 0); the non-badge is skipped', async () => {
    const out = fresh('out');
    const keyFile = join(tmp, `holder-${n}.jwk`);
    const offer = await peer.offer({ configurations: [LDP, JWT, DEGREE], pin: '4921', byReference: true });
    expect(offer).toContain('credential_offer_uri=');
    const before = peer.running.log.filter((l) => l === 'POST /credential').length;
    const r = await cli(['claim', offer, '--json', '--pin', '4921', '--out', out, '--trust', registry, '--key', keyFile]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { results: Row[]; saved: string[] };
    expect(json.saved).toEqual([join(out, `${LDP}.json`), join(out, `${JWT}.json`)]);
    expect(json.results.map((x) => [x.file, x.format, x.headline, x.verdict])).toEqual([
      [json.saved[0], 'ob3-di', 'GENUINE', 'verified'],
      [json.saved[1], 'ob3-jwt', 'GENUINE', 'verified'],
    ]);
    expect(peer.running.log.filter((l) => l === 'POST /credential').length - before).toBe(2);
    // The VC-JWT is saved as JSON: a VC 2.0 EnvelopedVerifiableCredential holding the exact JWT sent.
    const envelope = JSON.parse(readFileSync(json.saved[1] as string, 'utf8')) as { type: string; id: string };
    expect(envelope.type).toBe('EnvelopedVerifiableCredential');
    expect(envelope.id).toBe(`data:application/vc+jwt,${String(peer.issued.at(-1))}`);
    // --key FILE: the same holder on every run, bound into the credentials; the key file is private.
    const holder = peer.holders.at(-1);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(r.out + r.err).not.toContain(JSON.parse(readFileSync(keyFile, 'utf8')).d);
    const second = await cli(['claim', await peer.offer({ configurations: [LDP] }), '--json', '--key', keyFile, '--trust', registry]);
    expect(second.code).toBe(0);
    expect(peer.holders.at(-1)).toBe(holder);
    expect((JSON.parse(second.out) as { saved: string[] }).saved).toEqual([]);
  });

  it('a wrong PIN is refused by the issuer: CLAIM_WRONG_PIN, exit 1, nothing saved', async () => {
    const out = fresh('out');
    const r = await cli(['claim', await peer.offer({ configurations: [LDP], pin: '1111' }), '--json', '--pin', '2222', '--out', out]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { error: { code: string; message: string } };
    expect(json.error.code).toBe('CLAIM_WRONG_PIN');
    expect(json.error.message).toMatch(/^token: /);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it('a PIN the offer asks for but was not given: CLAIM_PIN_REQUIRED before any token request', async () => {
    const before = peer.running.log.filter((l) => l === 'POST /token').length;
    const r = await cli(['claim', await peer.offer({ configurations: [LDP], pin: '1111' }), '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toEqual({ error: { code: 'CLAIM_PIN_REQUIRED', message: expect.stringContaining('PIN') } });
    expect(peer.running.log.filter((l) => l === 'POST /token').length).toBe(before);
  });

  it('an expired offer: CLAIM_OFFER_EXPIRED; a used one too', async () => {
    const r = await cli(['claim', await peer.offer({ configurations: [LDP], expiresInSeconds: -60 }), '--json']);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.out) as { error: { code: string } }).error.code).toBe('CLAIM_OFFER_EXPIRED');
    const offer = await peer.offer({ configurations: [LDP] });
    expect((await cli(['claim', offer, '--json'])).code).toBe(2);
    const used = await cli(['claim', offer, '--json']);
    expect((JSON.parse(used.out) as { error: { code: string } }).error.code).toBe('CLAIM_OFFER_EXPIRED');
  });

  it('a replayed nonce is refused by the issuer on the second request: the step and reason are named, and the first credential, already received, is not saved', async () => {
    const out = fresh('out');
    const r = await cli(['claim', await stale.offer({ configurations: [LDP, JWT] }), '--json', '--out', out]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { error: { code: string; message: string } };
    expect(json.error.code).toBe('EXCHANGE_REFUSED');
    expect(json.error.message).toMatch(/^credential: .*invalid_nonce/);
    expect(stale.issued).toHaveLength(1);
    expect(stale.refusals).toEqual(['credential invalid_nonce']);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it('a credential tampered with by the issuer is reported as forged (exit 1) and not saved', async () => {
    const out = fresh('out');
    const r = await cli(['claim', await tampering.offer({ configurations: [LDP, JWT] }), '--json', '--out', out, '--trust', registry]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { results: Row[]; saved: string[] };
    expect(json.saved).toEqual([]);
    expect(json.results.map((x) => [x.file, x.headline, x.verdict])).toEqual([
      [`${tampering.url}#${LDP}`, 'FORGED', 'failed'],
      [`${tampering.url}#${JWT}`, 'FORGED', 'failed'],
    ]);
    expect(readdirSync(out)).toEqual([]);
  });

  it('human output names who offers (origin proven, name a claim) and what was saved', async () => {
    const out = fresh('out');
    const r = await cli(['claim', await peer.offer({ configurations: [LDP] }), '--out', relative(ROOT, out), '--trust', registry]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`Offered by ${peer.url} (proven: the connection); it calls itself “Tsumiki Test Issuer (OpenID4VCI)” (a claim, not proven)`);
    expect(r.out).toMatch(/^✔ GENUINE/m);
    expect(r.out).toContain(`saved: ${join(relative(ROOT, out), `${LDP}.json`)}`);
  });
});

describe('tsumiki claim — DCC request and VC-API exchange', () => {
  it('a dccrequest:// link: a DID-Auth presentation with the challenge, the credential verified and saved', async () => {
    const out = fresh('out');
    const keyFile = join(tmp, 'dcc-holder.jwk');
    const link = dcc.link();
    expect(link).toMatch(/^dccrequest:\/\/request\?issuer=.*&vc_request_url=.*&auth_type=bearer&challenge=/);
    const r = await cli(['claim', link, '--json', '--out', out, '--trust', registry, '--key', keyFile]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { results: Row[]; saved: string[] };
    expect(json.results.map((x) => [x.format, x.verdict])).toEqual([['ob3-di', 'verified']]);
    expect(json.saved).toHaveLength(1);
    // A challenge works once.
    const replay = await cli(['claim', link, '--json']);
    expect(replay.code).toBe(1);
    expect(JSON.parse(replay.out)).toMatchObject({ error: { code: 'EXCHANGE_REFUSED', message: expect.stringMatching(/^request: .*400/) } });
  });

  it('a VC-API interaction URL: protocols → exchange → DIDAuthentication answered with the exchange origin as domain → credentials', async () => {
    const out = fresh('out');
    const r = await cli(['claim', vcapi.interaction(), '--json', '--out', out, '--trust', registry]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { results: Row[]; saved: string[] };
    expect(json.results.map((x) => [x.format, x.headline])).toEqual([['ob3-di', 'GENUINE']]);
    expect(vcapi.holders).toHaveLength(1);
    expect(vcapi.running.log.filter((l) => l.startsWith('POST /exchanges/'))).toHaveLength(2);
  });
});

describe('tsumiki claim — links refused before anything is asked', () => {
  it('plain http to another host, a closed port, and text that is no link: coded errors, exit 1', async () => {
    const insecure = await cli(['claim', `openid-credential-offer://?credential_offer_uri=${encodeURIComponent('http://issuer.example/offer')}`, '--json']);
    expect(insecure.code).toBe(1);
    expect((JSON.parse(insecure.out) as { error: { code: string } }).error.code).toBe('EXCHANGE_URL_INSECURE');
    const closed = await cli(['claim', 'http://127.0.0.1:9/interactions/x?iuv=1', '--json']);
    expect(closed.code).toBe(1);
    expect(JSON.parse(closed.out)).toMatchObject({ error: { code: 'EXCHANGE_NETWORK', message: expect.stringMatching(/^interaction: /) } });
    const junk = await cli(['claim', 'hello', '--json']);
    expect(junk.code).toBe(1);
    expect((JSON.parse(junk.out) as { error: { code: string } }).error.code).toBe('EXCHANGE_URL_INVALID');
    const none = await cli(['claim']);
    expect(none.code).toBe(2);
  });
});
