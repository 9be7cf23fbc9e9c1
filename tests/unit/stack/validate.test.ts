// parsePathway: the demo pathways, defaults, a coded error with a JSON pointer for each problem,
// round trip through pathwayToJson, and agreement with the published JSON Schema.
import { readFileSync, readdirSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { pathwayToJson } from '../../../src/lib/stack/serialize.ts';
import { parsePathway } from '../../../src/lib/stack/validate.ts';

const DEMO = 'public/demo/pathways';
const demoFiles = readdirSync(DEMO).filter((f) => f.endsWith('.json'));
const schema = JSON.parse(readFileSync('public/schemas/pathway-v1.schema.json', 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
const schemaOk = ajv.compile(schema);

const base = { pathwayVersion: 1, id: 'urn:p', title: { en: 'P', ja: 'ピー' }, awardedBy: { name: { en: 'Uni' } } };
const ach = { kind: 'achievement', match: { achievementId: 'urn:a' } };
const errorsOf = (doc: unknown) => {
  const r = parsePathway(doc as never); // why: documents under test are arbitrary JSON
  return r.ok ? [] : r.errors.map((e) => [e.code, e.path]);
};

describe('pathway documents', () => {
  it.each(demoFiles)('demo %s is valid, by the validator and by the JSON Schema', (f) => {
    const text = readFileSync(`${DEMO}/${f}`, 'utf8');
    expect(parsePathway(text)).toMatchObject({ ok: true });
    expect(schemaOk(JSON.parse(text)), JSON.stringify(schemaOk.errors)).toBe(true);
  });

  it('fills defaults and gives every requirement an id (its JSON pointer when none is given)', () => {
    const r = parsePathway({ ...base, requirement: { kind: 'allOf', of: [ach, { kind: 'credits', min: 2, unit: 'hours' }, { kind: 'credits', min: 2, unit: '単位' }] } });
    expect(r.ok).toBe(true);
    if (!r.ok || r.pathway.requirement.kind !== 'allOf') return;
    expect(r.pathway.options).toEqual({ allowDoubleCounting: false, acceptExpired: false, conversion: 'lower' });
    expect(r.pathway.requirement.id).toBe('/requirement');
    expect(r.pathway.requirement.of.map((n) => [n.id, n.kind === 'credits' ? n.basis : null])).toEqual([
      ['/requirement/of/0', null],
      ['/requirement/of/1', 'either'],
      ['/requirement/of/2', 'credit'],
    ]);
  });

  it('reads text, bytes (with a BOM) and parsed JSON alike; unreadable JSON has a code', () => {
    const doc = { ...base, requirement: ach };
    const text = JSON.stringify(doc);
    expect(parsePathway(text)).toEqual(parsePathway(doc));
    expect(parsePathway(new TextEncoder().encode('\uFEFF' + text))).toEqual(parsePathway(doc));
    expect(parsePathway('{"pathwayVersion": 1,')).toEqual({ ok: false, errors: [{ code: 'JSON_INVALID', path: '', data: { error: 'JSON_MALFORMED' } }] });
    expect(parsePathway('{"__proto__": {}}')).toMatchObject({ ok: false, errors: [{ code: 'JSON_INVALID', data: { error: 'JSON_FORBIDDEN_KEY' } }] });
  });

  const cases: [string, unknown, [string, string][]][] = [
    ['not an object', [1], [['NOT_AN_OBJECT', '']]],
    ['a future version', { ...base, pathwayVersion: 2, requirement: ach }, [['VERSION_UNSUPPORTED', '/pathwayVersion']]],
    ['missing parts', { pathwayVersion: 1 }, [['REQUIRED', '/id'], ['REQUIRED', '/title'], ['REQUIRED', '/awardedBy'], ['REQUIRED', '/requirement']]],
    ['a typo', { ...base, requirment: ach, requirement: ach }, [['UNKNOWN_PROPERTY', '/requirment']]],
    ['an unknown kind', { ...base, requirement: { kind: 'anyOf', of: [ach] } }, [['UNKNOWN_KIND', '/requirement/kind']]],
    ['an unknown unit', { ...base, requirement: { kind: 'credits', min: 1, unit: 'points' } }, [['UNKNOWN_UNIT', '/requirement/unit']]],
    ['an unknown basis', { ...base, requirement: { kind: 'credits', min: 1, unit: 'ECTS', basis: 'both' } }, [['UNKNOWN_VALUE', '/requirement/basis']]],
    ['wrong types', { ...base, title: 5, requirement: { ...ach, shareBadges: 'yes' } }, [['WRONG_TYPE', '/title'], ['WRONG_TYPE', '/requirement/shareBadges']]],
    ['an empty group', { ...base, requirement: { kind: 'allOf', of: [] } }, [['EMPTY', '/requirement/of']]],
    ['n out of range', { ...base, requirement: { kind: 'atLeast', n: 0, of: [ach] } }, [['OUT_OF_RANGE', '/requirement/n']]],
    ['n too large', { ...base, requirement: { kind: 'atLeast', n: 3, of: [ach, ach] } }, [['N_TOO_LARGE', '/requirement/n']]],
    ['a cap below the minimum', { ...base, requirement: { kind: 'credits', min: 10, cap: 5, unit: 'ECTS' } }, [['CAP_BELOW_MIN', '/requirement/cap']]],
    ['negative years', { ...base, requirement: { ...ach, where: { earnedWithinYears: 0 } } }, [['OUT_OF_RANGE', '/requirement/where/earnedWithinYears']]],
    ['duplicate ids', { ...base, requirement: { kind: 'allOf', of: [{ ...ach, id: 'x' }, { ...ach, id: 'x' }] } }, [['DUPLICATE_ID', '/requirement']]],
    ['a bad language tag', { ...base, title: { english: 'P' }, requirement: ach }, [['LANGUAGE_TAG_INVALID', '/title/english']]],
    ['an empty matcher', { ...base, requirement: { kind: 'achievement', match: {} } }, [['MATCH_EMPTY', '/requirement/match']]],
    ['a matcher with two ways', { ...base, requirement: { kind: 'achievement', match: [{ achievementId: 'a', alignment: { targetCode: 'x' } }] } }, [['MATCH_AMBIGUOUS', '/requirement/match/0']]],
    ['a title without issuer', { ...base, requirement: { kind: 'achievement', match: { title: 'Python' } } }, [['TITLE_NEEDS_ISSUER', '/requirement/match']]],
    ['an empty level', { ...base, requirement: { ...ach, where: { level: { framework: 'EQF' } } } }, [['LEVEL_EMPTY', '/requirement/where/level']]],
    ['credits adding up a non-credit', { ...base, requirement: { kind: 'credits', min: 1, unit: 'ECTS', of: [ach] } }, [['NOT_CREDITS', '/requirement/of/0']]],
    ['match and of together', { ...base, requirement: { kind: 'credits', min: 1, unit: 'ECTS', match: { achievementId: 'a' }, of: [{ kind: 'credits', min: 0, unit: 'ECTS' }] } }, [['MATCH_AND_OF', '/requirement']]],
    ['an empty text', { ...base, id: '  ', requirement: ach }, [['EMPTY', '/id']]],
    ['a missing kind', { ...base, requirement: { of: [] } }, [['REQUIRED', '/requirement/kind']]],
  ];
  it.each(cases)('%s', (_, doc, expected) => {
    expect(errorsOf(doc)).toEqual(expected);
  });

  it('too deep, too many, too long', () => {
    let deep: unknown = ach;
    for (let i = 0; i < 30; i++) deep = { kind: 'allOf', of: [deep] };
    expect(errorsOf({ ...base, requirement: deep })[0]?.[0]).toBe('TOO_DEEP');
    expect(errorsOf({ ...base, requirement: { kind: 'allOf', of: Array.from({ length: 501 }, () => ach) } })).toEqual([['TOO_MANY', '/requirement/of']]);
    expect(errorsOf({ ...base, id: 'x'.repeat(2001), requirement: ach })).toEqual([['TEXT_TOO_LONG', '/id']]);
  });

  it.each(cases.filter(([name]) => !['duplicate ids', 'n too large', 'a cap below the minimum', 'a bad language tag'].includes(name)))(
    'the JSON Schema rejects it too: %s',
    (_, doc) => {
      expect(schemaOk(doc)).toBe(false);
    },
  );

  it.each(demoFiles)('%s survives pathwayToJson → parsePathway', (f) => {
    const r = parsePathway(readFileSync(`${DEMO}/${f}`, 'utf8'));
    if (!r.ok) throw new Error('invalid demo');
    const json = pathwayToJson(r.pathway);
    expect(schemaOk(json), JSON.stringify(schemaOk.errors)).toBe(true);
    expect(parsePathway(json)).toEqual(r);
  });
});

describe('the examples in src/lib/stack/README.md', () => {
  const blocks = [...readFileSync('src/lib/stack/README.md', 'utf8').matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1] ?? 'null'));
  it.each(blocks.map((b, i) => [i + 1, b]))('example %i is a valid pathway (or requirement)', (_, block) => {
    const doc = 'pathwayVersion' in block ? block : { ...base, requirement: block };
    expect(parsePathway(doc)).toMatchObject({ ok: true });
    expect(schemaOk(doc), JSON.stringify(schemaOk.errors)).toBe(true);
  });
});
