/**
 * The version of the wallet marks' definition (SummaryMarks.v), kept apart so the wallet screen can
 * tell stale marks without loading the descriptor reader. 2: the one micro-credential definition
 * (src/lib/descriptors/micro-credential.ts) and credit never in hours (issue 14).
 */
import type { SummaryMarks } from '../store/types.ts';

export const MARKS_VERSION = 2;

/** No marks yet, or marks computed by an older definition: the backfill computes them again. */
export function marksStale(m: SummaryMarks | undefined): boolean {
  return m === undefined || m.v !== MARKS_VERSION;
}
