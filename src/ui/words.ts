/**
 * The core's words for checks, check codes and error codes, in both languages. Only the screens
 * that show reports or errors import this (they load lazily), so the first paint does not carry it.
 */
import type { Lang } from '../lib/i18n/lang.ts';
import { verificationText } from '../lib/i18n/verification.ts';
import { fill } from './state/I18n.svelte.ts';

export function reportWords(lang: Lang) {
  return verificationText[lang];
}

const GENERIC: Record<Lang, string> = { en: 'Something went wrong ({code}).', ja: '問題が発生しました（{code}）。' };

/** Words for an error code (codes from the store or network may be outside the closed union). */
export function errorWords(lang: Lang, code: string): string {
  const words = (verificationText[lang].error as Record<string, string | undefined>)[code]; // why: see above
  return words ?? fill(GENERIC[lang], { code });
}
