/**
 * OB 3.0 VC-JWT (compact JWS, external proof) with jose. The key comes from `kid` (a DID URL or
 * https URL, resolved like any verification method) or from the header's `jwk`. A header key
 * proves the signature but not who made it: the binding then needs the issuer's
 * `/.well-known/jwks.json` (OB 3.0 recommended practice), fetched only when the network is allowed.
 */
import { calculateJwkThumbprint, compactVerify, importJWK, type JWK } from 'jose';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import { decodeJws } from '../../formats/jws.ts';
import { asArray, idOf, isJsonObject } from '../../formats/json.ts';
import type { JsonObject, ParsedCredential } from '../../model/credential.ts';
import type { Check } from '../../model/verification.ts';
import type { VerifyEnv } from '../env.ts';
import { KeyResolutionError, resolveVerificationMethod, type ResolvedMethod } from '../keys.ts';
import { remoteJson } from '../remote.ts';
import { notCheckedAfter } from './binding.ts';

/** Asymmetric algorithms accepted; `none` and HMAC are refused outright. */
export const JWS_ALGORITHMS = ['EdDSA', 'Ed25519', 'ES256', 'ES384', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];
const FORBIDDEN = /^(none|HS\d+)$/i;

export interface JwtFinding {
  readonly check: Check;
  readonly method?: ResolvedMethod;
  readonly binding?: Check;
}

const proofFail = (code: 'ALG_FORBIDDEN' | 'KEY_NOT_FOUND' | 'SIGNATURE_MISMATCH' | 'JWT_CLAIM_MISMATCH' | 'PROOF_INVALID', data: Record<string, string>): JwtFinding => ({
  check: { id: 'proof', outcome: 'failed', code, data },
});

async function jwkOfMethod(method: JsonObject): Promise<JWK> {
  const mb = String(method.publicKeyMultibase);
  const pair = mb.startsWith('z6Mk') ? await Ed25519Multikey.from(method) : await EcdsaMultikey.from(method);
  const lib = mb.startsWith('z6Mk') ? Ed25519Multikey : EcdsaMultikey;
  return (await lib.toJwk({ keyPair: pair })) as JWK; // why: the multikey libraries return a public JWK as a plain record
}

/** Claims of a VC-JWT that must agree with the credential (OB 3.0 §8.2.4.2). */
function claimMismatch(payload: JsonObject, credential: JsonObject): string | undefined {
  const seconds = (v: unknown) => (typeof v === 'string' ? Math.floor(Date.parse(v) / 1000) : undefined);
  const subject = asArray(credential.credentialSubject)[0];
  const pairs: Array<[string, unknown, unknown]> = [
    ['iss', payload.iss, idOf(credential.issuer)],
    ['jti', payload.jti, credential.id],
    ['sub', payload.sub, isJsonObject(subject) ? subject.id : undefined],
    ['nbf', payload.nbf, seconds(credential.validFrom ?? credential.issuanceDate)],
    ['exp', payload.exp, seconds(credential.validUntil ?? credential.expirationDate)],
  ];
  for (const [claim, got, want] of pairs) {
    if (got !== undefined && want !== undefined && got !== want) return claim;
  }
  return undefined;
}

