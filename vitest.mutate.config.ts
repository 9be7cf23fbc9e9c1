/**
 * Vitest config for mutation testing only (`npm run mutate`, StrykerJS). Not used by `npm test` or CI.
 * The tests that exercise the verifier and the input formats directly: unit tests of verify/ and
 * formats/ (and the PDF round trips of present/), and the property tests (on one fixed fast-check seed:
 * vitest.mutate.setup.ts). No Svelte, PWA or e2e: those do not cover the mutated files.
 *
 * Stryker stops a mutant's run at its first failing test, so the files that fail fastest go first: the
 * direct tests written from surviving mutants (the mutants-*.test.ts files), then the other unit tests, small
 * files before large, then the property tests. (Vitest's own order is the slowest file first.)
 */
import { statSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

class FastFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => (/\/mutants-[^/]*\.test\.ts$/.test(f.moduleId) ? 0 : f.moduleId.includes('/tests/property/') ? 2 : 1);
    const size = (f: TestSpecification) => statSync(f.moduleId).size;
    return [...files].sort((a, b) => rank(a) - rank(b) || size(a) - size(b));
  }
}

export default defineConfig({
  test: {
    // present/pdf.test.ts: the only tests that read credentials out of PDFs (formats/pdf-read.ts, parseInputAsync).
    include: ['tests/unit/verify/**/*.test.ts', 'tests/unit/formats/**/*.test.ts', 'tests/unit/present/pdf.test.ts', 'tests/property/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'tests/**/*.svelte.test.ts', 'node_modules/**', '.stryker-tmp/**'],
    testTimeout: 60_000,
    pool: 'threads',
    setupFiles: ['./vitest.mutate.setup.ts'],
    sequence: { sequencer: FastFirst },
  },
});
