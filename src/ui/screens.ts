/**
 * Screens other than the wallet load on first visit, so the first paint carries only the shell and
 * the wallet list. Each import() is made once and shared.
 */
import { walletOpened } from './context.ts';

type Lazy<T> = () => Promise<T>;

/** One shared import; it also waits for the wallet to be open, as every lazy screen reads `app.db`. */
function once<T>(load: Lazy<T>): Lazy<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= Promise.all([load(), walletOpened]).then(([m]) => m));
}

export const importScreen = once(() => import('./screens/ImportScreen.svelte'));
export const badgeScreen = once(() => import('./screens/BadgeScreen.svelte'));
export const settingsScreen = once(() => import('./screens/SettingsScreen.svelte'));
// share & verify (issue 7)
export const shareScreen = once(() => import('./screens/ShareScreen.svelte'));
export const verifyScreen = once(() => import('./screens/VerifyScreen.svelte'));
// pathways (issue 6)
export const pathwaysScreen = once(() => import('./screens/PathwaysScreen.svelte'));
// the first minute (issue 14): the wallet's totals and pathway progress, loaded after the list
export const walletOverview = once(() => import('./screens/WalletOverview.svelte'));
// answer a verifier (issue 13)
export const presentScreen = once(() => import('./screens/PresentScreen.svelte'));
