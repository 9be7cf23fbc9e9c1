/**
 * Which of the learner's credentials answer a verifier's request, and whether each may be sent.
 *
 * Every credential is verified first (the same pipeline as `tsumiki verify`) and matched on its
 * one reading, never on its JSON layout: a DCQL query (OpenID4VP 1.0 §6) names fully expanded type
 * IRIs (`type_values`), matched against the class IRIs of the reading's root node in the signed
 * graph; its claim paths are looked up in the reading. A VC-API `QueryByExample` names types as
 * terms or IRIs, matched against the reading's terms and the expanded IRIs alike. Matching is the
 * `dcql` library's (OpenWallet Foundation); this file only feeds it.
 */
import { DcqlQuery, type DcqlQueryResult } from 'dcql';
import { TsumikiError } from '../errors.ts';
import { asArray, isJsonObject, typesOf } from '../formats/json.ts';
import type { JsonObject, JsonValue, ParsedCredential } from '../model/credential.ts';
import type { CredentialReading } from '../model/reading.ts';
import { deriveDisclosure, disclosureOf } from '../share/disclosure.ts';
import type { VerifyEnv } from '../verify/env.ts';
import { verifyCredential, type Verification } from '../verify/pipeline.ts';
import { isOb2Format, quadsOf, unsecured } from '../verify/reading/index.ts';
import { rootTypeIris, VC_CLASS } from '../verify/reading/graph.ts';

/** One credential the learner could send, verified, with its reading and expanded types. */
export interface Holding {
  /** The caller's name for it: a file (and index in a presentation), a stored badge id. */
  readonly key: string;
  readonly parsed: ParsedCredential;
  readonly verification: Verification;
  readonly reading?: CredentialReading;
  /** The class IRIs of the reading's root node; empty when it has no graph (OB 2.0) or cannot be read. */
  readonly typeIris: readonly string[];
}

/**
 * An ecdsa-sd-2023 base proof is for its holder only: no verifier can check it. What the verifier
 * will check is a proof derived from it, so that is what is verified (every optional field disclosed).
 */
async function asVerifiable(parsed: ParsedCredential): Promise<ParsedCredential> {
  const disclosure = disclosureOf(parsed);
  if (disclosure.mode !== 'selective') return parsed;
  try {
    return { ...parsed, credential: await deriveDisclosure(parsed.credential, disclosure.optional) };
  } catch {
    return parsed; // the base proof itself is then verified, and refused
  }
}

/** Verify a credential and read its expanded types. Never throws. */
export async function holdingOf(key: string, parsed: ParsedCredential, env: VerifyEnv): Promise<Holding> {
  const checked = await asVerifiable(parsed);
  const { verification, reading } = await verifyCredential(checked, env);
  let typeIris: string[] = [];
  if (reading && !isOb2Format(parsed.format)) {
    try {
      const written = checked.credential.id ?? checked.credential['@id'];
      typeIris = rootTypeIris(await quadsOf(unsecured(checked.credential), checked.jws === undefined), VC_CLASS, typeof written === 'string' ? written : undefined);
    } catch {
      typeIris = [];
    }
  }
  return { key, parsed, verification, ...(reading ? { reading } : {}), typeIris };
}

/**
 * Why a credential may not be sent, or undefined when it may: its own proof must have passed and
 * no check may have failed (tampered, wrong key, expired, revoked, a forged issuer). A check that
 * could not be made offline (status, an issuer nobody vouches for) does not stop it: the verifier
 * checks those itself.
 */
export function refusalOf(verification: Verification): string | undefined {
  const failed = verification.checks.find((c) => c.outcome === 'failed');
  if (failed) return `${failed.id}: ${failed.code}`;
  const proof = verification.checks.find((c) => c.id === 'proof');
  if (!proof || proof.outcome !== 'passed') return `proof: ${proof?.code ?? 'NOT_CHECKED'}`;
  return undefined;
}

export const isSendable = (h: Holding): boolean => refusalOf(h.verification) === undefined;

/** Only Data Integrity credentials are answered (in a Data Integrity signed presentation): DCQL `ldp_vc`. */
const isLdp = (h: Holding) => h.parsed.jws === undefined && !isOb2Format(h.parsed.format) && h.reading !== undefined && h.typeIris.length > 0;

/** A DCQL query, parsed and checked by the dcql library; PRESENT_REQUEST_INVALID otherwise. */
export function parseDcql(query: unknown): DcqlQuery.Output {
  try {
    const parsed = DcqlQuery.parse(query as DcqlQuery.Input); // why: parse validates the shape
    DcqlQuery.validate(parsed);
    return parsed;
  } catch (e) {
    throw new TsumikiError('PRESENT_REQUEST_INVALID', `the DCQL query is not valid: ${e instanceof Error ? e.message.slice(0, 300) : String(e)}`, { cause: e });
  }
}

