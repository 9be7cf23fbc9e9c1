/**
 * OB 2.0 verification (STANDARDS §3.2). Signed: a JWS whose key is a CryptographicKey document
 * that the issuer Profile lists (two-way link). Hosted: the assertion fetched from its own id is
 * the source of truth; the copy given only says where to fetch it. Both need the network (or the
 * cache of an earlier fetch); offline they are honestly `not-checked`.
 *
 * A credential's words about its own keys and issuer prove nothing: keys, BadgeClasses (unless
 * embedded in a signed assertion, where the signature covers them), issuer Profiles and revocation
 * lists are read only from fetching their own IRIs. Of an embedded copy only the `id` is read.
 */
import { compactVerify } from 'jose';
import { importSpkiOnce } from '../key-imports.ts';
import { decodeJws } from '../../formats/jws.ts';
import { asArray, idOf, isJsonObject, typesOf } from '../../formats/json.ts';
import type { JsonObject, JsonValue, ParsedCredential } from '../../model/credential.ts';
import type { Check, CheckData, CheckId } from '../../model/verification.ts';
import type { VerifyEnv } from '../env.ts';
import { remoteJson, type Remote, type RemoteResult } from '../remote.ts';
import { notCheckedAfter } from './binding.ts';

const OB2_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'PS256'];
/** Most keys tried when the assertion names none and the issuer Profile lists several. */
const MAX_LISTED_KEYS = 8;
/** Most property names listed when a given hosted copy differs from the hosted one. */
const MAX_DIFFERS = 32;

/** A document fetched from its own IRI (or the dated cache of such a fetch). */
export interface FetchedDoc {
  readonly ok: true;
  readonly doc: JsonObject;
  /** The IRI it was fetched from, which the document names as its own `id` (except a 410 answer). */
  readonly url: string;
  readonly fetchedAt: string;
  readonly fromCache: boolean;
  readonly status: number;
}

export type Fetched = FetchedDoc | { readonly ok: false; readonly check: Check };

function unreachable(id: CheckId, got: Extract<RemoteResult, { ok: false }>, url: string): Check {
  return { id, outcome: 'not-checked', reason: got.code === 'NEEDS_NETWORK' ? 'offline' : 'error', code: got.code, data: { url } };
}

/**
 * What a linked document that is not what it should be means for the check that needed it: no key
 * (proof), a malformed issuer chain (issuer-key), an untrusted list (status: unknown, never a verdict).
 */
function wrongDocument(id: CheckId, data: CheckData): Check {
  if (id === 'proof') return { id, outcome: 'failed', code: 'KEY_NOT_FOUND', data };
  if (id === 'status') return { id, outcome: 'not-checked', reason: 'error', code: 'STATUS_LIST_INVALID', data };
  return { id, outcome: 'failed', code: 'STRUCTURE_INVALID', data };
}

export interface LinkOptions {
  /** The types the document may declare (one of them); a document declaring none is accepted. */
  readonly types?: readonly string[];
  /** Whether an HTTP 410 answer is a fact to report (a hosted assertion) rather than a failed fetch. */
  readonly gone?: boolean;
  /** The check for a document that is not what the link promised (default: by check id). */
  readonly wrong?: (data: CheckData) => Check;
}

/**
 * A linked OB 2.0 object (key, BadgeClass, Profile, revocation list, hosted assertion), fetched from
 * its own IRI through the remote door. An embedded object is the linking document's words: only its
 * `id` is read, to fetch. The fetched document must name itself with that IRI, and if it declares a
 * type, be of one of `options.types`.
 */
export async function linked(value: JsonValue | undefined, id: CheckId, remote: Remote, options: LinkOptions = {}): Promise<Fetched> {
  const wrong = options.wrong ?? ((data: CheckData) => wrongDocument(id, data));
  const url = idOf(value);
  if (!url) return { ok: false, check: wrong({ problem: isJsonObject(value) ? 'an embedded object without an IRI to fetch it from' : 'link missing' }) };
  const got = await remote.get(url);
  if (!got.ok) return { ok: false, check: unreachable(id, got, url) };
  const { status, fetchedAt, fromCache } = got.response;
  const doc = remoteJson(got.response);
  if (status === 410 && options.gone) return { ok: true, doc: isJsonObject(doc) ? doc : {}, url, fetchedAt, fromCache, status };
  if (status !== 200 || !isJsonObject(doc)) {
    return { ok: false, check: { id, outcome: 'not-checked', reason: 'error', code: 'FETCH_FAILED', data: { url, status } } };
  }
  const when = { url, fetchedAt, fromCache };
  const named = idOf(doc);
  if (named !== url) return { ok: false, check: wrong({ ...when, problem: `the document at this IRI names itself ${named ?? '(no id)'}` }) };
  const types = typesOf(doc);
  if (options.types && types.length > 0 && !types.some((t) => options.types?.includes(t))) {
    return { ok: false, check: wrong({ ...when, problem: `a ${types.join(',')}, not a ${options.types.join(' or ')}` }) };
  }
  return { ok: true, doc, url, fetchedAt, fromCache, status };
}

