/**
 * The headline a screen shows for a report (issue 12): computed from its checks with the core's
 * `headlineOf`, never from the credential's words. Light (the wallet list paints with it); the
 * detailed words are in headline-words.ts, loaded with the screens that show them.
 */
import { headlineOf, toneOf, type Headline, type HeadlineOf } from '../lib/model/headline.ts';
import type { Check } from '../lib/model/verification.ts';
type IconName = 'check' | 'question' | 'clock' | 'ban' | 'pause' | 'cross' | 'dash' | 'alert';

export interface ShownHeadline extends HeadlineOf {
  readonly tone: ReturnType<typeof toneOf>;
  /**
   * A report made before Tsumiki checked who the issuer is (no `issuer-identity` check): it may say
   * "verified" but proves no issuer, so it is never shown as genuine; checking again brings it up to date.
   */
  readonly stale?: true;
}

/** The headline of a report's checks, as every screen shows it. */
export function headlineOfChecks(checks: readonly Check[]): ShownHeadline {
  const h = headlineOf(checks);
  if (h.headline === 'GENUINE' && !checks.some((c) => c.id === 'issuer-identity')) return { headline: 'NOT_CHECKED', tone: toneOf('NOT_CHECKED'), stale: true };
  return { ...h, tone: toneOf(h.headline) };
}

/** Whether a stored report predates the issuer-identity check (it is re-checked in the background). */
export function isStale(checks: readonly Check[]): boolean {
  return checks.length > 0 && !checks.some((c) => c.id === 'issuer-identity') && !checks.some((c) => c.id === 'format' && c.outcome === 'failed');
}

/** Each headline's icon: the words always go with it (never colour alone). */
export const HEADLINE_ICONS: Record<Headline, IconName> = {
  GENUINE: 'check',
  UNKNOWN_ISSUER: 'question',
  EXPIRED: 'clock',
  REVOKED: 'ban',
  SUSPENDED: 'pause',
  FORGED: 'cross',
  NOT_CHECKED: 'dash',
  UNSUPPORTED: 'alert',
  UNREADABLE: 'alert',
};

/**
 * An OB 2.0 badge that only links to its hosted assertion, not yet fetched (offline): nothing of it
 * was read but the link, so screens say it is a link to `url` on `domain` and offer to check it online.
 */
export function hostedLinkOf(format: string, credentialId: string | null | undefined, title: string): { readonly url: string; readonly domain: string } | null {
  if (format !== 'ob2-hosted' || title !== '' || !credentialId) return null;
  try {
    const u = new URL(credentialId);
    return u.protocol === 'https:' || u.protocol === 'http:' ? { url: u.href, domain: u.host } : null;
  } catch {
    return null;
  }
}
