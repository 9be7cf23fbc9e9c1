/**
 * Pathways from other sources in Chromium (issue 16): a Credential Engine (CTDL) pathway added from a
 * file shows like any other pathway, with its source named and what could not be expressed listed;
 * a registry link is fetched only after a yes, and when the registry refuses the browser the page
 * says so and offers the file or the CLI; a CLR 2.0 record becomes a pathway too. In Japanese as well.
 */
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { fixture, launch, openApp } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const PATHWAY = 'https://registry.example/resources/ce-e2e-pathway';
/** A CTDL graph (synthetic) whose components stand for two demo badges and one the demo does not hold. */
const ctdl = {
  '@context': 'https://credreg.net/ctdl/schema/context/json',
  '@graph': [
    { '@id': PATHWAY, '@type': 'ceterms:Pathway', 'ceterms:name': { en: 'Data Foundations (CTDL)', ja: 'データ基礎（CTDL）' }, 'ceterms:hasDestinationComponent': 'https://registry.example/resources/ce-e2e-dest' },
    {
      '@id': 'https://registry.example/resources/ce-e2e-dest',
      '@type': 'ceterms:CredentialComponent',
      'ceterms:name': { en: 'Data Foundations' },
      'ceterms:hasCondition': [
        {
          '@type': 'ceterms:ComponentCondition',
          'ceterms:name': { en: 'Two of three' },
          'ceterms:requiredNumber': 2,
          'ceterms:targetComponent': ['https://registry.example/resources/ce-e2e-literacy', 'https://registry.example/resources/ce-e2e-ethics', 'https://registry.example/resources/ce-e2e-statistics'],
          'ceterms:hasConstraint': [{ '@type': 'ceterms:Constraint', 'ceterms:leftSource': 'https://uni.example/studentData/grade', 'ceterms:comparator': 'compare:GTEQ', 'ceterms:rightSource': 'https://uni.example/grades/B' }],
        },
      ],
    },
    { '@id': 'https://registry.example/resources/ce-e2e-literacy', '@type': 'ceterms:CredentialComponent', 'ceterms:name': { en: 'Data Literacy' }, 'ceterms:credentialId': 'https://university.example.jp/achievements/data-literacy' },
    { '@id': 'https://registry.example/resources/ce-e2e-ethics', '@type': 'ceterms:CredentialComponent', 'ceterms:name': { en: 'AI Ethics' }, 'ceterms:proxyFor': 'https://registry.example/resources/ce-e2e-ethics-badge' },
    { '@id': 'https://registry.example/resources/ce-e2e-ethics-badge', '@type': 'ceterms:DigitalBadge', 'ceterms:credentialId': 'https://mooc.example.jp/achievements/ai-ethics' },
    { '@id': 'https://registry.example/resources/ce-e2e-statistics', '@type': 'ceterms:CredentialComponent', 'ceterms:name': { en: 'Statistics' }, 'ceterms:proxyFor': 'https://registry.example/resources/ce-e2e-statistics-badge' },
  ],
};

const percentOf = (page: Page, id: string) => page.locator(`[data-pathway="${id}"] [data-testid="pathway-percent"]`).first().textContent();

