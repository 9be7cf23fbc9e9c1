/**
 * Hostile credentials (issue 8), beyond tests/e2e/hostile.e2e.test.ts: markup and `javascript:`
 * URLs in every field, SVGs with scripts and external references, oversized and malicious
 * containers, `__proto__`, hidden and look-alike characters in the issuer's name, and a famous
 * name signed with somebody else's key. Nothing runs, nothing is fetched, every refusal has its
 * own message, and a refused file leaves the wallet exactly as it was.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zlibSync } from 'fflate';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { bakePng } from '../../src/lib/formats/baked/png.ts';
import { crc32 } from '../../src/lib/formats/baked/png-chunks.ts';
import { bakeSvg } from '../../src/lib/formats/baked/svg.ts';
import { generateDidKey, OB_V3, signDi, VC_V2 } from '../support/issuer.ts';
import { chooseFiles, demoFile, fixture, importDone, launch, openApp } from './browser.ts';
import { foreign, recordRequests, walletRows } from './pwa-helpers.ts';

const X = '<img src=x onerror=window.__pwned=1><script>window.__pwned=2</script><a href="javascript:window.__pwned=3">x</a>';
// As ids these must be IRIs (the reading comes from the signed graph, where a string that is not an
// absolute IRI is no node at all); the whitespace variants browsers also run go in as text.
const JS = ['javascript:window.__pwned=4', 'JaVaScRiPt:window.__pwned=5', 'javascript:window.__pwned%3D6', 'data:text/html,%3Cscript%3Eparent.__pwned=7%3C/script%3E'];
const JS_TEXT = [' JaVaScRiPt:window.__pwned=5', 'java\tscript:window.__pwned=6'];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

function credential(id: string, issuer: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    '@context': [VC_V2, OB_V3],
    id: `urn:uuid:${id}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: X,
    description: X,
    issuer: { type: ['Profile'], ...issuer },
    validFrom: '2025-01-01T00:00:00Z',
    credentialSubject: {
      type: ['AchievementSubject'],
      achievement: {
        id: JS[0],
        type: ['Achievement'],
        name: X,
        description: X,
        criteria: { id: JS[1], narrative: `${X} ${JS_TEXT.join(' ')}` },
        image: { id: JS[2], type: 'Image', caption: X },
        alignment: [{ type: ['Alignment'], targetName: X, targetDescription: X, targetFramework: X, targetCode: X, targetUrl: JS[3] }],
      },
    },
    evidence: JS.map((u) => ({ type: ['Evidence'], id: u, name: X, narrative: X, description: X, genre: X, audience: X })),
    ...extra,
  };
}

/** A plain, well-formed badge titled `title` from `issuer`. */
const plain = (id: string, issuer: Record<string, unknown>, title: string) => ({
  ...credential(id, issuer),
  name: title,
  description: 'd',
  evidence: [],
  credentialSubject: { type: ['AchievementSubject'], achievement: { id: 'urn:uuid:ach', type: ['Achievement'], name: title, description: 'd', criteria: { narrative: 'n' } } },
});
const json = (name: string, value: unknown) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(value)) });
const pwned = (page: Page) => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned); // why: the global a payload sets
/** Every link or resource whose URL would run script. */
const scriptUrls = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[href], [src], [action], [formaction], [xlink\\:href]')].flatMap((el) =>
      ['href', 'src', 'action', 'formaction', 'xlink:href'].map((a) => el.getAttribute(a) ?? '').filter((v) => /^\s*(java\s*script|data:text\/html|vbscript):/i.test(v.replace(/[\t\n\r]/g, ''))),
    ),
  );
const rowText = async (page: Page, i: number) => (await page.getByTestId('import-results').locator(':scope > li').nth(i).textContent()) ?? '';

async function seeded(hash = '#/') {
  const w = await openApp(browser, inject('baseURL'), hash);
  await chooseFiles(w.page, [{ name: 'good.json', mimeType: 'application/json', buffer: demoFile('02-python-basics.json') }]);
  await importDone(w.page, 1);
  return { ...w, requests: recordRequests(w.context) };
}

