/** Badges written the way Guideline 1.1 describes (tests/fixtures/descriptors/, written for this project). */
import { describe, expect, it } from 'vitest';
import type { DescriptorId } from '../../../src/lib/descriptors/catalog.ts';
import { extractDescriptors } from '../../../src/lib/descriptors/extract.ts';
import { toDescriptorsJson } from '../../../src/lib/descriptors/inspect-json.ts';
import { verdictText } from '../../../src/lib/descriptors/i18n.ts';
import { load } from './load.ts';

const read = (file: string) => extractDescriptors(load(`descriptors/${file}`));
const at = (r: ReturnType<typeof read>, id: DescriptorId) => toDescriptorsJson(r).descriptors[id];

describe('OB 2.0, English, the Guideline run-on form', () => {
  const r = read('ob2-guideline-en.json');
  const j = toDescriptorsJson(r);

  it('places all eleven criteria descriptors, each with its label as the source', () => {
    expect(j.descriptors.learningOutcomes).toEqual({
      value: 'Learners can load, clean and summarise a tabular data set with Python and explain the results in a short report.',
      source: 'badge.criteria.narrative#Learning outcomes',
    });
    expect(j.descriptors.language).toEqual({ value: 'English', source: 'badge.criteria.narrative#Language' });
    expect(j.descriptors.formOfParticipation?.value).toBe('Online, asynchronous (on-demand videos and weekly exercises)');
    expect(j.descriptors.learnerEffort).toEqual({
      value: '45 hours in total, including 15 hours of video lectures',
      source: 'badge.criteria.narrative#Learner Effort',
    });
    expect(j.descriptors.credit).toEqual({ value: '1 credit (UCTS)', source: 'badge.criteria.narrative#Credit/ Other Recognition' });
    expect(j.descriptors.prerequisites?.value).toBe('None');
    expect(j.descriptors.stackability?.value).toMatch(/^Can be combined with "Applied Data Science"/);
    expect(r.unplaced).toEqual([]);
  });

  it('takes the six fields the Guideline maps to OB 2.0 properties from them', () => {
    expect(j.descriptors.learner?.source).toBe('recipient.identity');
    expect(j.descriptors.dateOfIssuing).toEqual({ value: '2025-03-31T00:00:00+09:00', source: 'issuedOn' });
    expect(j.descriptors.title).toEqual({ value: 'Introduction to Data Science', source: 'badge.name' });
    expect(j.descriptors.awardingBody).toEqual({ value: 'Example University', source: 'badge.issuer.name' });
    expect(j.descriptors.description?.source).toBe('badge.description');
    expect(j.descriptors.country).toBeNull();
  });

  it('normalises effort and credit to hours with the rule', () => {
    expect(j.effortHours).toEqual({ min: 45, max: 45 });
    expect(r.effort).toMatchObject({ rule: 'HOURS', text: '45 hours', original: '45 hours in total, including 15 hours of video lectures' });
    expect(j.creditHours).toEqual({ min: 38, max: 48 });
    expect(r.credit).toMatchObject({ unit: 'ucts', rule: 'UCTS_38_48', text: '1 credit (UCTS)' });
  });

  it('meets the JV-Campus/JMOOC set; presents itself as a micro-credential; EU lacks the country', () => {
    expect(j.framework).toMatchObject({ mandatoryPresent: 11, missing: [], isMicroCredential: true, verdict: { code: 'MEETS_JV_SET' } });
    expect(r.framework.microCredentialSignals.map((s) => s.kind)).toEqual(['imageCaption', 'certification']);
    expect(j.framework.eu.missing).toEqual(['country']);
    expect(verdictText(r.framework.verdict, 'en')).toBe('meets the JV-Campus/JMOOC descriptor set');
  });
});

