/**
 * OpenID for Verifiable Credential Issuance 1.0, the wallet's side, through the OpenWallet
 * Foundation's `@openid4vc/openid4vci` and `@openid4vc/oauth2` clients: a credential offer by value
 * (`credential_offer=`) or by reference (`credential_offer_uri=`), the pre-authorized code flow with
 * or without a transaction code (PIN), a fresh nonce from the issuer's nonce endpoint for every
 * request, one credential request per offered Open Badge configuration (`ldp_vc`, `jwt_vc_json`) with
 * `credential_configuration_id` and `proofs.jwt` (a proof of possession signed by the device key as
 * a did:key, or as a bare JWK when the issuer binds only to JWKs), the answer read from
 * `credentials[]`.
 *
 * Every HTTP call goes through `http.ts` (https only but localhost, bounded answers, coded errors
 * naming the step); the libraries' own URL rule is relaxed to let that door decide. This module is
 * loaded only when an offer is opened (`claim.ts` imports it dynamically): the libraries and zod
 * are ~100 KB the wallet never needs otherwise.
 */
import './zod-jitless.ts';
import { Openid4vciClient, Openid4vciVersion, setGlobalConfig, type CredentialOfferObject, type IssuerMetadataResult } from '@openid4vc/openid4vci';
import { clientAuthenticationAnonymous, HashAlgorithm, type CallbackContext, type JwtSigner } from '@openid4vc/oauth2';
import { TsumikiError, isTsumikiError, type ErrorCode } from '../errors.ts';
import type { DeviceKey } from '../share/holder.ts';
import { checkExchangeUrl, exchangeFetchFor, originOf, type ExchangeStep } from './http.ts';
import { publicJwkOf, signJwt } from './holder-jwt.ts';
import type { ClaimOffer, OfferedItem, PinRequest, ReceivedCredential } from './offer.ts';

/** The formats this wallet verifies, as OpenID4VCI names them. */
export const CLAIMABLE_FORMATS: readonly string[] = ['ldp_vc', 'jwt_vc_json'];
/** Credential types that make a configuration an Open Badge (or a CLR holding them). */
const BADGE_TYPES = new Set(['OpenBadgeCredential', 'AchievementCredential', 'ClrCredential', 'EndorsementCredential']);
const PRE_AUTHORIZED = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';
/** At most this many credential requests for one offer (a hostile offer could list thousands). */
export const MAX_CONFIGURATIONS = 20;

interface State {
  readonly offer: CredentialOfferObject;
  readonly metadata: IssuerMetadataResult;
}

const HASHES: Record<string, string> = { [HashAlgorithm.Sha256]: 'SHA-256', [HashAlgorithm.Sha384]: 'SHA-384', [HashAlgorithm.Sha512]: 'SHA-512' };

function callbacks(step: ExchangeStep, key?: DeviceKey): Omit<CallbackContext, 'verifyJwt' | 'decryptJwe' | 'encryptJwe'> {
  return {
    fetch: exchangeFetchFor({ peer: 'issuer', step }),
    hash: async (data, alg) => new Uint8Array(await crypto.subtle.digest(HASHES[alg] ?? 'SHA-256', data as Uint8Array<ArrayBuffer>)), // why: WebCrypto wants an ArrayBuffer-backed view
    generateRandom: (n) => crypto.getRandomValues(new Uint8Array(n)),
    clientAuthentication: clientAuthenticationAnonymous(),
    signJwt: async (_signer, jwt) => {
      if (!key) throw new Error('no holder key');
      return { jwt: await signJwt(key, jwt.header, jwt.payload), signerJwk: await publicJwkOf(key) };
    },
  };
}

const client = (step: ExchangeStep, key?: DeviceKey) => new Openid4vciClient({ callbacks: callbacks(step, key) });

interface OauthErrorBody {
  error?: unknown;
  error_description?: unknown;
}

/** The shapes of the libraries' errors: an OAuth error response, a fetch response, or (credential requests) both nested one level down. */
interface LibraryError {
  name?: string;
  message?: string;
  errorResponse?: OauthErrorBody;
  response?: { status?: number; response?: { status?: number }; credentialErrorResponseResult?: { success?: boolean; data?: OauthErrorBody } };
  cause?: unknown;
}

