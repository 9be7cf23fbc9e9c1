/**
 * Revocation and suspension: Bitstring Status List, StatusList2021, 1EdTech Revocation List, and
 * OB 2.0 (issuer revocationList; hosted `revoked: true`). Lists come through the remote door
 * (network only when allowed, else the cache with its date). A status list credential must verify
 * and be the issuer's own; an unreachable list is `not-checked`, never "not revoked".
 */
import { asArray, idOf, isJsonObject, typesOf } from '../../formats/json.ts';
import type { JsonObject, JsonValue, ParsedCredential } from '../../model/credential.ts';
import type { Check, CheckData } from '../../model/verification.ts';
import type { VerifyEnv } from '../env.ts';
import { remoteJson } from '../remote.ts';
import { decodeStatusList, readStatus } from '../status-list.ts';
import { ob2Issuer, linked } from './proof-ob2.ts';
import { checkBinding } from './binding.ts';
import { checkProofSet } from '../proofs/index.ts';
import { readVc } from '../reading/index.ts';
import { checkValidity, vcPeriod } from './validity.ts';

const passed = (data: CheckData): Check => ({ id: 'status', outcome: 'passed', code: 'NOT_REVOKED', data });
/**
 * A list that cannot be trusted (forged, someone else's, unreadable) proves neither revocation nor
 * its absence: the status is unknown, which is `not-checked`, never "not revoked" and never a
 * verdict on the credential itself (a network party could otherwise fail any credential).
 */
const invalidList = (data: CheckData): Check => ({ id: 'status', outcome: 'not-checked', reason: 'error', code: 'STATUS_LIST_INVALID', data });

async function fetchList(url: string, env: VerifyEnv): Promise<{ doc: JsonObject; when: CheckData } | Check> {
  const got = await env.remote.get(url);
  if (!got.ok) return { id: 'status', outcome: 'not-checked', reason: got.code === 'NEEDS_NETWORK' ? 'offline' : 'error', code: got.code, data: { url } };
  const doc = remoteJson(got.response);
  if (got.response.status !== 200 || !isJsonObject(doc)) {
    return { id: 'status', outcome: 'not-checked', reason: 'error', code: 'FETCH_FAILED', data: { url, status: got.response.status } };
  }
  return { doc, when: { url, fetchedAt: got.response.fetchedAt, fromCache: got.response.fromCache } };
}

