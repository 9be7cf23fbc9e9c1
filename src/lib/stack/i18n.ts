/**
 * Words for pathway progress and pathway errors, in English and Japanese. The logic only produces
 * codes; this is the one place they become text. A unit test checks every code has both languages.
 */
import type { KnownUnit } from '../descriptors/index.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Reason, ReasonCode } from './match.ts';
import type { Basis, Conversion, LangMap, NodeKind, PathwayUnit } from './pathway.ts';
import { pickText } from './pathway.ts';
import type { BadgeStatus, Need } from './report.ts';
import type { CountedAmount } from './units.ts';
import { hoursPer, UNIT_OF } from './units.ts';
import type { PathwayError, PathwayErrorCode } from './validate-parts.ts';

type Words<K extends string> = Readonly<Record<K, Readonly<Record<Lang, string>>>>;

export const REASON_WORDS: Words<ReasonCode> = {
  COUNTED: { en: 'counts', ja: '算入されます' },
  PARTLY_COUNTED: { en: 'counts in part ({counts} of it): the cap was reached', ja: '一部（{counts}）のみ算入：上限に達しました' },
  OVER_CAP: { en: 'does not count: the cap was already reached', ja: '算入されません：すでに上限に達しています' },
  NOT_VERIFIED: { en: 'not verified ({verdict})', ja: '未検証（{verdict}）' },
  EXPIRED: { en: 'expired ({expiresAt})', ja: '有効期限切れ（{expiresAt}）' },
  REVOKED: { en: 'revoked by its issuer', ja: '発行者が失効させています' },
  INVALID: { en: 'verification failed ({failures})', ja: '無効です（{failures}）' },
  WRONG_ISSUER: { en: 'issued by another institution ({issuer})', ja: '対象外の発行者です（{issuer}）' },
  WRONG_TYPE: { en: 'another kind of achievement ({type})', ja: '対象外の種類です（{type}）' },
  NOT_MICRO_CREDENTIAL: { en: 'not a micro-credential', ja: 'マイクロクレデンシャルではありません' },
  WRONG_LEVEL: { en: 'level does not fit ({level})', ja: 'レベルが条件に合いません（{level}）' },
  LEVEL_UNKNOWN: { en: 'states no level that can be compared', ja: '比較できるレベルの記載がありません' },
  TOO_OLD: { en: 'earned too long ago ({issuedAt}; at most {years} years)', ja: '取得から{years}年を超えています（取得日：{issuedAt}）' },
  DATE_UNKNOWN: { en: 'no date of issue to check', ja: '確認できる発行日がありません' },
  NO_CREDIT: { en: 'states no credit or learning hours', ja: '単位や学習時間の記載がありません' },
  UNIT_UNKNOWN: { en: 'states a number without a unit (never converted on a guess)', ja: '数値だけで単位系の記載がないため、換算していません' },
  HOURS_NOT_CREDIT: { en: 'its recognition is in hours, not credits', ja: '時間数での記載で、単位の記載ではありません' },
  UNIT_NOT_COMPARABLE: { en: 'its credit is in another unit, which cannot be converted into this pathway’s credits', ja: '単位系が異なり、このパスウェイの単位に換算できません' },
  USED_ELSEWHERE: { en: 'already counted for “{requirement}”', ja: '「{requirement}」にすでに算入されています' },
  ALREADY_MET: { en: 'not needed: already met by another badge', ja: '不要：ほかのバッジで満たされています' },
  SAME_ACHIEVEMENT: { en: 'another badge for the same achievement counts ({badge})', ja: '同じ内容の別のバッジがすでに算入されています（{badge}）' },
};