/** For each credential query id, the holdings that match it (indices into `holdings`), sendable ones first. */
export interface DcqlMatch {
  readonly query: DcqlQuery.Output;
  readonly result: DcqlQueryResult;
  readonly candidates: Readonly<Record<string, readonly number[]>>;
}

export function matchDcql(query: DcqlQuery.Output, holdings: readonly Holding[]): DcqlMatch {
  const offered = holdings.map((h, i) => [h, i] as const).filter(([h]) => isLdp(h));
  const credentials = offered.map(([h]) => ({
    credential_format: 'ldp_vc' as const,
    type: [...h.typeIris],
    claims: h.reading?.document as Record<string, never>, // why: the reading is JSON; dcql types claims as its Json
    cryptographic_holder_binding: true,
  }));
  const result = DcqlQuery.query(query, credentials as Parameters<typeof DcqlQuery.query>[1]); // why: built to the W3C VC shape dcql expects
  const candidates: Record<string, number[]> = {};
  for (const [id, match] of Object.entries(result.credential_matches)) {
    const found = !match.success ? [] : match.valid_credentials.map((v) => (offered[v.input_credential_index] as (typeof offered)[number])[1]); // why: the index is into `credentials`, built from `offered`
    candidates[id] = sendableFirst(found, holdings);
  }
  return { query, result, candidates };
}

function sendableFirst(indices: readonly number[], holdings: readonly Holding[]): number[] {
  return [...indices].sort((a, b) => Number(!isSendable(holdings[a] as Holding)) - Number(!isSendable(holdings[b] as Holding))); // why: indices come from holdings
}

/**
 * The credential query ids a complete answer needs: every query, or with `credential_sets` the
 * first satisfiable option of each required set (and of an optional one when it is satisfiable).
 * PRESENT_NOTHING_MATCHES when a required one cannot be answered.
 */
export function requiredQueryIds(match: DcqlMatch): string[] {
  const has = (id: string) => (match.candidates[id]?.length ?? 0) > 0;
  const sets = match.query.credential_sets;
  if (!sets) {
    const missing = match.query.credentials.filter((c) => !has(c.id)).map((c) => c.id);
    if (missing.length > 0) throw nothingMatches(missing, match);
    return match.query.credentials.map((c) => c.id);
  }
  const ids = new Set<string>();
  for (const set of sets) {
    const option = set.options.find((o) => o.every(has));
    if (option) option.forEach((id) => ids.add(id));
    else if (set.required !== false) throw nothingMatches(set.options.flat(), match);
  }
  return [...ids];
}

function nothingMatches(ids: readonly string[], match: DcqlMatch): TsumikiError {
  const wanted = match.query.credentials.filter((c) => ids.includes(c.id)).map((c) => `${c.id} (${c.format}${c.meta && 'type_values' in c.meta ? `: ${c.meta.type_values.map((t) => t.join(' + ')).join(' | ')}` : ''})`);
  return new TsumikiError('PRESENT_NOTHING_MATCHES', `no credential given matches what the verifier asks for: ${[...new Set(wanted)].join('; ')}`, { data: { queries: [...ids] } });
}

/** The DCQL claim paths a credential query asks to see (none: the whole credential). */
export function claimPathsOf(query: DcqlQuery.Output, id: string): (string | number | null)[][] {
  const q = query.credentials.find((c) => c.id === id);
  return (q?.claims ?? []).flatMap((c) => ('path' in c ? [c.path as (string | number | null)[]] : []));
}

// --- VC-API Verifiable Presentation Request (VPR) QueryByExample

/** A type is matched as a term (`OpenBadgeCredential`) against the reading, or as an IRI against the graph. */
function hasType(h: Holding, type: string): boolean {
  const terms = h.reading ? typesOf(h.reading.document) : [];
  return terms.includes(type) || h.typeIris.includes(type);
}

/** The types a QueryByExample `example.type` asks for (a string or an array of strings). */
export function exampleTypes(example: JsonValue | undefined): string[] {
  if (!isJsonObject(example)) return [];
  return asArray(example.type).filter((t): t is string => typeof t === 'string' && t !== '');
}

/** Holdings (indices) carrying every type of the example, sendable first; no type asked: every Data Integrity holding. */
export function matchExample(example: JsonObject, holdings: readonly Holding[]): number[] {
  const types = exampleTypes(example);
  const found = holdings.map((h, i) => [h, i] as const).filter(([h]) => isLdp(h) && types.every((t) => hasType(h, t))).map(([, i]) => i);
  return sendableFirst(found, holdings);
}
