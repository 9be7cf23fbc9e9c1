/**
 * `tsumiki pathway PATHWAY.json BADGE... [--json] [--online] [--now ISO-DATE] [--lang en|ja] [--count-unverified] [--trust LIST]...`
 *
 * Verifies each badge file with the same pipeline as `verify` (offline unless --online; every
 * credential inside a CLR is verified on its own), then prints the pathway progress. Exit 0 when
 * the pathway is complete, 1 when it is not, 2 for usage errors and unreadable or invalid pathways.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Lang } from '../lib/i18n/lang.ts';
import { badgeFacts, parsePathway, pathwayWords as w, pickText, progress, type NodeProgress, type Pathway, type Progress, type StackBadge, type VerificationLike } from '../lib/stack/index.ts';
import { createEnv, type VerifyEnv } from '../lib/verify/env.ts';
import { withTrust } from './trust.ts';
import { verifyBytes } from '../lib/verify/pipeline.ts';
import { createRemote } from '../lib/verify/remote.ts';

export const PATHWAY_USAGE = '  tsumiki pathway PATHWAY.json BADGE... [--json] [--online] [--now ISO-DATE] [--lang en|ja] [--count-unverified] [--trust LIST]...';

interface Unreadable {
  readonly file: string;
  readonly error: { readonly code: string; readonly message: string };
}

/** Facts for every badge in one file: each credential verified; a CLR's credentials each verified too (the pipeline's `inner`). */
async function factsOfFile(file: string, env: VerifyEnv): Promise<StackBadge[] | Unreadable> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (e) {
    return { file, error: { code: 'FILE_UNREADABLE', message: e instanceof Error ? e.message : String(e) } };
  }
  const result = await verifyBytes(bytes, env);
  if (result.error || result.credentials.length === 0) return { file, error: result.error ?? { code: 'INTERNAL', message: 'no credential' } };
  const out: StackBadge[] = [];
  const many = result.credentials.length > 1;
  for (const [i, c] of result.credentials.entries()) {
    // A CLR's credentials were each verified on their own by the pipeline (`inner`): only those count.
    const nested: Record<string, VerificationLike> = Object.fromEntries((c.inner ?? []).filter((r) => r.kind === 'credential').map((r) => [r.path, r.verification]));
    // What was signed, read one way.
    const clr = c.format === 'clr2-di' || c.format === 'clr2-jwt';
    out.push(...badgeFacts(clr ? c.parsed.credential : (c.reading?.document ?? {}), c.verification, { file, ...(many ? { key: `${file}[${i}]` } : {}), nested }));
  }
  return out;
}

function nodeLine(n: NodeProgress, lang: Lang): string {
  const mark = n.met ? '✔' : n.value > 0 ? '◐' : '✘';
  const kind =
    n.kind === 'credits' && n.credits
      ? w.kindText('credits', lang, { min: n.credits.min, unit: n.credits.unit })
      : n.kind === 'atLeast' && n.atLeast
        ? w.kindText('atLeast', lang, { n: n.atLeast.n })
        : w.kindText(n.kind, lang);
  const name = pickText(n.title, lang);
  const label = name === null ? `${kind} [${n.id}]` : n.kind === 'achievement' ? `${name} [${n.id}]` : `${name} — ${kind} [${n.id}]`;
  const credits = n.credits ? `: ${n.credits.counted} / ${n.credits.min}${n.credits.cap === null ? '' : ` (cap ${n.credits.cap})`}` : '';
  const who = n.kind === 'achievement' ? (n.badges.length > 0 ? ` — ${n.badges.join(', ')}` : ` — ${w.label('missing', lang)}`) : '';
  return `${mark} ${label}${credits}${who}${n.met || n.kind === 'achievement' ? '' : `  (${n.percent} %)`}`;
}

