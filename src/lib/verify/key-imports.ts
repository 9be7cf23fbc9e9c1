/**
 * JOSE key imports (VC-JWT, OB 2.0 JWS), kept by the key's own bytes: a batch from one issuer signs
 * with one key, and importing it into WebCrypto for every credential cost as much as the signature
 * check. The cache key is the whole public JWK (members sorted) or PEM, with the algorithm, so a key
 * is only reused for exactly what it was imported for; a failed import is forgotten at once.
 */
import { importJWK, importSPKI, type JWK } from 'jose';

type Imported = Awaited<ReturnType<typeof importJWK>>;

const imported = new Map<string, Promise<Imported>>();
const MAX_KEYS = 256;

function remember(key: string, make: () => Promise<Imported>): Promise<Imported> {
  let hit = imported.get(key);
  if (!hit) {
    hit = make();
    hit.catch(() => imported.delete(key));
    if (imported.size >= MAX_KEYS) imported.delete(imported.keys().next().value as string); // why: not empty when full
    imported.set(key, hit);
  }
  return hit;
}

// Array.prototype.sort's default order compares strings by UTF-16 code units, as `<` does.
const sorted = (o: Record<string, unknown>): string => JSON.stringify(Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]])));

export const importJwkOnce = (jwk: JWK, alg: string): Promise<Imported> => remember(`jwk ${alg} ${sorted(jwk)}`, () => importJWK(jwk, alg));

export const importSpkiOnce = (pem: string, alg: string): Promise<Imported> => remember(`spki ${alg} ${pem}`, () => importSPKI(pem, alg));
