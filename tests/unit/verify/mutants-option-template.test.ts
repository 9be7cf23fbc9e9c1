// Tests written for StrykerJS (`npm run mutate`): the proof options' template (proofs/option-template.ts)
// is really used when it may be, refused when it must be, kept per kind with the oldest forgotten, and copied out.
import { readFileSync } from 'node:fs';
import rdfCanonize from 'rdf-canonize';
import { beforeEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/lib/model/credential.ts';
import { clearOptionTemplates, optionQuads, optionTemplateCounts } from '../../../src/lib/verify/proofs/option-template.ts';
import { quadsOf } from '../../../src/lib/verify/reading/index.ts';

const doc = JSON.parse(readFileSync('tests/fixtures/ob3/spec/ldp-test-vector-ob-signed.json', 'utf8')) as JsonObject;
const { proofValue: _v, ...proof } = (Array.isArray(doc.proof) ? doc.proof[0] : doc.proof) as JsonObject;
/** Real proof options of an eddsa-rdfc-2022 credential (with `created`, without `expires`). */
const real = { '@context': doc['@context'], ...proof } as JsonObject;

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const P_CREATED = '\u0000tsumiki-slot-created\u0000';
/** A small inline context: `created` (and `other`) typed xsd:dateTime, `note` a plain string. */
const ctx = {
  created: { '@id': 'http://purl.org/dc/terms/created', '@type': `${XSD}dateTime` },
  expires: { '@id': 'http://purl.org/dc/terms/valid', '@type': `${XSD}dateTime` },
  note: 'http://purl.org/dc/terms/description',
};
const small = (extra: JsonObject): JsonObject => ({ '@context': ctx, '@type': 'http://example.org/Kind', created: '2030-01-01T00:00:00Z', ...extra });

const nquads = async (make: () => Promise<unknown[]>) => rdfCanonize.NQuads.serialize(await make());
/** optionQuads(o) as jsonld.js gives it, and whether it came from a template. */
async function served(o: JsonObject): Promise<boolean> {
  const before = optionTemplateCounts.served;
  expect(await nquads(() => optionQuads(o))).toBe(await nquads(() => quadsOf(o)));
  return optionTemplateCounts.served > before;
}

describe('mutants: proofs/option-template.ts', () => {
  beforeEach(() => clearOptionTemplates());

  it('makes one template per kind and serves every date of that kind from it', async () => {
    expect(await served(real)).toBe(true);
    expect(await served({ ...real, created: '2031-02-03T04:05:06Z' })).toBe(true);
    expect(await served({ ...real, created: 'not a date' })).toBe(true);
    expect(await served({ ...real, expires: '2040-01-01T00:00:00Z' })).toBe(true); // another kind: created and expires slotted
    expect(await served({ ...real, created: '2032-01-01T00:00:00Z', expires: '2041-01-01T00:00:00Z' })).toBe(true);
    expect(optionTemplateCounts).toEqual({ made: 2, served: 5 });
    expect(await served(small({}))).toBe(true);
    expect(await served(small({ created: '1999-01-01T00:00:00Z', expires: '2000-01-01T00:00:00Z' }))).toBe(true);
    expect(optionTemplateCounts).toEqual({ made: 4, served: 7 });
  });

  it('forgets every template when cleared', async () => {
    await served(real);
    clearOptionTemplates();
    expect(optionTemplateCounts).toEqual({ made: 0, served: 0 });
    await served(real);
    expect(optionTemplateCounts).toEqual({ made: 1, served: 1 });
  });

  it('refuses the template when the placeholder is not exactly one xsd:dateTime literal and nothing else', async () => {
    // `created` a plain string (not xsd:dateTime), or JSON whose literal does not hold the placeholder as written.
    expect(await served({ '@context': { created: 'http://purl.org/dc/terms/created' }, '@type': 'http://x/X', created: 'plain' })).toBe(false);
    expect(await served({ '@context': { '@version': 1.1, created: { '@id': 'http://purl.org/dc/terms/created', '@type': '@json' } }, '@type': 'http://x/X', created: '2030-01-01T00:00:00Z' })).toBe(false);
    // The placeholder's text written by the options themselves: in another literal, in the subject, in a datatype.
    expect(await served(small({ note: P_CREATED }))).toBe(false);
    expect(await served({ '@context': ctx, '@id': `urn:${P_CREATED}`, created: '2030-01-01T00:00:00Z' })).toBe(false); // the only quad's subject
    expect(await served(small({ '@context': { ...ctx, odd: { '@id': 'http://x/odd', '@type': `http://x/${P_CREATED}` } }, odd: 'v' }))).toBe(false);
    expect(optionTemplateCounts.served).toBe(0);
  });

  it('keeps 64 kinds, the most recently used last, and forgets the oldest', async () => {
    const kind = (n: number) => small({ '@type': `http://example.org/Kind${n}` });
    for (let n = 0; n < 64; n++) await served(kind(n));
    expect(optionTemplateCounts.made).toBe(64);
    await served(kind(0)); // used again: now the most recent
    expect(optionTemplateCounts.made).toBe(64);
    await served(kind(64)); // the 65th kind: kind 1, the oldest, is forgotten
    expect(optionTemplateCounts.made).toBe(65);
    await served(kind(0));
    await served(kind(2));
    expect(optionTemplateCounts.made).toBe(65);
    await served(kind(1));
    expect(optionTemplateCounts.made).toBe(66);
  });

  it('gives quads that a caller may change without changing the next answer', async () => {
    const first = await optionQuads(real);
    for (const q of first) {
      for (const t of [q.subject, q.predicate, q.object, q.graph]) {
        (t as { value: string }).value = 'changed';
        if (t.datatype) (t.datatype as { value: string }).value = 'changed';
      }
    }
    expect(await served(real)).toBe(true);
  });
});
