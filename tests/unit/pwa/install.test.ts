/**
 * Installable and offline (issue 8), checked at the source: the committed icons are exactly what the
 * generator draws, the manifest is complete, and the precache rules keep the unused credentials
 * context assets out. The built service worker itself is checked in tests/e2e/offline.e2e.test.ts.
 */
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, test } from 'vitest';
import { ICONS, iconPng } from '../../../src/cli/app-icons.ts';
import { PRECACHE_GLOBS, PRECACHE_IGNORES } from '../../../src/build/pwa.ts';

const publicFile = (p: string) => readFileSync(new URL(`../../../public/${p}`, import.meta.url));

describe('icons', () => {
  test.each(ICONS)('$file is the generated $size×$size $purpose icon', (spec) => {
    const committed = publicFile(`icons/${spec.file}`);
    expect(Buffer.from(iconPng(spec)).equals(committed)).toBe(true);
    const png = PNG.sync.read(committed);
    expect([png.width, png.height]).toEqual([spec.size, spec.size]);
  });

  test('a maskable icon is full-bleed: no transparent pixel, corners in the background colour', () => {
    const png = PNG.sync.read(publicFile('icons/maskable-192.png'));
    for (let i = 3; i < png.data.length; i += 4) expect(png.data[i]).toBe(255);
    expect([...png.data.subarray(0, 3)]).toEqual([0xe8, 0xf0, 0xfb]);
  });
});

describe('manifest', () => {
  const manifest = JSON.parse(publicFile('manifest.webmanifest').toString('utf8')) as Record<string, unknown>; // why: checked field by field below

  test('installable: name, start_url, standalone, theme colour, 192 and 512 PNG icons plus maskable ones', () => {
    expect(manifest).toMatchObject({ short_name: 'Tsumiki', start_url: './#/', scope: './', display: 'standalone', theme_color: '#2f6fc4' });
    expect(String(manifest.name)).toContain('積み木');
    const icons = manifest.icons as { src: string; sizes: string; type: string; purpose: string }[]; // why: the manifest's own format
    for (const size of ['192x192', '512x512']) {
      expect(icons.some((i) => i.sizes === size && i.type === 'image/png' && i.purpose === 'any')).toBe(true);
      expect(icons.some((i) => i.sizes === size && i.type === 'image/png' && i.purpose === 'maskable')).toBe(true);
    }
    for (const i of icons) expect(() => publicFile(i.src)).not.toThrow();
  });

  test('describes itself in English and Japanese', () => {
    expect(String(manifest.description)).toMatch(/Open Badges/);
    expect(String(manifest.description)).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(manifest.description_localized).toMatchObject({ en: { lang: 'en' }, ja: { lang: 'ja' } });
  });

  test('index.html links it and keeps the strict CSP', () => {
    const html = readFileSync(new URL('../../../index.html', import.meta.url), 'utf8');
    expect(html).toContain('<link rel="manifest" href="/manifest.webmanifest" />');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/unsafe-(eval|inline)/);
    expect(csp).toContain("img-src 'self' blob: data:");
    expect(csp).toContain("object-src 'none'");
  });
});

test('the precache takes the app, demo data and icons, and leaves the unused .jsonld assets out', () => {
  expect(PRECACHE_GLOBS.join()).toMatch(/js.*css|css.*js/);
  for (const ext of ['html', 'js', 'css', 'json', 'jwt', 'png', 'svg', 'webmanifest']) expect(PRECACHE_GLOBS.join()).toContain(ext);
  expect(PRECACHE_IGNORES).toContain('**/*.jsonld');
});
