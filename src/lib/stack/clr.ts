/**
 * The stacking a credential itself carries: CLR 2.0 `association`s between achievements, and OB 3.0
 * `related` (the same achievement in another language or version). From a ClrCredential whose
 * associations make a part/whole tree, `pathwaysFromClr` derives one pathway per whole.
 */
import { idOf, isObject, objectsOf, own, textOf, typesOf } from '../descriptors/json.ts';
import type { JsonObject, JsonValue } from '../model/credential.ts';
import type { AchievementNode, LangMap, Matcher, Pathway, RequirementNode } from './pathway.ts';
import { DEFAULT_OPTIONS } from './pathway.ts';

/** CLR 2.0 AssociationType (STANDARDS.md §2). */
export const ASSOCIATION_TYPES = ['exactMatchOf', 'isChildOf', 'isParentOf', 'isPartOf', 'isPeerOf', 'isRelatedTo', 'precedes', 'replacedBy'] as const;
export type AssociationType = (typeof ASSOCIATION_TYPES)[number];

export interface StackRelation {
  /** An association type, or `related` for OB 3.0 Achievement.related. */
  readonly type: AssociationType | 'related';
  readonly sourceId: string;
  readonly targetId: string;
  /** Where it was read (`credentialSubject.association[2]`). */
  readonly source: string;
}

function subjectOf(cred: JsonObject): [JsonObject | null, string] {
  const cs = own(cred, 'credentialSubject');
  if (isObject(cs)) return [cs, 'credentialSubject'];
  const first = objectsOf(cs)[0];
  return first === undefined ? [null, 'credentialSubject'] : [first[0], `credentialSubject[${first[1]}]`];
}

function isAssociationType(t: string): t is AssociationType {
  return (ASSOCIATION_TYPES as readonly string[]).includes(t); // why: widening the tuple to test any string
}

/** Every achievement object a credential holds (its own; a CLR's definitions and its credentials'), with a path. */
function achievementsOf(cred: JsonObject): [JsonObject, string][] {
  const [cs, csPath] = subjectOf(cred);
  const out: [JsonObject, string][] = [];
  const own1 = own(cs, 'achievement');
  for (const [a, i] of objectsOf(own1)) out.push([a, `${csPath}.achievement${Array.isArray(own1) ? `[${i}]` : ''}`]);
  const vcs = own(cs, 'verifiableCredential');
  for (const [vc, i] of objectsOf(vcs)) {
    const [sub, subPath] = subjectOf(vc);
    const a = own(sub, 'achievement');
    if (isObject(a)) out.push([a, `${csPath}.verifiableCredential[${i}].${subPath}.achievement`]);
  }
  return out;
}

/** CLR associations (with a known type and both ids) of a ClrCredential. */
export function relationsOf(cred: JsonObject): StackRelation[] {
  const [cs, csPath] = subjectOf(cred);
  const list = own(cs, 'association');
  return objectsOf(list).flatMap(([a, i]) => {
    const type = textOf(own(a, 'associationType'));
    const sourceId = idOf(own(a, 'sourceId'));
    const targetId = idOf(own(a, 'targetId'));
    if (type === null || !isAssociationType(type) || sourceId === null || targetId === null || sourceId === targetId) return [];
    return [{ type, sourceId, targetId, source: `${csPath}.association${Array.isArray(list) ? `[${i}]` : ''}` }];
  });
}

/** The stacking a credential carries: CLR associations and OB 3.0 `related`. Never throws. */
export function stackingOf(credential: JsonObject): StackRelation[] {
  try {
    const out = relationsOf(credential);
    for (const [a, path] of achievementsOf(credential)) {
      const id = idOf(own(a, 'id'));
      if (id === null) continue;
      const rel = own(a, 'related');
      for (const [r, i] of objectsOf(rel)) {
        const target = idOf(r);
        if (target !== null && target !== id) out.push({ type: 'related', sourceId: id, targetId: target, source: `${path}.related${Array.isArray(rel) ? `[${i}]` : ''}` });
      }
    }
    return out;
  } catch {
    return [];
  }
}