/** `statusListIndex`: an integer ≥ 0, written in base 10 (a string per the spec; a JSON number is read too). */
function indexOf(value: JsonValue | undefined): number | undefined {
  const n = typeof value === 'string' && /^[0-9]{1,15}$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/** The purposes a list serves: its `statusPurpose`, one string or several (Bitstring Status List §2.2). */
function purposesOf(subject: JsonObject): string[] {
  return asArray(subject.statusPurpose).filter((p): p is string => typeof p === 'string');
}

/**
 * One Bitstring Status List (or StatusList2021) entry, by the spec's validate algorithm (§3.2): the list at
 * `statusListCredential` must be that list (its own `id`, when it has one, is that URL: a signed list of the
 * same issuer served in its place is refused), verify, be the issuer's, be valid now, and serve the entry's
 * purpose. Purposes are compared exactly, as the spec's strings are.
 */
async function bitstringEntry(entry: JsonObject, credential: JsonObject, env: VerifyEnv): Promise<Check> {
  const url = idOf(entry.statusListCredential);
  const index = indexOf(entry.statusListIndex);
  if (!url || index === undefined) return invalidList({ problem: 'entry without a statusListCredential URL or a base-10 statusListIndex' });
  if (typeof entry.statusPurpose !== 'string') return invalidList({ url, problem: 'entry without statusPurpose' });
  const purpose = entry.statusPurpose;
  const size = entry.statusSize === undefined ? 1 : entry.statusSize;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > 8) return invalidList({ url, problem: `statusSize ${JSON.stringify(size)} is not an integer from 1 to 8` });
  // §2.1: a status wider than one bit names its values in statusMessage, one per possible value.
  if (size > 1 && (!Array.isArray(entry.statusMessage) || entry.statusMessage.length !== 2 ** size)) {
    return invalidList({ url, problem: `statusSize ${size} needs statusMessage with ${2 ** size} values` });
  }
  const fetched = await fetchList(url, env);
  if ('id' in fetched) return fetched;
  const { doc: fetchedList, when } = fetched;
  // The list is read like any credential: from its signed graph, so that whoever serves it cannot
  // reshape its dates, purpose or issuer without touching its signature.
  let read: Awaited<ReturnType<typeof readVc>>;
  try {
    read = await readVc({ format: 'ob3-di', container: 'json', credential: fetchedList, bytes: new Uint8Array() });
  } catch (e) {
    return invalidList({ ...when, problem: `the list cannot be read: ${e instanceof Error ? e.message.slice(0, 200) : String(e)}` });
  }
  const list = read.reading.document;
  const listTypes = typesOf(list);
  if (!listTypes.includes('BitstringStatusListCredential') && !listTypes.includes('StatusList2021Credential')) {
    return invalidList({ ...when, problem: 'not a status list credential' });
  }
  if (list.id !== undefined && idOf(list) !== url) {
    return invalidList({ ...when, problem: `the list's id is ${JSON.stringify(list.id)}, not the statusListCredential URL`, listId: idOf(list) ?? null });
  }
  // The list speaks for the issuer only if it is the issuer's and its own proof holds.
  const listIssuer = idOf(list.issuer);
  if (listIssuer !== idOf(credential.issuer)) return invalidList({ ...when, problem: 'issued by someone else', listIssuer: listIssuer ?? null });
  const found = await checkProofSet(fetchedList, env, { purpose: 'assertionMethod', controller: listIssuer, quads: read.quads });
  const proof = found.check;
  if (proof.outcome === 'failed') return invalidList({ ...when, problem: `list proof: ${proof.code}` });
  if (proof.outcome === 'not-checked') return { id: 'status', outcome: 'not-checked', reason: proof.reason, code: proof.code, data: when };
  // A valid signature by a key the list's issuer does not control is no word of the issuer's.
  const binding = checkBinding(proof, found.method, listIssuer);
  if (binding.outcome === 'failed') return invalidList({ ...when, problem: `list key: ${binding.code}` });
  const validity = checkValidity(vcPeriod(list), env);
  if (validity.outcome === 'failed') return invalidList({ ...when, problem: `list ${validity.code}` });
  const subject = asArray(list.credentialSubject)[0];
  if (!isJsonObject(subject) || typeof subject.encodedList !== 'string') return invalidList({ ...when, problem: 'no encodedList' });
  const served = purposesOf(subject);
  if (!served.includes(purpose)) return invalidList({ ...when, problem: `the list serves ${served.length > 0 ? served.join(', ') : 'no statusPurpose'}, not ${purpose}` });
  let bits: Uint8Array;
  try {
    bits = decodeStatusList(subject.encodedList);
  } catch (e) {
    return invalidList({ ...when, problem: e instanceof Error ? e.message : 'undecodable list' });
  }
  const value = readStatus(bits, index, size);
  if (value === undefined) return invalidList({ ...when, problem: `index ${index} outside the list` });
  const data = { ...when, purpose, index, ...(size > 1 ? { statusSize: size, value } : {}) };
  if (value === 0) return passed(data);
  if (purpose === 'revocation') return { id: 'status', outcome: 'failed', code: 'REVOKED', data };
  if (purpose === 'suspension') return { id: 'status', outcome: 'failed', code: 'SUSPENDED', data };
  return { id: 'status', outcome: 'not-checked', reason: 'unsupported', code: 'UNSUPPORTED_STATUS', data: { ...data, value } };
}

/**
 * 1EdTech Revocation List (VCRL-10): a JSON list of revoked credential ids at `credentialStatus.id`. The
 * list is unsigned: it is the issuer's because the signed credential names its URL, and a list that says it
 * is someone else's contradicts that. An item with `revoked: false` is not a revocation (1EdTech validator).
 */
