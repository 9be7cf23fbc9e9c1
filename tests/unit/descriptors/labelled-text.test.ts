import { describe, expect, it } from 'vitest';
import { MAX_PARSE_LENGTH, parseLabelledText, type LabelledText } from '../../../src/lib/descriptors/labelled-text.ts';

/** id → value, for segments in order. */
const pairs = (r: LabelledText): [string, string][] => r.segments.map((s) => [s.id, s.value]);
const unplaced = (r: LabelledText): string[] => r.unplaced.map((u) => u.text);

describe('labelled text: the Guideline 1.1 forms', () => {
  it('reads the English run-on form on one line, `Label : value` after `Label : value`', () => {
    const r = parseLabelledText(
      'Learning outcomes : Explain X and do Y. Language : Japanese Form of participation : Online Learner Effort : 30 hours ' +
        'Type of assessment : Quiz Type of quality assurance : Internal QA Level : Undergraduate Certification : Digital badge ' +
        'Credit/ Other Recognition : 1 credit (UCTS) Prerequisites needed to enroll : None Stackability : Yes, towards the certificate',
    );
    expect(pairs(r)).toEqual([
      ['learningOutcomes', 'Explain X and do Y.'],
      ['language', 'Japanese'],
      ['formOfParticipation', 'Online'],
      ['learnerEffort', '30 hours'],
      ['assessment', 'Quiz'],
      ['qualityAssurance', 'Internal QA'],
      ['level', 'Undergraduate'],
      ['certification', 'Digital badge'],
      ['credit', '1 credit (UCTS)'],
      ['prerequisites', 'None'],
      ['stackability', 'Yes, towards the certificate'],
    ]);
    expect(r.unplaced).toEqual([]);
    expect(r.segments.map((s) => s.label)).toContain('Credit/ Other Recognition');
  });

  it('reads Japanese labels with full-width and ASCII colons, one per line, in any order', () => {
    const r = parseLabelledText('言語：日本語\n学修成果: データを集計できる。\r\n評価の方法：レポート\n単位／その他の認定：２単位\n総学習時間：45時間');
    expect(pairs(r)).toEqual([
      ['language', '日本語'],
      ['learningOutcomes', 'データを集計できる。'],
      ['assessment', 'レポート'],
      ['credit', '２単位'],
      ['learnerEffort', '45時間'],
    ]);
  });

  it('reads Markdown headings, bold labels, list items and numbered items', () => {
    const r = parseLabelledText(
      '## Learning outcomes\n- explain A\n- do B\n\n**Language:** English\n- **Form of participation**: online\n1. Type of assessment: exam\n### Level\nMaster',
    );
    expect(pairs(r)).toEqual([
      ['learningOutcomes', '- explain A\n- do B'],
      ['language', 'English'],
      ['formOfParticipation', 'online'],
      ['assessment', 'exam'],
      ['level', 'Master'],
    ]);
    expect(r.segments.map((s) => s.form)).toEqual(['heading', 'colon', 'colon', 'colon', 'heading']);
  });

  it('reads Japanese bracket labels, with or without a bullet or colon', () => {
    const r = parseLabelledText('■【学修成果】\n・統計を説明できる\n【授業の方法】対面\n［評価の方法］：試験\n【メモ】これはラベルではない');
    expect(pairs(r)).toEqual([
      ['learningOutcomes', '・統計を説明できる'],
      ['formOfParticipation', '対面'],
      ['assessment', '試験'],
    ]);
    expect(r.unplaced).toMatchObject([{ text: '【メモ】これはラベルではない', heading: 'メモ' }]);
  });

  it('reads a label alone on its line, the value on the following lines', () => {
    const r = parseLabelledText('Learning outcomes\nYou can do A.\nYou can do B.\n学修成果\nAができる');
    expect(pairs(r)).toEqual([
      ['learningOutcomes', 'You can do A.\nYou can do B.'],
      ['learningOutcomes', 'Aができる'],
    ]);
  });

  it('keeps a parenthesised qualifier after the label (it may carry the unit)', () => {
    const r = parseLabelledText('Credit (ECTS): 2\n学習量（時間）：30\nLanguage(s): English, Japanese');
    expect(r.segments.map((s) => [s.id, s.qualifier, s.value])).toEqual([
      ['credit', 'ECTS', '2'],
      ['learnerEffort', '時間', '30'],
      ['language', null, 'English, Japanese'],
    ]);
  });

  it('drops one separator between run-on values, and only there', () => {
    const r = parseLabelledText('Language: English; Level: 2;');
    expect(pairs(r)).toEqual([
      ['language', 'English'],
      ['level', '2;'],
    ]);
  });
});

