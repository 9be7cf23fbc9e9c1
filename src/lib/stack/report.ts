/**
 * The progress report: the requirement tree with values, what counted (with amounts and caps),
 * what is missing, and every badge with the reason it counts or not. Plain JSON throughout.
 */
import type { Reason } from './match.ts';
import type { Basis, LangMap, NodeKind, PathwayUnit } from './pathway.ts';
import { creditTotal, nodeMet, nodeValue, percentOf, type LeafState, type PlanNode } from './plan.ts';
import type { Candidate, Context } from './progress.ts';
import type { CountedAmount } from './units.ts';

export interface RunResult {
  readonly state: LeafState;
  /** Per leaf, the badges assigned to it (one per unit). */
  readonly assigned: readonly (readonly Candidate[])[];
  readonly exact: boolean;
}

export interface NodeProgress {
  readonly id: string;
  readonly kind: NodeKind;
  readonly title: LangMap | null;
  readonly met: boolean;
  /** 0..1, as defined in plan.ts. */
  readonly value: number;
  readonly percent: number;
  readonly weight: number;
  /** Keys of the badges that count here (for groups: below here). */
  readonly badges: readonly string[];
  readonly credits?: { readonly counted: number; readonly min: number; readonly cap: number | null; readonly unit: PathwayUnit; readonly basis: Basis | null };
  readonly atLeast?: { readonly n: number; readonly met: number };
  readonly children: readonly NodeProgress[];
}

export interface CountedEntry {
  readonly badge: string;
  readonly file: string | null;
  readonly path: string | null;
  readonly requirement: string;
  /** For credits: the badge's amount in the requirement's unit, and how it was converted. */
  readonly amount?: CountedAmount;
  /** For credits: how much of it counts after caps. */
  readonly counts?: number;
}

export type Need =
  | { readonly kind: 'achievement' }
  | { readonly kind: 'credits'; readonly amount: number; readonly unit: PathwayUnit }
  | { readonly kind: 'atLeast'; readonly more: number; readonly options: readonly string[] };

export interface MissingEntry {
  readonly requirement: string;
  readonly title: LangMap | null;
  readonly need: Need;
}

export type Outcome = 'counted' | 'would-count-if-verified' | 'not-counted';

export interface BadgeRequirement {
  readonly requirement: string;
  readonly outcome: Outcome;
  readonly reasons: readonly Reason[];
  readonly amount?: CountedAmount;
  readonly counts?: number;
}

export const BADGE_STATUSES = ['counted', 'would-count-if-verified', 'not-counted', 'not-relevant'] as const;
export type BadgeStatus = (typeof BADGE_STATUSES)[number];

export interface BadgeProgress {
  readonly badge: string;
  readonly file: string | null;
  readonly path: string | null;
  readonly title: string | null;
  readonly achievementId: string | null;
  readonly verdict: string;
  readonly status: BadgeStatus;
  /** Every requirement that recognises this badge, with the outcome and why. */
  readonly requirements: readonly BadgeRequirement[];
}

export interface Progress {
  readonly pathwayId: string;
  readonly title: LangMap;
  readonly complete: boolean;
  /** 0–100, whole: 100 only when complete (plan.ts). */
  readonly percent: number;
  readonly value: number;
  readonly root: NodeProgress;
  readonly counted: readonly CountedEntry[];
  readonly missing: readonly MissingEntry[];
  readonly badges: readonly BadgeProgress[];
  /** What it would be if every badge that is only unverified verified; null when none would change anything. */
  readonly ifVerified: { readonly complete: boolean; readonly percent: number; readonly value: number } | null;
  /** Badges that already hold the pathway's own achievement. */
  readonly held: readonly string[];
  /** False when the search stopped at its limit (the result may undercount). */
  readonly exact: boolean;
  readonly now: string;
}

