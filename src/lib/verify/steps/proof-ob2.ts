/**
 * OB 2.0 verification (STANDARDS §3.2). Signed: a JWS whose key is a CryptographicKey document
 * that the issuer Profile lists (two-way link). Hosted: the assertion fetched from its own id is
 * the source of truth and must match the copy given. Both need the network (or the cache of an
 * earlier fetch); offline they are honestly `not-checked`.
 */
import { compactVerify, importSPKI } from 'jose';
import { decodeJws } from '../../formats/jws.ts';
import { asArray, idOf, isJsonObject } from '../../formats/json.ts';
import type { JsonObject, JsonValue, ParsedCredential } from '../../model/credential.ts';
import type { Check } from '../../model/verification.ts';
import type { VerifyEnv } from '../env.ts';
import { remoteJson, type Remote, type RemoteResult } from '../remote.ts';
import { notCheckedAfter } from './binding.ts';

const OB2_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'PS256'];

type Fetched = { ok: true; doc: JsonObject; fetchedAt: string; fromCache: boolean; status: number } | { ok: false; check: Check };

function unreachable(id: Check['id'], got: Extract<RemoteResult, { ok: false }>, url: string): Check {
  return { id, outcome: 'not-checked', reason: got.code === 'NEEDS_NETWORK' ? 'offline' : 'error', code: got.code, data: { url } };
}

/** A linked OB 2.0 object: embedded, or fetched by its IRI. */
export async function linked(value: JsonValue | undefined, id: Check['id'], remote: Remote): Promise<Fetched> {
  if (isJsonObject(value)) return { ok: true, doc: value, fetchedAt: '', fromCache: false, status: 200 };
  const url = idOf(value);
  if (!url) return { ok: false, check: { id, outcome: 'failed', code: 'STRUCTURE_INVALID', data: { problem: 'link missing' } } };
  const got = await remote.get(url);
  if (!got.ok) return { ok: false, check: unreachable(id, got, url) };
  const doc = remoteJson(got.response);
  if (got.response.status === 410) return { ok: true, doc: isJsonObject(doc) ? doc : {}, fetchedAt: got.response.fetchedAt, fromCache: got.response.fromCache, status: 410 };
  if (got.response.status !== 200 || !isJsonObject(doc)) {
    return { ok: false, check: { id, outcome: 'not-checked', reason: 'error', code: 'FETCH_FAILED', data: { url, status: got.response.status } } };
  }
  return { ok: true, doc, fetchedAt: got.response.fetchedAt, fromCache: got.response.fromCache, status: 200 };
}

/** The issuer Profile of an assertion, through its BadgeClass. */
export async function ob2Issuer(assertion: JsonObject, id: Check['id'], remote: Remote): Promise<Fetched> {
  const badge = await linked(assertion.badge, id, remote);
  if (!badge.ok) return badge;
  return linked(badge.doc.issuer, id, remote);
}

export interface Ob2Finding {
  readonly check: Check;
  readonly binding: Check;
  readonly assertion?: JsonObject;
}

