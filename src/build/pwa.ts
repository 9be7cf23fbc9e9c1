/**
 * Build-time only: the service worker (Workbox `generateSW` through vite-plugin-pwa).
 *
 * - Precache: the whole built app — index.html exactly as built (its CSP meta travels with it), every
 *   JS/CSS chunk including the lazily loaded verifier, QR, descriptor and pathway screens, the
 *   install icons, the manifest, the pathway schema and the demo badges (public/demo/**).
 * - Not precached: the `v1-*.jsonld`/`v2-*.jsonld` assets Vite emits for
 *   `@digitalbazaar/credentials-context` (its `new URL(…, import.meta.url)`); the app never requests
 *   them — the verifier ships its contexts as modules (FEASIBILITY §8).
 * - No runtime caching: the service worker answers only for the app's own precached files; every
 *   other request (a user-asked fetch of a badge, a status list, a did:web document) goes to the
 *   network untouched, and its answer is kept, dated, in IndexedDB by the wallet itself.
 * - `registerType: 'prompt'`: a new version waits until the learner chooses to reload
 *   (src/ui/pwa.ts shows the toast); `clientsClaim` lets the very first install control the page at
 *   once, so the app works offline from the first visit.
 * - The manifest is the hand-written public/manifest.webmanifest (`manifest: false`), already linked
 *   from index.html; registration is ours (`injectRegister: false`), so no inline script is added.
 */
import { VitePWA } from 'vite-plugin-pwa';
import type { Plugin, PluginOption } from 'vite';

/** What the service worker precaches, relative to the build output. */
export const PRECACHE_GLOBS = ['**/*.{html,js,css,svg,png,json,jwt,webmanifest}'];
export const PRECACHE_IGNORES = ['**/*.jsonld', 'sw.js', 'workbox-*.js'];

export function pwa(): PluginOption {
  return reportBuildErrors(VitePWA({
    registerType: 'prompt',
    injectRegister: false,
    manifest: false,
    includeManifestIcons: false,
    strategies: 'generateSW',
    workbox: {
      globPatterns: PRECACHE_GLOBS,
      globIgnores: PRECACHE_IGNORES,
      // The verifier chunk is ~400 kB; nothing we ship is near this.
      maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
      navigateFallback: 'index.html',
      cleanupOutdatedCaches: true,
      clientsClaim: true,
      skipWaiting: false,
      sourcemap: false,
      inlineWorkboxRuntime: true,
      runtimeCaching: [],
    },
    devOptions: { enabled: false },
  }));
}

/**
 * When the bundle itself fails, Rolldown still runs `closeBundle` (without the error), and the
 * plugin's "no files to precache" error would hide the real one: skip the service worker then.
 */
function reportBuildErrors(plugins: Plugin[]): Plugin[] {
  let failed = false;
  for (const p of plugins) {
    const close = p.closeBundle;
    if (p.name !== 'vite-plugin-pwa:build' || typeof close !== 'object' || close === null) continue;
    const handler = close.handler;
    p.buildEnd = (error?: Error) => {
      if (error) failed = true;
      if (error) throw error;
    };
    close.handler = function (this: unknown, ...args: []) {
      return failed ? undefined : handler.apply(this as never, args); // why: the hook's own context, passed through unchanged
    };
  }
  return plugins;
}
