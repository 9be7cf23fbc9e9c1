/**
 * The "add to wallet by protocol" half of the import screen (issue 13), loaded when a learner opens
 * an offer: the DCC and VC-API flows and the device key; the OpenID4VCI client (the OpenWallet
 * Foundation libraries and zod, with JIT off for the CSP) is a further chunk loaded only for an
 * OpenID4VCI offer.
 */
export { collectClaim, openClaim, type ClaimOffer, type ReceivedCredential } from '../lib/exchange/claim.ts';
export { deviceKey } from './share-core.ts';
