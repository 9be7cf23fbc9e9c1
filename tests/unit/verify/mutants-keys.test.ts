// Tests written for StrykerJS (`npm run mutate`): verification-method resolution (keys.ts), called
// directly: what each kind of identifier yields, for Data Integrity and for JWS use, and every way it
// is refused, with the outcome (failed: never a key; not-checked: maybe later) and the reason.
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import { generateKeyPairSync } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../../../src/lib/model/credential.ts';
import { didWebUrl, hasPrivateParts, KeyResolutionError, multikeyFor, multikeyType, resolveVerificationMethod } from '../../../src/lib/verify/keys.ts';
import { importJwkOnce } from '../../../src/lib/verify/key-imports.ts';
import { createRemote } from '../../../src/lib/verify/remote.ts';
import { base58btcEncode } from '../../../src/lib/util/bytes.ts';
import { didJwkOf, generateDidKey, NOW, World, type DidKey } from '../../support/issuer.ts';

const offline = createRemote({ online: false });
const failing = createRemote({ online: true, fetch: async () => Promise.reject(new Error('refused')), now: () => NOW });

async function refusal(ref: string, remote = offline, use: 'data-integrity' | 'jws' = 'data-integrity') {
  const e = await resolveVerificationMethod(ref, remote, use).then(
    () => undefined,
    (x: unknown) => x,
  );
  if (!(e instanceof KeyResolutionError)) throw new Error(`expected a KeyResolutionError for ${ref}, got ${String(e)}`);
  return { outcome: e.outcome, code: e.code, reason: e.reason, message: e.message };
}

let ed: DidKey;
let p256: DidKey;
let edJwk: JsonObject;
let rsaJwk: JsonObject;

beforeAll(async () => {
  ed = await generateDidKey('Ed25519');
  p256 = await generateDidKey('P-256');
  edJwk = (await exportJWK((await generateKeyPair('EdDSA', { extractable: true })).publicKey)) as JsonObject;
  rsaJwk = (await exportJWK((await generateKeyPair('RS256', { extractable: true })).publicKey)) as JsonObject;
});

describe('multibase keys', () => {
  it('multikeyType reads the multicodec header and length', () => {
    expect(multikeyType(ed.pair.publicKeyMultibase as string)).toBe('Ed25519');
    expect(multikeyType(p256.pair.publicKeyMultibase as string)).toBe('P-256');
    expect(multikeyType(`x${(ed.pair.publicKeyMultibase as string).slice(1)}`)).toBeUndefined();
    expect(multikeyType('z0OIl')).toBeUndefined(); // not base58
    expect(multikeyType((ed.pair.publicKeyMultibase as string).slice(0, -2))).toBeUndefined(); // too short
  });

  it('multikeyFor: the Multikey document of a supported key', async () => {
    const mb = ed.pair.publicKeyMultibase as string;
    expect(await multikeyFor(mb, 'urn:k#1', 'urn:k')).toEqual({ '@context': 'https://w3id.org/security/multikey/v1', id: 'urn:k#1', type: 'Multikey', controller: 'urn:k', publicKeyMultibase: mb });
    expect(await multikeyFor('zQ3sh', 'urn:k#1', 'urn:k')).toBeUndefined();
  });

  it('hasPrivateParts: any private or symmetric member', () => {
    for (const m of ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k']) expect(hasPrivateParts({ kty: 'X', [m]: 'x' })).toBe(true);
    expect(hasPrivateParts({ kty: 'OKP', crv: 'Ed25519', x: 'x' })).toBe(false);
  });
});

describe('did:key', () => {
  it('a bare did:key or its own fragment: self-certifying, listed for assertions', async () => {
    for (const ref of [ed.did, ed.vm]) {
      const m = await resolveVerificationMethod(ref, offline);
      expect(m).toMatchObject({ ref, controller: ed.did, binding: 'self-certifying' });
      expect(m.controllerDocument).toEqual({ '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'], id: ed.did, verificationMethod: [m.method], assertionMethod: [ref], authentication: [ref] });
      expect(m.jwk).toBeUndefined();
    }
  });

  it('for a JWS it carries the public JWK', async () => {
    const m = await resolveVerificationMethod(p256.vm, offline, 'jws');
    expect(m.jwk).toMatchObject({ kty: 'EC', crv: 'P-256' });
    expect(m.jwk).not.toHaveProperty('d');
  });

  it('another fragment: KEY_NOT_FOUND; a key type not supported: UNSUPPORTED_KEY (not-checked)', async () => {
    expect(await refusal(`${ed.did}#other`)).toEqual({ outcome: 'failed', code: 'KEY_NOT_FOUND', reason: undefined, message: 'did:key fragment other is not its key' });
    const x = await refusal('did:key:z6LSbysY2xFMRpGMhb7tFTLMpeuPRaqaWM1yECx2AtzE3KCc');
    expect(x).toMatchObject({ outcome: 'not-checked', code: 'UNSUPPORTED_KEY', reason: 'unsupported' });
    expect(x.message).toBe('did:key z6LSbysY… is not an Ed25519 or P-256/P-384 key');
  });
});

