// A local OpenID4VP 1.0 verifier on 127.0.0.1, built from the OpenWallet Foundation library's
// verifier side (`Openid4vpVerifier` from @openid4vc/openid4vp): it makes the authorization request
// (signed as a request object by a did:key or did:jwk key for `decentralized_identifier:`, unsigned
// by value for `redirect_uri:`), serves the request object at its request_uri, and at its
// response_uri parses and validates the `direct_post` answer with the same library, then verifies
// every presentation for real (tests/support/peers/check-presentation.ts): the nonce as challenge,
// the full client_id as domain. 200 with a redirect_uri when it accepts, 400 otherwise.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Openid4vpVerifier, parseOpenid4VpAuthorizationResponsePayload, validateOpenid4vpAuthorizationResponsePayload, type Openid4vpAuthorizationRequest } from '@openid4vc/openid4vp';
import { HashAlgorithm, type JwtSigner } from '@openid4vc/oauth2';
import { setGlobalConfig } from '@openid4vc/utils';
import { CompactSign, importJWK, type CryptoKey as JoseKey } from 'jose';
import { generateDidJwk, generateDidKey } from '../issuer.ts';
import { checkPresentation, type PresentationVerdict } from './check-presentation.ts';

// The peer runs on http://127.0.0.1 (tests); the library's https-only check would refuse it.
setGlobalConfig({ allowInsecureUrls: true });

export const VC_IRI = 'https://www.w3.org/2018/credentials#VerifiableCredential';
export const OB_CREDENTIAL_IRI = 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#OpenBadgeCredential';

/** A DCQL query for one Open Badge credential (ldp_vc), types as fully expanded IRIs. */
export function openBadgeQuery(id = 'badge', typeIris: string[] = [VC_IRI, OB_CREDENTIAL_IRI], claims?: { path: (string | number | null)[] }[]): object {
  return { credentials: [{ id, format: 'ldp_vc', meta: { type_values: [typeIris] }, ...(claims ? { claims } : {}) }] };
}

export interface Openid4vpPeerOptions {
  /** How the verifier names itself; `x509_san_dns` makes a request the wallet must refuse. */
  readonly prefix: 'decentralized_identifier' | 'redirect_uri' | 'x509_san_dns';
  /** The verifier's key for `decentralized_identifier:` (default did:key Ed25519). */
  readonly key?: 'did:key' | 'did:jwk';
  readonly dcql?: object;
  readonly clientName?: string;
  /** Serve the request object with one signature byte changed. */
  readonly tamperSignature?: boolean;
  /** Start a new session (a new nonce) as soon as the request is read: the wallet's answer then carries the old nonce. */
  readonly rotateNonce?: boolean;
  /** Allow this page origin to call (CORS), for the browser test. */
  readonly corsOrigin?: string;
  /**
   * The https origin the request names (the browser test routes it to this peer): the app's CSP
   * lets a page reach https origins only, as in real use. Default: the peer's own http origin.
   */
  readonly publicOrigin?: string;
}

export interface ReceivedAnswer {
  readonly form: Record<string, string>;
  readonly verdicts: Record<string, PresentationVerdict[]>;
  readonly accepted: boolean;
  readonly problem?: string;
}

