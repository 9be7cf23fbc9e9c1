import { defineConfig, type Plugin } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { pwa } from './src/build/pwa.ts';
import { cspSafe } from './src/build/csp.ts';

/**
 * index.html carries the production CSP. The dev server injects CSS as <style> elements and talks
 * to its HMR socket, which that CSP forbids, so `vite` (dev only) relaxes exactly those two.
 * `vite build` and `vite preview` serve the strict policy unchanged.
 */
function devCsp(): Plugin {
  return {
    name: 'tsumiki-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'").replace("connect-src 'self'", "connect-src 'self' ws: wss:"),
  };
}

export default defineConfig({
  plugins: [svelte(), devCsp(), pwa(), cspSafe()],
  build: { target: 'es2022', sourcemap: false },
  // Module workers (the verifier and the QR reader): ES output, which the verifier needs for the parts
  // it loads on demand; and the same CSP-safe resolution as the page (worker bundles have their own plugins).
  worker: { format: 'es', plugins: () => [cspSafe()] },
  test: {
    testTimeout: 30_000,
    pool: 'threads',
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**', 'tests/**/*.svelte.test.ts', 'node_modules/**'] } },
      // Rune classes run with Svelte's client runtime (effects, createSubscriber), as in the browser.
      { extends: true, resolve: { conditions: ['browser'] }, test: { name: 'ui', include: ['tests/**/*.svelte.test.ts'], environment: './tests/ui/client-environment.ts' } },
    ],
  },
});
