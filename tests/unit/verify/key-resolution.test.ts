// Keys that must be fetched: did:web and https controller documents. Online they bind the key to
// its controller; offline only an earlier fetch (the cache, with its date) can; a document that
// does not list the key, or does not authorise it for assertions, fails.
import { describe, expect, it } from 'vitest';
import { generateHttpsKey, hashedEmail, ob3Credential, signDi, World, RECIPIENT_EMAIL } from '../../support/issuer.ts';
import { didWebUrl } from '../../../src/lib/verify/keys.ts';
import { MemoryCache } from '../../../src/lib/verify/remote.ts';
import { verifyParsed } from '../../../src/lib/verify/pipeline.ts';
import type { JsonObject } from '../../../src/lib/model/credential.ts';

const DID = 'did:web:issuer.tsumiki.test:org:one';
const DID_DOC_URL = 'https://issuer.tsumiki.test/org/one/did.json';

async function signedBy(controller: string) {
  const key = await generateHttpsKey(controller);
  const credential = await signDi(
    ob3Credential({ id: 'urn:tsumiki:test:web', issuerId: controller, identityHash: await hashedEmail(RECIPIENT_EMAIL, 's') }),
    'eddsa-rdfc-2022',
    key.pair,
  );
  return { key, credential };
}

const verify = (credential: JsonObject, world: World, options: Parameters<World['env']>[0] = {}) =>
  verifyParsed({ format: 'ob3-di', container: 'json', credential, bytes: new Uint8Array() }, world.env(options));

const find = (report: Awaited<ReturnType<typeof verify>>, id: string) => report.checks.find((c) => c.id === id);

describe('did:web', () => {
  it('maps to its well-known or path URL', () => {
    expect(didWebUrl('did:web:example.com')).toBe('https://example.com/.well-known/did.json');
    expect(didWebUrl('did:web:example.com:user:alice')).toBe('https://example.com/user/alice/did.json');
    expect(didWebUrl('did:web:localhost%3A8443')).toBe('https://localhost:8443/.well-known/did.json');
    expect(didWebUrl('did:web:evil.com%2Fpath')).toBeUndefined();
  });

  it('online: the DID document binds the key → verified, with the fetch date', async () => {
    const { key, credential } = await signedBy(DID);
    const world = new World().serve(DID_DOC_URL, key.controllerDocument);
    const report = await verify(credential, world);
    expect(report.verdict).toBe('verified');
    expect(find(report, 'issuer-key')).toMatchObject({ outcome: 'passed', code: 'KEY_IS_ISSUERS', data: { binding: 'resolved', fromCache: false } });
    expect(world.requests).toEqual([DID_DOC_URL]);
  });

  it('offline with nothing cached: the proof cannot be checked (no fragment key) → incomplete, NEEDS_NETWORK', async () => {
    const { credential } = await signedBy(DID);
    const report = await verify(credential, new World(), { online: false });
    expect(report.verdict).toBe('incomplete');
    expect(find(report, 'proof')).toMatchObject({ outcome: 'not-checked', reason: 'offline', code: 'NEEDS_NETWORK' });
  });

  it('offline after an online check: the cached document answers, and says it is cached', async () => {
    const { key, credential } = await signedBy(DID);
    const cache = new MemoryCache();
    const world = new World().serve(DID_DOC_URL, key.controllerDocument);
    await verify(credential, world, { cache });
    const offline = await verify(credential, new World(), { online: false, cache });
    expect(offline.verdict).toBe('verified');
    expect(find(offline, 'issuer-key')).toMatchObject({ outcome: 'passed', data: { fromCache: true, fetchedAt: expect.any(String) } });
  });

  it('a DID document that does not list the key → failed KEY_NOT_FOUND', async () => {
    const { key, credential } = await signedBy(DID);
    const doc = { ...key.controllerDocument, verificationMethod: [], assertionMethod: [] };
    const report = await verify(credential, new World().serve(DID_DOC_URL, doc));
    expect(report.verdict).toBe('failed');
    expect(find(report, 'proof')).toMatchObject({ outcome: 'failed', code: 'KEY_NOT_FOUND' });
  });

  it('a key listed but not for assertions → failed KEY_NOT_AUTHORIZED', async () => {
    const { key, credential } = await signedBy(DID);
    const doc = { ...key.controllerDocument, assertionMethod: [] };
    const report = await verify(credential, new World().serve(DID_DOC_URL, doc));
    expect(find(report, 'proof')).toMatchObject({ outcome: 'failed', code: 'KEY_NOT_AUTHORIZED' });
  });

  it('a DID document listing another key under the same id → the signature does not match', async () => {
    const { credential } = await signedBy(DID);
    const other = await generateHttpsKey(DID);
    const report = await verify(credential, new World().serve(DID_DOC_URL, other.controllerDocument));
    expect(find(report, 'proof')).toMatchObject({ outcome: 'failed', code: 'SIGNATURE_MISMATCH' });
  });
});

describe('https controller documents', () => {
  const CONTROLLER = 'https://issuer.tsumiki.test/profile';

  it('online: the controller document binds the key → verified', async () => {
    const { key, credential } = await signedBy(CONTROLLER);
    const report = await verify(credential, new World().serve(CONTROLLER, key.controllerDocument));
    expect(report.verdict).toBe('verified');
    expect(find(report, 'issuer-key')).toMatchObject({ outcome: 'passed', data: { binding: 'resolved' } });
  });

  it('a key controlled by someone other than the issuer → failed KEY_NOT_ISSUERS', async () => {
    const { key } = await signedBy(CONTROLLER);
    const credential = await signDi(
      ob3Credential({ id: 'urn:tsumiki:test:other', issuerId: 'https://another.tsumiki.test/', identityHash: await hashedEmail(RECIPIENT_EMAIL, 's') }),
      'eddsa-rdfc-2022',
      key.pair,
    );
    const report = await verify(credential, new World().serve(CONTROLLER, key.controllerDocument));
    expect(find(report, 'issuer-key')).toMatchObject({ outcome: 'failed', code: 'KEY_NOT_ISSUERS' });
    expect(report.verdict).toBe('failed');
  });
});
