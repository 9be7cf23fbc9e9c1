/** Micro-credential descriptors (issue 5): decode, normalise effort/credit to hours, check frameworks. */
export {
  DESCRIPTORS,
  DESCRIPTOR_IDS,
  EU_MANDATORY,
  MANDATORY_IDS,
  OPTIONAL_IDS,
  descriptorDef,
  isDescriptorId,
  type Bilingual,
  type DescriptorDef,
  type DescriptorId,
  type EuMandatoryId,
} from './catalog.ts';
export { ORIGINS, type DescriptorCandidate, type Origin, type UnplacedEntry } from './collect.ts';
export {
  CREDIT_UNITS,
  HOUR_RULES,
  mainQuantity,
  parseQuantities,
  ruleFor,
  toHours,
  unitsMentioned,
  type CreditUnit,
  type HourRule,
  type KnownUnit,
  type Quantity,
  type Range,
} from './credit.ts';
export {
  extractAchievementDescriptors,
  extractDescriptors,
  type AchievementContext,
  type CredentialKind,
  type DescriptorEntry,
  type DescriptorReport,
  type ExtractOptions,
} from './extract.ts';
export { listClrAchievements, type ClrItem } from './clr.ts';
export {
  VERDICT_CODES,
  checkFrameworks,
  type EuCheck,
  type EuVerdict,
  type FrameworkReport,
  type JvVerdict,
  type VerdictCode,
} from './framework.ts';
export type { HoursReading } from './hours.ts';
export * as descriptorWords from './i18n.ts';
export { toDescriptorsJson, type DescriptorsJson } from './inspect-json.ts';
export { MAX_PARSE_LENGTH, SEPARATORS, parseLabelledText, type LabelForm, type LabelledSegment, type LabelledText, type UnplacedText } from './labelled-text.ts';
export { MC_CODES, isParticipationOnly, judgeMicroCredential, type McCode, type McJudgement } from './micro-credential.ts';
export { NOTE_CODES, SIGNAL_KINDS, type McSignal, type Note, type NoteCode, type SignalKind } from './sources.ts';
