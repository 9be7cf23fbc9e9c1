/**
 * The first minute on a phone and a desktop (issue 14), in English and Japanese: every route of
 * src/ui/route.ts at 360×780 and 1280×900 —
 *   - never scrolls sideways (document.scrollingElement.scrollWidth ≤ clientWidth);
 *   - has no serious or critical axe-core violation (WCAG 2.1 A/AA rules, as a11y.e2e.test.ts);
 *   - is saved as a screenshot under test-results/screens/ (git-ignored) for a person to review;
 * and on every demo badge's page (and on one whose issuer nobody vouches for, an amber headline with
 * its buttons), the headline, the issuer as proven and the value (hours, credit) are inside the first
 * screen, above the phone's bottom navigation bar, and no action is cut off at the right edge.
 * After "Add demo badges" from the keyboard, the focus is on the wallet's heading, not the body.
 *
 * With TSUMIKI_DOC_SCREENS=1 the run also writes the README's "First minute" pictures to docs/screens/.
 * axe is injected as a script, so these contexts run with `bypassCSP` (offline.e2e.test.ts proves the policy).
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { demoFile, launch } from './browser.ts';
import { parseRoute, type Route } from '../../src/ui/route.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const SHOTS = new URL('../../test-results/screens/', import.meta.url);
const DOCS = new URL('../../docs/screens/', import.meta.url);
const DOC_SCREENS = process.env.TSUMIKI_DOC_SCREENS === '1';

/** Every route name the app has: the compiler refuses this table when route.ts gains one it lacks. */
const ROUTE_NAMES: Record<Route['name'], true> = { wallet: true, badge: true, import: true, settings: true, share: true, verify: true, pathways: true, pathway: true, present: true, 'not-found': true };

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
  if (DOC_SCREENS) mkdirSync(DOCS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
});

interface Violation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: { readonly target: unknown[] }[];
}