describe('did:jwk', () => {
  it('an Ed25519 JWK resolves for both uses (#0 or bare); an RSA JWK only for a JWS', async () => {
    const did = didJwkOf(edJwk);
    for (const ref of [did, `${did}#0`]) expect(await resolveVerificationMethod(ref, offline)).toMatchObject({ ref, controller: did, binding: 'self-certifying' });
    const rsa = didJwkOf(rsaJwk);
    expect(await resolveVerificationMethod(`${rsa}#0`, offline, 'jws')).toMatchObject({ method: { type: 'JsonWebKey', publicKeyJwk: rsaJwk }, jwk: rsaJwk });
    expect(await refusal(`${rsa}#0`)).toEqual({ outcome: 'not-checked', code: 'UNSUPPORTED_KEY', reason: 'unsupported', message: 'did:jwk key type RSA not supported for Data Integrity' });
    expect(await refusal(didJwkOf({ kty: 'oct-ish' }), offline, 'jws')).toMatchObject({ code: 'UNSUPPORTED_KEY', message: 'did:jwk key type oct-ish not supported' });
  });

  it('every way a did:jwk holds no usable key', async () => {
    const did = didJwkOf(edJwk);
    expect(await refusal(`${did}#1`)).toEqual({ outcome: 'failed', code: 'KEY_NOT_FOUND', reason: undefined, message: 'did:jwk has no method #1 (only #0)' });
    expect(await refusal(`did:jwk:${Buffer.from('nope').toString('base64url')}`)).toMatchObject({ outcome: 'failed', code: 'KEY_NOT_FOUND', message: 'did:jwk does not hold a JSON Web Key' });
    expect(await refusal(`did:jwk:${Buffer.from('[1]').toString('base64url')}`)).toMatchObject({ code: 'KEY_NOT_FOUND', message: 'did:jwk does not hold a JSON Web Key' });
    expect(await refusal(didJwkOf({ crv: 'Ed25519' }))).toMatchObject({ code: 'KEY_NOT_FOUND', message: 'did:jwk does not hold a JSON Web Key' });
    expect(await refusal(didJwkOf({ ...edJwk, d: 'secret' }))).toEqual({ outcome: 'failed', code: 'KEY_NOT_FOUND', reason: undefined, message: 'did:jwk holds private key material' });
    expect(await refusal(didJwkOf({ ...edJwk, use: 'enc' }))).toEqual({ outcome: 'failed', code: 'KEY_NOT_AUTHORIZED', reason: undefined, message: 'did:jwk key is for encryption only' });
    expect(await refusal(didJwkOf({ ...rsaJwk, n: 7 }), offline, 'jws')).toMatchObject({ code: 'UNSUPPORTED_KEY' });
  });
});

