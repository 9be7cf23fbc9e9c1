/**
 * OpenID for Verifiable Presentations 1.0, the wallet's side, through the OpenWallet Foundation's
 * `@openid4vc/openid4vp`: read an authorization request (`openid4vp://…` or any URI form the
 * library accepts, by value with `dcql_query` or by reference with `request_uri`), check who asks,
 * and post the answer (`vp_token`, response mode `direct_post`) to its `response_uri`.
 *
 * Who asks is proven two ways only (§5.9.3):
 * - `decentralized_identifier:<DID>`: the request object must be a JWT signed by a key of that DID;
 *   did:key and did:jwk are resolved on the device (offline), any other DID method is refused;
 * - `redirect_uri:<URL>`: an unsigned request; the verifier is only the origin the answer goes to.
 * Every other prefix (x509, verifier attestation, federation, pre-registered) is refused with
 * PRESENT_VERIFIER_REFUSED before anything is fetched. The name in `client_metadata` is a claim.
 */
import './zod-jitless.ts';
import { HashAlgorithm, type CallbackContext, type Jwk, type JwtSigner } from '@openid4vc/oauth2';
import { createOpenid4vpAuthorizationResponse, parseOpenid4vpAuthorizationRequest, resolveOpenid4vpAuthorizationRequest, submitOpenid4vpAuthorizationResponse, type Openid4vpAuthorizationRequest } from '@openid4vc/openid4vp';
import { setGlobalConfig } from '@openid4vc/utils';
import { compactVerify, importJWK, type JWK } from 'jose';
import { isTsumikiError, TsumikiError } from '../errors.ts';
import type { JsonObject } from '../model/credential.ts';
import { resolveVerificationMethod } from '../verify/keys.ts';
import { createRemote } from '../verify/remote.ts';
import { parseDcql } from './match.ts';
export { isOpenid4vpRequest } from './request-text.ts';
import type { DcqlQuery } from 'dcql';
import { exchangeFetchFor, type ExchangeStep } from './http.ts';
import { answerOf, type PlatformFetch, type VerifierAnswer, type VerifierIdentity } from './verifier.ts';

// Every URL goes through the exchange door (./http.ts), which allows http only for localhost and
// 127.0.0.1 (tests); the library's own https-only check would refuse those, so it is left to the door.
setGlobalConfig({ allowInsecureUrls: true });

export interface Openid4vpRequest {
  readonly protocol: 'openid4vp';
  readonly verifier: VerifierIdentity;
  /** The full `client_id`: the presentation's domain (audience). */
  readonly clientId: string;
  /** The presentation's challenge. */
  readonly nonce: string;
  readonly responseUri: string;
  readonly dcql: DcqlQuery.Output;
  /** The verified request, as the library needs it for the answer. */
  readonly payload: Openid4vpAuthorizationRequest;
}

/** Signature algorithms a verifier may sign its request object with (never `none` or HMAC). */
const JWS_ALGS = ['EdDSA', 'Ed25519', 'ES256', 'ES384', 'ES512', 'PS256', 'PS384', 'PS512', 'RS256', 'RS384', 'RS512'];
const SUPPORTED_PREFIXES = ['decentralized_identifier', 'redirect_uri'] as const;

function prefixOf(clientId: string): string {
  const colon = clientId.indexOf(':');
  return colon < 0 ? 'pre-registered' : clientId.slice(0, colon);
}

const sha = async (data: Uint8Array, alg: HashAlgorithm): Promise<Uint8Array> => {
  const name = alg === HashAlgorithm.Sha384 ? 'SHA-384' : alg === HashAlgorithm.Sha512 ? 'SHA-512' : 'SHA-256';
  return new Uint8Array(await crypto.subtle.digest(name, data as Uint8Array<ArrayBuffer>)); // why: WebCrypto wants an ArrayBuffer-backed view
};

/**
 * Verify a request object's JWS with the key its DID names: did:key or did:jwk only (resolved on
 * the device); the key must belong to that DID. Records why it failed in `problem`.
 */
