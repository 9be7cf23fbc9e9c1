/**
 * The CLI's holder key (`--key FILE`, for `tsumiki claim` and `tsumiki present`): an Ed25519 key kept
 * as a private JWK in FILE, created there (mode 0600, never overwritten) when FILE does not exist.
 * The private key is never printed. Without `--key`, a fresh key for this run only (like a browser
 * profile without a stored device key). The key is shown as a did:key, exactly as the browser's
 * device key (`lib/share/holder.ts`), so the same signing code serves both.
 */
import { open, readFile } from 'node:fs/promises';
import { createDeviceKey, deviceKeyFrom, type DeviceKey } from '../lib/share/holder.ts';

export class HolderKeyError extends Error {}

interface OkpJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  d: string;
}

function isEd25519PrivateJwk(v: unknown): v is OkpJwk {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return o.kty === 'OKP' && o.crv === 'Ed25519' && typeof o.x === 'string' && typeof o.d === 'string';
}

async function pairFromJwk(jwk: OkpJwk): Promise<CryptoKeyPair> {
  const { kty, crv, x, d } = jwk;
  const privateKey = await crypto.subtle.importKey('jwk', { kty, crv, x, d }, { name: 'Ed25519' }, false, ['sign']);
  const publicKey = await crypto.subtle.importKey('jwk', { kty, crv, x }, { name: 'Ed25519' }, true, ['verify']);
  return { privateKey, publicKey };
}

async function readKeyFile(file: string): Promise<DeviceKey> {
  let jwk: unknown;
  try {
    jwk = JSON.parse(await readFile(file, 'utf8'));
  } catch (e) {
    throw new HolderKeyError(`--key ${file}: not a key file this tool wrote (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!isEd25519PrivateJwk(jwk)) throw new HolderKeyError(`--key ${file}: not an Ed25519 private JWK`);
  try {
    return await deviceKeyFrom(await pairFromJwk(jwk));
  } catch (e) {
    throw new HolderKeyError(`--key ${file}: the key cannot be used (${e instanceof Error ? e.message : String(e)})`);
  }
}

/**
 * The holder key in `file` (created if missing), or a fresh one for this run when `file` is
 * undefined. Throws HolderKeyError (a usage problem) when the file exists but holds no usable key.
 */
export async function holderKey(file: string | undefined): Promise<DeviceKey> {
  if (file === undefined) return createDeviceKey();
  let handle;
  try {
    // 'wx': create only when absent, so an existing key is never replaced and two runs cannot both write.
    handle = await open(file, 'wx', 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return readKeyFile(file);
    throw new HolderKeyError(`--key ${file}: cannot create the key file (${e instanceof Error ? e.message : String(e)})`);
  }
  try {
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair; // why: Ed25519 generateKey yields a pair
    const jwk = await crypto.subtle.exportKey('jwk', pair.privateKey);
    await handle.writeFile(JSON.stringify({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, d: jwk.d }) + '\n', 'utf8');
    await handle.chmod(0o600);
  } finally {
    await handle.close();
  }
  return readKeyFile(file);
}
