/**
 * The headline's words, in English and Japanese (JA-GLOSSARY §1.5): a short label for chips and
 * headings, a one-sentence explanation, and the specifics the deciding check gives (who issued it,
 * which date, what to do next). The same words in every screen and in the CLI. The labels and
 * explanations live in headline-en.ts and headline-ja.ts, so the app's first paint carries one language.
 */
import type { Headline, HeadlineOf } from '../model/headline.ts';
import type { Lang } from './lang.ts';
import { verificationText } from './verification.ts';
import { headlineExplanationEn, headlineLabelEn } from './headline-en.ts';
import { headlineExplanationJa, headlineLabelJa } from './headline-ja.ts';

export const headlineLabel: Record<Lang, Record<Headline, string>> = { en: headlineLabelEn, ja: headlineLabelJa };

export const headlineExplanation: Record<Lang, Record<Headline, string>> = { en: headlineExplanationEn, ja: headlineExplanationJa };

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
const day = (v: unknown): string => str(v).slice(0, 10);

/** The specifics of a headline: who issued it, which date, what differs, what to do next. */
export function headlineDetail(h: HeadlineOf, lang: Lang): string {
  const c = h.because;
  const d = c?.data ?? {};
  const ja = lang === 'ja';
  switch (h.headline) {
    case 'GENUINE':
      if (c?.code === 'LISTED') return ja ? `発行者：${str(d.name)}（信頼リスト「${str(d.list)}」に登録）` : `Issued by ${str(d.name)} (on the trust list “${str(d.list)}”)`;
      if (c?.code === 'DOMAIN') return ja ? `${str(d.domain)}の管理者が発行しました` : `Issued by whoever controls ${str(d.domain)}`;
      return '';
    case 'EXPIRED':
      if (c?.code === 'NOT_YET_VALID') return ja ? `${day(d.validFrom)}から有効になります` : `Valid only from ${day(d.validFrom)}`;
      return ja ? `${day(d.validUntil)}に有効期限が切れました` : `Expired on ${day(d.validUntil)}`;
    case 'REVOKED':
    case 'SUSPENDED':
      return d.fetchedAt ? (ja ? `失効リストの確認日時：${day(d.fetchedAt)}` : `Status list checked ${day(d.fetchedAt)}`) : '';
    case 'FORGED':
      if (c?.code === 'LOOKALIKE') return ja ? `登録済みの発行者「${str(d.name)}」の名前を使っていますが、その発行者ではありません` : `Uses the name of the listed issuer “${str(d.name)}” but is not that issuer`;
      if (c?.code === 'RECIPIENT_MISMATCH') return ja ? '入力された受領者には発行されていません' : 'Not issued to the person you named';
      return c ? verificationText[lang].code[c.code] : '';
    case 'NOT_CHECKED':
      if (c?.outcome === 'not-checked' && c.reason === 'offline') return ja ? `${verificationText.ja.check[c.id]}はオンラインで確認できます` : `${verificationText.en.check[c.id]}: check online to finish`;
      return c ? verificationText[lang].code[c.code] : '';
    case 'UNKNOWN_ISSUER':
      return ja ? '信頼リストを追加するか、発行者を知っている場合は「この発行者を信頼する」で登録できます' : 'Add a trust list, or pin the issuer if you know it';
    default:
      return c ? verificationText[lang].code[c.code] : '';
  }
}
