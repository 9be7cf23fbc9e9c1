/** 日本語: the switch, its memory across reloads, and a keyboard-only path. */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, openApp } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

test('switching to Japanese shows Japanese, and is remembered', async () => {
  const { page, errors, context } = await openApp(browser, inject('baseURL'), '#/settings');
  await page.getByTestId('lang-ja').check();
  await expect.poll(() => page.locator('header nav').textContent()).toContain('マイバッジ');
  expect(await page.locator('html').getAttribute('lang')).toBe('ja');
  expect(await page.locator('h1').textContent()).toBe('設定');

  await page.reload();
  await page.locator('header nav').waitFor();
  expect(await page.locator('header nav').textContent()).toContain('バッジを追加');
  await page.goto(new URL('#/', inject('baseURL')).href);
  await page.getByTestId('add-demo').click();
  const list = page.getByTestId('badge-list');
  await expect.poll(() => list.locator(':scope > li').count()).toBe(8);
  // The headline words (JA-GLOSSARY §1.5): the demo badges, with their demo list, and the expired one.
  await expect.poll(() => list.textContent()).toContain('本物と確認');
  expect(await list.textContent()).toContain('有効期限切れ');
  await list.locator('a').first().click();
  await page.getByTestId('verification').waitFor();
  expect(await page.getByTestId('verification').textContent()).toContain('署名');
  expect(await page.getByTestId('headline').textContent()).toContain('本物と確認');
  expect(await page.getByTestId('headline-detail').textContent()).toContain('デモ用の信頼リストに登録。実在の機関ではありません');
  await page.goto(new URL('#/settings', inject('baseURL')).href);
  await expect.poll(() => page.getByTestId('trust').textContent()).toContain('デモ用リスト（実在の機関ではありません）');
  expect(await page.getByTestId('trust').textContent()).toContain('信頼リスト（信頼できる発行者の一覧）');
  for (const word of ['公認', '認定', '公式']) expect(await page.getByTestId('trust').textContent()).not.toContain(word);
  expect(errors).toEqual([]);
  await context.close();
});

test('keyboard only: skip link, navigation, search', async () => {
  const { page, errors, context } = await openApp(browser, inject('baseURL'));
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
  // Tab to "Add badges" and follow it.
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) === 'nav-import') break;
  }
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle); // why: focus was just moved to an element
  expect(outline).not.toBe('none'); // visible focus
  await page.keyboard.press('Enter');
  await page.getByTestId('drop-zone').waitFor();
  await page.getByTestId('import-demo').focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('import-results').locator(':scope > li').nth(7).waitFor();
  await page.goto(new URL('#/', inject('baseURL')).href);
  await page.getByTestId('search').focus();
  await page.keyboard.type('python');
  await expect.poll(() => page.getByTestId('badge-list').locator(':scope > li').count()).toBe(1);
  expect(errors).toEqual([]);
  await context.close();
});
