/**
 * One error base and a closed list of stable codes (the jose pattern). UI and CLI switch on
 * `code`, never on `message`; words for each code live in `i18n/`.
 */
export const ERROR_CODES = [
  // input / formats
  'INPUT_EMPTY',
  'INPUT_TOO_LARGE',
  'FORMAT_UNRECOGNIZED',
  'JSON_MALFORMED',
  'JSON_TOO_DEEP',
  'JSON_FORBIDDEN_KEY',
  'JSON_ARRAY_TOO_LONG', // an array holds more values than the bound (formats/json.ts MAX_ARRAY_LENGTH)
  'JSON_TOO_MANY_VALUES', // the document holds more values in all than the bound (MAX_JSON_NODES)
  'JWS_MALFORMED',
  'JWS_ALG_FORBIDDEN',
  'PNG_MALFORMED',
  'PNG_NO_CREDENTIAL',
  'PNG_CHUNK_TOO_LARGE',
  'PNG_DUPLICATE_CREDENTIAL',
  'SVG_MALFORMED',
  'SVG_NO_CREDENTIAL',
  'SVG_FORBIDDEN_CONSTRUCT',
  'SVG_DUPLICATE_CREDENTIAL',
  'PDF_MALFORMED', // a PDF that cannot be read, or whose attached files cannot (unknown compression, looping or oversized list)
  'PDF_NO_CREDENTIAL', // a PDF with no attached file: not a certificate that carries its credential
  'BAKE_TEXT_INVALID', // text cannot be baked without changing it (lone surrogate; a character XML 1.0 cannot hold)
  'NOT_A_CREDENTIAL',
  'PRESENTATION_EMPTY',
  'PRESENTATION_TOO_MANY', // a presentation holds more credentials than the bound (formats/parse.ts)
  'URL_NEEDS_NETWORK',
  'URL_FETCH_FAILED',
  'FILE_UNREADABLE', // the CLI could not read the file it was given
  'VERIFY_TIMEOUT', // checking one input took longer than the app's deadline and was stopped
  // share / scan (QR codes and deep links)
  'QR_NOT_FOUND', // no QR code could be read in the image
  'QR_FRAME_INVALID', // a QR code that is not a Tsumiki share frame, or a damaged one
  'QR_FRAMES_MIXED', // frames of two different presentations
  'QR_FRAMES_MISSING', // some frames of the presentation were not scanned
  'QR_CHECKSUM_MISMATCH', // the frames reassemble into a payload whose checksum is wrong
  'QR_PAYLOAD_TOO_LARGE', // the frames declare more data than a presentation may hold
  'QR_PAYLOAD_INVALID', // the payload does not decompress into a presentation
  'SHARE_TOO_LARGE', // the presentation needs more QR frames than allowed
  'SHARE_CANNOT_SIGN', // the presentation cannot be signed (a credential's JSON-LD context is not bundled)
  // exchanges with issuers and verifiers (exchange/http.ts; every such error names its step in data.step)
  'EXCHANGE_URL_INVALID', // not a URL, or not an offer/request this wallet understands
  'EXCHANGE_URL_INSECURE', // plain http to a host other than localhost / 127.0.0.1
  'EXCHANGE_NETWORK', // the peer could not be reached (offline, DNS, refused connection, timeout)
  'ISSUER_NO_CORS', // in a browser: the issuer does not allow cross-origin requests
  'VERIFIER_NO_CORS', // in a browser: the verifier does not allow cross-origin requests
  'EXCHANGE_TOO_LARGE', // the peer's answer is larger than the bound
  'EXCHANGE_BAD_RESPONSE', // the peer's answer is not readable JSON or not the shape the protocol says
  'EXCHANGE_REFUSED', // the peer answered with an error (HTTP status, OAuth error)
  // claiming credentials (exchange/claim.ts)
  'CLAIM_PIN_REQUIRED', // the offer needs a transaction code (PIN) and none was given
  'CLAIM_WRONG_PIN', // the issuer refused the transaction code
  'CLAIM_OFFER_EXPIRED', // the issuer refused the offer's code: expired or already used
  'CLAIM_NOTHING_TO_CLAIM', // the offer lists no Open Badge this wallet can verify (ldp_vc, jwt_vc_json)
  'CLAIM_DEFERRED', // the issuer wants to deliver later (deferred issuance), which this wallet does not do
  // store
  'STORE_QUOTA',
  'STORE_FAILED',
  'BACKUP_BAD_PASSPHRASE',
  'BACKUP_DAMAGED',
  'BACKUP_ITERATIONS_REFUSED', // the backup asks for a PBKDF2 iteration count outside the accepted range
  'BACKUP_TOO_MANY_ENTRIES', // the backup holds more badges or settings than the bound
  // present (answering a verifier's request: OpenID4VP, VC-API)
  'PRESENT_REQUEST_INVALID', // the verifier's request cannot be read (not a request, a field missing or malformed, a query that is not DCQL)
  'PRESENT_VERIFIER_REFUSED', // the request names its verifier in a way the wallet does not accept (a client_id prefix other than decentralized_identifier: / redirect_uri:)
  'PRESENT_REQUEST_SIGNATURE', // the signed request object does not verify with the key of the DID it names
  'PRESENT_UNSUPPORTED', // the request asks for a response mode, query language or format the wallet does not speak
  'PRESENT_NOTHING_MATCHES', // the wallet holds nothing the verifier asks for
  'PRESENT_NOT_VERIFIED', // a chosen credential does not verify: it is never sent
  // general
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class TsumikiError extends Error {
  readonly code: ErrorCode;
  readonly data: Readonly<Record<string, unknown>> | undefined;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; data?: Record<string, unknown> }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TsumikiError';
    this.code = code;
    this.data = options?.data;
  }
}

export function isTsumikiError(e: unknown): e is TsumikiError {
  return e instanceof TsumikiError;
}