export const ERROR_WORDS: Words<PathwayErrorCode> = {
  JSON_INVALID: { en: 'The file is not readable JSON ({error}).', ja: 'ファイルをJSONとして読み取れません。詳細：{error}' },
  NOT_AN_OBJECT: { en: 'A JSON object is expected here.', ja: 'ここにはJSONオブジェクトが必要です。' },
  VERSION_UNSUPPORTED: { en: 'Pathway version {version} is not supported (this app reads version {supported}).', ja: 'パスウェイのバージョン{version}には対応していません（対応：{supported}）。' },
  REQUIRED: { en: 'This is required.', ja: 'この項目は必須です。' },
  WRONG_TYPE: { en: 'Expected {expected}.', ja: '{expected}が必要です。' },
  UNKNOWN_PROPERTY: { en: 'Unknown property “{property}”.', ja: '不明な項目「{property}」です。' },
  UNKNOWN_KIND: { en: 'Unknown requirement kind “{value}” (allowed: {allowed}).', ja: '不明な要件の種類「{value}」です（使用可能：{allowed}）。' },
  UNKNOWN_UNIT: { en: 'Unknown unit “{value}” (allowed: {allowed}).', ja: '不明な単位「{value}」です（使用可能：{allowed}）。' },
  UNKNOWN_VALUE: { en: 'Unknown value “{value}” (allowed: {allowed}).', ja: '不明な値「{value}」です（使用可能：{allowed}）。' },
  EMPTY: { en: 'This must not be empty.', ja: '空にはできません。' },
  OUT_OF_RANGE: { en: 'The number is out of range.', ja: '数値が範囲外です。' },
  N_TOO_LARGE: { en: 'At least {n} of {listed} can never be met.', ja: '{listed}件中{n}件以上という条件は満たせません。' },
  CAP_BELOW_MIN: { en: 'The cap ({cap}) is below the minimum ({min}).', ja: '上限（{cap}）が下限（{min}）を下回っています。' },
  DUPLICATE_ID: { en: 'Two requirements have the id “{id}”.', ja: '要件のID「{id}」が重複しています。' },
  LANGUAGE_TAG_INVALID: { en: '“{tag}” is not a language tag (e.g. en, ja).', ja: '「{tag}」は言語タグではありません（例：en、ja）。' },
  MATCH_EMPTY: { en: 'Name an achievementId, an alignment or a title.', ja: 'achievementId、alignment、titleのいずれかを指定してください。' },
  MATCH_AMBIGUOUS: { en: 'One matcher names {found}: use a list of matchers instead.', ja: '1つの照合条件に{found}が含まれています。照合条件のリストにしてください。' },
  TITLE_NEEDS_ISSUER: { en: 'Matching by title needs an issuer too.', ja: '名称で照合するには発行者の指定も必要です。' },
  LEVEL_EMPTY: { en: 'A level needs words (anyOf) or a range (min, max).', ja: 'レベルには語（anyOf）または範囲（min、max）が必要です。' },
  NOT_CREDITS: { en: 'Credits can only add up credits requirements (found {kind}).', ja: '単位の合計に含められるのは単位の要件のみです（{kind}があります）。' },
  MATCH_AND_OF: { en: 'Use either match or of, not both.', ja: 'matchとofは同時に使えません。' },
  TOO_DEEP: { en: 'Requirements nest deeper than {max} levels.', ja: '要件の入れ子が{max}段を超えています。' },
  TOO_MANY: { en: 'More than {max} entries.', ja: '{max}件を超えています。' },
  TEXT_TOO_LONG: { en: 'Text longer than {max} characters.', ja: '{max}文字を超えています。' },
};

export const STATUS_WORDS: Words<BadgeStatus> = {
  counted: { en: 'counts', ja: '算入' },
  'would-count-if-verified': { en: 'would count if verified', ja: '検証されれば算入' },
  'not-counted': { en: 'does not count', ja: '算入されない' },
  'not-relevant': { en: 'not part of this pathway', ja: 'このパスウェイの対象外' },
};

export const KIND_WORDS: Words<NodeKind> = {
  achievement: { en: 'achievement', ja: 'バッジ' },
  allOf: { en: 'all of', ja: 'すべて必要' },
  atLeast: { en: 'at least {n} of', ja: '次のうち{n}件以上' },
  credits: { en: 'at least {min} {unit}', ja: '{min}{unit}以上' },
};

export const UNIT_WORDS: Words<PathwayUnit> = {
  ECTS: { en: 'ECTS credits', ja: 'ECTS単位' },
  UCTS: { en: 'UCTS credits', ja: 'UCTS単位' },
  単位: { en: 'Japanese credits (単位)', ja: '単位' },
  'US-semester': { en: 'US semester credits', ja: '米国セメスター単位' },
  hours: { en: 'hours', ja: '時間' },
  credits: { en: 'credits (as this pathway counts them)', ja: '単位（パスウェイ独自）' },
};

export const BASIS_WORDS: Words<Basis> = {
  credit: { en: 'credit', ja: '単位' },
  effort: { en: 'learning hours', ja: '学習時間' },
  either: { en: 'credit or learning hours', ja: '単位または学習時間' },
};

export const CONVERSION_WORDS: Words<Conversion> = {
  lower: { en: 'lower bound', ja: '下限で換算' },
  middle: { en: 'middle of the range', ja: '範囲の中央で換算' },
  upper: { en: 'upper bound', ja: '上限で換算' },
};

/** Labels the progress screen and the CLI need. */
export const LABEL_WORDS = {
  complete: { en: 'complete', ja: '達成' },
  notComplete: { en: 'not complete', ja: '未達成' },
  ifVerified: { en: '{percent} % if the unverified badges verify', ja: '未検証のバッジが検証されれば{percent}%' },
  missing: { en: 'missing', ja: '不足' },
  needAchievement: { en: 'earn this', ja: 'このバッジの取得が必要' },
  needCredits: { en: '{amount} more {unit}', ja: 'あと{amount}{unit}' },
  needAtLeast: { en: '{more} more of these', ja: 'このうちあと{more}件' },
  held: { en: 'already held', ja: '取得済み' },
  inexact: { en: 'too many combinations: the best found so far is shown', ja: '組み合わせが多すぎるため、見つかった中で最良の結果を表示しています' },
  awardedBy: { en: 'awarded by', ja: '授与機関' },
} as const satisfies Words<string>;

function fill(template: string, data: Readonly<Record<string, string | number | null>> | undefined): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => {
    const v = data !== undefined && Object.prototype.hasOwnProperty.call(data, k) ? data[k] : undefined;
    return v === undefined ? m : v === null ? '—' : String(v);
  });
}

