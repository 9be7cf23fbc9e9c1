// `tsumiki pathway`: the JSON contract, exit codes, words, CLRs as badges, and parity with the core.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { badgeFacts, parsePathway, progress, type StackBadge } from '../../../src/lib/stack/index.ts';
import { createEnv } from '../../../src/lib/verify/env.ts';
import { readTrustList } from '../../../src/lib/trust/lists.ts';
import { verifyBytes } from '../../../src/lib/verify/pipeline.ts';
import { dccRegistryJson, demoIssuerDids } from '../../support/issuer.ts';

const NOW = '2026-01-15T00:00:00Z';
const CERT = 'public/demo/pathways/data-science-certificate.json';
const MASTERS = 'public/demo/pathways/masters-prior-learning.json';
const BADGES = readdirSync('public/demo')
  .filter((f) => /^\d\d-/.test(f))
  .map((f) => `public/demo/${f}`);
const tmp = mkdtempSync(join(tmpdir(), 'tsumiki-pathway-'));
// A pathway counts only verified badges, and `verified` needs a proven issuer (issue 12): the demo badges'
// did:key issuers are listed in a registry the user gives with --trust.
const TRUST = join(tmp, 'registry.json');
writeFileSync(TRUST, dccRegistryJson(await demoIssuerDids()));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/tsumiki.ts', 'pathway', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function writePathway(name: string, requirement: unknown): string {
  const file = join(tmp, name);
  writeFileSync(file, JSON.stringify({ pathwayVersion: 1, id: `urn:test:${name}`, title: { en: 'Test', ja: 'テスト' }, awardedBy: { name: { en: 'Uni', ja: '大学' } }, requirement }));
  return file;
}

