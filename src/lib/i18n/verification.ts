/** Words for verification reports, by language. */
import { checkEn, codeEn, errorEn, presentationCheckEn, verdictEn } from './verification-en.ts';
import { checkJa, codeJa, errorJa, presentationCheckJa, verdictJa } from './verification-ja.ts';

export const verificationText = {
  en: { verdict: verdictEn, check: checkEn, presentationCheck: presentationCheckEn, code: codeEn, error: errorEn },
  ja: { verdict: verdictJa, check: checkJa, presentationCheck: presentationCheckJa, code: codeJa, error: errorJa },
} as const;
