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
  'BAKE_TEXT_INVALID', // text cannot be baked without changing it (lone surrogate; a character XML 1.0 cannot hold)
  'NOT_A_CREDENTIAL',
  'PRESENTATION_EMPTY',
  'URL_NEEDS_NETWORK',
  'URL_FETCH_FAILED',
  'FILE_UNREADABLE', // the CLI could not read the file it was given
  // store
  'STORE_QUOTA',
  'STORE_FAILED',
  'BACKUP_BAD_PASSPHRASE',
  'BACKUP_DAMAGED',
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
