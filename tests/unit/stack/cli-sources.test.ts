/**
 * `tsumiki pathway` with other pathway sources (issue 16): a CTDL graph as PATHWAY (detected by its
 * content), `--convert` printing the v1 document, `unsupported` in `--json` and `--convert`, and a
 * CLR 2.0 record as PATHWAY whose own credentials count only when each verifies. Signed here with
 * fresh keys.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/lib/model/credential.ts';
import { parsePathway } from '../../../src/lib/stack/validate.ts';
import { dccRegistryJson, generateDidKey, hashedEmail, NOW, OB_V3, ob3Credential, RECIPIENT_EMAIL, SUBJECT_ID, signDi, VALID_FROM, VC_V2, type DidKey } from '../../support/issuer.ts';

const exec = promisify(execFile);
const CLR_V2 = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';
const SYN = 'tests/fixtures/ctdl/synthetic/data-science-certificate.compact.json';
const dir = mkdtempSync(join(tmpdir(), 'tsumiki-pathway-sources-'));

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const r = await exec(process.execPath, ['--import', 'tsx', 'src/cli/tsumiki.ts', 'pathway', ...args], { encoding: 'utf8' });
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string }; // why: execFile's error carries the exit code and output
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}

let school: DidKey;
let college: DidKey;
let registry: string;
let identityHash: string;
let serial = 0;

const badge = (name: string, achievementId: string): JsonObject => {
  const c = ob3Credential({ id: `urn:uuid:00000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`, issuerId: school.did, identityHash });
  const a = (c.credentialSubject as JsonObject).achievement as JsonObject;
  a.name = name;
  a.id = achievementId;
  return c;
};

const write = (name: string, v: unknown): string => {
  const file = join(dir, name);
  writeFileSync(file, typeof v === 'string' ? v : JSON.stringify(v));
  return file;
};

beforeAll(async () => {
  [school, college] = await Promise.all([generateDidKey('Ed25519'), generateDidKey('Ed25519')]);
  identityHash = await hashedEmail(RECIPIENT_EMAIL, 'kombu');
  registry = write('registry.json', dccRegistryJson([school.did, college.did]));
});

describe('a CTDL pathway graph as PATHWAY', () => {
  it('--convert prints the v1 document with its source and what it could not express', async () => {
    const r = await cli('--convert', SYN);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.pathwayVersion).toBe(1);
    expect(doc.source).toEqual({ format: 'ctdl', id: 'https://registry.example/resources/ce-5e0c7a52-0000-4000-8000-000000000001' });
    expect(doc.unsupported.length).toBeGreaterThan(0);
    expect(doc.unsupported[0]).toEqual({ path: expect.any(String), construct: expect.any(String), reason: expect.any(String) });
    expect(parsePathway(doc).ok).toBe(true);
    // The converted document is itself a PATHWAY (v1), and reads the same.
    const again = await cli('--convert', write('converted.json', r.out));
    expect(JSON.parse(again.out)).toEqual(doc);
  });

  it('progress with --json includes "unsupported" and the source; badges verified as always', async () => {
    const cert = await signDi(badge('Certificate in Data Science', 'https://uni.example/achievements/ds-certificate'), 'eddsa-rdfc-2022', school.pair);
    const python = await signDi(badge('Python Programming', 'https://uni.example/achievements/python'), 'eddsa-rdfc-2022', school.pair);
    const none = await cli(SYN, write('python.json', python), '--json', '--now', NOW.toISOString(), '--trust', registry);
    expect(none.code).toBe(1);
    const j = JSON.parse(none.out);
    expect(j.source).toMatchObject({ format: 'ctdl', file: SYN });
    expect(j.unsupported.map((u: { construct: string }) => u.construct)).toContain('ceterms:precedes');
    expect(j.counted.map((c: { file: string }) => c.file)).toEqual([join(dir, 'python.json')]);
    const done = await cli(SYN, write('cert.json', cert), '--json', '--now', NOW.toISOString(), '--trust', registry);
    expect([done.code, JSON.parse(done.out).complete]).toEqual([0, true]);
    // Without the trust list the issuer is not proven: nothing counts.
    const untrusted = JSON.parse((await cli(SYN, join(dir, 'cert.json'), '--json', '--now', NOW.toISOString())).out);
    expect(untrusted.complete).toBe(false);
    // Human output names the source and lists what could not be expressed.
    const human = await cli(SYN, join(dir, 'cert.json'), '--now', NOW.toISOString(), '--trust', registry);
    expect(human.out).toMatch(/^source: Credential Engine \(CTDL\) pathway https:\/\/registry\.example\//);
    expect(human.out).toMatch(/not expressible \(\d+, not part of the progress\):/);
    expect((await cli(SYN, '--lang', 'ja', '--now', NOW.toISOString())).out).toMatch(/出典: Credential Engine（CTDL）のパスウェイ/);
  }, 60_000);

  it('a CTDL document that is no readable pathway: exit 2 with a coded error', async () => {
    const bad = write('no-destination.json', { '@context': 'https://credreg.net/ctdl/schema/context/json', '@graph': [{ '@id': 'urn:p', '@type': 'ceterms:Pathway', 'ceterms:name': 'P' }] });
    const r = await cli(bad, '--json');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).error).toMatchObject({ code: 'CTDL_INVALID', reason: 'NO_DESTINATION', file: bad });
    const c = await cli('--convert', bad);
    expect([c.code, JSON.parse(c.out).error.code]).toEqual([2, 'CTDL_INVALID']);
    expect((await cli('--convert', SYN, 'extra.json')).code).toBe(2);
  });

  it('--help names the three kinds of PATHWAY', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/--convert/);
    expect(r.out).toMatch(/CTDL/);
    expect(r.out).toMatch(/CLR 2\.0/);
    expect(r.out).toMatch(/--which/);
  });
});

describe('a CLR 2.0 record as PATHWAY', () => {
  const KNOTS = 'https://issuer.tsumiki.test/achievements/knots';
  const SPLICES = 'https://issuer.tsumiki.test/achievements/splices';
  const WHOLE = 'https://college.tsumiki.test/achievements/ropework';
  let clrFile: string;
  let plainClr: string;

  beforeAll(async () => {
    const good = await signDi(badge('Knots', KNOTS), 'eddsa-rdfc-2022', school.pair);
    const bad = await signDi(badge('Splices', SPLICES), 'eddsa-rdfc-2022', school.pair);
    ((bad.credentialSubject as JsonObject).achievement as JsonObject).name = 'Something grander'; // tampered after signing
    const clr: JsonObject = {
      '@context': [VC_V2, CLR_V2, OB_V3],
      id: 'urn:uuid:00000000-0000-4000-a000-000000000099',
      type: ['VerifiableCredential', 'ClrCredential'],
      issuer: { id: college.did, type: ['Profile'], name: 'Tsumiki Test College' },
      validFrom: VALID_FROM,
      name: 'Transcript',
      credentialSubject: {
        id: SUBJECT_ID,
        type: ['ClrSubject'],
        achievement: [{ id: WHOLE, type: ['Achievement'], name: 'Ropework certificate', description: 'Knots and splices.', criteria: { narrative: 'Both.' } }],
        verifiableCredential: [good, bad],
        association: [
          { type: 'Association', associationType: 'isParentOf', sourceId: WHOLE, targetId: KNOTS },
          { type: 'Association', associationType: 'isParentOf', sourceId: WHOLE, targetId: SPLICES },
        ],
      },
    };
    clrFile = write('clr.json', await signDi(clr, 'eddsa-rdfc-2022', college.pair));
    const noParts = structuredClone(clr);
    delete (noParts.credentialSubject as JsonObject).association;
    plainClr = write('clr-no-parts.json', await signDi(noParts, 'eddsa-rdfc-2022', college.pair));
  });

  it('its associations are the pathway; only the credential inside that verifies counts', async () => {
    const r = await cli(clrFile, '--json', '--now', NOW.toISOString(), '--trust', registry);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.source).toMatchObject({ format: 'clr', file: clrFile, id: 'urn:uuid:00000000-0000-4000-a000-000000000099', verdict: 'verified', choices: [{ id: WHOLE }] });
    expect(j.pathway.title).toEqual({ und: 'Ropework certificate' });
    expect(j.unsupported).toEqual([]);
    expect(j.counted.map((c: { requirement: string }) => c.requirement)).toEqual(['part-1']);
    expect(j.missing.map((m: { requirement: string }) => m.requirement)).toEqual(['part-2']);
    // The tampered one does not count, even with --count-unverified (a failure, not an unknown).
    expect(JSON.parse((await cli(clrFile, '--json', '--count-unverified', '--now', NOW.toISOString(), '--trust', registry)).out).complete).toBe(false);
  }, 60_000);

  it('--convert prints it as a v1 document naming the CLR; --which picks a whole, an unknown one is refused', async () => {
    const c = await cli('--convert', clrFile, '--now', NOW.toISOString());
    expect(c.code).toBe(0);
    const doc = JSON.parse(c.out);
    expect(doc.source).toEqual({ format: 'clr', id: 'urn:uuid:00000000-0000-4000-a000-000000000099' });
    expect(doc.achievementId).toBe(WHOLE);
    expect(parsePathway(doc).ok).toBe(true);
    expect(JSON.parse((await cli('--convert', clrFile, '--which', WHOLE)).out).achievementId).toBe(WHOLE);
    const missing = await cli('--convert', clrFile, '--which', 'https://nowhere.example/a');
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.out).error).toMatchObject({ code: 'CLR_PATHWAY_NOT_FOUND', choices: [{ id: WHOLE }] });
  }, 60_000);

  it('the CLR 2.0 specification’s signed example gives its pathway; a CLR without parts is refused with a code; a bad v1 document stays PATHWAY_INVALID', async () => {
    const spec = 'tests/fixtures/clr2/spec/ldp-test-vector-clr-signed.json';
    const s = JSON.parse((await cli(spec, '--json')).out);
    expect(s.source).toMatchObject({ format: 'clr', id: 'http://example.edu/credentials/3732' });
    expect(s.pathway.title).toEqual({ und: 'Achievement 1' });
    const r = await cli(plainClr, '--json', '--now', NOW.toISOString());
    expect([r.code, JSON.parse(r.out).error.code]).toEqual([2, 'CLR_NO_PATHWAY']);
    const plain = await cli(write('plain.json', readFileSync('public/demo/pathways/data-science-certificate.json', 'utf8').replace('"pathwayVersion": 1', '"pathwayVersion": 2')), '--json');
    expect(JSON.parse(plain.out).error.code).toBe('PATHWAY_INVALID');
  }, 60_000);
});