interface Placed {
  readonly reason: Reason;
  readonly amount?: CountedAmount;
  readonly counts?: number;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Outcome of each assigned badge: achievement → the most recent counts; pools → in order of amount, after caps. */
function place(ctx: Context, run: RunResult): Map<number, Placed>[] {
  const { plan } = ctx;
  const out: Map<number, Placed>[] = plan.leaves.map(() => new Map());
  const recency = (c: Candidate) => ctx.entries[c.entry]?.prep.issuedMs ?? -Infinity;
  const byAmount = (a: Candidate, b: Candidate) => (b.amount?.value ?? 0) - (a.amount?.value ?? 0) || recency(b) - recency(a) || a.entry - b.entry;
  plan.leaves.forEach((leaf, l) => {
    if (leaf.node.kind !== 'achievement') return;
    const list = [...(run.assigned[l] ?? [])].sort((a, b) => recency(b) - recency(a) || a.entry - b.entry);
    list.forEach((c, i) => out[l]?.set(c.entry, { reason: { code: i === 0 ? 'COUNTED' : 'ALREADY_MET' } }));
  });
  const attribute = (p: PlanNode, left: number): number => {
    const node = p.node;
    if (node.kind !== 'credits') return 0;
    let room = Math.min(left, node.cap ?? Infinity);
    let used = 0;
    if (p.leaf !== null) {
      for (const c of [...(run.assigned[p.leaf] ?? [])].sort(byAmount)) {
        const amount = c.amount ?? undefined;
        const value = amount?.value ?? 0;
        const counts = round2(Math.max(0, Math.min(value, room)));
        room -= counts;
        used += counts;
        const code = counts <= 0 ? 'OVER_CAP' : counts < value ? 'PARTLY_COUNTED' : 'COUNTED';
        out[p.leaf]?.set(c.entry, { reason: { code }, counts, ...(amount ? { amount } : {}) });
      }
      return used;
    }
    for (const child of p.children) {
      const u = attribute(child, room);
      room -= u;
      used += u;
    }
    return used;
  };
  const visit = (p: PlanNode): void => {
    if (p.node.kind === 'credits') attribute(p, Infinity);
    else for (const c of p.children) visit(c);
  };
  visit(plan.root);
  return out;
}

function nodeProgress(ctx: Context, run: RunResult, placed: Map<number, Placed>[], p: PlanNode): NodeProgress {
  const node = p.node;
  const children = p.children.map((c) => nodeProgress(ctx, run, placed, c));
  const own = p.leaf === null ? [] : [...(placed[p.leaf] ?? [])].filter(([, x]) => x.reason.code === 'COUNTED' || x.reason.code === 'PARTLY_COUNTED').map(([e]) => ctx.entries[e]?.key ?? '');
  const badges = [...new Set([...own, ...children.flatMap((c) => c.badges)])];
  const met = nodeMet(p, run.state);
  const value = nodeValue(p, run.state);
  return {
    id: node.id,
    kind: node.kind,
    title: node.title,
    met,
    value,
    percent: percentOf(value, met),
    weight: p.weight,
    badges,
    ...(node.kind === 'credits' ? { credits: { counted: round2(creditTotal(p, run.state)), min: node.min, cap: node.cap, unit: node.unit, basis: node.of.length === 0 ? node.basis : null } } : {}),
    ...(node.kind === 'atLeast' ? { atLeast: { n: node.n, met: children.filter((c) => c.met).length } } : {}),
    children,
  };
}

function missingOf(n: NodeProgress): MissingEntry[] {
  if (n.met) return [];
  const entry = (need: Need): MissingEntry[] => [{ requirement: n.id, title: n.title, need }];
  switch (n.kind) {
    case 'achievement':
      return entry({ kind: 'achievement' });
    case 'credits':
      return entry({ kind: 'credits', amount: round2((n.credits?.min ?? 0) - (n.credits?.counted ?? 0)), unit: n.credits?.unit ?? 'hours' });
    case 'allOf':
      return n.children.flatMap(missingOf);
    case 'atLeast':
      return entry({ kind: 'atLeast', more: (n.atLeast?.n ?? 0) - (n.atLeast?.met ?? 0), options: n.children.filter((c) => !c.met).map((c) => c.id) });
  }
}

export function buildProgress(ctx: Context, main: RunResult, hopeful: RunResult | null, relaxed: boolean): Progress {
  const { plan, entries } = ctx;
  // With countUnverified, "not verified" does not stop a badge and is not a reason.
  const trustOf = (e: Context['entries'][number]) => (relaxed ? e.trust.filter((r) => r.code !== 'NOT_VERIFIED') : e.trust);
  const placed = place(ctx, main);
  const hopePlaced = hopeful === null ? null : place(ctx, hopeful);
  const root = nodeProgress(ctx, main, placed, plan.root);
  const unitLeaf = new Map<number, number[]>();
  const counting = new Set<number>();
  plan.leaves.forEach((_, l) => {
    for (const [e, x] of placed[l] ?? []) {
      const u = ctx.unitOf[e] ?? 0;
      unitLeaf.set(u, [...(unitLeaf.get(u) ?? []), l]);
      if (x.reason.code === 'COUNTED' || x.reason.code === 'PARTLY_COUNTED') counting.add(e);
    }
  });
  const perBadge: BadgeRequirement[][] = entries.map(() => []);
  const counted: CountedEntry[] = [];
  plan.leaves.forEach((leaf, l) => {
    for (const c of ctx.candidates[l] ?? []) {
      const e = entries[c.entry];
      if (e === undefined) continue;
      const requirement = leaf.node.id;
      const x = placed[l]?.get(c.entry);
      let r: BadgeRequirement;
      if (x !== undefined) {
        const counts = x.reason.code === 'COUNTED' || x.reason.code === 'PARTLY_COUNTED';
        r = { requirement, outcome: counts ? 'counted' : 'not-counted', reasons: [x.reason], ...(x.amount ? { amount: x.amount } : {}), ...(x.counts === undefined ? {} : { counts: x.counts }) };
        if (counts) counted.push({ badge: e.key, file: e.badge.file, path: e.badge.path, requirement, ...(x.amount ? { amount: x.amount } : {}), ...(x.counts === undefined ? {} : { counts: x.counts }) });
      } else if (c.blocking.length > 0 || trustOf(e).length > 0) {
        const hope = hopePlaced?.[l]?.get(c.entry);
        const would = hope !== undefined && (hope.reason.code === 'COUNTED' || hope.reason.code === 'PARTLY_COUNTED');
        r = { requirement, outcome: would ? 'would-count-if-verified' : 'not-counted', reasons: [...trustOf(e), ...c.blocking] };
      } else {
        const u = ctx.unitOf[c.entry] ?? 0;
        const sibling = (ctx.units[u] ?? []).find((m) => m !== c.entry && counting.has(m));
        const other = (unitLeaf.get(u) ?? []).find((x2) => x2 !== l);
        r = {
          requirement,
          outcome: 'not-counted',
          reasons: [
            sibling !== undefined
              ? { code: 'SAME_ACHIEVEMENT', data: { badge: entries[sibling]?.key ?? null } }
              : other !== undefined
                ? { code: 'USED_ELSEWHERE', data: { requirement: plan.leaves[other]?.node.id ?? null } }
                : { code: 'ALREADY_MET' },
          ],
        };
      }
      perBadge[c.entry]?.push(r);
    }
  });
  const badges: BadgeProgress[] = entries.map((e, i) => {
    const reqs = perBadge[i] ?? [];
    const status: BadgeStatus = reqs.some((r) => r.outcome === 'counted')
      ? 'counted'
      : reqs.some((r) => r.outcome === 'would-count-if-verified')
        ? 'would-count-if-verified'
        : reqs.length > 0
          ? 'not-counted'
          : 'not-relevant';
    const b = e.badge;
    return { badge: e.key, file: b.file, path: b.path, title: b.titles[0]?.text ?? null, achievementId: b.achievementId, verdict: b.trust.verdict, status, requirements: reqs };
  });
  const complete = root.met;
  const hopeRoot = hopeful === null ? null : { met: nodeMet(plan.root, hopeful.state), value: nodeValue(plan.root, hopeful.state) };
  const target = plan.pathway.achievementId;
  return {
    pathwayId: plan.pathway.id,
    title: plan.pathway.title,
    complete,
    percent: root.percent,
    value: root.value,
    root,
    counted,
    missing: missingOf(root),
    badges,
    ifVerified: hopeRoot === null ? null : { complete: hopeRoot.met, percent: percentOf(hopeRoot.value, hopeRoot.met), value: hopeRoot.value },
    held: target === null ? [] : entries.filter((e) => e.prep.ids.has(target) && trustOf(e).length === 0).map((e) => e.key),
    exact: main.exact && (hopeful?.exact ?? true),
    now: new Date(ctx.nowMs).toISOString(),
  };
}
