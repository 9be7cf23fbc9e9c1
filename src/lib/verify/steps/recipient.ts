/**
 * Recipient: the credential names the identity the user gives (OB 2.0 `recipient`, OB 3.0
 * `credentialSubject.id` / `identifier`). Hashes are `sha256$hex` of identity + salt; hex case and,
 * for e-mail, address case are ignored (STANDARDS §1.2, §3.1).
 */
import { asArray, isJsonObject } from '../../formats/json.ts';
import type { JsonObject } from '../../model/credential.ts';
import type { Check } from '../../model/verification.ts';
import { sha256Hex } from '../../util/bytes.ts';
import type { VerifyEnv } from '../env.ts';

interface Identity {
  type: string;
  value: string;
  hashed: boolean;
  salt: string;
}

/** Identity types that name the same kind (OB 2.0 and OB 3.0 words; any other type, `url` too, is its own kind). */
const KIND: Record<string, string> = { email: 'email', emailaddress: 'email', telephone: 'telephone', phone: 'telephone', id: 'id', sourcedid: 'id' };
const kind = (t: string) => KIND[t.toLowerCase().replace(/^ext:/, '')] ?? t.toLowerCase();

function identitiesOf(credential: JsonObject): Identity[] {
  const out: Identity[] = [];
  const add = (o: JsonObject, typeKey: string, valueKey: string) => {
    const value = o[valueKey];
    if (typeof value !== 'string') return;
    out.push({ type: String(o[typeKey] ?? ''), value, hashed: o.hashed === true, salt: typeof o.salt === 'string' ? o.salt : '' });
  };
  if (isJsonObject(credential.recipient)) add(credential.recipient, 'type', 'identity');
  for (const subject of asArray(credential.credentialSubject).filter(isJsonObject)) {
    if (typeof subject.id === 'string') out.push({ type: 'id', value: subject.id, hashed: false, salt: '' });
    for (const ident of asArray(subject.identifier).filter(isJsonObject)) add(ident, 'identityType', 'identityHash');
  }
  return out;
}

async function matches(identity: Identity, claimed: string): Promise<boolean | 'unsupported'> {
  const candidates = [claimed, claimed.toLowerCase(), claimed.replace(/^mailto:/i, '')];
  if (!identity.hashed) return candidates.includes(identity.value) || identity.value.replace(/^mailto:/i, '').toLowerCase() === claimed.toLowerCase();
  const [alg, hex] = identity.value.split('$') as [string, ...string[]]; // why: split always gives at least one part
  if (!hex || alg.toLowerCase() !== 'sha256') return 'unsupported';
  for (const c of candidates) {
    if ((await sha256Hex(c + identity.salt)) === hex.toLowerCase()) return true;
  }
  return false;
}

export async function checkRecipient(credential: JsonObject, env: VerifyEnv): Promise<Check> {
  const claim = env.recipient;
  if (!claim) return { id: 'recipient', outcome: 'not-checked', reason: 'not-applicable', code: 'NO_RECIPIENT_GIVEN' };
  const identities = identitiesOf(credential).filter((i) => !claim.type || kind(i.type) === kind(claim.type) || i.type === '');
  let unsupported = false;
  for (const identity of identities) {
    const m = await matches(identity, claim.identity.trim());
    if (m === true) return { id: 'recipient', outcome: 'passed', code: 'RECIPIENT_MATCHES', data: { type: identity.type, hashed: identity.hashed } };
    if (m === 'unsupported') unsupported = true;
  }
  if (unsupported && identities.length === 1) return { id: 'recipient', outcome: 'not-checked', reason: 'unsupported', code: 'NOT_APPLICABLE', data: { detail: 'hash algorithm' } };
  return { id: 'recipient', outcome: 'failed', code: 'RECIPIENT_MISMATCH', data: { compared: identities.length } };
}