async function verifyRequestObject(signer: JwtSigner, compact: string, problem: { message?: string }): Promise<{ verified: true; signerJwk: Jwk } | { verified: false }> {
  if (signer.method !== 'did') {
    problem.message = `a request object signed by ${signer.method} is not accepted`;
    return { verified: false };
  }
  const did = signer.didUrl.split('#')[0] ?? '';
  if (!did.startsWith('did:key:') && !did.startsWith('did:jwk:')) {
    problem.message = `the DID method of ${did.split(':').slice(0, 2).join(':')} cannot be resolved on this device (did:key and did:jwk can)`;
    return { verified: false };
  }
  if (!JWS_ALGS.includes(signer.alg)) {
    problem.message = `signature algorithm ${signer.alg} is not accepted`;
    return { verified: false };
  }
  try {
    const method = await resolveVerificationMethod(signer.didUrl, createRemote({ online: false }), 'jws');
    if (method.controller !== did || !method.jwk) throw new Error(`${signer.didUrl} is not a key of ${did}`);
    const key = await importJWK(method.jwk as JWK, signer.alg === 'Ed25519' ? 'EdDSA' : signer.alg);
    await compactVerify(compact, key, { algorithms: [signer.alg] });
    return { verified: true, signerJwk: method.jwk as Jwk };
  } catch (e) {
    problem.message = `the request object's signature does not verify with the key of ${did}: ${e instanceof Error ? e.message.slice(0, 200) : String(e)}`;
    return { verified: false };
  }
}

/** A library error as our coded error: the fetch's own coded error when it caused it. */
function codedFrom(e: unknown, fetchError: { error?: TsumikiError }, signature: { message?: string }): TsumikiError {
  if (isTsumikiError(e)) return e;
  if (signature.message) return new TsumikiError('PRESENT_REQUEST_SIGNATURE', signature.message, { cause: e });
  if (fetchError.error) return fetchError.error;
  const described = (e as { errorResponse?: { error_description?: string } }).errorResponse?.error_description; // why: Oauth2ServerErrorResponseError carries the OAuth2 error
  const message = described ?? (e instanceof Error ? e.message : String(e));
  return new TsumikiError('PRESENT_REQUEST_INVALID', `the verifier's request cannot be used: ${message.slice(0, 400)}`, { cause: e });
}

/** The door's fetch for one step, remembering the coded error it threw (the library replaces it with its own words). */
function recording(step: ExchangeStep, platform: PlatformFetch, seen: { error?: TsumikiError }): typeof fetch {
  const door = exchangeFetchFor({ peer: 'verifier', step, ...(platform ? { fetch: platform } : {}) });
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    try {
      return await door(input, init);
    } catch (e) {
      if (isTsumikiError(e)) seen.error = e;
      throw e;
    }
  }) as typeof fetch; // why: fetch's type carries static members a callback never needs
}

/**
 * Read and check an OpenID4VP authorization request: fetch its request object when given by
 * reference, verify who signed it, and keep only what this wallet answers (DCQL, `direct_post`).
 * Throws coded errors; nothing is sent.
 */