async function headerKeyBinding(jwk: JWK, credential: JsonObject, env: VerifyEnv): Promise<Check> {
  const issuer = idOf(credential.issuer);
  const base = { binding: 'header', issuer: issuer ?? null };
  let origin: string | undefined;
  try {
    origin = issuer && /^https:/.test(issuer) ? new URL(issuer).origin : undefined;
  } catch {
    origin = undefined;
  }
  if (!origin) return { id: 'issuer-key', outcome: 'not-checked', reason: 'unsupported', code: 'KEY_IN_HEADER_ONLY', data: base };
  const got = await env.remote.get(`${origin}/.well-known/jwks.json`, { accept: 'application/jwk-set+json, application/json' });
  if (!got.ok) {
    return { id: 'issuer-key', outcome: 'not-checked', reason: got.code === 'NEEDS_NETWORK' ? 'offline' : 'error', code: 'KEY_IN_HEADER_ONLY', data: base };
  }
  const set = remoteJson(got.response);
  // No JWKS there (404, an error page, not a key set) says nothing about the key: only a published set can disown it.
  if (got.response.status !== 200 || !isJsonObject(set) || !Array.isArray(set.keys)) {
    return { id: 'issuer-key', outcome: 'not-checked', reason: 'error', code: 'KEY_IN_HEADER_ONLY', data: { ...base, url: got.response.url, status: got.response.status } };
  }
  const keys = set.keys.filter(isJsonObject);
  const want = await calculateJwkThumbprint(jwk);
  for (const k of keys) {
    try {
      if ((await calculateJwkThumbprint(k as JWK)) === want) { // why: a JWKS entry is a JWK-shaped record
        return { id: 'issuer-key', outcome: 'passed', code: 'KEY_IS_ISSUERS', data: { ...base, binding: 'jwks', fetchedAt: got.response.fetchedAt, fromCache: got.response.fromCache } };
      }
    } catch {
      // not a usable JWK: skip it
    }
  }
  return { id: 'issuer-key', outcome: 'failed', code: 'KEY_NOT_ISSUERS', data: { ...base, binding: 'jwks' } };
}

export async function checkJwt(parsed: ParsedCredential, env: VerifyEnv): Promise<JwtFinding> {
  const jws = parsed.jws as string; // why: the jwt formats always carry their JWS
  const { header, payload } = decodeJws(jws);
  const alg = typeof header.alg === 'string' ? header.alg : '';
  if (FORBIDDEN.test(alg)) return proofFail('ALG_FORBIDDEN', { alg });
  if (!JWS_ALGORITHMS.includes(alg)) {
    return { check: { id: 'proof', outcome: 'not-checked', reason: 'unsupported', code: 'UNSUPPORTED_ALG', data: { alg } } };
  }
  let method: ResolvedMethod | undefined;
  let jwk: JWK | undefined;
  const kid = typeof header.kid === 'string' ? header.kid : undefined;
  if (kid && /^(did:|https?:)/.test(kid)) {
    try {
      method = await resolveVerificationMethod(kid, env.remote);
      jwk = await jwkOfMethod(method.method);
    } catch (e) {
      if (!(e instanceof KeyResolutionError)) throw e;
      if (!isJsonObject(header.jwk)) {
        const data = { kid, detail: e.message };
        if (e.outcome === 'failed') return proofFail('KEY_NOT_FOUND', data);
        return { check: { id: 'proof', outcome: 'not-checked', reason: e.reason ?? 'error', code: e.code as 'NEEDS_NETWORK', data } }; // why: not-checked errors carry not-checked codes
      }
    }
  }
  const headerJwk = !jwk && isJsonObject(header.jwk) ? (header.jwk as JWK) : undefined; // why: checked to be an object; jose validates it
  if (headerJwk && 'd' in headerJwk) return proofFail('PROOF_INVALID', { detail: 'the header jwk holds a private key' });
  jwk ??= headerJwk;
  if (!jwk) return proofFail('KEY_NOT_FOUND', { detail: 'the JOSE header has neither a resolvable kid nor a jwk' });
  try {
    const key = await importJWK(jwk, alg);
    await compactVerify(jws, key, { algorithms: [alg] });
  } catch (e) {
    const code = (e as { code?: string }).code; // why: jose errors carry a string code
    if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') return proofFail('SIGNATURE_MISMATCH', { alg });
    return proofFail('PROOF_INVALID', { alg, detail: e instanceof Error ? e.message : String(e) });
  }
  const mismatch = claimMismatch(payload, parsed.credential);
  if (mismatch) return proofFail('JWT_CLAIM_MISMATCH', { claim: mismatch });
  const check: Check = { id: 'proof', outcome: 'passed', code: 'PROOF_VALID', data: { suite: `VC-JWT ${alg}`, ...(kid ? { kid } : { key: 'header-jwk' }) } };
  if (method) return { check, method };
  return { check, binding: headerJwk ? await headerKeyBinding(headerJwk, parsed.credential, env) : notCheckedAfter('issuer-key', check) };
}
