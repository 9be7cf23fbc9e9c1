/**
 * Properties of the CTDL importer (fast-check): it never throws, whatever JSON (or text) it is
 * given — random JSON, and random graphs built from CTDL's own terms (cycles, dangling references,
 * nonsense numbers and operators) — and whatever it returns is a valid pathway v1 document that
 * survives pathwayToJson → parsePathway unchanged.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importCtdl, isCtdlPathway } from '../../src/lib/stack/ctdl.ts';
import { pathwayToJson } from '../../src/lib/stack/serialize.ts';
import { parsePathway } from '../../src/lib/stack/validate.ts';

const IDS = ['urn:p', 'urn:a', 'urn:b', 'urn:c', 'urn:d', '_:x', 'https://r.example/ce-1'];
const TERMS = [
  'ceterms:hasDestinationComponent', 'ceterms:hasCondition', 'ceterms:targetComponent', 'ceterms:requiredNumber', 'ceterms:logicalOperator',
  'ceterms:hasConstraint', 'ceterms:leftSource', 'ceterms:leftAction', 'ceterms:comparator', 'ceterms:rightSource', 'ceterms:proxyFor',
  'ceterms:credentialId', 'ceterms:creditValue', 'ceterms:creditUnitType', 'schema:value', 'ceasn:hasChild', 'ceterms:name', 'hasCondition',
  'https://purl.org/ctdl/terms/targetComponent', 'https://purl.org/ctdl/terms/requiredNumber', 'leftOperand', 'operand', 'rightOperand',
  'logicalOperand', 'ceterms:precedes', 'ceterms:ownedBy', '@id', '@type', 'id', 'type', '__proto__x', 'ceterms:sourceData',
];
const TYPES = ['ceterms:Pathway', 'ceterms:CredentialComponent', 'ceterms:CourseComponent', 'ceterms:ComponentCondition', 'ceterms:Constraint', 'ceterms:ValueProfile', 'Pathway', 'https://purl.org/ctdl/terms/Pathway'];
const CONCEPTS = ['logic:And', 'logic:Or', 'logic:Not', 'logic:OnlyOne', 'AND', 'OR', 'compare:GTEQ', 'compare:LTEQ', 'compare:EQ', 'compare:GT', 'array:Sum', 'ceterms:creditValue', 'creditUnit:SemesterHour', 'creditUnit:DegreeCredit', 'reqNum', '=', '>='];

const leaf = fc.oneof(
  fc.constantFrom(...IDS, ...CONCEPTS),
  fc.integer({ min: -3, max: 12 }),
  fc.double({ noNaN: false }),
  fc.string({ maxLength: 8 }),
  fc.constantFrom(...IDS).map((id) => ({ '@id': id })),
  fc.integer({ min: -1, max: 9 }).map((n) => ({ '@value': n })),
  fc.record({ en: fc.string({ maxLength: 6 }) }),
);
const value = fc.letrec((tie) => ({
  node: fc.dictionary(fc.constantFrom(...TERMS), tie('val'), { maxKeys: 6 }).chain((o) => fc.constantFrom(...TYPES).map((t) => ({ '@type': t, ...o }))),
  val: fc.oneof({ depthSize: 'small' }, leaf, fc.array(fc.oneof(leaf, tie('node')), { maxLength: 4 }), tie('node')),
}));
const graph = fc.array(value.node, { maxLength: 10 }).chain((nodes) =>
  fc.constantFrom('compact', 'array', 'single').map((shape) => {
    const withIds = nodes.map((n, i) => ({ '@id': IDS[i % IDS.length], ...n }));
    const pathway = { '@id': 'urn:p', '@type': 'ceterms:Pathway', 'ceterms:hasDestinationComponent': 'urn:a' };
    return shape === 'compact' ? { '@context': 'https://credreg.net/ctdl/schema/context/json', '@graph': [pathway, ...withIds] } : shape === 'array' ? [pathway, ...withIds] : { ...pathway, ...(withIds[0] ?? {}) };
  }),
);

function checkResult(input: Parameters<typeof importCtdl>[0]): boolean {
  const r = importCtdl(input);
  if (!r.ok) {
    expect(typeof r.error.code).toBe('string');
    return false;
  }
  const again = parsePathway(JSON.parse(JSON.stringify(pathwayToJson(r.pathway))));
  expect(again.ok, JSON.stringify(again.ok ? null : again.errors)).toBe(true);
  if (again.ok) expect(again.pathway).toEqual(r.pathway);
  expect(r.pathway.source?.format).toBe('ctdl');
  expect(r.unsupported.every((u) => typeof u.path === 'string' && u.construct !== '' && u.reason !== '')).toBe(true);
  return true;
}

describe('importCtdl never throws', () => {
  it('on arbitrary JSON', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
      checkResult(v as never); // why: fast-check's JSON type is the same JSON, declared apart
      expect(typeof isCtdlPathway(v as never)).toBe('boolean'); // why: as above
    }), { numRuns: 300 });
  });

  it('on arbitrary text', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.json()), (s) => void checkResult(s)), { numRuns: 200 });
  });

  it('on random graphs of CTDL terms (cycles, dangling references, odd numbers and operators), giving a valid v1 pathway', () => {
    let converted = 0;
    // why (as never): generated JSON whose optional fields TypeScript widens
    fc.assert(fc.property(graph, (g) => void (converted += Number(checkResult(g as never)))), { numRuns: 400 });
    expect(converted).toBeGreaterThan(40); // the generator reaches the converter, not only its refusals
  });

  it('on a deep chain and a wide fan of components, within its bounds', () => {
    const chain = Array.from({ length: 300 }, (_, i) => ({ '@id': `urn:c${i}`, '@type': 'ceterms:CourseComponent', 'ceterms:hasChild': [`urn:c${i + 1}`, `urn:c${i + 2}`] }));
    const doc = { '@graph': [{ '@id': 'urn:p', '@type': 'ceterms:Pathway', 'ceterms:hasDestinationComponent': 'urn:c0' }, ...chain] };
    const r = importCtdl(doc);
    expect(r.ok ? 'ok' : r.error.code).toMatch(/ok|TOO_LARGE/);
    checkResult(doc);
  });
});