async function revocationListEntry(entry: JsonObject, credential: JsonObject, env: VerifyEnv): Promise<Check> {
  const url = idOf(entry);
  if (!url) return invalidList({ problem: 'entry without id' });
  const fetched = await fetchList(url, env);
  if ('id' in fetched) return fetched;
  const { doc, when } = fetched;
  if (doc.issuer !== undefined && idOf(doc.issuer) !== idOf(credential.issuer)) return invalidList({ ...when, problem: 'issued by someone else', listIssuer: idOf(doc.issuer) ?? null });
  const id = idOf(credential);
  const revoked = id === undefined ? undefined : asArray(doc.revokedCredentials).find((r) => idOf(r) === id && !(isJsonObject(r) && r.revoked === false));
  if (revoked === undefined) return passed({ ...when, method: '1EdTechRevocationList' });
  const reason = isJsonObject(revoked) && typeof revoked.revocationReason === 'string' ? revoked.revocationReason : null;
  return { id: 'status', outcome: 'failed', code: 'REVOKED', data: { ...when, reason } };
}

/**
 * OB 2.0. Hosted: the hosted copy (what the pipeline hands here) says `revoked: true`, or was gone
 * (HTTP 410, a failed proof). Signed: the RevocationList named by the issuer's own Profile, fetched
 * from its IRI, and fetched from its own IRI too: an embedded Profile's list is the signer's word. The
 * list is unsigned; it is the issuer's because the issuer's Profile names it, so a list that says it
 * is someone else's (or is not a RevocationList, or names itself otherwise) decides nothing.
 */
async function ob2Status(parsed: ParsedCredential, assertion: JsonObject, env: VerifyEnv): Promise<Check> {
  if (assertion.revoked === true) {
    const reason = typeof assertion.revocationReason === 'string' ? assertion.revocationReason : null;
    return { id: 'status', outcome: 'failed', code: 'REVOKED', data: { method: 'hosted', reason } };
  }
  if (parsed.format === 'ob2-hosted') return passed({ method: 'hosted' });
  const issuer = await ob2Issuer(assertion, 'status', env.remote, { signed: true });
  if (!issuer.ok) return issuer.check;
  const profile = issuer.profile;
  if (profile.doc.revocationList === undefined) return { id: 'status', outcome: 'not-checked', reason: 'not-applicable', code: 'NOT_APPLICABLE' };
  const list = await linked(profile.doc.revocationList, 'status', env.remote, { types: ['RevocationList'] });
  if (!list.ok) return list.check;
  const when = { url: list.url, fetchedAt: list.fetchedAt, fromCache: list.fromCache };
  if (list.doc.issuer !== undefined && idOf(list.doc.issuer) !== profile.url) {
    return invalidList({ ...when, problem: 'issued by someone else', listIssuer: idOf(list.doc.issuer) ?? null });
  }
  // An assertion is named by its id and by its uid (an empty one names nothing); an entry by its id, else its uid.
  const names = [idOf(assertion), assertion.uid].filter((n): n is string => typeof n === 'string' && n !== '');
  const hit = asArray(list.doc.revokedAssertions).find((r) => {
    const named = idOf(r) ?? (isJsonObject(r) ? r.uid : undefined);
    return names.some((n) => n === named);
  });
  if (hit === undefined) return passed({ ...when, method: 'RevocationList' });
  const reason = isJsonObject(hit) && typeof hit.revocationReason === 'string' ? hit.revocationReason : null;
  return { id: 'status', outcome: 'failed', code: 'REVOKED', data: { ...when, reason } };
}

const ORDER = (c: Check) => (c.outcome === 'failed' ? 0 : c.outcome === 'not-checked' ? 1 : 2);

export async function checkStatus(parsed: ParsedCredential, credential: JsonObject, env: VerifyEnv): Promise<Check> {
  if (parsed.format === 'ob2-hosted' || parsed.format === 'ob2-signed') return ob2Status(parsed, credential, env);
  const entries = asArray(credential.credentialStatus).filter(isJsonObject);
  if (entries.length === 0) return { id: 'status', outcome: 'not-checked', reason: 'not-applicable', code: 'NOT_APPLICABLE' };
  const results: Check[] = [];
  for (const entry of entries) {
    const type = typesOf(entry);
    if (type.includes('BitstringStatusListEntry') || type.includes('StatusList2021Entry')) results.push(await bitstringEntry(entry, credential, env));
    else if (type.includes('1EdTechRevocationList')) results.push(await revocationListEntry(entry, credential, env));
    else results.push({ id: 'status', outcome: 'not-checked', reason: 'unsupported', code: 'UNSUPPORTED_STATUS', data: { type: type.join(',') } });
  }
  results.sort((a, b) => ORDER(a) - ORDER(b));
  return results[0] as Check; // why: entries is not empty, so neither is results
}
