// progress(): double counting and credit requirements (units, conversion, caps) over hand-built badge facts.
import { describe, expect, it } from 'vitest';
import { progress } from '../../../src/lib/stack/progress.ts';
import type { Progress } from '../../../src/lib/stack/report.ts';
import { MOOC, NOW, UNI, ach, achievement, badge, pathway, reading } from './helpers.ts';

const reasonsOf = (p: Progress, key: string, requirement: string) =>
  p.badges.find((b) => b.badge === key)?.requirements.find((r) => r.requirement === requirement)?.reasons.map((r) => r.code);
const statusOf = (p: Progress, key: string) => p.badges.find((b) => b.badge === key)?.status;

describe('double counting', () => {
  const twoWays = (options: Record<string, unknown> = {}, share = false) =>
    pathway({
      requirement: {
        kind: 'allOf',
        of: [
          { ...achievement('by-id', 'a'), ...(share ? { shareBadges: true } : {}) },
          { kind: 'achievement', id: 'by-title', match: { title: 'Course a', issuer: { id: UNI } } },
        ],
      },
      options,
    });

  it('one badge fills one requirement only, by default', () => {
    const r = progress(twoWays(), [badge('a')], { now: NOW });
    expect(r.percent).toBe(50);
    const reasons = r.badges[0]?.requirements.map((x) => x.reasons[0]?.code).sort();
    expect(reasons).toEqual(['COUNTED', 'USED_ELSEWHERE']);
  });

  it('allowDoubleCounting, or shareBadges on a requirement, lets it count twice', () => {
    expect(progress(twoWays({ allowDoubleCounting: true }), [badge('a')], { now: NOW }).complete).toBe(true);
    expect(progress(twoWays({}, true), [badge('a')], { now: NOW }).complete).toBe(true);
  });

  it('chooses the assignment that meets the most: a badge goes where nothing else can', () => {
    // a fits X or Y; b fits only X. Greedy "a → X" would leave Y empty.
    const p = pathway({
      requirement: {
        kind: 'allOf',
        of: [
          { kind: 'achievement', id: 'X', match: [{ achievementId: ach('a') }, { achievementId: ach('b') }] },
          { kind: 'achievement', id: 'Y', match: { achievementId: ach('a') } },
        ],
      },
    });
    expect(progress(p, [badge('a'), badge('b')], { now: NOW }).complete).toBe(true);
  });

  it('past the search limit the best assignment found so far is used, and the result says so', () => {
    const leaves = ['a', 'b', 'c', 'd', 'e', 'f'].map((k) => ({ kind: 'achievement', id: k, match: ['a', 'b', 'c', 'd', 'e', 'f'].map((x) => ({ achievementId: ach(x) })) }));
    const p = pathway({ requirement: { kind: 'allOf', of: [...leaves, { kind: 'credits', id: 'pool', min: 100, unit: 'ECTS' }] } });
    const bs = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((k, i) => badge(k, { credit: reading(i + 1, 'ects'), ...(k === 'g' ? { achievementId: ach('a'), issuer: { id: MOOC, names: [] } } : {}) }));
    const exact = progress(p, bs, { now: NOW });
    const limited = progress(p, bs, { now: NOW, searchLimit: 1 });
    expect([exact.exact, limited.exact]).toEqual([true, false]);
    expect(limited.value).toBeLessThanOrEqual(exact.value);
    expect(limited.root.children.slice(0, 6).every((c) => c.met)).toBe(true);
  });

  it('two badges for the same achievement (a re-issue) count once', () => {
    const p = pathway({ requirement: { kind: 'credits', id: 'c', min: 4, unit: 'ECTS' } });
    const first = badge('a1', { achievementId: ach('a'), credit: reading(2, 'ects') });
    const reissue = badge('a2', { achievementId: ach('a'), credit: reading(2, 'ects'), issuedAt: '2025-06-01T00:00:00.000Z' });
    const r = progress(p, [first, reissue], { now: NOW });
    expect(r.root.credits?.counted).toBe(2);
    expect(reasonsOf(r, 'a1', 'c')).toEqual(['SAME_ACHIEVEMENT']);
  });

  it('a badge that could fill a requirement or add credit goes where it raises the total most', () => {
    const p = pathway({
      requirement: {
        kind: 'allOf',
        of: [achievement('core', 'a'), { kind: 'credits', id: 'electives', min: 2, unit: 'ECTS' }],
      },
    });
    const small = badge('a', { credit: reading(1, 'ects') });
    const big = badge('b', { achievementId: ach('a'), issuer: { id: 'did:other', names: [] }, credit: reading(3, 'ects') });
    const r = progress(p, [small, big], { now: NOW });
    expect(r.complete).toBe(true);
    expect(r.counted.map((c) => [c.badge, c.requirement])).toEqual([['a', 'core'], ['b', 'electives']]);
  });
});

