/**
 * Where issuers really put descriptors: native OB 2.0 / OB 3.0 fields, labelled text in `criteria`
 * and `description`, alignments, result descriptions, endorsements, `related`, the issuer Profile,
 * and extension properties (the EU micro-credential elements of SURF Edubadges, OB 2.0 `extensions:`).
 */
import type { JsonObject, JsonValue } from '../model/credential.ts';
import type { DescriptorId } from './catalog.ts';
import { Collector, RANK, type DescriptorCandidate } from './collect.ts';
import type { KnownUnit } from './credit.ts';
import { idOf, indexSuffix, isObject, objectsOf, own, ownKeys, textOf } from './json.ts';

export const NOTE_CODES = [
  'NOT_A_CREDENTIAL', //       neither an OB 2.0 Assertion nor an OB 3.0 credential
  'CLR_CREDENTIAL', //          a CLR: list its achievements with listClrAchievements()
  'NO_ACHIEVEMENT', //          the credential holds no readable Achievement / BadgeClass
  'BADGE_NOT_EMBEDDED', //      OB 2.0 badge given only as a URL (pass the fetched BadgeClass in options)
  'CRITERIA_AT_URL', //         criteria are a web page, not read
  'EXTRACT_FAILED', //          unexpected internal error; nothing could be read
] as const;
export type NoteCode = (typeof NOTE_CODES)[number];
export interface Note {
  readonly code: NoteCode;
  readonly source?: string;
  readonly url?: string;
}

export const SIGNAL_KINDS = ['achievementType', 'title', 'imageCaption', 'certification'] as const;
export type SignalKind = (typeof SIGNAL_KINDS)[number];
export interface McSignal {
  readonly kind: SignalKind;
  readonly source: string;
  readonly value: string;
}

export interface Ctx {
  readonly c: Collector;
  readonly signals: McSignal[];
  readonly notes: Note[];
  /** EU-only optional elements: supervision and identity verification, grade achieved. */
  readonly eu: { readonly supervision: DescriptorCandidate[]; readonly grade: DescriptorCandidate[] };
}

export function newCtx(): Ctx {
  return { c: new Collector(), signals: [], notes: [], eu: { supervision: [], grade: [] } };
}

/** "Micro-credential" in English, Japanese and a few European spellings. */
export const MC_WORD = /micro[\s\-‐‑–]?credential|micro[\s-]?credencial|mikro[\s-]?zertifikat|microcertificat|マイクロ[・･\s]?クレデンシャル/iu;
const MC_TYPE = /^(?:ext:)?micro[-_]?credential$/i;
const URL_ONLY = /^\s*(?:https?:\/\/|urn:|did:)\S*\s*$/i;

/** Records a micro-credential signal when the text says "micro-credential". */
export function signalIfWord(ctx: Ctx, kind: SignalKind, v: JsonValue | undefined, source: string): void {
  const t = textOf(v);
  if (t !== null && MC_WORD.test(t)) ctx.signals.push({ kind, source, value: t });
}

function readCriteria(ctx: Ctx, criteria: JsonValue | undefined, path: string): void {
  if (typeof criteria === 'string') {
    if (URL_ONLY.test(criteria)) ctx.notes.push({ code: 'CRITERIA_AT_URL', source: path, url: criteria.trim() });
    else ctx.c.addLabelled(criteria, path, RANK.criteriaLabel, true);
    return;
  }
  const narrative = textOf(own(criteria, 'narrative'));
  if (narrative !== null) ctx.c.addLabelled(narrative, `${path}.narrative`, RANK.criteriaLabel, true);
  const id = own(criteria, 'id');
  if (narrative === null && typeof id === 'string') ctx.notes.push({ code: 'CRITERIA_AT_URL', source: `${path}.id`, url: id });
}

type AlignmentKind = 'level' | 'qualityAssurance' | 'learningOutcomes' | null;
const QF = /\b(?:EQF|NQF|NLQF|AQF|QF-EHEA|ISCED|JQF)\b|qualifications? framework/i;

export function alignmentKind(a: JsonObject): AlignmentKind {
  const type = (textOf(own(a, 'targetType')) ?? '').toLowerCase();
  const framework = textOf(own(a, 'targetFramework')) ?? '';
  const name = textOf(own(a, 'targetName')) ?? '';
  if (/quality[\s_-]?assurance|accreditation/.test(type)) return 'qualityAssurance';
  if (QF.test(type) || /(?:^|:)level$/.test(type) || QF.test(framework) || /^(?:EQF|NQF|NLQF|AQF|QF-EHEA|JQF)\b/i.test(name)) {
    return 'level';
  }
  if (type === 'ctdl' || type === 'ceterms:credential') return null; // describes a credential, not an outcome
  return 'learningOutcomes';
}

