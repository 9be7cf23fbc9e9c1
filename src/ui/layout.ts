/**
 * Screen size decisions shared by the screens (issue 14): on a wide screen the badge page's and the
 * wallet's disclosures start open (there is room beside them); on a phone they start closed, so the
 * first screen answers the questions that matter and the rest is a tap away.
 */
export const WIDE_QUERY = '(min-width: 861px)';

/** True on a screen wide enough for two columns (read once, when a screen opens). */
export function isWide(): boolean {
  return typeof matchMedia === 'function' && matchMedia(WIDE_QUERY).matches;
}
