/**
 * Vitest config for mutation testing only (`npm run mutate`, StrykerJS). Not used by `npm test` or CI.
 * The tests that exercise the verifier and the input formats directly: unit tests of verify/ and
 * formats/, and the property tests (on one fixed fast-check seed: vitest.mutate.setup.ts). No Svelte,
 * PWA or e2e: those do not cover the mutated files.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/verify/**/*.test.ts', 'tests/unit/formats/**/*.test.ts', 'tests/property/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'tests/**/*.svelte.test.ts', 'node_modules/**', '.stryker-tmp/**'],
    testTimeout: 60_000,
    pool: 'threads',
    setupFiles: ['./vitest.mutate.setup.ts'],
  },
});
