/**
 * The headline's words, in English and Japanese (JA-GLOSSARY §1.5): a short label for chips and
 * headings, a one-sentence explanation, and the specifics the deciding check gives (who issued it,
 * which date, what to do next). The same words in every screen and in the CLI.
 */
import type { Headline, HeadlineOf } from '../model/headline.ts';
import type { Lang } from './lang.ts';
import { verificationText } from './verification.ts';

export const headlineLabel: Record<Lang, Record<Headline, string>> = {
  en: {
    GENUINE: 'Genuine',
    UNKNOWN_ISSUER: 'Issuer not confirmed',
    EXPIRED: 'Expired',
    REVOKED: 'Revoked',
    SUSPENDED: 'Suspended',
    FORGED: 'Forgery detected',
    NOT_CHECKED: 'Not fully checked',
    UNSUPPORTED: 'Unsupported format',
    UNREADABLE: 'Unreadable',
  },
  ja: {
    GENUINE: '本物と確認',
    UNKNOWN_ISSUER: '発行者未確認',
    EXPIRED: '有効期限切れ',
    REVOKED: '失効',
    SUSPENDED: '一時停止中',
    FORGED: '改ざんを検出',
    NOT_CHECKED: '確認未完了',
    UNSUPPORTED: '未対応の形式',
    UNREADABLE: '読み取り不可',
  },
};

export const headlineExplanation: Record<Lang, Record<Headline, string>> = {
  en: {
    GENUINE: 'Not altered since it was issued, by an issuer whose identity is proven; valid and not revoked.',
    UNKNOWN_ISSUER: 'Not altered, but nobody you trust vouches for the issuer: the name it gives is only its own claim.',
    EXPIRED: 'Genuine, but outside the validity period its issuer set.',
    REVOKED: 'Its issuer has revoked this badge: it is no longer in force.',
    SUSPENDED: 'Its issuer has suspended this badge for now (it may be reinstated).',
    FORGED: 'The signature and the content do not match, the key is not the issuer’s, or it poses as another issuer.',
    NOT_CHECKED: 'Part of it could not be checked yet, so it cannot be called genuine.',
    UNSUPPORTED: 'Tsumiki does not support this format or signature (this does not mean it is forged).',
    UNREADABLE: 'Not data Tsumiki can read as a badge: a damaged file, or another kind of file.',
  },
  ja: {
    GENUINE: '発行後に改ざんされておらず、発行者・有効期限・失効状態もすべて確認できました。',
    UNKNOWN_ISSUER: '内容は改ざんされていませんが、記載された発行者が本当に発行したかは確認できません。',
    EXPIRED: '発行者が定めた有効期限を過ぎており、現在は有効ではありません。',
    REVOKED: '発行者がこのバッジを失効させており、現在は効力がありません。',
    SUSPENDED: '発行者がこのバッジの効力を一時的に停止しています（今後解除される場合があります）。',
    FORGED: '署名と内容が一致せず、発行後に書き換えられたか、発行者以外が作成したものです。',
    NOT_CHECKED: 'オフラインなどの理由で一部を確認できておらず、まだ本物とは判断できません。',
    UNSUPPORTED: 'このアプリが対応していない形式・署名方式のため検証できません（偽物という意味ではありません）。',
    UNREADABLE: 'バッジとして読み取れるデータではなく、ファイルの破損か、別の種類のファイルと考えられます。',
  },
};

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
