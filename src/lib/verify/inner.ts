/**
 * Credentials inside a credential: a CLR 2.0 `ClrSubject.verifiableCredential` (objects, compact
 * JWS, EnvelopedVerifiableCredential) and OB 3.0 embedded endorsements (`endorsement` and
 * `endorsementJwt` on the credential, its issuer and its achievements). An outer signature does not
 * vouch for what the credentials inside say about their own issuers, so each is verified on its own
 * by the same pipeline, as if it had been given alone; only those found verified may count.
 *
 * Where: every object typed VerifiableCredential (or EnvelopedVerifiableCredential) below the outer
 * credential, whatever key or nesting it sits under, and every compact JWS under
 * `verifiableCredential`, `endorsement` or `endorsementJwt`. Proofs are not searched.
 *
 * Bounds: at most MAX_INNER credentials per outer credential (the rest are counted, not verified),
 * and one level only: what a credential inside holds is not verified (it is its own issuer's
 * business, and the nesting could otherwise multiply the work).
 */
import { isTsumikiError, type ErrorCode } from '../errors.ts';
import { isJsonObject, typesOf } from '../formats/json.ts';
import { JWS_PATTERN } from '../formats/jws.ts';
import { parseEmbedded } from '../formats/parse.ts';
import type { JsonObject, JsonValue, ParsedCredential } from '../model/credential.ts';
import type { CredentialReading } from '../model/reading.ts';
import type { VerifyEnv } from './env.ts';

/** Most credentials inside one credential that are verified (a transcript holds a few dozen). */
export const MAX_INNER = 200;
/** Deepest JSON nesting searched for credentials inside. */
const MAX_DEPTH = 24;

export type InnerKind = 'credential' | 'endorsement';

export interface EmbeddedItem {
  /** Where it sits in the outer credential: `credentialSubject.verifiableCredential[0]`. */
  readonly path: string;
  readonly kind: InnerKind;
  readonly item: JsonValue;
}

const JWS_KEYS = new Set(['verifiableCredential', 'endorsement', 'endorsementJwt']);
const ENDORSEMENT_KEYS = new Set(['endorsement', 'endorsementJwt']);
const SKIP_KEYS = new Set(['proof', '@context']);

/** Typed by `type` or `@type`, or by both (JSON-LD merges them): either may name it. */
const isCredentialObject = (v: JsonObject): boolean => {
  const types = [...typesOf(v), ...typesOf({ type: v['@type'] ?? null })];
  return types.includes('VerifiableCredential') || types.includes('EnvelopedVerifiableCredential');
};

/** The credentials a credential holds, in document order, at most MAX_INNER; `more` counts the rest. */
export function embeddedItems(outer: JsonObject): { items: EmbeddedItem[]; more: number } {
  const items: EmbeddedItem[] = [];
  let more = 0;
  const add = (path: string, kind: InnerKind, item: JsonValue) => {
    if (items.length < MAX_INNER) items.push({ path, kind, item });
    else more++;
  };
  const visit = (value: JsonValue, path: string, key: string, endorsement: boolean, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, `${path}[${i}]`, key, endorsement, depth + 1));
      return;
    }
    if (typeof value === 'string') {
      if (JWS_KEYS.has(key) && JWS_PATTERN.test(value.trim())) add(path, endorsement ? 'endorsement' : 'credential', value);
      return;
    }
    if (!isJsonObject(value)) return;
    if (isCredentialObject(value)) {
      add(path, endorsement || typesOf(value).includes('EndorsementCredential') ? 'endorsement' : 'credential', value);
      return; // one level only: what it holds is not searched
    }
    visitMembers(value, `${path}.`, endorsement, depth);
  };
  const visitMembers = (object: JsonObject, prefix: string, endorsement: boolean, depth: number): void => {
    for (const [k, v] of Object.entries(object)) {
      if (!SKIP_KEYS.has(k)) visit(v, `${prefix}${k}`, k, endorsement || ENDORSEMENT_KEYS.has(k), depth + 1);
    }
  };
  visitMembers(outer, '', false, 0); // the outer credential is searched, never counted as one inside itself
  return { items, more };
}

/** What verifying one credential gives (the pipeline's `verifyCredential`). */
export interface Verified<V> {
  readonly verification: V;
  readonly reading?: CredentialReading;
}

/** A credential inside another, verified on its own. */
export type InnerOutcome<V> =
  | { readonly path: string; readonly kind: InnerKind; readonly parsed: ParsedCredential; readonly verified: Verified<V> }
  | { readonly path: string; readonly kind: InnerKind; readonly error: { readonly code: ErrorCode; readonly message: string } };

/**
 * Verify every credential `outer` holds, each on its own, with `verify` (the pipeline). An
 * endorsement is not issued to the learner: the recipient the user gave is not compared with it.
 * Never throws.
 */
export async function verifyEmbedded<V>(
  outer: JsonObject,
  env: VerifyEnv,
  verify: (parsed: ParsedCredential, env: VerifyEnv) => Promise<Verified<V>>,
): Promise<{ inner: InnerOutcome<V>[]; skipped: number }> {
  const { items, more } = embeddedItems(outer);
  const { recipient: _recipient, ...withoutRecipient } = env;
  const inner: InnerOutcome<V>[] = [];
  for (const [i, { path, kind, item }] of items.entries()) {
    let parsed: ParsedCredential;
    try {
      parsed = parseEmbedded(item, i);
    } catch (e) {
      inner.push({ path, kind, error: { code: isTsumikiError(e) ? e.code : 'NOT_A_CREDENTIAL', message: e instanceof Error ? e.message : String(e) } });
      continue;
    }
    inner.push({ path, kind, parsed, verified: await verify(parsed, kind === 'endorsement' ? withoutRecipient : env) });
  }
  return { inner, skipped: more };
}
