// The stacking a credential carries (CLR 2.0 associations, OB 3.0 related) and pathways derived from a CLR.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/lib/model/credential.ts';
import { pathwaysFromClr, stackingOf } from '../../../src/lib/stack/clr.ts';
import { badgeFacts } from '../../../src/lib/stack/facts.ts';
import { progress } from '../../../src/lib/stack/progress.ts';
import { pathwayToJson } from '../../../src/lib/stack/serialize.ts';
import { parsePathway } from '../../../src/lib/stack/validate.ts';
import { NOW } from './helpers.ts';

const load = (p: string) => JSON.parse(readFileSync(`tests/fixtures/${p}`, 'utf8')) as JsonObject; // why: fixtures are JSON objects
const A1 = 'urn:uuid:a7467ef6-56cb-11ec-bf63-0242ac130002';
const A2 = 'urn:uuid:dd887f0a-56cb-11ec-bf63-0242ac130002';
const NURSE = 'urn:uuid:3314c2c0-2ee9-4183-838b-470c15ddfb08';

describe('stacking in credentials', () => {
  it('reads the spec test vector: Achievement 1 isParentOf Achievement 2', () => {
    expect(stackingOf(load('clr2/spec/ldp-test-vector-clr-signed.json'))).toEqual([
      { type: 'isParentOf', sourceId: A1, targetId: A2, source: 'credentialSubject.association[0]' },
    ]);
  });

  it('reads isParentOf and isPartOf from the 1EdTech validator CLR', () => {
    const rel = stackingOf(load('clr2/1edtech-validator/complex.json'));
    expect(rel.map((r) => r.type)).toEqual(['isParentOf', 'isParentOf', 'isParentOf', 'isParentOf', 'isPartOf']);
    expect(rel[4]).toMatchObject({ sourceId: 'urn:uuid:4072f4b6-75e9-42ed-8b95-b92711310dbe', targetId: NURSE });
  });

  it('reads OB 3.0 related (another language edition), and skips malformed associations', () => {
    const cred: JsonObject = {
      type: ['VerifiableCredential', 'ClrCredential'],
      credentialSubject: {
        association: [
          { type: 'Association', associationType: 'precedes', sourceId: 'urn:a', targetId: 'urn:b' },
          { type: 'Association', associationType: 'isCousinOf', sourceId: 'urn:a', targetId: 'urn:b' },
          { type: 'Association', associationType: 'isPartOf', sourceId: 'urn:a' },
        ],
        achievement: [{ id: 'urn:a', related: [{ id: 'urn:a-ja', type: ['Related'], inLanguage: 'ja' }] }],
      },
    };
    expect(stackingOf(cred)).toEqual([
      { type: 'precedes', sourceId: 'urn:a', targetId: 'urn:b', source: 'credentialSubject.association[0]' },
      { type: 'related', sourceId: 'urn:a', targetId: 'urn:a-ja', source: 'credentialSubject.achievement[0].related[0]' },
    ]);
    expect(stackingOf({})).toEqual([]);
  });
});

describe('pathways derived from a CLR', () => {
  it('the spec vector: Achievement 1 is made of Achievement 2; the CLR holds Achievement 1 itself', () => {
    const clr = load('clr2/spec/ldp-test-vector-clr-signed.json');
    const [p] = pathwaysFromClr(clr);
    expect(p).toMatchObject({
      id: `http://example.edu/credentials/3732#pathway:${A1}`,
      title: { und: 'Achievement 1' },
      achievementId: A1,
      awardedBy: { id: 'https://example.edu/issuers/565049', name: { und: 'Example University' } },
      requirement: { kind: 'allOf', of: [{ kind: 'achievement', title: { und: 'Achievement 2' }, match: [{ by: 'achievementId', achievementId: A2 }] }] },
    });
    if (p === undefined) return;
    const r = progress(p, badgeFacts(clr, null, { file: 'clr.json' }), { now: NOW, countUnverified: true });
    expect(r.held).toEqual(['clr.json#credentialSubject.verifiableCredential[0]']);
    expect(r.missing.map((m) => m.requirement)).toEqual(['part-1']);
    expect(parsePathway(pathwayToJson(p))).toEqual({ ok: true, pathway: p });
  });

  it('the 1EdTech CLR: five parts of the nurse assistant programme, two held, one achievement id used by four credentials', () => {
    const clr = load('clr2/1edtech-validator/complex.json');
    const ps = pathwaysFromClr(clr);
    expect(ps.map((p) => p.achievementId)).toEqual([NURSE]);
    const p = ps[0];
    if (p === undefined) return;
    expect(p.requirement.kind === 'allOf' && p.requirement.of.length).toBe(5);
    const facts = badgeFacts(clr, null, { file: 'complex.json' });
    const unverified = progress(p, facts, { now: NOW });
    expect([unverified.percent, unverified.ifVerified?.percent]).toEqual([0, 40]);
    const r = progress(p, facts, { now: NOW, countUnverified: true });
    expect(r.percent).toBe(40);
    expect(r.counted.map((c) => c.requirement)).toEqual(['part-1', 'part-2']);
    const same = r.badges.filter((b) => b.requirements.some((q) => q.reasons.some((x) => x.code === 'SAME_ACHIEVEMENT')));
    expect(same).toHaveLength(3);
  });

  it('equivalents: exactMatchOf and replacedBy let the other id count', () => {
    const clr: JsonObject = {
      type: ['VerifiableCredential', 'ClrCredential'],
      issuer: { id: 'https://u.example', name: 'U' },
      credentialSubject: {
        association: [
          { associationType: 'isParentOf', sourceId: 'urn:whole', targetId: 'urn:old' },
          { associationType: 'replacedBy', sourceId: 'urn:old', targetId: 'urn:new' },
        ],
      },
    };
    const [p] = pathwaysFromClr(clr);
    expect(p?.requirement.kind === 'allOf' && p.requirement.of[0]).toMatchObject({ match: [{ achievementId: 'urn:old' }, { achievementId: 'urn:new' }] });
    expect(pathwaysFromClr({ type: 'OpenBadgeCredential' })).toEqual([]);
  });
});
