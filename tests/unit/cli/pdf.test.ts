// Issue 14: `tsumiki pdf` makes a certificate that carries the credential; `tsumiki verify FILE.pdf`
// gives the same answer as the credential's own file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPdfCredentials } from '../../../src/lib/present/pdf.ts';
import { dccRegistryJson } from '../../support/issuer.ts';

const NOW = '2026-11-23T00:00:00Z';
const F = (p: string) => `tests/fixtures/${p}`;
const dir = mkdtempSync(join(tmpdir(), 'tsumiki-pdf-'));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/tsumiki.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const verified = F('ob3/dcc-verifier-core/v2NoStatus.json');
const baked = F('ob3/1edtech-validator/simple-json.png');
const issuer = (JSON.parse(readFileSync(verified, 'utf8')) as { issuer: { id: string } }).issuer.id; // why: the fixture's issuer is a Profile
const registry = join(dir, 'registry.json');
writeFileSync(registry, dccRegistryJson([issuer]));

/** A verify row without the file name (and its index among the PDF's credentials): what must be the same for the file and its PDF. */
const sameAs = (row: Record<string, unknown>) => ({ ...row, file: undefined, index: undefined });

// Each test spawns the CLI up to three times: on a busy 2-core machine one spawn can take 10 s.
describe('tsumiki pdf / verify FILE.pdf', { timeout: 120_000 }, () => {
  it('makes a PDF carrying each file byte for byte; verify FILE.pdf prints what verify FILE prints', async () => {
    const out = join(dir, 'record.pdf');
    const made = cli('pdf', verified, baked, '--out', out, '--now', NOW, '--trust', registry, '--link', 'https://wallet.tsumiki.test/');
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    expect(JSON.parse(made.out)).toMatchObject({ out, badges: 2 });
    const files = await readPdfCredentials(new Uint8Array(readFileSync(out)));
    expect(files.map((f) => Buffer.from(f.bytes).equals(readFileSync([verified, baked][files.indexOf(f)]!)))).toEqual([true, true]);

    const direct = cli('verify', '--json', '--now', NOW, '--trust', registry, verified, baked);
    const viaPdf = cli('verify', '--json', '--now', NOW, '--trust', registry, out);
    expect(viaPdf.code).toBe(direct.code);
    const rows = (s: string) => (JSON.parse(s) as { results: Record<string, unknown>[] }).results.map(sameAs);
    expect(rows(viaPdf.out)).toEqual(rows(direct.out));
    expect(rows(viaPdf.out)[0]).toMatchObject({ verdict: 'verified', headline: 'GENUINE' });
  });

  it('a damaged PDF is rejected with a coded error (exit 1); pdf refuses a file that is not a credential and writes nothing', () => {
    const junk = join(dir, 'junk.pdf');
    writeFileSync(junk, '%PDF-1.7\nnot really a PDF\n%%EOF\n');
    const r = cli('verify', '--json', junk);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).results[0]).toMatchObject({ verdict: 'rejected', error: { code: 'PDF_MALFORMED' } });

    const out = join(dir, 'never.pdf');
    const refused = cli('pdf', F('ob2/spec/badgeclass.json'), '--out', out);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/JSON_MALFORMED|NOT_A_CREDENTIAL/);
    expect(existsSync(out)).toBe(false);
  });

  it('--help documents the pdf command', () => {
    const r = cli('--help');
    expect(r.out).toContain('tsumiki pdf BADGE... --out FILE.pdf');
  });
});
