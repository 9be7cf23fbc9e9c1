/**
 * LinkedIn "Add to profile" for a badge: a link to LinkedIn's own form, filled in (certification
 * name, issuing organisation, issue and expiry month, credential URL and id). Nothing is sent
 * anywhere until the learner opens it; LinkedIn then shows the form for them to check and save.
 * The credential URL is the badge's verify link, so whoever reads the profile can check it.
 *
 * Offered only when the app runs on a public origin: a verify link on localhost or a file:// page
 * would lead a profile's readers nowhere.
 */
import type { CertificateFacts } from './facts.ts';

export const LINKEDIN_ADD = 'https://www.linkedin.com/profile/add';

/** Longest text put into one field (LinkedIn's own form caps names well below this). */
const MAX_FIELD = 200;

export interface LinkedInEntry {
  readonly name: string;
  readonly organizationName?: string | null;
  /** ISO 8601 (the calendar date as written is used), or null. */
  readonly issued?: string | null;
  readonly expires?: string | null;
  readonly certUrl?: string | null;
  readonly certId?: string | null;
}

const clean = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_FIELD).trim();

/** Year and month (1–12) of an ISO date as written; undefined for anything else. */
export function yearMonth(iso: string | null | undefined): { year: number; month: number } | undefined {
  const m = /^(\d{4})-(\d{2})(?:-\d{2})?(?:[T ]|$)/.exec(iso ?? '');
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  return month >= 1 && month <= 12 && year >= 1900 ? { year, month } : undefined;
}

/**
 * The "Add to profile" link, or undefined when there is no name to add (LinkedIn requires one).
 * Missing fields are left out, never sent empty. Every value is percent-encoded (spaces as %20).
 */
export function linkedInAddUrl(entry: LinkedInEntry): string | undefined {
  const name = clean(entry.name);
  if (name === '') return undefined;
  const params: [string, string][] = [
    ['startTask', 'CERTIFICATION_NAME'],
    ['name', name],
  ];
  const org = clean(entry.organizationName);
  if (org !== '') params.push(['organizationName', org]);
  const issued = yearMonth(entry.issued);
  if (issued) params.push(['issueYear', String(issued.year)], ['issueMonth', String(issued.month)]);
  const expires = yearMonth(entry.expires);
  if (expires) params.push(['expirationYear', String(expires.year)], ['expirationMonth', String(expires.month)]);
  if (entry.certUrl && /^https:\/\//i.test(entry.certUrl)) params.push(['certUrl', entry.certUrl]);
  const id = clean(entry.certId);
  if (id !== '') params.push(['certId', id]);
  return `${LINKEDIN_ADD}?${params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
}

/** The profile entry of a badge: its name, the issuer (as listed on a trust list when it is, else as it names itself), its dates. */
export function linkedInEntryOf(facts: Pick<CertificateFacts, 'title' | 'issuer' | 'issuerName' | 'issued' | 'validUntil' | 'credentialId'>, certUrl?: string): LinkedInEntry {
  const listed = facts.issuer.proven === 'listed' ? facts.issuer.listedAs?.name : undefined;
  return {
    name: facts.title,
    organizationName: listed || facts.issuerName || null,
    issued: facts.issued,
    expires: facts.validUntil,
    certUrl: certUrl ?? null,
    certId: facts.credentialId,
  };
}

const PRIVATE_V4 = /^(?:10\.|127\.|0\.|169\.254\.|192\.168\.|172\.(?:1[6-9]|2\d|3[01])\.)/;

/** True for an https origin that others can reach: not localhost, a private address or a file. */
export function isPublicOrigin(href: string): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:') return false;
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) return false;
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return !PRIVATE_V4.test(host);
  if (host.includes(':')) return !(host === '::1' || host.startsWith('fc') || host.startsWith('fd') || host.startsWith('fe80') || host === '::');
  return host.includes('.');
}
