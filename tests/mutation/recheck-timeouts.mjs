// node tests/mutation/recheck-timeouts.mjs REPORT.json DIR — re-run every Timeout mutant of a StrykerJS JSON report
// alone, on a quiet machine. DIR is a checkout of the commit the report was made on (`git worktree add --detach DIR
// <commit>`, with node_modules linked): each mutant's replacement is applied there, the test files that cover it are
// run (vitest.mutate.config.ts) with a 180 s limit, and the file is put back. On a loaded machine Stryker calls a
// mutant whose tests were only starved of CPU a timeout (and a timeout counts as killed): this says which really hang.
import { readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
const r = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const dir = process.argv[3];
if (!dir) throw new Error('usage: recheck-timeouts.mjs REPORT.json DIR');
const testFileOf = new Map();
for (const [file, tf] of Object.entries(r.testFiles ?? {})) for (const t of tf.tests) testFileOf.set(t.id, file);
for (const [file, f] of Object.entries(r.files)) {
  for (const m of f.mutants.filter((m) => m.status === 'Timeout')) {
    const src = readFileSync(`${dir}/${file}`, 'utf8');
    const lines = src.split('\n');
    const off = (p) => lines.slice(0, p.line - 1).reduce((n, l) => n + l.length + 1, 0) + p.column - 1;
    const mutated = src.slice(0, off(m.location.start)) + m.replacement + src.slice(off(m.location.end));
    const files = [...new Set((m.coveredBy ?? []).map((id) => testFileOf.get(id)).filter(Boolean))];
    writeFileSync(`${dir}/${file}`, mutated);
    try {
      const res = spawnSync('npx', ['vitest', 'run', '-c', 'vitest.mutate.config.ts', ...files.map((f) => f.replace(/^.*?(tests\/)/, '$1'))], { cwd: dir, timeout: 180_000, encoding: 'utf8' });
      const status = res.error ? 'Timeout' : res.status === 0 ? 'Survived' : 'Killed';
      console.log(`${status.padEnd(8)} ${file}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName} → ${m.replacement.slice(0, 60)} (${files.length} test files)`);
    } finally {
      writeFileSync(`${dir}/${file}`, src);
    }
  }
}
