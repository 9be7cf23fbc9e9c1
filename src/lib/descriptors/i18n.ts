/**
 * Words for the descriptor report, in English and Japanese. The logic only produces codes; this is
 * the one place they become text. A unit test checks every code has both languages.
 */
import type { Lang } from '../i18n/lang.ts';
import { descriptorDef, type DescriptorId } from './catalog.ts';
import type { Origin } from './collect.ts';
import type { CreditUnit, HourRule } from './credit.ts';
import type { EuVerdict, JvVerdict, VerdictCode } from './framework.ts';
import type { McCode, McJudgement } from './micro-credential.ts';
import type { NoteCode, SignalKind } from './sources.ts';

type Words<K extends string> = Readonly<Record<K, Readonly<Record<Lang, string>>>>;

export const VERDICT_WORDS: Words<VerdictCode> = {
  MEETS_JV_SET: { en: 'meets the JV-Campus/JMOOC descriptor set', ja: 'JV-Campus/JMOOCの必須記述項目がすべて記載されています' },
  MEETS_EU_SET: { en: 'meets the EU micro-credential element set', ja: 'EUのマイクロクレデンシャル必須要素がすべて記載されています' },
  MISSING: { en: 'missing: {list}', ja: '記載のない項目：{list}' },
  PARTICIPATION_ONLY: {
    en: 'a participation badge, not an assessed micro-credential',
    ja: '参加証明のバッジです。学修成果の評価を伴うマイクロクレデンシャルではありません。',
  },
  NO_ACHIEVEMENT_DATA: { en: 'no achievement data to check', ja: '確認できる達成内容のデータがありません' },
};

/** Why a badge is or is not a micro-credential (micro-credential.ts); `{sets}` names the descriptor sets it states in full. */
export const MC_WORDS: Words<McCode> = {
  DECLARED_AND_DESCRIBED: {
    en: 'It calls itself a micro-credential and states every mandatory descriptor of {sets}.',
    ja: 'マイクロクレデンシャルと明記され、{sets}の必須記述項目がすべて記載されています。',
  },
  DESCRIBED: {
    en: 'It does not call itself a micro-credential, but it states every mandatory descriptor of {sets}, which is what makes one.',
    ja: 'マイクロクレデンシャルとは明記されていませんが、{sets}の必須記述項目がすべて記載されているため、マイクロクレデンシャルに当たります。',
  },
  DECLARED: {
    en: 'It calls itself a micro-credential; some mandatory descriptors are not stated (see below).',
    ja: 'マイクロクレデンシャルと明記されていますが、記載のない必須記述項目があります（下記参照）。',
  },
  PARTICIPATION: {
    en: 'It states neither learning outcomes nor a type of assessment: a participation badge, not a micro-credential.',
    ja: '学修成果も評価の方法も記載されていないため、参加証明のバッジです。マイクロクレデンシャルには当たりません。',
  },
  NOT_DECLARED: {
    en: 'It does not call itself a micro-credential and does not state every mandatory descriptor.',
    ja: 'マイクロクレデンシャルとは明記されておらず、必須記述項目もすべては記載されていません。',
  },
  NO_ACHIEVEMENT: { en: 'There is no achievement data to judge.', ja: '判断できる達成内容のデータがありません。' },
};

/** The answer itself: `Yes` / `No` in a label–value row. */
export const MC_ANSWER_WORDS: Words<'yes' | 'no'> = {
  yes: { en: 'Yes', ja: '該当' },
  no: { en: 'No', ja: '非該当' },
};

const SET_WORDS: Words<'jv' | 'eu' | 'both'> = {
  jv: { en: 'the JV-Campus/JMOOC set', ja: 'JV-Campus/JMOOC' },
  eu: { en: 'the EU set', ja: 'EU' },
  both: { en: 'the JV-Campus/JMOOC and EU sets', ja: 'JV-Campus/JMOOCとEU' },
};