describe('did:web and https controller documents', () => {
  it('didWebUrl: host, port, path', () => {
    expect(didWebUrl('did:web:issuer.test')).toBe('https://issuer.test/.well-known/did.json');
    expect(didWebUrl('did:web:issuer.test%3A8443:users:alice')).toBe('https://issuer.test:8443/users/alice/did.json');
    expect(didWebUrl('did:web:')).toBeUndefined();
    for (const bad of ['did:web:a%2Fb', 'did:web:a%3Fb', 'did:web:a%23b', 'did:web:user%40host']) expect(didWebUrl(bad)).toBeUndefined();
  });

  const DID = 'did:web:issuer.mutants.test';
  const DOC_URL = 'https://issuer.mutants.test/.well-known/did.json';
  const doc = (extra: JsonObject = {}): JsonObject => ({
    '@context': ['https://www.w3.org/ns/did/v1'],
    id: DID,
    verificationMethod: [{ id: '#key-1', type: 'Multikey', controller: DID, publicKeyMultibase: ed.pair.publicKeyMultibase as string }],
    assertionMethod: ['#key-1'],
    ...extra,
  });

  it('a method listed for assertions, by a relative id: resolved, with when it was fetched', async () => {
    const world = new World().serve(DOC_URL, doc());
    const m = await resolveVerificationMethod(`${DID}#key-1`, world.env().remote);
    expect(m).toMatchObject({ ref: `${DID}#key-1`, controller: DID, binding: 'resolved', fetchedAt: NOW.toISOString(), fromCache: false });
    expect(m.controllerDocument).toEqual({ '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'], id: DID, verificationMethod: [m.method], assertionMethod: [`${DID}#key-1`], authentication: [] });
  });

  it('a method is authorized for authentication only where its controller lists it for authentication', async () => {
    const both = await resolveVerificationMethod(`${DID}#key-1`, new World().serve(DOC_URL, doc({ authentication: [`${DID}#key-1`] })).env().remote);
    expect(both.controllerDocument).toMatchObject({ assertionMethod: [`${DID}#key-1`], authentication: [`${DID}#key-1`] });
    const authOnly = await resolveVerificationMethod(`${DID}#key-1`, new World().serve(DOC_URL, doc({ assertionMethod: [], authentication: ['#key-1'] })).env().remote);
    expect(authOnly.controllerDocument).toMatchObject({ assertionMethod: [], authentication: [`${DID}#key-1`] });
    const foreign = doc({ verificationMethod: [{ id: `${DID}#key-1`, type: 'Multikey', controller: 'did:web:else.test', publicKeyMultibase: ed.pair.publicKeyMultibase as string }], authentication: ['#key-1'] });
    expect((await resolveVerificationMethod(`${DID}#key-1`, new World().serve(DOC_URL, foreign).env().remote)).controllerDocument.authentication).toEqual([]);
  });

  it('a method not listed for assertions, or controlled by someone else, is resolved but not authorized', async () => {
    const notListed = await resolveVerificationMethod(`${DID}#key-1`, new World().serve(DOC_URL, doc({ assertionMethod: [] })).env().remote);
    expect(notListed.controllerDocument.assertionMethod).toEqual([]);
    const foreign = doc({ verificationMethod: [{ id: `${DID}#key-1`, type: 'Multikey', controller: 'did:web:else.test', publicKeyMultibase: ed.pair.publicKeyMultibase as string }] });
    const m = await resolveVerificationMethod(`${DID}#key-1`, new World().serve(DOC_URL, foreign).env().remote);
    expect(m.controller).toBe('did:web:else.test');
    expect(m.controllerDocument.assertionMethod).toEqual([]);
  });

  it('a method found under assertionMethod or publicKey, or the URL serving the method itself', async () => {
    const embedded = doc({ verificationMethod: [], assertionMethod: [{ id: `${DID}#key-1`, type: 'Multikey', controller: DID, publicKeyMultibase: ed.pair.publicKeyMultibase as string }] });
    expect(await resolveVerificationMethod(`${DID}#key-1`, new World().serve(DOC_URL, embedded).env().remote)).toMatchObject({ binding: 'resolved' });
    const key = 'https://keys.mutants.test/key-1';
    const self = { id: key, type: 'JsonWebKey', controller: 'https://keys.mutants.test/', publicKeyJwk: edJwk };
    expect(await resolveVerificationMethod(key, new World().serve(key, self).env().remote, 'jws')).toMatchObject({ controller: 'https://keys.mutants.test/', jwk: edJwk });
    const legacy = { id: 'https://keys.mutants.test/doc', publicKey: [{ id: 'https://keys.mutants.test/doc#k', publicKeyMultibase: p256.pair.publicKeyMultibase as string }] };
    expect(await resolveVerificationMethod('https://keys.mutants.test/doc#k', new World().serve('https://keys.mutants.test/doc', legacy).env().remote)).toMatchObject({ controller: 'https://keys.mutants.test/doc' });
  });

  it('a document that does not list the method, is no JSON, or holds an unsupported key', async () => {
    expect(await refusal(`${DID}#key-9`, new World().serve(DOC_URL, doc()).env().remote)).toEqual({ outcome: 'failed', code: 'KEY_NOT_FOUND', reason: undefined, message: `${DOC_URL} does not list ${DID}#key-9` });
    expect(await refusal(`${DID}#key-1`, new World().serve(DOC_URL, 'not json').env().remote)).toEqual({ outcome: 'failed', code: 'KEY_NOT_FOUND', reason: undefined, message: `${DOC_URL} is not a JSON document` });
    const x25519 = doc({ verificationMethod: [{ id: '#key-1', type: 'X25519KeyAgreementKey2020', controller: DID, publicKeyMultibase: 'z6LSbysY2xFMRpGMhb7tFTLMpeuPRaqaWM1yECx2AtzE3KCc' }] });
    expect(await refusal(`${DID}#key-1`, new World().serve(DOC_URL, x25519).env().remote)).toEqual({ outcome: 'not-checked', code: 'UNSUPPORTED_KEY', reason: 'unsupported', message: 'key type X25519KeyAgreementKey2020 not supported' });
  });

  it('a document that cannot be fetched: offline or error (not-checked), unless the fragment is itself a key', async () => {
    expect(await refusal(`${DID}#key-1`)).toEqual({ outcome: 'not-checked', code: 'NEEDS_NETWORK', reason: 'offline', message: `${DOC_URL} could not be fetched` });
    expect(await refusal(`${DID}#key-1`, failing)).toMatchObject({ outcome: 'not-checked', code: 'FETCH_FAILED', reason: 'error' });
    expect(await refusal(`${DID}#key-1`, new World().env().remote)).toMatchObject({ outcome: 'not-checked', code: 'FETCH_FAILED', reason: 'error' });
    const mb = ed.pair.publicKeyMultibase as string;
    const viaFragment = await resolveVerificationMethod(`https://issuer.mutants.test/id#${mb}`, offline);
    expect(viaFragment).toMatchObject({ controller: 'https://issuer.mutants.test/id', binding: 'fragment', unresolved: 'NEEDS_NETWORK' });
    expect(await resolveVerificationMethod(`https://issuer.mutants.test/id#${mb}`, new World().env().remote)).toMatchObject({ binding: 'fragment', unresolved: 'FETCH_FAILED' });
    expect(await refusal('https://issuer.mutants.test/id#zNotAKey')).toMatchObject({ code: 'NEEDS_NETWORK' });
  });

  it('a did:web that names no host is KEY_NOT_FOUND', async () => {
    expect(await refusal('did:web:a%2Fb#key-1')).toEqual({ outcome: 'failed', code: 'KEY_NOT_FOUND', reason: undefined, message: 'did:web:a%2Fb is not a valid did:web' });
  });
});