/** A library error as one of ours, naming the step: our own door's errors pass through unchanged. */
function asTsumiki(e: unknown, step: ExchangeStep, origin: string): TsumikiError {
  if (isTsumikiError(e)) return e;
  const l = (typeof e === 'object' && e !== null ? e : {}) as LibraryError;
  if (isTsumikiError(l.cause)) return l.cause;
  const nested = l.response?.credentialErrorResponseResult;
  const oauth = l.errorResponse ?? (nested?.success ? nested.data : undefined);
  const status = l.response?.status ?? l.response?.response?.status;
  const error = typeof oauth?.error === 'string' ? oauth.error.slice(0, 200) : undefined;
  const description = typeof oauth?.error_description === 'string' ? oauth.error_description.slice(0, 500) : undefined;
  const data = { step, url: origin, ...(status !== undefined ? { status } : {}), ...(error !== undefined ? { error } : {}), ...(description !== undefined ? { description } : {}) };
  if (status !== undefined && status >= 400) {
    return new TsumikiError('EXCHANGE_REFUSED', `${step}: ${origin} refused (${[status, error, description].filter((s) => s !== undefined).join(' ')})`, { cause: e, data });
  }
  // Validation errors (an answer not shaped as the protocol says) and everything else the library refuses.
  return new TsumikiError('EXCHANGE_BAD_RESPONSE', `${step}: ${origin}: ${(l.message ?? String(e)).slice(0, 300)}`, { cause: e, data });
}

async function at<T>(step: ExchangeStep, origin: string, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw asTsumiki(e, step, origin);
  }
}

/** The first display entry, preferring the given languages. */
function displayOf<T extends { locale?: string }>(entries: readonly T[] | undefined, langs: readonly string[]): T | undefined {
  if (!entries || entries.length === 0) return undefined;
  for (const lang of langs) {
    const hit = entries.find((d) => d.locale?.toLowerCase().split('-')[0] === lang);
    if (hit) return hit;
  }
  return entries.find((d) => d.locale === undefined) ?? entries[0];
}

const text = (v: unknown, max = 200): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, max) : undefined);

function typesOfConfiguration(c: Record<string, unknown>): string[] {
  const def = c.credential_definition;
  const types = typeof def === 'object' && def !== null ? (def as { type?: unknown; types?: unknown }).type ?? (def as { types?: unknown }).types : (c.types ?? c.type);
  return Array.isArray(types) ? types.filter((t): t is string => typeof t === 'string') : [];
}

/**
 * Resolve an offer: fetch it when given by reference, fetch the issuer's metadata, pick the Open
 * Badge configurations this wallet can verify. Nothing is requested from the issuer's token or
 * credential endpoints yet.
 */
