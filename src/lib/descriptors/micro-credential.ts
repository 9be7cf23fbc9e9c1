/**
 * The one definition of "is this a micro-credential" (issue 14). Every place that decides it — the
 * descriptor panel, the wallet card's mark and "micro-credentials only" filter, a pathway's
 * `microCredential` condition, `tsumiki inspect` — reads `FrameworkReport.microCredential`, which
 * this function computes. Nothing else may decide it.
 *
 * A badge is a micro-credential when
 *   1. it holds an achievement (an OB 3.0 Achievement or an OB 2.0 BadgeClass) we could read, and
 *   2. it is not a participation badge: it states learning outcomes or a type of assessment
 *      (JV-Campus/JMOOC: a certificate of participation is "not recognized as a micro-credential";
 *      the EU and Australian definitions also require assessed learning), and
 *   3. either it says so itself (achievementType `MicroCredential`, or the word "micro-credential"
 *      in its title, image caption or certification text), or it carries every mandatory
 *      descriptor of the JV-Campus/JMOOC set (11) or of the EU Council Recommendation set (11).
 *
 * So a badge that calls itself a course but describes itself completely the way the framework asks
 * is a micro-credential (the framework defines one by its descriptors, not by a type name), and a
 * badge that calls itself a micro-credential but shows no assessed learning is not. Every judgement
 * carries its reasons as codes; words are in i18n.ts (`mcText`).
 */
import type { DescriptorId, EuMandatoryId } from './catalog.ts';
import type { McSignal } from './sources.ts';

export const MC_CODES = [
  'DECLARED_AND_DESCRIBED', // says it is one and carries a full descriptor set
  'DESCRIBED', //              carries a full descriptor set (JV-Campus/JMOOC or EU) without saying so
  'DECLARED', //               says it is one; some mandatory descriptors are missing
  'PARTICIPATION', //          no learning outcomes and no assessment: a participation badge
  'NOT_DECLARED', //           neither says so nor carries a full set
  'NO_ACHIEVEMENT', //         no readable achievement to judge
] as const;
export type McCode = (typeof MC_CODES)[number];

export interface McJudgement {
  readonly isMicroCredential: boolean;
  readonly code: McCode;
  /** The badge's own statements that it is a micro-credential. */
  readonly signals: readonly McSignal[];
  /** Which full descriptor sets it carries. */
  readonly sets: readonly ('jv' | 'eu')[];
  /** JV-Campus/JMOOC mandatory descriptors it lacks (empty when it meets the set). */
  readonly missing: readonly DescriptorId[];
}

export interface McInput {
  readonly hasAchievement: boolean;
  readonly present: ReadonlySet<DescriptorId>;
  readonly signals: readonly McSignal[];
  readonly jvMissing: readonly DescriptorId[];
  readonly euMissing: readonly EuMandatoryId[];
}

/** No learning outcomes and no type of assessment. */
export function isParticipationOnly(present: ReadonlySet<DescriptorId>): boolean {
  return !present.has('assessment') && !present.has('learningOutcomes');
}

export function judgeMicroCredential(input: McInput): McJudgement {
  const signals = input.signals;
  const sets: ('jv' | 'eu')[] = [];
  if (input.hasAchievement && input.jvMissing.length === 0) sets.push('jv');
  if (input.hasAchievement && input.euMissing.length === 0) sets.push('eu');
  const base = { signals, sets, missing: input.jvMissing };
  if (!input.hasAchievement) return { ...base, isMicroCredential: false, code: 'NO_ACHIEVEMENT' };
  if (isParticipationOnly(input.present)) return { ...base, isMicroCredential: false, code: 'PARTICIPATION' };
  const declared = signals.length > 0;
  const described = sets.length > 0;
  if (declared && described) return { ...base, isMicroCredential: true, code: 'DECLARED_AND_DESCRIBED' };
  if (described) return { ...base, isMicroCredential: true, code: 'DESCRIBED' };
  if (declared) return { ...base, isMicroCredential: true, code: 'DECLARED' };
  return { ...base, isMicroCredential: false, code: 'NOT_DECLARED' };
}
