// Every verdict, check id, check code and error code has words in English and Japanese.
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../src/lib/errors.ts';
import { CHECK_IDS, FAILURE_CODES, NOT_CHECKED_CODES, PASS_CODES, VERDICTS } from '../../../src/lib/model/verification.ts';
import { verificationText } from '../../../src/lib/i18n/verification.ts';

const tables = [
  ['verdict', VERDICTS],
  ['check', CHECK_IDS],
  ['code', [...PASS_CODES, ...FAILURE_CODES, ...NOT_CHECKED_CODES]],
  ['error', ERROR_CODES],
] as const;

describe('verification words', () => {
  for (const [table, keys] of tables) {
    it(`${table}: every key has English and Japanese text, and the Japanese is Japanese`, () => {
      for (const key of keys) {
        const en = (verificationText.en[table] as Record<string, string>)[key];
        const ja = (verificationText.ja[table] as Record<string, string>)[key];
        expect(en, `${table}.${key} (en)`).toMatch(/\S/);
        expect(ja, `${table}.${key} (ja)`).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      }
    });
  }

  it('no catalogue carries words for a code that does not exist', () => {
    for (const [table, keys] of tables) {
      for (const lang of ['en', 'ja'] as const) expect(Object.keys(verificationText[lang][table]).sort()).toEqual([...keys].sort());
    }
  });
});
