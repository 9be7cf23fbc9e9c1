/**
 * Open Badges 3.0 vocabularies in words (issue 14): `achievementType` (AchievementType enumeration)
 * and `identityType` (IdentifierTypeEnum, with OB 2.0's `email`/`url`/`telephone`). Japanese follows
 * docs/JA-GLOSSARY.md §1.4. An unknown value is shown as "Other (value)" / 「その他（値）」 — never
 * guessed, never hidden. The raw value stays in the original JSON.
 */
import type { Lang } from './lang.ts';

type Words = Readonly<Record<string, readonly [en: string, ja: string]>>;

/** Keys are lower case without `ext:`; OB 3.0's spellings are in the comments where they differ. */
const ACHIEVEMENT_TYPES: Words = {
  achievement: ['Achievement', '達成'],
  apprenticeshipcertificate: ['Apprenticeship certificate', '職業訓練修了証'],
  assessment: ['Assessment', '評価・試験'],
  assignment: ['Assignment', '課題'],
  associatedegree: ['Associate degree', '準学士'],
  award: ['Award', '表彰'],
  badge: ['Badge', 'バッジ'],
  bachelordegree: ['Bachelor’s degree', '学士'],
  certificate: ['Certificate', '証明書'],
  certificateofcompletion: ['Certificate of completion', '修了証'],
  certification: ['Certification', '資格認定'],
  communityservice: ['Community service', '社会貢献活動'],
  competency: ['Competency', 'コンピテンシー'],
  course: ['Course', '講座・科目'],
  cocurricular: ['Co-curricular activity', '正課外活動'],
  degree: ['Degree', '学位'],
  diploma: ['Diploma', 'ディプロマ'],
  doctoraldegree: ['Doctoral degree', '博士'],
  fieldwork: ['Fieldwork', 'フィールドワーク'],
  generaleducationdevelopment: ['General Educational Development (GED)', '高校卒業程度認定（GED）'],
  journeymancertificate: ['Journeyman certificate', '技能士認定'],
  learningprogram: ['Learning programme', '学習プログラム'],
  license: ['Licence', '免許'],
  membership: ['Membership', '会員資格'],
  microcredential: ['Micro-credential', 'マイクロクレデンシャル'],
  masterdegree: ['Master’s degree', '修士'],
  mastercertificate: ['Master certificate', 'マスター認定'],
  professionaldoctorate: ['Professional doctorate', '専門職博士'],
  qualityassurancecredential: ['Quality assurance credential', '質保証の証明'],
  researchdoctorate: ['Research doctorate', '博士（研究）'],
  secondaryschooldiploma: ['Secondary school diploma', '高等学校卒業証書'],
};

const IDENTITY_TYPES: Words = {
  emailaddress: ['email address', 'メールアドレス'],
  email: ['email address', 'メールアドレス'],
  url: ['web address (URL)', 'URL'],
  telephone: ['phone number', '電話番号'],
  name: ['name', '氏名'],
  username: ['user name', 'ユーザー名'],
  accountid: ['account ID', 'アカウントID'],
  sourcedid: ['ID in the issuer’s records', '発行者の記録上のID'],
  systemid: ['system ID', 'システム上のID'],
  studentid: ['student number', '学籍番号'],
  nationalidentitynumber: ['national identity number', '国民識別番号'],
  identifier: ['identifier', '識別子'],
};

const key = (v: string): string => v.trim().replace(/^ext:/i, '').replace(/[^A-Za-z0-9]/g, '').toLowerCase();

function other(raw: string, lang: Lang): string {
  return lang === 'ja' ? `その他（${raw.trim()}）` : `Other (${raw.trim()})`;
}

/** `Course` → `Course` / `講座・科目`; `ext:Workshop` → `Other (ext:Workshop)` / `その他（ext:Workshop）`. */
export function achievementTypeName(type: string, lang: Lang): string {
  const w = ACHIEVEMENT_TYPES[key(type)];
  return w === undefined ? other(type, lang) : w[lang === 'ja' ? 1 : 0];
}

/** Whether the vocabulary knows the value (tests, and callers that want to mark an unknown one). */
export function isKnownAchievementType(type: string): boolean {
  return ACHIEVEMENT_TYPES[key(type)] !== undefined;
}

/** `emailAddress` → `email address` / `メールアドレス`; unknown → `Other (…)` / `その他（…）`. */
export function identityTypeName(type: string, lang: Lang): string {
  const w = IDENTITY_TYPES[key(type)];
  return w === undefined ? other(type, lang) : w[lang === 'ja' ? 1 : 0];
}

/**
 * A recipient identifier kept only as a hash: `an email address, hidden (hashed)` /
 * 「メールアドレス（ハッシュ値のため非表示）」. Without a type: `an identifier, hidden (hashed)`.
 */
export function hashedIdentityText(type: string | null, lang: Lang): string {
  const known = type === null ? undefined : IDENTITY_TYPES[key(type)];
  if (lang === 'ja') return `${known?.[1] ?? '識別子'}（ハッシュ値のため非表示）`;
  const what = known?.[0] ?? 'identifier';
  return `${/^[aeiou]/i.test(what) ? 'an' : 'a'} ${what}, hidden (hashed)`;
}

/** A hashed identity as OB 2.0/3.0 write it: `sha256$<hex>` or `md5$<hex>`. */
export function isHashedIdentity(value: string): boolean {
  return /^(?:sha256|sha384|sha512|md5)\$[0-9a-f]{16,}$/i.test(value.trim());
}

const RECOGNIZED_ACTIONS: Words = {
  issue: ['issuing credentials', '証明書の発行'],
  verify: ['verifying credentials', '証明書の検証'],
  accredit: ['accrediting', '認証評価'],
};

/** What a trust list recognises an entity for (W3C Recognized Entities `recognizedTo`): `issue` → `issuing credentials` / `証明書の発行`; other text as written. */
export function recognizedActionName(action: string, lang: Lang): string {
  const w = RECOGNIZED_ACTIONS[key(action)];
  return w === undefined ? action : w[lang === 'ja' ? 1 : 0];
}
