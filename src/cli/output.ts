/** CLI output: the JSON contract of `tsumiki verify --json`, and the human table. */
import type { Check, Verdict } from '../lib/model/verification.ts';
import { verificationText } from '../lib/i18n/verification.ts';
import type { InputResult } from '../lib/verify/pipeline.ts';

export interface ResultRow {
  file: string;
  index?: number;
  format: string;
  container?: string;
  verdict: Verdict;
  checks: Array<{ id: string; outcome: string; code: string; reason?: string; data?: Check['data'] }>;
  error?: { code: string; message: string };
}

const rowChecks = (checks: readonly Check[]) =>
  checks.map((c) => ({
    id: c.id,
    outcome: c.outcome,
    code: c.code,
    ...(c.outcome === 'not-checked' ? { reason: c.reason } : {}),
    ...(c.data ? { data: c.data } : {}),
  }));

export function resultJson(file: string, result: InputResult | { readError: string }): ResultRow[] {
  if ('readError' in result) {
    return [{ file, format: 'unknown', verdict: 'rejected', checks: [{ id: 'format', outcome: 'failed', code: 'UNREADABLE' }], error: { code: 'FILE_UNREADABLE', message: result.readError } }];
  }
  if (result.error || result.credentials.length === 0) {
    const error = result.error ?? { code: 'INTERNAL', message: 'no credential' };
    return [{ file, format: 'unknown', verdict: 'rejected', checks: rowChecks(result.rejected?.checks ?? []), error }];
  }
  const many = result.credentials.length > 1;
  return result.credentials.map((c, i) => ({
    file,
    ...(many ? { index: i } : {}),
    format: c.format,
    container: c.parsed.container,
    verdict: c.verification.verdict,
    checks: rowChecks(c.verification.checks),
  }));
}

const MARK: Record<Check['outcome'], string> = { passed: '✔', failed: '✘', 'not-checked': '–' };
const text = verificationText.en;

function detail(c: Check): string {
  const d = c.data ?? {};
  const bits = ['suite', 'url', 'validUntil', 'validFrom', 'alg', 'claim', 'path', 'problem', 'controller', 'fetchedAt']
    .filter((k) => d[k] !== undefined && d[k] !== null)
    .map((k) => `${k}: ${String(d[k])}`);
  return bits.length ? `  [${bits.join('; ')}]` : '';
}

export function printHuman(results: Array<{ file: string; result: InputResult | { readError: string } }>, out: (line: string) => void): void {
  for (const { file, result } of results) {
    for (const row of resultJson(file, result)) {
      const head = row.verdict === 'verified' ? '✔' : row.verdict === 'failed' || row.verdict === 'rejected' ? '✘' : '?';
      const where = row.index === undefined ? row.file : `${row.file} [${row.index}]`;
      out(`${head} ${text.verdict[row.verdict]} — ${where} (${row.format}${row.container ? `, ${row.container}` : ''})`);
      if (row.error) {
        const words = (text.error as Record<string, string>)[row.error.code] ?? row.error.code; // why: CLI-only codes fall back to the code
        out(`    ${row.error.code}: ${words} (${row.error.message})`);
      }
      if ('readError' in result || result.error) continue;
      const cred = result.credentials[row.index ?? 0];
      for (const c of cred?.verification.checks ?? []) {
        const why = c.outcome === 'not-checked' ? ` (${c.reason})` : '';
        out(`    ${MARK[c.outcome]} ${text.check[c.id].padEnd(18)} ${text.code[c.code]}${why}${detail(c)}`);
      }
    }
  }
}
