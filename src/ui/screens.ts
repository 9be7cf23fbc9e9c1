/**
 * Screens other than the wallet load on first visit, so the first paint carries only the shell and
 * the wallet list. Each import() is made once and shared.
 */
type Lazy<T> = () => Promise<T>;

function once<T>(load: Lazy<T>): Lazy<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= load());
}

export const importScreen = once(() => import('./screens/ImportScreen.svelte'));
export const badgeScreen = once(() => import('./screens/BadgeScreen.svelte'));
export const settingsScreen = once(() => import('./screens/SettingsScreen.svelte'));
