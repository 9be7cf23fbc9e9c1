/** Untrusted input: any shape, odd keys, language maps, arrays where strings are expected. Never throws. */
import { describe, expect, it } from 'vitest';
import { DESCRIPTOR_IDS } from '../../../src/lib/descriptors/catalog.ts';
import { extractAchievementDescriptors, extractDescriptors } from '../../../src/lib/descriptors/extract.ts';
import { listClrAchievements } from '../../../src/lib/descriptors/clr.ts';
import type { JsonObject } from '../../../src/lib/model/credential.ts';

const ob3 = (achievement: unknown, extra: Record<string, unknown> = {}): JsonObject =>
  ({
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: 'https://issuer.example', name: 'Issuer' },
    validFrom: '2025-01-01T00:00:00Z',
    credentialSubject: { id: 'did:example:1', achievement },
    ...extra,
  }) as JsonObject; // why: tests build deliberately odd shapes that the JsonObject type cannot express

describe('untrusted credentials', () => {
  it('rejects non-objects with a note, not an exception', () => {
    for (const v of [null, undefined, 42, 'text', [], [{}], true]) {
      const r = extractDescriptors(v as unknown as JsonObject); // why: the API must survive callers that pass anything
      expect(r.kind).toBe('unknown');
      expect(r.notes.map((n) => n.code)).toEqual(['NOT_A_CREDENTIAL']);
      expect(r.framework.verdict).toEqual({ code: 'NO_ACHIEVEMENT_DATA' });
    }
  });

  it('treats a "__proto__" key as data and pollutes nothing', () => {
    const text =
      '{"type":["VerifiableCredential"],"__proto__":{"polluted":"yes","credentialSubject":{"achievement":{"name":"Evil"}}},' +
      '"credentialSubject":{"__proto__":{"polluted":"yes"},"achievement":{"name":"Real","__proto__":{"description":"Evil"},' +
      '"criteria":{"narrative":"__proto__: x\\nLanguage: English\\nconstructor: y"}}}}';
    const r = extractDescriptors(JSON.parse(text) as JsonObject); // why: JSON.parse returns any; the text above is an object
    expect(r.descriptors.title?.value).toBe('Real');
    expect(r.descriptors.description).toBeNull();
    expect(r.descriptors.language?.value).toBe('English\nconstructor: y');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined(); // why: reading a property that must not exist
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });

  it('never reads inherited properties', () => {
    const inherited = Object.create({ name: 'From the prototype', description: 'x' }) as JsonObject; // why: a hand-built object with a prototype
    const r = extractDescriptors(ob3(inherited));
    expect(r.descriptors.title).toBeNull();
    expect(r.descriptors.description).toBeNull();
  });

  it('does not run getters', () => {
    let ran = false;
    const achievement = {};
    Object.defineProperty(achievement, 'name', {
      enumerable: true,
      get() {
        ran = true;
        throw new Error('must not run');
      },
    });
    const r = extractDescriptors(ob3(achievement));
    expect(ran).toBe(false);
    expect(r.descriptors.title).toBeNull();
  });

  it('reads language maps, value objects and arrays of text', () => {
    const r = extractDescriptors(
      ob3({
        name: { en: 'Data Science', ja: 'データサイエンス' },
        description: [{ '@value': 'One' }, 'Two', 3, null, { notALanguage: 'text' }, true],
        criteria: { narrative: ['Language: English', '言語：日本語'] },
        inLanguage: ['en', 'ja'],
      }),
    );
    expect(r.descriptors.title?.value).toBe('Data Science\nデータサイエンス');
    expect(r.descriptors.description?.value).toBe('One\nTwo\n3');
    expect(r.descriptors.language?.candidates.map((c) => c.value)).toEqual(['English', '日本語', 'en\nja']);
  });

  it('tolerates wrong types everywhere', () => {
    const odd: JsonObject[] = [
      ob3('https://achievement.example/1'),
      ob3([{ name: 'First' }, { name: 'Second' }]),
      ob3({ name: 42, criteria: 17, alignment: 'x', resultDescription: [null, 1, { name: ['A'] }], related: {}, creditsAvailable: 'three' }),
      ob3({ name: 'X', alignment: [{ targetType: 5, targetName: { ja: '水準' } }], endorsement: [{ credentialSubject: [] }] }),
      ob3({ name: 'X' }, { credentialSubject: [{ id: 'did:a', achievement: { name: 'In an array' } }] }),
      ob3({ name: 'X' }, { issuer: 12, validFrom: ['2025'], type: 7 }),
      ob3({ name: 'X', creditsAvailable: Number.POSITIVE_INFINITY, ECTS: Number.NaN, timeInvestment: -3 }),
      { type: 'Assertion', badge: { name: 'B', issuer: { address: 'Tokyo' }, criteria: { id: 5 } }, recipient: 'me' },
      { type: 'Assertion', badge: 12, recipient: {} },
      { vc: { credentialSubject: { achievement: { name: 'From a JWT vc claim' } } } },
    ];
    for (const c of odd) {
      const r = extractDescriptors(c);
      expect(Object.keys(r.descriptors)).toEqual([...DESCRIPTOR_IDS]);
      expect(() => JSON.stringify(r)).not.toThrow();
    }
    expect(extractDescriptors(odd[1] ?? {}).descriptors.title?.source).toBe('achievement[0].name');
    expect(extractDescriptors(odd[4] ?? {}).descriptors.learner?.source).toBe('credentialSubject[0].id');
    expect(extractDescriptors(odd[9] ?? {}).descriptors.title?.value).toBe('From a JWT vc claim');
  });

  it('survives deep nesting and huge arrays without blowing the stack', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    const many = Array.from({ length: 100_000 }, (_, i) => ({ targetName: `T${i}`, targetUrl: 'https://x.example' }));
    const r = extractDescriptors(ob3({ name: deep, alignment: many, description: { en: deep } }));
    expect(r.descriptors.title).toBeNull();
    expect(r.descriptors.learningOutcomes?.candidates.length).toBeLessThanOrEqual(200);
  });

  it('CLR listing and bare achievements never throw either', () => {
    expect(listClrAchievements(null as unknown as JsonObject)).toEqual([]); // why: survive any caller input
    expect(listClrAchievements({ credentialSubject: { verifiableCredential: ['eyJ.jwt.x', 5, { type: 'x' }] } }).map((i) => i.kind)).toEqual([
      'jwt',
      'credential',
    ]);
    expect(extractAchievementDescriptors(7 as unknown as JsonObject).notes.map((n) => n.code)).toEqual(['NO_ACHIEVEMENT']); // why: as above
  });
});
