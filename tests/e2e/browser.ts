/**
 * Chromium for the e2e tests: Debian's /usr/bin/chromium through playwright-core, headless, no
 * network chatter. Each test gets a fresh browser context (its own IndexedDB); every page records
 * console errors, CSP violations and dialogs so a test can prove nothing unexpected happened.
 */
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

const ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A fresh browser (Playwright gives every launch its own temporary user-data-dir); `args` adds Chromium flags (a fake camera). */
export function launch(args: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...ARGS, ...args] });
}

export interface Watched {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly errors: string[];
  readonly dialogs: string[];
  readonly cspViolations: string[];
}

/**
 * `serviceWorkers: 'allow'` lets the app's service worker install (offline and update tests); by
 * default it is blocked, so other tests do not share the machine with its precaching.
 */
export async function openApp(browser: Browser, baseURL: string, hash = '#/', options: { serviceWorkers?: 'allow' | 'block' } = {}): Promise<Watched> {
  const context = await browser.newContext({ acceptDownloads: true, locale: 'en-GB', serviceWorkers: options.serviceWorkers ?? 'block' });
  const page = await context.newPage();
  const errors: string[] = [];
  const dialogs: string[] = [];
  const cspViolations: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.exposeFunction('__cspViolation', (text: string) => cspViolations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation(t: string): void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`); // why: exposed above
    });
  });
  await page.goto(new URL(hash, baseURL).href);
  await page.locator('header nav').waitFor();
  return { context, page, errors, dialogs, cspViolations };
}

export const fixture = (path: string): Buffer => readFileSync(new URL(`../fixtures/${path}`, import.meta.url));
export const demoFile = (name: string): Buffer => readFileSync(new URL(`../../public/demo/${name}`, import.meta.url));

/** Puts files into the real file chooser of the import screen. */
export async function chooseFiles(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]): Promise<void> {
  await page.goto(new URL('#/import', page.url()).href);
  await page.getByTestId('file-input').setInputFiles(files);
}

/** Waits until the import screen lists `rows` results and is idle; returns the summary line. */
export async function importDone(page: Page, rows: number): Promise<string> {
  await page.getByTestId('import-results').locator(':scope > li').nth(rows - 1).waitFor();
  await page.getByTestId('progress').waitFor({ state: 'detached' });
  return (await page.getByTestId('import-summary').textContent()) ?? '';
}

/** Verdicts shown in the import results, newest first, as `status:verdict` or `error:CODE`. */
export async function resultMarks(page: Page): Promise<string[]> {
  return page.getByTestId('import-results').locator(':scope > li').evaluateAll((rows) =>
    rows.map((li) => {
      const err = li.querySelector('[data-error]');
      if (err) return `error:${err.getAttribute('data-error')}`;
      return [...li.querySelectorAll('[data-status]')].map((c) => `${c.getAttribute('data-status')}:${c.querySelector('[data-verdict]')?.getAttribute('data-verdict')}`).join(',');
    }),
  );
}
