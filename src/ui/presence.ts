/**
 * The employer's plain question (issue 12): does the person in front of me hold this badge? Two
 * checks answer parts of it, and neither alone answers all of it:
 * - the recipient check compares the identity the employer typed (an e-mail…) with the badge's
 *   recipient (often only a salted hash): is the badge *about* that person?
 * - the holder proof (a presentation signed for the employer's challenge) shows the badges are being
 *   shown live from the device that holds them, not replayed from a copy.
 * The answer says which of these hold, and never more: the device key is nobody's name.
 */
import type { Check } from '../lib/model/verification.ts';
import type { HolderCheck } from '../lib/share/holder.ts';

export type Presence =
  | 'MISMATCH' //        the badge names someone else
  | 'HOLDER_BAD' //      the holder's proof failed (altered, replayed, another key)
  | 'HOLDS' //           issued to the identity given, and shown live for the employer's challenge
  | 'NAMED_NOT_LIVE' //  issued to the identity given, but nothing shows who is showing it
  | 'LIVE_NOT_NAMED' //  shown live, but no identity was given to compare
  | 'CANNOT_COMPARE' //  an identity was given, but the badge's recipient cannot be compared
  | 'NOT_SHOWN'; //      neither: anyone with a copy could show it

export function presenceOf(recipient: Check | undefined, holder: HolderCheck | undefined, challenge: string): { readonly code: Presence; readonly tone: 'good' | 'warn' | 'bad' } {
  if (recipient?.outcome === 'failed') return { code: 'MISMATCH', tone: 'bad' };
  if (holder?.outcome === 'failed') return { code: 'HOLDER_BAD', tone: 'bad' };
  const live = holder?.outcome === 'passed' && challenge.trim() !== '';
  if (recipient?.outcome === 'passed') return live ? { code: 'HOLDS', tone: 'good' } : { code: 'NAMED_NOT_LIVE', tone: 'warn' };
  if (recipient?.outcome === 'not-checked' && recipient.code !== 'NO_RECIPIENT_GIVEN') return { code: 'CANNOT_COMPARE', tone: 'warn' };
  return live ? { code: 'LIVE_NOT_NAMED', tone: 'warn' } : { code: 'NOT_SHOWN', tone: 'warn' };
}
