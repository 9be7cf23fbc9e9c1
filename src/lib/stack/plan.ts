/**
 * A pathway as the solver sees it: the leaves badges are assigned to (achievement requirements and
 * credit pools), the tree above them, and the one definition of a node's value (0..1) and of the
 * percentage. Values only ever grow with what the leaves hold, so more badges never mean less.
 *
 *   achievement      1 when a badge counts, else 0                        weight 1
 *   credits          min(1, counted / min), 1 when min is 0              weight 1
 *   allOf            weighted mean of its children                        weight Σ child weights
 *   atLeast n        mean of its n best children (children count equally) weight n × mean child weight
 * A node's `weight` replaces its default weight in its parent's mean.
 */
import type { AchievementNode, Conditions, CreditsNode, Pathway, RequirementNode } from './pathway.ts';

export interface Leaf {
  readonly index: number;
  readonly node: AchievementNode | CreditsNode;
  /** The node's own conditions and every ancestor's. */
  readonly conditions: readonly Conditions[];
  /** Badges counted here do not use up (shareBadges on it or an ancestor, or allowDoubleCounting). */
  readonly shared: boolean;
  /** For a pool: the credits ancestors from its parent up to the outermost (their caps apply too). */
  readonly creditAncestors: readonly PlanNode[];
  readonly planNode: PlanNode;
}

export interface PlanNode {
  readonly node: RequirementNode;
  readonly weight: number;
  /** Index into `leaves` for achievement nodes and pools (credits without `of`). */
  readonly leaf: number | null;
  readonly children: readonly PlanNode[];
}

export interface Plan {
  readonly pathway: Pathway;
  readonly leaves: readonly Leaf[];
  readonly root: PlanNode;
}

/** What the leaves hold: for achievement leaves how many badges, for pools the amount. */
export interface LeafState {
  readonly count: Float64Array;
}

const plans = new WeakMap<Pathway, Plan>();

export function planOf(pathway: Pathway): Plan {
  const hit = plans.get(pathway);
  if (hit !== undefined) return hit;
  const leaves: Leaf[] = [];
  const build = (node: RequirementNode, conds: readonly Conditions[], shared: boolean, credits: readonly PlanNode[]): PlanNode => {
    const here = Object.keys(node.where).length > 0 ? [...conds, node.where] : conds;
    const share = shared || node.shareBadges;
    const isLeaf = node.kind === 'achievement' || (node.kind === 'credits' && node.of.length === 0);
    const self: { node: RequirementNode; weight: number; leaf: number | null; children: PlanNode[] } = { node, weight: 1, leaf: null, children: [] };
    if (isLeaf) {
      self.leaf = leaves.length;
      leaves.push({ index: leaves.length, node, conditions: here, shared: share, creditAncestors: credits, planNode: self });
    } else if (node.kind === 'allOf' || node.kind === 'atLeast' || node.kind === 'credits') {
      const chain = node.kind === 'credits' ? [self, ...credits] : credits;
      for (const child of node.of) self.children.push(build(child, here, share, chain));
    }
    const ws = self.children.map((c) => c.weight);
    const sum = ws.reduce((a, b) => a + b, 0);
    const fallback = node.kind === 'allOf' ? sum : node.kind === 'atLeast' ? (node.n * sum) / Math.max(1, ws.length) : 1;
    self.weight = node.weight ?? (fallback > 0 ? fallback : 1);
    return self;
  };
  const root = build(pathway.requirement, [], pathway.options.allowDoubleCounting, []);
  const plan = { pathway, leaves, root };
  plans.set(pathway, plan);
  return plan;
}

/** Amount counted by a credits node after its cap (pools read `state`, sums add their children). */
export function creditTotal(p: PlanNode, state: LeafState): number {
  const node = p.node;
  if (node.kind !== 'credits') return 0;
  const raw = p.leaf !== null ? (state.count[p.leaf] ?? 0) : p.children.reduce((a, c) => a + creditTotal(c, state), 0);
  return node.cap === null ? raw : Math.min(raw, node.cap);
}

const EPS = 1e-9;

export interface Score {
  /** The root's value, 0..1. */
  readonly value: number;
  /** Sum of every leaf's own value: prefers assignments that do more, when the root cannot tell. */
  readonly leaves: number;
}

export function nodeValue(p: PlanNode, state: LeafState): number {
  const node = p.node;
  switch (node.kind) {
    case 'achievement':
      return (state.count[p.leaf ?? 0] ?? 0) > 0 ? 1 : 0;
    case 'credits':
    {
      if (node.min <= 0) return 1;
      const total = creditTotal(p, state);
      return total >= node.min - EPS ? 1 : total / node.min;
    }
    case 'allOf': {
      let num = 0;
      let den = 0;
      for (const c of p.children) {
        num += c.weight * nodeValue(c, state);
        den += c.weight;
      }
      return den === 0 ? 1 : num / den;
    }
    case 'atLeast': {
      const vs = p.children.map((c) => nodeValue(c, state)).sort((a, b) => b - a);
      let s = 0;
      for (let i = 0; i < node.n; i++) s += vs[i] ?? 0;
      return s / node.n;
    }
  }
}

export function nodeMet(p: PlanNode, state: LeafState): boolean {
  const node = p.node;
  switch (node.kind) {
    case 'achievement':
      return (state.count[p.leaf ?? 0] ?? 0) > 0;
    case 'credits':
      return creditTotal(p, state) >= node.min - EPS;
    case 'allOf':
      return p.children.every((c) => nodeMet(c, state));
    case 'atLeast':
      return p.children.filter((c) => nodeMet(c, state)).length >= node.n;
  }
}

export function score(plan: Plan, state: LeafState): Score {
  let leaves = 0;
  for (const l of plan.leaves) leaves += nodeValue(l.planNode, state);
  return { value: nodeValue(plan.root, state), leaves };
}

/** a is better than b. */
export function better(a: Score, b: Score): boolean {
  if (a.value > b.value + EPS) return true;
  if (a.value < b.value - EPS) return false;
  return a.leaves > b.leaves + EPS;
}

/** The percentage shown: 100 only when complete, otherwise the value rounded down (at most 99). */
export function percentOf(value: number, complete: boolean): number {
  if (complete) return 100;
  return Math.max(0, Math.min(99, Math.floor(value * 100 + 1e-7)));
}

/**
 * Can more in this pool still raise the value? Not when its cap (or a credits ancestor's cap) is
 * reached, or when the outermost credits node already has its minimum.
 */
export function poolUseful(leaf: Leaf, state: LeafState): boolean {
  const node = leaf.node;
  if (node.kind !== 'credits') return false;
  if (node.cap !== null && (state.count[leaf.index] ?? 0) >= node.cap - EPS) return false;
  const chain = [leaf.planNode, ...leaf.creditAncestors];
  for (const a of leaf.creditAncestors) {
    const n = a.node;
    if (n.kind === 'credits' && n.cap !== null && creditTotal(a, state) >= n.cap - EPS) return false;
  }
  const outer = chain[chain.length - 1];
  if (outer === undefined || outer.node.kind !== 'credits') return true;
  return creditTotal(outer, state) < outer.node.min - EPS;
}