describe('labelled text: what is not a label', () => {
  it('keeps text before the first label as unplaced preamble', () => {
    const r = parseLabelledText('Complete all four units.\n\nLanguage: English');
    expect(unplaced(r)).toEqual(['Complete all four units.']);
    expect(r.unplaced[0]?.preamble).toBe(true);
  });

  it('with no labels at all, everything is unplaced', () => {
    const text = 'Team members are nominated for this badge by their peers.';
    expect(parseLabelledText(text)).toEqual({ segments: [], unplaced: [{ text, start: 0, end: text.length, preamble: true, heading: null }] });
    expect(parseLabelledText('')).toEqual({ segments: [], unplaced: [] });
    expect(parseLabelledText(' \n\t ')).toEqual({ segments: [], unplaced: [] });
  });

  it('finds Guideline labels inside other text, but not lower-case words in a sentence', () => {
    const r = parseLabelledText('This course is great. Learning outcomes: you can do X. The course covers the learning outcomes: A and B.');
    expect(pairs(r)).toEqual([['learningOutcomes', 'you can do X. The course covers the learning outcomes: A and B.']]);
    expect(unplaced(r)).toEqual(['This course is great.']);
  });

  it('takes other aliases mid-line only after the end of a sentence', () => {
    const r = parseLabelledText('Course Content: blah. The level: fine. Assessment: test');
    expect(pairs(r)).toEqual([['assessment', 'test']]);
    expect(unplaced(r)).toEqual(['Course Content: blah. The level: fine.']);
  });

  it('needs a word boundary on the left, and on the right of Latin labels', () => {
    expect(parseLabelledText('Levels: 3').segments).toEqual([]);
    expect(parseLabelledText('Multilevel: 3').segments).toEqual([]);
    expect(parseLabelledText('使用するプログラミング言語：Python').segments).toEqual([]);
    expect(pairs(parseLabelledText('使用言語：英語'))).toEqual([['language', '英語']]);
  });

  it('does not split at the colon of a URL or a time', () => {
    const r = parseLabelledText('Type of quality assurance: https://example.org/qa at 10:30');
    expect(pairs(r)).toEqual([['qualityAssurance', 'https://example.org/qa at 10:30']]);
  });

  it('ends a labelled value at an unknown heading of the same rank, keeping sub-headings inside', () => {
    const r = parseLabelledText('## Learning outcomes\n### Knowledge\n- a\n## Requirements\nPass the exam\n## Language\nEnglish');
    expect(pairs(r)).toEqual([
      ['learningOutcomes', '### Knowledge\n- a'],
      ['language', 'English'],
    ]);
    expect(r.unplaced).toMatchObject([{ text: '## Requirements\nPass the exam', heading: 'Requirements', preamble: false }]);
  });

  it('keeps repeated and empty labels as they are', () => {
    const r = parseLabelledText('Language: English\nLevel:\nLanguage: Japanese');
    expect(pairs(r)).toEqual([
      ['language', 'English'],
      ['level', ''],
      ['language', 'Japanese'],
    ]);
  });

  it('records offsets that point at the text as written', () => {
    const text = '前文\n- **学修成果**：Ａができる\n言語 : 日本語';
    const r = parseLabelledText(text);
    for (const s of r.segments) {
      expect(text.slice(s.valueStart, s.valueEnd)).toBe(s.value);
      expect(text.slice(s.start, s.labelEnd)).toContain(s.label);
    }
    for (const u of r.unplaced) expect(text.slice(u.start, u.end)).toBe(u.text);
    expect(pairs(r)).toEqual([
      ['learningOutcomes', 'Ａができる'],
      ['language', '日本語'],
    ]);
  });

  it('parses very long text up to a limit and returns the rest as unplaced', () => {
    const text = `Language: English\n${'x'.repeat(MAX_PARSE_LENGTH)}Level: 3`;
    const r = parseLabelledText(text);
    expect(r.segments.map((s) => s.id)).toEqual(['language']);
    const last = r.unplaced.at(-1);
    expect(last?.end).toBe(text.length);
    expect(last?.text.endsWith('Level: 3')).toBe(true);
  });
});
