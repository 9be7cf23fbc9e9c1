/**
 * Ed25519 signature checks through WebCrypto, with imported keys cached by their multibase
 * value. The Digital Bazaar suites verify with node:crypto in Node and with a pure-JS library
 * in browsers (@noble/ed25519, ~0.3 ms a check in Chromium against ~0.05 ms for WebCrypto);
 * canonicalisation stays theirs, only the last step is swapped. Where the platform has no
 * WebCrypto Ed25519, the suite's own verifier is used.
 */
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { base58btcDecode } from '../util/bytes.ts';

export interface Verifier {
  readonly algorithm: string;
  readonly id: string;
  verify(input: { data: Uint8Array; signature: Uint8Array }): Promise<boolean>;
}

const keys = new Map<string, Promise<CryptoKey | undefined>>();
const MAX_CACHED_KEYS = 256;

function importRaw(publicKeyMultibase: string): Promise<CryptoKey | undefined> {
  let hit = keys.get(publicKeyMultibase);
  if (!hit) {
    const bytes = base58btcDecode(publicKeyMultibase.slice(1));
    const raw = bytes && bytes.length === 34 && bytes[0] === 0xed && bytes[1] === 0x01 ? bytes.slice(2) : undefined;
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
  const key = mb.startsWith('z6Mk') ? await importRaw(mb) : undefined;
  if (!key) return (await Ed25519Multikey.from(method)).verifier();
  return {
    algorithm: 'Ed25519',
    id,
    verify: ({ data, signature }) =>
      crypto.subtle.verify('Ed25519', key, signature as Uint8Array<ArrayBuffer>, data as Uint8Array<ArrayBuffer>), // why: WebCrypto's BufferSource wants ArrayBuffer-backed views; these are
  };
}