describe('other identifiers', () => {
  it('another DID method: unsupported; did:example never resolves', async () => {
    expect(await refusal('did:ion:abc#k')).toEqual({ outcome: 'not-checked', code: 'UNSUPPORTED_KEY', reason: 'unsupported', message: 'DID method of did:ion is not supported' });
    expect(await refusal('did:example:abc#k')).toEqual({ outcome: 'failed', code: 'KEY_NOT_FOUND', reason: undefined, message: 'verification method did:example:abc#k cannot be dereferenced' });
  });

  it('a urn whose fragment is a key: that key, bound to nothing; other names: KEY_NOT_FOUND', async () => {
    const mb = ed.pair.publicKeyMultibase as string;
    expect(await resolveVerificationMethod(`urn:uuid:1234#${mb}`, offline)).toMatchObject({ controller: 'urn:uuid:1234', binding: 'fragment', unresolved: 'UNSUPPORTED_KEY' });
    expect(await refusal('urn:uuid:1234#nokey')).toMatchObject({ outcome: 'failed', code: 'KEY_NOT_FOUND' });
    expect(await refusal('urn:uuid:1234')).toMatchObject({ outcome: 'failed', code: 'KEY_NOT_FOUND' });
    expect(await refusal('ftp://x.test/k')).toMatchObject({ outcome: 'failed', code: 'KEY_NOT_FOUND' });
  });

  it('an http (not https) controller document is fetched too', async () => {
    const url = 'http://plain.mutants.test/key';
    const m = await resolveVerificationMethod(url, new World().serve(url, { id: url, type: 'JsonWebKey', controller: url, publicKeyJwk: edJwk }).env().remote);
    expect(m).toMatchObject({ controller: url, binding: 'resolved' });
  });
});

