/**
 * `npm run bench` — prints a table; `npm run -s bench -- --json` prints one JSON object of named
 * figures. Every figure is measured in this run, on this machine.
 *
 * verify.<format>.cold_ms        first verification in a fresh process, after module load
 * verify.<format>.warm.*         median and p95 over repeated verifications (after warm-up)
 * verify.<format>.cold_prepared_ms  the same after prepareVerifier() (what the app runs when idle after first paint)
 * verify.module_load_ms          importing the verification pipeline in a fresh process (through tsx)
 * verify.prepare_ms             prepareVerifier() itself
 * anchor.verifier-core.*         the same eddsa-rdfc-2022 credential through @digitalcredentials/verifier-core
 * floor.eddsa.*                  JSON-LD → RDF + RDFC-1.0 + one Ed25519 verify (node:crypto, as the verifier in Node), timed alone;
 *                                floor.eddsa.cold_ms: the same, first thing in a fresh process (what verify.*.cold_ms reads against)
 * bundle.*, load.*               first-paint JavaScript, precache, first render cold/warm/offline (tests/bench/load.ts)
 * wallet.*                       1,000 badges in Chromium: import, render, reload, search (tests/bench/wallet.ts)
 * verify.batch1000.*             1,000 mixed signed credentials, one thread vs the CLI's worker pool (tests/bench/batch.ts)
 * pdf.*                          PDF certificates: make, size, read back, verify through the PDF (tests/bench/pdf.ts)
 * ratio.eddsa.vs_floor           warm eddsa-rdfc-2022 verification / the floor, both timed alternately in one loop
 *                                (floor.eddsa.paired.*), so a shared machine's load falls on both alike
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, sign as cryptoSign, verify as cryptoVerify } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import jsonld from 'jsonld';
import rdfCanonize from 'rdf-canonize';
import { verifyBytes } from '../../src/lib/verify/pipeline.ts';
import { contextLoader } from '../../src/lib/verify/loader.ts';
import { setJsonldSpeedup } from '../../src/lib/verify/jsonld-speedup.ts';
import { BENCH_INPUTS } from './inputs.ts';
import { median, p95, sample } from './stats.ts';
import { qrFigures } from './qr.ts';
import { pdfFigures } from './pdf.ts';
import { pathwayFigures } from './pathway.ts';
import { loadFigures } from './load.ts';
import { walletBench } from './wallet.ts';
import { batchFigures } from './batch.ts';

const json = process.argv.includes('--json');
const figures: Record<string, number> = {};
const log = (line: string) => {
  if (!json) process.stdout.write(line + '\n');
};

const WARM_RUNS = 300;
const COLD_RUNS = 5;
const PAIRED_RUNS = 600;

async function warm(): Promise<void> {
  for (const input of Object.values(BENCH_INPUTS)) {
    const env = input.env();
    const times = await sample(WARM_RUNS, 30, async () => {
      const r = await verifyBytes(input.bytes, env);
      if (r.credentials[0]?.verification.verdict !== input.expect) throw new Error(`${input.name}: unexpected verdict`);
    });
    figures[`verify.${input.name}.warm.median_ms`] = median(times);
    figures[`verify.${input.name}.warm.p95_ms`] = p95(times);
  }
}

function cold(): void {
  const script = fileURLToPath(new URL('./cold-one.ts', import.meta.url));
  const loads: number[] = [];
  const prepares: number[] = [];
  const run = (name: string, mode: string) => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', script, name, mode], { encoding: 'utf8' });
    return JSON.parse(out.trim().split('\n').pop() as string) as { module_load_ms: number; prepare_ms: number; cold_ms: number };
  };
  for (const name of Object.keys(BENCH_INPUTS)) {
    const colds: number[] = [];
    const prepared: number[] = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      const r = run(name, 'cold');
      colds.push(r.cold_ms);
      loads.push(r.module_load_ms);
      const p = run(name, 'prepared');
      prepared.push(p.cold_ms);
      prepares.push(p.prepare_ms);
    }
    figures[`verify.${name}.cold_ms`] = median(colds);
    figures[`verify.${name}.cold_prepared_ms`] = median(prepared);
  }
  const floorScript = fileURLToPath(new URL('./cold-floor.ts', import.meta.url));
  const floors: number[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', floorScript], { encoding: 'utf8' });
    floors.push((JSON.parse(out.trim().split('\n').pop() as string) as { cold_ms: number }).cold_ms);
  }
  figures['floor.eddsa.cold_ms'] = median(floors);
  figures['verify.module_load_ms'] = median(loads);
  figures['verify.prepare_ms'] = median(prepares);
}

async function floor(): Promise<void> {
  const input = BENCH_INPUTS['eddsa-rdfc-2022']!;
  const vc = JSON.parse(new TextDecoder().decode(input.bytes));
  delete vc.proof;
  // One Ed25519 check with the primitive the verifier itself uses in Node: node:crypto's one-shot
  // verify (webcrypto-ed25519.ts), so the floor is as fast as the verifier's own last step.
  const keys = generateKeyPairSync('ed25519');
  const message = new Uint8Array(64);
  const signature = cryptoSign(null, message, keys.privateKey);
  const once = async () => {
    const dataset = await jsonld.toRDF(vc, { documentLoader: contextLoader, safe: true });
    await rdfCanonize.canonize(dataset, { algorithm: 'RDFC-1.0' });
    if (!cryptoVerify(null, message, keys.publicKey, signature)) throw new Error('floor: verify');
  };
  figures['floor.eddsa.median_ms'] = median(await sample(WARM_RUNS, 30, once));
  setJsonldSpeedup(false);
  figures['floor.eddsa.stock_jsonld.median_ms'] = median(await sample(WARM_RUNS, 30, once));
  setJsonldSpeedup(true);
  // The ratio: the full verification and the floor alternately, one of each per round, so that
  // the load of a shared machine falls on both alike (timed in separate loops, a burst of load on
  // one of them moves the ratio by ±30 %).
  const env = input.env();
  const full = async () => {
    const r = await verifyBytes(input.bytes, env);
    if (r.credentials[0]?.verification.verdict !== input.expect) throw new Error('floor: unexpected verdict');
  };
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let i = 0; i < 30; i++) {
    await full();
    await once();
  }
  for (let i = 0; i < PAIRED_RUNS; i++) {
    let t = performance.now();
    await full();
    ours.push(performance.now() - t);
    t = performance.now();
    await once();
    theirs.push(performance.now() - t);
  }
  figures['floor.eddsa.paired.verify_median_ms'] = median(ours);
  figures['floor.eddsa.paired.floor_median_ms'] = median(theirs);
  figures['ratio.eddsa.vs_floor'] = median(ours) / median(theirs);
}

async function anchor(): Promise<void> {
  // verifier-core tries the network on every call: its schema check fetches the OB 3.0 JSON Schema
  // (the DID registries are given as none). Like a browser with no connection, fetch rejects at once
  // here. It cannot be switched off from outside, so that step is timed apart, on its own
  // (checkSchemas, the function verifier-core calls), and taken out of the figure the ratio uses.
  const realFetch = globalThis.fetch;
  globalThis.fetch = (() => Promise.reject(new TypeError('offline'))) as typeof fetch;
  const quiet = { log: console.log, error: console.error };
  console.log = console.error = () => {}; // it prints a stack trace for every failed schema fetch
  try {
    const { verifyCredential } = await import('@digitalcredentials/verifier-core');
    // Not in the package's exports: the same module file verifier-core's index imports.
    const { checkSchemas } = (await import(new URL('./schemaCheck.js', import.meta.resolve('@digitalcredentials/verifier-core')).href)) as { checkSchemas: (vc: object) => Promise<{ results: unknown }> };
    const credential = JSON.parse(new TextDecoder().decode(BENCH_INPUTS['eddsa-rdfc-2022']!.bytes));
    const check = (await verifyCredential({ credential, knownDIDRegistries: [] })) as { errors?: unknown[] };
    if (check.errors?.length) throw new Error('verifier-core rejected the anchor credential');
    const times = await sample(WARM_RUNS, 30, () => verifyCredential({ credential: structuredClone(credential), knownDIDRegistries: [] }));
    const schema = await sample(WARM_RUNS, 30, () => checkSchemas(structuredClone(credential)));
    figures['anchor.verifier-core.warm.median_ms'] = median(times);
    figures['anchor.verifier-core.warm.p95_ms'] = p95(times);
    figures['anchor.verifier-core.schema_request.median_ms'] = median(schema);
    figures['anchor.verifier-core.without_schema_request.median_ms'] = median(times) - median(schema);
  } finally {
    globalThis.fetch = realFetch;
    console.log = quiet.log;
    console.error = quiet.error;
  }
}

/** What each side keeps from one verification to the next in the warm loops (printed with the table). */
const CACHE_NOTES = [
  'Kept across iterations, Tsumiki: jsonld.js processed contexts (bundled, static); the proof options\' RDF per kind of proof',
  '  (contexts, type, suite, purpose, key; the dates are put back per credential); did:key/did:jwk resolutions (512);',
  '  WebCrypto Ed25519 keys by multibase (256) and JOSE keys by JWK/PEM (256); parsed VC dates (512). Nothing per credential.',
  'Kept across iterations, verifier-core: jsonld.js processed contexts (its security-document-loader, static); did:key',
  '  documents are computed again and the Ed25519 key imported again on every call. Its one refused network request per',
  '  call (the OB 3.0 schema) is timed apart (anchor.verifier-core.schema_request) and not in the ratio.',
];

