/**
 * `tsumiki pathway PATHWAY BADGE... [--json] [--online] [--now ISO-DATE] [--lang en|ja] [--count-unverified] [--trust LIST]... [--which ID]`
 * `tsumiki pathway --convert PATHWAY [--which ID]`
 *
 * PATHWAY is read by its content: a Tsumiki pathway (v1), a Credential Engine CTDL pathway graph
 * (converted, with what could not be expressed listed as `unsupported`), or a CLR 2.0 record (its
 * associations give one pathway per whole; `--which` picks one by the whole's achievement id, and
 * the record's own credentials count as badges, each only if it verifies on its own).
 *
 * Verifies each badge file with the same pipeline as `verify` (offline unless --online; every
 * credential inside a CLR is verified on its own), then prints the pathway progress. Exit 0 when
 * the pathway is complete, 1 when it is not, 2 for usage errors and unreadable or invalid pathways.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Lang } from '../lib/i18n/lang.ts';
import { parseJson } from '../lib/formats/json.ts';
import type { JsonValue } from '../lib/model/credential.ts';
import {
  MAX_CTDL_TEXT,
  badgeFacts,
  importCtdl,
  isCtdlPathway,
  parsePathway,
  pathwaysFromClr,
  pathwayToJson,
  pathwayWords as w,
  pickText,
  progress,
  type NodeProgress,
  type Pathway,
  type PathwayError,
  type Progress,
  type StackBadge,
  type Unsupported,
  type VerificationLike,
} from '../lib/stack/index.ts';
import { createEnv, type VerifyEnv } from '../lib/verify/env.ts';
import { withTrust } from './trust.ts';
import { verifyBytes, type InputResult } from '../lib/verify/pipeline.ts';
import { createRemote } from '../lib/verify/remote.ts';

export const PATHWAY_USAGE = `  tsumiki pathway PATHWAY BADGE... [--json] [--online] [--now ISO-DATE] [--lang en|ja] [--count-unverified] [--trust LIST]... [--which ID]
  tsumiki pathway --convert PATHWAY [--which ID] [--online] [--now ISO-DATE] [--trust LIST]...`;

const PATHWAY_HELP = `${PATHWAY_USAGE}

PATHWAY is read by its content, not its name:
  - a Tsumiki pathway (pathwayVersion 1, schema /schemas/pathway-v1.schema.json);
  - a Credential Engine (CTDL) pathway graph, e.g. the registry's /graph/ce-… document: converted to a
    Tsumiki pathway; what cannot be expressed (a grade or resit rule, an order) is listed as "unsupported";
  - a CLR 2.0 record: its associations (isParentOf, isChildOf, isPartOf) give one pathway per whole;
    --which ID picks one by the whole's achievement id (default: the first whole that is no part).
    The record's own credentials count as badges, each only if it verifies on its own.
--convert prints the pathway as a Tsumiki pathway v1 document (with "source" and "unsupported").
--json prints the progress as JSON, with "unsupported".
Exit: 0 complete (or converted), 1 not complete, 2 usage error or unreadable pathway.`;

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
  return factsOfResult(file, await verifyBytes(bytes, env));
}

function factsOfResult(file: string, result: InputResult): StackBadge[] | Unreadable {
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

function progressJson(pathway: Pathway, p: Progress, unreadable: readonly Unreadable[], source: SourceInfo) {
  return {
    pathway: { id: pathway.id, title: pathway.title, awardedBy: pathway.awardedBy },
    source: source.json,
    unsupported: pathway.unsupported ?? [],
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

/** Where the pathway came from, for the output. */
interface SourceInfo {
  readonly json: { readonly format: 'tsumiki' | 'ctdl' | 'clr'; readonly file: string; readonly id?: string; readonly verdict?: string; readonly choices?: readonly { readonly id: string; readonly title: Pathway['title'] }[] };
  /** A CLR source's own credentials, each verified on its own. */
  readonly badges: readonly StackBadge[];
}

