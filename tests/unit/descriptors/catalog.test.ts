import { describe, expect, it } from 'vitest';
import {
  DESCRIPTORS,
  DESCRIPTOR_IDS,
  EU_MANDATORY,
  MANDATORY_IDS,
  OPTIONAL_IDS,
  descriptorDef,
  isDescriptorId,
} from '../../../src/lib/descriptors/catalog.ts';

const norm = (s: string): string => s.normalize('NFKC').toLowerCase().replace(/[\s/・]/g, '');

describe('descriptor catalog', () => {
  it('has the 17 JV-Campus/JMOOC descriptors: 11 mandatory then 6 optional, in the framework order', () => {
    expect(DESCRIPTOR_IDS).toHaveLength(17);
    expect(MANDATORY_IDS).toEqual([
      'learner', 'dateOfIssuing', 'title', 'awardingBody', 'description', 'learningOutcomes',
      'formOfParticipation', 'learnerEffort', 'assessment', 'qualityAssurance', 'credit',
    ]);
    expect(OPTIONAL_IDS).toEqual(['country', 'language', 'level', 'certification', 'prerequisites', 'stackability']);
    expect(DESCRIPTORS.map((d) => d.id)).toEqual([...DESCRIPTOR_IDS]);
    expect(DESCRIPTORS.map((d) => d.number)).toEqual(DESCRIPTOR_IDS.map((_, i) => i + 1));
    for (const d of DESCRIPTORS) expect(d.required).toBe(MANDATORY_IDS.some((m) => m === d.id));
  });

  it.each(DESCRIPTOR_IDS)('%s has an English and a Japanese name and labels in both languages', (id) => {
    const d = descriptorDef(id);
    expect(d.name.en.trim()).not.toBe('');
    expect(d.name.ja.trim()).not.toBe('');
    expect(d.name.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/u); // Japanese script, not a copy of the English
    expect(d.labels.en.length).toBeGreaterThan(0);
    expect(d.labels.ja.length).toBeGreaterThan(0);
  });

  it('carries the labels Guideline 1.1 prints, English and Japanese', () => {
    const en = new Set(DESCRIPTORS.flatMap((d) => d.labels.en.map(norm)));
    const ja = new Set(DESCRIPTORS.flatMap((d) => d.labels.ja.map(norm)));
    for (const l of ['Learning outcomes', 'Language', 'Form of participation', 'Learner Effort', 'Type of assessment',
      'Type of quality assurance', 'Level', 'Certification', 'Credit/ Other Recognition', 'Prerequisites needed to enroll', 'Stackability']) {
      expect(en.has(norm(l)), l).toBe(true);
    }
    for (const l of ['学修成果', '言語', '授業の方法', '学習量', '総学習時間', '評価の方法', '質保証', 'レベル', '認証', '単位/その他の認定', '履修条件', '積み上げ']) {
      expect(ja.has(norm(l)), l).toBe(true);
    }
  });

  it('never gives one label to two descriptors', () => {
    const owner = new Map<string, string>();
    for (const d of DESCRIPTORS) {
      for (const l of [...d.labels.en, ...d.labels.ja]) {
        const k = norm(l);
        const prev = owner.get(k);
        if (prev !== undefined) expect(prev, `${l} is used by ${prev} and ${d.id}`).toBe(d.id);
        owner.set(k, d.id);
      }
    }
  });

  it('maps the EU Annex I mandatory elements onto our ids', () => {
    expect(EU_MANDATORY).toHaveLength(11);
    for (const id of EU_MANDATORY) expect(isDescriptorId(id)).toBe(true);
    expect(isDescriptorId('grade')).toBe(false);
    expect(isDescriptorId('__proto__')).toBe(false);
  });
});
