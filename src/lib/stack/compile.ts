/**
 * Matching badges to requirements, fast: each leaf's matchers and conditions are normalised once
 * (cached per leaf), and the badges are indexed by achievement id, alignment code and title so a
 * requirement looks only at the badges that could match it.
 */
import type { Conditions, IssuerConstraint, LevelConstraint, Matcher } from './pathway.ts';
import type { Leaf } from './plan.ts';
import { norm, normUrl, typeNorm, type Prepared, type Reason } from './match.ts';

interface CIssuer {
  readonly ids: ReadonlySet<string>;
  readonly prefixes: readonly string[];
  readonly names: readonly string[];
}

type CMatcher =
  | { readonly by: 'achievementId'; readonly id: string }
  | { readonly by: 'alignment'; readonly code: string | null; readonly url: string | null; readonly fw: string | null }
  | { readonly by: 'title'; readonly titles: readonly string[]; readonly issuer: CIssuer };

interface CLevel {
  readonly words: readonly string[];
  readonly fw: string | null;
  readonly min: number | null;
  readonly max: number | null;
}

export interface CompiledLeaf {
  readonly matchers: readonly CMatcher[];
  readonly issuers: readonly CIssuer[];
  readonly types: readonly ReadonlySet<string>[];
  readonly microCredential: boolean;
  /** The strictest recency among the leaf's conditions, or null. */
  readonly years: number | null;
  readonly levels: readonly CLevel[];
  /** Matchers that give an amount (credits pools): the first that recognises a badge gives it. */
  readonly credits: readonly { readonly matcher: CMatcher; readonly value: number }[];
}

const compiledLeaves = new WeakMap<Leaf, CompiledLeaf>();

const issuerOf = (c: IssuerConstraint): CIssuer => ({ ids: new Set(c.id), prefixes: c.idStartsWith, names: c.name.map(norm) });
const levelOf = (c: LevelConstraint): CLevel => ({ words: c.anyOf.map(norm), fw: c.framework === null ? null : norm(c.framework), min: c.min, max: c.max });

function matcherOf(m: Matcher): CMatcher {
  switch (m.by) {
    case 'achievementId':
      return { by: m.by, id: m.achievementId.trim() };
    case 'alignment':
      return { by: m.by, code: m.targetCode === null ? null : norm(m.targetCode), url: m.targetUrl === null ? null : normUrl(m.targetUrl), fw: m.targetFramework === null ? null : norm(m.targetFramework) };
    case 'title':
      return { by: m.by, titles: m.title.map(norm), issuer: issuerOf(m.issuer) };
  }
}

export function compileLeaf(leaf: Leaf): CompiledLeaf {
  const hit = compiledLeaves.get(leaf);
  if (hit !== undefined) return hit;
  const conds: readonly Conditions[] = leaf.conditions;
  const years = conds.flatMap((c) => (c.earnedWithinYears === undefined ? [] : [c.earnedWithinYears]));
  const compiled: CompiledLeaf = {
    matchers: leaf.node.match.map(matcherOf),
    issuers: conds.flatMap((c) => (c.issuer ? [issuerOf(c.issuer)] : [])),
    types: conds.flatMap((c) => (c.achievementType ? [new Set(c.achievementType.map(typeNorm))] : [])),
    microCredential: conds.some((c) => c.microCredential === true),
    years: years.length === 0 ? null : Math.min(...years),
    levels: conds.flatMap((c) => (c.level ? [levelOf(c.level)] : [])),
    credits: leaf.node.match.flatMap((m) => (m.credit === undefined ? [] : [{ matcher: matcherOf(m), value: m.credit }])),
  };
  compiledLeaves.set(leaf, compiled);
  return compiled;
}

function issuerOk(p: Prepared, c: CIssuer): boolean {
  const id = p.badge.issuer.id;
  if (id !== null && (c.ids.has(id) || c.prefixes.some((prefix) => id.startsWith(prefix)))) return true;
  return c.names.some((n) => p.issuerNames.has(n));
}

export function matchesAny(p: Prepared, ms: readonly CMatcher[]): boolean {
  for (const m of ms) {
    if (m.by === 'achievementId') {
      if (p.ids.has(m.id)) return true;
    } else if (m.by === 'alignment') {
      for (const a of p.alignments) if ((m.code === null || a.code === m.code) && (m.url === null || a.url === m.url) && (m.fw === null || a.framework === m.fw)) return true;
    } else if (m.titles.some((t) => p.titles.has(t)) && issuerOk(p, m.issuer)) return true;
  }
  return false;
}

/** The amount the pathway gives this badge (the first matcher with a `credit` that recognises it), or null. */
export function givenCredit(p: Prepared, leaf: CompiledLeaf): number | null {
  for (const c of leaf.credits) if (matchesAny(p, [c.matcher])) return c.value;
  return null;
}

