/**
 * Which requirement each badge counts for, when no badge may count twice: the assignment with the
 * highest value (plan.ts), found exactly by branch and bound over the badges that could go to more
 * than one place. Three rules keep the search small without losing the optimum, because values
 * only grow with what a leaf holds:
 *   - a badge with one useful place goes there;
 *   - a filled achievement requirement, or a pool that can no longer raise the value, is not a
 *     useful place;
 *   - badges with the same places (at most one of them a pool) fill the achievement requirements
 *     with the smallest amounts first, the rest go to the pool.
 * Past `limit` search steps the best assignment found so far is used and `exact` is false.
 */
import { better, poolUseful, score, type Plan, type Score } from './plan.ts';

export interface UnitOption {
  readonly leaf: number;
  /** The amount in the pool's unit; 1 for achievement requirements. */
  readonly amount: number;
}

/** A badge (or several for the same achievement) and where it may count. */
export interface SolveUnit {
  readonly options: readonly UnitOption[];
}

export interface Solution {
  /** For each unit, the leaf it counts for, or -1. */
  readonly leafOf: Int32Array;
  /** Per leaf: badges (achievement) or amount (pool), including shared leaves. */
  readonly count: Float64Array;
  readonly exact: boolean;
}

export const SEARCH_LIMIT = 20_000;

export function solve(plan: Plan, units: readonly SolveUnit[], shared: Float64Array, limit = SEARCH_LIMIT): Solution {
  const count = Float64Array.from(shared);
  const state = { count };
  const leafOf = new Int32Array(units.length).fill(-1);
  const isPool = (leaf: number) => plan.leaves[leaf]?.node.kind === 'credits';
  const useful = (o: UnitOption) => {
    const l = plan.leaves[o.leaf];
    if (l === undefined) return false;
    return l.node.kind === 'achievement' ? (count[o.leaf] ?? 0) === 0 : poolUseful(l, state);
  };
  const put = (u: number, o: UnitOption, sign: 1 | -1) => {
    leafOf[u] = sign === 1 ? o.leaf : -1;
    count[o.leaf] = (count[o.leaf] ?? 0) + sign * o.amount;
  };

  // Reduction: badges with one useful place go there, until nothing changes.
  let pending = units.map((_, i) => i).filter((i) => (units[i]?.options.length ?? 0) > 0);
  const idle: number[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    const next: number[] = [];
    for (const u of pending) {
      const opts = units[u]?.options.filter(useful) ?? [];
      if (opts.length === 0) idle.push(u);
      else if (opts.length === 1 && opts[0] !== undefined) put(u, opts[0], 1);
      else {
        next.push(u);
        continue;
      }
      changed = true;
    }
    pending = next;
  }

  // Classes: same places, at most one pool; sorted by the pool amount, smallest first.
  const classOf = new Map<number, string>();
  const poolAmount = (u: number) => units[u]?.options.find((o) => isPool(o.leaf))?.amount ?? 0;
  for (const u of pending) {
    const opts = units[u]?.options ?? [];
    if (opts.filter((o) => isPool(o.leaf)).length <= 1) classOf.set(u, opts.map((o) => o.leaf).sort((a, b) => a - b).join(','));
  }
  const order = [...pending].sort((a, b) => {
    const ca = classOf.get(a) ?? `~${a}`;
    const cb = classOf.get(b) ?? `~${b}`;
    return ca < cb ? -1 : ca > cb ? 1 : poolAmount(a) - poolAmount(b) || a - b;
  });

  const found: { best: Score | null; leaf: Int32Array | null; steps: number; aborted: boolean } = { best: null, leaf: null, steps: 0, aborted: false };
  const optimistic = (from: number): Score => {
    for (let j = from; j < order.length; j++) for (const o of units[order[j] ?? 0]?.options ?? []) count[o.leaf] = (count[o.leaf] ?? 0) + o.amount;
    const s = score(plan, state);
    for (let j = from; j < order.length; j++) for (const o of units[order[j] ?? 0]?.options ?? []) count[o.leaf] = (count[o.leaf] ?? 0) - o.amount;
    return s;
  };
  const search = (i: number): void => {
    if (found.best !== null && ++found.steps > limit) {
      found.aborted = true;
      return;
    }
    if (i === order.length) {
      const s = score(plan, state);
      if (found.best === null || better(s, found.best)) {
        found.best = s;
        found.leaf = Int32Array.from(leafOf);
      }
      return;
    }
    if (found.best !== null && !better(optimistic(i), found.best)) return;
    const u = order[i] ?? 0;
    const prev = order[i - 1];
    const sameClass = prev !== undefined && classOf.has(u) && classOf.get(prev) === classOf.get(u);
    const noAchievement = sameClass && prev !== undefined && (leafOf[prev] === -1 || isPool(leafOf[prev] ?? -1));
    const opts = (units[u]?.options ?? []).filter((o) => useful(o) && !(noAchievement && !isPool(o.leaf)));
    opts.sort((a, b) => Number(isPool(a.leaf)) - Number(isPool(b.leaf)));
    if (opts.length === 0) return search(i + 1);
    for (const o of opts) {
      put(u, o, 1);
      search(i + 1);
      put(u, o, -1);
      if (found.aborted) return;
    }
  };
  if (order.length > 0) search(0);
  const chosen = found.leaf;
  if (chosen !== null) {
    for (const u of order) {
      const leaf = chosen[u] ?? -1;
      const o = units[u]?.options.find((x) => x.leaf === leaf);
      if (o !== undefined) put(u, o, 1);
    }
  }
  // Badges with no useful place: shown where they would have gone (a full pool, a met requirement).
  for (const u of idle) {
    const opts = units[u]?.options ?? [];
    const o = opts.find((x) => isPool(x.leaf)) ?? opts[0];
    if (o !== undefined) put(u, o, 1);
  }
  return { leafOf, count, exact: !found.aborted };
}
