/**
 * VC-API exchanges, as the DCC Learner Credential Wallet speaks them (`app/lib/exchanges.ts`): the
 * interaction URL (`…?iuv=1`) answers a GET with `Accept: application/json` by
 * `{"protocols": {"vcapi": "<exchange URL>"}}`; the wallet POSTs `{}` to the exchange; the exchange
 * either hands over a presentation at once or asks a `verifiablePresentationRequest` with a
 * `DIDAuthentication` query, which the wallet answers with `{"verifiablePresentation": <DID-Auth VP>}`
 * signed with its challenge and, as domain, the exchange's origin; the answer's
 * `verifiablePresentation` holds the credentials. A request for other credentials (QueryByExample)
 * before issuing is not answered here.
 */
import { TsumikiError } from '../errors.ts';
import { asArray, isJsonObject } from '../formats/json.ts';
import type { JsonObject, JsonValue } from '../model/credential.ts';
import type { DeviceKey } from '../share/holder.ts';
import { credentialsIn } from './answer.ts';
import { didAuthPresentation } from './did-auth.ts';
import { checkExchangeUrl, fetchJson, postJson } from './http.ts';
import type { ClaimOffer, ReceivedCredential } from './offer.ts';

/** Exchanges may take a few rounds; a peer that keeps asking is stopped. */
const MAX_ROUNDS = 5;
const DID_AUTH = new Set(['DIDAuthentication', 'DIDAuth']);

interface State {
  readonly exchangeUrl: string;
}

/** GET the interaction URL and find its VC-API exchange. */
export async function openVcApiInteraction(uri: string): Promise<ClaimOffer> {
  const interaction = checkExchangeUrl(uri.trim(), 'interaction');
  const { json } = await fetchJson(interaction, { headers: { accept: 'application/json' } }, { peer: 'issuer', step: 'interaction' });
  const protocols = isJsonObject(json) ? json.protocols : undefined;
  const vcapi = isJsonObject(protocols) ? protocols.vcapi : undefined;
  if (typeof vcapi !== 'string') {
    throw new TsumikiError('EXCHANGE_BAD_RESPONSE', `interaction: ${interaction.origin} offers no VC-API exchange (no protocols.vcapi)`, { data: { step: 'interaction', url: interaction.origin } });
  }
  const exchange = checkExchangeUrl(new URL(vcapi, interaction), 'exchange');
  const state: State = { exchangeUrl: exchange.href };
  return { protocol: 'vc-api', offering: { origin: exchange.origin }, items: [], skipped: [], state };
}

function queriesOf(vpr: JsonObject): JsonObject[] {
  return asArray(vpr.query).filter(isJsonObject);
}

export async function collectVcApi(offer: ClaimOffer, key: DeviceKey): Promise<ReceivedCredential[]> {
  const { exchangeUrl } = offer.state as State;
  const origin = new URL(exchangeUrl).origin;
  let url = exchangeUrl;
  let body: JsonValue = {};
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const { json } = await postJson(url, body, { peer: 'issuer', step: 'exchange' });
    if (!isJsonObject(json)) throw new TsumikiError('EXCHANGE_BAD_RESPONSE', `exchange: ${origin} answered something other than an object`, { data: { step: 'exchange', url: origin } });
    if (json.verifiablePresentation !== undefined) return credentialsIn(json.verifiablePresentation, 'exchange', origin);
    const vpr = json.verifiablePresentationRequest;
    if (!isJsonObject(vpr)) throw new TsumikiError('EXCHANGE_BAD_RESPONSE', `exchange: ${origin} neither sent credentials nor asked anything`, { data: { step: 'exchange', url: origin } });
    const queries = queriesOf(vpr);
    const other = queries.map((q) => q.type).filter((t) => typeof t !== 'string' || !DID_AUTH.has(t));
    if (queries.length === 0 || other.length > 0) {
      throw new TsumikiError('EXCHANGE_REFUSED', `exchange: ${origin} asks for ${other.map(String).join(', ') || 'nothing this wallet can answer'} before issuing; only DIDAuthentication is answered when collecting a badge`, { data: { step: 'exchange', url: origin, error: 'unsupported_query' } });
    }
    const challenge = typeof vpr.challenge === 'string' ? vpr.challenge : undefined;
    const vp = await didAuthPresentation(key, { ...(challenge !== undefined ? { challenge } : {}), domain: origin });
    const service = asArray(isJsonObject(vpr.interact) ? vpr.interact.service : undefined).filter(isJsonObject)[0];
    const next = typeof service?.serviceEndpoint === 'string' ? checkExchangeUrl(new URL(service.serviceEndpoint, url), 'exchange') : new URL(url);
    if (next.origin !== origin) throw new TsumikiError('EXCHANGE_BAD_RESPONSE', `exchange: ${origin} asks to send the answer to another site (${next.origin})`, { data: { step: 'exchange', url: origin } });
    url = next.href;
    body = { verifiablePresentation: vp };
  }
  throw new TsumikiError('EXCHANGE_BAD_RESPONSE', `exchange: ${origin} kept asking after ${MAX_ROUNDS} rounds`, { data: { step: 'exchange', url: origin } });
}
