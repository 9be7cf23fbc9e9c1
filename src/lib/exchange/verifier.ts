/**
 * What answering a verifier shares across protocols: who asks (as proven, and as claimed), the
 * network door the caller hands in, and the verifier's answer once the presentation is posted.
 */
import { exchangeFetch, type ExchangeStep } from './http.ts';

/**
 * The platform's fetch, or a test's: every call still goes through the one door (./http.ts:
 * https except localhost, bounded answers, coded failures naming the step).
 */
export type PlatformFetch = typeof fetch | undefined;

/** A call to the verifier through the door. */
export function verifierFetch(url: string, init: RequestInit, step: ExchangeStep, platform: PlatformFetch): Promise<Response> {
  return exchangeFetch(url, init, { peer: 'verifier', step, ...(platform ? { fetch: platform } : {}) });
}

export interface VerifierIdentity {
  /**
   * What is proven about the verifier: the DID whose key signed the request
   * (OpenID4VP `decentralized_identifier:`), or only the origin it answers at (OpenID4VP
   * `redirect_uri:`, a VC-API exchange).
   */
  readonly proven: { readonly kind: 'did' | 'origin'; readonly value: string };
  /** The origin the presentation is posted to. */
  readonly answersTo: string;
  /** The name the verifier gives itself (OpenID4VP `client_metadata.client_name`): a claim, never proven. */
  readonly claimedName: string | null;
  /** Its logo URL (a claim; never fetched without the user asking). */
  readonly logoUri: string | null;
}

export interface VerifierAnswer {
  /** The HTTP status of the verifier's answer. */
  readonly status: number;
  /** 2xx: the verifier accepted the presentation. */
  readonly accepted: boolean;
  /** Where the verifier asks the user to go next (OpenID4VP `redirect_uri`), https (or localhost) only. */
  readonly redirectUri?: string;
  /** The verifier's own words (`error_description`, a VC-API `message`), at most 500 characters: a claim. */
  readonly message?: string;
}

const MAX_ANSWER_BYTES = 64 * 1024;

function safeUrl(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  try {
    const url = new URL(v);
    const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
    return url.protocol === 'https:' || (url.protocol === 'http:' && local) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The verifier's answer, from its HTTP response (its body read up to a bound, as JSON when it is). */
export async function answerOf(response: Response): Promise<VerifierAnswer> {
  let body: unknown;
  try {
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = new TextDecoder().decode(bytes.slice(0, MAX_ANSWER_BYTES));
    body = text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  const record = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {}; // why: a JSON object
  const redirectUri = safeUrl(record.redirect_uri ?? record.redirectUrl);
  const said = record.error_description ?? record.message ?? record.error;
  return {
    status: response.status,
    accepted: response.status >= 200 && response.status < 300,
    ...(redirectUri ? { redirectUri } : {}),
    ...(typeof said === 'string' && said !== '' ? { message: said.slice(0, 500) } : {}),
  };
}

