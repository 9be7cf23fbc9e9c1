/**
 * Reading a trust list from bytes. A W3C RecognizedEntityCredential is verified by Tsumiki's own
 * verifier and accepted only when its proof holds, its key is its issuer's, and it is valid now;
 * anything less is refused with a code, never used. A DCC issuer registry is plain JSON: it is
 * accepted because the user chose it, and is marked unsigned wherever it is named.
 */
import { isTsumikiError } from '../errors.ts';
import { asArray, idOf, isJsonObject, parseJsonObject, typesOf } from '../formats/json.ts';
import type { JsonObject, JsonValue } from '../model/credential.ts';
import type { Check } from '../model/verification.ts';
import type { VerifyEnv } from '../verify/env.ts';
import { verifyBytes } from '../verify/pipeline.ts';
import { vcInstant, isoOf } from '../verify/reading/dates.ts';
import type { TrustEntry, TrustList } from './model.ts';
import { nameStrings, namesByLanguage } from './names.ts';

export const TRUST_LIST_ERRORS = [
  'TRUST_LIST_UNREADABLE', //    not JSON, or neither a RecognizedEntityCredential nor a DCC registry
  'TRUST_LIST_NOT_VERIFIED', //  its proof, its key or its structure did not verify
  'TRUST_LIST_NEEDS_NETWORK', // its publisher's key must be fetched first (online)
  'TRUST_LIST_EXPIRED', //       past its validUntil
  'TRUST_LIST_NOT_YET_VALID', // before its validFrom
  'TRUST_LIST_EMPTY', //         it names no issuer
] as const;
export type TrustListErrorCode = (typeof TRUST_LIST_ERRORS)[number];

export type TrustListResult = { readonly ok: true; readonly list: TrustList } | { readonly ok: false; readonly code: TrustListErrorCode; readonly message: string };

/** Most entries read from one list. */
export const MAX_TRUST_ENTRIES = 5000;

const refuse = (code: TrustListErrorCode, message: string): TrustListResult => ({ ok: false, code, message });

function text(v: JsonValue | undefined): string | undefined {
  return nameStrings(v)[0];
}

function registryList(doc: JsonObject, source: string): TrustListResult {
  const registry = doc.registry;
  if (!isJsonObject(registry)) return refuse('TRUST_LIST_UNREADABLE', 'a registry without entries');
  const meta = isJsonObject(doc.meta) ? doc.meta : {};
  const entries: TrustEntry[] = Object.entries(registry)
    .slice(0, MAX_TRUST_ENTRIES)
    .flatMap(([id, e]) => {
      if (!isJsonObject(e) || !/^(did:|https?:\/\/)/.test(id)) return [];
      // Every name it is given, a language map included (`{"ja": "東京大学", "en": "The University of Tokyo"}`).
      const url = text(e.url);
      return [{ id, names: nameStrings(e.name), namesByLang: namesByLanguage(e.name), ...(url ? { url } : {}), recognizedFor: [] }];
    });
  if (entries.length === 0) return refuse('TRUST_LIST_EMPTY', 'the registry names no issuer');
  const asOf = typeof meta.updated === 'string' ? meta.updated : typeof meta.created === 'string' ? meta.created : null;
  return { ok: true, list: { kind: 'dcc-registry', id: source, publisher: { id: null, name: null }, signed: false, asOf, validFrom: null, validUntil: null, entries } };
}

function entryOf(subject: JsonObject): TrustEntry | undefined {
  const id = idOf(subject.id);
  if (!id) return undefined;
  const names = [...nameStrings(subject.name), ...nameStrings(subject.legalName)];
  const url = idOf(asArray(subject.url)[0]);
  const recognizedFor = asArray(subject.recognizedTo).flatMap((r) => (isJsonObject(r) ? nameStrings(r.action ?? r.type) : nameStrings(r)));
  return { id, names, namesByLang: { ...namesByLanguage(subject.legalName), ...namesByLanguage(subject.name) }, ...(url ? { url } : {}), recognizedFor };
}

const failedCheck = (checks: readonly Check[], id: Check['id']) => checks.find((c) => c.id === id && c.outcome !== 'passed');

/**
 * A trust list from its bytes. `source` names it when it has no id of its own (a file name or URL).
 * `env` is the environment it is verified in (its clock, the network if the user allowed it).
 */
export async function readTrustList(bytes: Uint8Array, source: string, env: VerifyEnv): Promise<TrustListResult> {
  let doc: JsonObject;
  try {
    doc = parseJsonObject(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    return refuse('TRUST_LIST_UNREADABLE', isTsumikiError(e) ? e.message : 'not a JSON document');
  }
  if (isJsonObject(doc.registry) && isJsonObject(doc.meta)) return registryList(doc, source);
  if (!typesOf(doc).includes('VerifiableCredential')) return refuse('TRUST_LIST_UNREADABLE', 'neither a RecognizedEntityCredential nor a DCC issuer registry');
  // A list is verified without any trust list of its own: who publishes it is what the user chose.
  const result = await verifyBytes(bytes, { ...env, trust: undefined, recipient: undefined });
  const found = result.credentials[0];
  if (result.error || !found || result.credentials.length !== 1) return refuse('TRUST_LIST_UNREADABLE', result.error?.message ?? 'not one credential');
  const { verification, reading } = found;
  if (!reading || !typesOf(reading.document).includes('RecognizedEntityCredential')) return refuse('TRUST_LIST_UNREADABLE', 'not a RecognizedEntityCredential');
  const checks = verification.checks;
  const validity = failedCheck(checks, 'validity-period');
  if (validity?.code === 'EXPIRED') return refuse('TRUST_LIST_EXPIRED', `the list expired on ${String(validity.data?.validUntil ?? '')}`);
  if (validity?.code === 'NOT_YET_VALID') return refuse('TRUST_LIST_NOT_YET_VALID', `the list is valid from ${String(validity.data?.validFrom ?? '')}`);
  for (const id of ['structure', 'proof', 'issuer-key', 'validity-period'] as const) {
    const bad = failedCheck(checks, id);
    if (!bad) continue;
    if (bad.outcome === 'not-checked' && bad.reason === 'offline') return refuse('TRUST_LIST_NEEDS_NETWORK', `${id}: ${bad.code} (check it online first)`);
    return refuse('TRUST_LIST_NOT_VERIFIED', `${id}: ${bad.code}`);
  }
  const status = failedCheck(checks, 'status');
  if (status?.outcome === 'failed') return refuse('TRUST_LIST_NOT_VERIFIED', `status: ${status.code}`);
  const document = reading.document;
  const entries = asArray(document.credentialSubject).filter(isJsonObject).slice(0, MAX_TRUST_ENTRIES).flatMap((s) => entryOf(s) ?? []);
  if (entries.length === 0) return refuse('TRUST_LIST_EMPTY', 'the list names no entity');
  const validFrom = isoOf(vcInstant(document.validFrom));
  return {
    ok: true,
    list: {
      kind: 'recognized-entities',
      id: idOf(document.id) ?? source,
      publisher: { id: reading.badge.issuer.id, name: reading.badge.issuer.name },
      signed: true,
      asOf: validFrom,
      validFrom,
      validUntil: isoOf(vcInstant(document.validUntil)),
      entries,
    },
  };
}
