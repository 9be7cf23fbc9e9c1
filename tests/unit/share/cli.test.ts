// `tsumiki share` writes QR frames as PNG files; `tsumiki scan` reads them in any order and prints
// exactly what `tsumiki verify` prints for the credentials they carried.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { readQr } from '../../../src/lib/share/qr.ts';
import { dccRegistryJson } from '../../support/issuer.ts';

const NOW = '2026-11-23T00:00:00Z';
const F = (p: string) => `tests/fixtures/${p}`;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/tsumiki.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A DCC registry naming the did:key issuer of v2NoStatus.json, for --trust: `verified` needs a proven issuer (issue 12). */
function registryFile(): string {
  const issuer = (JSON.parse(readFileSync(F('ob3/dcc-verifier-core/v2NoStatus.json'), 'utf8')) as { issuer: { id: string } }).issuer.id; // why: the fixture's issuer is a Profile
  const file = join(mkdtempSync(join(tmpdir(), 'tsumiki-trust-')), 'registry.json');
  writeFileSync(file, dccRegistryJson([issuer]));
  return file;
}

const frameFiles = (dir: string) => readdirSync(dir).sort().map((f) => join(dir, f));
const withoutFileAndContainer = (rows: Array<Record<string, unknown>>) => rows.map(({ file: _f, container: _c, index: _i, checks, ...rest }) => ({
  ...rest,
  checks: (checks as Array<{ id: string; data?: Record<string, unknown> }>).map((c) => (c.id === 'format' ? { ...c, data: { ...c.data, container: 'x' } } : c)),
}));

describe('tsumiki share / scan', () => {
  const badges = [F('ob3/dcc-verifier-core/v2NoStatus.json'), F('ob3/1edtech-validator/complete.json'), F('ob2/1edtech-validator/simple.jwt'), F('ob3/1edtech-validator/simple-jwt.png')];

  it('share writes DIR/frame-001.png… and prints {frames, version, payloadBytes}; scan --json equals verify --json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tsumiki-share-'));
    const shared = cli('share', ...badges, '--qr-dir', dir);
    expect(shared.code).toBe(0);
    const info = JSON.parse(shared.out);
    expect(Object.keys(info)).toEqual(['frames', 'version', 'payloadBytes']);
    expect(info.frames).toBeGreaterThan(1);
    expect(info.version).toBeLessThanOrEqual(15);
    const files = frameFiles(dir);
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(Array.from({ length: info.frames }, (_, i) => `frame-${String(i + 1).padStart(3, '0')}.png`));

    const registry = registryFile();
    const scan = cli('scan', '--json', '--now', NOW, '--trust', registry, ...files.reverse());
    const verify = cli('verify', '--json', '--now', NOW, '--trust', registry, ...badges);
    expect(scan.code).toBe(verify.code);
    const scanned = JSON.parse(scan.out).results;
    const direct = JSON.parse(verify.out).results;
    expect(scanned).toHaveLength(badges.length);
    expect(scanned.map((r: { index: number }) => r.index)).toEqual([0, 1, 2, 3]);
    expect(scanned.every((r: { container: string }) => r.container === 'presentation')).toBe(true);
    // Rows from a presentation also carry the presentation's own checks: share signs nothing, so it proves no holder.
    for (const row of scanned) expect(row.presentation).toMatchObject({ verdict: 'incomplete', holder: null, checks: [{ id: 'proof', code: 'NOT_SIGNED' }, { id: 'holder', code: 'NOT_APPLICABLE' }] });
    expect(withoutFileAndContainer(scanned.map(({ presentation: _p, ...row }: Record<string, unknown>) => row))).toEqual(withoutFileAndContainer(direct));
  });

  it('one badge: one QR of version ≤ 25; --link puts a deep link in it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tsumiki-share-'));
    const shared = cli('share', F('ob3/dcc-verifier-core/v2NoStatus.json'), '--qr-dir', dir, '--link', 'https://wallet.example/');
    const info = JSON.parse(shared.out);
    expect(info).toMatchObject({ frames: 1 });
    expect(info.version).toBeLessThanOrEqual(25);
    expect(info.link.startsWith('https://wallet.example/#/verify?data=TK1:')).toBe(true);
    const png = PNG.sync.read(readFileSync(join(dir, 'frame-001.png')));
    expect(readQr(new Uint8ClampedArray(png.data), png.width, png.height)).toBe(info.link);
    const scan = cli('scan', '--json', '--now', NOW, '--trust', registryFile(), join(dir, 'frame-001.png'));
    expect(scan.code).toBe(0);
    expect(JSON.parse(scan.out).results[0]).toMatchObject({ format: 'ob3-di', verdict: 'verified', container: 'presentation' });
  });

  it('hostile input gives coded errors in the verify shape: no QR, mixed frames, missing frames', () => {
    const a = mkdtempSync(join(tmpdir(), 'tsumiki-share-'));
    const b = mkdtempSync(join(tmpdir(), 'tsumiki-share-'));
    cli('share', F('ob3/1edtech-validator/complete.json'), '--qr-dir', a);
    cli('share', F('ob3/1edtech-validator/complete_v1.json'), '--qr-dir', b);
    const cases: Array<[string[], string]> = [
      [[F('ob2/1edtech-validator/simple-badge.png')], 'QR_NOT_FOUND'],
      [[F('ob3/1edtech-validator/simple.json')], 'QR_NOT_FOUND'],
      [[...frameFiles(a).slice(0, 2), ...frameFiles(b).slice(2)], 'QR_FRAMES_MIXED'],
      [frameFiles(a).slice(1), 'QR_FRAMES_MISSING'],
    ];
    for (const [files, code] of cases) {
      const r = cli('scan', '--json', ...files);
      expect(r.code, code).toBe(1);
      const [row] = JSON.parse(r.out).results;
      expect(row).toMatchObject({ verdict: 'rejected', format: 'unknown', error: { code }, checks: [{ id: 'format', outcome: 'failed', code: 'UNREADABLE' }] });
    }
    const human = cli('scan', F('ob2/1edtech-validator/simple-badge.png'));
    expect(human.out).toContain('QR_NOT_FOUND');
  });
});
