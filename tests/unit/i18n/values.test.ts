/** Codes in words of the user's language (issue 14): dates, countries, languages, OB vocabularies, descriptor values. */
import { describe, expect, it } from 'vitest';
import { countryName, formatDate, languageName, languageNames } from '../../../src/lib/i18n/values.ts';
import { achievementTypeName, hashedIdentityText, identityTypeName, isHashedIdentity, recognizedActionName } from '../../../src/lib/i18n/vocabulary.ts';
import { descriptorValueWords } from '../../../src/lib/descriptors/value-words.ts';
import type { DescriptorCandidate } from '../../../src/lib/descriptors/collect.ts';

describe('formatDate', () => {
  it('a date-time is an instant, shown in the reader’s time zone', () => {
    expect(formatDate('2025-12-12T06:00:00Z', 'ja', { timeZone: 'Asia/Tokyo' })).toBe('2025年12月12日');
    expect(formatDate('2025-12-12T06:00:00Z', 'ja', { timeZone: 'Asia/Tokyo', time: true })).toBe('2025年12月12日 15:00');
    expect(formatDate('2025-12-12T06:00:00Z', 'en', { timeZone: 'UTC' })).toBe('December 12, 2025');
    // Near midnight the reader's calendar day differs from UTC's.
    expect(formatDate('2025-12-12T20:00:00Z', 'ja', { timeZone: 'Asia/Tokyo' })).toBe('2025年12月13日');
    expect(formatDate('2025-12-12T20:00:00-05:00', 'en', { timeZone: 'America/New_York' })).toBe('December 12, 2025');
  });

  it('a date without a time is that calendar day in every time zone', () => {
    expect(formatDate('2025-12-12', 'ja', { timeZone: 'Pacific/Honolulu' })).toBe('2025年12月12日');
    expect(formatDate('2025-12-12', 'en', { timeZone: 'Asia/Tokyo' })).toBe('December 12, 2025');
  });

  it('anything else is not a date: null, so the text is shown as written', () => {
    for (const s of ['', 'yesterday', '2025-02-30', '2025-13-01T00:00:00Z', '12/12/2025', '2025-12-12T06:00:00Z extra']) expect(formatDate(s, 'en')).toBeNull();
    expect(formatDate('2025-12-12T06:00:00Z', 'en', { timeZone: 'Not/AZone' })).toBeNull();
  });
});

describe('countries and languages', () => {
  it('ISO codes become names', () => {
    expect(countryName('JP', 'ja')).toBe('日本');
    expect(countryName('jp', 'en')).toBe('Japan');
    expect(countryName('NL', 'ja')).toBe('オランダ');
    expect(languageName('ja', 'ja')).toBe('日本語');
    expect(languageName('ja', 'en')).toBe('Japanese');
    expect(languageName('en', 'ja')).toBe('英語');
    expect(languageNames('ja, en', 'ja')).toBe('日本語・英語');
    expect(languageNames('ja en', 'en')).toBe('Japanese, English');
  });

  it('Japanese names carry full-width brackets (JA-GLOSSARY §2.4)', () => {
    expect(languageName('nl-NL', 'ja')).toBe('オランダ語（オランダ）');
    expect(languageName('nl-NL', 'en')).toBe('Dutch (Netherlands)');
  });

  it('names and unknown codes are not guessed', () => {
    for (const s of ['Japan', '日本 Japan', 'USA', 'XX', '392']) expect(countryName(s, 'en')).toBeNull();
    for (const s of ['Japanese', '日本語', 'xx', 'und', 'en_US']) expect(languageName(s, 'ja')).toBeNull();
    expect(languageNames('ja, Klingon', 'en')).toBeNull();
  });
});

