/**
 * `progress(pathway, badges, { now })`: which requirements are met, by which badges, how much
 * credit counts, what is missing, and why each badge counts or not. Pure: the same pathway, badges
 * and `now` give the same result whatever order the badges come in.
 *
 * Only verified badges count unless `countUnverified` is set; the result also says what the
 * percentage would be if the unverified badges verified (`ifVerified`).
 */
import type { StackBadge } from './facts.ts';
import { compileLeaf, conditionReasons, cutoffOf, givenCredit, recognised, type BadgeIndex } from './compile.ts';
import { prepare, trustReasons, type Prepared, type Reason } from './match.ts';
import { BASES, CONVERSIONS, PATHWAY_UNITS, type Basis, type Conversion, type Pathway, type PathwayUnit } from './pathway.ts';
import { badgeSet } from './entries.ts';
import { planOf, type Leaf, type Plan } from './plan.ts';
import { buildProgress, type Progress, type RunResult } from './report.ts';
import { solve, type SolveUnit } from './solve.ts';
import { amountFor, pathwayAmount, type AmountProblem, type CountedAmount } from './units.ts';

export interface ProgressOptions {
  /** The moment recency and expiry are judged at (a Date, an ISO 8601 string or epoch ms). */
  readonly now: Date | string | number;
  /** Count badges that are not verified as if they were (default false). Revoked, invalid: never. */
  readonly countUnverified?: boolean;
  /** Search steps before the best assignment so far is used (default solve.ts SEARCH_LIMIT). */
  readonly searchLimit?: number;
}

/** One badge in canonical order, with its normalised facts. */
export interface Entry {
  readonly badge: StackBadge;
  /** The key, made unique (`a.json`, `a.json#2`) when two badges share one. */
  readonly key: string;
  readonly prep: Prepared;
  readonly trust: readonly Reason[];
}

/** A badge that a leaf recognises: what stops it from counting there, and its amount for pools. */
export interface Candidate {
  readonly entry: number;
  readonly blocking: readonly Reason[];
  readonly amount: CountedAmount | null;
}

export interface Context {
  readonly plan: Plan;
  readonly entries: readonly Entry[];
  /** Per leaf, the candidates in canonical order. */
  readonly candidates: readonly (readonly Candidate[])[];
  /** Units: badges for the same achievement (same issuer) count once. Entry indices, canonical order. */
  readonly units: readonly (readonly number[])[];
  readonly unitOf: Int32Array;
  readonly nowMs: number;
}

function candidatesOf(leaf: Leaf, entries: readonly Entry[], preps: readonly Prepared[], index: BadgeIndex, plan: Plan, nowMs: number): Candidate[] {
  const node = leaf.node;
  const compiled = compileLeaf(leaf);
  const cutoff = compiled.years === null ? null : cutoffOf(compiled.years, nowMs);
  const conversion = plan.pathway.options.conversion;
  const out: Candidate[] = [];
  for (const i of recognised(compiled, node.kind === 'credits', preps, index)) {
    const e = entries[i];
    if (e === undefined) continue;
    const blocking = conditionReasons(e.prep, compiled, cutoff);
    let amount: CountedAmount | null = null;
    if (node.kind === 'credits') {
      const own = amountOf(e.prep, node.basis, node.unit, conversion);
      // What the badge states first; else the amount the pathway gives its matcher (a CTDL component's creditValue).
      const given = compiled.credits.length === 0 || (typeof own !== 'string' && own.value > 0) ? null : givenCredit(e.prep, compiled);
      const a = given === null ? own : pathwayAmount(given, node.unit);
      if (typeof a === 'string') blocking.push({ code: a });
      else if (a.value <= 0) blocking.push({ code: 'NO_CREDIT' });
      else amount = a;
    }
    out.push({ entry: i, blocking, amount });
  }
  return out;
}

/** amountFor, cached per badge (many pathways ask the same badge the same question). */
function amountOf(p: Prepared, basis: Basis, unit: PathwayUnit, conversion: Conversion): CountedAmount | AmountProblem {
  const key = BASES.indexOf(basis) * 100 + PATHWAY_UNITS.indexOf(unit) * 10 + CONVERSIONS.indexOf(conversion);
  const hit = p.amounts.get(key);
  if (hit !== undefined) return hit;
  const a = amountFor(p.badge, basis, unit, conversion);
  p.amounts.set(key, a);
  return a;
}