export async function readOpenid4vpRequest(uri: string, platform?: PlatformFetch): Promise<Openid4vpRequest> {
  const fetchError: { error?: TsumikiError } = {};
  const signature: { message?: string } = {};
  let outer: JsonObject;
  try {
    outer = parseOpenid4vpAuthorizationRequest({ authorizationRequest: uri.trim() }).params as JsonObject; // why: the library's parsed params are JSON
  } catch (e) {
    throw new TsumikiError('PRESENT_REQUEST_INVALID', `not an OpenID4VP authorization request: ${e instanceof Error ? e.message.slice(0, 300) : String(e)}`, { cause: e });
  }
  const outerClientId = typeof outer.client_id === 'string' ? outer.client_id : undefined;
  if (outerClientId === undefined) throw new TsumikiError('PRESENT_REQUEST_INVALID', 'the request names no client_id');
  refuseUnsupportedPrefix(outerClientId, outer.client_id_scheme);
  if (outer.client_metadata_uri !== undefined) throw new TsumikiError('PRESENT_UNSUPPORTED', 'client_metadata_uri is not supported (OpenID4VP 1.0 passes client_metadata by value)');
  const callbacks: Pick<CallbackContext, 'verifyJwt' | 'fetch' | 'hash' | 'decryptJwe' | 'getX509CertificateMetadata'> = {
    fetch: recording('request', platform, fetchError),
    hash: sha,
    verifyJwt: (signer, jwt) => verifyRequestObject(signer, jwt.compact, signature),
    decryptJwe: async () => {
      throw new TsumikiError('PRESENT_UNSUPPORTED', 'encrypted request objects are not supported');
    },
  };
  let resolved: Awaited<ReturnType<typeof resolveOpenid4vpAuthorizationRequest>>;
  try {
    resolved = await resolveOpenid4vpAuthorizationRequest({ authorizationRequestPayload: outer as Parameters<typeof resolveOpenid4vpAuthorizationRequest>[0]['authorizationRequestPayload'], callbacks }); // why: the library validates the shape itself
  } catch (e) {
    throw codedFrom(e, fetchError, signature);
  }
  const payload = resolved.authorizationRequestPayload as Openid4vpAuthorizationRequest; // why: DC API requests are refused just below
  if (!('client_id' in payload) || typeof payload.client_id !== 'string') throw new TsumikiError('PRESENT_UNSUPPORTED', 'Digital Credentials API requests are not answered here');
  refuseUnsupportedPrefix(payload.client_id, payload.client_id_scheme);
  const client = resolved.client;
  if (client.prefix === 'decentralized_identifier' && !resolved.jar) throw new TsumikiError('PRESENT_REQUEST_SIGNATURE', 'a decentralized_identifier: request must be a signed request object');
  if ((payload.response_mode ?? 'fragment') !== 'direct_post') throw new TsumikiError('PRESENT_UNSUPPORTED', `response mode ${payload.response_mode ?? 'fragment'} is not supported (only direct_post)`);
  if (typeof payload.response_uri !== 'string') throw new TsumikiError('PRESENT_REQUEST_INVALID', 'the request names no response_uri');
  if (!resolved.dcql) throw new TsumikiError('PRESENT_UNSUPPORTED', resolved.pex ? 'Presentation Exchange queries are not supported (only DCQL)' : 'the request holds no dcql_query');
  if (typeof payload.nonce !== 'string' || payload.nonce === '') throw new TsumikiError('PRESENT_REQUEST_INVALID', 'the request has no nonce');
  const dcql = parseDcql(resolved.dcql.query);
  const metadata = payload.client_metadata;
  const responseOrigin = new URL(payload.response_uri).origin;
  const verifier: VerifierIdentity =
    client.prefix === 'decentralized_identifier'
      ? { proven: { kind: 'did', value: client.identifier }, answersTo: responseOrigin, claimedName: metadata?.client_name ?? null, logoUri: metadata?.logo_uri ?? null }
      : { proven: { kind: 'origin', value: new URL(client.identifier).origin }, answersTo: responseOrigin, claimedName: metadata?.client_name ?? null, logoUri: metadata?.logo_uri ?? null };
  return { protocol: 'openid4vp', verifier, clientId: payload.client_id, nonce: payload.nonce, responseUri: payload.response_uri, dcql, payload };
}

function refuseUnsupportedPrefix(clientId: string, legacyScheme: unknown): void {
  const prefix = prefixOf(clientId);
  if (legacyScheme !== undefined || !(SUPPORTED_PREFIXES as readonly string[]).includes(prefix)) {
    throw new TsumikiError('PRESENT_VERIFIER_REFUSED', `the verifier identifies itself as ${legacyScheme !== undefined ? `client_id_scheme ${String(legacyScheme)}` : `${prefix}:`}; only decentralized_identifier: (a signed request) and redirect_uri: are accepted`, { data: { prefix } });
  }
}

/**
 * Post `vp_token` (`{"<credential query id>": [<presentation>, …]}`) to the request's
 * `response_uri` as `direct_post`, and read the verifier's answer (its `redirect_uri`, if any).
 */
export async function answerOpenid4vp(request: Openid4vpRequest, vpToken: Record<string, JsonObject[]>, platform?: PlatformFetch): Promise<VerifierAnswer> {
  const { authorizationResponsePayload } = await createOpenid4vpAuthorizationResponse({
    authorizationRequestPayload: request.payload,
    authorizationResponsePayload: { vp_token: vpToken as Record<string, [JsonObject, ...JsonObject[]]> }, // why: every list the wallet builds holds one presentation at least
    callbacks: {
      signJwt: async () => {
        throw new Error('not used');
      },
      encryptJwe: async () => {
        throw new Error('not used');
      },
    },
  });
  const fetchError: { error?: TsumikiError } = {};
  try {
    const { response } = await submitOpenid4vpAuthorizationResponse({ authorizationRequestPayload: request.payload, authorizationResponsePayload, callbacks: { fetch: recording('response', platform, fetchError) } });
    return await answerOf(response);
  } catch (e) {
    if (fetchError.error) throw fetchError.error;
    throw codedFrom(e, fetchError, {});
  }
}
