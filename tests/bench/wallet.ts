/**
 * Wallet figures measured in Chromium on the built app (`walletBench()`; `tsx tests/bench/wallet.ts`
 * prints them as JSON):
 *
 * wallet.import1000_ms       1,000 signed badges (eddsa-rdfc-2022) through the file chooser, each
 *                            parsed, verified and stored, until the last result is listed
 * wallet.render1000_ms       median: switching to the wallet screen with 1,000 badges until its
 *                            first page of cards is in the DOM and laid out
 * wallet.load1000_ms         median: a reload with 1,000 badges until the first cards are painted
 *                            (module load, IndexedDB read and render)
 * wallet.search.median_ms    median per keystroke: input event → filtered list in the DOM, laid out
 * wallet.search.p95_ms
 * bundle.initial_js_gzip_kB  the JavaScript index.html loads for the first paint (entry + modulepreloads), gzipped
 */
import type { Page } from 'playwright-core';
import { credentialOf, loadKeys, signDi } from '../../src/cli/demo.ts';
import { DEMO_BADGES } from '../../src/cli/demo-badges.ts';
import { launch } from '../e2e/browser.ts';
import { serveApp } from '../e2e/serve.ts';
import { median, p95 } from './stats.ts';

const SUBJECTS = ['Data Literacy', 'Statistics', 'Python', 'Academic Writing', 'Sustainability', 'Patient Safety', 'AI Ethics', 'Disaster Preparedness', 'Project Management', 'Design Thinking', 'Cybersecurity', 'Japanese Culture', 'Entrepreneurship', 'Public Speaking', 'Marine Science', 'Agriculture'];
const LEVELS = ['Foundations', 'Intermediate', 'Advanced', 'Practicum', 'Studio'];

/** `count` distinct demo-style credentials, signed with the demo keys. */
export async function signedBadges(count: number): Promise<{ name: string; mimeType: string; buffer: Buffer }[]> {
  const keys = await loadKeys();
  const out: { name: string; mimeType: string; buffer: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    const row = DEMO_BADGES[i % DEMO_BADGES.length]!; // why: index is taken modulo the table length
    const subject = SUBJECTS[i % SUBJECTS.length]!; // why: modulo
    const level = LEVELS[Math.floor(i / SUBJECTS.length) % LEVELS.length]!; // why: modulo
    const n = String(i).padStart(4, '0');
    const validFrom = new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().replace('.000', '');
    const base = credentialOf({ ...row, container: 'json', uuid: `6f1c3c8e-8f0a-4c59-9d55-${n.padStart(12, '0')}`, validFrom, validUntil: undefined, endorsedBy: undefined }, keys);
    const achievement = (base.credentialSubject as { achievement: Record<string, unknown> }).achievement; // why: credentialOf builds this shape
    const title = `${subject} ${level} ${n}`;
    achievement.name = title;
    const credential = { ...base, name: title };
    const signed = await signDi(credential, keys[row.issuer], validFrom);
    out.push({ name: `badge-${n}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(signed)) });
  }
  return out;
}

/**
 * Time from a change made in the page until the list has changed and is laid out. The snippets are
 * strings: tsx renames functions (`__name`), which would break serialised functions, and
 * `page.evaluate` runs outside the page's CSP either way.
 */
async function timeScreenChange(page: Page, change: string): Promise<number> {
  return page.evaluate(`(async () => {
    const changed = new Promise((resolve) => {
      const mo = new MutationObserver(() => { mo.disconnect(); resolve(); });
      mo.observe(document.querySelector('main'), { childList: true, subtree: true, characterData: true });
    });
    const t0 = performance.now();
    ${change};
    await changed;
    await new Promise((r) => setTimeout(r, 0));
    void document.body.offsetHeight;
    return performance.now() - t0;
  })()`);
}

/** Time for one keystroke: the input event, Svelte's flush (a microtask), then style and layout. */
async function timeKeystroke(page: Page, value: string): Promise<number> {
  return page.evaluate(`(async () => {
    const s = document.querySelector('[data-testid="search"]');
    const t0 = performance.now();
    s.value = ${JSON.stringify(value)};
    s.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    void document.body.offsetHeight;
    return performance.now() - t0;
  })()`);
}

const FIRST_CARDS = `new Promise((resolve) => {
  const tick = () => (document.querySelector('[data-testid="badge-list"] > li') ? requestAnimationFrame(() => resolve(performance.now())) : requestAnimationFrame(tick));
  tick();
})`;

export async function walletBench(options: { count?: number } = {}): Promise<Record<string, number>> {
  const count = options.count ?? 1000;
  const files = await signedBadges(count);
  const served = await serveApp();
  const browser = await launch();
  const figures: Record<string, number> = { 'bundle.initial_js_gzip_kB': served.initialJsGzip / 1000 };
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${served.url}#/import`);
    await page.getByTestId('file-input').waitFor({ state: 'attached' });

    const t0 = performance.now();
    await page.getByTestId('file-input').setInputFiles(files);
    await page.getByTestId('import-results').locator(':scope > li').nth(count - 1).waitFor({ timeout: 600_000 });
    await page.getByTestId('progress').waitFor({ state: 'detached', timeout: 600_000 });
    figures['wallet.import1000_ms'] = performance.now() - t0;
    const summary = (await page.getByTestId('import-summary').textContent()) ?? '';
    if (!summary.includes(`${count} added`)) throw new Error(`wallet bench: unexpected import summary: ${summary}`);

    const renders: number[] = [];
    for (let i = 0; i < 7; i++) {
      await page.evaluate("location.hash = '#/settings'");
      await page.locator('h1', { hasText: 'Settings' }).waitFor();
      await page.waitForTimeout(50);
      renders.push(await timeScreenChange(page, "location.hash = '#/'"));
      await page.getByTestId('badge-list').waitFor();
    }
    figures['wallet.render1000_ms'] = median(renders);

    const loads: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.goto(`${served.url}#/`);
      await page.reload();
      loads.push(await page.evaluate<number>(FIRST_CARDS));
    }
    figures['wallet.load1000_ms'] = median(loads);

    const search = page.getByTestId('search');
    await search.waitFor();
    const keystrokes: number[] = [];
    for (const query of ['data literacy', 'python 0420', 'sustain']) {
      for (let i = 1; i <= query.length; i++) keystrokes.push(await timeKeystroke(page, query.slice(0, i)));
      await search.fill('');
      await page.waitForTimeout(50);
    }
    figures['wallet.search.median_ms'] = median(keystrokes);
    figures['wallet.search.p95_ms'] = p95(keystrokes);
    await context.close();
  } finally {
    await browser.close();
    await served.close();
  }
  return figures;
}

if (process.argv[1] !== undefined && import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1]).href) {
  const count = Number(process.argv[2] ?? 1000);
  process.stdout.write(JSON.stringify(await walletBench({ count }), null, 2) + '\n');
}
