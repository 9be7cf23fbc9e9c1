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
 * floor.eddsa.*                  JSON-LD → RDF + RDFC-1.0 + one WebCrypto Ed25519 verify, timed alone
 * bundle.*, load.*               first-paint JavaScript, precache, first render cold/warm/offline (tests/bench/load.ts)
 * wallet.*                       1,000 badges in Chromium: import, render, reload, search (tests/bench/wallet.ts)
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import jsonld from 'jsonld';
import rdfCanonize from 'rdf-canonize';
import { verifyBytes } from '../../src/lib/verify/pipeline.ts';
import { contextLoader } from '../../src/lib/verify/loader.ts';
import { setJsonldSpeedup } from '../../src/lib/verify/jsonld-speedup.ts';
import { BENCH_INPUTS } from './inputs.ts';
import { median, p95, sample } from './stats.ts';
import { qrFigures } from './qr.ts';
import { pathwayFigures } from './pathway.ts';
import { loadFigures } from './load.ts';
import { walletBench } from './wallet.ts';

const json = process.argv.includes('--json');
const figures: Record<string, number> = {};
const log = (line: string) => {
  if (!json) process.stdout.write(line + '\n');
};

const WARM_RUNS = 300;
const COLD_RUNS = 5;

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
  figures['verify.module_load_ms'] = median(loads);
  figures['verify.prepare_ms'] = median(prepares);
}

async function floor(): Promise<void> {
  const vc = JSON.parse(new TextDecoder().decode(BENCH_INPUTS['eddsa-rdfc-2022']!.bytes));
  delete vc.proof;
  const keys = (await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify'])) as CryptoKeyPair;
  const message = new Uint8Array(64);
  const signature = await crypto.subtle.sign('Ed25519', keys.privateKey, message);
  const once = async () => {
    const dataset = await jsonld.toRDF(vc, { documentLoader: contextLoader, safe: true });
    await rdfCanonize.canonize(dataset, { algorithm: 'RDFC-1.0' });
    if (!(await crypto.subtle.verify('Ed25519', keys.publicKey, signature, message))) throw new Error('floor: verify');
  };
  figures['floor.eddsa.median_ms'] = median(await sample(WARM_RUNS, 30, once));
  setJsonldSpeedup(false);
  figures['floor.eddsa.stock_jsonld.median_ms'] = median(await sample(WARM_RUNS, 30, once));
  setJsonldSpeedup(true);
}

async function anchor(): Promise<void> {
  // verifier-core tries the network on every call (schema, registries). Like a browser with no
  // connection, fetch rejects at once here, so the anchor is timed on its verification work.
  const realFetch = globalThis.fetch;
  globalThis.fetch = (() => Promise.reject(new TypeError('offline'))) as typeof fetch;
  const quiet = { log: console.log, error: console.error };
  console.log = console.error = () => {}; // it prints a stack trace for every failed schema fetch
  try {
    const { verifyCredential } = await import('@digitalcredentials/verifier-core');
    const credential = JSON.parse(new TextDecoder().decode(BENCH_INPUTS['eddsa-rdfc-2022']!.bytes));
    const check = (await verifyCredential({ credential, knownDIDRegistries: [] })) as { errors?: unknown[] };
    if (check.errors?.length) throw new Error('verifier-core rejected the anchor credential');
    const times = await sample(WARM_RUNS, 30, () => verifyCredential({ credential: structuredClone(credential), knownDIDRegistries: [] }));
    figures['anchor.verifier-core.warm.median_ms'] = median(times);
    figures['anchor.verifier-core.warm.p95_ms'] = p95(times);
  } finally {
    globalThis.fetch = realFetch;
    console.log = quiet.log;
    console.error = quiet.error;
  }
}

cold();
await warm();
await floor();
await anchor();
Object.assign(figures, await qrFigures());
Object.assign(figures, await pathwayFigures());
Object.assign(figures, await loadFigures());
Object.assign(figures, await walletBench());

const eddsa = figures['verify.eddsa-rdfc-2022.warm.median_ms'] as number;
figures['ratio.eddsa.vs_verifier_core'] = (figures['anchor.verifier-core.warm.median_ms'] as number) / eddsa;
figures['ratio.eddsa.vs_floor'] = eddsa / (figures['floor.eddsa.median_ms'] as number);

if (json) process.stdout.write(JSON.stringify(figures, null, 2) + '\n');
else {
  log('figure'.padEnd(48) + 'value');
  for (const [k, v] of Object.entries(figures)) log(k.padEnd(48) + v.toFixed(3));
  log('\ntargets: warm eddsa-rdfc-2022 ≥ 2x faster than verifier-core and ≤ 1.5x the floor; cold < 10 ms');
}