describe('mutants: keys.ts (second run)', () => {
  const DID = 'did:web:second.mutants.test';
  const DOC_URL = 'https://second.mutants.test/.well-known/did.json';
  const served = (vm: JsonValue[], extra: JsonObject = {}) => new World().serve(DOC_URL, { '@context': ['https://www.w3.org/ns/did/v1'], id: DID, verificationMethod: vm, assertionMethod: ['#key-1'], ...extra }).env().remote;
  const method = (extra: JsonObject = {}): JsonObject => ({ id: '#key-1', type: 'Multikey', controller: DID, publicKeyMultibase: ed.pair.publicKeyMultibase as string, ...extra });

  it('a refusal is a KeyResolutionError by name too', async () => {
    const e = await resolveVerificationMethod('did:example:abc#k', offline).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(KeyResolutionError);
    expect((e as Error).name).toBe('KeyResolutionError');
  });

  it('a multibase key with a supported header but no valid point, or a curve not supported (P-521): UNSUPPORTED_KEY', async () => {
    const badPoint = `z${base58btcEncode(new Uint8Array([0x80, 0x24, 0x02, ...new Uint8Array(32).fill(0xff)]))}`;
    expect(multikeyType(badPoint)).toBe('P-256');
    expect(await multikeyFor(badPoint, 'urn:k#1', 'urn:k')).toBeUndefined();
    expect(await refusal(`did:key:${badPoint}`)).toMatchObject({ outcome: 'not-checked', code: 'UNSUPPORTED_KEY', reason: 'unsupported' });
    const generate = EcdsaMultikey.generate as (o: { curve: string }) => Promise<{ publicKeyMultibase: string }>; // why: the library makes P-521 keys, its types omit the curve
    const p521 = (await generate({ curve: 'P-521' })).publicKeyMultibase;
    expect(await refusal(`did:key:${p521}`)).toMatchObject({ outcome: 'not-checked', code: 'UNSUPPORTED_KEY' });
    expect(await refusal(`did:key:${p521}`, offline, 'jws')).toMatchObject({ outcome: 'not-checked', code: 'UNSUPPORTED_KEY' });
  });

  it('a document publishing a private JWK for the method: UNSUPPORTED_KEY, for either use', async () => {
    const priv = (await exportJWK((await generateKeyPair('EdDSA', { extractable: true })).privateKey)) as JsonObject;
    for (const use of ['data-integrity', 'jws'] as const) {
      expect(await refusal(`${DID}#key-1`, served([{ id: '#key-1', type: 'JsonWebKey', controller: DID, publicKeyJwk: priv }]), use)).toEqual({ outcome: 'not-checked', code: 'UNSUPPORTED_KEY', reason: 'unsupported', message: 'key type JsonWebKey not supported' });
    }
  });

  it('for a JWS, only an RSA JWK with string n and e is taken as RSA', async () => {
    expect(await refusal(didJwkOf({ kty: 'oct-ish', n: rsaJwk.n as string, e: rsaJwk.e as string }), offline, 'jws')).toMatchObject({ outcome: 'not-checked', code: 'UNSUPPORTED_KEY' });
    expect(await refusal(didJwkOf({ kty: 'RSA', n: rsaJwk.n as string, e: 65537 }), offline, 'jws')).toMatchObject({ outcome: 'not-checked', code: 'UNSUPPORTED_KEY' });
  });

  it('a method that names no key: UNSUPPORTED_KEY', async () => {
    expect(await refusal(`${DID}#key-1`, served([{ id: '#key-1', type: 'Mystery', controller: DID }]))).toEqual({ outcome: 'not-checked', code: 'UNSUPPORTED_KEY', reason: 'unsupported', message: 'key type Mystery not supported' });
  });

  it('entries that are no method, or have no string id, are skipped (in the methods and in assertionMethod)', async () => {
    const m = await resolveVerificationMethod(`${DID}#key-1`, served([null, 5, { id: 7, type: 'Multikey' }, method()], { assertionMethod: [{ type: 'no id' }, 3, '#key-1'] }));
    expect(m).toMatchObject({ ref: `${DID}#key-1`, binding: 'resolved' });
    expect(m.controllerDocument.assertionMethod).toEqual([`${DID}#key-1`]);
  });

  it('a document whose own id is relative is not the method it is served for', async () => {
    const url = 'https://keys.second.mutants.test/doc';
    const self = { id: '#k', type: 'Multikey', controller: url, publicKeyMultibase: ed.pair.publicKeyMultibase as string };
    expect(await refusal(`${url}#k`, new World().serve(url, self).env().remote)).toEqual({ outcome: 'failed', code: 'KEY_NOT_FOUND', reason: undefined, message: `${url} does not list ${url}#k` });
  });

  it('only a urn falls back to a key in its fragment; did:example and other schemes do not', async () => {
    const mb = ed.pair.publicKeyMultibase as string;
    expect(await refusal(`did:example:abc#${mb}`)).toEqual({ outcome: 'failed', code: 'KEY_NOT_FOUND', reason: undefined, message: `verification method did:example:abc#${mb} cannot be dereferenced` });
    expect(await refusal(`ftp://x.test/k#${mb}`)).toMatchObject({ outcome: 'failed', code: 'KEY_NOT_FOUND' });
  });
});

