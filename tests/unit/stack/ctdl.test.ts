// CTDL pathways into pathway v1 (issue 16): every construct imported and evaluated against badges,
// over the Credential Engine's public examples (tests/fixtures/ctdl/SOURCES.md) and a synthetic
// pathway written from the CTDL terms in compact and expanded JSON-LD.
import { readFileSync, readdirSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { CTDL_FRAMEWORK, importCtdl, isCtdlPathway, unitOfCtdl } from '../../../src/lib/stack/ctdl.ts';
import { progress } from '../../../src/lib/stack/progress.ts';
import { pathwayToJson } from '../../../src/lib/stack/serialize.ts';
import { parsePathway } from '../../../src/lib/stack/validate.ts';
import { walkNodes, type Pathway, type RequirementNode } from '../../../src/lib/stack/pathway.ts';
import type { StackBadge } from '../../../src/lib/stack/facts.ts';
import type { JsonObject } from '../../../src/lib/model/credential.ts';
import { INCOMPLETE, NOW, badge, reading } from './helpers.ts';

const DIR = 'tests/fixtures/ctdl/';
const text = (f: string) => readFileSync(DIR + f, 'utf8');

function imported(f: string): Pathway {
  const r = importCtdl(text(f));
  if (!r.ok) throw new Error(`${f}: ${JSON.stringify(r.error)}`);
  return r.pathway;
}

function find(p: Pathway, test: (n: RequirementNode) => boolean): RequirementNode {
  let found: RequirementNode | null = null;
  walkNodes(p.requirement, (n) => {
    if (found === null && test(n)) found = n;
  });
  if (found === null) throw new Error('node not found');
  return found;
}

const titled = (p: Pathway, en: string) => find(p, (n) => Object.values(n.title ?? {}).includes(en));
const nodeProgress = (pr: ReturnType<typeof progress>, id: string) => {
  let hit: { met: boolean; percent: number; credits?: { counted: number } } | null = null;
  const walk = (n: (typeof pr)['root']) => {
    if (n.id === id) hit = n;
    n.children.forEach(walk);
  };
  walk(pr.root);
  if (hit === null) throw new Error(`no ${id}`);
  return hit as { met: boolean; percent: number; credits?: { counted: number } };
};

/** A badge for an achievement id (as a CTDL credentialId or proxyFor names it). */
const held = (key: string, achievementId: string, over: Partial<StackBadge> = {}) => badge(key, { achievementId, ...over });
const SYN = 'synthetic/data-science-certificate.compact.json';
const R = 'https://registry.example/resources/';

describe('the synthetic pathway (every construct), compact and expanded JSON-LD', () => {
  for (const f of [SYN, 'synthetic/data-science-certificate.expanded.json']) {
    describe(f, () => {
      const p = imported(f);

      it('is a valid v1 document naming its source, with what it could not express', () => {
        expect(isCtdlPathway(JSON.parse(text(f)))).toBe(true);
        expect(p.source).toEqual({ format: 'ctdl', id: `${R}ce-5e0c7a52-0000-4000-8000-000000000001` });
        expect(p.title.en).toBe('Certificate in Data Science (synthetic example)');
        expect(p.title.ja).toBe('データサイエンス修了証（合成例）');
        expect(p.awardedBy.name).toEqual({ en: 'Example University' });
        expect(p.achievementId).toBe('https://uni.example/achievements/ds-certificate');
        const constructs = (p.unsupported ?? []).map((u) => u.construct);
        expect(constructs.some((c) => /grade gteq/.test(c))).toBe(true); // a grade constraint
        expect(constructs.some((c) => /precedes$/.test(c))).toBe(true); // an order
        expect(constructs.some((c) => /name$/.test(c))).toBe(true); // matched by name, said so
        expect((p.unsupported ?? []).every((u) => u.path.startsWith('/') && u.reason.length > 10)).toBe(true);
      });

      it('requiredNumber 2 of 3 → at least 2: met with two, not with one', () => {
        const two = titled(p, 'Two of the three foundations');
        expect(two.kind === 'atLeast' && [two.n, two.of.length]).toEqual([2, 3]);
        const one = progress(p, [held('py', 'https://uni.example/achievements/python')], { now: NOW });
        expect(nodeProgress(one, two.id).met).toBe(false);
        expect(nodeProgress(one, two.id).percent).toBe(50);
        // Statistics has no credential in the graph: its proxyFor IRI is the achievement id, or a CTDL alignment names it.
        const stats = badge('st', { alignments: [{ targetCode: null, targetUrl: `${R}ce-statistics-badge`, targetName: null, targetFramework: CTDL_FRAMEWORK }] });
        const both = progress(p, [held('py', 'https://uni.example/achievements/python'), stats], { now: NOW });
        expect(nodeProgress(both, two.id).met).toBe(true);
      });

      it('an alignment naming the component’s own @id matches too; name + issuer is the last resort', () => {
        const two = titled(p, 'Two of the three foundations');
        const byComponent = badge('c', { alignments: [{ targetCode: null, targetUrl: `${R}ce-python`, targetName: null, targetFramework: CTDL_FRAMEWORK }] });
        const otherFramework = badge('o', { alignments: [{ targetCode: null, targetUrl: `${R}ce-statistics-badge`, targetName: null, targetFramework: 'Some catalogue' }] });
        const sqlByName = badge('s', { titles: [{ text: 'SQL Basics', lang: 'en', source: 'achievement.name' }], issuer: { id: 'https://uni.example', names: ['Example University'] } });
        const sqlOtherIssuer = badge('s2', { titles: [{ text: 'SQL Basics', lang: 'en', source: 'achievement.name' }], issuer: { id: 'https://else.example', names: ['Elsewhere'] } });
        expect(nodeProgress(progress(p, [byComponent, otherFramework], { now: NOW }), two.id).met).toBe(false);
        expect(nodeProgress(progress(p, [byComponent, sqlByName], { now: NOW }), two.id).met).toBe(true);
        expect(nodeProgress(progress(p, [byComponent, sqlOtherIssuer], { now: NOW }), two.id).met).toBe(false);
      });

      it('OR (logic:Or) of a branch and a nested AND (logic:And): either branch meets it', () => {
        const or = titled(p, 'A specialisation: machine learning, or both visualisation and language processing');
        expect(or.kind === 'atLeast' && or.n).toBe(1);
        const ml = progress(p, [held('ml', `${R}ce-ml-badge`)], { now: NOW });
        expect(nodeProgress(ml, or.id).met).toBe(true);
        const viz = progress(p, [held('viz', `${R}ce-viz-badge`)], { now: NOW });
        expect(nodeProgress(viz, or.id).met).toBe(false);
        const vizNlp = progress(p, [held('viz', `${R}ce-viz-badge`), held('nlp', `${R}ce-nlp-badge`)], { now: NOW });
        expect(nodeProgress(vizNlp, or.id).met).toBe(true);
      });

      it('credit constraint: at least 6 semester credits, at most 7 count; the badge’s own credit first, else the component’s creditValue', () => {
        const c = titled(p, 'At least 6 semester credits of electives; at most 7 count');
        expect(c.kind === 'credits' && [c.min, c.cap, c.unit, c.shareBadges]).toEqual([6, 7, 'US-semester', true]);
        const a = held('ea', `${R}ce-elective-a-course`); // states nothing: the component's 3 credits
        const b = held('eb', `${R}ce-elective-b-course`, { credit: reading(2, 'us-semester', '2 semester credits') }); // its own 2, not the component's 3
        const r1 = progress(p, [a, b], { now: NOW });
        expect(nodeProgress(r1, c.id).credits?.counted).toBe(5);
        expect(nodeProgress(r1, c.id).met).toBe(false);
        expect(r1.counted.find((x) => x.badge === 'ea')?.amount?.from.source).toBe('pathway');
        const cc = held('ec', `${R}ce-elective-c-course`); // 4 more: 9, capped at 7
        const r2 = progress(p, [a, b, cc], { now: NOW });
        expect(nodeProgress(r2, c.id).credits?.counted).toBe(7);
        expect(nodeProgress(r2, c.id).met).toBe(true);
        expect(r2.badges.flatMap((x) => x.requirements.map((q) => q.reasons[0]?.code)).some((code) => code === 'PARTLY_COUNTED' || code === 'OVER_CAP')).toBe(true);
      });

      it('the whole pathway: complete with two foundations, a specialisation and 6 credits — or with the certificate itself', () => {
        const set = [
          held('py', 'https://uni.example/achievements/python'),
          held('st', `${R}ce-statistics-badge`),
          held('ml', `${R}ce-ml-badge`),
          held('ea', `${R}ce-elective-a-course`),
          held('ec', `${R}ce-elective-c-course`),
        ];
        expect(progress(p, set, { now: NOW }).complete).toBe(true);
        expect(progress(p, set.slice(0, 4), { now: NOW }).complete).toBe(false);
        expect(progress(p, [held('cert', 'https://uni.example/achievements/ds-certificate')], { now: NOW }).complete).toBe(true);
        // Only verified badges count (unless asked).
        const unverified = set.map((b) => ({ ...b, trust: INCOMPLETE }));
        expect(progress(p, unverified, { now: NOW }).complete).toBe(false);
        expect(progress(p, unverified, { now: NOW }).ifVerified?.complete).toBe(true);
      });

      it('round trip: v1 document → parsePathway gives the same pathway and the same evaluation', () => {
        const again = parsePathway(JSON.parse(JSON.stringify(pathwayToJson(p))));
        expect(again.ok && again.pathway).toEqual(p);
        if (!again.ok) return;
        const set = [held('py', 'https://uni.example/achievements/python'), held('ea', `${R}ce-elective-a-course`), held('ml', `${R}ce-ml-badge`)];
        const a = progress(p, set, { now: NOW });
        const b = progress(again.pathway, set, { now: NOW });
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      });
    });
  }

  it('compact and expanded read the same (up to source paths)', () => {
    const a = imported(SYN);
    const b = imported('synthetic/data-science-certificate.expanded.json');
    expect(b.requirement).toEqual(a.requirement);
    expect(b.unsupported?.map((u) => u.reason)).toEqual(a.unsupported?.map((u) => u.reason));
  });
});

describe('the Credential Engine’s published examples', () => {
  it('UNT French B.A. marketable skills (registry sandbox, Badgr): “Requires 3 of 4 items”, badges matched by their Badgr BadgeClass (sourceData)', () => {
    const p = imported('unt-french-ba-marketable-skills.json');
    expect(p.title).toEqual({ 'en-US': 'French B.A. Marketable Skills' });
    const collect = titled(p, 'Collect and Analyze Data in French');
    const inner = collect.kind === 'atLeast' ? collect.of.find((n) => n.kind !== 'achievement') : undefined;
    expect(inner?.kind === 'atLeast' && [inner.n, inner.of.length]).toEqual([3, 4]);
    // Each item recognised by a badge aligned to it; some by their Badgr BadgeClass (sourceData) as the achievement id.
    const items = inner?.kind === 'atLeast' ? inner.of : [];
    const urlOf = (n: RequirementNode): string => {
      let url = '';
      walkNodes(n, (x) => {
        if (url === '' && x.kind === 'achievement') url = x.match.flatMap((m) => (m.by === 'alignment' && m.targetUrl !== null ? [m.targetUrl] : [])).at(-1) ?? '';
      });
      return url;
    };
    const three = items.slice(0, 3).map((n, i) => badge(`b${i}`, { alignments: [{ targetCode: null, targetUrl: urlOf(n), targetName: null, targetFramework: CTDL_FRAMEWORK }] }));
    expect(nodeProgress(progress(p, three, { now: NOW }), collect.id).met).toBe(true);
    expect(nodeProgress(progress(p, three.slice(0, 2), { now: NOW }), collect.id).met).toBe(false);
    const badgr = find(p, (n) => n.kind === 'achievement' && n.match.some((m) => m.by === 'achievementId' && m.achievementId.startsWith('https://api.badgr.io/public/badges/')));
    const badgrId = badgr.kind === 'achievement' ? badgr.match.find((m) => m.by === 'achievementId')?.by === 'achievementId' && badgr.match[0] : null;
    expect(badgrId).toBeTruthy();
    expect(p.unsupported).toEqual([]);
  });

  it('the early draft (reqNum, logicalOperand OR): one of “2 of B, C, D” or “Course A”', () => {
    const p = imported('pathway-conditions-draft.json');
    const or = titled(p, 'Select one or the other of the two options');
    expect(or.kind === 'atLeast' && [or.n, or.of.length]).toEqual([1, 2]);
    const courses = { B: 'http://example.edu/e752fe59-4cc3-402a-8c2d-b2cc51e5dee', C: 'http://example.edu/051a2f7a-ab1c-491a-8d97-abb4a4d83915' };
    const byAlignment = (k: string, url: string) => badge(k, { alignments: [{ targetCode: null, targetUrl: url, targetName: null, targetFramework: CTDL_FRAMEWORK }] });
    const r = progress(p, [byAlignment('b', courses.B), byAlignment('c', courses.C)], { now: NOW });
    expect(r.complete).toBe(true);
    expect(progress(p, [byAlignment('b', courses.B)], { now: NOW }).complete).toBe(false);
  });

  it('Heriot-Watt BSc (expanded JSON-LD, logic/And IRIs): 8 of 8 courses; grade, resit and unreached stages listed, never dropped', () => {
    const p = imported('heriot-watt-bsc-cs.expanded.json');
    expect(p.title).toEqual({ en: 'BSCH - Bachelor of Science Honours' });
    const stage1 = titled(p, 'Complete 8 out of 8 courses.');
    expect(stage1.kind === 'allOf' && stage1.of.length).toBe(8);
    const reasons = (p.unsupported ?? []).map((u) => `${u.construct} ${u.reason}`).join('\n');
    expect(reasons).toMatch(/not reached from the destination/);
    expect(reasons).toMatch(/precededBy/);
    expect(reasons).toMatch(/exitprogram/);
  });

  it('Hutchinson welding AAS (repaired excerpt): requiredNumber 7 of 7, “WE116 or WE118”, grade constraints reported', () => {
    const p = imported('hutchinson-welding-aas.repaired.json');
    const or = titled(p, 'WE116 or WE118');
    expect(or.kind === 'atLeast' && [or.n, or.of.length]).toEqual([1, 2]);
    expect((p.unsupported ?? []).filter((u) => /studentgrade/.test(u.construct))).toHaveLength(4);
    expect((p.unsupported ?? []).filter((u) => /nothing to check/.test(u.reason))).toHaveLength(3);
  });

  it('CompTIA IT networking specialist: a chain of certifications, each required by the next', () => {
    const p = imported('comptia-it-networking-specialist.jsonld');
    expect(p.title).toEqual({ 'en-US': 'IT Networking Specialist Pathway' });
    const cloud = badge('cloud', { alignments: [{ targetCode: null, targetUrl: 'https://credentialengineregistry.org/resources/ce-1369d357-ac4f-49f9-8af2-c47376278896', targetName: null, targetFramework: CTDL_FRAMEWORK }] });
    expect(progress(p, [cloud], { now: NOW }).complete).toBe(true);
    expect(progress(p, [], { now: NOW }).complete).toBe(false);
  });

  it('Bakersfield AS → CSU transfer: reads, with its prerequisites listed as unsupported', () => {
    const p = imported('bakersfield-as-cs-csu-transfer.json');
    expect((p.unsupported ?? []).some((u) => /prerequisite|precedes/.test(u.construct))).toBe(true);
  });

  it('refuses what is not a readable CTDL pathway, with a code', () => {
    expect(importCtdl(text('hutchinson-welding-aas.original.txt'))).toMatchObject({ ok: false, error: { code: 'JSON_INVALID' } });
    expect(importCtdl(text('pathwaybuilder-constraints.repaired.json'))).toMatchObject({ ok: false, error: { code: 'NOT_A_PATHWAY' } });
    expect(importCtdl({ '@type': 'ceterms:Pathway', 'ceterms:name': 'x' })).toMatchObject({ ok: false, error: { code: 'NO_DESTINATION' } });
    expect(isCtdlPathway(JSON.parse(readFileSync('public/demo/pathways/data-science-certificate.json', 'utf8')))).toBe(false);
  });
});

describe('constructs one by one', () => {
  const graph = (dest: JsonObject, more: JsonObject[] = []): JsonObject => ({
    '@context': 'https://credreg.net/ctdl/schema/context/json',
    '@graph': [{ '@id': 'urn:p', '@type': 'ceterms:Pathway', 'ceterms:name': 'P', 'ceterms:hasDestinationComponent': 'urn:d' }, { '@id': 'urn:d', '@type': 'ceterms:CredentialComponent', ...dest }, ...more],
  });
  const comp = (id: string, extra: JsonObject = {}): JsonObject => ({ '@id': id, '@type': 'ceterms:CourseComponent', 'ceterms:name': id, 'ceterms:proxyFor': `${id}-cred`, ...extra });

  it('a destination with children and no conditions requires all of them', () => {
    const r = importCtdl(graph({ 'ceterms:hasChild': ['urn:a', 'urn:b'] }, [comp('urn:a'), comp('urn:b')]));
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(progress(r.pathway, [held('a', 'urn:a-cred')], { now: NOW }).complete).toBe(false);
    expect(progress(r.pathway, [held('a', 'urn:a-cred'), held('b', 'urn:b-cred')], { now: NOW }).complete).toBe(true);
  });

  it('an unknown logical operator and an unknown property are reported, and a cycle is cut', () => {
    const r = importCtdl(
      graph(
        {
          'ceterms:hasCondition': [
            { '@type': 'ceterms:ComponentCondition', 'ceterms:targetComponent': ['urn:a'], 'ceterms:resitRule': 'none' },
            { '@type': 'ceterms:ComponentCondition', 'ceterms:logicalOperator': 'logic:Not', 'ceterms:hasCondition': [{ '@type': 'ceterms:ComponentCondition', 'ceterms:targetComponent': 'urn:b' }] },
          ],
        },
        [comp('urn:a', { 'ceterms:hasChild': 'urn:d' }), comp('urn:b')],
      ),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const constructs = r.unsupported.map((u) => u.construct);
    expect(constructs).toContain('ceterms:resitRule');
    expect(constructs).toContain('logic:Not');
    expect(constructs).toContain('cycle');
  });

  it('requiredNumber larger than the targets, or not a whole number, requires all of them and says so', () => {
    const r = importCtdl(graph({ 'ceterms:hasCondition': { '@type': 'ceterms:ComponentCondition', 'ceterms:requiredNumber': 5, 'ceterms:targetComponent': ['urn:a', 'urn:b'] } }, [comp('urn:a'), comp('urn:b')]));
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.unsupported.map((u) => u.construct)).toContain('requiredNumber 5');
    expect(progress(r.pathway, [held('a', 'urn:a-cred')], { now: NOW }).complete).toBe(false);
  });

  it('credit units: semester hours, clock hours and ECTS convert; DegreeCredit and unknown units are the pathway’s own credits', () => {
    expect(['creditUnit:SemesterHour', 'https://purl.org/ctdl/vocabs/creditUnit/ClockHour', 'creditUnit:ECTS', 'creditUnit:DegreeCredit', 'http://example.edu/scqf/credits/'].map(unitOfCtdl)).toEqual(['US-semester', 'hours', 'ECTS', 'credits', 'credits']);
    const r = importCtdl(
      graph(
        {
          'ceterms:hasCondition': {
            '@type': 'ceterms:ComponentCondition',
            'ceterms:targetComponent': ['urn:a', 'urn:b'],
            'ceterms:hasConstraint': { '@type': 'ceterms:Constraint', 'ceterms:leftAction': 'array:Sum', 'ceterms:leftSource': 'ceterms:creditValue', 'ceterms:comparator': 'compare:GTEQ', 'ceterms:rightSource': 6 },
          },
        },
        [comp('urn:a', { 'ceterms:creditValue': [{ '@type': 'ceterms:ValueProfile', 'schema:value': 3, 'ceterms:creditUnitType': 'creditUnit:DegreeCredit' }] }), comp('urn:b')],
      ),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const c = find(r.pathway, (n) => n.kind === 'credits');
    expect(c.kind === 'credits' && c.unit).toBe('credits');
    // b states 3 credits without a unit (OB 3.0 creditsAvailable): read in the pathway's own credits; a gets its component's 3.
    const b = held('b', 'urn:b-cred', { credit: reading(3, 'unknown', '3') });
    expect(progress(r.pathway, [held('a', 'urn:a-cred'), b], { now: NOW }).complete).toBe(true);
    // A credit in a named unit is never converted into them.
    const named = held('b', 'urn:b-cred', { credit: reading(3, 'ects', '3 ECTS') });
    const p2 = progress(r.pathway, [held('a', 'urn:a-cred'), named], { now: NOW });
    expect(p2.complete).toBe(false);
    expect(p2.badges.find((x) => x.badge === 'b')?.requirements[0]?.reasons.map((x) => x.code)).toContain('UNIT_NOT_COMPARABLE');
  });
});

describe('the v1 additions a conversion needs (source, unsupported, a matcher’s credit, the pathway’s own credits)', () => {
  const schemaOk = new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync('public/schemas/pathway-v1.schema.json', 'utf8')));
  const files = [...readdirSync(DIR).filter((f) => /\.json(ld)?$/.test(f)), 'synthetic/data-science-certificate.compact.json', 'synthetic/data-science-certificate.expanded.json'];

  it('every converted fixture is valid for the validator and the published JSON Schema alike', () => {
    let converted = 0;
    for (const f of files) {
      const r = importCtdl(text(f));
      if (!r.ok) continue;
      converted++;
      const doc = pathwayToJson(r.pathway);
      expect(schemaOk(doc), `${f}: ${JSON.stringify(schemaOk.errors)}`).toBe(true);
      expect(parsePathway(doc).ok).toBe(true);
    }
    expect(converted).toBe(8);
  });

  it('rejects bad values of the additions in both', () => {
    const base = { pathwayVersion: 1, id: 'urn:p', title: 'P', awardedBy: { name: 'U' } };
    const bad = [
      { ...base, requirement: { kind: 'achievement', match: { achievementId: 'urn:a' } }, source: { format: 'xml', id: 'x' } },
      { ...base, requirement: { kind: 'achievement', match: { achievementId: 'urn:a' } }, unsupported: [{ path: '/x', construct: 'c' }] },
      { ...base, requirement: { kind: 'credits', min: 1, unit: 'credits', match: { achievementId: 'urn:a', credit: -1 } } },
    ];
    for (const doc of bad) {
      expect(parsePathway(doc as never).ok).toBe(false); // why: arbitrary JSON under test
      expect(schemaOk(doc)).toBe(false);
    }
    const good = { ...base, requirement: { kind: 'credits', min: 1, unit: 'credits', match: { achievementId: 'urn:a', credit: 2 } }, source: { format: 'clr', id: 'urn:clr' }, unsupported: [{ path: '', construct: 'c', reason: 'r' }] };
    expect(parsePathway(good as never).ok).toBe(true); // why: arbitrary JSON under test
    expect(schemaOk(good)).toBe(true);
  });
});
