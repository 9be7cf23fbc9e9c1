/**
 * Mutation runs only (vitest.mutate.config.ts): one fixed fast-check seed, so a mutant is killed or
 * survives by what it changes, never by the draw. `npm test` keeps its fresh seed every run.
 */
import fc from 'fast-check';

fc.configureGlobal({ seed: 20261207 });
