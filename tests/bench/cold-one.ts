export {};
// One cold verification in a fresh process: prints {"module_load_ms", "cold_ms"} for the format given.
const t0 = performance.now();
const { verifyBytes } = await import('../../src/lib/verify/pipeline.ts');
const { BENCH_INPUTS } = await import('./inputs.ts');
const t1 = performance.now();
const input = BENCH_INPUTS[process.argv[2] ?? ''];
if (!input) throw new Error(`unknown format ${process.argv[2]}`);
const env = input.env();
const t2 = performance.now();
const result = await verifyBytes(input.bytes, env);
const t3 = performance.now();
const verdict = result.credentials[0]?.verification.verdict;
if (verdict !== input.expect) throw new Error(`${input.name}: expected ${input.expect}, got ${verdict}`);
process.stdout.write(JSON.stringify({ module_load_ms: t1 - t0, cold_ms: t3 - t2 }) + '\n');
