/** Everything the screens share, built once at start-up and provided through a typed context. */
import { createContext } from 'svelte';
import { Dexie } from 'dexie';
import { openWallet, type WalletDb } from '../lib/store/db.ts';
import { getSetting, setSetting } from '../lib/store/kv.ts';
import { I18n, initialLang, loadLang, type Lang } from './state/I18n.svelte.ts';
import { Images } from './state/Images.svelte.ts';
import { Importer } from './state/Importer.svelte.ts';
import { Router } from './state/Router.svelte.ts';
import { Toasts } from './state/Toasts.svelte.ts';
import { Wallet } from './state/Wallet.svelte.ts';

export interface AppState {
  readonly db: WalletDb;
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

export async function createAppState(win: Window): Promise<AppState> {
  const db = await openWallet({ indexedDB: win.indexedDB, IDBKeyRange: Dexie.dependencies.IDBKeyRange ?? globalThis.IDBKeyRange });
  // Forget old deletes (undo is offered for a day); off the start-up path.
  void import('../lib/store/trash.ts').then((m) => m.purgeTrash(db)).catch(() => 0);
  const saved = await getSetting(db, 'lang').catch(() => undefined);
  const lang = initialLang(saved, win.navigator.language);
  await loadLang(lang).catch(() => undefined);
  const i18n = new I18n(lang);
  const wallet = new Wallet(db);
  wallet.locale = i18n.locale;
  return {
    db,
    i18n,
    router: new Router(win),
    wallet,
    images: new Images(db),
    importer: new Importer(db),
    toasts: new Toasts(),
    base: win.document.baseURI,
  };
}

/** Switches the language, remembers it in the wallet's settings, and sets <html lang>. */
export async function setLang(app: AppState, lang: Lang): Promise<void> {
  await app.i18n.use(lang);
  app.wallet.locale = app.i18n.locale;
  document.documentElement.lang = lang;
  await setSetting(app.db, 'lang', lang).catch(() => undefined);
}