/** The target beside each figure that has one (issue 15 and earlier). */
const TARGETS: Record<string, string> = {
  'verify.eddsa-rdfc-2022.cold_ms': '≤ 10',
  'ratio.eddsa.vs_floor': '≤ 1.5',
  'ratio.eddsa.vs_verifier_core': '≥ 2',
  'verify.batch1000.jobsN_ms': '≤ 0.6 × jobs1',
  'pathway.progress.20x1000_ms': '< 100',
  'wallet.import1000_ms': '< 5000',
  'wallet.import1000.expected_verdicts': '= 1000',
  'qr.demo.max_frames': '≤ 3',
  'qr.all.ratio.median': '≤ 0.6',
  'share.scan_to_verdict_ms': '< 2000',
};

cold();
await warm();
await floor();
await anchor();
Object.assign(figures, await qrFigures());
Object.assign(figures, await pdfFigures());
Object.assign(figures, await pathwayFigures());
Object.assign(figures, await batchFigures());
Object.assign(figures, await loadFigures());
Object.assign(figures, await walletBench());

const eddsa = figures['verify.eddsa-rdfc-2022.warm.median_ms'] as number;
figures['ratio.eddsa.vs_verifier_core'] = (figures['anchor.verifier-core.without_schema_request.median_ms'] as number) / eddsa;
figures['ratio.eddsa.vs_verifier_core.with_schema_request'] = (figures['anchor.verifier-core.warm.median_ms'] as number) / eddsa;
figures['ratio.verify.batch1000.jobsN_vs_jobs1'] = (figures['verify.batch1000.jobsN_ms'] as number) / (figures['verify.batch1000.jobs1_ms'] as number);