type Loaded = { readonly pathway: Pathway; readonly source: SourceInfo } | { readonly error: Record<string, unknown>; readonly lines: readonly string[] };

function textOfBytes(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}

/** PATHWAY by its content: a v1 document, a CTDL graph, or a CLR 2.0 record (verified, with its credentials). */
async function loadPathway(file: string, bytes: Uint8Array, which: string | undefined, env: () => Promise<VerifyEnv>, lang: Lang): Promise<Loaded> {
  const text = textOfBytes(bytes);
  let doc: JsonValue | undefined;
  try {
    doc = text === null ? undefined : parseJson(text, { maxLength: MAX_CTDL_TEXT, maxDepth: 64 });
  } catch {
    doc = undefined;
  }
  const isV1 = doc !== undefined && typeof doc === 'object' && doc !== null && !Array.isArray(doc) && Object.prototype.hasOwnProperty.call(doc, 'pathwayVersion');
  if (doc !== undefined && !isV1 && isCtdlPathway(doc)) {
    const r = importCtdl(doc);
    if (!r.ok) return { error: { code: 'CTDL_INVALID', file, reason: r.error.code, detail: r.error.detail }, lines: [`${file}: CTDL_INVALID: ${r.error.code}: ${r.error.detail}`] };
    return { pathway: r.pathway, source: { json: { format: 'ctdl', file, id: r.pathway.source?.id ?? r.pathway.id }, badges: [] } };
  }
  if (!isV1) {
    // A CLR 2.0 record (JSON, JWT or baked image): verified like a badge; its associations are the pathway.
    const result = await verifyBytes(bytes, await env());
    const clr = result.credentials.find((c) => c.format === 'clr2-di' || c.format === 'clr2-jwt');
    if (clr !== undefined) {
      // What was signed, read one way, when it could be read; the record as written otherwise.
      const all = pathwaysFromClr(clr.reading?.document ?? clr.parsed.credential);
      const clrId = clr.reading?.document.id ?? clr.parsed.credential.id;
      const choices = all.map((p) => ({ id: p.achievementId ?? p.id, title: p.title }));
      const chosen = which === undefined ? all[0] : all.find((p) => p.achievementId === which || p.id === which);
      if (chosen === undefined) {
        const code = all.length === 0 ? 'CLR_NO_PATHWAY' : 'CLR_PATHWAY_NOT_FOUND';
        const message = all.length === 0 ? 'the CLR has no achievement with parts (isParentOf, isChildOf, isPartOf)' : `no whole with id ${which ?? ''}; choose one of: ${choices.map((c) => c.id).join(', ')}`;
        return { error: { code, file, message, choices }, lines: [`${file}: ${code}: ${message}`] };
      }
      const facts = factsOfResult(file, result);
      const pathway: Pathway = { ...chosen, source: { format: 'clr', id: typeof clrId === 'string' && clrId !== '' ? clrId : file } };
      return { pathway, source: { json: { format: 'clr', file, id: pathway.source?.id ?? '', verdict: clr.verification.verdict, choices }, badges: Array.isArray(facts) ? facts : [] } };
    }
  }
  const checked = parsePathway(doc ?? bytes);
  if (!checked.ok) {
    return {
      error: { code: 'PATHWAY_INVALID', file, errors: checked.errors },
      lines: checked.errors.map((e: PathwayError) => `${file}${e.path === '' ? '' : ` ${e.path}`}: ${e.code}: ${w.errorText(e, lang)}`),
    };
  }
  return { pathway: checked.pathway, source: { json: { format: 'tsumiki', file }, badges: [] } };
}

function printUnsupported(list: readonly Unsupported[], lang: Lang, out: (s: string) => void): void {
  if (list.length === 0) return;
  out(lang === 'ja' ? `表現できなかった条件（${list.length}件、進捗には含まれません）:` : `not expressible (${list.length}, not part of the progress):`);
  for (const u of list) out(`  - ${u.construct} (${u.path}): ${u.reason}`);
}