function readAlignments(ctx: Ctx, ach: JsonObject, path: string): void {
  for (const key of ['alignment', 'alignments']) {
    const v = own(ach, key);
    for (const [a, i] of objectsOf(v)) {
      const kind = alignmentKind(a);
      const value = textOf(own(a, 'targetName')) ?? textOf(own(a, 'targetCode')) ?? idOf(own(a, 'targetUrl'));
      if (kind === null || value === null) continue;
      const detail = textOf(own(a, 'targetDescription'));
      ctx.c.add(kind, RANK.structured, { value, source: `${path}.${key}${indexSuffix(v, i)}`, origin: 'alignment', ...(detail === null ? {} : { detail }) });
    }
  }
}

/** Embedded endorsements (by an accreditor, an agency…) as quality-assurance candidates. `path` '' is the credential. */
export function readEndorsements(ctx: Ctx, holder: unknown, path: string): void {
  const v = own(holder, 'endorsement');
  const base = path === '' ? 'endorsement' : `${path}.endorsement`;
  for (const [e, i] of objectsOf(v)) {
    const subject = own(e, 'credentialSubject') ?? own(e, 'claim');
    const value =
      textOf(own(subject, 'endorsementComment')) ?? textOf(own(e, 'name')) ?? textOf(own(own(e, 'issuer'), 'name')) ?? idOf(own(e, 'issuer'));
    if (value !== null) ctx.c.add('qualityAssurance', RANK.structured + 2, { value, source: `${base}${indexSuffix(v, i)}`, origin: 'endorsement' });
  }
}

/** Extension properties by name (prefix `ext:`/IRI stripped, case and punctuation ignored). */
const EXTENSION_KEYS: ReadonlyMap<string, readonly [DescriptorId | 'euSupervision', KnownUnit?]> = new Map(
  Object.entries({
  ects: ['credit', 'ects'],
  ectscredits: ['credit', 'ects'],
  ectspoints: ['credit', 'ects'],
  ucts: ['credit', 'ucts'],
  credits: ['credit'],
  credit: ['credit'],
  sbu: ['learnerEffort', 'hours'],
  timeinvestment: ['learnerEffort', 'hours'],
  studyhours: ['learnerEffort', 'hours'],
  workloadhours: ['learnerEffort', 'hours'],
  workload: ['learnerEffort'],
  studyload: ['learnerEffort'],
  learnereffort: ['learnerEffort'],
  notionalworkload: ['learnerEffort'],
  volumeoflearning: ['learnerEffort'],
  participationtype: ['formOfParticipation'],
  formofparticipation: ['formOfParticipation'],
  modeofdelivery: ['formOfParticipation'],
  deliverymode: ['formOfParticipation'],
  modeoflearning: ['formOfParticipation'],
  assessmenttype: ['assessment'],
  typeofassessment: ['assessment'],
  assessment: ['assessment'],
  learningoutcomes: ['learningOutcomes'],
  learningoutcome: ['learningOutcomes'],
  qualityassurance: ['qualityAssurance'],
  level: ['level'],
  eqflevel: ['level'],
  nqflevel: ['level'],
  prerequisites: ['prerequisites'],
  entryrequirements: ['prerequisites'],
  stackability: ['stackability'],
  integrationstackability: ['stackability'],
  supervisiontype: ['euSupervision'],
  identitychecked: ['euSupervision'],
  } satisfies Record<string, readonly [DescriptorId | 'euSupervision', KnownUnit?]>),
);