function langMapOf(v: JsonValue | undefined, lang: JsonValue | undefined): LangMap | null {
  if (typeof v === 'string' && v.trim() !== '') return { [typeof lang === 'string' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang) ? lang : 'und']: v.trim() };
  const t = textOf(v);
  return t === null ? null : { und: t };
}

/**
 * One pathway per achievement that has parts (`A isParentOf B`, `B isChildOf A`, `B isPartOf A`):
 * all of its parts, each matched by achievement id or by an equivalent (`exactMatchOf`, a
 * replacement). `precedes`, `isPeerOf` and `isRelatedTo` do not make parts. Never throws.
 */
export function pathwaysFromClr(clr: JsonObject): Pathway[] {
  try {
    if (!typesOf(clr).includes('ClrCredential')) return [];
    const relations = relationsOf(clr);
    const parts = new Map<string, string[]>();
    const addPart = (whole: string, part: string) => {
      const list = parts.get(whole) ?? [];
      if (!list.includes(part)) parts.set(whole, [...list, part]);
    };
    const equivalents = new Map<string, string[]>();
    const addEq = (a: string, b: string) => equivalents.set(a, [...(equivalents.get(a) ?? []), b]);
    for (const r of relations) {
      if (r.type === 'isParentOf') addPart(r.sourceId, r.targetId);
      if (r.type === 'isChildOf' || r.type === 'isPartOf') addPart(r.targetId, r.sourceId);
      if (r.type === 'exactMatchOf') (addEq(r.sourceId, r.targetId), addEq(r.targetId, r.sourceId));
      if (r.type === 'replacedBy') addEq(r.sourceId, r.targetId);
    }
    const defs = new Map<string, JsonObject>();
    for (const [a] of achievementsOf(clr)) {
      const id = idOf(own(a, 'id'));
      if (id !== null && !defs.has(id)) defs.set(id, a);
    }
    const issuer = own(clr, 'issuer');
    const issuerName = langMapOf(own(issuer, 'name'), undefined) ?? { und: idOf(issuer) ?? 'CLR issuer' };
    const clrId = idOf(own(clr, 'id')) ?? 'clr';
    const isPart = new Set([...parts.values()].flat());
    const wholes = [...parts.keys()].sort((a, b) => Number(isPart.has(a)) - Number(isPart.has(b)));
    return wholes.map((whole): Pathway => {
      const def = defs.get(whole);
      const creator = own(def, 'creator');
      const leaves = (parts.get(whole) ?? []).map((part, i): RequirementNode => {
        const partDef = defs.get(part);
        const match: Matcher[] = [part, ...(equivalents.get(part) ?? [])].map((achievementId) => ({ by: 'achievementId', achievementId }));
        const leaf: AchievementNode = {
          kind: 'achievement',
          id: `part-${i + 1}`,
          title: langMapOf(own(partDef, 'name'), own(partDef, 'inLanguage')) ?? { und: part },
          weight: null,
          where: {},
          shareBadges: false,
          match,
        };
        return leaf;
      });
      return {
        pathwayVersion: 1,
        id: `${clrId}#pathway:${whole}`,
        title: langMapOf(own(def, 'name'), own(def, 'inLanguage')) ?? { und: whole },
        description: null,
        awardedBy: {
          id: idOf(creator) ?? idOf(issuer),
          name: langMapOf(own(creator, 'name'), undefined) ?? issuerName,
          url: textOf(own(creator, 'url')) ?? textOf(own(issuer, 'url')),
        },
        achievementId: whole,
        requirement: { kind: 'allOf', id: 'parts', title: null, weight: null, where: {}, shareBadges: false, of: leaves },
        options: DEFAULT_OPTIONS,
      };
    });
  } catch {
    return [];
  }
}
