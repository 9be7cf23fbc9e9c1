/**
 * Words for the descriptor report, in English and Japanese. The logic only produces codes; this is
 * the one place they become text. A unit test checks every code has both languages.
 */
import type { Lang } from '../i18n/lang.ts';
import { descriptorDef, type DescriptorId } from './catalog.ts';
import type { Origin } from './collect.ts';
import type { CreditUnit, HourRule } from './credit.ts';
import type { EuVerdict, JvVerdict, VerdictCode } from './framework.ts';
import type { NoteCode, SignalKind } from './sources.ts';

type Words<K extends string> = Readonly<Record<K, Readonly<Record<Lang, string>>>>;

export const VERDICT_WORDS: Words<VerdictCode> = {
  MEETS_JV_SET: { en: 'meets the JV-Campus/JMOOC descriptor set', ja: 'JV-Campus/JMOOCの記述項目をすべて満たしています' },
  MEETS_EU_SET: { en: 'meets the EU micro-credential element set', ja: 'EUのマイクロクレデンシャル必須要素をすべて満たしています' },
  MISSING: { en: 'missing: {list}', ja: '不足している項目：{list}' },
  PARTICIPATION_ONLY: {
    en: 'a participation badge, not an assessed micro-credential',
    ja: '参加を示すバッジであり、評価を経たマイクロクレデンシャルではありません',
  },
  NO_ACHIEVEMENT_DATA: { en: 'no achievement data to check', ja: '確認できる学修内容のデータがありません' },
};

export const RULE_WORDS: Words<HourRule> = {
  ECTS_25_30: { en: "1 ECTS credit = 25–30 hours (ECTS Users' Guide 2015)", ja: '1 ECTS単位 = 25〜30時間（ECTS Users’ Guide 2015）' },
  UCTS_38_48: { en: '1 UCTS credit = 38–48 hours of student engagement (UMAP)', ja: '1 UCTS単位 = 38〜48時間の学修（UMAP）' },
  JP_TANI_45: {
    en: '1 Japanese university credit (単位) = 45 hours of study (University Establishment Standards, Art. 21)',
    ja: '1単位 = 45時間の学修（大学設置基準 第21条）',
  },
  US_SEMESTER_45: {
    en: '1 US semester credit hour ≈ 45 hours (1 hour in class + 2 hours outside, for 15 weeks; 34 CFR 600.2)',
    ja: '米国の1セメスター単位 ≈ 45時間（授業1時間＋授業外2時間を15週、34 CFR 600.2）',
  },
  HOURS: { en: 'stated in hours', ja: '時間数で記載' },
};

export const UNIT_WORDS: Words<CreditUnit> = {
  ects: { en: 'ECTS credits', ja: 'ECTS単位' },
  ucts: { en: 'UCTS credits', ja: 'UCTS単位' },
  'jp-tani': { en: 'Japanese credits (単位)', ja: '単位' },
  'us-semester': { en: 'US semester credits', ja: '米国セメスター単位' },
  hours: { en: 'hours', ja: '時間' },
  unknown: { en: 'unit not stated', ja: '単位の種類が不明' },
};

export const NOTE_WORDS: Words<NoteCode> = {
  NOT_A_CREDENTIAL: { en: 'Not an Open Badge credential.', ja: 'オープンバッジの資格情報ではありません。' },
  CLR_CREDENTIAL: {
    en: 'A Comprehensive Learner Record: its achievements are read one by one.',
    ja: '包括的学修記録（CLR）です。含まれる学修成果を一つずつ読み取ります。',
  },
  NO_ACHIEVEMENT: { en: 'The credential holds no readable achievement.', ja: '読み取れる達成内容（Achievement）がありません。' },
  BADGE_NOT_EMBEDDED: {
    en: 'The badge definition is only linked ({url}); it has not been fetched.',
    ja: 'バッジの定義はリンク（{url}）のみで、まだ取得していません。',
  },
  CRITERIA_AT_URL: { en: 'The criteria are on a web page ({url}), not read.', ja: '基準はWebページ（{url}）にあり、読み取っていません。' },
  EXTRACT_FAILED: { en: 'The descriptors could not be read.', ja: '記述項目を読み取れませんでした。' },
};

export const SIGNAL_WORDS: Words<SignalKind> = {
  achievementType: { en: 'achievement type is MicroCredential', ja: '達成の種類（achievementType）がMicroCredential' },
  title: { en: 'the title says “micro-credential”', ja: '名称に「マイクロクレデンシャル」とある' },
  imageCaption: { en: 'the image description says “micro-credential”', ja: '画像の説明に「マイクロクレデンシャル」とある' },
  certification: { en: 'the certification text says “micro-credential”', ja: '認証の記載に「マイクロクレデンシャル」とある' },
};

export const ORIGIN_WORDS: Words<Origin> = {
  field: { en: 'credential field', ja: '資格情報の項目' },
  'labelled-text': { en: 'labelled text', ja: '見出し付きの記載' },
  extension: { en: 'extension field', ja: '拡張項目' },
  alignment: { en: 'alignment', ja: 'アラインメント' },
  result: { en: 'result description', ja: '結果の記述' },
  endorsement: { en: 'endorsement', ja: '推薦（エンドースメント）' },
  related: { en: 'related achievement', ja: '関連する達成' },
};

export function descriptorName(id: DescriptorId, lang: Lang): string {
  return descriptorDef(id).name[lang];
}

function fill(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (Object.prototype.hasOwnProperty.call(params, k) ? (params[k] ?? m) : m));
}

export function listNames(ids: readonly DescriptorId[], lang: Lang): string {
  return ids.map((id) => descriptorName(id, lang)).join(lang === 'ja' ? '、' : ', ');
}

export function verdictText(v: JvVerdict | EuVerdict, lang: Lang): string {
  const template = VERDICT_WORDS[v.code][lang];
  return v.code === 'MISSING' ? fill(template, { list: listNames(v.missing, lang) }) : template;
}

export function ruleText(rule: HourRule, lang: Lang): string {
  return RULE_WORDS[rule][lang];
}

export function unitText(unit: CreditUnit, lang: Lang): string {
  return UNIT_WORDS[unit][lang];
}

export function noteText(note: { readonly code: NoteCode; readonly url?: string }, lang: Lang): string {
  return fill(NOTE_WORDS[note.code][lang], { url: note.url ?? '' });
}

export function signalText(kind: SignalKind, lang: Lang): string {
  return SIGNAL_WORDS[kind][lang];
}

export function originText(origin: Origin, lang: Lang): string {
  return ORIGIN_WORDS[origin][lang];
}
