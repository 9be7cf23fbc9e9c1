// node tests/mutation/retest.mjs REPORT.json DIR [PATH-FILTER] — re-test, alone and against today's code and tests,
// mutants a StrykerJS run did not settle:
// - STATUS=Ignored (the default): the static mutants `ignoreStatic` left out (code that only runs when a module
//   loads: a pattern, a table, a constant). Stryker would run every test for each of them.
// - STATUS=Timeout: the mutants a loaded machine called timeouts (Stryker counts a timeout as killed, but tests
//   only starved of CPU time out too).
// Each is run against the test files that import its source file and those that killed the file's other
// mutants (they are the ones that read it), with --bail. DIR is a checkout to mutate
// (a worktree with node_modules linked, never the one you work in): each mutant's original text, taken from
// the report, is looked up on the same line of DIR's file (or within 20 lines, if the file has moved), replaced,
// the tests run, and the file put back (the tests must first pass unmutated). Prints Killed / Survived / Moved (the text is no longer there) per mutant.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const [reportPath, dir, filter = ''] = process.argv.slice(2);
if (!dir) throw new Error('usage: [STATUS=Ignored|Timeout] retest.mjs REPORT.json DIR [PATH-FILTER]');
const STATUS = process.env.STATUS ?? 'Ignored';
const r = JSON.parse(readFileSync(reportPath, 'utf8'));
const testFileOf = new Map();
for (const [file, tf] of Object.entries(r.testFiles ?? {})) for (const t of tf.tests) testFileOf.set(t.id, file.replace(/^.*?(tests\/)/, '$1'));

const offset = (lines, p) => lines.slice(0, p.line - 1).reduce((n, l) => n + l.length + 1, 0) + p.column - 1;
const counts = {};
for (const [file, f] of Object.entries(r.files)) {
  if (!file.includes(filter)) continue;
  const statics = f.mutants.filter((m) => m.status === STATUS);
  if (statics.length === 0) continue;
  // The test files that read this source file: those that killed its other mutants, most killing first.
  const kills = new Map();
  for (const m of f.mutants) for (const id of m.killedBy ?? []) { const tf = testFileOf.get(id); if (tf) kills.set(tf, (kills.get(tf) ?? 0) + 1); }
  // …and the test files that import it directly (a static mutant's best judges may have killed nothing else).
  const importPath = file.split('/').slice(-2).join('/');
  const importers = readdirSync(`${dir}/tests`, { recursive: true })
    .map((p) => `tests/${p}`)
    .filter((p) => /^tests\/(unit\/verify\/.*|unit\/formats\/.*|unit\/present\/pdf|property\/.*)\.test\.ts$/.test(p) && readFileSync(`${dir}/${p}`, 'utf8').includes(importPath)); // vitest.mutate.config.ts's include
  const tests = [...new Set([...importers, ...[...kills].sort((a, b) => b[1] - a[1]).map(([tf]) => tf)])];
  // GNU timeout kills the whole process group: a mutant that loops forever leaves no vitest worker behind
  // (spawnSync's own timeout would stop npx alone, and the looping workers went on eating the CPU).
  const run = () => spawnSync('timeout', ['-s', 'KILL', '300', 'npx', 'vitest', 'run', '-c', 'vitest.mutate.config.ts', '--bail', '1', ...tests], { cwd: dir, encoding: 'utf8' });
  const baseline = run().status === 0 || run(); // once more: on a loaded machine a test can time out
  if (baseline !== true && baseline.status !== 0) {
    const failing = `${baseline.stdout}`.split('\n').filter((l) => /FAIL|×|Error/.test(l)).slice(0, 3).join(' | ');
    console.log(`Baseline ${file}: its tests fail unmutated in ${dir}; skipped (${failing.replace(/\x1b\[[0-9;]*m/g, '').slice(0, 300)})`);
    continue;
  }
  const reportLines = f.source.split('\n');
  for (const m of statics) {
    const original = f.source.slice(offset(reportLines, m.location.start), offset(reportLines, m.location.end));
    const src = readFileSync(`${dir}/${file}`, 'utf8');
    const lines = src.split('\n');
    let at = -1;
    for (const d of [0, ...Array.from({ length: 40 }, (_, i) => (i % 2 ? -1 : 1) * (Math.floor(i / 2) + 1))]) {
      const line = m.location.start.line + d;
      if (line < 1 || line > lines.length) continue;
      const from = offset(lines, { line, column: 1 });
      const hit = src.indexOf(original, from);
      if (hit !== -1 && hit < from + lines[line - 1].length + 1) { at = hit; break; }
    }
    let status = 'Moved';
    if (at !== -1) {
      writeFileSync(`${dir}/${file}`, src.slice(0, at) + m.replacement + src.slice(at + original.length));
      try {
        const res = run();
        status = res.status === 137 ? 'Timeout' : res.status === 0 ? 'Survived' : 'Killed'; // 137: killed by timeout's SIGKILL
      } finally {
        writeFileSync(`${dir}/${file}`, src);
      }
    }
    counts[status] = (counts[status] ?? 0) + 1;
    console.log(`${status.padEnd(8)} ${file}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName}: ${original.slice(0, 60).replace(/\s+/g, ' ')} → ${m.replacement.slice(0, 60).replace(/\s+/g, ' ')} (${tests.length} test files)`);
  }
}
console.log('done', JSON.stringify(counts));
