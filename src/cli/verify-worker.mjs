// A worker thread of `tsumiki verify --jobs N` (./verify-pool.ts). Worker threads do not inherit
// tsx's loader from the CLI's thread, so it is registered here before the TypeScript worker loads.
import { register } from 'tsx/esm/api';

register();
await import('./verify-worker.ts');
