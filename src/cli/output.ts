/** CLI output: the JSON contract of `tsumiki verify --json`, and the human table. */
import type { Check, CheckOf, Verdict } from '../lib/model/verification.ts';
import { verificationText } from '../lib/i18n/verification.ts';
import type { CredentialResult, InnerResult, InputResult } from '../lib/verify/pipeline.ts';
import { headlineOf, type Headline } from '../lib/model/headline.ts';
import { headlineDetail, headlineLabel } from '../lib/i18n/headline.ts';
import { issuerSummary, type IssuerSummary } from '../lib/trust/identity.ts';
import type { PresentationResult } from '../lib/verify/presentation.ts';

type CheckRow = { id: string; outcome: string; code: string; reason?: string; data?: Check['data'] };

export interface InnerRow {
  /** Where it sits in the outer credential (`credentialSubject.verifiableCredential[0]`). */
  path: string;
  kind: 'credential' | 'endorsement';
  format: string;
  container?: string;
  verdict: Verdict;
  checks: CheckRow[];
  error?: { code: string; message: string };
}

export interface ResultRow {
  file: string;
  index?: number;
  format: string;
  container?: string;
  /** What a reader reads first (GENUINE, UNKNOWN_ISSUER, EXPIRED, …), from the checks alone. */
  headline: Headline;
  /** Who issued it, as far as the checks prove: the name is always a claim. */
  issuer: IssuerSummary;
  verdict: Verdict;
  checks: CheckRow[];
  error?: { code: string; message: string };
  /** For a credential that came from a presentation: the presentation's own proof and holder. */
  presentation?: { verdict: Verdict; holder: string | null; checks: CheckRow[] };
  /** The credentials it holds (a CLR's, embedded endorsements), each verified on its own. */
  inner?: InnerRow[];
  /** Credentials inside beyond the bound, not verified. */
  innerSkipped?: number;
}

const rowChecks = (checks: readonly CheckOf<string>[]): CheckRow[] =>
  checks.map((c) => ({
    id: c.id,
    outcome: c.outcome,
    code: c.code,
    ...(c.outcome === 'not-checked' ? { reason: c.reason } : {}),
    ...(c.data ? { data: c.data } : {}),
  }));

export const presentationJson = (p: PresentationResult): NonNullable<ResultRow['presentation']> => ({ verdict: p.verdict, holder: p.holder, checks: rowChecks(p.checks) });

function innerRow(r: InnerResult): InnerRow {
  if ('error' in r) return { path: r.path, kind: r.kind, format: 'unknown', verdict: r.verification.verdict, checks: rowChecks(r.verification.checks), error: r.error };
  return { path: r.path, kind: r.kind, format: r.format, container: r.parsed.container, verdict: r.verification.verdict, checks: rowChecks(r.verification.checks) };
}

const innerJson = (c: CredentialResult): Pick<ResultRow, 'inner' | 'innerSkipped'> => ({
  ...(c.inner && c.inner.length > 0 ? { inner: c.inner.map(innerRow) } : {}),
  ...(c.innerSkipped ? { innerSkipped: c.innerSkipped } : {}),
});

const NOBODY: IssuerSummary = { id: null, claimedName: null, proven: 'none' };

export function resultJson(file: string, result: InputResult | { readError: string }): ResultRow[] {
  if ('readError' in result) {
    return [{ file, format: 'unknown', headline: 'UNREADABLE', issuer: NOBODY, verdict: 'rejected', checks: [{ id: 'format', outcome: 'failed', code: 'UNREADABLE' }], error: { code: 'FILE_UNREADABLE', message: result.readError } }];
  }
  if (result.error || result.credentials.length === 0) {
    const error = result.error ?? { code: 'INTERNAL', message: 'no credential' };
    return [{ file, format: 'unknown', headline: 'UNREADABLE', issuer: NOBODY, verdict: 'rejected', checks: rowChecks(result.rejected?.checks ?? []), error }];
  }
  const many = result.credentials.length > 1;
  const presentation = result.presentation ? presentationJson(result.presentation) : undefined;
  return result.credentials.map((c, i) => ({
    file,
    ...(many ? { index: i } : {}),
    format: c.format,
    container: c.parsed.container,
    headline: headlineOf(c.verification.checks).headline,
    issuer: issuerSummary(c.reading, c.verification.checks),
    verdict: c.verification.verdict,
    checks: rowChecks(c.verification.checks),
    ...(presentation ? { presentation } : {}),
    ...innerJson(c),
  }));
}

/**
 * The exit code: 0 when every credential is verified, 1 when any failed or was rejected (or a
 * presentation's own proof or holder failed), 2 otherwise. A presentation counts only when it is
 * signed or a challenge/domain was asked: an unsigned one says nothing either way. Credentials
 * inside a credential have their own rows and do not change the outer credential's verdict.
 */
