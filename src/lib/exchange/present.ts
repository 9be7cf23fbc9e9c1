/**
 * Answer a verifier: read its request (OpenID4VP 1.0 or a VC-API exchange), say who asks and what
 * for, match the learner's credentials, and — once the learner chose — build one presentation per
 * answer, signed by the device key for the verifier's nonce/challenge and audience/domain, and post
 * it. A credential that does not verify is never sent: the whole answer is refused before
 * anything is posted (PRESENT_NOT_VERIFIED).
 */
import { TsumikiError } from '../errors.ts';
import type { JsonObject, JsonValue } from '../model/credential.ts';
import { deriveDisclosure, disclosureOf } from '../share/disclosure.ts';
import { signPresentation, type DeviceKey } from '../share/holder.ts';
import { presentedItem, VC_V2_CONTEXT } from '../share/share.ts';
import { claimPathsOf, isSendable, matchDcql, matchExample, refusalOf, requiredQueryIds, type Holding } from './match.ts';
import { answerOpenid4vp, readOpenid4vpRequest, type Openid4vpRequest } from './openid4vp.ts';
import { isOpenid4vpRequest } from './request-text.ts';
import { answerVcApi, isHttpUrl, readVcApiRequest, type VcApiRequest } from './vcapi-present.ts';
import type { PlatformFetch, VerifierAnswer } from './verifier.ts';

export type VerifierRequest = Openid4vpRequest | VcApiRequest;

/** Read a verifier's request from a scanned, pasted or linked text. Throws coded errors; nothing is sent. */
export async function readVerifierRequest(text: string, platform?: PlatformFetch): Promise<VerifierRequest> {
  const t = text.trim();
  if (isOpenid4vpRequest(t)) return readOpenid4vpRequest(t, platform);
  if (isHttpUrl(t)) return readVcApiRequest(t, platform);
  throw new TsumikiError('PRESENT_REQUEST_INVALID', 'not a verifier’s request: expected an openid4vp:// request or a VC-API interaction URL');
}

/** One thing the verifier asks for, and the learner's credentials that answer it. */
export interface Ask {
  /** The DCQL credential query id, or `qbe-<n>` for a VC-API QueryByExample. */
  readonly id: string;
  /** Alternatives, each a set of types that must all be present (DCQL `type_values`; a VC-API example's types). */
  readonly types: readonly (readonly string[])[];
  /** The claims the verifier asks to see (DCQL claim paths); empty: the whole credential. */
  readonly claims: readonly (readonly (string | number | null)[])[];
  /** The verifier's words for why (a claim). */
  readonly reason: string | null;
  /** Whether a complete answer needs it. */
  readonly required: boolean;
  /** Whether several credentials may answer it. */
  readonly multiple: boolean;
  /** Indices into the holdings, the sendable ones first. */
  readonly candidates: readonly number[];
}

export interface AnswerPlan {
  readonly request: VerifierRequest;
  readonly asks: readonly Ask[];
  /** A signed presentation proving control of the device's DID is asked, with or without credentials. */
  readonly didAuthentication: boolean;
}

/** What the verifier asks for and which holdings match each ask. */
export function planAnswer(request: VerifierRequest, holdings: readonly Holding[]): AnswerPlan {
  if (request.protocol === 'vc-api') {
    const asks = request.queries.map((q): Ask => ({ id: q.id, types: q.types.length ? [q.types] : [], claims: [], reason: q.reason, required: true, multiple: false, candidates: matchExample(q.example, holdings) }));
    return { request, asks, didAuthentication: request.didAuthentication };
  }
  const match = matchDcql(request.dcql, holdings);
  let required: Set<string>;
  try {
    required = new Set(requiredQueryIds(match));
  } catch {
    // Nothing complete can be answered; each ask still says what it needs.
    required = new Set(request.dcql.credential_sets ? request.dcql.credential_sets.filter((s) => s.required !== false).flatMap((s) => s.options[0] ?? []) : request.dcql.credentials.map((c) => c.id));
  }
  const asks = request.dcql.credentials.map((c): Ask => ({
    id: c.id,
    types: c.meta && 'type_values' in c.meta ? c.meta.type_values : [],
    claims: claimPathsOf(request.dcql, c.id),
    reason: null,
    required: required.has(c.id),
    multiple: c.multiple,
    candidates: match.candidates[c.id] ?? [],
  }));
  return { request, asks, didAuthentication: false };
}

/** Ask id → the chosen holdings (indices). */
export type Choice = Readonly<Record<string, readonly number[]>>;

/**
 * The choice the CLI makes: for every ask a complete answer needs, its first candidate (the
 * sendable ones come first). PRESENT_NOTHING_MATCHES when one has none.
 */
export function firstChoice(plan: AnswerPlan, holdings: readonly Holding[]): Choice {
  if (plan.request.protocol === 'openid4vp') requiredQueryIds(matchDcql(plan.request.dcql, holdings)); // throws what is missing
  const choice: Record<string, number[]> = {};
  for (const ask of plan.asks) {
    const first = ask.candidates[0];
    if (first === undefined) {
      if (ask.required) throw new TsumikiError('PRESENT_NOTHING_MATCHES', `no credential given matches what the verifier asks for: ${ask.id}${ask.types.length ? ` (${ask.types.map((t) => t.join(' + ')).join(' | ')})` : ''}`, { data: { queries: [ask.id] } });
      continue;
    }
    if (ask.required) choice[ask.id] = [first];
  }
  return choice;
}