describe('tsumiki pathway', () => {
  it('--json: {complete, percent, counted: [{file, requirement}], missing: [{requirement, need}]}; exit 1 when not complete', () => {
    const { code, out } = cli(CERT, ...BADGES, '--json', '--now', NOW, '--trust', TRUST);
    expect(code).toBe(1);
    const json = JSON.parse(out);
    expect(json).toMatchObject({ complete: false, percent: 75, ifVerified: null, exact: true });
    expect(json.counted.map((c: { file: string; requirement: string }) => [c.file, c.requirement])).toEqual([
      ['public/demo/01-data-literacy.png', 'data-literacy'],
      ['public/demo/02-python-basics.json', 'python'],
      ['public/demo/06-ai-ethics.jwt', 'ai-ethics'],
    ]);
    expect(json.missing).toEqual([{ requirement: 'statistics', need: { kind: 'achievement' }, title: { en: 'Statistics for Data Science', ja: 'データサイエンスのための統計学' } }]);
    expect(json.requirements).toMatchObject({ id: 'certificate', kind: 'allOf', percent: 75 });
    expect(json.badges).toHaveLength(BADGES.length);
  });

  it('the master’s programme: prior credits in 単位 converted to ECTS through hours, capped at 10; the expired badge does not count', () => {
    const json = JSON.parse(cli(MASTERS, ...BADGES, '--json', '--now', NOW, '--trust', TRUST).out);
    expect(json.percent).toBe(80);
    const prior = json.counted.filter((c: { requirement: string }) => c.requirement === 'prior-learning');
    expect(prior.map((c: { amount: { value: number; via: { rule: string } } }) => [c.amount.value, c.amount.via.rule])).toEqual([
      [1.5, 'JP_TANI_45'],
      [3, 'JP_TANI_45'],
      [1.5, 'JP_TANI_45'],
    ]);
    expect(json.missing).toEqual([{ requirement: 'prior-learning', need: { kind: 'credits', amount: 4, unit: 'ECTS' }, title: expect.any(Object) }]);
    const expired = json.badges.find((b: { file: string }) => b.file.endsWith('05-patient-safety.json'));
    expect(expired.status).toBe('not-counted');
    expect(expired.requirements[0].reasons[0].code).toBe('EXPIRED');
  });

  it('exit 0 when complete; words in Japanese with --lang ja', () => {
    const file = writePathway('three.json', { kind: 'allOf', of: [{ kind: 'achievement', id: 'dl', match: { achievementId: 'https://university.example.jp/achievements/data-literacy' } }] });
    const r = cli(file, 'public/demo/01-data-literacy.png', '--now', NOW, '--lang', 'ja', '--trust', TRUST);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/100 % — 達成/);
    const no = cli(file, 'public/demo/02-python-basics.json', '--now', NOW, '--lang', 'ja', '--trust', TRUST);
    expect([no.code, /0 % — 未達成/.test(no.out)]).toEqual([1, true]);
  });

  it('an invalid pathway: exit 2 with every coded error', () => {
    const file = writePathway('bad.json', { kind: 'atLeast', n: 3, of: [{ kind: 'credits', min: 1, unit: 'points' }] });
    const r = cli(file, '--json');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).error).toMatchObject({ code: 'PATHWAY_INVALID', errors: [{ code: 'UNKNOWN_UNIT', path: '/requirement/of/0/unit' }, { code: 'N_TOO_LARGE', path: '/requirement/n' }] });
    const human = cli(file);
    expect(human.err).toMatch(/UNKNOWN_UNIT: Unknown unit “points”/);
    expect(cli().code).toBe(2);
    expect(cli(CERT, '--now', 'soon').code).toBe(2);
  });

  it('an unreadable badge file is reported, not fatal', () => {
    const json = JSON.parse(cli(CERT, 'public/demo/01-data-literacy.png', 'no-such-file.json', '--json', '--now', NOW, '--trust', TRUST).out);
    expect(json.unreadable).toEqual([{ file: 'no-such-file.json', error: { code: 'FILE_UNREADABLE', message: expect.any(String) } }]);
    expect(json.percent).toBe(25);
  });

  it('a CLR as a badge file: each credential inside is verified and counted on its own', () => {
    const file = writePathway('clr.json', { kind: 'achievement', id: 'a1', match: { achievementId: 'urn:uuid:a7467ef6-56cb-11ec-bf63-0242ac130002' } });
    const spec = 'tests/fixtures/clr2/spec/ldp-test-vector-clr-signed.json';
    const strict = JSON.parse(cli(file, spec, '--json', '--now', NOW).out);
    expect([strict.percent, strict.ifVerified?.complete]).toEqual([0, true]);
    expect(strict.badges[0]).toMatchObject({ file: spec, path: 'credentialSubject.verifiableCredential[0]', status: 'would-count-if-verified', verdict: 'incomplete' });
    const counted = JSON.parse(cli(file, spec, '--json', '--now', NOW, '--count-unverified').out);
    expect(counted.counted).toEqual([{ file: spec, requirement: 'a1', badge: `${spec}#credentialSubject.verifiableCredential[0]`, path: 'credentialSubject.verifiableCredential[0]' }]);
    // The 1EdTech CLR's credentials are signed by a key that is not their issuer's: never counted.
    const nurse = writePathway('nurse.json', { kind: 'achievement', id: 'hc', match: { achievementId: 'urn:uuid:bb9a27e6-3a2d-413b-b0c7-97ef9dfdde22' } });
    const complex = JSON.parse(cli(nurse, 'tests/fixtures/clr2/1edtech-validator/complex.json', '--json', '--now', NOW, '--count-unverified').out);
    expect(complex.percent).toBe(0);
    expect(complex.badges[1].requirements[0].reasons).toEqual([{ code: 'INVALID', data: { verdict: 'failed', failures: 'KEY_NOT_ISSUERS' } }]);
  });

  it('prints what the core computes for the same bytes (CLI/browser parity)', async () => {
    const json = JSON.parse(cli(MASTERS, ...BADGES, '--json', '--now', NOW, '--trust', TRUST).out);
    const list = await readTrustList(new Uint8Array(readFileSync(TRUST)), TRUST, createEnv({ now: new Date(NOW) }));
    if (!list.ok) throw new Error(list.code);
    const env = createEnv({ now: new Date(NOW), trust: { lists: [list.list] } });
    const facts: StackBadge[] = [];
    for (const file of BADGES) {
      const r = await verifyBytes(new Uint8Array(readFileSync(file)), env);
      for (const c of r.credentials) facts.push(...badgeFacts(c.parsed.credential, c.verification, { file }));
    }
    const parsed = parsePathway(readFileSync(MASTERS, 'utf8'));
    if (!parsed.ok) throw new Error('demo pathway invalid');
    const p = progress(parsed.pathway, facts, { now: NOW });
    expect(json.percent).toBe(p.percent);
    expect(json.badges).toEqual(JSON.parse(JSON.stringify(p.badges)));
    expect(json.requirements).toEqual(JSON.parse(JSON.stringify(p.root)));
  });
});
