/**
 * OB 3.0 VC-JWT (compact JWS, external proof) with jose. The key comes from `kid` (a DID URL or
 * https URL, resolved like any verification method, for JWS use: any public JWK, RSA included) or
 * from the header's `jwk`. A header key proves the signature but not who made it: the binding then
 * needs an authority for the issuer's keys — the issuer's own DID when it is a did:jwk or did:key
 * (the DID is the key: RFC 7638 thumbprints are compared), else the issuer's
 * `/.well-known/jwks.json` (OB 3.0 recommended practice), fetched only when the network is allowed.
 *
 * On success the finding carries the verified claims (`payload`): `exp` and `nbf` are part of what
 * was signed, and `jwtPeriod` turns them into a validity period for the pipeline.
 */
import { calculateJwkThumbprint, compactVerify, type JWK } from 'jose';
import { importJwkOnce } from '../key-imports.ts';
import { decodeJws } from '../../formats/jws.ts';
import { asArray, idOf, isJsonObject } from '../../formats/json.ts';
import type { JsonObject, ParsedCredential } from '../../model/credential.ts';
import type { Check } from '../../model/verification.ts';
import type { VerifyEnv } from '../env.ts';
import { hasPrivateParts, KeyResolutionError, resolveVerificationMethod, type ResolvedMethod } from '../keys.ts';
import { remoteJson } from '../remote.ts';

/** Asymmetric algorithms accepted; `none` and HMAC are refused outright. */
export const JWS_ALGORITHMS = ['EdDSA', 'Ed25519', 'ES256', 'ES384', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];
const FORBIDDEN = /^(none|HS\d+)$/i;

export interface JwtFinding {
  readonly check: Check;
  readonly method?: ResolvedMethod;
  readonly binding?: Check;
  /** The verified JWT claims (the whole payload); only when the proof passed. */
  readonly payload?: JsonObject;
}

type ProofFailure = 'ALG_FORBIDDEN' | 'KEY_NOT_FOUND' | 'KEY_NOT_AUTHORIZED' | 'SIGNATURE_MISMATCH' | 'JWT_CLAIM_MISMATCH' | 'PROOF_INVALID';

const proofFail = (code: ProofFailure, data: Record<string, string>): JwtFinding => ({
  check: { id: 'proof', outcome: 'failed', code, data },
});

/** The validity period a JWT's own claims state (RFC 7519 §4.1.4–5), as the validity check reads it. */
export interface JwtPeriod {
  readonly from?: { readonly field: 'nbf'; readonly value: string };
  readonly until?: { readonly field: 'exp'; readonly value: string };
  /** The claim (`nbf` or `exp`) present but not a usable NumericDate; the first such, nbf before exp. */
  readonly invalid?: 'nbf' | 'exp';
}

/**
 * The NumericDates a period may hold: years 0000–9999 (in seconds), so that the ISO string keeps the
 * four-digit year every date reader here accepts; a later `exp` says "never" no better than 9999 does.
 */
const NUMERIC_DATE_MIN = Date.parse('0000-01-01T00:00:00Z') / 1000;
const NUMERIC_DATE_MAX = Date.parse('9999-12-31T23:59:59.999Z') / 1000;

