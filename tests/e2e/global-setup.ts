/** Builds the app once and serves it for every e2e test file; the URL is `inject('baseURL')`. */
import type { TestProject } from 'vitest/node';
import { serveApp } from './serve.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    /** Gzipped bytes of the first-paint JavaScript of the build under test. */
    initialJsGzip: number;
    /** The directory of the build under test. */
    outDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const served = await serveApp();
  project.provide('baseURL', served.url);
  project.provide('initialJsGzip', served.initialJsGzip);
  project.provide('outDir', served.outDir);
  return () => served.close();
}