function printHuman(pathway: Pathway, p: Progress, unreadable: readonly Unreadable[], lang: Lang, out: (s: string) => void): void {
  out(`${pickText(pathway.title, lang) ?? pathway.id} — ${pickText(pathway.awardedBy.name, lang) ?? ''}`);
  out(`${p.percent} % — ${w.label(p.complete ? 'complete' : 'notComplete', lang)}${p.ifVerified && !p.complete ? `; ${w.label('ifVerified', lang, { percent: p.ifVerified.percent })}` : ''}`);
  if (p.held.length > 0) out(`${w.label('held', lang)}: ${p.held.join(', ')}`);
  if (!p.exact) out(w.label('inexact', lang));
  const amounts = new Map(p.counted.flatMap((c) => (c.amount ? [[`${c.requirement} ${c.badge}`, c] as const] : [])));
  const walk = (n: NodeProgress, depth: number): void => {
    out(`${'  '.repeat(depth + 1)}${nodeLine(n, lang)}`);
    if (n.kind === 'credits' && n.children.length === 0) {
      for (const b of n.badges) {
        const c = amounts.get(`${n.id} ${b}`);
        if (c?.amount) out(`${'  '.repeat(depth + 3)}${b}: ${w.amountText(c.amount, lang)}${c.counts !== undefined && c.counts < c.amount.value ? ` (${c.counts})` : ''}`);
      }
    }
    for (const child of n.children) walk(child, depth + 1);
  };
  walk(p.root, 0);
  if (p.missing.length > 0) {
    out(`${w.label('missing', lang)}:`);
    for (const m of p.missing) out(`  - ${pickText(m.title, lang) ?? m.requirement} [${m.requirement}]: ${w.needText(m.need, lang)}`);
  }
  out(lang === 'ja' ? 'バッジ:' : 'badges:');
  for (const b of p.badges) {
    const mark = b.status === 'counted' ? '✔' : b.status === 'would-count-if-verified' ? '?' : b.status === 'not-counted' ? '✘' : '·';
    out(`  ${mark} ${b.badge} — ${w.statusText(b.status, lang)}${b.title ? ` (${b.title.replace(/\s+/g, ' ').slice(0, 80)})` : ''}`);
    for (const r of b.requirements) out(`      ${r.requirement}: ${r.reasons.map((x) => w.reasonText({ ...x, ...(r.counts === undefined ? {} : { counts: r.counts }) }, lang)).join('; ')}`);
  }
  for (const u of unreadable) out(`  ✘ ${u.file} — ${u.error.code}: ${u.error.message}`);
}

function progressJson(pathway: Pathway, p: Progress, unreadable: readonly Unreadable[]) {
  return {
    pathway: { id: pathway.id, title: pathway.title, awardedBy: pathway.awardedBy },
    complete: p.complete,
    percent: p.percent,
    counted: p.counted.map((c) => ({ file: c.file, requirement: c.requirement, badge: c.badge, ...(c.path === null ? {} : { path: c.path }), ...(c.amount ? { amount: c.amount } : {}), ...(c.counts === undefined ? {} : { counts: c.counts }) })),
    missing: p.missing.map((m) => ({ requirement: m.requirement, need: m.need, title: m.title })),
    ifVerified: p.ifVerified,
    held: p.held,
    exact: p.exact,
    now: p.now,
    requirements: p.root,
    badges: p.badges,
    unreadable,
  };
}

export async function pathwayCommand(argv: string[]): Promise<number> {
  const err = (s: string) => process.stderr.write(s + '\n');
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, online: { type: 'boolean' }, now: { type: 'string' }, lang: { type: 'string' }, 'count-unverified': { type: 'boolean' }, trust: { type: 'string', multiple: true } },
    });
  } catch (e) {
    err(`tsumiki: ${e instanceof Error ? e.message : String(e)}\nusage:\n${PATHWAY_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [pathwayFile, ...files] = positionals;
  const now = values.now === undefined ? new Date() : new Date(values.now);
  const lang = values.lang ?? 'en';
  if (pathwayFile === undefined || Number.isNaN(now.getTime()) || (lang !== 'en' && lang !== 'ja')) {
    err(`tsumiki: pathway: ${pathwayFile === undefined ? 'no PATHWAY file given' : lang !== 'en' && lang !== 'ja' ? `--lang: en or ja, not ${lang}` : `--now: not a date: ${values.now}`}\nusage:\n${PATHWAY_USAGE}`);
    return 2;
  }
  let text: Uint8Array;
  try {
    text = new Uint8Array(await readFile(pathwayFile));
  } catch (e) {
    err(`tsumiki: ${pathwayFile}: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  const checked = parsePathway(text);
  if (!checked.ok) {
    if (values.json) process.stdout.write(JSON.stringify({ error: { code: 'PATHWAY_INVALID', file: pathwayFile, errors: checked.errors } }, null, 2) + '\n');
    else for (const e of checked.errors) err(`${pathwayFile}${e.path === '' ? '' : ` ${e.path}`}: ${e.code}: ${w.errorText(e, lang)}`);
    return 2;
  }
  let env: VerifyEnv;
  try {
    env = await withTrust(createEnv({ now, remote: createRemote({ online: values.online === true }) }), values.trust);
  } catch (e) {
    err(`tsumiki: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  const facts: StackBadge[] = [];
  const unreadable: Unreadable[] = [];
  for (const file of files) {
    const got = await factsOfFile(file, env);
    if (Array.isArray(got)) facts.push(...got);
    else unreadable.push(got);
  }
  const p = progress(checked.pathway, facts, { now, countUnverified: values['count-unverified'] === true });
  if (values.json) process.stdout.write(JSON.stringify(progressJson(checked.pathway, p, unreadable), null, 2) + '\n');
  else printHuman(checked.pathway, p, unreadable, lang, (s) => process.stdout.write(s + '\n'));
  return p.complete ? 0 : 1;
}
