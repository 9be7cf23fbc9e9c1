/**
 * Pathways (issue 6) and descriptors (issue 5) in Chromium: the demo pathways arrive with the demo
 * badges, progress moves when a badge is added, a badge says what it counts toward, a pathway can be
 * imported, deleted and restored; descriptors in Japanese, the framework verdict, the MC filter.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { credentialOf, loadKeys, signDi } from '../../src/cli/demo.ts';
import { DEMO_BADGES } from '../../src/cli/demo-badges.ts';
import { chooseFiles, importDone, launch, openApp } from './browser.ts';
import { readFileSync } from 'node:fs';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const CERT = 'https://university.example.jp/pathways/data-science-certificate';
const MASTERS = 'https://university.example.jp/pathways/master-data-science-rpl';
const pathwayFile = (name: string) => readFileSync(new URL(`../../public/demo/pathways/${name}`, import.meta.url));

/** A fresh "Statistics for Data Science" micro-credential from the demo university, signed with the published demo key. */
async function statisticsBadge(): Promise<Buffer> {
  const keys = await loadKeys();
  const row = DEMO_BADGES.find((b) => b.file === '01-data-literacy');
  if (row === undefined) throw new Error('demo table changed');
  const validFrom = '2025-10-01T03:00:00Z';
  const badge = { ...row, file: '09-statistics', container: 'json' as const, uuid: '6f1c3c8e-8f0a-4c59-9d55-0b6a1f0d0a09', name: ['Statistics for Data Science', 'データサイエンスのための統計学'] as const, validFrom, alignment: undefined };
  return Buffer.from(JSON.stringify(await signDi(credentialOf(badge, keys), keys.university, validFrom)));
}

async function addDemo(page: Page): Promise<void> {
  await page.getByTestId('add-demo').click();
  await expect.poll(() => page.getByTestId('badge-list').locator(':scope > li').count(), { timeout: 30_000 }).toBe(8);
}

/** Svelte's runtime warnings (a stale derived, say) while the test runs. */
function svelteWarnings(page: Page): string[] {
  const out: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning' && m.text().includes('svelte.dev/e/')) out.push(m.text());
  });
  return out;
}

const percentOf = (page: Page, id: string) => page.locator(`[data-pathway="${id}"] [data-testid="pathway-percent"]`).first().textContent();

test('the demo pathways come with the demo badges; a new badge moves the progress', async () => {
  const { page, errors, cspViolations, context } = await openApp(browser, inject('baseURL'));
  const warnings = svelteWarnings(page);
  await addDemo(page);
  await page.getByTestId('nav-pathways').click();
  await expect.poll(() => page.getByTestId('pathway-list').locator(':scope > li').count()).toBe(2);
  await expect.poll(() => percentOf(page, CERT)).toBe('75 %');
  expect(await percentOf(page, MASTERS)).toBe('80 %');
  expect(await page.locator(`[data-pathway="${CERT}"] progress`).getAttribute('value')).toBe('75');

  await page.getByRole('link', { name: 'Certificate in Data Science (4 micro-credentials)' }).click();
  const article = page.getByTestId('pathway');
  await article.waitFor();
  expect(await article.locator('[data-requirement="statistics"]').first().getAttribute('data-met')).toBe('false');
  expect(await article.locator('[data-requirement="python"]').first().getAttribute('data-met')).toBe('true');
  expect(await page.getByTestId('missing').textContent()).toContain('Statistics for Data Science — earn this');
  expect(await page.getByRole('list', { name: 'Requirements of Certificate in Data Science (4 micro-credentials)' }).count()).toBe(1);

  await chooseFiles(page, [{ name: 'statistics.json', mimeType: 'application/json', buffer: await statisticsBadge() }]);
  await importDone(page, 1);
  await page.goto(new URL('#/pathways', inject('baseURL')).href);
  await expect.poll(() => percentOf(page, CERT)).toBe('100 %');
  expect(await page.locator(`[data-pathway="${CERT}"]`).textContent()).toContain('complete');
  expect(Number.parseInt((await percentOf(page, MASTERS)) ?? '', 10)).toBeGreaterThan(80); // 1 単位 more: 7.5 of 10 ECTS
  expect(errors).toEqual([]);
  expect(warnings).toEqual([]);
  expect(cspViolations).toEqual([]);
  await context.close();
});

