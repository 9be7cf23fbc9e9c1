/**
 * A DCC credential-request issuer on 127.0.0.1 (what Open edX's credentials service does): it makes
 * `dccrequest://request?issuer=…&vc_request_url=…&auth_type=bearer&challenge=…` links, takes the
 * wallet's DID-Authentication presentation at `vc_request_url` (the raw presentation, as the DCC
 * Learner Credential Wallet posts it, or `{"verifiablePresentation": …}`), checks its proof and
 * challenge with jsonld-signatures, and answers one OB 3.0 credential signed by a test did:key and
 * issued to the presentation's holder. Each challenge works once.
 */
import type { JsonObject } from '../../../src/lib/model/credential.ts';
import { base64urlEncode } from '../../../src/lib/util/bytes.ts';
import { generateDidKey, hashedEmail, ob3Credential, signDi, RECIPIENT_EMAIL, SALT, type DidKey } from '../issuer.ts';
import { verifiedHolder } from './did-auth.ts';
import { bodyObject, serve, type PeerRequest, type Running, type ServeOptions } from './server.ts';

export interface DccIssuerPeer {
  readonly url: string;
  readonly issuerDid: string;
  readonly running: Running;
  readonly holders: string[];
  /** A fresh credential-request link. */
  link(): string;
  close(): Promise<void>;
}

export async function startDccIssuer(options: ServeOptions & { issuerKey?: DidKey } = {}): Promise<DccIssuerPeer> {
  const issuerKey = options.issuerKey ?? (await generateDidKey('Ed25519'));
  const identityHash = await hashedEmail(RECIPIENT_EMAIL, SALT);
  const challenges = new Set<string>();
  const holders: string[] = [];
  const running = await serve(
    {
      'POST /vc-request': async (req: PeerRequest) => {
        const body = bodyObject(req);
        const vp = (typeof body.verifiablePresentation === 'object' && body.verifiablePresentation !== null ? body.verifiablePresentation : body) as JsonObject;
        const challenge = (vp.proof as JsonObject | undefined)?.challenge;
        if (typeof challenge !== 'string' || !challenges.has(challenge)) return { status: 400, json: { error: 'invalid_request', error_description: 'unknown or used challenge' } };
        const holder = await verifiedHolder(vp, { challenge });
        if (!holder) return { status: 401, json: { error: 'invalid_proof', error_description: 'the presentation does not verify' } };
        challenges.delete(challenge);
        holders.push(holder);
        const credential = ob3Credential({ id: `urn:uuid:${crypto.randomUUID()}`, issuerId: issuerKey.did, identityHash });
        (credential.credentialSubject as JsonObject).id = holder;
        return { status: 201, json: await signDi(credential, 'eddsa-rdfc-2022', issuerKey.pair) };
      },
    },
    options,
  );
  return {
    url: running.base,
    issuerDid: issuerKey.did,
    running,
    holders,
    link() {
      const challenge = base64urlEncode(crypto.getRandomValues(new Uint8Array(16)));
      challenges.add(challenge);
      const q = new URLSearchParams({ issuer: issuerKey.did, vc_request_url: `${running.base}/vc-request`, auth_type: 'bearer', challenge });
      return `dccrequest://request?${q.toString()}`;
    },
    close: () => running.close(),
  };
}
