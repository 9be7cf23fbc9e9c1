/**
 * Answering a VC-API verifier (W3C CCG VC-API exchanges; Verifiable Presentation Request 2024):
 * the interaction URL is fetched with `Accept: application/json` and names the exchange
 * (`protocols.vcapi`); an empty POST to the exchange returns a `verifiablePresentationRequest`
 * with `QueryByExample` (Open Badge types, `example.type` a string or an array) and/or
 * `DIDAuthentication` queries and a challenge. The presentation is signed for that challenge and
 * for the exchange's origin as its domain (what the wallet can prove about the verifier), and
 * posted as `{"verifiablePresentation": …}`; the verifier answers 2xx when it accepts it.
 */
import { TsumikiError } from '../errors.ts';
import { asArray, isJsonObject } from '../formats/json.ts';
import type { JsonObject, JsonValue } from '../model/credential.ts';
import { exampleTypes } from './match.ts';
import { fetchJson, postJson } from './http.ts';
import { answerOf, verifierFetch, type PlatformFetch, type VerifierAnswer, type VerifierIdentity } from './verifier.ts';

/** One QueryByExample credential query. */
export interface ExampleQuery {
  /** `qbe-<n>`: the position among the request's credential queries. */
  readonly id: string;
  readonly example: JsonObject;
  /** The verifier's words for why it asks (a claim). */
  readonly reason: string | null;
  /** The types asked for (terms or IRIs). */
  readonly types: readonly string[];
}

export interface VcApiRequest {
  readonly protocol: 'vc-api';
  readonly verifier: VerifierIdentity;
  readonly exchangeUrl: string;
  readonly challenge: string;
  /** The exchange's origin: the presentation's domain. */
  readonly domain: string;
  readonly queries: readonly ExampleQuery[];
  /** The verifier asks the holder to prove control of a DID (a signed presentation, with or without credentials). */
  readonly didAuthentication: boolean;
}

const JSON_HEADERS = { Accept: 'application/json', 'Content-Type': 'application/json' };

/** Whether text is an http(s) URL (a VC-API interaction URL, once it is not an OpenID4VP request). */
export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text.trim());
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

function exchangeUrlOf(interaction: JsonValue, base: string): string {
  const protocols = isJsonObject(interaction) ? interaction.protocols : undefined;
  const vcapi = isJsonObject(protocols) ? protocols.vcapi : undefined;
  if (typeof vcapi !== 'string') throw new TsumikiError('PRESENT_UNSUPPORTED', 'the interaction offers no VC-API exchange (protocols.vcapi)');
  try {
    return new URL(vcapi, base).href;
  } catch {
    throw new TsumikiError('PRESENT_REQUEST_INVALID', `protocols.vcapi is not a URL: ${vcapi.slice(0, 200)}`);
  }
}

function queriesOf(vpr: JsonObject): { queries: ExampleQuery[]; didAuthentication: boolean } {
  const queries: ExampleQuery[] = [];
  let didAuthentication = false;
  for (const q of asArray(vpr.query)) {
    if (!isJsonObject(q)) throw new TsumikiError('PRESENT_REQUEST_INVALID', 'a query of the presentation request is not an object');
    if (q.type === 'DIDAuthentication') {
      didAuthentication = true;
      continue;
    }
    if (q.type !== 'QueryByExample') throw new TsumikiError('PRESENT_UNSUPPORTED', `query type ${String(q.type).slice(0, 80)} is not supported (QueryByExample and DIDAuthentication are)`);
    for (const cq of asArray(q.credentialQuery)) {
      const example = isJsonObject(cq) ? cq.example : undefined;
      if (!isJsonObject(cq) || !isJsonObject(example)) throw new TsumikiError('PRESENT_REQUEST_INVALID', 'a QueryByExample credential query has no example');
      const reason = typeof cq.reason === 'string' ? cq.reason.slice(0, 500) : null;
      queries.push({ id: `qbe-${queries.length}`, example, reason, types: exampleTypes(example) });
    }
  }
  if (queries.length === 0 && !didAuthentication) throw new TsumikiError('PRESENT_REQUEST_INVALID', 'the presentation request asks for nothing');
  return { queries, didAuthentication };
}

/** Fetch the interaction, open the exchange and read its presentation request. Throws coded errors; nothing is sent. */
export async function readVcApiRequest(interactionUrl: string, platform?: PlatformFetch): Promise<VcApiRequest> {
  const url = interactionUrl.trim();
  const door = (step: 'interaction' | 'exchange') => ({ peer: 'verifier' as const, step, ...(platform ? { fetch: platform } : {}) });
  const interaction = await fetchJson(url, { method: 'GET', headers: { Accept: 'application/json' } }, door('interaction'));
  const exchangeUrl = exchangeUrlOf(interaction.json, url);
  const opened = await postJson(exchangeUrl, {}, door('exchange'));
  const request = isJsonObject(opened.json) ? opened.json.verifiablePresentationRequest : undefined;
  if (!isJsonObject(request)) throw new TsumikiError('PRESENT_REQUEST_INVALID', 'the exchange did not answer a verifiablePresentationRequest');
  if (typeof request.challenge !== 'string' || request.challenge === '') throw new TsumikiError('PRESENT_REQUEST_INVALID', 'the presentation request has no challenge');
  const origin = new URL(exchangeUrl).origin;
  return {
    protocol: 'vc-api',
    verifier: { proven: { kind: 'origin', value: origin }, answersTo: origin, claimedName: null, logoUri: null },
    exchangeUrl,
    challenge: request.challenge,
    domain: origin,
    ...queriesOf(request),
  };
}

/** Post the signed presentation to the exchange and read the verifier's answer. */
export async function answerVcApi(request: VcApiRequest, vp: JsonObject, platform?: PlatformFetch): Promise<VerifierAnswer> {
  return answerOf(await verifierFetch(request.exchangeUrl, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify({ verifiablePresentation: vp }) }, 'response', platform));
}