describe('OB 2.0, Japanese, one label per line with full-width colons and digits', () => {
  const r = read('ob2-guideline-ja.json');
  const j = toDescriptorsJson(r);

  it('places every Japanese label', () => {
    expect(j.descriptors.learningOutcomes).toEqual({ value: 'Pythonを用いて基本的なデータの集計と可視化ができる。', source: 'badge.criteria.narrative#学修成果' });
    expect(j.descriptors.language).toEqual({ value: '日本語', source: 'badge.criteria.narrative#言語' });
    expect(j.descriptors.formOfParticipation?.value).toBe('オンライン（オンデマンド型）');
    expect(j.descriptors.assessment?.source).toBe('badge.criteria.narrative#評価の方法');
    expect(j.descriptors.qualityAssurance?.value).toBe('本学の内部質保証方針に基づく https://example.jp/qa');
    expect(j.descriptors.level?.value).toBe('学部初年次');
    expect(j.descriptors.certification?.source).toBe('badge.criteria.narrative#認証');
    expect(j.descriptors.credit).toEqual({ value: '２単位', source: 'badge.criteria.narrative#単位／その他の認定' });
    expect(j.descriptors.prerequisites?.value).toBe('なし');
    expect(j.descriptors.stackability?.source).toBe('badge.criteria.narrative#積み上げ');
  });

  it('reads the total study hours, not the class hours inside it, and 2 単位 as 90 hours', () => {
    expect(j.descriptors.learnerEffort?.value).toBe('総学習時間 ９０時間（うち動画視聴３０時間）');
    expect(j.effortHours).toEqual({ min: 90, max: 90 });
    expect(j.creditHours).toEqual({ min: 90, max: 90 });
    expect(r.credit?.rule).toBe('JP_TANI_45');
  });

  it('meets the set, and the title says マイクロクレデンシャル', () => {
    expect(j.framework).toMatchObject({ mandatoryPresent: 11, isMicroCredential: true, verdict: { code: 'MEETS_JV_SET' } });
    expect(r.framework.microCredentialSignals[0]).toMatchObject({ kind: 'title', source: 'badge.name' });
    expect(verdictText(r.framework.verdict, 'ja')).toBe('JV-Campus/JMOOCの必須記述項目がすべて記載されています');
  });
});

describe('OB 3.0, Japanese bracket labels, some labels missing', () => {
  const r = read('ob3-guideline-ja-brackets.json');
  const j = toDescriptorsJson(r);

  it('reads 【】 labels behind ■ bullets, with a Markdown list as a value', () => {
    expect(j.descriptors.learningOutcomes).toEqual({
      value: '- 統計の基礎概念を説明できる\n- 表計算ソフトで基本統計量を求められる',
      source: 'achievement.criteria.narrative#学修成果',
    });
    expect(j.descriptors.learnerEffort).toEqual({ value: '30時間', source: 'achievement.criteria.narrative#総学習時間' });
    expect(j.descriptors.stackability?.value).toBe('不可');
    expect(r.unplaced.map((u) => u.text)).toEqual(['本マイクロクレデンシャルは、以下の要件を満たした学習者に授与されます。']);
  });

  it('fills missing labels from native OB 3.0 fields and says where', () => {
    expect(j.descriptors.learner).toEqual({ value: 'S2025-0042', source: 'credentialSubject.identifier[0]' });
    expect(j.descriptors.language).toEqual({ value: 'ja', source: 'achievement.inLanguage' });
    expect(j.descriptors.country).toEqual({ value: '日本', source: 'issuer.address.addressCountry' });
    expect(j.descriptors.certification).toEqual({ value: 'MicroCredential', source: 'achievement.achievementType' });
    expect(j.descriptors.level).toBeNull();
    expect(j.descriptors.prerequisites).toBeNull();
  });

  it('takes the unit of creditsAvailable from the credit text (UCTS), never assumes it', () => {
    const available = r.readings.credit.find((x) => x.source === 'achievement.creditsAvailable');
    expect(available).toMatchObject({ unit: 'ucts', hours: { min: 38, max: 48 }, unitSource: 'achievement.criteria.narrative#単位/その他の認定' });
    expect(j.creditHours).toEqual({ min: 38, max: 48 });
  });

  it('is a micro-credential by its achievementType and meets the set', () => {
    expect(r.framework.microCredentialSignals).toEqual([
      { kind: 'achievementType', source: 'achievement.achievementType', value: 'MicroCredential' },
    ]);
    expect(j.framework.verdict).toEqual({ code: 'MEETS_JV_SET' });
  });
});

describe('OB 3.0, English Markdown', () => {
  const r = read('ob3-guideline-en-markdown.json');
  const j = toDescriptorsJson(r);

  it('reads headings and bold list labels; a range of hours; the unit from the label qualifier', () => {
    expect(j.descriptors.learningOutcomes?.value).toBe('- Explain the principles of open licensing\n- Choose a licence for a learning resource');
    expect(j.descriptors.formOfParticipation?.value).toBe('Online, synchronous (weekly live sessions)');
    expect(j.effortHours).toEqual({ min: 20, max: 25 });
    expect(j.descriptors.credit).toEqual({ value: '1', source: 'achievement.criteria.narrative#Credit' });
    expect(r.credit).toMatchObject({ unit: 'ects', rule: 'ECTS_25_30', unitSource: 'achievement.criteria.narrative#Credit (ECTS)' });
    expect(j.creditHours).toEqual({ min: 25, max: 30 });
  });

  it('shows the preamble and the unknown "## Notes" section as unplaced', () => {
    expect(r.unplaced).toEqual([
      { text: 'Awarded to learners who completed all four units and passed the final assessment.', source: 'achievement.criteria.narrative', heading: null },
      { text: '## Notes\nParticipants receive their badge within two weeks.', source: 'achievement.criteria.narrative', heading: 'Notes' },
    ]);
  });

  it('the image caption says micro-credential; EU lacks only the level', () => {
    expect(j.framework.isMicroCredential).toBe(true);
    expect(j.framework.verdict).toEqual({ code: 'MEETS_JV_SET' });
    expect(j.framework.eu).toMatchObject({ missing: ['level'], verdict: { code: 'MISSING', missing: ['level'] } });
  });
});

