/** Words for verification reports, by language. */
import { checkEn, codeEn, errorEn, verdictEn } from './verification-en.ts';
import { checkJa, codeJa, errorJa, verdictJa } from './verification-ja.ts';

export type Lang = 'en' | 'ja';

export const verificationText = {
  en: { verdict: verdictEn, check: checkEn, code: codeEn, error: errorEn },
  ja: { verdict: verdictJa, check: checkJa, code: codeJa, error: errorJa },
} as const;
