// `tsumiki verify --jobs N` (issue 15): worker threads running the same TypeScript the CLI runs,
// with the same verdicts and the same output, in input order, as `--jobs 1`.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEnv } from '../../../src/lib/verify/env.ts';
import { verifyTask } from '../../../src/cli/verify-files.ts';
import { VerifyPool } from '../../../src/cli/verify-pool.ts';
import { dccRegistryJson } from '../../support/issuer.ts';

const NOW = '2026-11-23T00:00:00Z';
const dirs = ['tests/fixtures/ob3/dcc-verifier-core', 'tests/fixtures/ob3/1edtech-validator', 'tests/fixtures/ob2/1edtech-validator', 'tests/fixtures/clr2/1edtech-validator'];
// Every kind the CLI reads (JSON, JWT, baked PNG and SVG, OB 2.0, CLR), every verdict, and a file that is not there.
const files = [...dirs.flatMap((d) => readdirSync(d).filter((f) => /\.(json|jwt|png|svg)$/.test(f)).map((f) => join(d, f))), 'tests/fixtures/no-such-file.json'];

const issuer = (JSON.parse(readFileSync('tests/fixtures/ob3/dcc-verifier-core/v2NoStatus.json', 'utf8')) as { issuer: { id: string } }).issuer.id; // why: the fixture's issuer is a Profile
const registry = join(mkdtempSync(join(tmpdir(), 'tsumiki-jobs-')), 'registry.json');
writeFileSync(registry, dccRegistryJson([issuer]));

/** The CLI as `npm run tsumiki` starts it (tsx), not awaited synchronously so both runs overlap. */
function cli(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/tsumiki.ts', ...args]);
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('tsumiki verify --jobs', () => {
  it('covers many inputs of every kind', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('--json --trust with 2 worker threads prints exactly what --jobs 1 prints, in input order', async () => {
    const [one, two] = await Promise.all([cli('verify', '--json', '--now', NOW, '--trust', registry, '--jobs', '1', ...files), cli('verify', '--json', '--now', NOW, '--trust', registry, '--jobs', '2', ...files)]);
    expect(two.err).toBe('');
    expect(two.code).toBe(one.code);
    expect(two.out).toBe(one.out);
    const rows = JSON.parse(two.out).results as { file: string; verdict: string; headline: string }[];
    // Input order: each file's rows in the order the files were given (a presentation may give several).
    expect([...new Set(rows.map((r) => r.file))]).toEqual(files);
    const verdicts = new Set(rows.map((r) => r.verdict));
    for (const v of ['verified', 'failed', 'incomplete', 'rejected']) expect(verdicts).toContain(v);
    expect(rows.find((r) => r.file.endsWith('v2NoStatus.json'))?.headline).toBe('GENUINE'); // the --trust list reached the workers
  }, 300_000);

  it('the human table is the same with 3 threads as with one', async () => {
    const some = files.filter((_, i) => i % 4 === 0);
    const [one, three] = await Promise.all([cli('verify', '--now', NOW, '--jobs', '1', ...some), cli('verify', '--now', NOW, '--jobs', '3', ...some)]);
    expect(three.err).toBe('');
    expect(three.code).toBe(one.code);
    expect(three.out).toBe(one.out);
    expect(three.out).toContain('FORGERY DETECTED');
  }, 300_000);

  it('refuses a --jobs that is not a positive whole number', async () => {
    for (const bad of ['0', '-1', 'two', '1.5']) {
      const r = await cli('verify', '--jobs', bad, files[0] as string);
      expect(r.code).toBe(2);
      expect(r.err).toContain('--jobs');
    }
  }, 300_000);
});

describe('VerifyPool', () => {
  it('worker threads load the TypeScript verifier and answer as the CLI thread does, in task order', async () => {
    const settings = { now: NOW, online: false, asked: {}, human: true };
    const pool = await VerifyPool.start(2, settings);
    try {
      expect(pool.size).toBe(2);
      const tasks = files.slice(0, 24).map((file) => ({ file }));
      const got = await pool.run(tasks);
      const env = createEnv({ now: new Date(NOW) });
      const expected = [];
      for (const t of tasks) expected.push(await verifyTask(t, env, {}, true));
      expect(got).toEqual(expected);
      // Bytes given directly, as the benchmark does; a second run on the same pool.
      const bytes = { file: 'in-memory', bytes: new Uint8Array(readFileSync(files[0] as string)) };
      expect(await pool.run([bytes])).toEqual([await verifyTask(bytes, env, {}, true)]);
    } finally {
      await pool.close();
    }
  }, 300_000);
});
