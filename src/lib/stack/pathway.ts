/**
 * The pathway format, version 1: a JSON document that says what a larger credential (a certificate,
 * a degree's recognition of prior learning) is made of. These are the types after validation
 * (`parsePathway`): every list is a list, every default is filled in, every node has an id. The
 * JSON Schema is public/schemas/pathway-v1.schema.json; the guide with examples is README.md here.
 */

export const PATHWAY_VERSION = 1;
/** Where the app serves the schema; a pathway's `$schema` may name it (any other value is ignored). */
export const PATHWAY_SCHEMA_PATH = '/schemas/pathway-v1.schema.json';

/**
 * Credit units a pathway may state. `単位` is the Japanese university credit. `credits` are the
 * pathway's own credits in a unit Tsumiki cannot convert (a CTDL `DegreeCredit`, an SCQF credit): a
 * badge counts with a number it states without a unit, or with the amount its matcher gives.
 */
export const PATHWAY_UNITS = ['ECTS', 'UCTS', '単位', 'US-semester', 'hours', 'credits'] as const;
export type PathwayUnit = (typeof PATHWAY_UNITS)[number];

export const NODE_KINDS = ['achievement', 'allOf', 'atLeast', 'credits'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/**
 * Which of a badge's amounts a credits requirement reads: `credit` (the Credit descriptor, in a
 * credit unit), `effort` (Learner effort), or `either` (the one that fits the unit first: credit
 * for credit units, effort for hours; then the other).
 */
export const BASES = ['credit', 'effort', 'either'] as const;
export type Basis = (typeof BASES)[number];

/**
 * Which end of a conversion range counts when units differ (1 UCTS = 38–48 h, 1 ECTS = 25–30 h):
 * `lower` never overstates (badge hours at their lowest, divided by the most hours per target
 * unit); `middle` uses the middle of both ranges; `upper` the most generous reading.
 */
export const CONVERSIONS = ['lower', 'middle', 'upper'] as const;
export type Conversion = (typeof CONVERSIONS)[number];

/** Text by BCP 47 language tag (`en`, `ja`); a plain string in the JSON becomes `{ und: … }`. */
export type LangMap = Readonly<Record<string, string>>;

/** An issuer matches when any given field matches: an exact id, an id prefix, or a name. */
export interface IssuerConstraint {
  readonly id: readonly string[];
  readonly idStartsWith: readonly string[];
  /** Names are the issuer's own claim (only the id is bound to the signing key). */
  readonly name: readonly string[];
}

/**
 * A level: words the badge's level text contains (`anyOf`, any one suffices), or a number read
 * from it (`min`/`max`), after the framework's name when `framework` is given (`EQF 6`).
 */
export interface LevelConstraint {
  readonly anyOf: readonly string[];
  readonly framework: string | null;
  readonly min: number | null;
  readonly max: number | null;
}

/** Conditions a badge must meet; on any node, inherited by everything below it. */
export interface Conditions {
  readonly issuer?: IssuerConstraint;
  readonly level?: LevelConstraint;
  /** Earned (awardedDate, else validFrom/issuanceDate/issuedOn) at most this many years before `now`. */
  readonly earnedWithinYears?: number;
  /** OB 3.0 achievementType, any of (`MicroCredential`, `Course`; an `ext:` prefix is ignored). */
  readonly achievementType?: readonly string[];
  /** Only badges the descriptor reader recognises as micro-credentials. */
  readonly microCredential?: boolean;
}

/**
 * How a requirement recognises its badge. Title matching always names the issuer too. `credit`
 * (credits pools only): the amount, in the pool's unit, a badge this matcher recognises counts
 * with when the badge itself states none the pool can read (a CTDL component's `creditValue`).
 */
export type Matcher = (
  | { readonly by: 'achievementId'; readonly achievementId: string }
  | {
      readonly by: 'alignment';
      readonly targetCode: string | null;
      readonly targetUrl: string | null;
      readonly targetFramework: string | null;
    }
  | { readonly by: 'title'; readonly title: readonly string[]; readonly issuer: IssuerConstraint }
) & { readonly credit?: number };

interface NodeBase {
  /** The author's id, or the node's JSON pointer inside the pathway (`/requirement/of/1`). */
  readonly id: string;
  readonly title: LangMap | null;
  /** Weight in the parent's percentage; null = the default (see README). */
  readonly weight: number | null;
  readonly where: Conditions;
  /** Badges counted here may also count elsewhere (and the other way round). */
  readonly shareBadges: boolean;
}

export interface AchievementNode extends NodeBase {
  readonly kind: 'achievement';
  /** Any one matcher suffices. */
  readonly match: readonly Matcher[];
}

export interface AllOfNode extends NodeBase {
  readonly kind: 'allOf';
  readonly of: readonly RequirementNode[];
}

export interface AtLeastNode extends NodeBase {
  readonly kind: 'atLeast';
  readonly n: number;
  readonly of: readonly RequirementNode[];
}

/**
 * A credit or hour minimum. Without `of` it is a pool: every badge that matches (`match`, or any
 * badge when empty) and meets the conditions adds its amount. With `of` it adds up its child
 * credit nodes, each after its own cap. `cap`: at most this much counts.
 */
export interface CreditsNode extends NodeBase {
  readonly kind: 'credits';
  readonly min: number;
  readonly unit: PathwayUnit;
  readonly cap: number | null;
  readonly basis: Basis;
  readonly match: readonly Matcher[];
  readonly of: readonly CreditsNode[];
}

export type RequirementNode = AchievementNode | AllOfNode | AtLeastNode | CreditsNode;

export interface PathwayOptions {
  /** One badge may count for several requirements (default false). */
  readonly allowDoubleCounting: boolean;
  /** Expired badges still count (default false: an expired badge is shown, not counted). */
  readonly acceptExpired: boolean;
  readonly conversion: Conversion;
}

export interface AwardingBody {
  readonly id: string | null;
  readonly name: LangMap;
  readonly url: string | null;
}

/** What a pathway imported from another format could not express (never silently dropped). */
export interface Unsupported {
  /** Where in the source document (`/@graph/3/ceterms:hasCondition/0`, or the resource's @id). */
  readonly path: string;
  /** The construct, as the source names it (`ceterms:Constraint grade EQ …`, `ceterms:precedes`). */
  readonly construct: string;
  /** Why it could not be expressed, and what was done instead. */
  readonly reason: string;
}

/** The format a pathway was converted from, and that document's id. */
export interface PathwaySourceFormat {
  /** `ctdl`: a Credential Engine pathway graph; `clr`: the associations of a CLR 2.0 record. */
  readonly format: 'ctdl' | 'clr';
  readonly id: string;
}

export const SOURCE_FORMATS = ['ctdl', 'clr'] as const;

export interface Pathway {
  readonly pathwayVersion: 1;
  readonly id: string;
  readonly title: LangMap;
  readonly description: LangMap | null;
  readonly awardedBy: AwardingBody;
  /** The achievement the pathway leads to, when it has one (a badge for it is reported as held). */
  readonly achievementId: string | null;
  readonly requirement: RequirementNode;
  readonly options: PathwayOptions;
  /** Set when the pathway was converted from another format (optional in the document). */
  readonly source?: PathwaySourceFormat;
  /** What the conversion could not express (optional in the document; empty when none). */
  readonly unsupported?: readonly Unsupported[];
}

export const DEFAULT_OPTIONS: PathwayOptions = { allowDoubleCounting: false, acceptExpired: false, conversion: 'lower' };

/** Text in the wanted language: that language, then its primary subtag, then English, Japanese, any. */
export function pickText(map: LangMap | null, lang: string): string | null {
  if (map === null) return null;
  const keys = Object.keys(map);
  const primary = lang.split('-')[0] ?? lang;
  const key =
    keys.find((k) => k === lang) ??
    keys.find((k) => k.split('-')[0] === primary) ??
    keys.find((k) => k.split('-')[0] === 'en') ??
    keys.find((k) => k.split('-')[0] === 'ja') ??
    keys[0];
  return key === undefined ? null : (map[key] ?? null);
}

/** Every node, depth first, parents before children. */
export function walkNodes(node: RequirementNode, visit: (n: RequirementNode, parent: RequirementNode | null) => void, parent: RequirementNode | null = null): void {
  visit(node, parent);
  if (node.kind === 'allOf' || node.kind === 'atLeast' || node.kind === 'credits') {
    for (const child of node.of) walkNodes(child, visit, node);
  }
}