export interface Openid4vpPeer {
  /** The origin the request names (`publicOrigin`, else the local one). */
  readonly origin: string;
  /** Where the peer listens (http://127.0.0.1:…). */
  readonly localOrigin: string;
  /** The authorization request as a wallet scans it (`openid4vp://?…`). */
  readonly request: string;
  readonly clientId: string;
  /** Every request the peer was sent (method and path). */
  readonly hits: string[];
  readonly answers: ReceivedAnswer[];
  close(): Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of req) parts.push(chunk as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

function flipSignature(jwt: string): string {
  const [h, p, s] = jwt.split('.') as [string, string, string];
  const i = Math.floor(s.length / 2);
  return `${h}.${p}.${s.slice(0, i)}${s[i] === 'A' ? 'B' : 'A'}${s.slice(i + 1)}`;
}

export async function startOpenid4vpVerifier(options: Openid4vpPeerOptions): Promise<Openid4vpPeer> {
  const hits: string[] = [];
  const answers: ReceivedAnswer[] = [];
  let requestPayload: Openid4vpAuthorizationRequest | undefined;
  let requestJwt: string | undefined;
  let nonce = crypto.randomUUID();
  const cors = (res: ServerResponse) => {
    if (!options.corsOrigin) return;
    res.setHeader('Access-Control-Allow-Origin', options.corsOrigin);
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
    res.setHeader('Access-Control-Allow-Headers', 'content-type, accept');
  };
  const send = (res: ServerResponse, status: number, body: string, type = 'application/json') => {
    cors(res);
    res.writeHead(status, { 'content-type': type });
    res.end(body);
  };

  const server = createServer((req, res) => {
    void (async () => {
      hits.push(`${req.method} ${req.url}`);
      if (req.method === 'OPTIONS') return send(res, 204, '');
      if (req.method === 'GET' && req.url === '/request' && requestJwt) {
        const jwt = options.tamperSignature ? flipSignature(requestJwt) : requestJwt;
        if (options.rotateNonce) nonce = crypto.randomUUID();
        return send(res, 200, jwt, 'application/oauth-authz-req+jwt');
      }
      if (req.method === 'POST' && req.url === '/response' && requestPayload) {
        const form = Object.fromEntries(new URLSearchParams(await bodyOf(req)));
        const verdicts: Record<string, PresentationVerdict[]> = {};
        let problem: string | undefined;
        try {
          const payload = parseOpenid4VpAuthorizationResponsePayload({ ...form, vp_token: JSON.parse(form.vp_token ?? 'null') });
          const validated = validateOpenid4vpAuthorizationResponsePayload({ authorizationRequestPayload: requestPayload, authorizationResponsePayload: payload });
          if (validated.type !== 'dcql') throw new Error('not a DCQL answer');
          for (const [id, presentations] of Object.entries(validated.dcql.presentations)) {
            verdicts[id] = await Promise.all(presentations.map((vp) => checkPresentation(vp, { challenge: nonce, domain: requestPayload!.client_id }))); // why: set before the server answers
          }
          const bad = Object.values(verdicts).flat().find((v) => !v.ok);
          if (bad) problem = bad.problem;
        } catch (e) {
          problem = e instanceof Error ? e.message : String(e);
        }
        const accepted = problem === undefined;
        answers.push({ form, verdicts, accepted, ...(problem ? { problem } : {}) });
        return accepted ? send(res, 200, JSON.stringify({ redirect_uri: `${origin}/done` })) : send(res, 400, JSON.stringify({ error: 'invalid_request', error_description: problem }));
      }
      send(res, 404, JSON.stringify({ error: 'not_found' }));
    })().catch((e: unknown) => send(res, 500, JSON.stringify({ error: 'server_error', error_description: String(e) })));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const localOrigin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`; // why: listening on TCP
  const origin = options.publicOrigin ?? localOrigin;
  const responseUri = `${origin}/response`;
  const dcql = options.dcql ?? openBadgeQuery();

  let signerKey: JoseKey | undefined;
  let jwtSigner: JwtSigner | undefined;
  let clientId: string;
  if (options.prefix === 'decentralized_identifier') {
    if (options.key === 'did:jwk') {
      const k = await generateDidJwk('ES256');
      signerKey = k.privateKey;
      jwtSigner = { method: 'did', didUrl: k.vm, alg: 'ES256' };
      clientId = `decentralized_identifier:${k.did}`;
    } else {
      const k = await generateDidKey('Ed25519');
      signerKey = (await importJWK(k.privateJwk, 'EdDSA')) as JoseKey; // why: an OKP private JWK imports as a key
      jwtSigner = { method: 'did', didUrl: k.vm, alg: 'EdDSA' };
      clientId = `decentralized_identifier:${k.did}`;
    }
  } else if (options.prefix === 'redirect_uri') {
    clientId = `redirect_uri:${responseUri}`;
  } else {
    clientId = 'x509_san_dns:verifier.tsumiki.test';
  }

  const verifier = new Openid4vpVerifier({
    callbacks: {
      hash: async (data: Uint8Array, alg: HashAlgorithm) => new Uint8Array(await crypto.subtle.digest(alg === HashAlgorithm.Sha384 ? 'SHA-384' : alg === HashAlgorithm.Sha512 ? 'SHA-512' : 'SHA-256', data as Uint8Array<ArrayBuffer>)),
      signJwt: async (signer, { header, payload }) => {
        if (!signerKey) throw new Error('no key');
        const jwt = await new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader(header as { alg: string }).sign(signerKey);
        return { jwt, signerJwk: { kty: 'OKP' } };
      },
      verifyJwt: async () => ({ verified: false }),
      decryptJwe: async () => ({ decrypted: false }),
      encryptJwe: async () => {
        throw new Error('not used');
      },
    },
  });

  let request: string;
  if (options.prefix === 'x509_san_dns') {
    // The library would ask for a certificate chain; the wallet must refuse the prefix before fetching anything.
    requestPayload = { response_type: 'vp_token', client_id: clientId, response_mode: 'direct_post', response_uri: responseUri, nonce, dcql_query: dcql } as Openid4vpAuthorizationRequest;
    request = `openid4vp://?${new URLSearchParams({ client_id: clientId, request_uri: `${origin}/request` })}`;
  } else {
    const created = await verifier.createOpenId4vpAuthorizationRequest({
      authorizationRequestPayload: {
        response_type: 'vp_token',
        client_id: clientId,
        response_mode: 'direct_post',
        response_uri: responseUri,
        nonce,
        state: crypto.randomUUID(),
        dcql_query: dcql,
        client_metadata: { client_name: options.clientName ?? 'Tsumiki Test Verifier', vp_formats_supported: { ldp_vc: {} } },
      },
      ...(jwtSigner ? { jar: { requestUri: `${origin}/request`, jwtSigner, expiresInSeconds: 600 } } : {}),
    });
    requestPayload = created.authorizationRequestPayload as Openid4vpAuthorizationRequest; // why: not a DC API request
    requestJwt = created.jar?.authorizationRequestJwt;
    request = created.authorizationRequest;
    if (options.rotateNonce && !jwtSigner) nonce = crypto.randomUUID();
  }
  // The session's nonce is what the answer must carry (it may rotate); the request keeps the one it was made with.
  return {
    origin,
    localOrigin,
    request,
    clientId,
    hits,
    answers,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