export async function pathwayCommand(argv: string[]): Promise<number> {
  const err = (s: string) => process.stderr.write(s + '\n');
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        online: { type: 'boolean' },
        now: { type: 'string' },
        lang: { type: 'string' },
        'count-unverified': { type: 'boolean' },
        trust: { type: 'string', multiple: true },
        convert: { type: 'boolean' },
        which: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    err(`tsumiki: ${e instanceof Error ? e.message : String(e)}\nusage:\n${PATHWAY_USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(PATHWAY_HELP + '\n');
    return 0;
  }
  const [pathwayFile, ...files] = positionals;
  const now = values.now === undefined ? new Date() : new Date(values.now);
  const lang = values.lang ?? 'en';
  if (pathwayFile === undefined || Number.isNaN(now.getTime()) || (lang !== 'en' && lang !== 'ja') || (values.convert === true && files.length > 0)) {
    const why =
      pathwayFile === undefined ? 'no PATHWAY file given' : lang !== 'en' && lang !== 'ja' ? `--lang: en or ja, not ${lang}` : values.convert === true && files.length > 0 ? '--convert takes the PATHWAY only' : `--now: not a date: ${values.now}`;
    err(`tsumiki: pathway: ${why}\nusage:\n${PATHWAY_USAGE}`);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(pathwayFile));
  } catch (e) {
    err(`tsumiki: ${pathwayFile}: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  let env: VerifyEnv | null = null;
  const envOnce = async (): Promise<VerifyEnv> => (env ??= await withTrust(createEnv({ now, remote: createRemote({ online: values.online === true }) }), values.trust));
  let loaded: Loaded;
  try {
    loaded = await loadPathway(pathwayFile, bytes, values.which, envOnce, lang);
  } catch (e) {
    err(`tsumiki: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  if ('error' in loaded) {
    if (values.json || values.convert) process.stdout.write(JSON.stringify({ error: loaded.error }, null, 2) + '\n');
    else for (const line of loaded.lines) err(line);
    return 2;
  }
  const { pathway, source } = loaded;
  if (values.convert) {
    process.stdout.write(JSON.stringify(pathwayToJson(pathway), null, 2) + '\n');
    return 0;
  }
  let verifyEnv: VerifyEnv;
  try {
    verifyEnv = await envOnce();
  } catch (e) {
    err(`tsumiki: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  const facts: StackBadge[] = [...source.badges];
  const unreadable: Unreadable[] = [];
  for (const file of files) {
    const got = await factsOfFile(file, verifyEnv);
    if (Array.isArray(got)) facts.push(...got);
    else unreadable.push(got);
  }
  const p = progress(pathway, facts, { now, countUnverified: values['count-unverified'] === true });
  if (values.json) process.stdout.write(JSON.stringify(progressJson(pathway, p, unreadable, source), null, 2) + '\n');
  else {
    const out = (s: string) => process.stdout.write(s + '\n');
    if (source.json.format !== 'tsumiki') out(sourceLine(source, lang));
    printHuman(pathway, p, unreadable, lang, out);
    printUnsupported(pathway.unsupported ?? [], lang, out);
  }
  return p.complete ? 0 : 1;
}

function sourceLine(source: SourceInfo, lang: Lang): string {
  const s = source.json;
  if (s.format === 'ctdl') return lang === 'ja' ? `出典: Credential Engine（CTDL）のパスウェイ ${s.id ?? ''}` : `source: Credential Engine (CTDL) pathway ${s.id ?? ''}`;
  const others = (s.choices?.length ?? 0) > 1 ? (lang === 'ja' ? `（ほかに ${(s.choices?.length ?? 1) - 1} 件: --which で選択）` : ` (${(s.choices?.length ?? 1) - 1} more: choose with --which)`) : '';
  return lang === 'ja' ? `出典: CLR 2.0 の関連付け ${s.id ?? ''}（検証結果: ${s.verdict ?? ''}）${others}` : `source: CLR 2.0 associations ${s.id ?? ''} (verdict: ${s.verdict ?? ''})${others}`;
}
