/** Everything the screens share, built once at start-up and provided through a typed context. */
import { createContext } from 'svelte';
import type { WalletDb } from '../lib/store/db.ts';
import { TsumikiError } from '../lib/errors.ts';
import { getSetting, setSetting } from '../lib/store/kv.ts';
import { readSnapshot } from '../lib/store/snapshot.ts';
import type { Lang } from '../lib/i18n/lang.ts';
import { I18n, initialLang, loadLang } from './state/I18n.svelte.ts';
import { Images } from './state/Images.svelte.ts';
import { Importer } from './state/Importer.svelte.ts';
import { Router } from './state/Router.svelte.ts';
import { Toasts } from './state/Toasts.svelte.ts';
import { Wallet } from './state/Wallet.svelte.ts';

export interface AppState {
  /**
   * The wallet database. The first paint happens before Dexie has loaded (issue 8): reading `db`
   * before `ready` has resolved throws. Lazily loaded screens wait for it (screens.ts), so code in a
   * screen, or run on a user action, can use it; code in the first-paint path awaits `ready`.
   */
  readonly db: WalletDb;
  /** Resolves once the wallet is open (Dexie loaded); rejects when it cannot be opened. */
  readonly ready: Promise<WalletDb>;
  readonly i18n: I18n;
  readonly router: Router;
  readonly wallet: Wallet;
  readonly images: Images;
  readonly importer: Importer;
  readonly toasts: Toasts;
  /** The app's own base URL (demo files are fetched from here). */
  readonly base: string;
}

export const [getApp, setApp] = createContext<AppState>();

let opened: (db: WalletDb) => void = () => undefined;
/** Resolves when the wallet of the running app is open: lazily loaded screens wait for it. */
export const walletOpened = new Promise<WalletDb>((resolve) => {
  opened = resolve;
});

export async function createAppState(win: Window): Promise<AppState> {
  // Paint from one raw read; Dexie loads in parallel. Without a snapshot (an upgrade is due, or the
  // raw read failed), open with Dexie first, as the upgrade must run before anything is shown.
  const snapshot = await readSnapshot(win.indexedDB).catch(() => null);
  const ready = import('./open-db.ts').then((m) => m.openAppDb(win));
  let db: WalletDb | undefined;
  void ready.then((d) => {
    db = d;
    opened(d);
    // Forget old deletes (undo is offered for a day); off the start-up path.
    void import('../lib/store/trash.ts').then((m) => m.purgeTrash(d)).catch(() => 0);
  }, () => undefined);
  const saved = snapshot === null ? await ready.then((d) => getSetting(d, 'lang')).catch(() => undefined) : snapshot.lang;
  if (snapshot === null) await ready;
  const lang = initialLang(saved, win.navigator.language);
  await loadLang(lang).catch(() => undefined);
  const i18n = new I18n(lang);
  const wallet = new Wallet(ready, snapshot?.rows);
  wallet.locale = i18n.locale;
  return {
    get db(): WalletDb {
      if (db === undefined) throw new TsumikiError('STORE_FAILED', 'the wallet is still opening');
      return db;
    },
    ready,
    i18n,
    router: new Router(win),
    wallet,
    images: new Images(ready),
    importer: new Importer(ready, () => i18n.lang),
    toasts: new Toasts(),
    base: win.document.baseURI,
  };
}

/** Switches the language, remembers it in the wallet's settings, and sets <html lang>. */
export async function setLang(app: AppState, lang: Lang): Promise<void> {
  await app.i18n.use(lang);
  app.wallet.locale = app.i18n.locale;
  document.documentElement.lang = lang;
  await setSetting(await app.ready, 'lang', lang).catch(() => undefined);
}
