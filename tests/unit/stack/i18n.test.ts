// Every code the stack module produces has words in English and Japanese.
import { describe, expect, it } from 'vitest';
import { REASON_CODES } from '../../../src/lib/stack/match.ts';
import { BASES, CONVERSIONS, NODE_KINDS, PATHWAY_UNITS } from '../../../src/lib/stack/pathway.ts';
import { BADGE_STATUSES } from '../../../src/lib/stack/report.ts';
import { PATHWAY_ERROR_CODES } from '../../../src/lib/stack/validate-parts.ts';
import {
  BASIS_WORDS,
  CONVERSION_WORDS,
  ERROR_WORDS,
  KIND_WORDS,
  LABEL_WORDS,
  REASON_WORDS,
  STATUS_WORDS,
  UNIT_WORDS,
  amountText,
  errorText,
  needText,
  reasonText,
} from '../../../src/lib/stack/i18n.ts';
import { LANGS, type Lang } from '../../../src/lib/i18n/lang.ts';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/u;

describe('pathway words (EN/JA)', () => {
  const tables: [string, readonly string[], Readonly<Record<string, Readonly<Record<Lang, string>>>>][] = [
    ['reason', REASON_CODES, REASON_WORDS],
    ['error', PATHWAY_ERROR_CODES, ERROR_WORDS],
    ['status', BADGE_STATUSES, STATUS_WORDS],
    ['kind', NODE_KINDS, KIND_WORDS],
    ['unit', PATHWAY_UNITS, UNIT_WORDS],
    ['basis', BASES, BASIS_WORDS],
    ['conversion', CONVERSIONS, CONVERSION_WORDS],
    ['label', Object.keys(LABEL_WORDS), LABEL_WORDS],
  ];
  it.each(tables)('every %s code has words in both languages', (_, codes, words) => {
    expect(Object.keys(words).sort()).toEqual([...codes].sort());
    for (const code of codes) {
      for (const lang of LANGS) expect(words[code]?.[lang]?.trim(), `${code}/${lang}`).toBeTruthy();
      expect(words[code]?.ja, code).toMatch(JAPANESE);
    }
  });

  it('the same placeholders in both languages', () => {
    for (const [, codes, words] of tables) {
      for (const code of codes) {
        const names = (s: string | undefined) => [...(s ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(names(words[code]?.ja), code).toEqual(names(words[code]?.en));
      }
    }
  });

  it('fills data into the words', () => {
    expect(reasonText({ code: 'USED_ELSEWHERE', data: { requirement: 'core-1' } }, 'en')).toBe('already counted for “core-1”');
    expect(reasonText({ code: 'TOO_OLD', data: { issuedAt: '2019-01-01', years: 5 } }, 'ja')).toBe('取得から5年を超えています（取得日：2019-01-01）');
    expect(errorText({ code: 'N_TOO_LARGE', path: '/requirement/n', data: { n: 3, listed: 2 } }, 'en')).toBe('At least 3 of 2 can never be met.');
    expect(needText({ kind: 'credits', amount: 4, unit: 'ECTS' }, 'ja')).toBe('あと4ECTS単位');
  });

  it('shows the conversion arithmetic', () => {
    const amount = {
      value: 1.5,
      unit: 'ECTS' as const,
      basis: 'credit' as const,
      from: { amount: { min: 1, max: 1 }, unit: 'jp-tani' as const, text: '1 単位', source: 'x' },
      via: { hours: { min: 45, max: 45 }, rule: 'JP_TANI_45' as const, targetRule: 'ECTS_25_30' as const, conversion: 'lower' as const },
    };
    expect(amountText(amount, 'en')).toBe('1 単位 → 45 h (1 単位 = 45 h) → 1.5 ECTS (÷ 30 h; 1 ECTS = 25–30 h, lower bound)');
    expect(amountText(amount, 'ja')).toBe('1 単位 → 45時間（1単位＝45時間）→ 1.5 ECTS（45時間÷30時間。1 ECTS＝25〜30時間、下限で換算）');
    expect(amountText({ ...amount, value: 2, unit: 'ECTS', from: { ...amount.from, unit: 'ects', text: '2 ECTS', amount: { min: 2, max: 2 } }, via: null }, 'en')).toBe('2 ECTS');
  });
});
