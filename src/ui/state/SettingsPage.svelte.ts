/** Settings actions: storage status and persistence, encrypted backup and restore, remove all. */
import { exportBackup, type RestoreMode } from '../../lib/store/backup.ts';
import { storageStatus, requestPersistence, type StorageStatus } from '../../lib/store/storage.ts';
import { deleteBadges, undoDelete } from '../../lib/store/trash.ts';
import { isTsumikiError } from '../../lib/errors.ts';
import { errorWords } from '../words.ts';
import type { AppState } from '../context.ts';
import { loadCore } from '../load-core.ts';
import { saveFile } from './BadgePage.svelte.ts';
import { verifyInWorker } from './verifier.ts';
import { recheckerOf } from './Recheck.svelte.ts';
import { PIN_PREFIX, TRUST_PREFIX } from '../../lib/store/trust.ts';
import type { WalletDb } from '../../lib/store/db.ts';

/** The wallet's trust lists and pins as one comparable text. */
async function trustRows(db: WalletDb): Promise<string> {
  const rows = await db.meta.where('key').startsWithAnyOf([TRUST_PREFIX, PIN_PREFIX]).toArray();
  return JSON.stringify(rows.map((r) => [r.key, r.value]).sort());
}

export type Message = { readonly kind: 'success' | 'error'; readonly text: string } | null;

export class SettingsPage {
  readonly #app: AppState;
  storage = $state.raw<StorageStatus | null>(null);
  persistDenied = $state(false);
  backupBusy = $state(false);
  backupMessage = $state.raw<Message>(null);
  restoreBusy = $state(false);
  restoreMessage = $state.raw<Message>(null);

  constructor(app: AppState) {
    this.#app = app;
  }

  async refreshStorage(): Promise<void> {
    this.storage = await storageStatus(navigator.storage);
  }

  async persist(): Promise<void> {
    const ok = await requestPersistence(navigator.storage);
    this.persistDenied = !ok;
    await this.refreshStorage();
  }

  #errorText(e: unknown): string {
    const code = isTsumikiError(e) ? e.code : 'INTERNAL';
    return errorWords(this.#app.i18n.lang, code);
  }

  async backup(passphrase: string): Promise<void> {
    const { db, i18n } = this.#app;
    this.backupBusy = true;
    this.backupMessage = null;
    try {
      const file = await exportBackup(db, passphrase);
      const count = await db.badges.count();
      saveFile(new Blob([new Uint8Array(file)], { type: 'application/octet-stream' }), `tsumiki-backup-${new Date().toISOString().slice(0, 10)}.tsumiki`);
      this.backupMessage = { kind: 'success', text: i18n.t('settings.backupDone', { count }) };
    } catch (e) {
      this.backupMessage = { kind: 'error', text: this.#errorText(e) };
    } finally {
      this.backupBusy = false;
    }
  }

  async restore(file: File | undefined, passphrase: string, mode: RestoreMode): Promise<void> {
    const { db, i18n } = this.#app;
    if (!file) {
      this.restoreMessage = { kind: 'error', text: i18n.t('settings.restoreNoFile') };
      return;
    }
    this.restoreBusy = true;
    this.restoreMessage = null;
    try {
      // Every badge is verified again from its bytes (offline, with the wallet's dated cache): a file's own reports are not believed.
      const core = await loadCore();
      const now = new Date();
      const verify = (b: Uint8Array) => verifyInWorker(b, { now, online: false, lang: i18n.lang });
      const trustBefore = await trustRows(db);
      const r = await core.restoreWallet(db, new Uint8Array(await file.arrayBuffer()), passphrase, mode, { now, remote: core.remoteFor(db, false), verify });
      this.restoreMessage = { kind: 'success', text: i18n.t('settings.restoreDone', { added: r.added, duplicates: r.duplicates, replaced: r.replaced }) };
      // The backup brought other trust lists or pins (issue 12): the badges were checked with the old ones, so again.
      if ((await trustRows(db)) !== trustBefore) void recheckerOf(db, () => i18n.lang).all();
    } catch (e) {
      this.restoreMessage = { kind: 'error', text: this.#errorText(e) };
    } finally {
      this.restoreBusy = false;
    }
  }

  /** Removes every badge in one transaction, with Undo. */
  async removeAll(): Promise<void> {
    const { db, toasts, i18n } = this.#app;
    const ids = await db.badges.toCollection().primaryKeys();
    const token = await deleteBadges(db, ids);
    if (token === null) return;
    toasts.show(i18n.t('settings.cleared', { count: ids.length }), 'info', {
      label: i18n.t('badge.undo'),
      run: async () => {
        await undoDelete(db, token);
      },
    });
  }
}
