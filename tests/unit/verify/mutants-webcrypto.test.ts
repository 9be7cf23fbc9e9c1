// Tests written for StrykerJS (`npm run mutate`): webcrypto-ed25519.ts on both of its paths, with real Ed25519
// keys and signatures. In Node the module finds node:crypto through process.getBuiltinModule; each test loads a
// fresh copy of the module (its key caches are module state) and answers that lookup with the real node:crypto
// behind a call counter, with nothing (as in a browser: the WebCrypto path), or with a node:crypto whose
// createPublicKey refuses Ed25519 (a runtime without it: WebCrypto decides). No production code is changed for it.
import { generateKeyPairSync, sign } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { base58btcEncode } from '../../../src/lib/util/bytes.ts';

type Module = typeof import('../../../src/lib/verify/webcrypto-ed25519.ts');
type RealCrypto = typeof import('node:crypto');

const realGet = process.getBuiltinModule.bind(process);

async function load(node: 'real' | 'none' | 'no-ed25519') {
  const real = realGet('node:crypto') as RealCrypto;
  const counts = { createPublicKey: 0, verify: 0 };
  const wrapped = {
    createPublicKey: (input: Parameters<RealCrypto['createPublicKey']>[0]) => {
      counts.createPublicKey++;
      if (node === 'no-ed25519') throw new TypeError('Unsupported JWK EC curve: Ed25519');
      return real.createPublicKey(input);
    },
    verify: (...args: Parameters<RealCrypto['verify']>) => {
      counts.verify++;
      return real.verify(...args);
    },
  };
  vi.spyOn(process, 'getBuiltinModule').mockImplementation(((id: string) =>
    id === 'node:crypto' ? (node === 'none' ? undefined : wrapped) : realGet(id)) as typeof process.getBuiltinModule);
  const importKey = vi.spyOn(crypto.subtle, 'importKey');
  const subtleVerify = vi.spyOn(crypto.subtle, 'verify');
  vi.resetModules();
  const mod: Module = await import('../../../src/lib/verify/webcrypto-ed25519.ts');
  return { ed25519Verifier: mod.ed25519Verifier, counts, importKey, subtleVerify };
}
afterEach(() => {
  vi.restoreAllMocks();
});

function edKey() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const x = Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url');
  const body = base58btcEncode(new Uint8Array([0xed, 0x01, ...x]));
  return { mb: `z${body}`, body, sign: (data: Uint8Array) => new Uint8Array(sign(null, data, privateKey)) };
}
const method = (publicKeyMultibase: unknown, id?: string): Record<string, unknown> => ({
  ...(id === undefined ? {} : { id }),
  type: 'Multikey',
  controller: 'did:key:test',
  publicKeyMultibase,
});
const data = new TextEncoder().encode('hello');
const flipped = (bytes: Uint8Array, at = 0) => bytes.map((b, i) => (i === at ? b ^ 1 : b));

/** Real signatures: accepted; a flipped byte in data or signature, a short signature, another key's: refused. */
async function checksFor(verifier: Awaited<ReturnType<Module['ed25519Verifier']>>, key: ReturnType<typeof edKey>) {
  const signature = key.sign(data);
  expect(await verifier.verify({ data, signature })).toBe(true);
  expect(await verifier.verify({ data: flipped(data), signature })).toBe(false);
  expect(await verifier.verify({ data, signature: flipped(signature, 40) })).toBe(false);
  expect(await verifier.verify({ data, signature: signature.subarray(0, 63) })).toBe(false);
  expect(await verifier.verify({ data, signature: edKey().sign(data) })).toBe(false);
}

/** Keys that start with z6Mk but are not a 0xed01 + 32-byte Ed25519 key, and a right key under a wrong multibase prefix. */
const notEd25519 = (body: string) => ({
  header0416: `z6Mk${'1'.repeat(43)}`, // 34 bytes, header 0x04 0x16
  headerEd02: `z6Mk${'z'.repeat(44)}`, // 34 bytes, header 0xed 0x02
  notBase58btc: `u${body}`, // the key's base58 body under the base64url multibase prefix
  undecodable: 'z6Mk0OIl', // not base58 at all
});

/** The library's verdict on such a key: it throws, or its verifier refuses the real key's signature. */
async function refuses(ed25519Verifier: Module['ed25519Verifier'], mb: string, key: ReturnType<typeof edKey>): Promise<boolean> {
  try {
    const verifier = await ed25519Verifier(method(mb, 'k'));
    return !(await verifier.verify({ data, signature: key.sign(data) }).catch(() => false));
  } catch {
    return true;
  }
}

