// progress(): every rule type over hand-built badge facts.
import { describe, expect, it } from 'vitest';
import { progress } from '../../../src/lib/stack/progress.ts';
import type { Progress } from '../../../src/lib/stack/report.ts';
import { EXPIRED, FORGED, INCOMPLETE, MOOC, NOW, REVOKED, UNI, ach, achievement, badge, pathway } from './helpers.ts';

const reasonsOf = (p: Progress, key: string, requirement: string) =>
  p.badges.find((b) => b.badge === key)?.requirements.find((r) => r.requirement === requirement)?.reasons.map((r) => r.code);
const statusOf = (p: Progress, key: string) => p.badges.find((b) => b.badge === key)?.status;

describe('achievement requirements', () => {
  const four = pathway({
    requirement: { kind: 'allOf', id: 'all', of: ['a', 'b', 'c', 'd'].map((k) => achievement(k, k)) },
  });

  it('all of four: met, missing and percent by leaves', () => {
    const p = progress(four, [badge('a'), badge('b'), badge('c')], { now: NOW });
    expect(p.complete).toBe(false);
    expect(p.percent).toBe(75);
    expect(p.counted.map((c) => [c.badge, c.requirement])).toEqual([['a', 'a'], ['b', 'b'], ['c', 'c']]);
    expect(p.missing).toEqual([{ requirement: 'd', title: null, need: { kind: 'achievement' } }]);
    const all = progress(four, [badge('a'), badge('b'), badge('c'), badge('d')], { now: NOW });
    expect([all.complete, all.percent, all.missing]).toEqual([true, 100, []]);
  });

  it('matches by alignment target code (and framework), and by title + issuer in any language or bilingual part', () => {
    const p = pathway({
      requirement: {
        kind: 'allOf',
        of: [
          { kind: 'achievement', id: 'code', match: { alignment: { targetCode: 'MDASH-Literacy', targetFramework: 'MEXT' } } },
          { kind: 'achievement', id: 'title', match: { title: ['Python Programming Fundamentals'], issuer: { id: MOOC } } },
          { kind: 'achievement', id: 'ja', match: { title: 'ＡＩ倫理', issuer: { name: 'Demo MOOC' } } },
        ],
      },
    });
    const aligned = badge('x', { alignments: [{ targetCode: 'mdash-literacy', targetUrl: null, targetName: 'Literacy', targetFramework: 'MEXT' }] });
    const python = badge('y', { issuer: { id: MOOC, names: [] }, titles: [{ text: 'Python プログラミング基礎 / Python Programming Fundamentals', lang: 'ja', source: 'achievement.name' }] });
    const ethics = badge('z', { issuer: { id: 'did:other', names: ['Demo MOOC'] }, titles: [{ text: 'AI倫理', lang: 'ja', source: 'achievement.name' }] });
    const r = progress(p, [aligned, python, ethics], { now: NOW });
    expect(r.complete).toBe(true);
    const wrongIssuer = badge('w', { issuer: { id: UNI, names: [] }, titles: python.titles });
    expect(statusOf(progress(p, [wrongIssuer], { now: NOW }), 'w')).toBe('not-relevant');
    const otherFramework = badge('v', { alignments: [{ ...aligned.alignments[0]!, targetFramework: 'ESCO' }] });
    expect(progress(p, [otherFramework], { now: NOW }).root.children[0]?.met).toBe(false);
  });

  it('an OB 3.0 related edition or a CLR equivalent id counts for the original id', () => {
    const p = pathway({ requirement: achievement('a', 'a') });
    expect(progress(p, [badge('ja-edition', { equivalentIds: [ach('a')] })], { now: NOW }).complete).toBe(true);
  });

  it('at least n of: the best n count, the rest are not needed; percent is the mean of the best n', () => {
    const p = pathway({ requirement: { kind: 'atLeast', id: 'electives', n: 2, of: ['a', 'b', 'c'].map((k) => achievement(k, k)) } });
    const one = progress(p, [badge('b')], { now: NOW });
    expect([one.percent, one.missing]).toEqual([50, [{ requirement: 'electives', title: null, need: { kind: 'atLeast', more: 1, options: ['a', 'c'] } }]]);
    const three = progress(p, [badge('a'), badge('b'), badge('c')], { now: NOW });
    expect(three.complete).toBe(true);
    expect(three.root.atLeast).toEqual({ n: 2, met: 3 });
  });

  it('nested groups weigh by their leaves; an explicit weight replaces that', () => {
    const doc = (weight?: number) =>
      pathway({
        requirement: {
          kind: 'allOf',
          of: [achievement('a', 'a'), { kind: 'allOf', id: 'g', ...(weight ? { weight } : {}), of: ['b', 'c', 'd'].map((k) => achievement(k, k)) }],
        },
      });
    expect(progress(doc(), [badge('a')], { now: NOW }).percent).toBe(25);
    expect(progress(doc(1), [badge('a')], { now: NOW }).percent).toBe(50);
  });

  it('two badges for one requirement: the most recent counts, the other is not needed', () => {
    const p = pathway({ requirement: { kind: 'allOf', of: [{ kind: 'achievement', id: 'x', match: [{ achievementId: ach('a') }, { achievementId: ach('b') }] }] } });
    const r = progress(p, [badge('a', { issuedAt: '2024-01-01T00:00:00.000Z' }), badge('b', { issuedAt: '2025-05-01T00:00:00.000Z' })], { now: NOW });
    expect(r.root.children[0]?.badges).toEqual(['b']);
    expect(reasonsOf(r, 'a', 'x')).toEqual(['ALREADY_MET']);
  });

  it('reports a badge that already holds the pathway achievement', () => {
    const p = pathway({ achievementId: ach('cert'), requirement: achievement('a', 'a') });
    expect(progress(p, [badge('cert')], { now: NOW }).held).toEqual(['cert']);
  });
});

