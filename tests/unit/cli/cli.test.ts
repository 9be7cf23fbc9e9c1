// The CLI contract (issue 3, issue 5) and browser/CLI parity: the CLI prints exactly what the core
// decides for the same bytes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DESCRIPTOR_IDS } from '../../../src/lib/descriptors/index.ts';
import { readTrustList } from '../../../src/lib/trust/lists.ts';
import { createEnv } from '../../../src/lib/verify/env.ts';
import { verifyBytes } from '../../../src/lib/verify/pipeline.ts';
import { dccRegistryJson } from '../../support/issuer.ts';

const NOW = '2026-11-23T00:00:00Z';
const F = (p: string) => `tests/fixtures/${p}`;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/tsumiki.ts', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const verified = F('ob3/dcc-verifier-core/v2NoStatus.json');
const tampered = F('ob3/1edtech-validator/simple-err-proof-value.json');
const fragment = F('ob3/spec/ldp-test-vector-ob-signed.json');

// The verified fixture's issuer is a bare did:key: `verified` needs it on a list the user gave (issue 12).
const verifiedIssuer = (JSON.parse(readFileSync(verified, 'utf8')) as { issuer: { id: string } }).issuer.id; // why: the fixture's issuer is a Profile
const registry = join(mkdtempSync(join(tmpdir(), 'tsumiki-cli-')), 'registry.json');
writeFileSync(registry, dccRegistryJson([verifiedIssuer]));

describe('tsumiki verify', () => {
  it('--json prints {results:[{file, format, verdict, checks:[{id, outcome, code}]}]}; exit 0 when all verified', () => {
    const { code, out } = cli('verify', '--json', '--now', NOW, '--trust', registry, verified);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.results).toHaveLength(1);
    const [r] = json.results;
    expect(r).toMatchObject({ file: verified, format: 'ob3-di', verdict: 'verified' });
    for (const c of r.checks) expect(Object.keys(c)).toEqual(expect.arrayContaining(['id', 'outcome', 'code']));
    // Issue 12: the checks include issuer-identity, after issuer-key.
    expect(r.checks.map((c: { id: string }) => c.id)).toEqual(['format', 'structure', 'proof', 'issuer-key', 'issuer-identity', 'validity-period', 'status', 'recipient']);
    expect(r).toMatchObject({ headline: 'GENUINE', issuer: { id: verifiedIssuer, proven: 'listed' } });
  });

  it('exit 1 when any credential failed or was rejected, with the error object for rejected input', () => {
    const { code, out } = cli('verify', '--json', '--now', NOW, verified, tampered, F('ob2/spec/badgeclass.json'));
    expect(code).toBe(1);
    const [, bad, rejected] = JSON.parse(out).results;
    expect(bad.verdict).toBe('failed');
    expect(bad.checks).toContainEqual(expect.objectContaining({ id: 'proof', outcome: 'failed', code: 'SIGNATURE_MISMATCH' }));
    expect(rejected).toMatchObject({ verdict: 'rejected', error: { code: 'JSON_MALFORMED' } });
    expect(typeof rejected.error.message).toBe('string');
  });

  it('exit 2 when something could not be checked (and nothing failed)', () => {
    const { code, out } = cli('verify', '--json', '--now', NOW, '--trust', registry, verified, fragment);
    expect(code).toBe(2);
    expect(JSON.parse(out).results[0].verdict).toBe('verified');
    expect(JSON.parse(out).results[1].verdict).toBe('incomplete');
  });

  it('--now decides expiry; --recipient checks the recipient', () => {
    const expired = cli('verify', '--json', '--now', '2040-01-01T00:00:00Z', F('ob3/dcc-verifier-core/v2Expired.json'));
    expect(JSON.parse(expired.out).results[0].checks).toContainEqual(expect.objectContaining({ id: 'validity-period', code: 'EXPIRED' }));
    const ob2 = cli('verify', '--json', '--recipient', 'nobody@example.org', F('ob2/1edtech-validator/simple.jwt'));
    expect(JSON.parse(ob2.out).results[0].checks).toContainEqual(expect.objectContaining({ id: 'recipient', outcome: 'passed' }));
  });

  it('gives the same checks as the core does in-process (CLI/browser parity)', async () => {
    const { out } = cli('verify', '--json', '--now', NOW, '--trust', registry, verified, tampered, fragment);
    const plain = createEnv({ now: new Date(NOW) });
    const list = await readTrustList(new Uint8Array(readFileSync(registry)), registry, plain);
    if (!list.ok) throw new Error(list.code);
    const env = createEnv({ now: new Date(NOW), trust: { lists: [list.list] } });
    const rows = JSON.parse(out).results;
    for (const [i, file] of [verified, tampered, fragment].entries()) {
      const core = (await verifyBytes(new Uint8Array(readFileSync(file)), env)).credentials[0]!.verification;
      expect(rows[i].verdict).toBe(core.verdict);
      expect(rows[i].checks.map((c: { id: string; outcome: string; code: string }) => [c.id, c.outcome, c.code])).toEqual(core.checks.map((c) => [c.id, c.outcome, c.code]));
    }
  });

  it('human output: a line per file with the verdict, then each check', () => {
    const { out } = cli('verify', '--now', NOW, tampered);
    // Issue 12: each file leads with its headline's words, then the verdict line (indented) and each check.
    expect(out).toMatch(/^✘ FORGERY DETECTED — The signature does not match/m);
    expect(out).toMatch(/^ +Failed — .*simple-err-proof-value\.json/m);
    expect(out).toMatch(/✘ Signature +The signature does not match/);
  });

  it('usage errors exit 2 with the usage text', () => {
    const r = cli('verify');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/usage:/);
    expect(cli('frobnicate', verified).code).toBe(2);
  });
});

describe('tsumiki inspect', () => {
  it('--json carries the credential, baked details and the descriptors contract', () => {
    const { code, out } = cli('inspect', '--json', F('ob3/1edtech-validator/simple-json.png'), F('descriptors/ob2-guideline-ja.json'));
    expect(code).toBe(0);
    const [png, ja] = JSON.parse(out).results;
    expect(png).toMatchObject({ format: 'ob3-di', container: 'png', baked: { image: 'png', carrier: 'iTXt', keyword: 'openbadgecredential', compressed: false } });
    expect(Object.keys(ja.descriptors)).toEqual([...DESCRIPTOR_IDS]);
    expect(ja.descriptors.learningOutcomes).toEqual({ value: expect.any(String), source: expect.stringContaining('criteria') });
    expect(ja.effortHours).toEqual({ min: 90, max: 90 });
    expect(ja.framework).toMatchObject({ mandatoryPresent: 11, missing: [], isMicroCredential: true });
  });
});