async function audit(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: Violation[] }> } }).axe; // why: the script tag above defines it
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}) ${v.help} — ${JSON.stringify(v.nodes)}`);
}

/** How far the page scrolls sideways (0 when it does not). */
const sideways = (page: Page): Promise<number> =>
  page.evaluate(() => {
    const el = document.scrollingElement ?? document.documentElement;
    return el.scrollWidth - el.clientWidth;
  });

/** The bottom of the first screen: the viewport's height, less the phone's bottom navigation bar when it is there. */
const firstScreenBottom = (page: Page): Promise<number> =>
  page.evaluate(() => {
    const nav = document.querySelector('header nav')?.getBoundingClientRect();
    return nav && nav.top > window.innerHeight / 2 ? nav.top : window.innerHeight;
  });

interface Sizes {
  readonly width: number;
  readonly height: number;
}
const SIZES: readonly Sizes[] = [
  { width: 360, height: 780 },
  { width: 1280, height: 900 },
];

/** A screen of the app: waits for it, checks it, keeps its picture. */
async function screen(page: Page, found: string[], routes: Set<string>, tag: string, hash: string, ready: string, name: string): Promise<void> {
  await page.goto(new URL(hash, inject('baseURL')).href);
  await page.locator(ready).first().waitFor({ timeout: 20_000 });
  await page.waitForTimeout(200); // lazy images and late rows settle
  routes.add(parseRoute(hash).name);
  await check(page, found, tag, name);
}

async function check(page: Page, found: string[], tag: string, name: string): Promise<void> {
  const over = await sideways(page);
  if (over > 0) found.push(`${tag} ${name}: scrolls sideways by ${over} px`);
  found.push(...(await audit(page)).map((v) => `${tag} ${name}: ${v}`));
  // The first screen as a person sees it, and the whole page (where a phone's fixed bottom bar stays at its first-screen place).
  await page.screenshot({ path: new URL(`${tag}-${name}.png`, SHOTS).pathname });
  await page.screenshot({ path: new URL(`${tag}-${name}-full.png`, SHOTS).pathname, fullPage: true });
}

/** The badge page's first screen: headline, proven issuer and value above the fold; nothing cut off at the right. */
async function firstScreen(page: Page, found: string[], tag: string, name: string): Promise<void> {
  const bottom = await firstScreenBottom(page);
  const width = await page.evaluate(() => document.documentElement.clientWidth);
  const wanted: [string, string][] = [
    ['headline', '[data-testid="headline"] .label'],
    ['headline detail', '[data-testid="headline-detail"]'],
    ['proven issuer', '[data-testid="issuer-authority"]'],
    ['value', '[data-testid="badge-value"]'],
    ['hours', '[data-testid="badge-value"] [data-mark="effort"]'],
    ['credit', '[data-testid="badge-value"] [data-mark="credit"]'],
  ];
  for (const [what, selector] of wanted) {
    const el = page.locator(selector).first();
    if ((what === 'credit' || what === 'headline detail') && (await el.count()) === 0) continue; // a badge without academic credit states none; not every headline has a detail
    const box = await el.boundingBox();
    if (box === null) {
      found.push(`${tag} ${name}: no ${what} shown`);
      continue;
    }
    if (box.y + box.height > bottom + 0.5) found.push(`${tag} ${name}: the ${what} ends at ${Math.round(box.y + box.height)} px, below the first screen (${Math.round(bottom)} px)`);
  }
  for (const action of await page.locator('main .button, main button, main a.button').all()) {
    const box = await action.boundingBox();
    if (box !== null && box.x + box.width > width + 0.5) found.push(`${tag} ${name}: "${(await action.textContent())?.trim()}" is cut off at the right (${Math.round(box.x + box.width)} > ${width})`);
  }
}

test.each(['en', 'ja'].flatMap((lang) => SIZES.map((size) => [lang, size] as const)))('%s at %o: every route fits, reads and passes axe; the badge page answers in the first screen', async (lang, size) => {
  const tag = `${lang}-${size.width}`;
  const context = await browser.newContext({ bypassCSP: true, serviceWorkers: 'block', locale: lang === 'ja' ? 'ja-JP' : 'en-GB', viewport: size });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const found: string[] = [];
  const routes = new Set<string>();

  await screen(page, found, routes, tag, '#/', '[data-testid="add-demo"]', 'wallet-empty');
  expect(await page.locator('main').textContent()).not.toMatch(/never trust them\.?\s*$/i);

  // "Add demo badges" from the keyboard: the focus follows to the wallet's heading, never the body.
  await page.getByTestId('add-demo').focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByTestId('badge-list').locator(':scope > li').count(), { timeout: 30_000 }).toBe(8);
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('wallet-title');
  await page.getByTestId('wallet-progress').waitFor({ timeout: 20_000 });
  await page.locator('[data-testid="badge-list"] img').first().waitFor();
  await check(page, found, tag, 'wallet');
  routes.add('wallet');
  // The wallet's first screen shows the totals and the progress toward the demo pathways.
  const bottom = await firstScreenBottom(page);
  for (const id of ['wallet-totals', 'wallet-progress']) {
    const box = await page.getByTestId(id).boundingBox();
    expect(box, id).not.toBeNull();
    expect(box!.y, `${id} starts in the first screen`).toBeLessThan(bottom);
  }
  expect(await page.getByTestId('wallet-totals').locator('[data-total="hours"]').textContent()).toMatch(/\d/);
  if (DOC_SCREENS && tag === 'en-360') {
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur()); // the README's picture without the keyboard's focus ring
    await page.screenshot({ path: new URL('wallet.png', DOCS).pathname });
  }

  const ids = await page.getByTestId('badge-list').locator('a[data-badge-id]').evaluateAll((as) => as.map((a) => a.getAttribute('data-badge-id') ?? ''));
  expect(ids).toHaveLength(8);
  for (const [n, id] of ids.entries()) {
    await screen(page, found, routes, tag, `#/badge/${id}`, '[data-testid="verification"]', `badge-${n + 1}`);
    await page.getByTestId('badge-value').waitFor();
    await firstScreen(page, found, tag, `badge-${n + 1}`);
    if (DOC_SCREENS && tag === 'en-360' && n === 0) await page.screenshot({ path: new URL('badge.png', DOCS).pathname });
  }
  // Every disclosure open: still no sideways scroll, still no axe violation.
  for (const d of await page.locator('main details').all()) await d.evaluate((el) => el.setAttribute('open', ''));
  await check(page, found, tag, 'badge-8-open');

  await screen(page, found, routes, tag, '#/import', '[data-testid="drop-zone"]', 'import');
  await screen(page, found, routes, tag, '#/import?url=https%3A%2F%2Fbadges.example.invalid%2Fb.json', '[role="alertdialog"]', 'import-link');
  await screen(page, found, routes, tag, '#/pathways', '[data-testid="pathway-list"]', 'pathways');
  const pathway = (await page.getByTestId('pathway-list').locator('h2 a').first().getAttribute('href')) ?? '';
  await screen(page, found, routes, tag, pathway, '[data-testid="pathway"]', 'pathway');
  if (DOC_SCREENS && tag === 'en-360') await page.screenshot({ path: new URL('pathway.png', DOCS).pathname });
  await screen(page, found, routes, tag, '#/pathways?url=https%3A%2F%2Fpathways.example.invalid%2Fp.json', '[role="alertdialog"]', 'pathways-link');
  await screen(page, found, routes, tag, '#/share', '[data-testid="share-picker"]', 'share-pick');
  await screen(page, found, routes, tag, `#/share?ids=${ids[0]}`, '[data-testid="share-output"]', 'share');
  await screen(page, found, routes, tag, '#/verify', '[data-testid="verify-paste"]', 'verify');
  await page.getByTestId('verify-paste').fill(readFileSync(new URL('../../public/demo/02-python-basics.json', import.meta.url), 'utf8'));
  await page.getByTestId('verify-paste-go').click();
  await page.getByTestId('received-headline').waitFor({ timeout: 20_000 });
  await check(page, found, tag, 'verify-result');
  await screen(page, found, routes, tag, '#/present', '[data-testid="present-request"]', 'present');
  await screen(page, found, routes, tag, '#/settings', '[data-testid="backup"]', 'settings');
  await screen(page, found, routes, tag, '#/no-such-screen', 'main h1', 'not-found');
  expect([...routes].sort()).toEqual(Object.keys(ROUTE_NAMES).sort());
  // Between the two sizes (a large phone, a small tablet, a narrow window) nothing scrolls sideways either.
  if (size.width > 360) {
    for (const width of [480, 640, 760, 900]) {
      await page.setViewportSize({ width, height: size.height });
      for (const hash of ['#/', `#/badge/${ids[0]}`, '#/settings']) {
        await page.goto(new URL(hash, inject('baseURL')).href);
        await page.locator('main h1').first().waitFor();
        await page.waitForTimeout(150);
        const over = await sideways(page);
        if (over > 0) found.push(`${lang}-${width} ${hash}: scrolls sideways by ${over} px`);
      }
    }
  }

  expect(found).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
}, 300_000);