export interface IssuerFound {
  readonly ok: true;
  /** Embedded in a signed assertion, or fetched from its IRI. */
  readonly badgeClass: JsonObject;
  /** Always fetched from the BadgeClass's `issuer` IRI. */
  readonly profile: FetchedDoc;
}

/**
 * The issuer Profile of an assertion, through its BadgeClass. The Profile always comes from its own
 * IRI; the BadgeClass too, unless it is embedded in a `signed` assertion (the signature covers it).
 */
export async function ob2Issuer(assertion: JsonObject, id: CheckId, remote: Remote, options: { readonly signed: boolean }): Promise<IssuerFound | { readonly ok: false; readonly check: Check }> {
  let badgeClass: JsonObject;
  if (options.signed && isJsonObject(assertion.badge)) {
    badgeClass = assertion.badge;
  } else {
    const got = await linked(assertion.badge, id, remote, { types: ['BadgeClass'] });
    if (!got.ok) return got;
    badgeClass = got.doc;
  }
  const profile = await linked(badgeClass.issuer, id, remote, { types: ['Issuer', 'Profile'] });
  if (!profile.ok) return profile;
  return { ok: true, badgeClass, profile };
}

export interface Ob2Finding {
  readonly check: Check;
  readonly binding: Check;
  /**
   * The assertion the later checks and screens read once the proof passed: the hosted copy (hosted),
   * the signed payload (signed).
   */
  readonly assertion?: JsonObject;
  /** The BadgeClass: embedded in the signed payload, or fetched from its IRI. */
  readonly badgeClass?: JsonObject;
  /**
   * The issuer Profile as fetched from the BadgeClass's `issuer` IRI, never an embedded copy. Whether it
   * is the issuer of this assertion is what `binding` says.
   */
  readonly issuerProfile?: JsonObject;
}

const failedEarly = (check: Check): Ob2Finding => ({ check, binding: notCheckedAfter('issuer-key', check) });

async function verifyWith(jws: string, alg: string, key: FetchedDoc): Promise<Check> {
  const pem = key.doc.publicKeyPem;
  if (typeof pem !== 'string') return { id: 'proof', outcome: 'failed', code: 'KEY_NOT_FOUND', data: { key: key.url, problem: 'no publicKeyPem' } };
  try {
    await compactVerify(jws, await importSpkiOnce(pem, alg), { algorithms: [alg] });
    return { id: 'proof', outcome: 'passed', code: 'PROOF_VALID', data: { suite: `OB 2.0 JWS ${alg}`, key: key.url, fetchedAt: key.fetchedAt, fromCache: key.fromCache } };
  } catch (e) {
    const code = (e as { code?: string }).code; // why: jose errors carry a string code
    return code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED'
      ? { id: 'proof', outcome: 'failed', code: 'SIGNATURE_MISMATCH', data: { alg, key: key.url } }
      : { id: 'proof', outcome: 'failed', code: 'PROOF_INVALID', data: { alg, key: key.url, detail: e instanceof Error ? e.message : String(e) } };
  }
}

/** Two-way link: the key names the Profile as its owner, and the Profile (fetched from its IRI) lists the key. */
function bindingOf(key: FetchedDoc, issuer: IssuerFound): Check {
  const profile = issuer.profile;
  const owner = idOf(key.doc.owner);
  const listed = asArray(profile.doc.publicKey).some((k) => idOf(k) === key.url);
  const data = { issuer: profile.url, owner: owner ?? '', key: key.url, fetchedAt: profile.fetchedAt, fromCache: profile.fromCache };
  return listed && owner === profile.url
    ? { id: 'issuer-key', outcome: 'passed', code: 'KEY_IS_ISSUERS', data }
    : { id: 'issuer-key', outcome: 'failed', code: 'KEY_NOT_ISSUERS', data };
}

