/**
 * Where an import's time goes on the page's main thread: builds the app unminified, imports
 * `count` signed badges through the file chooser with Chromium's sampling profiler on (CDP), and
 * prints the functions with the most self time; `--trace` adds Chromium's timeline events by thread
 * (layout, paint, message handling, digests in the workers). A tool for finding repeated work, not a
 * figure: `npx tsx tests/bench/profile-import.ts [count] [--trace]`. Lines a worker logs that start
 * with `PROF k=v…` (temporary console timing) are summed per key.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';
import { launch } from '../e2e/browser.ts';
import { signedBadges } from './wallet.ts';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

const count = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 300);
const outDir = mkdtempSync(join(tmpdir(), 'tsumiki-profile-'));
process.env.NODE_ENV = 'production';
await build({ mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true, minify: false } });
const server = await preview({ logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, open: false } });
const address = server.httpServer.address();
const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
const files = await signedBadges(count);
const browser = await launch();
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${url}#/import`);
  await page.getByTestId('file-input').waitFor({ state: 'attached' });
  const prof: string[] = [];
  page.on('console', (m) => {
    if (m.text().startsWith('PROF')) prof.push(m.text());
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const tracing = process.argv.includes('--trace');
  const events: { name: string; ph: string; dur?: number; tid: number; cat: string }[] = [];
  if (tracing) {
    cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as typeof events)));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  }
  const t0 = performance.now();
  await page.getByTestId('file-input').setInputFiles(files);
  const tFiles = performance.now() - t0;
  while (!(await page.evaluate<boolean>(`document.querySelectorAll('[data-testid="import-results"] > li').length >= ${count} && !document.querySelector('[data-testid="progress"]')`))) await new Promise((r) => setTimeout(r, 100));
  const ms = performance.now() - t0;
  if (tracing) {
    const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
    await cdp.send('Tracing.end');
    await done;
    const main = events.find((e) => e.name === 'RunTask')?.tid;
    const by = new Map<string, number>();
    for (const e of events) if (e.ph === 'X' && e.dur !== undefined) by.set(`${e.tid === main ? 'main' : e.tid} ${e.name}`, (by.get(`${e.tid === main ? 'main' : e.tid} ${e.name}`) ?? 0) + e.dur / 1000);
    for (const [k, v] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 30)) process.stdout.write(`trace ${v.toFixed(1).padStart(9)} ms  ${k}\n`);
  }
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] } };
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byName = new Map<string, number>();
  for (const n of profile.nodes) {
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}`;
    byName.set(key, (byName.get(key) ?? 0) + (self.get(n.id) ?? 0));
  }
  const total = [...byName.values()].reduce((a, b) => a + b, 0);
  process.stdout.write(`setInputFiles ${tFiles.toFixed(0)} ms\n`);
  process.stdout.write(`${count} badges in ${ms.toFixed(0)} ms; main thread profile ${total.toFixed(0)} ms\n`);
  if (prof.length) {
    const sums: Record<string, number[]> = {};
    for (const line of prof) for (const [, k, v] of line.matchAll(/(\w+)=([\d.]+)/g)) (sums[k as string] ??= []).push(Number(v));
    for (const [k, v] of Object.entries(sums)) {
      const sorted = v.slice().sort((a, b) => a - b);
      process.stdout.write(`worker ${k}: n=${v.length} mean=${(v.reduce((a, b) => a + b, 0) / v.length).toFixed(2)} median=${sorted[Math.floor(v.length / 2)]} first=${v.slice(0, 4).join(',')}\n`);
    }
  }
  for (const [k, v] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 40)) process.stdout.write(`${v.toFixed(1).padStart(9)} ms  ${k}\n`);
} finally {
  await browser.close();
  await new Promise<void>((r) => server.httpServer.close(() => r()));
  rmSync(outDir, { recursive: true, force: true });
}
