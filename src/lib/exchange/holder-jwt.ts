/**
 * JWTs signed by the device key (Ed25519, non-extractable in the browser): the OpenID4VCI holder
 * proof of possession (`typ: openid4vci-proof+jwt`) and anything else a protocol asks the holder to
 * sign as a JWT. Signing goes through jose's CompactSign with the WebCrypto key, so the private key
 * never leaves WebCrypto.
 */
import { CompactSign } from 'jose';
import type { DeviceKey } from '../share/holder.ts';

/** The device key's public half as a JWK (OKP / Ed25519). */
export async function publicJwkOf(key: DeviceKey): Promise<{ kty: 'OKP'; crv: 'Ed25519'; x: string }> {
  const jwk = await crypto.subtle.exportKey('jwk', key.keyPair.publicKey);
  return { kty: 'OKP', crv: 'Ed25519', x: jwk.x as string }; // why: an exported Ed25519 public JWK always has x
}

/** A compact JWS over `payload` with `header` (whose `alg` must be EdDSA or Ed25519), signed by the device key. */
export async function signJwt(key: DeviceKey, header: Record<string, unknown>, payload: Record<string, unknown>): Promise<string> {
  if (header.alg !== 'EdDSA' && header.alg !== 'Ed25519') throw new Error(`the device key signs EdDSA, not ${String(header.alg)}`);
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ ...header, alg: header.alg }).sign(key.keyPair.privateKey);
}
