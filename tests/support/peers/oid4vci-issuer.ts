/**
 * An OpenID4VCI 1.0 credential issuer on 127.0.0.1, built from the OpenWallet Foundation libraries'
 * issuer side (`Openid4vciIssuer`, `Oauth2AuthorizationServer`, `Oauth2ResourceServer`), not from
 * the wallet's client: it makes offers (by value or by reference, with or without a PIN), answers the
 * pre-authorized code token request, hands out single-use nonces, verifies each proof JWT (the
 * library checks typ, aud, iat and the signature through `verifyJwt`; the peer checks the nonce was
 * one it issued and not used before), and issues real OB 3.0 credentials signed by a test did:key
 * (tests/support/issuer.ts), bound to the holder DID the proof was signed with.
 *
 * Knobs for refusals: `tamper` (the credential is changed after signing), `staleNonce` (the nonce
 * endpoint hands out an already used nonce after the first), an offer's `expiresInSeconds`.
 */
import { compactVerify, decodeJwt, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { Openid4vciIssuer, Openid4vciVersion, setGlobalConfig, type CredentialIssuerMetadata, type IssuerMetadataResult } from '@openid4vc/openid4vci';
import { Oauth2AuthorizationServer, Oauth2ResourceServer, Oauth2ServerErrorResponseError, preAuthorizedCodeGrantIdentifier, type CallbackContext, type Jwk, type JwtSigner } from '@openid4vc/oauth2';
import type { JsonObject } from '../../../src/lib/model/credential.ts';
import { base58btcDecode, base64urlEncode } from '../../../src/lib/util/bytes.ts';
import { OB_V3, VC_V2, generateDidKey, hashedEmail, ob3Credential, signDi, signJws, vcJwtPayload, RECIPIENT_EMAIL, SALT, type DidKey } from '../issuer.ts';
import { bodyObject, headersOf, serve, type PeerAnswer, type PeerRequest, type Running, type ServeOptions } from './server.ts';

export const LDP = 'OpenBadgeCredential_ldp_vc';
export const JWT = 'OpenBadgeCredential_jwt_vc_json';
/** Offered but not an Open Badge: a wallet for badges skips it. */
export const DEGREE = 'UniversityDegree_ldp_vc';

export const ISSUER_NAME = 'Tsumiki Test Issuer (OpenID4VCI)';

/** An Ed25519 did:key (`did:key:z6Mk…`, optionally with a fragment) as a public JWK. */
export function didKeyJwk(didUrl: string): JWK | undefined {
  const mb = didUrl.replace(/^did:key:/, '').split('#')[0] ?? '';
  const bytes = mb.startsWith('z') ? base58btcDecode(mb.slice(1)) : undefined;
  if (!bytes || bytes[0] !== 0xed || bytes[1] !== 0x01 || bytes.length !== 34) return undefined;
  return { kty: 'OKP', crv: 'Ed25519', x: base64urlEncode(bytes.slice(2)) };
}

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));
const randomId = () => base64urlEncode(random(16));

async function verifyJwt(signer: JwtSigner, jwt: { header: { alg: string }; compact: string }): Promise<{ verified: true; signerJwk: Jwk } | { verified: false }> {
  const jwk = signer.method === 'jwk' ? (signer.publicJwk as JWK) : signer.method === 'did' ? didKeyJwk(signer.didUrl) : undefined;
  if (!jwk) return { verified: false };
  try {
    await compactVerify(jwt.compact, await importJWK(jwk, jwt.header.alg === 'Ed25519' ? 'EdDSA' : jwt.header.alg));
    return { verified: true, signerJwk: jwk as Jwk };
  } catch {
    return { verified: false };
  }
}

export interface OfferOptions {
  readonly configurations?: readonly string[];
  /** A transaction code the learner must type. */
  readonly pin?: string;
  readonly byReference?: boolean;
  /** Negative: already expired. */
  readonly expiresInSeconds?: number;
}

interface Session {
  readonly code: string;
  readonly pin?: string;
  readonly configurations: readonly string[];
  readonly expiresAt: Date;
  used: boolean;
}

