/**
 * Framework checks, as codes (words are in i18n.ts):
 * - JV-Campus/JMOOC: which of the 11 mandatory descriptors are present, whether the badge is a
 *   micro-credential (the one definition: micro-credential.ts), and a verdict — meets the set / missing … / a participation badge
 *   (no assessment and no learning outcomes) / no achievement data to judge.
 * - EU Council Recommendation 2022 Annex I: the same for its 11 mandatory elements, as far as the
 *   data allows (`learnerEffort` is met by stated effort or by credit with a known unit).
 */
import { EU_MANDATORY, MANDATORY_IDS, OPTIONAL_IDS, type DescriptorId, type EuMandatoryId } from './catalog.ts';
import { isParticipationOnly, judgeMicroCredential, type McJudgement } from './micro-credential.ts';
import type { McSignal } from './sources.ts';

export const VERDICT_CODES = ['MEETS_JV_SET', 'MEETS_EU_SET', 'MISSING', 'PARTICIPATION_ONLY', 'NO_ACHIEVEMENT_DATA'] as const;
export type VerdictCode = (typeof VERDICT_CODES)[number];

export type JvVerdict =
  | { readonly code: 'MEETS_JV_SET' }
  | { readonly code: 'MISSING'; readonly missing: readonly DescriptorId[] }
  | { readonly code: 'PARTICIPATION_ONLY'; readonly missing: readonly DescriptorId[] }
  | { readonly code: 'NO_ACHIEVEMENT_DATA' };

export type EuVerdict =
  | { readonly code: 'MEETS_EU_SET' }
  | { readonly code: 'MISSING'; readonly missing: readonly EuMandatoryId[] }
  | { readonly code: 'PARTICIPATION_ONLY'; readonly missing: readonly EuMandatoryId[] }
  | { readonly code: 'NO_ACHIEVEMENT_DATA' };

export interface EuCheck {
  readonly mandatoryPresent: number;
  readonly mandatoryTotal: number;
  readonly missing: readonly EuMandatoryId[];
  /** EU optional elements found: prerequisites, supervision/identity verification, grade, stackability. */
  readonly optional: {
    readonly prerequisites: boolean;
    readonly supervision: boolean;
    readonly grade: boolean;
    readonly stackability: boolean;
  };
  readonly verdict: EuVerdict;
}

export interface FrameworkReport {
  readonly mandatoryPresent: number;
  readonly mandatoryTotal: number;
  readonly missing: readonly DescriptorId[];
  readonly optionalPresent: readonly DescriptorId[];
  /** The one definition (micro-credential.ts): `microCredential.isMicroCredential`, repeated here for the CLI contract. */
  readonly isMicroCredential: boolean;
  /** Why it presents itself as a micro-credential: achievementType, the word in the title, image caption or certification text. */
  readonly microCredentialSignals: readonly McSignal[];
  /** The judgement and its reasons. */
  readonly microCredential: McJudgement;
  readonly verdict: JvVerdict;
  readonly eu: EuCheck;
}

export interface FrameworkInput {
  readonly present: ReadonlySet<DescriptorId>;
  /** Whether an Achievement / BadgeClass was readable at all. */
  readonly hasAchievement: boolean;
  /** A credit reading with a known unit (counts as EU notional workload). */
  readonly creditWithUnit: boolean;
  readonly signals: readonly McSignal[];
  readonly euSupervision: boolean;
  readonly euGrade: boolean;
}

export function checkFrameworks(input: FrameworkInput): FrameworkReport {
  const { present } = input;
  const missing = MANDATORY_IDS.filter((id) => !present.has(id));
  const verdict: JvVerdict = !input.hasAchievement
    ? { code: 'NO_ACHIEVEMENT_DATA' }
    : missing.length === 0
      ? { code: 'MEETS_JV_SET' }
      : isParticipationOnly(present)
        ? { code: 'PARTICIPATION_ONLY', missing }
        : { code: 'MISSING', missing };

  const euPresent = (id: EuMandatoryId): boolean =>
    present.has(id) || (id === 'learnerEffort' && (present.has('learnerEffort') || input.creditWithUnit));
  const euMissing = EU_MANDATORY.filter((id) => !euPresent(id));
  const euVerdict: EuVerdict = !input.hasAchievement
    ? { code: 'NO_ACHIEVEMENT_DATA' }
    : euMissing.length === 0
      ? { code: 'MEETS_EU_SET' }
      : isParticipationOnly(present)
        ? { code: 'PARTICIPATION_ONLY', missing: euMissing }
        : { code: 'MISSING', missing: euMissing };

  const mc = judgeMicroCredential({ hasAchievement: input.hasAchievement, present, signals: input.signals, jvMissing: missing, euMissing });
  return {
    mandatoryPresent: MANDATORY_IDS.length - missing.length,
    mandatoryTotal: MANDATORY_IDS.length,
    missing,
    optionalPresent: OPTIONAL_IDS.filter((id) => present.has(id)),
    isMicroCredential: mc.isMicroCredential,
    microCredentialSignals: input.signals,
    microCredential: mc,
    verdict,
    eu: {
      mandatoryPresent: EU_MANDATORY.length - euMissing.length,
      mandatoryTotal: EU_MANDATORY.length,
      missing: euMissing,
      optional: {
        prerequisites: present.has('prerequisites'),
        supervision: input.euSupervision,
        grade: input.euGrade,
        stackability: present.has('stackability'),
      },
      verdict: euVerdict,
    },
  };
}