export const RULE_WORDS: Words<HourRule> = {
  ECTS_25_30: { en: "1 ECTS credit = 25–30 hours (ECTS Users' Guide 2015)", ja: '1 ECTS単位＝25〜30時間（ECTS Users’ Guide 2015）' },
  UCTS_38_48: { en: '1 UCTS credit = 38–48 hours of student engagement (UMAP)', ja: '1 UCTS単位＝38〜48時間の学修（UMAP）' },
  JP_TANI_45: {
    en: '1 Japanese university credit (単位) = 45 hours of study (University Establishment Standards, Art. 21)',
    ja: '1単位＝45時間の学修（大学設置基準第21条）',
  },
  US_SEMESTER_45: {
    en: '1 US semester credit hour ≈ 45 hours (1 hour in class + 2 hours outside, for 15 weeks; 34 CFR 600.2)',
    ja: '米国の1セメスター単位＝約45時間（授業1時間＋授業外2時間を15週。34 CFR 600.2）',
  },
  HOURS: { en: 'stated in hours', ja: '時間数で記載' },
};

export const UNIT_WORDS: Words<CreditUnit> = {
  ects: { en: 'ECTS credits', ja: 'ECTS単位' },
  ucts: { en: 'UCTS credits', ja: 'UCTS単位' },
  'jp-tani': { en: 'Japanese credits (単位)', ja: '単位' },
  'us-semester': { en: 'US semester credits', ja: '米国セメスター単位' },
  hours: { en: 'hours', ja: '時間' },
  unknown: { en: 'credit system not stated', ja: '単位系の記載なし' },
};

export const NOTE_WORDS: Words<NoteCode> = {
  NOT_A_CREDENTIAL: { en: 'Not an Open Badge credential.', ja: 'オープンバッジの証明書ではありません。' },
  CLR_CREDENTIAL: {
    en: 'A Comprehensive Learner Record: its achievements are read one by one.',
    ja: '包括的学修記録（CLR）です。含まれる各バッジを1件ずつ読み取ります。',
  },
  NO_ACHIEVEMENT: { en: 'The credential holds no readable achievement.', ja: '読み取れる達成内容がありません。' },
  BADGE_NOT_EMBEDDED: {
    en: 'The badge definition is only linked ({url}); it has not been fetched.',
    ja: 'バッジの定義はリンクのみで、まだ取得していません。リンク：{url}',
  },
  CRITERIA_AT_URL: { en: 'The criteria are on a web page, not read: {url}', ja: '取得条件はウェブページに掲載されており、読み取っていません。ページ：{url}' },
  EXTRACT_FAILED: { en: 'The descriptors could not be read.', ja: '記述項目を読み取れませんでした。' },
};

export const SIGNAL_WORDS: Words<SignalKind> = {
  achievementType: { en: 'its type is “Micro-credential”', ja: '種類がマイクロクレデンシャルと指定されている' },
  title: { en: 'the title says “micro-credential”', ja: '名称に「マイクロクレデンシャル」とある' },
  imageCaption: { en: 'the image description says “micro-credential”', ja: '画像の説明に「マイクロクレデンシャル」とある' },
  certification: { en: 'the certification text says “micro-credential”', ja: '証明書の発行の記載に「マイクロクレデンシャル」とある' },
};

export const ORIGIN_WORDS: Words<Origin> = {
  field: { en: 'credential field', ja: '証明書の項目' },
  'labelled-text': { en: 'labelled text', ja: '見出し付きの記載' },
  extension: { en: 'extension field', ja: '拡張項目' },
  alignment: { en: 'alignment', ja: '対応するスキル・基準' },
  result: { en: 'result description', ja: '成績の説明' },
  endorsement: { en: 'endorsement', ja: '推奨（エンドースメント）' },
  related: { en: 'related achievement', ja: '関連するバッジ' },
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

/** The answer (`Yes`/`No`), the reason, and the badge's own statements (empty when none). */
export function mcText(j: McJudgement, lang: Lang): { readonly answer: string; readonly reason: string; readonly statedBy: string } {
  const sets = j.sets.length === 2 ? 'both' : (j.sets[0] ?? 'jv');
  return {
    answer: MC_ANSWER_WORDS[j.isMicroCredential ? 'yes' : 'no'][lang],
    reason: fill(MC_WORDS[j.code][lang], { sets: SET_WORDS[sets][lang] }),
    statedBy: [...new Set(j.signals.map((s) => SIGNAL_WORDS[s.kind][lang]))].join(lang === 'ja' ? '、' : '; '),
  };
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