describe('mutants: webcrypto-ed25519.ts (Node: node:crypto)', () => {
  it('a real signature is accepted through node:crypto, each key imported once; bad ones refused', async () => {
    const { ed25519Verifier, counts, subtleVerify } = await load('real');
    const key = edKey();
    const verifier = await ed25519Verifier(method(key.mb, 'did:key:test#k'));
    expect(verifier).toMatchObject({ algorithm: 'Ed25519', id: 'did:key:test#k' });
    await checksFor(verifier, key);
    const again = await ed25519Verifier(method(key.mb));
    expect(again.id).toBe(''); // no id: an empty one
    expect(await again.verify({ data, signature: key.sign(data) })).toBe(true);
    expect(counts.createPublicKey).toBe(1); // the second verifier used the cached key
    expect(counts.verify).toBe(6);
    expect(subtleVerify).not.toHaveBeenCalled(); // the one-shot node:crypto check, not the thread pool
  });

  it('the node:crypto key cache keeps the last 256 keys', async () => {
    const { ed25519Verifier, counts } = await load('real');
    const first = edKey();
    const second = edKey();
    await ed25519Verifier(method(first.mb));
    await ed25519Verifier(method(second.mb));
    await ed25519Verifier(method(first.mb));
    expect(counts.createPublicKey).toBe(2);
    for (let i = 0; i < 255; i++) await ed25519Verifier(method(edKey().mb)); // 257 keys seen
    expect(counts.createPublicKey).toBe(257);
    await ed25519Verifier(method(second.mb)); // still held
    expect(counts.createPublicKey).toBe(257);
    const verifier = await ed25519Verifier(method(first.mb)); // the oldest, dropped: imported again
    expect(counts.createPublicKey).toBe(258);
    await checksFor(verifier, first);
  });

  it('keys that are not a plain Ed25519 Multikey go to the library (never imported here), which refuses them', async () => {
    const { ed25519Verifier, counts } = await load('real');
    const key = edKey();
    for (const mb of Object.values(notEd25519(key.body))) expect(await refuses(ed25519Verifier, mb, key)).toBe(true);
    await expect(ed25519Verifier(method(5, 'k'))).rejects.toThrow(/publicKeyMultibase/);
    await expect(ed25519Verifier(method(undefined, 'k'))).rejects.toThrow(/publicKeyMultibase/);
    expect(counts.createPublicKey).toBe(0);
  });

  it('a node:crypto without Ed25519: WebCrypto decides, and the refusal is remembered per key', async () => {
    const { ed25519Verifier, counts, subtleVerify } = await load('no-ed25519');
    const key = edKey();
    const verifier = await ed25519Verifier(method(key.mb, 'k'));
    expect(verifier).toMatchObject({ algorithm: 'Ed25519', id: 'k' });
    await checksFor(verifier, key);
    expect(await (await ed25519Verifier(method(key.mb, 'k'))).verify({ data, signature: key.sign(data) })).toBe(true);
    expect(counts.createPublicKey).toBe(1);
    expect(counts.verify).toBe(0);
    expect(subtleVerify).toHaveBeenCalledTimes(6);
  });
});

describe('mutants: webcrypto-ed25519.ts (browser: WebCrypto)', () => {
  it('a real signature is accepted through WebCrypto, the key imported once and not extractable', async () => {
    const { ed25519Verifier, importKey, subtleVerify } = await load('none');
    const key = edKey();
    const verifier = await ed25519Verifier(method(key.mb, 'did:key:test#k'));
    expect(verifier).toMatchObject({ algorithm: 'Ed25519', id: 'did:key:test#k' });
    await checksFor(verifier, key);
    const again = await ed25519Verifier(method(key.mb));
    expect(again.id).toBe('');
    expect(await again.verify({ data, signature: key.sign(data) })).toBe(true);
    expect(importKey).toHaveBeenCalledTimes(1);
    const imported = (await importKey.mock.results[0]?.value) as CryptoKey;
    expect(imported).toMatchObject({ type: 'public', extractable: false, usages: ['verify'] });
    expect(subtleVerify).toHaveBeenCalledTimes(6);
  });

  it('the WebCrypto key cache keeps the last 256 keys', async () => {
    const { ed25519Verifier, importKey } = await load('none');
    const first = edKey();
    const second = edKey();
    await ed25519Verifier(method(first.mb));
    await ed25519Verifier(method(second.mb));
    await ed25519Verifier(method(first.mb));
    expect(importKey).toHaveBeenCalledTimes(2);
    for (let i = 0; i < 255; i++) await ed25519Verifier(method(edKey().mb));
    expect(importKey).toHaveBeenCalledTimes(257);
    await ed25519Verifier(method(second.mb));
    expect(importKey).toHaveBeenCalledTimes(257);
    const verifier = await ed25519Verifier(method(first.mb));
    expect(importKey).toHaveBeenCalledTimes(258);
    await checksFor(verifier, first);
  });

  it('keys that are not a plain Ed25519 Multikey go to the library (never imported here), which refuses them', async () => {
    const { ed25519Verifier, importKey } = await load('none');
    const key = edKey();
    for (const mb of Object.values(notEd25519(key.body))) expect(await refuses(ed25519Verifier, mb, key)).toBe(true);
    expect(importKey).not.toHaveBeenCalled();
  });
});