export async function openOid4vciOffer(uri: string, langs: readonly string[] = ['en']): Promise<ClaimOffer> {
  // Our door decides which URLs may be fetched (https, or http on localhost only).
  setGlobalConfig({ allowInsecureUrls: true });
  const params = new URLSearchParams(uri.slice(uri.indexOf('?') + 1));
  const byReference = params.get('credential_offer_uri');
  if (byReference !== null) checkExchangeUrl(byReference, 'offer');
  const offer = await at('offer', byReference !== null ? originOf(byReference) : 'offer', async () => {
    try {
      return await client('offer').resolveCredentialOffer(uri);
    } catch (e) {
      if (byReference === null && !isTsumikiError(e)) throw new TsumikiError('EXCHANGE_URL_INVALID', `offer: the credential offer cannot be read (${e instanceof Error ? e.message.slice(0, 200) : String(e)})`, { cause: e, data: { step: 'offer' } });
      throw e;
    }
  });
  const issuerUrl = checkExchangeUrl(offer.credential_issuer, 'metadata');
  const origin = issuerUrl.origin;
  const metadata = await at('metadata', origin, () => client('metadata').resolveIssuerMetadata(offer.credential_issuer));
  // A 1.0 wallet: requests by configuration id with `proofs`, whatever draft the metadata looks like.
  metadata.originalDraftVersion = Openid4vciVersion.V1;
  const grant = offer.grants?.[PRE_AUTHORIZED];
  if (!grant) {
    throw new TsumikiError('EXCHANGE_REFUSED', `offer: ${origin} offers badges only after signing in on its site (authorization code flow), which this wallet does not do; ask the issuer for a pre-authorized offer`, { data: { step: 'offer', url: origin, error: 'authorization_code_only' } });
  }
  const supported = metadata.credentialIssuer.credential_configurations_supported;
  const items: OfferedItem[] = [];
  const skipped: OfferedItem[] = [];
  for (const id of offer.credential_configuration_ids.slice(0, MAX_CONFIGURATIONS)) {
    const c = supported[id] as Record<string, unknown> | undefined;
    const format = typeof c?.format === 'string' ? c.format : 'unknown';
    const display = displayOf((c?.credential_metadata as { display?: Array<{ name?: string; locale?: string }> } | undefined)?.display ?? (c?.display as Array<{ name?: string; locale?: string }> | undefined), langs);
    const item: OfferedItem = { id, format, ...(text(display?.name) !== undefined ? { name: text(display?.name) } : {}) };
    const isBadge = c !== undefined && typesOfConfiguration(c).some((t) => BADGE_TYPES.has(t));
    (c && CLAIMABLE_FORMATS.includes(format) && isBadge ? items : skipped).push(item);
  }
  if (items.length === 0) {
    throw new TsumikiError('CLAIM_NOTHING_TO_CLAIM', `offer: ${origin} offers ${offer.credential_configuration_ids.length} credential(s), none an Open Badge in ldp_vc or jwt_vc_json`, { data: { step: 'offer', url: origin, offered: skipped.map((s) => `${s.id} (${s.format})`).join(', ') } });
  }
  const issuerDisplay = displayOf(metadata.credentialIssuer.display as Array<{ name?: string; locale?: string; logo?: { uri?: string; alt_text?: string } }> | undefined, langs);
  const name = text(issuerDisplay?.name);
  const logoUri = text(issuerDisplay?.logo?.uri, 2000);
  const tx = grant.tx_code;
  const pin: PinRequest | undefined = tx
    ? { inputMode: tx.input_mode === 'text' ? 'text' : 'numeric', ...(typeof tx.length === 'number' ? { length: tx.length } : {}), ...(text(tx.description, 300) !== undefined ? { description: text(tx.description, 300) } : {}) }
    : undefined;
  const state: State = { offer, metadata };
  return {
    protocol: 'openid4vci',
    offering: { origin, ...(name !== undefined ? { name } : {}), ...(logoUri !== undefined ? { logo: { uri: logoUri, ...(text(issuerDisplay?.logo?.alt_text) !== undefined ? { alt: text(issuerDisplay?.logo?.alt_text) } : {}) } } : {}) },
    items,
    skipped,
    ...(pin ? { pin } : {}),
    state,
  };
}

function tokenRefusal(e: TsumikiError, pinSent: boolean, origin: string): TsumikiError {
  if (e.code !== 'EXCHANGE_REFUSED' || e.data?.error !== 'invalid_grant') return e;
  const description = typeof e.data.description === 'string' ? e.data.description : '';
  // invalid_grant covers both (RFC 6749 §5.2, OpenID4VCI 1.0 §6.3); the description, when there is one, tells which.
  const aboutPin = /tx_code|user_pin|\bpin\b|transaction code/i.test(description);
  const aboutCode = /expire|used|pre-?authori[sz]ed|unknown|not found/i.test(description);
  const code: ErrorCode = aboutPin || (pinSent && !aboutCode) ? 'CLAIM_WRONG_PIN' : 'CLAIM_OFFER_EXPIRED';
  const words = code === 'CLAIM_WRONG_PIN' ? 'the issuer did not accept the PIN' : 'the offer has expired or was already used';
  return new TsumikiError(code, `token: ${words} (${origin}${description ? `: ${description}` : ''})`, { cause: e, data: e.data });
}

