/**
 * DCC credential requests, as Open edX's credentials service builds them and the DCC Learner
 * Credential Wallet answers them (its `app/lib/credentialRequest.ts`):
 * `dccrequest://request?issuer=…&vc_request_url=…&auth_type=bearer&challenge=…`. The wallet signs a
 * DID-Authentication presentation with the given challenge and POSTs it, as the raw presentation, to
 * `vc_request_url`; the answer is a credential or a presentation holding the credentials.
 * `auth_type=code` (an OpenID Connect sign-in registered per issuer in the LCW) is not supported.
 */
import { TsumikiError } from '../errors.ts';
import type { DeviceKey } from '../share/holder.ts';
import { credentialsIn } from './answer.ts';
import { didAuthPresentation } from './did-auth.ts';
import { checkExchangeUrl, postJson } from './http.ts';
import type { ClaimOffer, ReceivedCredential } from './offer.ts';

interface State {
  readonly requestUrl: string;
  readonly challenge?: string;
}

function paramsOf(uri: string): URLSearchParams | undefined {
  const q = uri.indexOf('?');
  return q < 0 ? undefined : new URLSearchParams(uri.slice(q + 1));
}

export function openDccRequest(uri: string): ClaimOffer {
  const p = paramsOf(uri.trim());
  const requestUrl = p?.get('vc_request_url');
  if (!p || !requestUrl) throw new TsumikiError('EXCHANGE_URL_INVALID', 'request: the credential request names no vc_request_url', { data: { step: 'request' } });
  const url = checkExchangeUrl(requestUrl, 'request');
  const authType = p.get('auth_type') ?? 'code';
  if (authType !== 'bearer') {
    throw new TsumikiError('EXCHANGE_REFUSED', `request: ${url.origin} asks for a sign-in on its site first (auth_type=${authType.slice(0, 40)}), which this wallet does not do; ask the issuer for a link with auth_type=bearer`, { data: { step: 'request', url: url.origin, error: 'unsupported_auth_type' } });
  }
  const issuer = p.get('issuer')?.trim().slice(0, 200);
  const challenge = p.get('challenge') ?? undefined;
  const state: State = { requestUrl: url.href, ...(challenge !== undefined ? { challenge } : {}) };
  return { protocol: 'dcc', offering: { origin: url.origin, ...(issuer ? { name: issuer } : {}) }, items: [], skipped: [], state };
}

export async function collectDcc(offer: ClaimOffer, key: DeviceKey): Promise<ReceivedCredential[]> {
  const { requestUrl, challenge } = offer.state as State;
  const vp = await didAuthPresentation(key, challenge !== undefined ? { challenge } : {});
  const { json } = await postJson(requestUrl, vp, { peer: 'issuer', step: 'request' });
  return credentialsIn(json, 'request', offer.offering.origin);
}
