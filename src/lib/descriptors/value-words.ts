/**
 * A descriptor value in words of the user's language (issue 14), when the credential wrote it as a
 * code: the date of issuing (ISO 8601), the issuer's country (ISO 3166 code), the language (BCP 47
 * tags), the achievement type (OB 3.0 vocabulary), a hashed recipient. Text the issuer wrote in
 * words is never touched: it is shown as written. `asWritten` keeps the raw value for the details
 * line whenever the words differ from it.
 */
import type { Lang } from '../i18n/lang.ts';
import { countryName, formatDate, languageNames, type DateOptions } from '../i18n/values.ts';
import { achievementTypeName, hashedIdentityText, isHashedIdentity } from '../i18n/vocabulary.ts';
import type { DescriptorId } from './catalog.ts';
import type { DescriptorCandidate } from './collect.ts';

export interface ValueWords {
  /** What to show first. */
  readonly text: string;
  /** The value as the credential wrote it, when `text` is a rendering of it; null when `text` is the value itself. */
  readonly asWritten: string | null;
  /** `text` is in the user's language (words we made), not the credential's own text. */
  readonly translated: boolean;
}

const DATE_FIELD = /^(?:validFrom|issuanceDate|awardedDate|issuedOn)$/;
const COUNTRY_FIELD = /(?:^|\.)address\.addressCountry(?:Code)?$/;
const LANGUAGE_FIELD = /\.(?:inLanguage|@language)$/;
const TYPE_FIELD = /\.achievementType$/;

function words(text: string | null, c: DescriptorCandidate): ValueWords {
  if (text === null || text === c.value) return { text: c.value, asWritten: null, translated: false };
  return { text, asWritten: c.value, translated: true };
}

export function descriptorValueWords(id: DescriptorId, c: DescriptorCandidate, lang: Lang, options: DateOptions = {}): ValueWords {
  if (c.origin !== 'field') return words(null, c);
  switch (id) {
    case 'dateOfIssuing':
      return words(DATE_FIELD.test(c.source) ? formatDate(c.value, lang, options) : null, c);
    case 'country':
      return words(COUNTRY_FIELD.test(c.source) ? countryName(c.value, lang) : null, c);
    case 'language':
      return words(LANGUAGE_FIELD.test(c.source) ? languageNames(c.value, lang) : null, c);
    case 'certification':
      if (!TYPE_FIELD.test(c.source)) return words(null, c);
      return words(lang === 'ja' ? `達成内容の種類：${achievementTypeName(c.value, lang)}` : `Achievement type: ${achievementTypeName(c.value, lang)}`, c);
    case 'learner':
      return words(isHashedIdentity(c.value) ? hashedIdentityText(c.identityType ?? null, lang) : null, c);
    default:
      return words(null, c);
  }
}