export function exitCode(rows: readonly ResultRow[], asked: boolean): number {
  const verdicts = rows.flatMap((r) => [r.verdict, ...(r.presentation && (asked || r.presentation.checks[0]?.code !== 'NOT_SIGNED') ? [r.presentation.verdict] : [])]);
  if (verdicts.every((v) => v === 'verified')) return 0;
  if (verdicts.some((v) => v === 'failed' || v === 'rejected')) return 1;
  return 2;
}

const MARK: Record<Check['outcome'], string> = { passed: '✔', failed: '✘', 'not-checked': '–' };
/** An icon per headline, so the words never rely on colour. */
const ICON: Record<Headline, string> = { GENUINE: '✔', UNKNOWN_ISSUER: '?', EXPIRED: '⌛', REVOKED: '⊘', SUSPENDED: '⏸', FORGED: '✘', NOT_CHECKED: '…', UNSUPPORTED: '◌', UNREADABLE: '✘' };
const HEAD = (v: Verdict) => (v === 'verified' ? '✔' : v === 'failed' || v === 'rejected' ? '✘' : '?');
const text = verificationText.en;

function detail(c: CheckOf<string>): string {
  const d = c.data ?? {};
  const bits = ['suite', 'url', 'validUntil', 'validFrom', 'alg', 'claim', 'path', 'problem', 'controller', 'fetchedAt', 'holder', 'signer']
    .filter((k) => d[k] !== undefined && d[k] !== null)
    .map((k) => `${k}: ${String(d[k])}`);
  return bits.length ? `  [${bits.join('; ')}]` : '';
}

function checkLine(c: CheckOf<string>, name: string, indent: string): string {
  const why = c.outcome === 'not-checked' ? ` (${c.reason})` : '';
  return `${indent}${MARK[c.outcome]} ${name.padEnd(18)} ${text.code[c.code]}${why}${detail(c)}`;
}

export function printHuman(results: Array<{ file: string; result: InputResult | { readError: string } }>, out: (line: string) => void): void {
  for (const { file, result } of results) {
    if (!('readError' in result) && !result.error && result.presentation) {
      const p = result.presentation;
      out(`${HEAD(p.verdict)} Presentation: ${text.verdict[p.verdict]} — ${file}${p.holder ? ` (holder ${p.holder})` : ''}`);
      for (const c of p.checks) out(checkLine(c, text.presentationCheck[c.id], '    '));
    }
    for (const row of resultJson(file, result)) {
      const where = row.index === undefined ? row.file : `${row.file} [${row.index}]`;
      const cred = 'readError' in result || result.error ? undefined : result.credentials[row.index ?? 0];
      // The headline first, in words, then what decided it.
      const head = cred ? headlineOf(cred.verification.checks) : { headline: row.headline };
      const detailWords = headlineDetail(head, 'en');
      out(`${ICON[head.headline]} ${headlineLabel.en[head.headline].toUpperCase()}${detailWords ? ` — ${detailWords}` : ''}`);
      if (row.issuer.claimedName && row.issuer.proven === 'none') out(`    issuer claims the name “${row.issuer.claimedName}” (a claim, not proven)`);
      out(`    ${text.verdict[row.verdict]} — ${where} (${row.format}${row.container ? `, ${row.container}` : ''})`);
      if (row.error) {
        const words = (text.error as Record<string, string>)[row.error.code] ?? row.error.code; // why: CLI-only codes fall back to the code
        out(`    ${row.error.code}: ${words} (${row.error.message})`);
      }
      if (!cred) continue;
      for (const c of cred.verification.checks) out(checkLine(c, text.check[c.id], '    '));
      for (const inner of row.inner ?? []) {
        out(`    ${HEAD(inner.verdict)} inside, ${inner.kind}: ${text.verdict[inner.verdict]} — ${inner.path} (${inner.format})`);
        if (inner.error) out(`        ${inner.error.code}: ${(text.error as Record<string, string>)[inner.error.code] ?? inner.error.code}`); // why: as above
        for (const c of inner.checks) if (c.outcome === 'failed' || (c.outcome === 'not-checked' && c.reason !== 'not-applicable')) out(`        ${MARK[c.outcome as Check['outcome']]} ${(text.check as Record<string, string>)[c.id] ?? c.id}: ${(text.code as Record<string, string>)[c.code] ?? c.code}`); // why: rows carry plain strings
      }
      if (row.innerSkipped) out(`    … ${row.innerSkipped} more credentials inside, not verified (bound)`);
    }
  }
}
