/** バッジをQRコード以外で示す（issue 14）：PDF証明書とLinkedInの日本語。ja.tsに展開される。 */
import type { presentEn } from './en-present.ts';

export const presentJa: Record<keyof typeof presentEn, string> = {
  'present.pdf': 'PDF証明書をダウンロード',
  'present.pdfRecord': 'PDFの学習記録をダウンロード（{count}件）',
  'present.pdfBusy': 'PDFを作成しています…',
  'present.pdfDone': 'PDF証明書を保存しました。署名済みのバッジが添付されているので、だれでもTsumikiで検証できます。',
  'present.pdfFailed': 'PDFを作成できませんでした：{why}',
  'present.linkedin': 'LinkedInのプロフィールに追加',
  'present.linkedinHint': 'このバッジと検証用リンクを入力したLinkedInのフォームを、新しいタブで開きます',
};