const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** The optional ecdsa-sd-2023 fields a DCQL claim path covers (a `null` step: every array index). */
function pointersFor(paths: Ask['claims'], optional: readonly string[]): string[] {
  if (paths.length === 0) return [...optional];
  const patterns = paths.map((path) => new RegExp('^' + path.map((step) => '/' + (step === null ? '\\d+' : escapePointer(String(step)).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('') + '(?:/|$)'));
  return optional.filter((p) => patterns.some((re) => re.test(p)));
}

/**
 * What is put in the presentation for one holding: the credential as issued, or for an
 * ecdsa-sd-2023 base proof (which only its holder can use) a derived proof disclosing the
 * mandatory fields and `selected` (default: the claims asked, or every field when none are named).
 */
async function itemFor(h: Holding, claims: Ask['claims'], selected: readonly string[] | undefined): Promise<JsonObject> {
  const disclosure = disclosureOf(h.parsed);
  if (disclosure.mode !== 'selective') return presentedItem(h.parsed);
  return deriveDisclosure(h.parsed.credential, selected ?? pointersFor(claims, disclosure.optional));
}

async function signedPresentation(items: readonly JsonObject[], key: DeviceKey, challenge: string, domain: string, created?: Date): Promise<JsonObject> {
  const seen = new Set<string>();
  const unique = items.filter((item) => {
    const k = JSON.stringify(item);
    return !seen.has(k) && seen.add(k);
  });
  const vp: JsonObject = { '@context': [VC_V2_CONTEXT], type: ['VerifiablePresentation'], ...(unique.length ? { verifiableCredential: unique as JsonValue[] } : {}) };
  return signPresentation(vp, key, { challenge, domain, ...(created ? { created } : {}) });
}

export interface AnswerOptions {
  /** Holding index → the optional fields to disclose (JSON pointers from `disclosureOf(…).optional`). */
  readonly disclose?: Readonly<Record<number, readonly string[]>>;
  readonly created?: Date;
}

export interface AnswerResult {
  /** How many credentials were sent. */
  readonly sent: number;
  readonly answer: VerifierAnswer;
}

/** Refuse the whole answer when a chosen credential does not verify (nothing is posted). */
function assertSendable(choice: Choice, holdings: readonly Holding[]): Holding[] {
  const chosen = [...new Set(Object.values(choice).flat())].map((i) => {
    const h = holdings[i];
    if (!h) throw new TsumikiError('INTERNAL', `no credential at ${i}`);
    return h;
  });
  const bad = chosen.filter((h) => !isSendable(h));
  if (bad.length > 0) {
    throw new TsumikiError('PRESENT_NOT_VERIFIED', `not sent: ${bad.map((h) => `${h.key} does not verify (${refusalOf(h.verification) ?? ''}; verdict ${h.verification.verdict})`).join('; ')}`, { data: { keys: bad.map((h) => h.key) } });
  }
  return chosen;
}

/**
 * Build, sign and post the answer for the chosen holdings. OpenID4VP: one presentation per
 * credential query (`vp_token` = `{"<id>": [<presentation>]}`), each with the nonce as challenge
 * and the full `client_id` as domain. VC-API: one presentation with every chosen credential (or
 * none, for DID authentication alone), the challenge and the exchange's origin as domain.
 */
export async function sendAnswer(plan: AnswerPlan, choice: Choice, holdings: readonly Holding[], key: DeviceKey, platform: PlatformFetch, options: AnswerOptions = {}): Promise<AnswerResult> {
  const chosen = assertSendable(choice, holdings);
  const asks = new Map(plan.asks.map((a) => [a.id, a]));
  const items = async (id: string) => Promise.all((choice[id] ?? []).map((i) => itemFor(holdings[i] as Holding, asks.get(id)?.claims ?? [], options.disclose?.[i]))); // why: indices checked by assertSendable
  const request = plan.request;
  if (request.protocol === 'openid4vp') {
    const ids = Object.keys(choice).filter((id) => (choice[id]?.length ?? 0) > 0);
    if (ids.length === 0) throw new TsumikiError('PRESENT_NOTHING_MATCHES', 'no credential was chosen');
    const vpToken: Record<string, JsonObject[]> = {};
    for (const id of ids) vpToken[id] = [await signedPresentation(await items(id), key, request.nonce, request.clientId, options.created)];
    return { sent: chosen.length, answer: await answerOpenid4vp(request, vpToken, platform) };
  }
  if (chosen.length === 0 && !request.didAuthentication) throw new TsumikiError('PRESENT_NOTHING_MATCHES', 'no credential was chosen');
  const all = (await Promise.all(Object.keys(choice).map(items))).flat();
  const vp = await signedPresentation(all, key, request.challenge, request.domain, options.created);
  return { sent: chosen.length, answer: await answerVcApi(request, vp, platform) };
}
