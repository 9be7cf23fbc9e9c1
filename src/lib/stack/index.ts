/** Pathways (issue 6): the format, its validation, badge facts, CLR stacking and progress. Pure; runs in Node and the browser. */
export {
  BASES,
  CONVERSIONS,
  DEFAULT_OPTIONS,
  NODE_KINDS,
  PATHWAY_SCHEMA_PATH,
  PATHWAY_UNITS,
  PATHWAY_VERSION,
  pickText,
  walkNodes,
  type AchievementNode,
  type AllOfNode,
  type AtLeastNode,
  type AwardingBody,
  type Basis,
  type Conditions,
  type Conversion,
  type CreditsNode,
  type IssuerConstraint,
  type LangMap,
  type LevelConstraint,
  type Matcher,
  type NodeKind,
  type Pathway,
  type PathwayOptions,
  type PathwayUnit,
  type RequirementNode,
  type PathwaySourceFormat,
  type Unsupported,
  SOURCE_FORMATS,
} from './pathway.ts';
export { parsePathway, MAX_PATHWAY_TEXT, type PathwayParse } from './validate.ts';
export { PATHWAY_ERROR_CODES, type PathwayError, type PathwayErrorCode } from './validate-parts.ts';
export { pathwayToJson } from './serialize.ts';
export { badgeFacts, trustOf, type BadgeAlignment, type BadgeTitle, type BadgeTrust, type FactOptions, type StackBadge, type VerificationLike } from './facts.ts';
export { ASSOCIATION_TYPES, pathwaysFromClr, relationsOf, stackingOf, type AssociationType, type StackRelation } from './clr.ts';
export { REASON_CODES, type Reason, type ReasonCode } from './match.ts';
export { convert, amountFor, UNIT_OF, type CountedAmount } from './units.ts';
export { progress, type ProgressOptions } from './progress.ts';
export {
  BADGE_STATUSES,
  type BadgeProgress,
  type BadgeRequirement,
  type BadgeStatus,
  type CountedEntry,
  type MissingEntry,
  type Need,
  type NodeProgress,
  type Outcome,
  type Progress,
} from './report.ts';
export * as pathwayWords from './i18n.ts';
export { CTDL_ERROR_CODES, CTDL_FRAMEWORK, MAX_CTDL_TEXT, importCtdl, isCtdlPathway, unitOfCtdl, type CtdlErrorCode, type CtdlImport } from './ctdl.ts';