function extensionKey(key: string): string {
  const tail = key.slice(Math.max(key.lastIndexOf(':'), key.lastIndexOf('#'), key.lastIndexOf('/')) + 1);
  return tail.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function extensionText(v: JsonValue | undefined): string | null {
  if (typeof v === 'boolean') return String(v);
  return textOf(v) ?? textOf(own(v, 'name')) ?? textOf(own(v, 'value'));
}

function readExtensions(ctx: Ctx, obj: JsonObject, path: string, depth = 0): void {
  for (const key of ownKeys(obj).slice(0, 500)) {
    const v = own(obj, key);
    if (depth === 0 && key.startsWith('extensions:') && isObject(v)) {
      readExtensions(ctx, v, `${path}.${key}`, 1);
      continue;
    }
    const hit = EXTENSION_KEYS.get(extensionKey(key));
    if (hit === undefined) continue;
    const value = extensionText(v);
    if (value === null) continue;
    const [id, unit] = hit;
    const cand: DescriptorCandidate = { value, source: `${path}.${key}`, origin: 'extension', ...(unit === undefined ? {} : { unit }) };
    if (id === 'euSupervision') ctx.eu.supervision.push(cand);
    else ctx.c.add(id, RANK.extension, cand);
  }
}

/** An OB 2.0 / OB 3.0 issuer Profile (embedded or an IRI): awarding body, country, endorsements. */
export function readProfile(ctx: Ctx, profile: JsonValue | undefined, path: string, rank: number): void {
  if (typeof profile === 'string') {
    ctx.c.addText('awardingBody', rank, profile, path);
    return;
  }
  if (!isObject(profile)) return;
  const name = textOf(own(profile, 'name'));
  if (name !== null) ctx.c.add('awardingBody', rank, { value: name, source: `${path}.name`, origin: 'field' });
  else ctx.c.addText('awardingBody', rank, own(profile, 'id'), `${path}.id`);
  const address = own(profile, 'address');
  ctx.c.addText('country', rank, own(address, 'addressCountry'), `${path}.address.addressCountry`);
  ctx.c.addText('country', rank + 1, own(address, 'addressCountryCode'), `${path}.address.addressCountryCode`);
  readEndorsements(ctx, profile, path);
}

/** An OB 3.0 Achievement or an OB 2.0 BadgeClass at `path` (`achievement`, `badge`). */
export function readAchievement(ctx: Ctx, ach: JsonObject, path: string): void {
  const { c } = ctx;
  c.addText('title', RANK.field, own(ach, 'name'), `${path}.name`);
  signalIfWord(ctx, 'title', own(ach, 'name'), `${path}.name`);
  const image = own(ach, 'image');
  signalIfWord(ctx, 'imageCaption', own(image, 'caption'), `${path}.image.caption`);

  const descPath = `${path}.description`;
  const desc = textOf(own(ach, 'description'));
  if (desc !== null) {
    const { preamble } = c.addLabelled(desc, descPath, RANK.descriptionLabel, false);
    if (preamble !== null) c.add('description', RANK.field, { value: preamble, source: descPath, origin: 'field' });
  }
  readCriteria(ctx, own(ach, 'criteria'), `${path}.criteria`);

  const type = textOf(own(ach, 'achievementType'));
  if (type !== null) {
    c.add('certification', RANK.structured + 5, { value: type, source: `${path}.achievementType`, origin: 'field' });
    if (MC_TYPE.test(type.trim())) ctx.signals.push({ kind: 'achievementType', source: `${path}.achievementType`, value: type });
  }
  c.addText('language', RANK.structured, own(ach, 'inLanguage'), `${path}.inLanguage`);
  c.addText('language', RANK.structured, own(ach, '@language'), `${path}.@language`);
  c.addText('credit', RANK.structured, own(ach, 'creditsAvailable'), `${path}.creditsAvailable`);
  readAlignments(ctx, ach, path);

  const rds = own(ach, 'resultDescription');
  for (const [rd, i] of objectsOf(rds)) {
    const value = textOf(own(rd, 'name')) ?? textOf(own(rd, 'resultType'));
    if (value !== null) c.add('assessment', RANK.structured, { value, source: `${path}.resultDescription${indexSuffix(rds, i)}`, origin: 'result' });
  }
  readEndorsements(ctx, ach, path);
  const related = own(ach, 'related');
  for (const [r, i] of objectsOf(related)) {
    c.addText('stackability', RANK.structured, idOf(r), `${path}.related${indexSuffix(related, i)}`, 'related');
  }
  readProfile(ctx, own(ach, 'creator'), `${path}.creator`, RANK.structured + 5);
  readExtensions(ctx, ach, path);
}

/** OB 3.0 AchievementSubject results: the EU "grade achieved". */
export function readResults(ctx: Ctx, subject: unknown, path: string): void {
  const results = own(subject, 'result');
  for (const [r, i] of objectsOf(results)) {
    const value = textOf(own(r, 'value')) ?? textOf(own(r, 'status')) ?? textOf(own(r, 'achievedLevel'));
    if (value !== null) ctx.eu.grade.push({ value, source: `${path}.result${indexSuffix(results, i)}`, origin: 'result' });
  }
}
