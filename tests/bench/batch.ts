/**
 * Batch verification (issue 15): 1,000 signed credentials of mixed formats verified in one process,
 * first one after another in this thread, then by the CLI's worker pool (`tsumiki verify --jobs N`),
 * both after a warm-up and both doing the same per-file work as the CLI (`verifyTask`: verify, then
 * the JSON rows; bytes given in memory, so no file reads are timed).
 *
 * verify.batch1000.jobs1_ms   the 1,000 in this thread
 * verify.batch1000.jobsN_ms   the same 1,000 through N worker threads (started and warmed before timing)
 * verify.batch1000.jobs       N (the number of cores, as the CLI's default)
 *
 * The mix: 400 eddsa-rdfc-2022, 150 ecdsa-rdfc-2019 (P-256), 150 Ed25519Signature2020, 150 VC-JWT
 * (EdDSA) and 150 baked PNG (eddsa-rdfc-2022), each a distinct credential (its own id, name and dates)
 * from one of three did:key issuers the user trusts (pins). Every one must come out verified, in both runs.
 */
import { availableParallelism } from 'node:os';
import { deflateSync } from 'node:zlib';
import { importJWK } from 'jose';
import { bakePng } from '../../src/lib/formats/baked/png.ts';
import { createEnv } from '../../src/lib/verify/env.ts';
import { verifyTask, type VerifyTask } from '../../src/cli/verify-files.ts';
import { VerifyPool } from '../../src/cli/verify-pool.ts';
import { generateDidKey, hashedEmail, ob3Credential, RECIPIENT_EMAIL, SALT, signDi, signJws, trusting, vcJwtPayload, type DidKey } from '../support/issuer.ts';

const NOW = '2026-06-01T00:00:00Z';

/** A 1×1 PNG to bake into. */
function tinyPng(): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  return new Uint8Array(Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.from([0, 0]))), chunk('IEND', new Uint8Array())]));
}

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

export interface Batch {
  readonly tasks: VerifyTask[];
  readonly trusted: string[];
}

/** The 1,000 credentials (signing takes a while: it is not timed). */
export async function batchOf(count = 1000): Promise<Batch> {
  const [ed, p256, ed2] = [await generateDidKey('Ed25519'), await generateDidKey('P-256'), await generateDidKey('Ed25519')] as [DidKey, DidKey, DidKey];
  const identityHash = await hashedEmail(RECIPIENT_EMAIL, SALT);
  const png = tinyPng();
  const edJwk = await importJWK(ed2.privateJwk, 'EdDSA');
  const tasks: VerifyTask[] = [];
  for (let i = 0; i < count; i++) {
    const day = new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString().replace('.000', '');
    const kind = i % 20 < 8 ? 'eddsa' : i % 20 < 11 ? 'ecdsa' : i % 20 < 14 ? 'ed2020' : i % 20 < 17 ? 'jwt' : 'png';
    const issuer = kind === 'ecdsa' ? p256 : kind === 'jwt' ? ed2 : ed;
    const credential = { ...ob3Credential({ id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, issuerId: issuer.did, validFrom: day, identityHash }), name: `Batch credential ${i}` };
    let bytes: Uint8Array;
    if (kind === 'jwt') {
      bytes = new TextEncoder().encode(await signJws(vcJwtPayload(credential), { alg: 'EdDSA', typ: 'JWT', kid: ed2.vm }, edJwk as CryptoKey)); // why: a private OKP JWK imports as a CryptoKey
    } else {
      const signed = await signDi(credential, kind === 'ecdsa' ? 'ecdsa-rdfc-2019' : kind === 'ed2020' ? 'Ed25519Signature2020' : 'eddsa-rdfc-2022', issuer.pair);
      const text = JSON.stringify(signed);
      bytes = kind === 'png' ? bakePng(png, text) : new TextEncoder().encode(text);
    }
    tasks.push({ file: `batch-${String(i).padStart(4, '0')}.${kind === 'png' ? 'png' : kind === 'jwt' ? 'jwt' : 'json'}`, bytes });
  }
  return { tasks, trusted: [ed.did, p256.did, ed2.did] };
}

const verdictsOf = (reports: { rows: { verdict: string }[] }[]) => reports.map((r) => r.rows.map((row) => row.verdict).join(','));

export async function batchFigures(jobs = availableParallelism()): Promise<Record<string, number>> {
  const { tasks, trusted } = await batchOf();
  const trust = trusting(trusted);
  const env = createEnv({ now: new Date(NOW), trust });
  const asked = {};
  const one = async () => {
    const out = [];
    for (const t of tasks) out.push(await verifyTask(t, env, asked, false));
    return out;
  };
  // Warm-up: a pass over a tenth of the batch in this thread, and in each worker.
  for (const t of tasks.slice(0, 100)) await verifyTask(t, env, asked, false);
  let t0 = performance.now();
  const sequential = await one();
  const jobs1 = performance.now() - t0;
  const bad = verdictsOf(sequential).filter((v) => v !== 'verified');
  if (bad.length > 0) throw new Error(`batch bench: ${bad.length} credentials not verified (${bad[0]})`);

  const pool = await VerifyPool.start(jobs, { now: NOW, online: false, trust, asked, human: false });
  try {
    await pool.run(tasks.slice(0, 100 * jobs));
    t0 = performance.now();
    const pooled = await pool.run(tasks);
    const jobsN = performance.now() - t0;
    if (JSON.stringify(verdictsOf(pooled)) !== JSON.stringify(verdictsOf(sequential))) throw new Error('batch bench: the worker pool gave other verdicts');
    if (JSON.stringify(pooled) !== JSON.stringify(sequential)) throw new Error('batch bench: the worker pool gave other rows');
    return { 'verify.batch1000.jobs1_ms': jobs1, 'verify.batch1000.jobsN_ms': jobsN, 'verify.batch1000.jobs': pool.size };
  } finally {
    await pool.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1]).href) {
  process.stdout.write(JSON.stringify(await batchFigures(), null, 2) + '\n');
}
