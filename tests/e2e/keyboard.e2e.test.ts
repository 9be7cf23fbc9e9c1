/**
 * Every main flow by keyboard alone (issue 8): import through the file chooser, open a badge,
 * delete it and undo, switch the language. Only Tab, Shift+Tab, Enter, Space and arrows are used;
 * focus must always be visible.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, FileChooser, Page } from 'playwright-core';
import { demoFile, launch, openApp } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Focused {
  readonly testid: string | null;
  readonly text: string;
  readonly tag: string;
  readonly type: string | null;
  readonly outline: string;
}

const focused = (page: Page): Promise<Focused> =>
  page.evaluate(() => {
    const el = document.activeElement ?? document.body;
    const style = getComputedStyle(el);
    return { testid: el.getAttribute('data-testid'), text: (el.textContent ?? '').trim(), tag: el.tagName, type: el.getAttribute('type'), outline: style.outlineStyle };
  });

/** Presses Tab until `want` holds for the focused element (at most `max` times); fails otherwise. */
async function tabTo(page: Page, want: (f: Focused) => boolean, max = 80): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (want(f)) {
      expect(f.outline, `focus on ${f.testid ?? f.text} is visible`).not.toBe('none');
      return f;
    }
  }
  throw new Error('tabTo: not reached by keyboard');
}

/**
 * The next file chooser the page opens. Playwright intercepts choosers only while a listener exists, and
 * switching interception on is a message of its own: a listener added in the same breath as the key press
 * (`Promise.all([waitForEvent, press])`) can lose that race on a loaded machine, and the chooser is then
 * cancelled unseen. Listening from the start of the test leaves no race to lose.
 */
function nextFileChooser(page: Page): Promise<FileChooser> {
  return new Promise((resolve) => page.once('filechooser', resolve));
}

test('import, open, delete and undo, switch language — keyboard only', async () => {
  const { page, errors, context } = await openApp(browser, inject('baseURL'));
  const chooserOpened = nextFileChooser(page);

  // Import: the navigation link, then the file chooser opened with the keyboard. The lazily loaded screen
  // is ready when it is shown and the route change has moved focus to <main>: Tab starts from there.
  await tabTo(page, (f) => f.testid === 'nav-import');
  await page.keyboard.press('Enter');
  await page.getByTestId('drop-zone').waitFor();
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
  await tabTo(page, (f) => f.testid === 'file-input');
  await page.keyboard.press('Space');
  const chooser = await Promise.race([
    chooserOpened,
    page.waitForTimeout(15_000).then(() => Promise.reject(new Error('Space on the focused file input opened no file chooser'))),
  ]);
  await chooser.setFiles([
    { name: 'python.json', mimeType: 'application/json', buffer: demoFile('02-python-basics.json') },
    { name: 'sdgs.json', mimeType: 'application/json', buffer: demoFile('04-sdgs.json') },
  ]);
  await page.getByTestId('import-results').locator(':scope > li').nth(1).waitFor();
  await page.getByTestId('progress').waitFor({ state: 'detached' });

  // Open a badge from the wallet.
  await tabTo(page, (f) => f.text.includes('My badges') && f.tag === 'A');
  await page.keyboard.press('Enter');
  const cards = page.getByTestId('badge-list').locator(':scope > li');
  await expect.poll(() => cards.count()).toBe(2);
  const card = await tabTo(page, (f) => f.tag === 'A' && f.text.includes('Python'));
  expect(card.text).toContain('Python');
  await page.keyboard.press('Enter');
  await page.getByTestId('verification').waitFor();
  expect(page.url()).toMatch(/#\/badge\/[0-9a-f]{64}$/);

  // Delete, then Undo from the toast.
  await tabTo(page, (f) => f.testid === 'delete');
  await page.keyboard.press('Enter');
  await expect.poll(() => cards.count()).toBe(1);
  await tabTo(page, (f) => f.tag === 'BUTTON' && f.text === 'Undo', 120);
  await page.keyboard.press('Enter');
  await expect.poll(() => cards.count()).toBe(2);

  // Switch the language in Settings with the arrow keys of the radio group.
  await page.keyboard.press('Shift+Tab'); // back into the page from the toast region
  await tabTo(page, (f) => f.testid === 'nav-settings', 120);
  await page.keyboard.press('Enter');
  await page.getByTestId('lang-en').waitFor();
  await tabTo(page, (f) => f.testid === 'lang-en' || f.testid === 'lang-ja');
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('ja');
  expect(await page.locator('header nav').textContent()).toContain('マイバッジ');
  expect(errors).toEqual([]);
  await context.close();
});
