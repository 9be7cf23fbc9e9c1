// node tests/mutation/survivors.mjs REPORT.json [PATH-PART]: the Survived and NoCoverage mutants of a StrykerJS JSON report
// (one line each: file:line:column [status] mutator: original → replacement), and the count of every status.
import { readFileSync } from 'node:fs';
const r = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const filter = process.argv[3] ?? '';
let total = 0, counts = {};
for (const [file, f] of Object.entries(r.files)) {
  const src = f.source.split('\n');
  for (const m of f.mutants) {
    counts[m.status] = (counts[m.status] ?? 0) + 1;
    if (!['Survived', 'NoCoverage'].includes(m.status) || !file.includes(filter)) continue;
    total++;
    const l = m.location.start.line;
    const line = src[l - 1] ?? '';
    const orig = line.slice(m.location.start.column - 1, m.location.end.line === l ? m.location.end.column - 1 : undefined);
    console.log(`${file}:${l}:${m.location.start.column} [${m.status}] ${m.mutatorName}: ${orig.slice(0, 80).trim()} → ${(m.replacement ?? '').slice(0, 80)}`);
  }
}
console.log('listed', total, JSON.stringify(counts));
