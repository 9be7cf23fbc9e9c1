/**
 * One headline per credential, the same in every screen and in the CLI: what a learner or an
 * employer reads first. It is derived from the checks alone (never from the credential's words):
 *
 * - `GENUINE`: intact, from a proven issuer (listed, or its domain), valid, not revoked — the only green;
 * - `UNKNOWN_ISSUER`: intact and valid, but nobody vouches for the issuer; its name is only a claim;
 * - `EXPIRED`: genuine but outside its validity period (not the red of a forgery);
 * - `REVOKED` / `SUSPENDED`: withdrawn by its issuer;
 * - `FORGED`: altered, signed by a key that is not the issuer's, a lookalike of a listed issuer, or
 *   not issued to the person named;
 * - `NOT_CHECKED`: something that matters could not be checked (offline, no status list…);
 * - `UNSUPPORTED`: a format, context or algorithm Tsumiki does not verify;
 * - `UNREADABLE`: not a readable credential, or one that cannot be read one way.
 */
import { verdictOf, type Check, type CheckId } from './verification.ts';

export const HEADLINES = ['GENUINE', 'UNKNOWN_ISSUER', 'EXPIRED', 'REVOKED', 'SUSPENDED', 'FORGED', 'NOT_CHECKED', 'UNSUPPORTED', 'UNREADABLE'] as const;
export type Headline = (typeof HEADLINES)[number];

/** The colour family of a headline (always shown with its icon and words, never by colour alone). */
export function toneOf(h: Headline): 'good' | 'warn' | 'bad' | 'neutral' {
  switch (h) {
    case 'GENUINE':
      return 'good';
    case 'FORGED':
      return 'bad';
    case 'UNKNOWN_ISSUER':
    case 'EXPIRED':
    case 'REVOKED':
    case 'SUSPENDED':
    case 'NOT_CHECKED':
      return 'warn';
    default:
      return 'neutral';
  }
}

/** Checks whose failure means the credential is not what it claims to be. */
const FORGERY: readonly CheckId[] = ['proof', 'issuer-key', 'issuer-identity', 'recipient'];

export interface HeadlineOf {
  readonly headline: Headline;
  /** The check that decided it (for the words: which date, which list, what to do next). */
  readonly because?: Check;
}

export function headlineOf(checks: readonly Check[]): HeadlineOf {
  const verdict = verdictOf(checks);
  const failed = (ids: readonly CheckId[]) => checks.find((c) => c.outcome === 'failed' && ids.includes(c.id));
  if (verdict === 'rejected') return { headline: 'UNREADABLE' };
  const forged = failed(FORGERY);
  if (forged) return { headline: 'FORGED', because: forged };
  const structure = failed(['structure']);
  if (structure) return { headline: 'UNREADABLE', because: structure };
  const status = failed(['status']);
  if (status) return { headline: status.code === 'SUSPENDED' ? 'SUSPENDED' : 'REVOKED', because: status };
  const validity = failed(['validity-period']);
  if (validity) return { headline: 'EXPIRED', because: validity };
  if (verdict === 'unsupported') return { headline: 'UNSUPPORTED', because: checks.find((c) => c.outcome === 'not-checked' && c.reason === 'unsupported') };
  if (verdict === 'verified') return { headline: 'GENUINE', because: checks.find((c) => c.id === 'issuer-identity') };
  // Nothing failed, but not everything was checked. When the only gap is who the issuer is, say that.
  const gaps = checks.filter((c) => c.outcome === 'not-checked' && c.reason !== 'not-applicable');
  if (gaps.length > 0 && gaps.every((c) => c.id === 'issuer-identity' && c.code === 'ISSUER_UNKNOWN')) return { headline: 'UNKNOWN_ISSUER', because: gaps[0] };
  return { headline: 'NOT_CHECKED', because: gaps.find((c) => c.id !== 'issuer-identity') ?? gaps[0] };
}
