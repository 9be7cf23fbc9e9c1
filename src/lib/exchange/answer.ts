/**
 * The credentials inside an issuer's answer, as the DCC and VC-API peers send them: a Verifiable
 * Presentation (its `verifiableCredential`), one credential, a compact JWT, an array of those, or
 * any of them wrapped as `{"verifiablePresentation": …}` / `{"verifiableCredential": …}`. Each is
 * returned as its own bytes, for the verifier and the store; nothing here judges them.
 */
import { TsumikiError } from '../errors.ts';
import { asArray, isJsonObject, typesOf } from '../formats/json.ts';
import { MAX_PRESENTATION_CREDENTIALS } from '../formats/parse.ts';
import type { JsonValue } from '../model/credential.ts';
import type { ReceivedCredential } from './offer.ts';
import type { ExchangeStep } from './http.ts';

const encoder = new TextEncoder();
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

function items(v: JsonValue, depth: number): JsonValue[] {
  if (depth > 3) return [];
  if (typeof v === 'string') return JWT.test(v.trim()) ? [v.trim()] : [];
  if (Array.isArray(v)) return v.flatMap((x) => items(x, depth + 1));
  if (!isJsonObject(v)) return [];
  const types = typesOf(v);
  if (types.includes('VerifiablePresentation')) return asArray(v.verifiableCredential).flatMap((x) => items(x, depth + 1));
  if (types.includes('VerifiableCredential') || types.includes('EnvelopedVerifiableCredential') || typeof v['@context'] !== 'undefined') return [v];
  if (v.verifiablePresentation !== undefined) return items(v.verifiablePresentation, depth + 1);
  if (v.verifiableCredential !== undefined) return items(v.verifiableCredential, depth + 1);
  return [];
}

/** The credentials in `answer`; EXCHANGE_BAD_RESPONSE when it holds none or too many. */
export function credentialsIn(answer: JsonValue, step: ExchangeStep, origin: string): ReceivedCredential[] {
  const found = items(answer, 0);
  if (found.length === 0) throw new TsumikiError('EXCHANGE_BAD_RESPONSE', `${step}: ${origin} answered without a credential`, { data: { step, url: origin } });
  if (found.length > MAX_PRESENTATION_CREDENTIALS) {
    throw new TsumikiError('EXCHANGE_TOO_LARGE', `${step}: ${origin} sent ${found.length} credentials; at most ${MAX_PRESENTATION_CREDENTIALS} are taken at once`, { data: { step, url: origin, limit: MAX_PRESENTATION_CREDENTIALS } });
  }
  return found.map((c, i) => ({ bytes: encoder.encode(typeof c === 'string' ? c : JSON.stringify(c)), item: String(i) }));
}
