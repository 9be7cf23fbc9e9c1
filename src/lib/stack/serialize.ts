/**
 * A checked pathway back to its JSON document (to save, export or share one derived from a CLR):
 * `parsePathway(pathwayToJson(p))` gives `p` again.
 */
import type { JsonObject } from '../model/credential.ts';
import { PATHWAY_SCHEMA_PATH, type Conditions, type IssuerConstraint, type Matcher, type Pathway, type RequirementNode } from './pathway.ts';

function issuerJson(c: IssuerConstraint): JsonObject {
  return {
    ...(c.id.length > 0 ? { id: [...c.id] } : {}),
    ...(c.idStartsWith.length > 0 ? { idStartsWith: [...c.idStartsWith] } : {}),
    ...(c.name.length > 0 ? { name: [...c.name] } : {}),
  };
}

function matcherJson(m: Matcher): JsonObject {
  return m.credit === undefined ? matcherWay(m) : { ...matcherWay(m), credit: m.credit };
}

function matcherWay(m: Matcher): JsonObject {
  switch (m.by) {
    case 'achievementId':
      return { achievementId: m.achievementId };
    case 'alignment':
      return {
        alignment: {
          ...(m.targetCode === null ? {} : { targetCode: m.targetCode }),
          ...(m.targetUrl === null ? {} : { targetUrl: m.targetUrl }),
          ...(m.targetFramework === null ? {} : { targetFramework: m.targetFramework }),
        },
      };
    case 'title':
      return { title: [...m.title], issuer: issuerJson(m.issuer) };
  }
}

function conditionsJson(c: Conditions): JsonObject {
  const level = c.level;
  return {
    ...(c.issuer ? { issuer: issuerJson(c.issuer) } : {}),
    ...(level
      ? {
          level: {
            ...(level.anyOf.length > 0 ? { anyOf: [...level.anyOf] } : {}),
            ...(level.framework === null ? {} : { framework: level.framework }),
            ...(level.min === null ? {} : { min: level.min }),
            ...(level.max === null ? {} : { max: level.max }),
          },
        }
      : {}),
    ...(c.earnedWithinYears === undefined ? {} : { earnedWithinYears: c.earnedWithinYears }),
    ...(c.achievementType ? { achievementType: [...c.achievementType] } : {}),
    ...(c.microCredential === undefined ? {} : { microCredential: c.microCredential }),
  };
}

function nodeJson(n: RequirementNode): JsonObject {
  const where = conditionsJson(n.where);
  const base: JsonObject = {
    kind: n.kind,
    id: n.id,
    ...(n.title === null ? {} : { title: { ...n.title } }),
    ...(n.weight === null ? {} : { weight: n.weight }),
    ...(Object.keys(where).length > 0 ? { where } : {}),
    ...(n.shareBadges ? { shareBadges: true } : {}),
  };
  switch (n.kind) {
    case 'achievement':
      return { ...base, match: n.match.map(matcherJson) };
    case 'allOf':
      return { ...base, of: n.of.map(nodeJson) };
    case 'atLeast':
      return { ...base, n: n.n, of: n.of.map(nodeJson) };
    case 'credits':
      return {
        ...base,
        min: n.min,
        unit: n.unit,
        ...(n.cap === null ? {} : { cap: n.cap }),
        basis: n.basis,
        ...(n.match.length > 0 ? { match: n.match.map(matcherJson) } : {}),
        ...(n.of.length > 0 ? { of: n.of.map(nodeJson) } : {}),
      };
  }
}

export function pathwayToJson(p: Pathway): JsonObject {
  return {
    $schema: PATHWAY_SCHEMA_PATH,
    pathwayVersion: p.pathwayVersion,
    id: p.id,
    title: { ...p.title },
    ...(p.description === null ? {} : { description: { ...p.description } }),
    awardedBy: {
      ...(p.awardedBy.id === null ? {} : { id: p.awardedBy.id }),
      name: { ...p.awardedBy.name },
      ...(p.awardedBy.url === null ? {} : { url: p.awardedBy.url }),
    },
    ...(p.achievementId === null ? {} : { achievementId: p.achievementId }),
    requirement: nodeJson(p.requirement),
    options: { allowDoubleCounting: p.options.allowDoubleCounting, acceptExpired: p.options.acceptExpired, conversion: p.options.conversion },
    ...(p.source === undefined ? {} : { source: { format: p.source.format, id: p.source.id } }),
    ...(p.unsupported === undefined ? {} : { unsupported: p.unsupported.map((u) => ({ path: u.path, construct: u.construct, reason: u.reason })) }),
  };
}
