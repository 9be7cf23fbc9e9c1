/**
 * Build-time only: keep the bundle runnable under the strict CSP of index.html (no 'unsafe-eval').
 * The one dependency path that could evaluate a string — the `setimmediate` polyfill's
 * `Function('' + callback)` for string callbacks — is replaced by src/build/set-immediate.ts.
 * tests/e2e/requests.e2e.test.ts scans the built JavaScript for `eval(` and `Function(`.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const SHIM = fileURLToPath(new URL('./set-immediate.ts', import.meta.url));

export function cspSafe(): Plugin {
  return {
    name: 'tsumiki-csp-safe',
    enforce: 'pre',
    resolveId: (source) => (source === 'setimmediate' ? SHIM : null),
  };
}