export async function checkOb2Signed(parsed: ParsedCredential, env: VerifyEnv): Promise<Ob2Finding> {
  const assertion = parsed.credential;
  const jws = parsed.jws;
  if (!jws) return failedEarly({ id: 'proof', outcome: 'failed', code: 'PROOF_MISSING', data: { detail: 'a signed assertion without its JWS' } });
  const { header } = decodeJws(jws);
  const alg = String(header.alg ?? '');
  if (/^(none|HS\d+)$/i.test(alg)) return failedEarly({ id: 'proof', outcome: 'failed', code: 'ALG_FORBIDDEN', data: { alg } });
  if (!OB2_ALGORITHMS.includes(alg)) return failedEarly({ id: 'proof', outcome: 'not-checked', reason: 'unsupported', code: 'UNSUPPORTED_ALG', data: { alg } });
  const verification = isJsonObject(assertion.verification) ? assertion.verification : isJsonObject(assertion.verify) ? assertion.verify : {};

  if (verification.creator !== undefined) {
    // The key named by the assertion, fetched from its IRI: an embedded key object is the signer's word.
    const key = await linked(verification.creator, 'proof', env.remote, { types: ['CryptographicKey'] });
    if (!key.ok) return failedEarly(key.check);
    const check = await verifyWith(jws, alg, key);
    if (check.outcome !== 'passed') return failedEarly(check);
    const issuer = await ob2Issuer(assertion, 'issuer-key', env.remote, { signed: true });
    if (!issuer.ok) return { check, binding: issuer.check, assertion };
    return { check, binding: bindingOf(key, issuer), assertion, badgeClass: issuer.badgeClass, issuerProfile: issuer.profile.doc };
  }

  // No creator (OB 2.0 VerificationObject): try the keys the issuer's own Profile lists.
  const issuer = await ob2Issuer(assertion, 'proof', env.remote, { signed: true });
  if (!issuer.ok) return failedEarly(issuer.check);
  const keys = asArray(issuer.profile.doc.publicKey).slice(0, MAX_LISTED_KEYS);
  let unreached: Check | undefined;
  let refused: Check | undefined;
  for (const listed of keys) {
    const key = await linked(listed, 'proof', env.remote, { types: ['CryptographicKey'] });
    if (!key.ok) {
      if (key.check.outcome === 'not-checked') unreached ??= key.check;
      else refused ??= key.check;
      continue;
    }
    const check = await verifyWith(jws, alg, key);
    if (check.outcome === 'passed') return { check, binding: bindingOf(key, issuer), assertion, badgeClass: issuer.badgeClass, issuerProfile: issuer.profile.doc };
    if (check.code === 'SIGNATURE_MISMATCH' || refused === undefined) refused = check;
  }
  // A key that could not be fetched might be the one: unknown, not failed. Every key tried leaves
  // one of the two, so neither is left only when the Profile lists no key.
  return failedEarly(unreached ?? refused ?? { id: 'proof', outcome: 'failed', code: 'KEY_NOT_FOUND', data: { issuer: issuer.profile.url, problem: 'no creator, and the issuer lists no key' } });
}

/** Canonical JSON for comparing two copies of a hosted assertion (key order does not matter). */
function canonical(v: JsonValue | undefined): string {
  if (v === undefined) return '';
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isJsonObject(v)) return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

/** The top-level properties whose values differ between two copies, sorted. */
function differingKeys(given: JsonObject, hosted: JsonObject): string[] {
  const keys = new Set([...Object.keys(given), ...Object.keys(hosted)]);
  return [...keys].filter((k) => canonical(given[k]) !== canonical(hosted[k])).sort().slice(0, MAX_DIFFERS);
}

/** Whether `url` is within the issuer's verification scope (same host, or allowedOrigins/startsWith). */
function inScope(url: string, issuer: FetchedDoc): boolean {
  const policy = isJsonObject(issuer.doc.verification) ? issuer.doc.verification : {};
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
    return new URL(issuer.url).host === host;
  } catch {
    return false;
  }
}

export async function checkOb2Hosted(assertion: JsonObject, env: VerifyEnv): Promise<Ob2Finding> {
  const url = idOf(assertion.id);
  if (!url) return failedEarly({ id: 'proof', outcome: 'failed', code: 'STRUCTURE_INVALID', data: { path: 'id', problem: 'a hosted assertion without the IRI it is hosted at' } });
  const got = await linked(url, 'proof', env.remote, {
    types: ['Assertion'],
    gone: true,
    wrong: (data) => ({ id: 'proof', outcome: 'failed', code: 'HOSTED_MISMATCH', data }),
  });
  if (!got.ok) return failedEarly(got.check);
  const when = { url, fetchedAt: got.fetchedAt, fromCache: got.fromCache };
  if (got.status === 410) return failedEarly({ id: 'proof', outcome: 'failed', code: 'HOSTED_GONE', data: when });
  const hosted = got.doc;
  const verification = hosted.verification ?? hosted.verify;
  if (!isJsonObject(verification) || /signed/i.test(String(verification.type ?? ''))) {
    return failedEarly({ id: 'proof', outcome: 'failed', code: 'HOSTED_MISMATCH', data: { ...when, problem: 'the hosted copy is not a hosted assertion' } });
  }
  // OB 2.0: the hosted copy is the source of truth; the later checks and the screens read it, and
  // the report says when the copy given differs from it (and in which properties).
  const differs = differingKeys(assertion, hosted);
  const check: Check =
    differs.length === 0
      ? { id: 'proof', outcome: 'passed', code: 'HOSTED_MATCHES', data: { ...when, copyDiffers: false } }
      : { id: 'proof', outcome: 'passed', code: 'HOSTED_COPY_DIFFERS', data: { ...when, copyDiffers: true, differs } };
  const issuer = await ob2Issuer(hosted, 'issuer-key', env.remote, { signed: false });
  if (!issuer.ok) return { check, binding: issuer.check, assertion: hosted };
  const data = { issuer: issuer.profile.url, url, fetchedAt: issuer.profile.fetchedAt, fromCache: issuer.profile.fromCache };
  const binding: Check = inScope(url, issuer.profile)
    ? { id: 'issuer-key', outcome: 'passed', code: 'HOSTED_BY_ISSUER', data }
    : { id: 'issuer-key', outcome: 'failed', code: 'HOSTED_OUT_OF_SCOPE', data };
  return { check, binding, assertion: hosted, badgeClass: issuer.badgeClass, issuerProfile: issuer.profile.doc };
}