export interface Oid4vciIssuerPeer {
  /** The credential issuer identifier (its base URL). */
  readonly url: string;
  /** The DID that signs the badges (put it on a trust list to make them `verified`). */
  readonly issuerDid: string;
  readonly running: Running;
  /** Holder DIDs the credentials were bound to, in order. */
  readonly holders: string[];
  /** Credentials issued, in order. */
  readonly issued: Array<JsonObject | string>;
  /** Refusals sent (`<endpoint> <error>`), in order. */
  readonly refusals: string[];
  /** The description of the last refusal (for a failing test's message). */
  readonly lastRefusal: () => string;
  offer(options?: OfferOptions): Promise<string>;
  close(): Promise<void>;
}

export interface Oid4vciPeerOptions extends ServeOptions {
  /** The credential is changed after it was signed. */
  readonly tamper?: boolean;
  /** After the first, every nonce handed out is the first one again (already used). */
  readonly staleNonce?: boolean;
  /** The issuer signing the badges (a fresh Ed25519 did:key by default). */
  readonly issuerKey?: DidKey;
}

export async function startOid4vciIssuer(options: Oid4vciPeerOptions = {}): Promise<Oid4vciIssuerPeer> {
  // The peer serves plain http on 127.0.0.1 in CLI tests.
  setGlobalConfig({ allowInsecureUrls: true });
  const issuerKey = options.issuerKey ?? (await generateDidKey('Ed25519'));
  const asKeys = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const asPublicJwk = { ...(await exportJWK(asKeys.publicKey)), kid: 'as-1', alg: 'EdDSA' };
  const identityHash = await hashedEmail(RECIPIENT_EMAIL, SALT);

  const holders: string[] = [];
  const issued: Array<JsonObject | string> = [];
  const refusals: string[] = [];
  const sessions = new Map<string, Session>();
  const offers = new Map<string, unknown>();
  const nonces = new Set<string>();
  let firstNonce: string | undefined;
  let lastRefusal = '';
  let base = '';

  const callbacks: Omit<CallbackContext, 'decryptJwe' | 'encryptJwe'> = {
    hash: async (data, alg) => new Uint8Array(await crypto.subtle.digest(alg === 'sha-384' ? 'SHA-384' : alg === 'sha-512' ? 'SHA-512' : 'SHA-256', data as Uint8Array<ArrayBuffer>)),
    generateRandom: random,
    clientAuthentication: () => undefined,
    // The resource server reads the authorization server's JWKS: answered in-process (over https the
    // peer's certificate is self-signed, which Node's fetch would rightly refuse).
    fetch: async (input, init) => (String(input) === `${base}/jwks` ? Response.json({ keys: [asPublicJwk] }) : fetch(input, init)),
    signJwt: async (signer, jwt) => {
      const { CompactSign } = await import('jose');
      const compact = await new CompactSign(new TextEncoder().encode(JSON.stringify(jwt.payload))).setProtectedHeader({ ...jwt.header, alg: 'EdDSA', kid: 'as-1' }).sign(asKeys.privateKey);
      void signer;
      return { jwt: compact, signerJwk: asPublicJwk as Jwk };
    },
    verifyJwt,
  };
  const issuer = new Openid4vciIssuer({ callbacks });
  const authorizationServer = new Oauth2AuthorizationServer({ callbacks });
  const resourceServer = new Oauth2ResourceServer({ callbacks });

  let metadataResult: IssuerMetadataResult;
  const configuration = (format: 'ldp_vc' | 'jwt_vc_json', types: string[], name: string) => ({
    format,
    credential_definition: format === 'ldp_vc' ? { '@context': [VC_V2, OB_V3], type: types } : { type: types },
    cryptographic_binding_methods_supported: ['did:key'],
    credential_signing_alg_values_supported: ['EdDSA'],
    proof_types_supported: { jwt: { proof_signing_alg_values_supported: ['EdDSA'] } },
    credential_metadata: { display: [{ name, locale: 'en' }, { name: `${name}（日本語）`, locale: 'ja' }] },
  });

  const refuse = (where: string, status: number, error: string, description: string): PeerAnswer => {
    refusals.push(`${where} ${error}`);
    lastRefusal = description;
    return { status, json: { error, error_description: description } };
  };

  const fromLibraryError = (where: string, e: unknown): PeerAnswer => {
    if (e instanceof Oauth2ServerErrorResponseError) return refuse(where, e.status ?? 400, String(e.errorResponse.error), String(e.errorResponse.error_description ?? ''));
    const le = e as { errorResponse?: { error?: string; error_description?: string }; status?: number; message?: string };
    if (le.errorResponse?.error) return refuse(where, le.status ?? 400, le.errorResponse.error, le.errorResponse.error_description ?? '');
    return refuse(where, 400, 'invalid_request', (le.message ?? String(e)).slice(0, 300));
  };

  async function credentialFor(configurationId: string, holder: string): Promise<JsonObject | string> {
    const credential = ob3Credential({ id: `urn:uuid:${crypto.randomUUID()}`, issuerId: issuerKey.did, identityHash });
    (credential.credentialSubject as JsonObject).id = holder;
    if (configurationId === JWT) {
      let jws = await signJws(vcJwtPayload(credential), { alg: 'EdDSA', typ: 'JWT', kid: issuerKey.vm }, (await importJWK(issuerKey.privateJwk, 'EdDSA')) as CryptoKey); // why: a private OKP JWK imports as a CryptoKey
      if (options.tamper) {
        const [h, p, s] = jws.split('.') as [string, string, string]; // why: compact JWS
        const payload = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(p.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)))) as JsonObject;
        payload.name = 'Changed after signing';
        jws = `${h}.${base64urlEncode(new TextEncoder().encode(JSON.stringify(payload)))}.${s}`;
      }
      return jws;
    }
    const signed = await signDi(credential, 'eddsa-rdfc-2022', issuerKey.pair);
    if (options.tamper) signed.name = 'Changed after signing';
    return signed;
  }

  const routes = {
    'GET /.well-known/openid-credential-issuer': () => ({ json: metadataResult.credentialIssuer }),
    'GET /.well-known/oauth-authorization-server': () => ({ json: metadataResult.authorizationServers[0] }),
    'GET /jwks': () => ({ json: { keys: [asPublicJwk] } }),
    'POST /nonce': () => {
      let cNonce = randomId();
      if (options.staleNonce && firstNonce !== undefined) cNonce = firstNonce;
      else nonces.add(cNonce);
      firstNonce ??= cNonce;
      return { json: issuer.createNonceResponse({ cNonce, cNonceExpiresIn: 300 }) };
    },
    'POST /token': async (req: PeerRequest) => {
      const as = metadataResult.authorizationServers[0] as NonNullable<IssuerMetadataResult['authorizationServers'][0]>; // why: one AS, set below
      const request = { method: 'POST' as const, url: `${base}/token`, headers: headersOf(req) };
      try {
        const parsed = authorizationServer.parseAccessTokenRequest({ request, accessTokenRequest: bodyObject(req) });
        if (parsed.grant.grantType !== preAuthorizedCodeGrantIdentifier) return refuse('token', 400, 'unsupported_grant_type', 'only the pre-authorized code');
        const session = sessions.get(parsed.grant.preAuthorizedCode);
        if (!session || session.used) return refuse('token', 400, 'invalid_grant', "Invalid 'pre-authorized_code' provided");
        await authorizationServer.verifyPreAuthorizedCodeAccessTokenRequest({
          authorizationServerMetadata: as,
          grant: parsed.grant,
          accessTokenRequest: parsed.accessTokenRequest,
          request,
          expectedPreAuthorizedCode: session.code,
          ...(session.pin !== undefined ? { expectedTxCode: session.pin } : {}),
          preAuthorizedCodeExpiresAt: session.expiresAt,
        });
        session.used = true;
        const response = await authorizationServer.createAccessTokenResponse({
          authorizationServer: as.issuer,
          audience: base,
          expiresInSeconds: 300,
          subject: session.code,
          signer: { method: 'jwk', publicJwk: asPublicJwk as Jwk, alg: 'EdDSA', kid: 'as-1' },
        });
        return { json: response };
      } catch (e) {
        return fromLibraryError('token', e);
      }
    },
    'POST /credential': async (req: PeerRequest) => {
      let session: Session | undefined;
      try {
        const { tokenPayload } = await resourceServer.verifyResourceRequest({
          request: { method: 'POST', url: `${base}/credential`, headers: headersOf(req) },
          resourceServer: base,
          authorizationServers: metadataResult.authorizationServers,
        });
        session = sessions.get(String(tokenPayload.sub));
      } catch (e) {
        return fromLibraryError('credential', e);
      }
      if (!session) return refuse('credential', 401, 'invalid_token', 'unknown session');
      try {
        const parsed = issuer.parseCredentialRequest({ issuerMetadata: metadataResult, credentialRequest: bodyObject(req) });
        const id = parsed.credentialConfigurationId;
        if (!id || !session.configurations.includes(id)) return refuse('credential', 400, 'unknown_credential_configuration', `not offered: ${String(id)}`);
        const jwt = parsed.proofs?.jwt?.[0];
        if (!jwt) return refuse('credential', 400, 'invalid_proof', 'a jwt proof is required');
        const nonce = decodeJwt(jwt).nonce;
        if (typeof nonce !== 'string' || !nonces.has(nonce)) return refuse('credential', 400, 'invalid_nonce', 'the nonce is unknown or was already used');
        nonces.delete(nonce);
        const verified = await issuer.verifyCredentialRequestJwtProof({ issuerMetadata: metadataResult, jwt, expectedNonce: nonce });
        const holder = verified.signer.method === 'did' ? (verified.signer.didUrl.split('#')[0] as string) : `did:jwk:${base64urlEncode(new TextEncoder().encode(JSON.stringify(verified.signer.method === 'jwk' ? verified.signer.publicJwk : {})))}`; // why: split yields one part at least
        holders.push(holder);
        const credential = await credentialFor(id, holder);
        issued.push(credential);
        return { json: issuer.createCredentialResponse({ credentialRequest: parsed, credentials: [{ credential: credential as never }] }) }; // why: the response schema types ldp_vc credentials as records and JWTs as strings; both are what we send
      } catch (e) {
        return fromLibraryError('credential', e);
      }
    },
    'GET /offers': (req: PeerRequest) => {
      const offer = offers.get(req.url.searchParams.get('id') ?? '');
      return offer ? { json: offer } : { status: 404, json: { error: 'not_found' } };
    },
  };

  const running = await serve(routes, options);
  base = running.base;
  const credentialIssuer: CredentialIssuerMetadata = issuer.createCredentialIssuerMetadata({
    credential_issuer: base,
    credential_endpoint: `${base}/credential`,
    nonce_endpoint: `${base}/nonce`,
    display: [
      { name: ISSUER_NAME, locale: 'en', logo: { uri: `${base}/logo.png`, alt_text: 'logo' } },
      { name: 'つみきテスト発行者', locale: 'ja' },
    ],
    credential_configurations_supported: {
      [LDP]: configuration('ldp_vc', ['VerifiableCredential', 'OpenBadgeCredential'], 'Knot Tying (Data Integrity)'),
      [JWT]: configuration('jwt_vc_json', ['VerifiableCredential', 'OpenBadgeCredential'], 'Knot Tying (VC-JWT)'),
      [DEGREE]: configuration('ldp_vc', ['VerifiableCredential', 'UniversityDegreeCredential'], 'A degree'),
    },
  } as CredentialIssuerMetadata); // why: the builder's input type is the same metadata, loosely typed per format
  const asMetadata = authorizationServer.createAuthorizationServerMetadata({
    issuer: base,
    token_endpoint: `${base}/token`,
    jwks_uri: `${base}/jwks`,
    'pre-authorized_grant_anonymous_access_supported': true,
  });
  metadataResult = {
    originalDraftVersion: Openid4vciVersion.V1,
    credentialIssuer,
    authorizationServers: [asMetadata],
    knownCredentialConfigurations: issuer.getKnownCredentialConfigurationsSupported(credentialIssuer),
  };

  return {
    url: base,
    issuerDid: issuerKey.did,
    running,
    holders,
    issued,
    refusals,
    lastRefusal: () => lastRefusal,
    async offer(o: OfferOptions = {}) {
      const code = randomId();
      const configurations = o.configurations ?? [LDP];
      sessions.set(code, { code, ...(o.pin !== undefined ? { pin: o.pin } : {}), configurations, expiresAt: new Date(Date.now() + (o.expiresInSeconds ?? 600) * 1000), used: false });
      const id = randomId();
      const { credentialOffer, credentialOfferObject } = await issuer.createCredentialOffer({
        issuerMetadata: metadataResult,
        credentialConfigurationIds: [...configurations],
        grants: {
          [preAuthorizedCodeGrantIdentifier]: {
            'pre-authorized_code': code,
            ...(o.pin !== undefined ? { tx_code: { input_mode: 'numeric', length: o.pin.length, description: 'The PIN in the e-mail we sent you' } } : {}),
          },
        },
        ...(o.byReference ? { credentialOfferUri: `${base}/offers?id=${id}` } : {}),
      });
      offers.set(id, credentialOfferObject);
      return credentialOffer;
    },
    close: () => running.close(),
  };
}
