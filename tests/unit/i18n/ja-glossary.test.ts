/**
 * docs/JA-GLOSSARY.md, enforced (issue 14): every Japanese message table of the app is read here and
 * held to the glossary's words and style rules — forbidden terms, nested or half-width brackets
 * around Japanese, spaces between Japanese and Latin letters or digits, English words leaking into
 * Japanese text (except the allow-listed names), counters and punctuation. A new string that breaks
 * a rule fails this test with its table, key and the rule.
 */
import { describe, expect, it } from 'vitest';
import { ja } from '../../../src/ui/i18n/ja.ts';
import { checkJa, codeJa, errorJa, presentationCheckJa, verdictJa } from '../../../src/lib/i18n/verification-ja.ts';
import { headlineExplanationJa, headlineLabelJa } from '../../../src/lib/i18n/headline-ja.ts';
import * as descriptorWords from '../../../src/lib/descriptors/i18n.ts';
import { DESCRIPTORS } from '../../../src/lib/descriptors/catalog.ts';
import * as stackWords from '../../../src/lib/stack/i18n.ts';
import { achievementTypeName, hashedIdentityText, identityTypeName } from '../../../src/lib/i18n/vocabulary.ts';

type Entry = readonly [where: string, text: string];

function tableJa(name: string, table: Readonly<Record<string, unknown>>): Entry[] {
  return Object.entries(table).flatMap(([k, v]) => {
    if (typeof v === 'string') return [[`${name}.${k}`, v] as const];
    if (v !== null && typeof v === 'object' && 'ja' in v && typeof (v as { ja: unknown }).ja === 'string') return [[`${name}.${k}`, (v as { ja: string }).ja] as const];
    return [];
  });
}

function wordTables(name: string, mod: Readonly<Record<string, unknown>>): Entry[] {
  return Object.entries(mod).flatMap(([k, v]) => (/_WORDS$/.test(k) && v !== null && typeof v === 'object' ? tableJa(`${name}.${k}`, v as Record<string, unknown>) : []));
}

// An unknown type is shown as written inside 「その他（…）」, so only known ones are checked here.
const TYPES = ['MicroCredential', 'Course', 'Certificate', 'CertificateOfCompletion', 'Certification', 'Badge', 'Award', 'Assessment', 'Competency', 'LearningProgram', 'Degree', 'License', 'Membership', 'Achievement'];

/** Every Japanese string the app shows, with where it lives. */
export const ALL_JA: readonly Entry[] = [
  ...tableJa('ja.ts', ja),
  ...tableJa('verdictJa', verdictJa),
  ...tableJa('checkJa', checkJa),
  ...tableJa('presentationCheckJa', presentationCheckJa),
  ...tableJa('codeJa', codeJa),
  ...tableJa('errorJa', errorJa),
  ...tableJa('headlineLabelJa', headlineLabelJa),
  ...tableJa('headlineExplanationJa', headlineExplanationJa),
  ...wordTables('descriptors', descriptorWords),
  ...DESCRIPTORS.map((d) => [`catalog.${d.id}.name`, d.name.ja] as const),
  ...wordTables('stack', stackWords),
  ...TYPES.map((t) => [`achievementType.${t}`, achievementTypeName(t, 'ja')] as const),
  ...['emailAddress', 'url', 'telephone', 'sourcedId'].map((t) => [`identityType.${t}`, identityTypeName(t, 'ja')] as const),
  ['hashedIdentity', hashedIdentityText('emailAddress', 'ja')],
];

const JP = '\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uff01-\\uff60';
const JP_CHAR = new RegExp(`[${JP}]`, 'u');

/** Words the glossary forbids, each with the word to use (docs/JA-GLOSSARY.md). */
const FORBIDDEN: readonly (readonly [RegExp, string])[] = [
  [/合格|不合格/u, '問題なし / 問題あり (a check is not an exam)'],
  [/チャレンジ|ノンス/u, '確認コード'],
  [/資格情報|(?<!マイクロ|マクロ)クレデンシャル/u, '証明書 (or バッジ)'],
  [/プレゼンテーション/u, '提示 / 提示データ'],
  [/持ち主|ホルダー/u, '保有者 / 本人'],
  [/ブラウザ(?!ー)/u, 'ブラウザー'],
  [/授与基準/u, '取得条件'],
  [/アラインメント/u, '対応するスキル・基準'],
  [/推薦/u, '推奨（エンドースメント）'],
  [/エビデンス/u, '根拠資料'],
  [/ステータスリスト/u, '失効リスト'],
  [/自己申告|名乗/u, '記載（未確認）'],
  [/検証失敗/u, '無効'],
  [/失効され/u, '失効させ… (active voice)'],
  [/このウォレットは|このウォレットが/u, 'このアプリ (the software)'],
  [/取り込み/u, '追加'],
  [/進み具合/u, '達成状況'],
  [/スタッカビリティ/u, '積み上げ'],
  [/Webページ|Webサイト/u, 'ウェブページ / ウェブサイト'],
  [/積み木/u, 'Tsumiki (one product name)'],
  [/この達成|達成の別|種類の達成/u, 'バッジ / 達成内容 (達成 is not a countable noun)'],
  [/個(?!人|別|所)/u, 'QRコード → 枚, バッジ → 件'],
  [/≈/u, '約'],
  [/ — |—/u, '。 or ： (no em dash in Japanese)'],
  [/[“”]/u, '「」'],
];