export function contextOf(pathway: Pathway, badges: readonly StackBadge[], nowMs: number): Context {
  const plan = planOf(pathway);
  const set = badgeSet(badges);
  const accept = pathway.options.acceptExpired;
  const entries = set.sorted.map((badge, i): Entry => {
    const prep = set.preps[i] ?? prepare(badge);
    return { badge, key: set.keys[i] ?? badge.key, prep, trust: trustReasons(prep, nowMs, accept) };
  });
  return { plan, entries, candidates: plan.leaves.map((l) => candidatesOf(l, entries, set.preps, set.index, plan, nowMs)), units: set.units, unitOf: set.unitOf, nowMs };
}

const TRUST_RELAXED = new Set(['NOT_VERIFIED']);

/** The better badge of a unit for a leaf: the larger amount (pools), then verified, then the more recent, then canonical. */
function preferred(ctx: Context, a: Candidate, b: Candidate): boolean {
  const va = a.amount?.value ?? 0;
  const vb = b.amount?.value ?? 0;
  if (va !== vb) return va > vb;
  const ua = ctx.entries[a.entry]?.trust.length ?? 0;
  const ub = ctx.entries[b.entry]?.trust.length ?? 0;
  if (ua !== ub) return ua < ub;
  const ta = ctx.entries[a.entry]?.prep.issuedMs ?? -Infinity;
  const tb = ctx.entries[b.entry]?.prep.issuedMs ?? -Infinity;
  return ta !== tb ? ta > tb : a.entry < b.entry;
}

/** Assign badges to leaves: shared leaves take every eligible unit, the others go through `solve`. */
export function run(ctx: Context, relaxed: boolean, searchLimit?: number): RunResult {
  const { plan } = ctx;
  const may = (c: Candidate) => c.blocking.length === 0 && (ctx.entries[c.entry]?.trust ?? []).every((r) => relaxed && TRUST_RELAXED.has(r.code));
  // best eligible member per (unit, leaf)
  const pick: Map<number, Candidate>[] = plan.leaves.map(() => new Map());
  plan.leaves.forEach((_, l) => {
    for (const c of ctx.candidates[l] ?? []) {
      if (!may(c)) continue;
      const u = ctx.unitOf[c.entry] ?? 0;
      const cur = pick[l]?.get(u);
      if (cur === undefined || preferred(ctx, c, cur)) pick[l]?.set(u, c);
    }
  });
  const shared = new Float64Array(plan.leaves.length);
  const solveUnits: SolveUnit[] = ctx.units.map(() => ({ options: [] }));
  const options: { leaf: number; amount: number }[][] = ctx.units.map(() => []);
  plan.leaves.forEach((leaf, l) => {
    for (const [u, c] of pick[l] ?? []) {
      const amount = leaf.node.kind === 'credits' ? (c.amount?.value ?? 0) : 1;
      if (leaf.shared) shared[l] = (shared[l] ?? 0) + amount;
      else options[u]?.push({ leaf: l, amount });
    }
  });
  options.forEach((o, u) => (solveUnits[u] = { options: o }));
  const solution = solve(plan, solveUnits, shared, searchLimit);
  const assigned: Candidate[][] = plan.leaves.map(() => []);
  plan.leaves.forEach((leaf, l) => {
    for (const [u, c] of pick[l] ?? []) if (leaf.shared || solution.leafOf[u] === l) assigned[l]?.push(c);
  });
  return { state: { count: solution.count }, assigned, exact: solution.exact };
}

function nowOf(now: ProgressOptions['now']): number {
  const ms = now instanceof Date ? now.getTime() : typeof now === 'number' ? now : Date.parse(now);
  if (!Number.isFinite(ms)) throw new RangeError(`progress: not a date: ${String(now)}`);
  return ms;
}

/** Progress of one pathway over a set of badges. Throws only on an invalid `now`. */
export function progress(pathway: Pathway, badges: readonly StackBadge[], options: ProgressOptions): Progress {
  const ctx = contextOf(pathway, badges, nowOf(options.now));
  const relaxed = options.countUnverified === true;
  const main = run(ctx, relaxed, options.searchLimit);
  const hopeful = !relaxed && ctx.candidates.some((cs) => cs.some((c) => c.blocking.length === 0 && (ctx.entries[c.entry]?.trust ?? []).every((r) => TRUST_RELAXED.has(r.code)) && (ctx.entries[c.entry]?.trust.length ?? 0) > 0));
  const ifVerified = hopeful ? run(ctx, true, options.searchLimit) : null;
  return buildProgress(ctx, main, ifVerified, relaxed);
}