test.each(['en', 'ja'])('%s on a phone: a badge whose issuer nobody vouches for (amber, with its buttons) fits the first screen', async (lang) => {
  const tag = `${lang}-360`;
  const context = await browser.newContext({ bypassCSP: true, serviceWorkers: 'block', locale: lang === 'ja' ? 'ja-JP' : 'en-GB', viewport: { width: 360, height: 780 } });
  const page = await context.newPage();
  const found: string[] = [];
  await page.goto(new URL('#/import', inject('baseURL')).href);
  await page.getByTestId('file-input').setInputFiles([{ name: 'python.json', mimeType: 'application/json', buffer: demoFile('02-python-basics.json') }]);
  await page.getByTestId('import-results').locator(':scope > li').first().waitFor({ timeout: 20_000 });
  await page.getByTestId('progress').waitFor({ state: 'detached' });
  await page.goto(new URL('#/', inject('baseURL')).href);
  const id = (await page.getByTestId('badge-list').locator('a[data-badge-id]').first().getAttribute('data-badge-id')) ?? '';
  await page.goto(new URL(`#/badge/${id}`, inject('baseURL')).href);
  await page.getByTestId('verification').waitFor();
  expect(await page.getByTestId('headline').getAttribute('data-headline')).toBe('UNKNOWN_ISSUER');
  await page.waitForTimeout(200);
  await check(page, found, tag, 'badge-unconfirmed');
  await firstScreen(page, found, tag, 'badge-unconfirmed');
  expect(found).toEqual([]);
  await context.close();
}, 120_000);
