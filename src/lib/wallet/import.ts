/**
 * Import: bytes → parse → verify → the store's rows (`prepareFile`) → written in a transaction
 * (`writeFiles` in import-batch.ts: the app writes many files per transaction, issue 15).
 * A credential that fails verification is still stored (with its report): the learner sees why.
 * Input that is not a readable credential is not stored; it comes back as a coded error.
 */
import { isTsumikiError } from '../errors.ts';
import type { Container, ParsedCredential } from '../model/credential.ts';
import type { CredentialReading } from '../model/reading.ts';
import { headlineOf } from '../model/headline.ts';
import { prepareBadge } from '../store/badges.ts';
import type { WalletDb } from '../store/db.ts';
import type { NewBadge } from '../store/types.ts';
import { bytesEqual } from '../util/bytes.ts';
import { createEnv, type RecipientClaim } from '../verify/env.ts';
import { verifyBytes, type InnerResult, type InputResult, type Verification } from '../verify/pipeline.ts';
import type { Remote } from '../verify/remote.ts';
import { summarize } from './summary.ts';
import { writeFiles, type FileImport, type PreparedFile, type PreparedItem } from './import-batch.ts';

export type { FileImport, ImportedCredential } from './import-batch.ts';

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

/**
 * The report kept for a credential: its own verification, and for a CLR each credential inside it
 * as verified on its own (`nested`, by path), so pathways count only those that verify.
 */
export function reportWithInner(verification: Verification, inner: readonly InnerResult[] | undefined): Verification & { readonly nested?: NonNullable<NewBadge['report']['nested']> } {
  const rows = (inner ?? []).filter((r) => r.kind === 'credential');
  if (rows.length === 0) return verification;
  return { ...verification, nested: Object.fromEntries(rows.map((r) => [r.path, { verdict: r.verification.verdict, checks: r.verification.checks, checkedAt: r.verification.checkedAt }])) };
}

/** The store's record for one verified credential of a file (`inner`: a CLR's credentials, each verified on its own). */
export function newBadgeOf(inputBytes: Uint8Array, parsed: ParsedCredential, verification: Verification, reading: CredentialReading | undefined, inner?: readonly InnerResult[]): NewBadge {
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
    report: reportWithInner(verification, inner),
    verifiedAt: verification.checkedAt,
  };
}

/**
 * The store's rows for every credential of a verified file (`addedAt`: when it is added), with the
 * verdict and headline the results list shows; or why the file is not imported. Never throws. This
 * is the work the app's verify workers do after verifying, so the page only writes.
 */
export async function prepareFile(bytes: Uint8Array, result: InputResult, addedAt: string): Promise<PreparedFile> {
  if (result.error !== undefined || result.credentials.length === 0) {
    return { ok: false, error: result.error ?? { code: 'NOT_A_CREDENTIAL', message: 'no credential' } };
  }
  try {
    const items = await Promise.all(
      result.credentials.map(async (c): Promise<PreparedItem> => {
        const badge = newBadgeOf(bytes, c.parsed, c.verification, c.reading, c.inner);
        return { prepared: await prepareBadge(badge, addedAt), verdict: c.verification.verdict, headline: headlineOf(c.verification.checks).headline, title: badge.summary.title };
      }),
    );
    return { ok: true, items };
  } catch (e) {
    return { ok: false, error: { code: isTsumikiError(e) ? e.code : 'STORE_FAILED', message: e instanceof Error ? e.message : String(e) } };
  }
}

/** Imports one file (which may hold several credentials) in one transaction. Never throws. */
export async function importBytes(db: WalletDb, bytes: Uint8Array, options: ImportOptions): Promise<FileImport> {
  const name = options.fileName === undefined ? {} : { fileName: options.fileName };
  const env = createEnv({ now: options.now, remote: options.remote, ...(options.recipient ? { recipient: options.recipient } : {}) });
  const result = options.verify === undefined ? await verifyBytes(bytes, env) : await options.verify(bytes);
  const [outcome] = await writeFiles(db, [await prepareFile(bytes, result, db.now().toISOString())]);
  return { ...(outcome as FileImport), ...name }; // why: one result per file
}