export function reasonText(r: Reason & { readonly counts?: number }, lang: Lang): string {
  return fill(REASON_WORDS[r.code][lang], { ...(r.data ?? {}), ...(r.counts === undefined ? {} : { counts: r.counts }) });
}

export function errorText(e: PathwayError, lang: Lang): string {
  return fill(ERROR_WORDS[e.code][lang], e.data);
}

export function statusText(s: BadgeStatus, lang: Lang): string {
  return STATUS_WORDS[s][lang];
}

export function unitText(u: PathwayUnit, lang: Lang): string {
  return UNIT_WORDS[u][lang];
}

export function kindText(kind: NodeKind, lang: Lang, data: { n?: number; min?: number; unit?: PathwayUnit } = {}): string {
  return fill(KIND_WORDS[kind][lang], { ...(data.n === undefined ? {} : { n: data.n }), ...(data.min === undefined ? {} : { min: data.min }), ...(data.unit === undefined ? {} : { unit: unitText(data.unit, lang) }) });
}

export function label(key: keyof typeof LABEL_WORDS, lang: Lang, data?: Readonly<Record<string, string | number>>): string {
  return fill(LABEL_WORDS[key][lang], data);
}

export function needText(need: Need, lang: Lang): string {
  switch (need.kind) {
    case 'achievement':
      return label('needAchievement', lang);
    case 'credits':
      return label('needCredits', lang, { amount: need.amount, unit: unitText(need.unit, lang) });
    case 'atLeast':
      return label('needAtLeast', lang, { more: need.more });
  }
}

/** A title in the wanted language (see pathway.ts pickText), or the fallback. */
export function titleText(map: LangMap | null, lang: Lang, fallback: string): string {
  return pickText(map, lang) ?? fallback;
}

const SYMBOL: Readonly<Record<Lang, Readonly<Record<KnownUnit | 'unknown', string>>>> = {
  en: { ects: 'ECTS', ucts: 'UCTS', 'jp-tani': '単位', 'us-semester': 'US credit', hours: 'h', unknown: 'credits' },
  ja: { ects: ' ECTS', ucts: ' UCTS', 'jp-tani': '単位', 'us-semester': '米国単位', hours: '時間', unknown: '単位' },
};
const FROM_PATHWAY = { en: 'given by the pathway', ja: 'パスウェイの定める値' } as const;

/**
 * The arithmetic of one amount, short: `2 単位 → 90 h (1 単位 = 45 h) → 3 ECTS (90 h ÷ 30 h; 1 ECTS =
 * 25–30 h, lower bound)`, in Japanese `2単位 → 90時間（1単位＝45時間）→ 3 ECTS（90時間÷30時間。1 ECTS＝25〜30時間、下限で換算）`
 * (JA-GLOSSARY §2.2: Japanese units follow the number, Latin ones after a space; full-width brackets;
 * 〜 for ranges), or the amount as stated when nothing was converted. The full rules with their
 * sources are descriptorWords.ruleText(amount.via.rule / targetRule).
 */
export function amountText(a: CountedAmount, lang: Lang): string {
  const target = UNIT_OF[a.unit] ?? 'unknown';
  const ja = lang === 'ja';
  const sym = SYMBOL[lang];
  const q = (n: string | number, u: KnownUnit | 'unknown') => (ja ? `${n}${sym[u]}` : `${n} ${sym[u]}`).trim();
  if (a.from.source === 'pathway') return ja ? `${q(a.value, target)}（${FROM_PATHWAY.ja}）` : `${q(a.value, target)} (${FROM_PATHWAY.en})`;
  const stated = a.from.text;
  if (a.via === null || a.from.unit === 'unknown' || target === 'unknown') {
    const same = a.from.amount.min === a.value && a.from.amount.max === a.value;
    return same ? stated : `${stated} → ${q(a.value, target)}`;
  }
  const range = (r: { min: number; max: number }) => (r.min === r.max ? `${r.min}` : `${r.min}${ja ? '〜' : '–'}${r.max}`);
  const per = hoursPer(target);
  const perUsed = a.via.conversion === 'lower' ? per.max : a.via.conversion === 'upper' ? per.min : (per.min + per.max) / 2;
  const from = hoursPer(a.from.unit);
  const bound = CONVERSION_WORDS[a.via.conversion][lang];
  const hours = range(a.via.hours);
  if (ja) return `${stated} → ${q(hours, 'hours')}（${q(1, a.from.unit)}＝${q(range(from), 'hours')}）→ ${q(a.value, target)}（${q(hours, 'hours')}÷${q(perUsed, 'hours')}。${q(1, target)}＝${q(range(per), 'hours')}、${bound}）`;
  return `${stated} → ${q(hours, 'hours')} (1 ${sym[a.from.unit]} = ${q(range(from), 'hours')}) → ${q(a.value, target)} (÷ ${q(perUsed, 'hours')}; 1 ${sym[target]} = ${q(range(per), 'hours')}, ${bound})`;
}
