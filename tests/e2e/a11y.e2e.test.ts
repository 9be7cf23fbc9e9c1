/**
 * Accessibility (issue 8): axe-core on every screen this build has — the wallet empty and full,
 * import, a badge page, settings (and its trust lists, issue 12), pathways, share and verify (and a
 * result) — in English and in
 * Japanese, with no serious or critical violation (WCAG 2.1 A and AA rules).
 *
 * axe is injected as a script; the app's CSP would refuse it, so this test's context alone runs with
 * `bypassCSP` (every other test keeps the policy, and offline.e2e.test.ts proves it is enforced).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch } from './browser.ts';
import { hasRoute } from './pwa-helpers.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Violation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: { readonly target: unknown[]; readonly failureSummary?: string }[];
}

/** Serious and critical violations on the page as it is now, as readable lines. */
async function audit(page: Page, screen: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  await page.waitForTimeout(150); // let transitions and lazy images settle
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Violation[] }> } }).axe; // why: the script tag above defines it
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${screen}: ${v.id} (${v.impact}) ${v.help} — ${JSON.stringify(v.nodes)}`);
}

test.each(['en', 'ja'] as const)('every screen in %s: no serious or critical axe violation', async (lang) => {
  const base = inject('baseURL');
  const context = await browser.newContext({ bypassCSP: true, serviceWorkers: 'block', locale: lang === 'ja' ? 'ja-JP' : 'en-GB' });
  const page = await context.newPage();
  const found: string[] = [];
  const visit = async (hash: string, ready: string, screen: string) => {
    await page.goto(new URL(hash, base).href);
    await page.locator(ready).first().waitFor({ timeout: 20_000 });
    found.push(...(await audit(page, `${lang} ${screen}`)));
  };
  await page.goto(base);
  await page.locator('header nav').waitFor();
  expect(await page.locator('html').getAttribute('lang')).toBe(lang);

  await visit('#/', '[data-testid="add-demo"]', 'wallet (empty)');
  await visit('#/import', '[data-testid="drop-zone"]', 'import');
  await visit('#/settings', '[data-testid="backup"]', 'settings');
  await page.goto(new URL('#/', base).href);
  await page.getByTestId('add-demo').click();
  await expect.poll(() => page.getByTestId('badge-list').locator(':scope > li').count(), { timeout: 20_000 }).toBe(8);
  await visit('#/import', '[data-testid="import-results"] > li', 'import (results)');
  await visit('#/', '[data-testid="badge-list"] > li', 'wallet (full)');
  const id = (await page.getByTestId('badge-list').locator('a').first().getAttribute('data-badge-id')) ?? '';
  await visit(`#/badge/${id}`, '[data-testid="verification"]', 'badge page');
  await page.getByTestId('descriptors').waitFor();
  for (const d of await page.locator('main details').all()) await d.evaluate((el) => el.setAttribute('open', ''));
  found.push(...(await audit(page, `${lang} badge page (details open)`)));

  // Every one of these is a screen of the app: "Page not found" fails the test, it is never skipped.
  const later: [string, string, string][] = [
    ['#/pathways', '[data-testid="pathway-list"], [data-testid="add-demo-pathways"]', 'pathways'],
    [`#/share?ids=${id}`, '[data-testid="share-output"]', 'share'],
    ['#/verify', '[data-testid="verify-paste"]', 'verify'],
  ];
  for (const [hash, ready, screen] of later) {
    expect(await hasRoute(page, hash), `${hash} is a screen, not "Page not found"`).toBe(true);
    await visit(hash, ready, screen);
  }
  // The employer's result (headline, who holds it, issuer) for a pasted demo badge.
  await page.getByTestId('verify-recipient').fill('demo.learner@example.jp');
  await page.getByTestId('verify-paste').fill(readFileSync(new URL('../../public/demo/02-python-basics.json', import.meta.url), 'utf8'));
  await page.getByTestId('verify-paste-go').click();
  await page.getByTestId('received-headline').waitFor({ timeout: 20_000 });
  found.push(...(await audit(page, `${lang} verify (result)`)));
  // Settings → Trust lists (issue 12): the demo list, its issuers shown, a question open; the pins.
  await visit('#/settings', '[data-testid="trust-list"]', 'settings (trust lists)');
  for (const d of await page.getByTestId('trust').locator('details').all()) await d.evaluate((el) => el.setAttribute('open', ''));
  await page.getByTestId('trust-remove').click();
  await page.getByTestId('trust-link').fill('https://lists.example.invalid/trust.json');
  await page.getByTestId('trust-link-fetch').click();
  await page.getByTestId('trust-link-yes').waitFor();
  found.push(...(await audit(page, `${lang} settings (trust lists, questions open)`)));
  expect(found).toEqual([]);
  await context.close();
});