/** Latin words allowed inside Japanese text: names, formats and units. */
const ALLOWED_LATIN = new Set(
  [
    'Open', 'Badges', 'Tsumiki', 'QR', 'PDF', 'JSON', 'JSON-LD', 'JWT', 'JWS', 'PNG', 'SVG', 'URL', 'HTTP', 'HTTPS', 'https', 'http', 'CORS', 'ID', 'PIN', 'CLI',
    'JV-Campus', 'JMOOC', 'EU', 'ECTS', 'UCTS', 'CLR', 'W3C', 'DCC', 'Recognized', 'Entities', 'Ed25519', 'U', 'DID', 'MB', 'LinkedIn',
    'Users', 'Guide', 'UMAP', 'CFR', 'none', 'GED', 'SDGs',
    // protocols a verifier may ask with (issue 13)
    'OpenID4VP', 'VC-API',
    // the Credential Engine and its pathway language (issue 16)
    'Credential', 'Engine', 'CTDL',
    // pathway file format keys (errors name the key to fix)
    'achievementId', 'alignment', 'title', 'anyOf', 'min', 'max', 'match', 'of',
  ].map((w) => w.toLowerCase()),
);

/** Codes a message must name as they are written (the example of a language tag, for a pathway author). */
const EXEMPT: Readonly<Record<string, readonly string[]>> = { 'stack.ERROR_WORDS.LANGUAGE_TAG_INVALID': ['en', 'ja'] };

function latinWords(text: string): string[] {
  const bare = text.replace(/\{\w+\}/g, ' ').replace(/__proto__/g, ' ');
  return [...bare.matchAll(/[A-Za-z][A-Za-z0-9]*(?:[-'’][A-Za-z0-9]+)*/g)].map((m) => m[0].replace(/['’].*$/, ''));
}

function problems(where: string, text: string): string[] {
  if (!JP_CHAR.test(text)) return [];
  const out: string[] = [];
  for (const [re, use] of FORBIDDEN) {
    const m = re.exec(text);
    if (m) out.push(`${where}: 「${m[0]}」 → ${use}`);
  }
  // Brackets: never nested, never half-width around or next to Japanese (JA-GLOSSARY §2.4).
  if (/（[^（）]*（|\([^()]*（|（[^（）]*\(/u.test(text)) out.push(`${where}: nested brackets`);
  for (const m of text.matchAll(/\(([^()]*)\)/g)) {
    const before = text.slice(0, m.index).slice(-1);
    if (JP_CHAR.test(m[1] ?? '') || JP_CHAR.test(before) || JP_CHAR.test(text.charAt(m.index + m[0].length))) out.push(`${where}: half-width brackets in Japanese text「${m[0]}」`);
  }
  // No space between Japanese and Latin letters, digits or placeholders (§2.5).
  const space = new RegExp(`[${JP}] +[A-Za-z0-9{]|[A-Za-z0-9}%] +[${JP}]`, 'u').exec(text);
  if (space) out.push(`${where}: space between Japanese and Latin/digits「${space[0]}」`);
  // Half-width punctuation after Japanese (§2.4): ？ ！ ： are full-width.
  const punct = new RegExp(`[${JP}][?!:]`, 'u').exec(text);
  if (punct) out.push(`${where}: half-width punctuation「${punct[0]}」`);
  // A message with a sentence end inside ends with one too (§2.1), unless it ends on a label's value.
  if (/。./u.test(text) && !/[。？！）」]$|：\{\w+\}$|：$/u.test(text)) out.push(`${where}: two sentences without a final 。`);
  // English leaking into Japanese: only allow-listed names.
  for (const w of latinWords(text)) {
    if (!ALLOWED_LATIN.has(w.toLowerCase()) && !(EXEMPT[where] ?? []).includes(w)) out.push(`${where}: English word in Japanese text「${w}」`);
  }
  return out;
}

describe('Japanese message tables follow docs/JA-GLOSSARY.md', () => {
  it('reads every table (a table that disappears would silently escape the rules)', () => {
    expect(ALL_JA.length).toBeGreaterThan(700);
    for (const prefix of ['ja.ts.', 'codeJa.', 'errorJa.', 'descriptors.VERDICT_WORDS.', 'descriptors.MC_WORDS.', 'stack.REASON_WORDS.', 'stack.LABEL_WORDS.', 'catalog.', 'achievementType.']) {
      expect(ALL_JA.some(([w]) => w.startsWith(prefix)), prefix).toBe(true);
    }
  });

  it('no forbidden term, nested or half-width bracket, stray space, half-width punctuation or English word', () => {
    expect(ALL_JA.flatMap(([where, text]) => problems(where, text))).toEqual([]);
  });

  it('the rules themselves catch what the glossary lists (each would fail)', () => {
    const bad: Record<string, string> = {
      passed: '合格',
      nested: '(バッジ自身が名乗る名前（検証されていません）)',
      challenge: '採用担当者のチャレンジ',
      leakType: '種類 Course',
      leakLang: '言語 ja',
      space: '{total} 件中 {shown} 件',
      counter: 'QRコード{count}個',
      achievement: 'この達成が必要',
      dash: '準備ができました — 再読み込み',
      noFinalStop: '署名が一致しません。内容が改ざんされています',
    };
    for (const [k, v] of Object.entries(bad)) expect(problems(k, v), k).not.toEqual([]);
    for (const ok of ['問題なし', '（記載上の名称・未確認）', '種類：講座・科目', '3 ECTS単位', 'QRコード3枚', 'Open Badges 2.0・3.0の証明書', 'JV-Campus/JMOOCの記述項目']) {
      expect(problems('ok', ok), ok).toEqual([]);
    }
  });
});
