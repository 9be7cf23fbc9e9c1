import { describe, expect, it } from 'vitest';
import { DESCRIPTOR_IDS, MANDATORY_IDS, type DescriptorId } from '../../../src/lib/descriptors/catalog.ts';
import { checkFrameworks, type FrameworkInput } from '../../../src/lib/descriptors/framework.ts';
import type { McSignal } from '../../../src/lib/descriptors/sources.ts';

const input = (present: readonly DescriptorId[], more: Partial<FrameworkInput> = {}): FrameworkInput => ({
  present: new Set(present),
  hasAchievement: true,
  creditWithUnit: false,
  signals: [],
  euSupervision: false,
  euGrade: false,
  ...more,
});
const without = (...ids: DescriptorId[]): DescriptorId[] => DESCRIPTOR_IDS.filter((id) => !ids.includes(id));

describe('framework checks', () => {
  it('all 17 present: meets both sets', () => {
    const f = checkFrameworks(input(DESCRIPTOR_IDS));
    expect(f).toMatchObject({ mandatoryPresent: 11, mandatoryTotal: 11, missing: [], verdict: { code: 'MEETS_JV_SET' } });
    expect(f.optionalPresent).toHaveLength(6);
    expect(f.eu.verdict).toEqual({ code: 'MEETS_EU_SET' });
  });

  it('only the 11 mandatory: meets the JV set; the EU set also needs country and level', () => {
    const f = checkFrameworks(input(MANDATORY_IDS));
    expect(f.verdict).toEqual({ code: 'MEETS_JV_SET' });
    expect(f.eu.missing).toEqual(['country', 'level']);
  });

  it('missing some: lists them in framework order', () => {
    const f = checkFrameworks(input(without('credit', 'assessment')));
    expect(f.verdict).toEqual({ code: 'MISSING', missing: ['assessment', 'credit'] });
    expect(f.mandatoryPresent).toBe(9);
  });

  it('no assessment and no learning outcomes: a participation badge', () => {
    const f = checkFrameworks(input(without('assessment', 'learningOutcomes')));
    expect(f.verdict).toEqual({ code: 'PARTICIPATION_ONLY', missing: ['learningOutcomes', 'assessment'] });
    expect(f.eu.verdict.code).toBe('PARTICIPATION_ONLY');
  });

  it('no achievement data: no verdict on the descriptors', () => {
    const f = checkFrameworks(input(['learner', 'dateOfIssuing'], { hasAchievement: false }));
    expect(f.verdict).toEqual({ code: 'NO_ACHIEVEMENT_DATA' });
    expect(f.eu.verdict).toEqual({ code: 'NO_ACHIEVEMENT_DATA' });
    expect(f.missing).toHaveLength(9);
  });

  it('EU notional workload is met by credit with a known unit', () => {
    expect(checkFrameworks(input(without('learnerEffort'))).eu.missing).toEqual(['learnerEffort']);
    expect(checkFrameworks(input(without('learnerEffort'), { creditWithUnit: true })).eu.missing).toEqual([]);
  });

  it('is a micro-credential by the one definition (micro-credential.ts); EU optional elements are reported', () => {
    const signal: McSignal = { kind: 'achievementType', source: 'achievement.achievementType', value: 'MicroCredential' };
    expect(checkFrameworks(input([])).isMicroCredential).toBe(false);
    // Saying so is not enough for a participation badge (no outcomes, no assessment)…
    expect(checkFrameworks(input([], { signals: [signal] })).isMicroCredential).toBe(false);
    // …but is with assessed learning.
    expect(checkFrameworks(input(['assessment'], { signals: [signal] })).microCredential.code).toBe('DECLARED');
    expect(checkFrameworks(input(MANDATORY_IDS)).microCredential).toMatchObject({ isMicroCredential: true, code: 'DESCRIBED', sets: ['jv'] });
    expect(checkFrameworks(input(['prerequisites'], { euSupervision: true, euGrade: true })).eu.optional).toEqual({
      prerequisites: true,
      supervision: true,
      grade: true,
      stackability: false,
    });
  });
});