/** The proof signer the issuer accepts for this configuration: did:key when it binds to DIDs (or says nothing), else a bare JWK. */
async function signerFor(configuration: Record<string, unknown>, key: DeviceKey, origin: string): Promise<JwtSigner> {
  const algs = (configuration.proof_types_supported as { jwt?: { proof_signing_alg_values_supported?: unknown } } | undefined)?.jwt?.proof_signing_alg_values_supported;
  const list = Array.isArray(algs) ? algs : undefined;
  const alg = list === undefined || list.includes('EdDSA') ? 'EdDSA' : list.includes('Ed25519') ? 'Ed25519' : undefined;
  if (alg === undefined) {
    throw new TsumikiError('EXCHANGE_REFUSED', `credential: ${origin} does not accept proofs signed with Ed25519 (it accepts ${list?.map(String).join(', ')})`, { data: { step: 'credential', url: origin, error: 'unsupported_proof_alg' } });
  }
  const methods = configuration.cryptographic_binding_methods_supported;
  const binding = Array.isArray(methods) ? methods.filter((m): m is string => typeof m === 'string') : [];
  const byDid = binding.length === 0 || binding.some((m) => m === 'did' || m === 'did:key' || m.startsWith('did:key'));
  if (!byDid && binding.includes('jwk')) return { method: 'jwk', publicJwk: await publicJwkOf(key), alg };
  return { method: 'did', didUrl: key.verificationMethod, alg };
}

/**
 * The learner said yes: get an access token (with the PIN when the offer asks for one), then for
 * each offered Open Badge configuration a fresh nonce, a proof JWT and one credential request.
 * Returns the credentials exactly as sent (a JWT's compact text, a JSON credential's JSON text).
 */
export async function collectOid4vci(offer: ClaimOffer, key: DeviceKey, options: { pin?: string } = {}): Promise<ReceivedCredential[]> {
  const { offer: credentialOffer, metadata } = offer.state as State;
  const origin = offer.offering.origin;
  const pin = options.pin?.trim();
  if (offer.pin && !pin) throw new TsumikiError('CLAIM_PIN_REQUIRED', `token: ${origin} asks for the PIN it sent you`, { data: { step: 'token', url: origin } });
  let token;
  try {
    token = await at('token', origin, () =>
      client('token').retrievePreAuthorizedCodeAccessTokenFromOffer({ credentialOffer, issuerMetadata: metadata, ...(offer.pin && pin ? { txCode: pin } : {}) }),
    );
  } catch (e) {
    throw isTsumikiError(e) ? tokenRefusal(e, offer.pin !== undefined, origin) : e;
  }
  const accessToken = token.accessTokenResponse.access_token;
  const out: ReceivedCredential[] = [];
  for (const item of offer.items) {
    const configuration = metadata.credentialIssuer.credential_configurations_supported[item.id] as Record<string, unknown>;
    let nonce: string | undefined;
    if (metadata.credentialIssuer.nonce_endpoint) {
      nonce = (await at('nonce', origin, () => client('nonce').requestNonce({ issuerMetadata: metadata }))).c_nonce;
    } else if (typeof token.accessTokenResponse.c_nonce === 'string') {
      nonce = token.accessTokenResponse.c_nonce; // drafts before 1.0 gave the nonce with the token
    }
    const signer = await signerFor(configuration, key, origin);
    const { jwt } = await at('credential', origin, () =>
      client('credential', key).createCredentialRequestJwtProof({ issuerMetadata: metadata, credentialConfigurationId: item.id, signer, ...(nonce !== undefined ? { nonce } : {}) }),
    );
    const answer = await at('credential', origin, () =>
      client('credential', key).retrieveCredentials({ issuerMetadata: metadata, credentialConfigurationId: item.id, proofs: { jwt: [jwt] }, accessToken }),
    );
    const response = answer.credentialResponse as { credentials?: Array<{ credential?: unknown }>; credential?: unknown; transaction_id?: unknown };
    if (response.transaction_id !== undefined && !response.credentials) {
      throw new TsumikiError('CLAIM_DEFERRED', `credential: ${origin} will deliver ${item.id} later (deferred issuance), which this wallet does not do`, { data: { step: 'credential', url: origin } });
    }
    const credentials = response.credentials?.map((c) => c.credential) ?? (response.credential !== undefined ? [response.credential] : []);
    if (credentials.length === 0) throw new TsumikiError('EXCHANGE_BAD_RESPONSE', `credential: ${origin} answered without a credential for ${item.id}`, { data: { step: 'credential', url: origin } });
    for (const c of credentials) {
      const textOf = typeof c === 'string' ? c : JSON.stringify(c);
      out.push({ bytes: new TextEncoder().encode(textOf), item: item.id });
    }
  }
  return out;
}