describe('mutants: key-imports.ts', () => {
  let jwk: JWK;
  beforeAll(async () => {
    jwk = await exportJWK((await generateKeyPair('EdDSA', { extractable: true })).publicKey);
  });
  const permutations = <T,>(xs: T[]): T[][] => (xs.length <= 1 ? [xs] : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((rest) => [x, ...rest])));

  it('a key is imported once whatever the order of its members', async () => {
    const full: JWK = { ...jwk, kid: 'k-1', use: 'sig' };
    const orders = permutations(Object.keys(full));
    expect(orders).toHaveLength(120);
    const keys = new Set(await Promise.all(orders.map((order) => importJwkOnce(Object.fromEntries(order.map((k) => [k, full[k as keyof JWK]])) as JWK, 'EdDSA'))));
    expect(keys.size).toBe(1);
  });

  it('the 256 keys imported last are kept; an older one is imported afresh', async () => {
    const nth = (i: number) => importJwkOnce({ ...jwk, kid: `filler-${i}` }, 'EdDSA');
    for (let i = 0; i < 256; i++) await nth(i); // whatever was kept before is gone now
    const first = await importJwkOnce({ ...jwk, kid: 'first' }, 'EdDSA');
    for (let i = 1000; i < 1255; i++) await nth(i);
    expect(await importJwkOnce({ ...jwk, kid: 'first' }, 'EdDSA')).toBe(first); // 256 kept, the first among them
    await nth(1255);
    expect(await importJwkOnce({ ...jwk, kid: 'first' }, 'EdDSA')).not.toBe(first);
  });
});

