/** The headline's words in English (see headline.ts): a short label, and one sentence saying what it means. */
import type { Headline } from '../model/headline.ts';

export const headlineLabelEn: Record<Headline, string> = {
  GENUINE: 'Genuine',
  UNKNOWN_ISSUER: 'Issuer not confirmed',
  EXPIRED: 'Expired',
  REVOKED: 'Revoked',
  SUSPENDED: 'Suspended',
  FORGED: 'Forgery detected',
  NOT_CHECKED: 'Not fully checked',
  UNSUPPORTED: 'Unsupported format',
  UNREADABLE: 'Unreadable',
};

export const headlineExplanationEn: Record<Headline, string> = {
  GENUINE: 'Not altered since it was issued, by an issuer whose identity is proven; valid and not revoked.',
  UNKNOWN_ISSUER: 'Not altered, but nobody you trust vouches for the issuer: the name it gives is only its own claim.',
  EXPIRED: 'Genuine, but outside the validity period its issuer set.',
  REVOKED: 'Its issuer has revoked this badge: it is no longer in force.',
  SUSPENDED: 'Its issuer has suspended this badge for now (it may be reinstated).',
  FORGED: 'The signature and the content do not match, the key is not the issuer’s, or it poses as another issuer.',
  NOT_CHECKED: 'Part of it could not be checked yet, so it cannot be called genuine.',
  UNSUPPORTED: 'Tsumiki does not support this format or signature (this does not mean it is forged).',
  UNREADABLE: 'Not data Tsumiki can read as a badge: a damaged file, or another kind of file.',
};
