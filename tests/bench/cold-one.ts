// One cold verification in a fresh process: prints {"module_load_ms", "prepare_ms", "cold_ms"}.
// argv: FORMAT [prepared] — with "prepared", prepareVerifier() (what the app runs when idle) runs first.
const t0 = performance.now();
const { verifyBytes } = await import('../../src/lib/verify/pipeline.ts');
const { prepareVerifier } = await import('../../src/lib/verify/prepare.ts');
const { BENCH_INPUTS } = await import('./inputs.ts');
const t1 = performance.now();
const input = BENCH_INPUTS[process.argv[2] ?? ''];
if (!input) throw new Error(`unknown format ${process.argv[2]}`);
if (process.argv[3] === 'prepared') await prepareVerifier();
const t2 = performance.now();
const env = input.env();
const t3 = performance.now();
const result = await verifyBytes(input.bytes, env);
const t4 = performance.now();
const verdict = result.credentials[0]?.verification.verdict;
if (verdict !== input.expect) throw new Error(`${input.name}: expected ${input.expect}, got ${verdict}`);
process.stdout.write(JSON.stringify({ module_load_ms: t1 - t0, prepare_ms: t2 - t1, cold_ms: t4 - t3 }) + '\n');
export {};