/** A NumericDate (seconds since the epoch, fractions allowed) as ISO 8601 UTC; undefined if it is none. */
function numericDateIso(value: unknown): string | undefined {
  // Written as "not within the bounds" so that NaN (never within) is refused too; ±Infinity is outside them.
  if (typeof value !== 'number' || !(value >= NUMERIC_DATE_MIN && value <= NUMERIC_DATE_MAX)) return undefined;
  // Whole seconds are written as credentials write them (…:00Z); fractions keep their milliseconds.
  return new Date(value * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * The validity period stated by a JWT's `nbf` and `exp` (VC 2.0 payloads and VC 1.1 JWTs alike: the
 * registered claims sit at the top level, beside `vc`). Pure; reads only those two claims. Pass the
 * verified payload (`JwtFinding.payload`): unverified claims prove nothing.
 */
export function jwtPeriod(payload: JsonObject): JwtPeriod {
  const from = numericDateIso(payload.nbf);
  const until = numericDateIso(payload.exp);
  const invalid = payload.nbf !== undefined && !from ? 'nbf' : payload.exp !== undefined && !until ? 'exp' : undefined;
  return {
    ...(from ? { from: { field: 'nbf', value: from } as const } : {}),
    ...(until ? { until: { field: 'exp', value: until } as const } : {}),
    ...(invalid ? { invalid } : {}),
  };
}

/**
 * Claims of a VC-JWT that must agree with the credential (OB 3.0 §8.2.4.2; VC-JWT 1.1 §6.3.1):
 * the first that disagrees, or undefined. A claim or credential field that is absent is not compared
 * (either may stand alone); a date the credential gives unreadably is left to the validity check.
 */
function claimMismatch(payload: JsonObject, credential: JsonObject): string | undefined {
  const seconds = (v: unknown) => {
    const ms = typeof v === 'string' ? Date.parse(v) : NaN;
    return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
  };
  // A NumericDate may carry a fraction (RFC 7519 §2): compare whole seconds, as the credential's own
  // dates are compared; a claim that is not a number is kept as is, so it never agrees (nor does a
  // non-finite number, which Math.floor keeps).
  const whole = (v: unknown) => (typeof v === 'number' ? Math.floor(v) : v);
  const subject = asArray(credential.credentialSubject)[0];
  const pairs: Array<[string, unknown, unknown]> = [
    ['iss', payload.iss, idOf(credential.issuer)],
    ['jti', payload.jti, credential.id],
    ['sub', payload.sub, isJsonObject(subject) ? subject.id : undefined],
    ['nbf', whole(payload.nbf), seconds(credential.validFrom ?? credential.issuanceDate)],
    ['exp', whole(payload.exp), seconds(credential.validUntil ?? credential.expirationDate)],
  ];
  for (const [claim, got, want] of pairs) {
    if (got !== undefined && want !== undefined && got !== want) return claim;
  }
  return undefined;
}

/** An issuer id that is a did:key or did:jwk DID itself (no fragment, query or path): the DID is its key. */
const SELF_CERTIFYING_DID = /^did:(key|jwk):[^#?/]+$/;

/**
 * A did:key / did:jwk issuer is its own authority: the header key is the issuer's exactly when its
 * RFC 7638 thumbprint equals that of the key the DID holds (the same key may be written with other
 * members or in another order); any other key is provably not the issuer's.
 */
async function selfCertifiedBinding(jwk: JWK, issuer: string, env: VerifyEnv): Promise<Check> {
  const thumbprint = await calculateJwkThumbprint(jwk);
  const base = { binding: 'self-certifying', issuer, thumbprint };
  let own: ResolvedMethod;
  try {
    own = await resolveVerificationMethod(issuer, env.remote, 'jws');
  } catch (e) {
    if (!(e instanceof KeyResolutionError)) throw e;
    const data = { ...base, detail: e.message };
    // A DID that can never hold a signing key (not a JWK, private parts, encryption only) owns no key.
    if (e.outcome === 'failed') return { id: 'issuer-key', outcome: 'failed', code: e.code === 'KEY_NOT_AUTHORIZED' ? 'KEY_NOT_AUTHORIZED' : 'KEY_NOT_ISSUERS', data };
    return { id: 'issuer-key', outcome: 'not-checked', reason: e.reason ?? 'error', code: 'KEY_IN_HEADER_ONLY', data };
  }
  const issuerThumbprint = own.jwk ? await calculateJwkThumbprint(own.jwk) : undefined;
  if (issuerThumbprint === thumbprint) return { id: 'issuer-key', outcome: 'passed', code: 'KEY_IS_ISSUERS', data: { ...base, controller: own.controller } };
  return { id: 'issuer-key', outcome: 'failed', code: 'KEY_NOT_ISSUERS', data: { ...base, issuerThumbprint: issuerThumbprint ?? null } };
}

async function headerKeyBinding(jwk: JWK, credential: JsonObject, env: VerifyEnv): Promise<Check> {
  const issuer = idOf(credential.issuer);
  if (issuer && SELF_CERTIFYING_DID.test(issuer)) return selfCertifiedBinding(jwk, issuer, env);
  const base = { binding: 'header', issuer: issuer ?? null };
  let origin: string | undefined;
  try {
    origin = issuer && /^https:/.test(issuer) ? new URL(issuer).origin : undefined;
  } catch {
    // not a URL after all: no origin, so no JWKS to ask
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
  const want = await calculateJwkThumbprint(jwk);
  for (const k of set.keys) {
    try {
      if ((await calculateJwkThumbprint(k as JWK)) === want) { // why: jose refuses (throws on) any entry that is not a JWK-shaped record
        return { id: 'issuer-key', outcome: 'passed', code: 'KEY_IS_ISSUERS', data: { ...base, binding: 'jwks', fetchedAt: got.response.fetchedAt, fromCache: got.response.fromCache } };
      }
    } catch {
      // not a usable JWK (not even an object, or missing members): skip it
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
      // JWS use: any public JWK jose verifies (an RSA did:jwk included), not only a Multikey.
      method = await resolveVerificationMethod(kid, env.remote, 'jws');
      jwk = method.jwk;
      if (!jwk) throw new KeyResolutionError('failed', 'KEY_NOT_FOUND', undefined, `${kid} gave no JWK`);
      // An issuer's signature is an assertion: a key its controller lists only for, say,
      // authentication is not one it issues with (as for Data Integrity proofs).
      if (!asArray(method.controllerDocument.assertionMethod).some((m) => idOf(m) === kid)) {
        throw new KeyResolutionError('failed', 'KEY_NOT_AUTHORIZED', undefined, `${kid} is not listed for assertions`);
      }
    } catch (e) {
      if (!(e instanceof KeyResolutionError)) throw e;
      method = undefined;
      jwk = undefined;
      const data = { kid, detail: e.message };
      // A key its controller denies for assertions stays denied, whatever else the header offers.
      if (e.code === 'KEY_NOT_AUTHORIZED') return proofFail('KEY_NOT_AUTHORIZED', data);
      if (!isJsonObject(header.jwk)) {
        if (e.outcome === 'failed') return proofFail('KEY_NOT_FOUND', data);
        return { check: { id: 'proof', outcome: 'not-checked', reason: e.reason ?? 'error', code: e.code as 'NEEDS_NETWORK', data } }; // why: not-checked errors carry not-checked codes
      }
    }
  }
  if (isJsonObject(header.jwk) && hasPrivateParts(header.jwk)) return proofFail('PROOF_INVALID', { detail: 'the header jwk holds a private key' });
  // A header naming two different keys (kid and jwk) is ambiguous: which one signed is the signer's claim.
  if (jwk && isJsonObject(header.jwk) && !(await sameKey(jwk, header.jwk as JWK))) { // why: as above
    return proofFail('PROOF_INVALID', { detail: 'the header jwk is not the key its kid names' });
  }
  // Without a key from the kid, the header's own key (if any) is the one to verify with.
  jwk ??= isJsonObject(header.jwk) ? (header.jwk as JWK) : undefined; // why: checked to be an object; jose validates it
  if (!jwk) return proofFail('KEY_NOT_FOUND', { detail: 'the JOSE header has neither a resolvable kid nor a jwk' });
  const unfit = keyUnfitFor(jwk, alg);
  if (unfit) return proofFail('PROOF_INVALID', { alg, detail: unfit });
  try {
    const key = await importJwkOnce(jwk, alg);
    await compactVerify(jws, key, { algorithms: [alg] });
  } catch (e) {
    const code = (e as { code?: string }).code; // why: jose errors carry a string code
    if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED') return proofFail('SIGNATURE_MISMATCH', { alg });
    return proofFail('PROOF_INVALID', { alg, detail: e instanceof Error ? e.message : String(e) });
  }
  // From here on `payload` is what was signed: compactVerify checked the very part it was decoded from.
  const mismatch = claimMismatch(payload, parsed.credential);
  if (mismatch) return proofFail('JWT_CLAIM_MISMATCH', { claim: mismatch });
  const check: Check = { id: 'proof', outcome: 'passed', code: 'PROOF_VALID', data: { suite: `VC-JWT ${alg}`, ...(kid ? { kid } : { key: 'header-jwk' }) } };
  if (method) return { check, method, payload };
  // No method: the kid gave no key (or there was none), so `jwk` is the header's key, which proves no issuer by itself.
  return { check, payload, binding: await headerKeyBinding(jwk, parsed.credential, env) };
}

/** Whether two JWKs are the same key (RFC 7638 thumbprints); a JWK too malformed to hash is no match. */
async function sameKey(a: JWK, b: JWK): Promise<boolean> {
  try {
    return (await calculateJwkThumbprint(a)) === (await calculateJwkThumbprint(b));
  } catch {
    return false;
  }
}

/**
 * Why a key may not verify this JWS, from its own members (RFC 7517 §4.2, §4.4): a key for
 * encryption, or one restricted to another algorithm. `EdDSA` and `Ed25519` name the same Ed25519
 * signature (RFC 8037; fully-specified algorithms), so either fits the other.
 */
function keyUnfitFor(jwk: JWK, alg: string): string | undefined {
  if (jwk.use === 'enc') return 'the key is for encryption (use: enc)';
  const ed = (a: string) => (a === 'Ed25519' ? 'EdDSA' : a);
  if (typeof jwk.alg === 'string' && ed(jwk.alg) !== ed(alg)) return `the key is for ${jwk.alg}, not ${alg}`;
  return undefined;
}
