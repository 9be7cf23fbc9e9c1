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

test('日本語: the badge page says codes in words — no raw language, country, type, ISO time or hash (issue 14)', async () => {
  const { page, errors, context } = await openApp(browser, inject('baseURL'), '#/settings');
  await page.getByTestId('lang-ja').check();
  await expect.poll(() => page.locator('header nav').textContent()).toContain('マイバッジ');
  await page.goto(new URL('#/', inject('baseURL')).href);
  await page.getByTestId('add-demo').click();
  const list = page.getByTestId('badge-list');
  await expect.poll(() => list.locator(':scope > li').count()).toBe(8);
  // Python basics: achievementType Course, inLanguage ja, issuer country code JP, a hashed email address.
  await page.getByTestId('search').fill('python');
  await list.locator('a').first().click();
  const panel = page.getByTestId('descriptors');
  await panel.waitFor();
  for (const id of ['about', 'people']) {
    const fold = page.getByTestId(id);
    if ((await fold.getAttribute('open')) === null) await fold.locator('summary').click();
  }
  const shown = async (): Promise<string> =>
    (await Promise.all(['badge-value', 'about', 'people'].map((id) => page.getByTestId(id).innerText()))).join('\n');
  const text = await shown();
  expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/); // ISO time
  expect(text).not.toMatch(/sha256\$/);
  expect(text).not.toMatch(/emailAddress|(?:^|\n)(?:Course|JP|ja)(?:\n|$)/);
  expect(text).not.toMatch(/(?:言語|種類)[：:\s]*(?:ja|Course)\b/);
  expect(text).not.toMatch(/\bja\b/);
  // …and in words instead, the code kept as the value's title.
  expect(await panel.locator('dd[data-descriptor="certification"] .value').textContent()).toBe('達成内容の種類：講座・科目');
  expect(await panel.locator('dd[data-descriptor="dateOfIssuing"] .value').textContent()).toMatch(/^2024年11月2[01]日$/);
  expect(await panel.locator('dd[data-descriptor="dateOfIssuing"] .value').getAttribute('data-raw')).toBe('2024-11-20T06:00:00Z');
  expect(await panel.locator('dd[data-descriptor="learner"] .value').textContent()).toBe('メールアドレス（ハッシュ値のため非表示）');
  expect(text).toContain('日本語');
  // The app's own words (the checks, the issuer line): no 合格 for a passed check, no nested brackets.
  // (The badge's own text may say 合格 — "pass mark 70%" — and is shown as written.)
  const ours = (await page.getByTestId('verification').innerText()) + (await page.getByTestId('issuer').innerText());
  expect(ours).not.toMatch(/合格|チャレンジ|（[^（）]*（|\([^()]*（/);
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
