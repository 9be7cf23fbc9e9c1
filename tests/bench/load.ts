/**
 * Load figures (issue 8), measured in Chromium on the built app (`loadFigures()`;
 * `tsx tests/bench/load.ts` prints them as JSON):
 *
 * bundle.initial_gzip_kb          the JavaScript before the first paint: the entry and its modulepreloads, gzip -9
 * bundle.precache_kb              everything the service worker precaches (raw bytes, as stored in Cache Storage)
 * bundle.precache_gzip_kb         the same, gzip -9 each (what a first visit transfers with compression)
 * load.cold.first_render_ms       median: a first visit (fresh profile, nothing cached) until the wallet is painted
 * load.warm.first_render_ms       median: a reload with the service worker, online, eight badges, until the cards are painted
 * load.offline.first_render_ms    median: the same with the network off (everything from the precache)
 *
 * "Painted" = the wallet's first element (the empty-wallet card or the first badge card) is in the
 * DOM and the next animation frame has run; times are from navigation start (performance.now()).
 * Targets: initial JavaScript < 60 kB gzip; offline reload to first render < 300 ms.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { launch } from '../e2e/browser.ts';
import { serveApp } from '../e2e/serve.ts';
import { waitForServiceWorker } from '../e2e/pwa-helpers.ts';
import { median } from './stats.ts';

const RUNS = 7;

/** Records, from the very start of each navigation, when the wallet's first element is painted. */
const FIRST_RENDER = `(() => {
  const seen = () => document.querySelector('[data-testid="badge-list"] > li, [data-testid="add-demo"]');
  const mark = () => requestAnimationFrame(() => { window.__firstRender = performance.now(); });
  const mo = new MutationObserver(() => { if (seen()) { mo.disconnect(); mark(); } });
  mo.observe(document, { childList: true, subtree: true });
})()`;

/** Polls from outside the page (waitForFunction would evaluate a string inside it, which the CSP refuses). */
async function firstRender(page: Page): Promise<number> {
  for (const start = Date.now(); Date.now() - start < 30_000; await page.waitForTimeout(20)) {
    const t = await page.evaluate<number | undefined>('window.__firstRender');
    if (t !== undefined) return t;
  }
  throw new Error('load bench: the wallet was not rendered within 30 s');
}

/** What sw.js precaches, with raw and gzipped sizes. */
export function precacheSize(outDir: string): { raw: number; gzip: number; files: number } {
  const sw = readFileSync(join(outDir, 'sw.js'), 'utf8');
  const urls = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1] ?? '');
  let raw = 0;
  let gzip = 0;
  for (const u of urls) {
    const bytes = readFileSync(join(outDir, u));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip, files: urls.length };
}

async function freshPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(FIRST_RENDER);
  return page;
}

export async function loadFigures(): Promise<Record<string, number>> {
  const served = await serveApp();
  const browser = await launch();
  const precache = precacheSize(served.outDir);
  const figures: Record<string, number> = {
    'bundle.initial_gzip_kb': served.initialJsGzip / 1000,
    'bundle.precache_kb': precache.raw / 1000,
    'bundle.precache_gzip_kb': precache.gzip / 1000,
  };
  try {
    const cold: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ serviceWorkers: 'block' }); // a first visit paints before any worker exists
      const page = await freshPage(context);
      await page.goto(served.url);
      cold.push(await firstRender(page));
      await context.close();
    }
    figures['load.cold.first_render_ms'] = median(cold);

    const context = await browser.newContext({ serviceWorkers: 'allow' });
    const page = await freshPage(context);
    await page.goto(served.url);
    await waitForServiceWorker(page);
    await page.getByTestId('add-demo').click();
    await page.getByTestId('badge-list').locator(':scope > li').nth(7).waitFor({ timeout: 60_000 });
    await page.waitForTimeout(500); // let the import's last writes and the precache settle
    const reloads = async (): Promise<number> => {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        await page.reload();
        times.push(await firstRender(page));
        await page.waitForTimeout(100);
      }
      return median(times);
    };
    figures['load.warm.first_render_ms'] = await reloads();
    await context.setOffline(true);
    figures['load.offline.first_render_ms'] = await reloads();
    if (!(await page.evaluate('navigator.serviceWorker.controller !== null'))) throw new Error('load bench: the service worker does not control the page');
    await context.close();
  } finally {
    await browser.close();
    await served.close();
  }
  return figures;
}

if (process.argv[1] !== undefined && import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1]).href) {
  process.stdout.write(JSON.stringify(await loadFigures(), null, 2) + '\n');
}
