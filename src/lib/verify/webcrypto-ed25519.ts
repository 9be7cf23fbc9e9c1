/**
 * Ed25519 signature checks through WebCrypto, with imported keys cached by their multibase
 * value. The Digital Bazaar suites verify with node:crypto in Node and with a pure-JS library
 * in browsers (@noble/ed25519, ~0.3 ms a check in Chromium against ~0.05 ms for WebCrypto);
 * canonicalisation stays theirs, only the last step is swapped. Where the platform has no
 * WebCrypto Ed25519, the suite's own verifier is used.
 */
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { base58btcDecode, base64urlEncode } from '../util/bytes.ts';

export interface Verifier {
  readonly algorithm: string;
  readonly id: string;
  verify(input: { data: Uint8Array; signature: Uint8Array }): Promise<boolean>;
}

const keys = new Map<string, Promise<CryptoKey | undefined>>();
const MAX_CACHED_KEYS = 256;

/**
 * In Node (the CLI, the tests), node:crypto's one-shot verify: the same OpenSSL check WebCrypto
 * runs there, but on this thread. WebCrypto hands every check to the thread pool and back, which
 * costs more than the check itself (the first one in a process also starts the pool: 2–30 ms on a
 * busy machine, against 0.3 ms). In the browser there is only WebCrypto.
 */
type NodeKey = object;
type NodeCrypto = {
  createPublicKey(input: { key: { kty: string; crv: string; x: string }; format: 'jwk' }): NodeKey;
  verify(algorithm: null, data: Uint8Array, key: NodeKey, signature: Uint8Array): boolean;
};
let nodeCrypto: NodeCrypto | null | undefined;
const nodeKeys = new Map<string, NodeKey | null>();

function nodeKey(publicKeyMultibase: string, raw: Uint8Array): NodeKey | null {
  nodeCrypto ??= ((globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined) ?? null; // why: the shape of node:crypto we use
  if (!nodeCrypto) return null;
  let key = nodeKeys.get(publicKeyMultibase);
  if (key === undefined) {
    try {
      key = nodeCrypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: base64urlEncode(raw) }, format: 'jwk' });
    } catch {
      key = null; // WebCrypto (or the library) decides, as before
    }
    if (nodeKeys.size >= MAX_CACHED_KEYS) nodeKeys.delete(nodeKeys.keys().next().value as string); // why: the map is not empty when full
    nodeKeys.set(publicKeyMultibase, key);
  }
  return key;
}

const rawKeyOf = (publicKeyMultibase: string): Uint8Array<ArrayBuffer> | undefined => {
  const bytes = base58btcDecode(publicKeyMultibase.slice(1));
  return bytes && bytes.length === 34 && bytes[0] === 0xed && bytes[1] === 0x01 ? new Uint8Array(bytes.subarray(2)) : undefined;
};

function importRaw(publicKeyMultibase: string): Promise<CryptoKey | undefined> {
  let hit = keys.get(publicKeyMultibase);
  if (!hit) {
    const raw = rawKeyOf(publicKeyMultibase);
    hit = raw
      ? crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']).then(
          (k) => k,
          () => undefined, // no WebCrypto Ed25519 here: fall back to the library
        )
      : Promise.resolve(undefined);
    if (keys.size >= MAX_CACHED_KEYS) keys.delete(keys.keys().next().value as string); // why: the map is not empty when full
    keys.set(publicKeyMultibase, hit);
  }
  return hit;
}

/** A verifier for a Multikey (or Ed25519VerificationKey2020) method with an Ed25519 key. */
export async function ed25519Verifier(method: Record<string, unknown>): Promise<Verifier> {
  const mb = typeof method.publicKeyMultibase === 'string' ? method.publicKeyMultibase : '';
  const id = String(method.id ?? '');
  const raw = mb.startsWith('z6Mk') ? rawKeyOf(mb) : undefined;
  const fast = raw && nodeKey(mb, raw);
  if (fast && nodeCrypto) {
    const node = nodeCrypto;
    return { algorithm: 'Ed25519', id, verify: async ({ data, signature }) => node.verify(null, data, fast, signature) };
  }
  const key = mb.startsWith('z6Mk') ? await importRaw(mb) : undefined;
  if (!key) return (await Ed25519Multikey.from(method)).verifier();
  return {
    algorithm: 'Ed25519',
    id,
    verify: ({ data, signature }) =>
      crypto.subtle.verify('Ed25519', key, signature as Uint8Array<ArrayBuffer>, data as Uint8Array<ArrayBuffer>), // why: WebCrypto's BufferSource wants ArrayBuffer-backed views; these are
  };
}
