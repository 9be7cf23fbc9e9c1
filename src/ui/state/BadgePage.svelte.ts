/** One badge's page: its row (live), the credential read again from its bytes, and the actions on it. */
import { getBadge, getOriginal, setNote, setTags } from '../../lib/store/badges.ts';
import { createEnv } from '../../lib/verify/env.ts';
import { deleteBadge, undoDelete } from '../../lib/store/trash.ts';
import { PIN_PREFIX, pinOfRow, putPin, removePin, type StoredPin } from '../../lib/store/trust.ts';
import type { StoredBadge } from '../../lib/store/types.ts';
import type { OpenedBadge } from '../../lib/wallet/open.ts';
import type { AppState } from '../context.ts';
import { headlineOfChecks } from '../headline.ts';
import { loadCore } from '../load-core.ts';
import { recheckerOf } from './Recheck.svelte.ts';
import { watchLive } from './LiveQuery.svelte.ts';
import { verifyInWorker } from './verifier.ts';

const EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/svg+xml': 'svg', 'application/json': 'json', 'application/jwt': 'jwt' };

export class BadgePage {
  readonly id: string;
  readonly #app: AppState;
  /** undefined while loading, null when the badge is not in the wallet. */
  badge = $state.raw<StoredBadge | null | undefined>(undefined);
  /** undefined while loading, null when the stored bytes no longer parse. */
  opened = $state.raw<OpenedBadge | null | undefined>(undefined);
  checking = $state<'' | 'offline' | 'online'>('');
  /** The last "check online" could not use the network: the browser is offline, or nothing answered. */
  network = $state<'' | 'offline' | 'unreachable'>('');
  /** Where "check online?" is being asked (the headline at the top, or the verification panel). */
  askOnline = $state<'' | 'top' | 'panel'>('');
  /** "I know this issuer": the pin of this badge's issuer (undefined while loading, null when none). */
  pin = $state.raw<StoredPin | null | undefined>(undefined);

  constructor(app: AppState, id: string) {
    this.#app = app;
    this.id = id;
  }

  /** Follows the row while the page is shown; returns the stop function (for $effect). */
  watch(): () => void {
    return watchLive(this.#app, (app) => getBadge(app.db, this.id), {
      next: (b) => {
        this.badge = b ?? null;
      },
      error: () => {
        this.badge = null;
      },
    });
  }

  /** Follows the pin of `issuerId` while the page is shown; returns the stop function (for $effect). */
  watchPin(issuerId: string): () => void {
    if (!issuerId) {
      this.pin = null;
      return () => undefined;
    }
    return watchLive(this.#app, async (app) => {
      const row = await app.db.meta.get(PIN_PREFIX + issuerId);
      return row ? pinOfRow(row) : null;
    }, {
      next: (p) => {
        this.pin = p;
      },
      error: () => {
        this.pin = null;
      },
    });
  }

  /** Pins the issuer with the name the badge gives it and a note; every badge is then checked again. */
  async pinIssuer(issuerId: string, name: string | null, note: string): Promise<void> {
    const db = this.#app.db;
    await putPin(db, { issuerId, name, note: note.trim(), pinnedAt: new Date().toISOString() });
    this.#app.toasts.show(this.#app.i18n.t('pin.done'), 'success');
    recheckerOf(db, () => this.#app.i18n.lang).all();
  }

  async unpin(issuerId: string): Promise<void> {
    const db = this.#app.db;
    await removePin(db, issuerId);
    this.#app.toasts.show(this.#app.i18n.t('pin.removed'), 'info');
    recheckerOf(db, () => this.#app.i18n.lang).all();
  }

  async open(lang: string): Promise<void> {
    const core = await loadCore();
    // Read offline, with the wallet's dated cache: what an online check fetched (an OB 2.0 BadgeClass) is shown.
    this.opened = await core.openBadge(this.#app.db, this.id, lang, createEnv({ remote: core.remoteFor(this.#app.db, false) }));
  }

  async reverify(online: boolean): Promise<void> {
    if (this.checking) return;
    const { t, v, lang } = this.#app.i18n;
    this.network = '';
    if (online && typeof navigator !== 'undefined' && navigator.onLine === false) {
      // Said plainly, and the stored report is left as it was: nothing was checked with the network.
      this.network = 'offline';
      this.#app.toasts.show(t('badge.onlineOffline'), 'info');
      return;
    }
    this.checking = online ? 'online' : 'offline';
    try {
      const core = await loadCore();
      const now = new Date();
      const verify = (b: Uint8Array) => verifyInWorker(b, { now, online, lang });
      const report = await core.reverifyBadge(this.#app.db, this.id, { now, remote: core.remoteFor(this.#app.db, online), verify });
      if (!report) return;
      if (online && report.checks.some((c) => c.code === 'FETCH_FAILED')) {
        this.network = 'unreachable';
        this.#app.toasts.show(t('badge.onlineUnreachable'), 'info');
        return;
      }
      if (online) void this.open(lang);
      const h = headlineOfChecks(report.checks);
      this.#app.toasts.show(t('badge.rechecked', { verdict: v.headline[h.headline] }), h.headline === 'GENUINE' ? 'success' : 'info');
    } finally {
      this.checking = '';
    }
  }

  async saveTags(text: string): Promise<void> {
    await setTags(this.#app.db, this.id, text.split(/[,、，]/));
    this.#app.toasts.show(this.#app.i18n.t('badge.saved'), 'success');
  }

  async saveNote(text: string): Promise<void> {
    await setNote(this.#app.db, this.id, text);
    this.#app.toasts.show(this.#app.i18n.t('badge.saved'), 'success');
  }

  /** Deletes, goes back to the list, and offers Undo. */
  async remove(): Promise<void> {
    const { db, toasts, router, i18n, images } = this.#app;
    const token = await deleteBadge(db, this.id);
    images.forget(this.id);
    router.go({ name: 'wallet' });
    if (token === null) return;
    toasts.show(i18n.t('badge.deleted'), 'info', {
      label: i18n.t('badge.undo'),
      run: async () => {
        const r = await undoDelete(db, token);
        if (r) toasts.show(i18n.t('badge.restored'), 'success');
      },
    });
  }

  /** Saves the original file, exactly as imported. */
  async download(): Promise<void> {
    const b = this.badge;
    const bytes = (await getOriginal(this.#app.db, this.id))?.bytes;
    if (!b || !bytes) return;
    const ext = EXTENSIONS[b.mime] ?? 'bin';
    const base = (b.summary.title || 'badge').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim().slice(0, 80) || 'badge';
    saveFile(new Blob([new Uint8Array(bytes)], { type: b.mime }), `${base}.${ext}`);
  }
}

/** Downloads a blob under a file name (an <a download> click; the URL is revoked afterwards). */
export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
