/**
 * Properties of pathway progress (fast-check), over generated pathways and badge facts:
 * - adding a badge never lowers progress (value, percent, completeness);
 * - the order of the badges does not change the result;
 * - progress stays within 0..100 %, and is 100 % exactly when complete;
 * - the solver's assignment is optimal (checked by brute force on small cases);
 * - a pathway survives pathwayToJson → parsePathway unchanged; parsePathway never throws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planOf, score } from '../../src/lib/stack/plan.ts';
import { progress } from '../../src/lib/stack/progress.ts';
import { pathwayToJson } from '../../src/lib/stack/serialize.ts';
import { solve, type SolveUnit } from '../../src/lib/stack/solve.ts';
import { parsePathway } from '../../src/lib/stack/validate.ts';
import type { KnownUnit } from '../../src/lib/descriptors/credit.ts';
import type { Pathway } from '../../src/lib/stack/pathway.ts';
import type { StackBadge } from '../../src/lib/stack/facts.ts';
import { EXPIRED, FORGED, INCOMPLETE, MOOC, NOW, REVOKED, UNI, VERIFIED, ach, badge, reading } from '../unit/stack/helpers.ts';

const KEYS = ['a', 'b', 'c', 'd', 'e'];
const UNITS = ['ECTS', 'UCTS', '単位', 'hours'] as const;

const matcher = fc.oneof(
  fc.constantFrom(...KEYS).map((k) => ({ achievementId: ach(k) })),
  fc.constantFrom('C1', 'C2').map((c) => ({ alignment: { targetCode: c } })),
  fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(UNI, MOOC)).map(([k, i]) => ({ title: `Course ${k}`, issuer: { id: i } })),
);
const where = fc.record(
  {
    earnedWithinYears: fc.constantFrom(1, 3, 10),
    issuer: fc.constantFrom({ id: UNI }, { id: MOOC }, { idStartsWith: 'https://' }),
    level: fc.constantFrom({ framework: 'EQF', min: 5 }, { anyOf: ['intermediate'] }),
    achievementType: fc.constantFrom(['MicroCredential'], ['Course']),
  },
  { requiredKeys: [] },
);
const maybe = <T>(arb: fc.Arbitrary<T>, weight = 1) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: arb, weight });
const pool = fc
  .record({ min: fc.integer({ min: 0, max: 8 }), unit: fc.constantFrom(...UNITS), cap: maybe(fc.integer({ min: 0, max: 6 })), basis: maybe(fc.constantFrom('credit', 'effort', 'either')), match: maybe(fc.array(matcher, { minLength: 1, maxLength: 3 }), 2), where: maybe(where), shareBadges: fc.oneof({ arbitrary: fc.constant(false), weight: 5 }, { arbitrary: fc.constant(true), weight: 1 }) })
  .map(({ cap, ...r }) => ({ kind: 'credits', ...r, ...(cap === undefined ? {} : { cap: cap + r.min }) }));
const { node } = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant('achievement'), match: fc.array(matcher, { minLength: 1, maxLength: 2 }), where: maybe(where) }),
    pool,
    fc.record({ kind: fc.constant('allOf'), of: fc.array(tie('node'), { minLength: 1, maxLength: 3 }), where: maybe(where) }),
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).chain((of) => fc.integer({ min: 1, max: of.length }).map((n) => ({ kind: 'atLeast', n, of }))),
    fc.record({ min: fc.integer({ min: 0, max: 12 }), unit: fc.constantFrom(...UNITS), of: fc.array(pool, { minLength: 1, maxLength: 2 }) }).map((r) => ({ kind: 'credits', ...r })),
  ),
}));
const strip = (v: unknown): unknown => JSON.parse(JSON.stringify(v)); // drops undefined-valued keys
const pathwayArb: fc.Arbitrary<Pathway> = fc
  .record({ requirement: node, allowDoubleCounting: fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, { arbitrary: fc.constant(true), weight: 1 }), acceptExpired: fc.boolean(), conversion: fc.constantFrom('lower', 'middle', 'upper') })
  .map(({ requirement, ...options }) => {
    const r = parsePathway(strip({ pathwayVersion: 1, id: 'urn:p', title: { en: 'P' }, awardedBy: { name: 'U' }, requirement, options }) as never); // why: generated JSON
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.pathway;
  });

const badgeArb = (key: string): fc.Arbitrary<StackBadge> =>
  fc
    .record({
      k: fc.constantFrom(...KEYS),
      issuer: fc.constantFrom(UNI, MOOC),
      code: fc.constantFrom(null, 'C1', 'C2'),
      credit: fc.option(fc.tuple(fc.integer({ min: 0, max: 6 }), fc.constantFrom<KnownUnit | 'unknown'>('ects', 'ects', 'ucts', 'jp-tani', 'jp-tani', 'hours', 'unknown')), { freq: 5 }),
      effort: fc.option(fc.integer({ min: 1, max: 120 })),
      level: fc.constantFrom(null, 'EQF 5', 'EQF 4', 'Intermediate'),
      year: fc.integer({ min: 2019, max: 2026 }),
      trust: fc.constantFrom(VERIFIED, VERIFIED, VERIFIED, VERIFIED, VERIFIED, VERIFIED, INCOMPLETE, INCOMPLETE, EXPIRED, REVOKED, FORGED),
      type: fc.constantFrom('MicroCredential', 'Course'),
    })
    .map((r) =>
      badge(key, {
        achievementId: ach(r.k),
        titles: [{ text: `Course ${r.k}`, lang: 'en', source: 'x' }],
        issuer: { id: r.issuer, names: [] },
        alignments: r.code === null ? [] : [{ targetCode: r.code, targetUrl: null, targetName: r.code, targetFramework: null }],
        credit: r.credit === null ? null : reading(r.credit[0], r.credit[1]),
        effort: r.effort === null ? null : reading(r.effort, 'hours'),
        levels: r.level === null ? [] : [{ text: r.level, source: 'x' }],
        issuedAt: `${r.year}-03-01T00:00:00.000Z`,
        trust: r.trust,
        achievementType: r.type,
      }),
    );
const badgesArb = (max: number) => fc.integer({ min: 0, max }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => badgeArb(`b${i}`))));

describe('pathway progress properties', () => {
  it('adding a badge never lowers progress', () => {
    fc.assert(
      fc.property(pathwayArb, badgesArb(7), badgeArb('new'), fc.boolean(), (p, bs, extra, countUnverified) => {
        const before = progress(p, bs, { now: NOW, countUnverified });
        const after = progress(p, [...bs, extra], { now: NOW, countUnverified });
        expect(before.exact && after.exact).toBe(true);
        expect(after.value).toBeGreaterThanOrEqual(before.value - 1e-9);
        expect(after.percent).toBeGreaterThanOrEqual(before.percent);
        if (before.complete) expect(after.complete).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('the order of the badges does not change the result', () => {
    fc.assert(
      fc.property(pathwayArb, badgesArb(7).chain((bs) => fc.tuple(fc.constant(bs), fc.shuffledSubarray(bs, { minLength: bs.length, maxLength: bs.length }))), (p, [bs, shuffled]) => {
        expect(progress(p, shuffled, { now: NOW })).toEqual(progress(p, bs, { now: NOW }));
      }),
      { numRuns: 300 },
    );
  });

  it('progress stays within 0–100 %, and is 100 % exactly when complete', () => {
    fc.assert(
      fc.property(pathwayArb, badgesArb(8), (p, bs) => {
        const r = progress(p, bs, { now: NOW });
        expect(r.percent).toBeGreaterThanOrEqual(0);
        expect(r.percent).toBeLessThanOrEqual(100);
        expect(r.value).toBeGreaterThanOrEqual(0);
        expect(r.value).toBeLessThanOrEqual(1 + 1e-12);
        expect(r.percent === 100).toBe(r.complete);
        if (r.ifVerified) expect(r.ifVerified.percent).toBeGreaterThanOrEqual(r.percent);
        for (const c of r.counted) expect(r.badges.find((b) => b.badge === c.badge)?.status).toBe('counted');
      }),
      { numRuns: 300 },
    );
  });

  it('the solver finds the best assignment (brute force on small cases)', () => {
    fc.assert(
      fc.property(
        pathwayArb,
        fc.array(fc.array(fc.tuple(fc.nat(20), fc.integer({ min: 1, max: 6 })), { maxLength: 3 }), { maxLength: 6 }),
        (p, raw) => {
          const plan = planOf(p);
          const leaves = plan.leaves.filter((l) => !l.shared).map((l) => l.index);
          if (leaves.length === 0) return;
          const units: SolveUnit[] = raw.map((opts) => {
            const seen = new Set<number>();
            return {
              options: opts.flatMap(([i, amount]) => {
                const leaf = leaves[i % leaves.length] ?? 0;
                if (seen.has(leaf)) return [];
                seen.add(leaf);
                return [{ leaf, amount: plan.leaves[leaf]?.node.kind === 'credits' ? amount : 1 }];
              }),
            };
          });
          const shared = new Float64Array(plan.leaves.length);
          const got = score(plan, { count: solve(plan, units, shared).count });
          let bestValue = 0;
          const count = new Float64Array(plan.leaves.length);
          const rec = (u: number): void => {
            if (u === units.length) {
              bestValue = Math.max(bestValue, score(plan, { count }).value);
              return;
            }
            rec(u + 1);
            for (const o of units[u]?.options ?? []) {
              count[o.leaf] = (count[o.leaf] ?? 0) + o.amount;
              rec(u + 1);
              count[o.leaf] = (count[o.leaf] ?? 0) - o.amount;
            }
          };
          rec(0);
          expect(got.value).toBeCloseTo(bestValue, 9);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('pathwayToJson → parsePathway gives the same pathway', () => {
    fc.assert(
      fc.property(pathwayArb, (p) => {
        const again = parsePathway(JSON.parse(JSON.stringify(pathwayToJson(p))));
        expect(again).toEqual({ ok: true, pathway: p });
      }),
      { numRuns: 200 },
    );
  });

  it('parsePathway never throws, on any JSON or text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.string(), fc.constant('{"pathwayVersion":1,"requirement":{"kind":"atLeast","n":3,"of":[]}}')), (v) => {
        const r = parsePathway(v as never); // why: any JSON value or text is valid input
        if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
