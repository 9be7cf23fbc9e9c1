/** The one definition of "is this a micro-credential" (issue 14): src/lib/descriptors/micro-credential.ts. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DESCRIPTOR_IDS, MANDATORY_IDS, type DescriptorId } from '../../../src/lib/descriptors/catalog.ts';
import { extractDescriptors } from '../../../src/lib/descriptors/extract.ts';
import { mcText } from '../../../src/lib/descriptors/i18n.ts';
import { judgeMicroCredential, type McInput } from '../../../src/lib/descriptors/micro-credential.ts';
import type { McSignal } from '../../../src/lib/descriptors/sources.ts';
import { marksOf } from '../../../src/lib/wallet/marks.ts';
import { badgeFacts } from '../../../src/lib/stack/facts.ts';
import { load } from './load.ts';

const declared: McSignal = { kind: 'achievementType', source: 'achievement.achievementType', value: 'MicroCredential' };
const input = (present: readonly DescriptorId[], more: Partial<McInput> = {}): McInput => {
  const set = new Set(present);
  return { hasAchievement: true, present: set, signals: [], jvMissing: MANDATORY_IDS.filter((id) => !set.has(id)), euMissing: ['country'], ...more };
};
const demo = (f: string) => JSON.parse(readFileSync(new URL(`../../../public/demo/${f}`, import.meta.url), 'utf8')) as Parameters<typeof extractDescriptors>[0];

describe('judgeMicroCredential', () => {
  it('a full JV-Campus/JMOOC set is a micro-credential, said or not', () => {
    expect(judgeMicroCredential(input(MANDATORY_IDS))).toMatchObject({ isMicroCredential: true, code: 'DESCRIBED', sets: ['jv'] });
    expect(judgeMicroCredential(input(MANDATORY_IDS, { signals: [declared] }))).toMatchObject({ isMicroCredential: true, code: 'DECLARED_AND_DESCRIBED' });
  });

  it('a full EU set alone also makes one', () => {
    expect(judgeMicroCredential(input(['assessment'], { euMissing: [] }))).toMatchObject({ isMicroCredential: true, code: 'DESCRIBED', sets: ['eu'] });
    expect(judgeMicroCredential(input(DESCRIPTOR_IDS, { euMissing: [] })).sets).toEqual(['jv', 'eu']);
  });

  it('saying so is enough with assessed learning, even when descriptors are missing', () => {
    const j = judgeMicroCredential(input(['learningOutcomes'], { signals: [declared] }));
    expect(j).toMatchObject({ isMicroCredential: true, code: 'DECLARED' });
    expect(j.missing).toContain('credit');
  });

  it('a participation badge is not one, even when it says so', () => {
    expect(judgeMicroCredential(input(['title', 'awardingBody'], { signals: [declared] }))).toMatchObject({ isMicroCredential: false, code: 'PARTICIPATION' });
  });

  it('neither said nor described: not one; no achievement: not one', () => {
    expect(judgeMicroCredential(input(['assessment', 'title']))).toMatchObject({ isMicroCredential: false, code: 'NOT_DECLARED' });
    expect(judgeMicroCredential(input(MANDATORY_IDS, { hasAchievement: false }))).toMatchObject({ isMicroCredential: false, code: 'NO_ACHIEVEMENT', sets: [] });
  });

  it('says why in both languages, with the sets it states in full', () => {
    const both = judgeMicroCredential(input(DESCRIPTOR_IDS, { euMissing: [], signals: [declared] }));
    expect(mcText(both, 'en')).toEqual({
      answer: 'Yes',
      reason: 'It calls itself a micro-credential and states every mandatory descriptor of the JV-Campus/JMOOC and EU sets.',
      statedBy: 'its type is “Micro-credential”',
    });
    expect(mcText(both, 'ja')).toEqual({
      answer: '該当',
      reason: 'マイクロクレデンシャルと明記され、JV-Campus/JMOOCとEUの必須記述項目がすべて記載されています。',
      statedBy: '種類がマイクロクレデンシャルと指定されている',
    });
    expect(mcText(judgeMicroCredential(input([])), 'ja').answer).toBe('非該当');
  });
});

describe('every place that decides it agrees (panel, wallet mark, pathways, inspect)', () => {
  it('the demo course that states every descriptor is a micro-credential everywhere (it said "No" above "meets the set" before)', () => {
    const cred = demo('04-sdgs.json');
    const r = extractDescriptors(cred);
    expect(r.framework.verdict.code).toBe('MEETS_JV_SET');
    expect(r.framework.microCredential.code).toBe('DESCRIBED');
    expect(r.framework.isMicroCredential).toBe(true);
    expect(marksOf(cred).micro).toBe(true);
    expect(badgeFacts(cred, null).map((b) => b.microCredential)).toEqual([true]);
  });

  it('a participation badge is not, everywhere', () => {
    const cred = load('descriptors/ob3-participation.json');
    expect(extractDescriptors(cred).framework.microCredential.code).toBe('PARTICIPATION');
    expect(marksOf(cred).micro).toBe(false);
    expect(badgeFacts(cred, null).map((b) => b.microCredential)).toEqual([false]);
  });
});

describe('credit is never hours', () => {
  it('"Certificate of completion (12 hours)" under Credit / Other recognition is no credit', () => {
    const r = extractDescriptors(demo('04-sdgs.json'));
    expect(r.readings.credit.map((x) => x.unit)).toEqual(['hours', 'hours']);
    expect(r.credit).toBeNull();
    expect(marksOf(demo('04-sdgs.json')).credit).toBeNull();
  });

  it('"1 credit (45 hours)" with 1 単位 and creditsAvailable 1: the credit is 1 単位 (45 hours by its rule), not "45 hours"', () => {
    const r = extractDescriptors(demo('03-academic-writing.json'));
    expect(r.credit).toMatchObject({ unit: 'jp-tani', amount: { min: 2, max: 2 }, hours: { min: 90, max: 90 }, rule: 'JP_TANI_45' });
  });
});