test('a badge says what it counts toward; an expired one says why not; delete a pathway and undo', async () => {
  const { page, errors, context } = await openApp(browser, inject('baseURL'));
  const warnings = svelteWarnings(page);
  await addDemo(page);
  await page.getByTestId('search').fill('python');
  await page.getByTestId('badge-list').locator('a').first().click();
  const toward = page.getByTestId('counts-toward');
  await expect.poll(async () => (await toward.locator('li[data-status="counted"]').count())).toBe(2);
  expect(await toward.textContent()).toContain('Counts toward Certificate in Data Science');
  expect(await toward.textContent()).toContain('Preparatory online study (at least 40 hours): 20 hours');

  await page.goto(new URL('#/', inject('baseURL')).href);
  await page.getByTestId('search').fill('patient');
  await page.getByTestId('badge-list').locator('a').first().click();
  await expect.poll(async () => (await page.getByTestId('counts-toward').locator('li[data-status="not-counted"]').count())).toBe(1);
  expect(await page.getByTestId('counts-toward').textContent()).toMatch(/Does not count \(yet\) toward.*expired/s);

  // By keyboard: open the certificate from the list, delete it, undo from the toast.
  await page.getByTestId('nav-pathways').focus();
  await page.keyboard.press('Enter');
  await page.getByRole('link', { name: 'Certificate in Data Science (4 micro-credentials)' }).focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('pathway-delete').focus();
  await page.keyboard.press('Enter');
  const cards = page.getByTestId('pathway-list').locator(':scope > li');
  await expect.poll(() => cards.count()).toBe(1);
  await page.getByRole('button', { name: 'Undo' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => cards.count()).toBe(2);
  expect(errors).toEqual([]);
  expect(warnings).toEqual([]);
  await context.close();
});

test('日本語: descriptors as written in Japanese, the framework verdicts, the MC filter, pathway titles', async () => {
  const { page, errors, context } = await openApp(browser, inject('baseURL'), '#/settings');
  await page.getByTestId('lang-ja').check();
  await expect.poll(() => page.locator('header nav').textContent()).toContain('パスウェイ');
  await page.goto(new URL('#/', inject('baseURL')).href);
  await addDemo(page);
  const list = page.getByTestId('badge-list');
  // Every demo badge states the full JV-Campus/JMOOC set, so each is a micro-credential (the one definition, issue 14).
  await expect.poll(() => list.locator('[data-mark="micro"]').count()).toBe(8);
  expect(await list.textContent()).toContain('学習45時間');
  await page.getByTestId('micro-only').check();
  await expect.poll(() => list.locator(':scope > li').count()).toBe(8);
  await page.getByTestId('micro-only').uncheck();
  await expect.poll(() => list.locator(':scope > li').count()).toBe(8);

  await page.getByTestId('search').fill('python');
  await list.locator('a').first().click();
  const panel = page.getByTestId('descriptors');
  await panel.waitFor();
  expect(await panel.locator('dd[data-descriptor="learningOutcomes"] .value').textContent()).toContain('関数と繰り返しを使った小さな Python プログラムを書ける');
  expect(await panel.locator('dd[data-descriptor="learningOutcomes"] .also').textContent()).toContain('Write small Python programs');
  expect(await panel.locator('dd[data-descriptor="assessment"] .value').textContent()).toContain('自動採点');
  expect(await page.getByTestId('jv-verdict').textContent()).toContain('JV-Campus/JMOOCの必須記述項目がすべて記載されています');
  expect(await page.getByTestId('eu-verdict').textContent()).toContain('EUのマイクロクレデンシャル必須要素がすべて記載されています');
  // A course with no academic credit: a micro-credential by its descriptors, and no "credit" row at all.
  expect(await page.getByTestId('framework-check').locator('dd[data-micro]').getAttribute('data-micro')).toBe('true');
  expect(await page.getByTestId('framework-check').textContent()).toContain('マイクロクレデンシャルとは明記されていませんが');
  expect(await page.getByTestId('descriptor-hours').textContent()).toContain('20時間');
  expect(await page.getByTestId('descriptor-hours').locator('[data-amount="credit"]').count()).toBe(0);
  await page.getByTestId('descriptor-both').click();
  expect(await panel.locator('dt[data-descriptor="learningOutcomes"]').textContent()).toContain('Learning outcomes');

  await page.getByTestId('nav-pathways').click();
  await expect.poll(() => page.getByTestId('pathway-list').textContent()).toContain('データサイエンス修了証（マイクロクレデンシャル4件）');
  expect(await page.getByTestId('pathway-list').textContent()).toContain('データサイエンス修士課程：既修得マイクロクレデンシャルの単位認定');
  expect(errors).toEqual([]);
  await context.close();
});

test('a pathway file, an invalid one, and a deep link that asks before fetching', async () => {
  const { page, errors, context } = await openApp(browser, inject('baseURL'), '#/pathways');
  await page.getByTestId('add-demo-pathways').waitFor();
  await page.getByTestId('pathway-file').setInputFiles({ name: 'masters.json', mimeType: 'application/json', buffer: pathwayFile('masters-prior-learning.json') });
  await expect.poll(() => page.getByTestId('pathway-import-result').textContent()).toContain('Added “Master of Data Science');
  await expect.poll(() => page.getByTestId('pathway-list').locator(':scope > li').count()).toBe(1);
  expect(await percentOf(page, MASTERS)).toBe('0 %');

  await page.getByTestId('pathway-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"pathwayVersion": 1, "id": "x", "title": {"en": "X"}, "requirement": {"kind": "sometimes"}}') });
  await expect.poll(() => page.getByTestId('pathway-import-result').textContent()).toContain('not a pathway this app can read');
  expect(await page.getByTestId('pathway-import-result').textContent()).toContain('Unknown requirement kind “sometimes”');

  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(new URL(`#/pathways?url=${encodeURIComponent('https://pathways.example.invalid/p.json')}`, inject('baseURL')).href);
  const ask = page.getByRole('alertdialog');
  await ask.waitFor();
  expect(await ask.textContent()).toContain('pathways.example.invalid');
  expect(page.url()).toMatch(/#\/pathways$/);
  await ask.getByRole('button', { name: 'Cancel' }).click();
  expect(requests.filter((u) => u.includes('example.invalid'))).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
