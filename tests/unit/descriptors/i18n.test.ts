import { describe, expect, it } from 'vitest';
import { DESCRIPTOR_IDS } from '../../../src/lib/descriptors/catalog.ts';
import { ORIGINS } from '../../../src/lib/descriptors/collect.ts';
import { CREDIT_UNITS, HOUR_RULES } from '../../../src/lib/descriptors/credit.ts';
import { VERDICT_CODES } from '../../../src/lib/descriptors/framework.ts';
import {
  NOTE_WORDS,
  ORIGIN_WORDS,
  RULE_WORDS,
  SIGNAL_WORDS,
  UNIT_WORDS,
  VERDICT_WORDS,
  descriptorName,
  noteText,
  verdictText,
} from '../../../src/lib/descriptors/i18n.ts';
import { LANGS, type Lang } from '../../../src/lib/i18n/lang.ts';
import { NOTE_CODES, SIGNAL_KINDS } from '../../../src/lib/descriptors/sources.ts';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/u;

describe('descriptor words (EN/JA)', () => {
  it.each(DESCRIPTOR_IDS)('descriptor %s has an English and a Japanese name', (id) => {
    expect(descriptorName(id, 'en')).toMatch(/[A-Za-z]/);
    expect(descriptorName(id, 'ja')).toMatch(JAPANESE);
  });

  const tables: [string, readonly string[], Readonly<Record<string, Readonly<Record<Lang, string>>>>][] = [
    ['verdict', VERDICT_CODES, VERDICT_WORDS],
    ['rule', HOUR_RULES, RULE_WORDS],
    ['unit', CREDIT_UNITS, UNIT_WORDS],
    ['note', NOTE_CODES, NOTE_WORDS],
    ['signal', SIGNAL_KINDS, SIGNAL_WORDS],
    ['origin', ORIGINS, ORIGIN_WORDS],
  ];
  it.each(tables)('every %s code has words in both languages', (_, codes, words) => {
    expect(Object.keys(words).sort()).toEqual([...codes].sort());
    for (const code of codes) {
      for (const lang of LANGS) expect(words[code]?.[lang]?.trim(), `${code}/${lang}`).toBeTruthy();
      expect(words[code]?.ja).toMatch(JAPANESE);
    }
  });

  it('renders a verdict from its code, with descriptor names in the reader’s language', () => {
    expect(verdictText({ code: 'MEETS_JV_SET' }, 'en')).toBe('meets the JV-Campus/JMOOC descriptor set');
    expect(verdictText({ code: 'MISSING', missing: ['assessment', 'credit'] }, 'en')).toBe(
      'missing: Type of assessment, Credit / Other recognition',
    );
    expect(verdictText({ code: 'MISSING', missing: ['assessment', 'credit'] }, 'ja')).toBe('記載のない項目：評価の方法、単位/その他の認定');
    expect(verdictText({ code: 'PARTICIPATION_ONLY', missing: ['assessment'] }, 'en')).toBe(
      'a participation badge, not an assessed micro-credential',
    );
    expect(noteText({ code: 'CRITERIA_AT_URL', url: 'https://x.example/c' }, 'en')).toContain('https://x.example/c');
  });
});
