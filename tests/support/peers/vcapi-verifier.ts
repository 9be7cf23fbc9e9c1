// A small VC-API verifier on 127.0.0.1: an interaction URL (`…/interactions/<id>?iuv=1`) that
// answers `Accept: application/json` with `{"protocols":{"vcapi": <exchange URL>}}`; the exchange,
// opened by an empty POST, answers a `verifiablePresentationRequest` (QueryByExample and/or
// DIDAuthentication, a fresh challenge, the domain its origin); the wallet's
// `{"verifiablePresentation": …}` is verified for real (check-presentation.ts: that challenge, the
// exchange's origin as domain, every credential intact and of the asked types): 200 when it
// accepts, 400 when it refuses.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkPresentation, type PresentationVerdict } from './check-presentation.ts';

export interface VcApiPeerOptions {
  /** `example.type` of each QueryByExample credential query (a string or an array); none: no QueryByExample. */
  readonly exampleTypes?: readonly (string | string[])[];
  readonly didAuthentication?: boolean;
  /** The answer must be signed for this domain (default: the exchange's origin). */
  readonly expectDomain?: string;
  readonly corsOrigin?: string;
}

export interface VcApiPeer {
  readonly origin: string;
  readonly interactionUrl: string;
  readonly hits: string[];
  readonly answers: { readonly verdict: PresentationVerdict; readonly accepted: boolean; readonly accept: string | undefined }[];
  /** The Accept header of the interaction GET. */
  readonly interactionAccept: (string | undefined)[];
  close(): Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of req) parts.push(chunk as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

export async function startVcApiVerifier(options: VcApiPeerOptions): Promise<VcApiPeer> {
  const hits: string[] = [];
  const answers: VcApiPeer['answers'][number][] = [];
  const interactionAccept: (string | undefined)[] = [];
  const challenge = crypto.randomUUID();
  const send = (res: ServerResponse, status: number, body: unknown) => {
    if (options.corsOrigin) {
      res.setHeader('Access-Control-Allow-Origin', options.corsOrigin);
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
      res.setHeader('Access-Control-Allow-Headers', 'content-type, accept');
    }
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(body === undefined ? '' : JSON.stringify(body));
  };
  const server = createServer((req, res) => {
    void (async () => {
      hits.push(`${req.method} ${req.url}`);
      if (req.method === 'OPTIONS') return send(res, 204, undefined);
      if (req.method === 'GET' && req.url?.startsWith('/interactions/1')) {
        interactionAccept.push(req.headers.accept);
        if (!req.headers.accept?.includes('application/json')) return send(res, 406, { message: 'ask for JSON' });
        return send(res, 200, { protocols: { vcapi: `${origin}/exchanges/1` } });
      }
      if (req.method === 'POST' && req.url === '/exchanges/1') {
        const body = JSON.parse((await bodyOf(req)) || '{}') as { verifiablePresentation?: unknown };
        if (body.verifiablePresentation === undefined) {
          const query = [
            ...(options.exampleTypes?.length ? [{ type: 'QueryByExample', credentialQuery: options.exampleTypes.map((type) => ({ reason: 'To confirm your knot-tying skills.', example: { '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'], type } })) }] : []),
            ...(options.didAuthentication ? [{ type: 'DIDAuthentication', acceptedMethods: [{ method: 'key' }] }] : []),
          ];
          return send(res, 200, { verifiablePresentationRequest: { query, challenge, domain: origin } });
        }
        const verdict = await checkPresentation(body.verifiablePresentation, { challenge, domain: options.expectDomain ?? origin });
        const wanted = (options.exampleTypes ?? []).map((t) => (Array.isArray(t) ? t : [t]));
        const typesOk = wanted.every((want) => verdict.credentialTypes.some((have) => want.every((t) => have.includes(t))));
        const accepted = verdict.ok && typesOk;
        answers.push({ verdict, accepted, accept: req.headers.accept });
        return accepted ? send(res, 200, { redirectUrl: `${origin}/thanks` }) : send(res, 400, { message: verdict.problem ?? 'the presentation does not hold what was asked for' });
      }
      send(res, 404, { message: 'not found' });
    })().catch((e: unknown) => send(res, 500, { message: String(e) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`; // why: listening on TCP
  return {
    origin,
    interactionUrl: `${origin}/interactions/1?iuv=1`,
    hits,
    answers,
    interactionAccept,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
