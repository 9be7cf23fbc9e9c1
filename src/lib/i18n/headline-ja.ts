/** The headline's words in Japanese (JA-GLOSSARY §1.5; see headline.ts): a short label, and one sentence saying what it means. */
import type { Headline } from '../model/headline.ts';

export const headlineLabelJa: Record<Headline, string> = {
  GENUINE: '本物と確認',
  UNKNOWN_ISSUER: '発行者未確認',
  EXPIRED: '有効期限切れ',
  REVOKED: '失効',
  SUSPENDED: '一時停止中',
  FORGED: '改ざんを検出',
  NOT_CHECKED: '確認未完了',
  UNSUPPORTED: '未対応の形式',
  UNREADABLE: '読み取り不可',
};

export const headlineExplanationJa: Record<Headline, string> = {
  GENUINE: '発行後に改ざんされておらず、発行者・有効期限・失効状態もすべて確認できました。',
  UNKNOWN_ISSUER: '内容は改ざんされていませんが、記載された発行者が本当に発行したかは確認できません。',
  EXPIRED: '発行者が定めた有効期限を過ぎており、現在は有効ではありません。',
  REVOKED: '発行者がこのバッジを失効させており、現在は効力がありません。',
  SUSPENDED: '発行者がこのバッジの効力を一時的に停止しています（今後解除される場合があります）。',
  FORGED: '署名と内容が一致せず、発行後に書き換えられたか、発行者以外が作成したものです。',
  NOT_CHECKED: 'オフラインなどの理由で一部を確認できておらず、まだ本物とは判断できません。',
  UNSUPPORTED: 'このアプリが対応していない形式・署名方式のため検証できません（偽物という意味ではありません）。',
  UNREADABLE: 'バッジとして読み取れるデータではなく、ファイルの破損か、別の種類のファイルと考えられます。',
};