if (json) process.stdout.write(JSON.stringify(figures, null, 2) + '\n');
else {
  log('figure'.padEnd(56) + 'value'.padStart(12) + '   target');
  for (const [k, v] of Object.entries(figures)) log(k.padEnd(56) + v.toFixed(3).padStart(12) + (TARGETS[k] ? `   ${TARGETS[k]}` : ''));
  log('');
  for (const line of CACHE_NOTES) log(line);
  log('verify.eddsa-rdfc-2022.cold_ms reads against floor.eddsa.cold_ms: stock jsonld.js + RDFC-1.0 + one Ed25519 check,');
  log('  first thing in a fresh process (the code runs in V8\'s interpreter the first time, whatever the contexts cost).');
  log('pathway.progress.20x1000_ms ("fresh"): a new array of new badge objects each round (shallow copies: no per-badge');
  log('  normalisation is reused); it reuses the 20 parsed pathways with their compiled plans (cached per pathway object)');
  log('  and the badges\' field values (strings, credit, effort and trust objects). The .warm figure also reuses the badges.');
  log('wallet.import1000_ms: from the file input\'s change event until the last row is listed; it counts only when all 1,000');
  log('  badges are listed and stored with the verdict the core gives in Node (every 50th is changed after signing: FORGED).');
  log('  Playwright\'s own transfer of the files into the page is wallet.import1000.file_transfer_ms, not part of it.');
  log('share.scan_to_verdict_ms: the largest demo badge (3 codes) played to a fake camera at 1280×720; median of 3 scans.');
  log(`Machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at the end (shared machines vary ±30 %).`);
}