/** Badges by the keys matchers look up: achievement id (and equivalents), alignment code and URL, title. */
export interface BadgeIndex {
  readonly byId: Map<string, number[]>;
  readonly byCode: Map<string, number[]>;
  readonly byUrl: Map<string, number[]>;
  readonly byTitle: Map<string, number[]>;
}

function push(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}

export function indexOf(preps: readonly Prepared[]): BadgeIndex {
  const index: BadgeIndex = { byId: new Map(), byCode: new Map(), byUrl: new Map(), byTitle: new Map() };
  preps.forEach((p, i) => {
    for (const id of p.ids) push(index.byId, id, i);
    for (const a of p.alignments) {
      if (a.code !== null) push(index.byCode, a.code, i);
      if (a.url !== null) push(index.byUrl, a.url, i);
    }
    for (const t of p.titles) push(index.byTitle, t, i);
  });
  return index;
}

/** The badges (indices, ascending) a leaf's matchers recognise; every badge for a pool without matchers. */
export function recognised(leaf: CompiledLeaf, isPool: boolean, preps: readonly Prepared[], index: BadgeIndex): number[] {
  if (leaf.matchers.length === 0) return isPool ? preps.map((_, i) => i) : [];
  const found = new Set<number>();
  for (const m of leaf.matchers) {
    const list = m.by === 'achievementId' ? index.byId.get(m.id) : m.by === 'alignment' ? (m.code !== null ? index.byCode.get(m.code) : m.url !== null ? index.byUrl.get(m.url) : undefined) : m.titles.flatMap((t) => index.byTitle.get(t) ?? []);
    for (const i of list ?? []) found.add(i);
  }
  return [...found].sort((a, b) => a - b).filter((i) => {
    const p = preps[i];
    return p !== undefined && matchesAny(p, leaf.matchers);
  });
}

const NUMBER = /\d+(?:\.\d+)?/;

function levelReason(p: Prepared, c: CLevel): Reason | null {
  if (p.levels.length === 0) return { code: 'LEVEL_UNKNOWN' };
  const ranged = c.min !== null || c.max !== null;
  let comparable = c.words.length > 0;
  for (const text of p.levels) {
    if (c.words.some((w) => text.includes(w))) return null;
    if (!ranged) continue;
    const at = c.fw === null ? 0 : text.indexOf(c.fw);
    if (at < 0) continue;
    const found = NUMBER.exec(text.slice(at + (c.fw?.length ?? 0))) ?? (c.fw === null ? null : NUMBER.exec(text));
    if (found === null) continue;
    comparable = true;
    const n = Number(found[0]);
    if ((c.min === null || n >= c.min) && (c.max === null || n <= c.max)) return null;
  }
  return { code: comparable ? 'WRONG_LEVEL' : 'LEVEL_UNKNOWN', data: { level: p.badge.levels[0]?.text.slice(0, 200) ?? null } };
}

/** The earliest date a badge may have been earned `years` before `nowMs` (calendar months). */
export function cutoffOf(years: number, nowMs: number): number {
  const d = new Date(nowMs);
  d.setUTCMonth(d.getUTCMonth() - Math.round(years * 12));
  return d.getTime();
}

function add(out: Reason[] | null, r: Reason): Reason[] {
  const list = out ?? [];
  if (!list.some((x) => x.code === r.code)) list.push(r);
  return list;
}

/** Every condition the badge fails, once per kind (empty = it meets them all). `cutoff`: cutoffOf(c.years, now). */
export function conditionReasons(p: Prepared, c: CompiledLeaf, cutoff: number | null): Reason[] {
  let out: Reason[] | null = null;
  for (const i of c.issuers) if (!issuerOk(p, i)) out = add(out, { code: 'WRONG_ISSUER', data: { issuer: p.badge.issuer.id ?? p.badge.issuer.names[0] ?? null } });
  for (const t of c.types) if (p.type === null || !t.has(p.type)) out = add(out, { code: 'WRONG_TYPE', data: { type: p.badge.achievementType } });
  if (c.microCredential && !p.badge.microCredential) out = add(out, { code: 'NOT_MICRO_CREDENTIAL' });
  if (c.years !== null && cutoff !== null) {
    if (p.issuedMs === null) out = add(out, { code: 'DATE_UNKNOWN' });
    else if (p.issuedMs < cutoff) out = add(out, { code: 'TOO_OLD', data: { issuedAt: p.badge.issuedAt, years: c.years } });
  }
  for (const l of c.levels) {
    const r = levelReason(p, l);
    if (r !== null) out = add(out, r);
  }
  return out ?? [];
}