describe('OB 3.0, labels inside running text and in lower case', () => {
  const r = read('ob3-labels-in-text.json');
  const j = toDescriptorsJson(r);

  it('splits the description: its first sentence is the description, the labelled parts are descriptors', () => {
    expect(j.descriptors.description).toEqual({ value: 'A short course on research data management.', source: 'achievement.description' });
    expect(j.descriptors.learningOutcomes).toEqual({
      value: 'Participants can write a data management plan for their own project.',
      source: 'achievement.description#Learning outcomes',
    });
    expect(j.descriptors.language).toEqual({ value: 'English and Dutch.', source: 'achievement.description#Language' });
  });

  it('accepts lower-case labels at the start of a line', () => {
    expect(j.descriptors.formOfParticipation).toEqual({ value: 'online, self-paced', source: 'achievement.criteria.narrative#form of participation' });
    expect(j.descriptors.qualityAssurance?.source).toBe('achievement.criteria.narrative#quality assurance');
  });

  it('an issuer given only as an IRI still names the awarding body', () => {
    expect(j.descriptors.awardingBody).toEqual({ value: 'https://badges.example.org/issuers/rdm', source: 'issuer' });
  });

  it('effort written as ECTS with hours: the hours are used for effort, ECTS for credit', () => {
    expect(j.effortHours).toEqual({ min: 50, max: 60 });
    expect(r.effort?.rule).toBe('HOURS');
    expect(j.creditHours).toEqual({ min: 50, max: 60 });
    expect(r.credit?.rule).toBe('ECTS_25_30');
  });

  it('does not call itself a micro-credential but carries every mandatory descriptor: it is one (micro-credential.ts)', () => {
    expect(r.framework.microCredentialSignals).toEqual([]);
    expect(j.framework.verdict.code).toBe('MEETS_JV_SET');
    expect(r.framework.microCredential).toMatchObject({ isMicroCredential: true, code: 'DESCRIBED' });
    expect(j.framework.isMicroCredential).toBe(true);
  });
});

describe('a participation badge', () => {
  const r = read('ob3-participation.json');
  const j = toDescriptorsJson(r);

  it('has no assessment and no learning outcomes: a participation badge, not an assessed micro-credential', () => {
    expect(j.descriptors.assessment).toBeNull();
    expect(j.descriptors.learningOutcomes).toBeNull();
    expect(j.framework.verdict.code).toBe('PARTICIPATION_ONLY');
    expect(verdictText(r.framework.verdict, 'en')).toBe('a participation badge, not an assessed micro-credential');
    expect(verdictText(r.framework.verdict, 'ja')).toBe('参加証明のバッジです。学修成果の評価を伴うマイクロクレデンシャルではありません。');
    expect(j.framework.eu.verdict.code).toBe('PARTICIPATION_ONLY');
    expect(r.unplaced.map((u) => u.text)).toEqual(['Attend the live webinar.']);
  });
});

describe('numbers without units', () => {
  const r = read('ob2-units-unknown.json');
  const j = toDescriptorsJson(r);

  it('reports the numbers and converts nothing', () => {
    expect(j.descriptors.learnerEffort).toEqual({ value: '30', source: 'badge.criteria.narrative#Learner Effort' });
    expect(j.effortHours).toBeNull();
    expect(j.creditHours).toBeNull();
    expect(r.readings.effort).toMatchObject([{ amount: { min: 30, max: 30 }, unit: 'unknown', hours: null, rule: null }]);
    expect(r.readings.credit).toMatchObject([{ amount: { min: 2, max: 2 }, unit: 'unknown', hours: null }]);
  });

  it('keeps a line that is not a label with the value before it (nothing is lost)', () => {
    expect(j.descriptors.credit?.value).toBe('2\nLevel - advanced');
    expect(j.descriptors.level).toBeNull();
  });

  it('missing form of participation and quality assurance', () => {
    expect(j.framework).toMatchObject({ mandatoryPresent: 9, missing: ['formOfParticipation', 'qualityAssurance'], isMicroCredential: true });
    expect(verdictText(r.framework.verdict, 'en')).toBe('missing: Form of participation, Type of quality assurance');
    expect(at(r, 'learningOutcomes')?.source).toBe('badge.criteria.narrative#learning outcomes');
  });
});
