/**
 * Build-time only: keep the bundle runnable under the strict CSP of index.html (no 'unsafe-eval').
 * The dependency paths that could evaluate a string:
 * - the `setimmediate` polyfill's `Function('' + callback)` for string callbacks — replaced by
 *   src/build/set-immediate.ts;
 * - Zod 4's `allowsEval` probe (`new Function("")`, reached through the openid4vc libraries): the app
 *   runs Zod jitless (src/lib/exchange/zod-jitless.ts), so the probe is dead code; it is compiled to
 *   `false`, which also leaves its JIT compiler unreachable. A Zod update that changes the probe
 *   fails the build here rather than shipping an eval path.
 * tests/e2e/requests.e2e.test.ts scans the built JavaScript for `eval(` and `Function(`.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const SHIM = fileURLToPath(new URL('./set-immediate.ts', import.meta.url));

const ZOD_UTIL = /[\\/]zod[\\/]v4[\\/]core[\\/]util\.js$/;
const ZOD_PROBE = /export const allowsEval = \/\* @__PURE__\*\/ cached\(\(\) => \{[\s\S]*?\n\}\);/;

/** Zod's eval probe compiled to `false` (see above); throws if the probe is not where it was. */
export function zodWithoutEval(code: string, id: string): string | null {
  if (!ZOD_UTIL.test(id)) return null;
  if (!ZOD_PROBE.test(code)) throw new Error(`tsumiki-csp-safe: Zod's allowsEval probe changed shape in ${id}; check it never evaluates strings`);
  return code.replace(ZOD_PROBE, 'export const allowsEval = /* @__PURE__*/ cached(() => false);');
}

export function cspSafe(): Plugin {
  return {
    name: 'tsumiki-csp-safe',
    enforce: 'pre',
    resolveId: (source) => (source === 'setimmediate' ? SHIM : null),
    transform: (code, id) => zodWithoutEval(code, id),
  };
}
