/**
 * The words under a headline (issue 12): what it means, and the specifics the deciding check gives —
 * who issued it (a listed name, or whoever controls a domain: never the badge's own name as a
 * fact), which date, what to do next. The core's `headlineDetail` is used where it says it; the
 * app words a few with what only the app knows (a demo list, a pin, dates in the UI's format).
 * Loaded with the screens that show details, not with the first paint.
 */
import { headlineDetail, headlineExplanation } from '../lib/i18n/headline.ts';
import type { I18n } from './state/I18n.svelte.ts';
import type { ShownHeadline } from './headline.ts';

const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** What a next step under a headline offers. */
export type NextStep = 'check-online' | 'add-list' | 'pin';

export interface HeadlineWords {
  readonly explanation: string;
  readonly detail: string;
  readonly next: readonly NextStep[];
}

/** `claimedName`: the name the badge gives its issuer (a claim), for UNKNOWN_ISSUER. */
export function headlineWords(h: ShownHeadline, i18n: I18n, claimedName?: string): HeadlineWords {
  const { t, lang } = i18n;
  const d = h.because?.data ?? {};
  const explanation = headlineExplanation[lang][h.headline];
  if (h.stale) return { explanation: t('headline.staleExplanation'), detail: t('headline.stale'), next: [] };
  switch (h.headline) {
    case 'GENUINE': {
      if (h.because?.code !== 'LISTED') return { explanation, detail: headlineDetail(h, lang), next: [] };
      const name = str(d.name);
      const list = str(d.publisher) || str(d.list);
      if (d.demo === true) return { explanation, detail: t('headline.listedDemo', { name }), next: [] };
      if (d.kind === 'pins') return { explanation, detail: t('headline.listedPin', { name }), next: [] };
      if (d.kind === 'dcc-registry') return { explanation, detail: t('headline.listedRegistry', { name, list: str(d.list) }), next: [] };
      return { explanation, detail: d.asOf ? t('headline.listedAsOf', { name, list, date: i18n.date(str(d.asOf)) }) : t('headline.listed', { name, list }), next: [] };
    }
    case 'EXPIRED':
      if (h.because?.code === 'NOT_YET_VALID') return { explanation, detail: t('headline.validFrom', { date: i18n.date(str(d.validFrom), true) }), next: [] };
      return { explanation, detail: t('headline.expiredOn', { date: i18n.date(str(d.validUntil), true) }), next: [] };
    case 'REVOKED':
    case 'SUSPENDED':
      return { explanation, detail: d.fetchedAt ? t('headline.statusAsOf', { date: i18n.date(str(d.fetchedAt), true) }) : '', next: ['check-online'] };
    case 'UNKNOWN_ISSUER':
      return { explanation, detail: claimedName ? t('headline.unknownIssuer', { name: claimedName }) : t('headline.unknownIssuerNoName'), next: ['add-list', 'pin'] };
    case 'NOT_CHECKED': {
      const offline = h.because?.outcome === 'not-checked' && h.because.reason === 'offline';
      return { explanation, detail: headlineDetail(h, lang), next: offline ? ['check-online'] : [] };
    }
    default:
      return { explanation, detail: headlineDetail(h, lang), next: [] };
  }
}
