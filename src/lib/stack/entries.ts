/**
 * The badges given to `progress`, in canonical order (by key, then by content: the input order
 * never matters), with unique keys, normalised facts, an index for matching and the grouping of
 * badges for the same achievement. Built once per badge list and reused while the list holds the
 * same badge objects (a wallet asks about many pathways over one list).
 */
import { indexOf, type BadgeIndex } from './compile.ts';
import type { StackBadge } from './facts.ts';
import { prepare, type Prepared } from './match.ts';

export interface BadgeSet {
  readonly badges: readonly StackBadge[];
  /** Canonical order. */
  readonly sorted: readonly StackBadge[];
  /** The key, made unique (`a.json`, `a.json#2`) when two badges share one. */
  readonly keys: readonly string[];
  readonly preps: readonly Prepared[];
  readonly index: BadgeIndex;
  /** Badges for the same achievement (same issuer) count once: canonical indices per group. */
  readonly units: readonly (readonly number[])[];
  readonly unitOf: Int32Array;
}

const sets = new WeakMap<readonly StackBadge[], BadgeSet>();

function sameList(a: readonly StackBadge[], b: readonly StackBadge[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function badgeSet(badges: readonly StackBadge[]): BadgeSet {
  const hit = sets.get(badges);
  if (hit !== undefined && sameList(hit.badges, badges)) return hit;
  const sorted = [...badges].sort((a, b) => {
    if (a.key !== b.key) return a.key < b.key ? -1 : 1;
    const sa = JSON.stringify(a);
    const sb = JSON.stringify(b);
    return sa < sb ? -1 : sa > sb ? 1 : 0;
  });
  const seen = new Map<string, number>();
  const keys = sorted.map((b) => {
    const n = (seen.get(b.key) ?? 0) + 1;
    seen.set(b.key, n);
    return n === 1 ? b.key : `${b.key}#${n}`;
  });
  const preps = sorted.map(prepare);
  const byUnit = new Map<string, number[]>();
  preps.forEach((p, i) => {
    const list = byUnit.get(p.unitKey);
    if (list === undefined) byUnit.set(p.unitKey, [i]);
    else list.push(i);
  });
  const units = [...byUnit.values()];
  const unitOf = new Int32Array(sorted.length);
  units.forEach((members, u) => {
    for (const m of members) unitOf[m] = u;
  });
  const set: BadgeSet = { badges: [...badges], sorted, keys, preps, index: indexOf(preps), units, unitOf };
  sets.set(badges, set);
  return set;
}
