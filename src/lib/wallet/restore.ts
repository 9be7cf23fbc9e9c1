/**
 * Restore a backup the way an import reads a file (issue 11, class 8): the file's summaries and
 * reports are its own words — anyone with the passphrase can write "verified" into one — so every
 * badge is verified again from its original bytes with the core, and its summary derived from what
 * was read, exactly as `importBytes` does. From the file the wallet keeps only the bytes (their content
 * ids are checked by the store) and the learner's own tags, note and date added.
 *
 * Bytes that no longer read as a credential are kept (a later parser may read them; the learner's data
 * is never dropped) with a `rejected` report and an empty summary: nothing the file says about them is shown.
 */
import { exportBackup, restoreBackup, type Rederive, type Rederived, type RestoreMode, type RestoreResult } from '../store/backup.ts';
import type { WalletDb } from '../store/db.ts';
import type { Container } from '../model/credential.ts';
import { mimeOf, newBadgeOf } from './import.ts';
import { verifyOriginal, type ReverifyOptions } from './reverify.ts';

export { exportBackup };
export type { RestoreMode, RestoreResult };

/** When to check: the clock, the network door (offline with the wallet's dated cache, unless the user asked), a recipient. */
export type RestoreOptions = ReverifyOptions;

function containerOf(mime: string): Container {
  if (mime === 'image/png') return 'png';
  if (mime === 'image/svg+xml') return 'svg';
  if (mime === 'application/jwt') return 'jws';
  return 'json';
}

/** The core's reading of one stored badge: verified again, summarised again. */
export function rederiveWith(options: RestoreOptions): Rederive {
  return async (original, claimed): Promise<Rederived> => {
    const { found, verification } = await verifyOriginal(original, options);
    if (found !== undefined) {
      const fresh = newBadgeOf(original.bytes, found.parsed, found.verification, found.reading);
      return {
        container: fresh.container,
        mime: fresh.mime,
        format: fresh.format,
        credentialId: fresh.credentialId,
        summary: fresh.summary,
        ...(fresh.imageDataUri === undefined ? {} : { imageDataUri: fresh.imageDataUri }),
        report: verification,
        verifiedAt: verification.checkedAt,
      };
    }
    const mime = mimeOf(original.bytes);
    return {
      container: containerOf(mime),
      mime,
      format: claimed.format, // a label only: the report says the bytes are unreadable
      credentialId: null,
      summary: { title: '', issuerName: '', issuerId: '', issuedAt: null, expiresAt: null, searchText: '' },
      report: verification,
      verifiedAt: verification.checkedAt,
    };
  };
}

/**
 * Restores an encrypted backup (`merge` or `replace`, see the store's `restoreBackup`), verifying every
 * badge again before anything is written: a wallet restored from a file shows the same verdicts an
 * import of the same bytes would. Errors: those of `restoreBackup`; on any of them the wallet is unchanged.
 */
export function restoreWallet(db: WalletDb, file: Uint8Array, passphrase: string, mode: RestoreMode, options: RestoreOptions): Promise<RestoreResult> {
  return restoreBackup(db, file, passphrase, mode, rederiveWith(options));
}