describe('conditions', () => {
  const cond = (where: Record<string, unknown>) => pathway({ requirement: { ...achievement('a', 'a'), where } });
  const code = (where: Record<string, unknown>, b = badge('a')) => reasonsOf(progress(cond(where), [b], { now: NOW }), 'a', 'a') ?? [];

  it('recency: earned within N years of now, inherited from a group', () => {
    expect(code({ earnedWithinYears: 2 }, badge('a', { issuedAt: '2024-06-02T00:00:00.000Z' }))).toEqual(['COUNTED']);
    expect(code({ earnedWithinYears: 2 }, badge('a', { issuedAt: '2024-05-31T00:00:00.000Z' }))).toEqual(['TOO_OLD']);
    expect(code({ earnedWithinYears: 2 }, badge('a', { issuedAt: null }))).toEqual(['DATE_UNKNOWN']);
    const inherited = pathway({ requirement: { kind: 'allOf', where: { earnedWithinYears: 1 }, of: [achievement('a', 'a')] } });
    expect(reasonsOf(progress(inherited, [badge('a')], { now: NOW }), 'a', 'a')).toEqual(['TOO_OLD']);
  });

  it('issuer: exact id, id prefix or name', () => {
    expect(code({ issuer: { id: UNI } })).toEqual(['COUNTED']);
    expect(code({ issuer: { idStartsWith: 'https://uni.example.jp/' } })).toEqual(['COUNTED']);
    expect(code({ issuer: { name: ['example university'] } })).toEqual(['COUNTED']);
    expect(code({ issuer: { id: MOOC } })).toEqual(['WRONG_ISSUER']);
  });

  it('level: words, or a number after the framework name', () => {
    const eqf = badge('a', { levels: [{ text: 'EQF level 6', source: 'alignment' }] });
    expect(code({ level: { framework: 'EQF', min: 6 } }, eqf)).toEqual(['COUNTED']);
    expect(code({ level: { framework: 'EQF', min: 7 } }, eqf)).toEqual(['WRONG_LEVEL']);
    expect(code({ level: { framework: 'AQF', min: 6 } }, eqf)).toEqual(['LEVEL_UNKNOWN']);
    expect(code({ level: { anyOf: ['intermediate', '中級'] } }, badge('a', { levels: [{ text: '中級', source: 'x' }] }))).toEqual(['COUNTED']);
    expect(code({ level: { anyOf: ['advanced'] } }, badge('a', { levels: [{ text: 'Beginner', source: 'x' }] }))).toEqual(['WRONG_LEVEL']);
    expect(code({ level: { anyOf: ['advanced'] } })).toEqual(['LEVEL_UNKNOWN']);
  });

  it('achievement type and micro-credential', () => {
    expect(code({ achievementType: ['ext:MicroCredential'] })).toEqual(['COUNTED']);
    expect(code({ achievementType: 'Course' })).toEqual(['WRONG_TYPE']);
    expect(code({ microCredential: true }, badge('a', { microCredential: false, achievementType: 'Course' }))).toEqual(['NOT_MICRO_CREDENTIAL']);
  });
});

describe('verification and expiry', () => {
  const p = pathway({ requirement: { kind: 'allOf', of: [achievement('a', 'a'), achievement('b', 'b')] } });

  it('only verified badges count; an unverified one would count if verified', () => {
    const r = progress(p, [badge('a'), badge('b', { trust: INCOMPLETE })], { now: NOW });
    expect([r.percent, r.complete]).toEqual([50, false]);
    expect(statusOf(r, 'b')).toBe('would-count-if-verified');
    expect(reasonsOf(r, 'b', 'b')).toEqual(['NOT_VERIFIED']);
    expect(r.ifVerified).toMatchObject({ complete: true, percent: 100 });
    expect(progress(p, [badge('a'), badge('b', { trust: INCOMPLETE })], { now: NOW, countUnverified: true })).toMatchObject({ complete: true, ifVerified: null });
  });

  it('expired at verification, or by `now`, does not count unless the pathway accepts it', () => {
    const late = badge('b', { expiresAt: '2026-01-01T00:00:00.000Z' });
    expect(reasonsOf(progress(p, [badge('b', { trust: EXPIRED })], { now: NOW }), 'b', 'b')).toEqual(['EXPIRED']);
    expect(reasonsOf(progress(p, [late], { now: NOW }), 'b', 'b')).toEqual(['EXPIRED']);
    expect(reasonsOf(progress(p, [late], { now: '2025-06-01' }), 'b', 'b')).toEqual(['COUNTED']);
    const accepting = pathway({ requirement: achievement('b', 'b'), options: { acceptExpired: true } });
    expect(progress(accepting, [badge('b', { trust: EXPIRED })], { now: NOW }).complete).toBe(true);
  });

  it('revoked and forged badges never count, not even with countUnverified', () => {
    for (const [trust, reason] of [[REVOKED, 'REVOKED'], [FORGED, 'INVALID']] as const) {
      const r = progress(p, [badge('a', { trust })], { now: NOW, countUnverified: true });
      expect(reasonsOf(r, 'a', 'a')).toEqual([reason]);
      expect(r.ifVerified).toBeNull();
    }
  });

  it('an invalid `now` is a programming error', () => {
    expect(() => progress(p, [], { now: 'yesterday' })).toThrow(RangeError);
  });
});