export async function checkOb2Signed(parsed: ParsedCredential, env: VerifyEnv): Promise<Ob2Finding> {
  const assertion = parsed.credential;
  if (!parsed.jws) {
    const check: Check = { id: 'proof', outcome: 'failed', code: 'PROOF_MISSING', data: { detail: 'a signed assertion without its JWS' } };
    return { check, binding: notCheckedAfter('issuer-key', check) };
  }
  const { header } = decodeJws(parsed.jws);
  const alg = String(header.alg ?? '');
  if (/^(none|HS\d+)$/i.test(alg)) {
    const check: Check = { id: 'proof', outcome: 'failed', code: 'ALG_FORBIDDEN', data: { alg } };
    return { check, binding: notCheckedAfter('issuer-key', check) };
  }
  if (!OB2_ALGORITHMS.includes(alg)) {
    const check: Check = { id: 'proof', outcome: 'not-checked', reason: 'unsupported', code: 'UNSUPPORTED_ALG', data: { alg } };
    return { check, binding: notCheckedAfter('issuer-key', check) };
  }
  const verification = isJsonObject(assertion.verification) ? assertion.verification : isJsonObject(assertion.verify) ? assertion.verify : {};
  const key = await linked(verification.creator, 'proof', env.remote);
  if (!key.ok) return { check: key.check, binding: notCheckedAfter('issuer-key', key.check) };
  const pem = key.doc.publicKeyPem;
  if (typeof pem !== 'string') {
    const check: Check = { id: 'proof', outcome: 'failed', code: 'KEY_NOT_FOUND', data: { key: idOf(verification.creator) ?? '' } };
    return { check, binding: notCheckedAfter('issuer-key', check) };
  }
  let check: Check;
  try {
    await compactVerify(parsed.jws, await importSPKI(pem, alg), { algorithms: [alg] });
    check = { id: 'proof', outcome: 'passed', code: 'PROOF_VALID', data: { suite: `OB 2.0 JWS ${alg}`, key: idOf(key.doc) ?? '', ...(key.fetchedAt ? { fetchedAt: key.fetchedAt } : {}) } };
  } catch (e) {
    const code = (e as { code?: string }).code; // why: jose errors carry a string code
    check = code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED'
      ? { id: 'proof', outcome: 'failed', code: 'SIGNATURE_MISMATCH', data: { alg } }
      : { id: 'proof', outcome: 'failed', code: 'PROOF_INVALID', data: { alg, detail: e instanceof Error ? e.message : String(e) } };
    return { check, binding: notCheckedAfter('issuer-key', check) };
  }
  // Two-way link: the key names its owner, and the owner's Profile lists the key.
  const issuer = await ob2Issuer(assertion, 'issuer-key', env.remote);
  if (!issuer.ok) return { check, binding: issuer.check };
  const keyId = idOf(key.doc) ?? idOf(verification.creator);
  const listed = asArray(issuer.doc.publicKey).some((k) => idOf(k) === keyId);
  const data = { issuer: idOf(issuer.doc) ?? '', owner: String(key.doc.owner ?? ''), key: keyId ?? '' };
  const binding: Check = listed && key.doc.owner === idOf(issuer.doc)
    ? { id: 'issuer-key', outcome: 'passed', code: 'KEY_IS_ISSUERS', data }
    : { id: 'issuer-key', outcome: 'failed', code: 'KEY_NOT_ISSUERS', data };
  return { check, binding };
}

/** Canonical JSON for comparing two copies of a hosted assertion (key order does not matter). */
function canonical(v: JsonValue): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isJsonObject(v)) return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k] as JsonValue)}`).join(',')}}`; // why: k is an own key
  return JSON.stringify(v);
}

/** Whether `url` is within the issuer's verification scope (same host, or allowedOrigins/startsWith). */
function inScope(url: string, issuer: JsonObject): boolean {
  const policy = isJsonObject(issuer.verification) ? issuer.verification : {};
  let host: string;
  try {
    host = new URL(url).host;
  } catch {
    return false;
  }
  const origins = asArray(policy.allowedOrigins).filter((o): o is string => typeof o === 'string');
  const prefixes = asArray(policy.startsWith).filter((o): o is string => typeof o === 'string');
  if (prefixes.length > 0 && !prefixes.some((p) => url.startsWith(p))) return false;
  if (origins.length > 0) return origins.includes(host);
  try {
    return new URL(idOf(issuer) ?? '').host === host;
  } catch {
    return false;
  }
}

export async function checkOb2Hosted(assertion: JsonObject, env: VerifyEnv): Promise<Ob2Finding> {
  const got = await linked(idOf(assertion), 'proof', env.remote);
  if (!got.ok) return { check: got.check, binding: notCheckedAfter('issuer-key', got.check) };
  const url = idOf(assertion) ?? '';
  const when = { url, fetchedAt: got.fetchedAt, fromCache: got.fromCache };
  if (got.status === 410) {
    const check: Check = { id: 'proof', outcome: 'failed', code: 'HOSTED_GONE', data: when };
    return { check, binding: notCheckedAfter('issuer-key', check) };
  }
  // OB 2.0: the hosted copy is the source of truth; the copy given only says where to fetch it. The
  // later checks read the hosted copy, and the report says when the copy given differs from it.
  if (idOf(got.doc) !== url) {
    const check: Check = { id: 'proof', outcome: 'failed', code: 'HOSTED_MISMATCH', data: { ...when, problem: 'the hosted document has another id' } };
    return { check, binding: notCheckedAfter('issuer-key', check) };
  }
  const differs = canonical(got.doc) !== canonical(assertion);
  const check: Check = { id: 'proof', outcome: 'passed', code: 'HOSTED_MATCHES', data: { ...when, copyDiffers: differs } };
  const issuer = await ob2Issuer(got.doc, 'issuer-key', env.remote);
  if (!issuer.ok) return { check, binding: issuer.check, assertion: got.doc };
  const binding: Check = inScope(url, issuer.doc)
    ? { id: 'issuer-key', outcome: 'passed', code: 'HOSTED_BY_ISSUER', data: { issuer: idOf(issuer.doc) ?? '', url } }
    : { id: 'issuer-key', outcome: 'failed', code: 'HOSTED_OUT_OF_SCOPE', data: { issuer: idOf(issuer.doc) ?? '', url } };
  return { check, binding, assertion: got.doc };
}