describe('credits', () => {
  const credits = (rest: Record<string, unknown>, options: Record<string, unknown> = {}) => pathway({ requirement: { kind: 'credits', id: 'c', ...rest }, options });
  const counted = (p: ReturnType<typeof credits>, badges = [badge('x')]) => progress(p, badges, { now: NOW }).root.credits?.counted;

  it('the same unit counts as stated; other units go through hours, at the lower bound by default', () => {
    expect(counted(credits({ min: 10, unit: 'ECTS' }), [badge('x', { credit: reading(2, 'ects') })])).toBe(2);
    expect(counted(credits({ min: 10, unit: 'ECTS' }), [badge('x', { credit: reading(1, 'jp-tani') })])).toBe(1.5); // 45 h ÷ 30
    expect(counted(credits({ min: 10, unit: 'ECTS' }), [badge('x', { credit: reading(1, 'ucts') })])).toBe(1.26); // 38 h ÷ 30, rounded down
    expect(counted(credits({ min: 10, unit: '単位' }), [badge('x', { credit: reading(3, 'ects') })])).toBe(1.66); // 75 h ÷ 45
    expect(counted(credits({ min: 10, unit: 'UCTS' }), [badge('x', { credit: reading(1, 'jp-tani') })])).toBe(0.93); // 45 h ÷ 48
    expect(counted(credits({ min: 10, unit: 'hours' }), [badge('x', { credit: reading(2, 'ects') })])).toBe(50);
  });

  it('middle and upper conversions', () => {
    const ucts = [badge('x', { credit: reading(1, 'ucts') })];
    expect(counted(credits({ min: 10, unit: 'ECTS' }, { conversion: 'middle' }), ucts)).toBe(1.56); // 43 ÷ 27.5
    expect(counted(credits({ min: 10, unit: 'ECTS' }, { conversion: 'upper' }), ucts)).toBe(1.92); // 48 ÷ 25
    expect(counted(credits({ min: 10, unit: 'ECTS' }, { conversion: 'middle' }), [badge('x', { credit: reading([1, 2], 'ects') })])).toBe(1.5);
  });

  it('keeps the arithmetic: the stated words, the hours and both rules', () => {
    const r = progress(credits({ min: 3, unit: 'ECTS' }), [badge('x', { credit: reading(2, 'jp-tani', '2 単位') })], { now: NOW });
    expect(r.counted[0]?.amount).toEqual({
      value: 3,
      unit: 'ECTS',
      basis: 'credit',
      from: { amount: { min: 2, max: 2 }, unit: 'jp-tani', text: '2 単位', source: 'test' },
      via: { hours: { min: 90, max: 90 }, rule: 'JP_TANI_45', targetRule: 'ECTS_25_30', conversion: 'lower' },
    });
    expect(r.complete).toBe(true);
  });

  it('basis: credit wants a credit unit; effort reads learning hours; either falls back', () => {
    const hoursOnly = badge('x', { credit: reading(12, 'hours'), effort: reading(12, 'hours') });
    const bare = badge('y', { credit: reading(2, 'unknown') });
    const none = badge('z');
    const r = progress(credits({ min: 10, unit: 'ECTS' }), [hoursOnly, bare, none], { now: NOW });
    expect([reasonsOf(r, 'x', 'c'), reasonsOf(r, 'y', 'c'), reasonsOf(r, 'z', 'c')]).toEqual([['HOURS_NOT_CREDIT'], ['UNIT_UNKNOWN'], ['NO_CREDIT']]);
    expect(counted(credits({ min: 10, unit: 'hours' }), [hoursOnly])).toBe(12);
    expect(counted(credits({ min: 10, unit: 'ECTS', basis: 'effort' }), [badge('x', { effort: reading(60, 'hours') })])).toBe(2);
    expect(counted(credits({ min: 10, unit: 'ECTS', basis: 'either' }), [badge('x', { effort: reading(60, 'hours') })])).toBe(2);
  });

  it('a cap: at most so much counts; the badge past the cap is shown as over it', () => {
    const p = credits({ min: 5, cap: 5, unit: 'ECTS' });
    const bs = [badge('a', { credit: reading(3, 'ects') }), badge('b', { credit: reading(3, 'ects') }), badge('c', { credit: reading(2, 'ects') })];
    const r = progress(p, bs, { now: NOW });
    expect(r.root.credits?.counted).toBe(5);
    expect([reasonsOf(r, 'a', 'c'), reasonsOf(r, 'b', 'c'), reasonsOf(r, 'c', 'c')]).toEqual([['COUNTED'], ['PARTLY_COUNTED'], ['OVER_CAP']]);
    expect(r.counted.map((c) => c.counts)).toEqual([3, 2]);
  });

  it('recognition of prior learning inside a total: at most 10 of 30 from prior micro-credentials', () => {
    const p = pathway({
      requirement: {
        kind: 'credits',
        id: 'total',
        min: 30,
        unit: 'ECTS',
        of: [
          { kind: 'credits', id: 'own', min: 0, unit: 'ECTS', where: { issuer: { id: UNI } } },
          { kind: 'credits', id: 'rpl', min: 0, cap: 10, unit: 'ECTS', where: { issuer: { id: MOOC } } },
        ],
      },
    });
    const mooc = ['m1', 'm2', 'm3'].map((k) => badge(k, { issuer: { id: MOOC, names: [] }, credit: reading(5, 'ects') }));
    const own = badge('u1', { credit: reading(12, 'ects') });
    const r = progress(p, [...mooc, own], { now: NOW });
    expect(r.root.credits?.counted).toBe(22);
    expect(r.root.children.map((c) => c.credits?.counted)).toEqual([12, 10]);
    expect(r.percent).toBe(73);
    expect(r.missing).toEqual([{ requirement: 'total', title: null, need: { kind: 'credits', amount: 8, unit: 'ECTS' } }]);
    expect(reasonsOf(r, 'm3', 'rpl')).toEqual(['OVER_CAP']);
  });

  it('match limits a pool to named achievements', () => {
    const p = credits({ min: 4, unit: 'ECTS', match: [{ achievementId: ach('a') }, { achievementId: ach('b') }] });
    const r = progress(p, ['a', 'b', 'c'].map((k) => badge(k, { credit: reading(2, 'ects') })), { now: NOW });
    expect(r.complete).toBe(true);
    expect(statusOf(r, 'c')).toBe('not-relevant');
  });

  it('min 0 is met by nothing; percent is the credit fraction', () => {
    expect(progress(credits({ min: 0, unit: 'ECTS' }), [], { now: NOW })).toMatchObject({ complete: true, percent: 100 });
    expect(progress(credits({ min: 3, unit: 'ECTS' }), [badge('x', { credit: reading(2, 'ects') })], { now: NOW }).percent).toBe(66);
  });
});
