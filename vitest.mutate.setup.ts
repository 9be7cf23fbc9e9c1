/**
 * Mutation runs only (vitest.mutate.config.ts), never `npm test`:
 * - one fixed fast-check seed, so a mutant is killed or survives by what it changes, never by the draw
 *   (`npm test` keeps its fresh seed every run);
 * - the wall-clock guards ("refused in milliseconds") measured with 5× slack: Stryker's instrumented code
 *   runs several times slower, on a machine shared with other test runs. A mutant that removes a bound
 *   (seconds of JSON-LD work instead of milliseconds) is still caught; nothing in the code under test
 *   reads `performance.now`.
 */
import fc from 'fast-check';

fc.configureGlobal({ seed: 20261207 });

const SLACK = 5;
const realNow = performance.now.bind(performance);
const origin = realNow();
performance.now = () => origin + (realNow() - origin) / SLACK;
