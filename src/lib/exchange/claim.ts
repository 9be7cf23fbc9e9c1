/**
 * "Add to wallet" by protocol, one door for the import screen and `tsumiki claim`: recognise the
 * link, open it (who is offering, what, whether a PIN is needed — nothing is issued yet), then on
 * the learner's yes collect the credentials. The caller verifies each received credential and stores
 * it like an imported file. The OpenID4VCI client (the OpenWallet Foundation libraries and zod) is
 * loaded only when an OpenID4VCI offer is opened.
 */
import { TsumikiError } from '../errors.ts';
import type { DeviceKey } from '../share/holder.ts';
import { collectDcc, openDccRequest } from './dcc.ts';
import { claimLinkKind } from './link.ts';
import type { ClaimOffer, ReceivedCredential } from './offer.ts';
import { collectVcApi, openVcApiInteraction } from './vc-api.ts';

export type { ClaimOffer, Offering, OfferedItem, PinRequest, ReceivedCredential } from './offer.ts';
export { claimLinkKind, type ClaimProtocol } from './link.ts';

const loadOid4vci = () => import('./openid4vci.ts');

/** Open a link: resolve what is offered and by whom. Throws a coded TsumikiError naming the step. */
export async function openClaim(text: string, options: { anyUrl?: boolean; langs?: readonly string[] } = {}): Promise<ClaimOffer> {
  const t = text.trim();
  switch (claimLinkKind(t, options)) {
    case 'openid4vci':
      return (await loadOid4vci()).openOid4vciOffer(t, options.langs);
    case 'dcc':
      return openDccRequest(t);
    case 'vc-api':
      return openVcApiInteraction(t);
    default:
      throw new TsumikiError('EXCHANGE_URL_INVALID', 'offer: not an OpenID4VCI credential offer, a DCC credential request or a VC-API interaction URL', { data: { step: 'offer' } });
  }
}

/** The learner said yes: run the protocol with the device key (and the PIN when asked) and return the credentials as sent. */
export async function collectClaim(offer: ClaimOffer, key: DeviceKey, options: { pin?: string } = {}): Promise<ReceivedCredential[]> {
  switch (offer.protocol) {
    case 'openid4vci':
      return (await loadOid4vci()).collectOid4vci(offer, key, options);
    case 'dcc':
      return collectDcc(offer, key);
    case 'vc-api':
      return collectVcApi(offer, key);
  }
}
