/**
 * A Node environment whose modules are transformed for the client (vite-plugin-svelte then
 * compiles rune classes for the browser runtime: effects and `createSubscriber` run). No DOM.
 */
import type { Environment } from 'vitest/environments';

export default {
  name: 'svelte-client',
  viteEnvironment: 'client',
  setup() {
    return { teardown() {} };
  },
} satisfies Environment;
