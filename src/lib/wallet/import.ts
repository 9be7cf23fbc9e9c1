/**
 * Import: bytes → parse → verify → the store's NewBadge → one write transaction per file.
 * A credential that fails verification is still stored (with its report): the learner sees why.
 * Input that is not a readable credential is not stored; it comes back as a coded error.
 */
import { isTsumikiError, type ErrorCode } from '../errors.ts';
import type { Container, ParsedCredential } from '../model/credential.ts';
import type { CredentialReading } from '../model/reading.ts';
import type { Verdict } from '../model/verification.ts';
import { headlineOf, type Headline } from '../model/headline.ts';
import { addBadges } from '../store/badges.ts';
import type { WalletDb } from '../store/db.ts';
import type { NewBadge } from '../store/types.ts';
import { bytesEqual } from '../util/bytes.ts';
import { createEnv, type RecipientClaim } from '../verify/env.ts';
import { verifyBytes, type InputResult, type Verification } from '../verify/pipeline.ts';
import type { Remote } from '../verify/remote.ts';
import { summarize } from './summary.ts';

export interface ImportOptions {
  readonly fileName?: string;
  readonly now: Date;
  readonly remote: Remote;
  readonly recipient?: RecipientClaim;
  /**
   * How the bytes are verified: the core on this thread by default; the app passes its worker with a
   * deadline (src/ui/state/verifier.ts), which answers the same result or a VERIFY_TIMEOUT error.
   */
  readonly verify?: (bytes: Uint8Array) => Promise<InputResult>;
}

export interface ImportedCredential {
  readonly status: 'added' | 'duplicate';
  /** The badge's id in the wallet (for a duplicate: the one already there). */
  readonly id: string;
  readonly verdict: Verdict;
  /** What a reader is told first (issue 12): from the same checks as the verdict. */
  readonly headline: Headline;
  readonly title: string;
}

export type FileImport =
  | { readonly ok: true; readonly fileName?: string; readonly credentials: readonly ImportedCredential[] }
  | { readonly ok: false; readonly fileName?: string; readonly error: { readonly code: ErrorCode; readonly message: string } };

const PNG = [0x89, 0x50, 0x4e, 0x47];

/** The media type of the bytes as given (by content, never by file name). */
export function mimeOf(bytes: Uint8Array): string {
  if (PNG.every((b, i) => bytes[i] === b)) return 'image/png';
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<')) return 'image/svg+xml';
  if (head.startsWith('{') || head.startsWith('[')) return 'application/json';
  return 'application/jwt';
}

const URL_ONLY = /^\s*https?:\/\/\S+\s*$/;

/** True when the input is a bare link: the file to keep is then the credential that was fetched. */
function isLink(bytes: Uint8Array): boolean {
  return bytes.length < 4096 && URL_ONLY.test(new TextDecoder().decode(bytes));
}

/** The store's record for one verified credential of a file. */
export function newBadgeOf(inputBytes: Uint8Array, parsed: ParsedCredential, verification: Verification, reading: CredentialReading | undefined): NewBadge {
  // A PDF certificate: the file kept is the one attached to it (the credential as issued), not the PDF.
  const fileBytes = parsed.attachment?.bytes ?? inputBytes;
  const link = isLink(fileBytes);
  const bytes = link ? parsed.bytes : fileBytes;
  const container: Container = link ? (parsed.jws === undefined ? 'json' : 'jws') : parsed.container;
  const { summary, credentialId, imageDataUri } = summarize(parsed, reading);
  const same = bytesEqual(bytes, parsed.bytes);
  return {
    bytes,
    container,
    mime: mimeOf(bytes),
    ...(same ? {} : { credentialBytes: parsed.bytes }),
    format: parsed.format,
    credentialId,
    summary,
    ...(imageDataUri === undefined ? {} : { imageDataUri }),
    report: verification,
    verifiedAt: verification.checkedAt,
  };
}

/** Imports one file (which may hold several credentials) in one transaction. Never throws. */
export async function importBytes(db: WalletDb, bytes: Uint8Array, options: ImportOptions): Promise<FileImport> {
  const name = options.fileName === undefined ? {} : { fileName: options.fileName };
  const env = createEnv({ now: options.now, remote: options.remote, ...(options.recipient ? { recipient: options.recipient } : {}) });
  const result = options.verify === undefined ? await verifyBytes(bytes, env) : await options.verify(bytes);
  if (result.error !== undefined || result.credentials.length === 0) {
    return { ok: false, ...name, error: result.error ?? { code: 'NOT_A_CREDENTIAL', message: 'no credential' } };
  }
  const badges = result.credentials.map((c) => newBadgeOf(bytes, c.parsed, c.verification, c.reading));
  try {
    const written = await addBadges(db, badges);
    const credentials = written.map((w, i): ImportedCredential => {
      const c = result.credentials[i];
      return { status: w.status, id: w.id, verdict: c?.verification.verdict ?? 'rejected', headline: c ? headlineOf(c.verification.checks).headline : 'UNREADABLE', title: badges[i]?.summary.title ?? '' };
    });
    return { ok: true, ...name, credentials };
  } catch (e) {
    const code: ErrorCode = isTsumikiError(e) ? e.code : 'STORE_FAILED';
    return { ok: false, ...name, error: { code, message: e instanceof Error ? e.message : String(e) } };
  }
}
