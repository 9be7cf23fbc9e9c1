/**
 * A VC-API exchange issuer on 127.0.0.1, as the DCC Learner Credential Wallet meets them: the
 * interaction URL (`/interactions/<id>?iuv=1`) answers `Accept: application/json` with
 * `{"protocols":{"vcapi":"<exchange URL>"}}` (anything else gets an HTML page); the exchange answers
 * the wallet's `{}` with a `verifiablePresentationRequest` (DIDAuthentication, a challenge, the
 * peer's origin as domain), checks the DID-Auth presentation with jsonld-signatures, and answers
 * `{"verifiablePresentation": {…"verifiableCredential": [<OB 3.0 credential>]}}`. One exchange per id.
 */
import type { JsonObject } from '../../../src/lib/model/credential.ts';
import { base64urlEncode } from '../../../src/lib/util/bytes.ts';
import { VC_V2, generateDidKey, hashedEmail, ob3Credential, signDi, RECIPIENT_EMAIL, SALT, type DidKey } from '../issuer.ts';
import { verifiedHolder } from './did-auth.ts';
import { bodyObject, serve, type PeerRequest, type Running, type ServeOptions } from './server.ts';

export interface VcApiIssuerPeer {
  readonly url: string;
  readonly issuerDid: string;
  readonly running: Running;
  readonly holders: string[];
  /** A fresh interaction URL. */
  interaction(): string;
  close(): Promise<void>;
}

const randomId = () => base64urlEncode(crypto.getRandomValues(new Uint8Array(12)));

export async function startVcApiIssuer(options: ServeOptions & { issuerKey?: DidKey } = {}): Promise<VcApiIssuerPeer> {
  const issuerKey = options.issuerKey ?? (await generateDidKey('Ed25519'));
  const identityHash = await hashedEmail(RECIPIENT_EMAIL, SALT);
  const exchanges = new Map<string, { challenge: string; done: boolean }>();
  const holders: string[] = [];
  let base = '';
  const idOf = (req: PeerRequest) => req.url.pathname.split('/')[2] ?? '';
  const running = await serve(
    {
      'GET /interactions/*': (req: PeerRequest) => {
        const id = idOf(req);
        if (!exchanges.has(id)) return { status: 404, json: { error: 'not_found' } };
        if (!String(req.headers.accept ?? '').includes('application/json')) return { text: '<!doctype html><p>Open this link in your wallet</p>', headers: { 'content-type': 'text/html' } };
        return { json: { protocols: { vcapi: `${base}/exchanges/${id}` } } };
      },
      'POST /exchanges/*': async (req: PeerRequest) => {
        const exchange = exchanges.get(idOf(req));
        if (!exchange || exchange.done) return { status: 404, json: { error: 'not_found' } };
        const body = bodyObject(req);
        if (body.verifiablePresentation === undefined) {
          return {
            json: {
              verifiablePresentationRequest: {
                query: [{ type: 'DIDAuthentication', acceptedMethods: [{ method: 'key' }] }],
                challenge: exchange.challenge,
                domain: base,
                interact: { service: [{ type: 'UnmediatedPresentationService2021', serviceEndpoint: `${base}/exchanges/${idOf(req)}` }] },
              },
            },
          };
        }
        const holder = await verifiedHolder(body.verifiablePresentation as JsonObject, { challenge: exchange.challenge, domain: base });
        if (!holder) return { status: 400, json: { error: 'invalid_proof', message: 'the presentation does not verify for this exchange' } };
        exchange.done = true;
        holders.push(holder);
        const credential = ob3Credential({ id: `urn:uuid:${crypto.randomUUID()}`, issuerId: issuerKey.did, identityHash });
        (credential.credentialSubject as JsonObject).id = holder;
        const signed = await signDi(credential, 'eddsa-rdfc-2022', issuerKey.pair);
        return { json: { verifiablePresentation: { '@context': [VC_V2], type: ['VerifiablePresentation'], verifiableCredential: [signed] } } };
      },
    },
    options,
  );
  base = running.base;
  return {
    url: base,
    issuerDid: issuerKey.did,
    running,
    holders,
    interaction() {
      const id = randomId();
      exchanges.set(id, { challenge: randomId(), done: false });
      return `${base}/interactions/${id}?iuv=1`;
    },
    close: () => running.close(),
  };
}