describe('mutants: keys.ts and key-imports.ts (core timeouts, re-run alone)', () => {
  /** A fresh Ed25519 did:key (a real public key, made by node:crypto). */
  const newDidKey = () => {
    const x = Buffer.from(generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x as string, 'base64url');
    return `did:key:z${base58btcEncode(new Uint8Array([0xed, 0x01, ...x]))}`;
  };
  const resolveFresh = async (n: number) => {
    for (let i = 0; i < n; i++) await resolveVerificationMethod(newDidKey(), offline);
  };

  it('a did:web or controller document is asked for as a DID document (Accept)', async () => {
    const seen: [string, string | undefined][] = [];
    const body = (url: string) => new TextEncoder().encode(JSON.stringify({ id: url.endsWith('did.json') ? 'did:web:accept.mutants.test' : url, verificationMethod: [{ id: '#k', type: 'Multikey', publicKeyMultibase: ed.pair.publicKeyMultibase as string }], assertionMethod: ['#k'] }));
    const remote = createRemote({
      online: true,
      now: () => NOW,
      fetch: async (url, init) => {
        seen.push([url, init.headers.accept]);
        const bytes = body(url);
        return { status: 200, headers: { get: (name: string) => (name === 'content-type' ? 'application/did+json' : null) }, arrayBuffer: async () => bytes.buffer };
      },
    });
    expect(await resolveVerificationMethod('did:web:accept.mutants.test#k', remote)).toMatchObject({ binding: 'resolved' });
    expect(await resolveVerificationMethod('https://accept.mutants.test/keys#k', remote)).toMatchObject({ binding: 'resolved' });
    const accept = 'application/did+json, application/ld+json, application/json';
    expect(seen).toEqual([
      ['https://accept.mutants.test/.well-known/did.json', accept],
      ['https://accept.mutants.test/keys', accept],
    ]);
  });

  it('multikeyType: both header bytes and the exact length of the key type', async () => {
    const key = new Uint8Array(32).fill(7);
    const mb = (...bytes: number[]) => `z${base58btcEncode(new Uint8Array(bytes))}`;
    expect(multikeyType(mb(0xed, 0x01, ...key))).toBe('Ed25519');
    for (const bad of [mb(0xed, 0x02, ...key), mb(0xed, 0x24, ...key), mb(0x80, 0x01, ...key, 7), mb(0xed, 0x01, ...key.slice(1)), mb(0xed, 0x01, ...key, 7), mb(0x80, 0x24, 2, ...key, 7)]) {
      expect(multikeyType(bad)).toBeUndefined();
      expect(await refusal(`did:key:${bad}`)).toMatchObject({ outcome: 'not-checked', code: 'UNSUPPORTED_KEY' });
    }
  });

  it('a did:key resolves once per use, Data Integrity by default; another key does not displace it', async () => {
    const ref = newDidKey();
    const first = await resolveVerificationMethod(ref, offline);
    expect(await resolveVerificationMethod(ref, offline)).toBe(first);
    expect(await resolveVerificationMethod(ref, offline, 'data-integrity')).toBe(first);
    const jws = await resolveVerificationMethod(ref, offline, 'jws');
    expect(jws).not.toBe(first);
    expect(jws.jwk).toBeDefined();
    await resolveVerificationMethod(newDidKey(), offline);
    expect(await resolveVerificationMethod(ref, offline)).toBe(first);
  });

  it('the 512 did:keys resolved last are kept, a refused one taking no place; an older one is resolved afresh', async () => {
    await resolveFresh(512); // whatever was kept before is gone now
    const ref = newDidKey();
    const first = await resolveVerificationMethod(ref, offline);
    await resolveFresh(510);
    expect(await refusal(`did:key:z${base58btcEncode(new Uint8Array([0xed, 0x01, 1, 2, 3]))}`)).toMatchObject({ code: 'UNSUPPORTED_KEY' });
    await resolveFresh(1);
    expect(await resolveVerificationMethod(ref, offline)).toBe(first); // 512 kept, the first among them
    await resolveFresh(1);
    const again = await resolveVerificationMethod(ref, offline);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('a failed key import takes no place among the 256 kept', async () => {
    const jwk = await exportJWK((await generateKeyPair('EdDSA', { extractable: true })).publicKey);
    const nth = (i: number) => importJwkOnce({ ...jwk, kid: `timeouts-${i}` }, 'EdDSA');
    for (let i = 0; i < 256; i++) await nth(i);
    const first = await importJwkOnce({ ...jwk, kid: 'timeouts-first' }, 'EdDSA');
    for (let i = 1000; i < 1254; i++) await nth(i);
    await expect(importJwkOnce({ kty: 'OKP', crv: 'Ed25519', x: 'AAAA' }, 'EdDSA')).rejects.toThrow();
    await nth(1254);
    expect(await importJwkOnce({ ...jwk, kid: 'timeouts-first' }, 'EdDSA')).toBe(first);
  });
});