test('a CTDL pathway from a file: converted, shown like any other with its source and what is not checked', async () => {
  const { page, errors, cspViolations, context } = await openApp(browser, inject('baseURL'));
  await page.getByTestId('add-demo').click();
  await expect.poll(() => page.getByTestId('badge-list').locator(':scope > li').count(), { timeout: 30_000 }).toBe(8);
  await page.getByTestId('nav-pathways').click();
  await page.getByTestId('pathway-file').setInputFiles({ name: 'registry-graph.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(ctdl)) });
  const result = page.getByTestId('pathway-import-result');
  await expect.poll(() => result.textContent()).toContain('Added “Data Foundations (CTDL)”, converted from a Credential Engine (CTDL) pathway.');
  expect(await page.getByTestId('pathway-import-unsupported').textContent()).toContain('1 condition of the original could not be expressed');

  // In the list like any other pathway (with the two demo pathways), its source named.
  const card = page.locator(`[data-pathway="${PATHWAY}"]`);
  await expect.poll(() => percentOf(page, PATHWAY)).toBe('100 %'); // two of three: data literacy and AI ethics
  expect(await card.getByTestId('pathway-card-source').textContent()).toContain('Credential Engine (CTDL)');

  await page.getByRole('link', { name: 'Data Foundations (CTDL)' }).click();
  await page.getByTestId('pathway').waitFor();
  expect(await page.getByTestId('pathway-source').textContent()).toBe(`Converted from a Credential Engine (CTDL) pathway: ${PATHWAY}`);
  const unsupported = page.getByTestId('pathway-unsupported');
  expect(await unsupported.getByRole('heading').textContent()).toBe('Not checked here (1)');
  expect(await unsupported.textContent()).toMatch(/ceterms:Constraint grade gteq https:\/\/uni\.example\/grades\/B/);
  expect(await page.getByRole('list', { name: 'Requirements of Data Foundations (CTDL)' }).textContent()).toContain('Two of three');
  // No sideways scroll on a phone, even with long IRIs.
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);

  // 日本語: the same pathway, its Japanese title and the source in Japanese.
  await page.goto(new URL('#/settings', inject('baseURL')).href);
  await page.getByTestId('lang-ja').check();
  await page.goto(new URL(`#/pathways/${encodeURIComponent(PATHWAY)}`, inject('baseURL')).href);
  await expect.poll(() => page.getByTestId('pathway-source').textContent()).toBe(`Credential Engine（CTDL）のパスウェイから変換：${PATHWAY}`);
  expect(await page.locator('h1').textContent()).toBe('データ基礎（CTDL）');
  expect(await page.getByTestId('pathway-unsupported').getByRole('heading').textContent()).toBe('ここでは確認しない条件（1件）');
  expect(errors).toEqual([]);
  expect(cspViolations).toEqual([]);
  await context.close();
});

test('a registry link asks first; when the registry refuses the browser the page says so and offers the file or the CLI', async () => {
  const { page, errors, context } = await openApp(browser, inject('baseURL'), '#/pathways');
  await page.getByTestId('add-demo-pathways').waitFor();
  const link = 'https://credentialengineregistry.org/graph/ce-cc62e516-f95d-4306-a11a-c0ecc39d835f';
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  // The registry sends no CORS headers: the browser's fetch fails. Played here without the network.
  await context.route('https://credentialengineregistry.org/**', (route) => route.abort('accessdenied'));
  await page.getByTestId('pathway-url').fill(link);
  await page.getByTestId('pathway-url').press('Enter');
  const ask = page.getByRole('alertdialog');
  await ask.waitFor();
  expect(await ask.textContent()).toContain('credentialengineregistry.org');
  expect(requests.filter((u) => u.includes('credentialengineregistry.org'))).toEqual([]); // nothing before the yes
  await page.getByTestId('pathway-url-yes').click();
  const blocked = page.getByTestId('pathway-registry-blocked');
  await blocked.waitFor();
  expect(await blocked.textContent()).toContain('does not let browsers on other sites fetch its pathways');
  expect(await blocked.textContent()).toContain('tsumiki pathway --convert');
  expect(requests.some((u) => u.startsWith(link))).toBe(true);
  expect(errors.filter((e) => !/credentialengineregistry|Failed to fetch|ERR_/.test(e))).toEqual([]);
  await context.close();
});

test('a CLR 2.0 record as a pathway source', async () => {
  const { page, errors, context } = await openApp(browser, inject('baseURL'), '#/pathways');
  await page.getByTestId('add-demo-pathways').waitFor();
  await page.getByTestId('pathway-file').setInputFiles({ name: 'clr.json', mimeType: 'application/json', buffer: fixture('clr2/spec/ldp-test-vector-clr-signed.json') });
  const result = page.getByTestId('pathway-import-result');
  await expect.poll(() => result.textContent()).toContain('Added “Achievement 1” from the parts the CLR record names.');
  expect(await result.textContent()).toContain('each only if it verifies on its own');
  const card = page.getByTestId('pathway-list').locator(':scope > li').first();
  expect(await card.getByTestId('pathway-card-source').textContent()).toContain('From a CLR record');
  await card.getByRole('link').click();
  await expect.poll(() => page.getByTestId('pathway-source').textContent()).toBe('Made from the parts a CLR 2.0 record names: http://example.edu/credentials/3732');
  expect(errors).toEqual([]);
  await context.close();
});