test('markup and javascript: URLs in every field stay text and never become links or images', async () => {
  const { page, context, errors, dialogs, cspViolations } = await seeded();
  await chooseFiles(page, [json('every-field.json', credential('aaaaaaaa-0000-4000-8000-000000000001', { id: 'https://evil.example', name: X, url: JS[0], description: X, email: X }))]);
  await importDone(page, 2);
  await page.getByTestId('import-results').getByRole('link').first().click();
  await page.getByTestId('verification').waitFor();
  await page.getByTestId('descriptors').waitFor();
  for (const d of await page.locator('details').all()) await d.evaluate((el) => el.setAttribute('open', ''));
  expect(await page.locator('h1').textContent()).toBe(X);
  expect(await page.getByTestId('issuer-name').textContent()).toBe(X);
  const text = (await page.locator('main').textContent()) ?? '';
  expect(text.split(X).length - 1).toBeGreaterThanOrEqual(6); // name, description, criteria, issuer, alignment, evidence…
  expect(await scriptUrls(page)).toEqual([]);
  expect(await page.locator('main script, main iframe, main object, main embed, main img[src="x"]').count()).toBe(0);
  await page.waitForTimeout(300);
  expect(await pwned(page)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(cspViolations).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

test('SVGs with scripts, foreignObject and external references are pictures only; entities are refused', async () => {
  const { page, context, requests, errors, dialogs } = await seeded();
  const evil = [
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="64" height="64" onload="window.__pwned=10">',
    '<script>window.__pwned=11</script><style>@import url(https://evil.example/x.css);</style>',
    '<foreignObject width="64" height="64"><iframe xmlns="http://www.w3.org/1999/xhtml" src="javascript:parent.__pwned=12"></iframe></foreignObject>',
    '<image href="https://evil.example/track.png" width="10" height="10"/><use xlink:href="https://evil.example/s.svg#a"/>',
    '<rect width="64" height="64" fill="teal"/></svg>',
  ].join('');
  const baked = bakeSvg(evil, { text: JSON.stringify(credential('aaaaaaaa-0000-4000-8000-000000000002', { id: 'https://evil.example', name: 'SVG Issuer' })), via: 'body', version: 'ob3' });
  const xxe = `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY lol "lol">]>${baked.replace(/^<\?xml[^>]*>/, '')}`;
  const before = await walletRows(page);
  await chooseFiles(page, [{ name: 'xxe.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(xxe) }]);
  await importDone(page, 2);
  expect(await rowText(page, 0)).toContain('The SVG image declares entities, which are refused');
  expect(await walletRows(page)).toEqual(before);

  await page.getByTestId('file-input').setInputFiles([{ name: 'evil.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(baked) }]);
  await importDone(page, 3);
  await page.goto(new URL('#/', inject('baseURL')).href);
  await expect.poll(() => page.locator('main img[src^="blob:"]').count()).toBeGreaterThanOrEqual(1);
  await page.getByTestId('badge-list').locator('a').filter({ hasText: 'SVG Issuer' }).click();
  await page.getByTestId('verification').waitFor();
  await page.waitForTimeout(300);
  expect(await page.locator('main img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src.split(':')[0]))).toEqual(['blob']); // why: the locator selects <img> only
  expect(foreign(requests, new URL(inject('baseURL')).origin)).toEqual([]);
  expect(await pwned(page)).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

/** A real PNG whose badge chunk is a compressed iTXt inflating to 64 MB of zeros. */
function bombPng(): Buffer {
  const keyword = Buffer.from('openbadgecredential', 'latin1');
  const data = Buffer.concat([keyword, Buffer.from([0, 1, 0, 0, 0]), Buffer.from(zlibSync(new Uint8Array(64 * 1024 * 1024), { level: 9 }))]);
  const png = Buffer.from(bakePng(new Uint8Array(fixture('ob2/1edtech-validator/assets/robotics-badge.png')), 'x'));
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'iTXt') {
      const head = Buffer.alloc(8);
      head.writeUInt32BE(data.length, 0);
      head.write('iTXt', 4, 'latin1');
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
      return Buffer.concat([png.subarray(0, at), head, data, crc, png.subarray(at + 12 + length)]);
    }
    at += 12 + length;
  }
  throw new Error('no iTXt chunk');
}

test('bombs, huge and deep files and __proto__ are refused, each with its own message; the wallet is unchanged', async () => {
  const { page, context, errors } = await seeded();
  const dir = mkdtempSync(join(tmpdir(), 'tsumiki-big-'));
  const big = join(dir, 'huge.json');
  writeFileSync(big, Buffer.alloc(100 * 1024 * 1024, 0x20)); // 100 MB, made here, never committed
  try {
    const before = await walletRows(page);
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const proto = '{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],"__proto__":{"polluted":true},"issuer":{"__proto__":{"polluted":true}}}';
    const cases: [string, () => Promise<void>, string][] = [
      ['bomb.png', () => page.getByTestId('file-input').setInputFiles({ name: 'bomb.png', mimeType: 'image/png', buffer: bombPng() }), 'The PNG image holds an oversized badge chunk'],
      ['huge.json', () => page.getByTestId('file-input').setInputFiles(big), 'The file is too large'],
      ['deep.json', () => page.getByTestId('file-input').setInputFiles({ name: 'deep.json', mimeType: 'application/json', buffer: Buffer.from(deep) }), 'The JSON nests too deeply'],
      ['proto.json', () => page.getByTestId('file-input').setInputFiles({ name: 'proto.json', mimeType: 'application/json', buffer: Buffer.from(proto) }), 'The JSON contains a forbidden key (__proto__)'],
    ];
    let rows = 1;
    for (const [name, choose, message] of cases) {
      await choose();
      await importDone(page, ++rows);
      const row = await rowText(page, 0);
      expect(row, name).toContain(name);
      expect(row, name).toContain(message);
      expect(await walletRows(page), name).toEqual(before);
    }
    // why (both casts): reading a property that must not exist
    expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
    expect(await page.evaluate(() => (Object.prototype as Record<string, unknown>).polluted)).toBeUndefined();
    expect(errors).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await context.close();
  }
});

test('hidden and look-alike characters in the issuer’s name are shown, on the card and the badge page', async () => {
  const { page, context, errors } = await seeded();
  const rlo = 'Tokyo Univ\u202Eytisrevinu\u200B';
  const cyrillic = 'Univеrsity of Tоkyo'; // е and о are Cyrillic
  await chooseFiles(page, [
    json('rlo.json', plain('aaaaaaaa-0000-4000-8000-000000000003', { id: 'https://rlo.example', name: rlo }, 'RLO badge')),
    json('cyr.json', plain('aaaaaaaa-0000-4000-8000-000000000004', { id: 'https://cyr.example', name: cyrillic }, 'Cyrillic badge')),
  ]);
  await importDone(page, 3);
  await page.goto(new URL('#/', inject('baseURL')).href);
  const card = (title: string) => page.getByTestId('badge-list').locator('li').filter({ hasText: title });
  expect(await card('RLO badge').locator('.issuer').textContent()).toContain('Tokyo Univ⟨U+202E⟩ytisrevinu⟨U+200B⟩');
  expect(await page.locator('main').textContent()).not.toContain('\u202E'); // cards and the issuer filter alike
  expect(await card('Cyrillic badge').getByTestId('lookalike').textContent()).toContain('look-alike letters');

  await card('RLO badge').locator('a').click();
  await page.getByTestId('verification').waitFor();
  expect(await page.getByTestId('issuer-name').textContent()).toBe('Tokyo Univ⟨U+202E⟩ytisrevinu⟨U+200B⟩');
  expect(await page.getByTestId('issuer-hidden').textContent()).toContain('U+202E, U+200B');
  expect(await page.locator('main').textContent()).not.toMatch(/[\u202E\u200B]/); // the issuer panel too
  await page.goBack();
  await card('Cyrillic badge').locator('a').click();
  await page.getByTestId('verification').waitFor();
  expect(await page.getByTestId('issuer-mixed').textContent()).toContain('look-alike letters');
  expect(errors).toEqual([]);
  await context.close();
});

test('a famous name signed with another key is shown as a claim, with what the key really proves', async () => {
  const { page, context, errors } = await seeded();
  const key = await generateDidKey('Ed25519');
  const famous = 'The University of Tokyo';
  const byKey = await signDi(plain('aaaaaaaa-0000-4000-8000-000000000005', { id: key.did, name: famous }, 'Signed by a bare key'), 'eddsa-rdfc-2022', key.pair);
  const claimsDomain = await signDi(plain('aaaaaaaa-0000-4000-8000-000000000006', { id: 'https://www.u-tokyo.ac.jp/', name: famous }, 'Claims the domain'), 'eddsa-rdfc-2022', key.pair);
  await chooseFiles(page, [json('by-key.json', byKey), json('claims-domain.json', claimsDomain)]);
  await importDone(page, 3);

  await page.goto(new URL('#/', inject('baseURL')).href);
  await page.getByTestId('badge-list').locator('a').filter({ hasText: 'Signed by a bare key' }).click();
  await page.getByTestId('verification').waitFor();
  expect(await page.getByTestId('issuer-name').textContent()).toBe(famous);
  expect(await page.getByTestId('issuer').textContent()).toContain('a claim, not verified');
  expect(await page.getByTestId('issuer').getAttribute('data-authority')).toBe('key');
  expect(await page.getByTestId('issuer-authority').textContent()).toContain('no name or domain behind it');

  await page.goBack();
  await page.getByTestId('badge-list').locator('a').filter({ hasText: 'Claims the domain' }).click();
  await page.getByTestId('verification').waitFor();
  expect(await page.getByTestId('issuer-name').textContent()).toBe(famous);
  expect(await page.getByTestId('issuer').getAttribute('data-authority')).toBe('none');
  expect(await page.getByTestId('issuer-authority').textContent()).toBe('It was not shown that www.u-tokyo.ac.jp signed it');
  expect(errors).toEqual([]);
  await context.close();
});
