/** One badge's page: its row (live), the credential read again from its bytes, and the actions on it. */
import { getBadge, getOriginal, setNote, setTags } from '../../lib/store/badges.ts';
import { deleteBadge, undoDelete } from '../../lib/store/trash.ts';
import type { StoredBadge } from '../../lib/store/types.ts';
import type { OpenedBadge } from '../../lib/wallet/open.ts';
import type { AppState } from '../context.ts';
import { loadCore } from '../load-core.ts';
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

  async open(lang: string): Promise<void> {
    const core = await loadCore();
    this.opened = await core.openBadge(this.#app.db, this.id, lang);
  }

  async reverify(online: boolean): Promise<void> {
    if (this.checking) return;
    this.checking = online ? 'online' : 'offline';
    try {
      const core = await loadCore();
      const now = new Date();
      const verify = (b: Uint8Array) => verifyInWorker(b, { now, online });
      const report = await core.reverifyBadge(this.#app.db, this.id, { now, remote: core.remoteFor(this.#app.db, online), verify });
      const { t, v } = this.#app.i18n;
      if (report) this.#app.toasts.show(t('badge.rechecked', { verdict: v.verdict[report.verdict] }), report.verdict === 'verified' ? 'success' : 'info');
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