describe('OB 3.0 vocabularies', () => {
  it('achievementType in words, the glossary’s Japanese; unknown → Other (raw)', () => {
    expect(achievementTypeName('Course', 'ja')).toBe('講座・科目');
    expect(achievementTypeName('Course', 'en')).toBe('Course');
    expect(achievementTypeName('MicroCredential', 'ja')).toBe('マイクロクレデンシャル');
    expect(achievementTypeName('MicroCredential', 'en')).toBe('Micro-credential');
    expect(achievementTypeName('CertificateOfCompletion', 'en')).toBe('Certificate of completion');
    expect(achievementTypeName('ext:MicroCredential', 'ja')).toBe('マイクロクレデンシャル');
    expect(achievementTypeName('License', 'ja')).toBe('免許');
    expect(achievementTypeName('ext:Workshop', 'ja')).toBe('その他（ext:Workshop）');
    expect(achievementTypeName('ext:Workshop', 'en')).toBe('Other (ext:Workshop)');
  });

  it('identity types and hashed recipients', () => {
    expect(identityTypeName('emailAddress', 'ja')).toBe('メールアドレス');
    expect(identityTypeName('email', 'en')).toBe('email address');
    expect(hashedIdentityText('emailAddress', 'en')).toBe('an email address, hidden (hashed)');
    expect(hashedIdentityText('email', 'ja')).toBe('メールアドレス（ハッシュ値のため非表示）');
    expect(hashedIdentityText('url', 'en')).toBe('a web address (URL), hidden (hashed)');
    expect(hashedIdentityText(null, 'en')).toBe('an identifier, hidden (hashed)');
    expect(isHashedIdentity('sha256$17940a9cc6d8ca946901a44124b1141d3be9cbb09c628df4ada465178fd09b09')).toBe(true);
    expect(isHashedIdentity('learner@example.org')).toBe(false);
  });

  it('what a trust list recognises an issuer for', () => {
    expect(recognizedActionName('issue', 'ja')).toBe('証明書の発行');
    expect(recognizedActionName('issue', 'en')).toBe('issuing credentials');
    expect(recognizedActionName('Teaching nursing', 'ja')).toBe('Teaching nursing');
  });
});

describe('descriptor values', () => {
  const field = (value: string, source: string, more: Partial<DescriptorCandidate> = {}): DescriptorCandidate => ({ value, source, origin: 'field', ...more });

  it('codes from credential fields become words; the raw value is kept as written', () => {
    expect(descriptorValueWords('dateOfIssuing', field('2025-12-12T06:00:00Z', 'validFrom'), 'ja', { timeZone: 'Asia/Tokyo' })).toEqual({
      text: '2025年12月12日',
      asWritten: '2025-12-12T06:00:00Z',
      translated: true,
    });
    expect(descriptorValueWords('country', field('JP', 'issuer.address.addressCountryCode'), 'ja').text).toBe('日本');
    expect(descriptorValueWords('language', field('ja', 'achievement.inLanguage'), 'ja').text).toBe('日本語');
    expect(descriptorValueWords('certification', field('Course', 'achievement.achievementType'), 'ja').text).toBe('達成内容の種類：講座・科目');
    expect(descriptorValueWords('certification', field('Course', 'achievement.achievementType'), 'en').text).toBe('Achievement type: Course');
    const hash = field('sha256$17940a9cc6d8ca946901a44124b1141d3be9cbb09c628df4ada465178fd09b09', 'credentialSubject.identifier[0]', { identityType: 'emailAddress' });
    expect(descriptorValueWords('learner', hash, 'en')).toMatchObject({ text: 'an email address, hidden (hashed)', asWritten: hash.value });
  });

  it('text the issuer wrote is never touched', () => {
    const labelled: DescriptorCandidate = { value: 'ja', source: 'achievement.criteria.narrative#Language', origin: 'labelled-text' };
    expect(descriptorValueWords('language', labelled, 'ja')).toEqual({ text: 'ja', asWritten: null, translated: false });
    expect(descriptorValueWords('country', field('日本 Japan', 'issuer.address.addressCountry'), 'en')).toEqual({ text: '日本 Japan', asWritten: null, translated: false });
    expect(descriptorValueWords('learner', field('did:example:123', 'credentialSubject.id'), 'ja').asWritten).toBeNull();
    expect(descriptorValueWords('title', field('2025-12-12', 'achievement.name'), 'ja').text).toBe('2025-12-12');
  });
});
