// The proof options' quads from a template (proofs/option-template.ts) must be exactly what jsonld.js
// gives for the options themselves: for every fixture's proofs, for other dates put in the same
// template, and for options written so that the template cannot be used.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import rdfCanonize from 'rdf-canonize';
import { beforeEach, describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/lib/model/credential.ts';
import { clearOptionTemplates, optionQuads } from '../../../src/lib/verify/proofs/option-template.ts';
import { quadsOf, type Quad } from '../../../src/lib/verify/reading/index.ts';

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? jsonFiles(path) : name.endsWith('.json') ? [path] : [];
  });
}

const roots = ['tests/fixtures/ob3', 'tests/fixtures/clr2', 'tests/fixtures/status', 'tests/fixtures/vectors'];
const options: Array<{ file: string; options: JsonObject }> = roots.flatMap(jsonFiles).flatMap((file) => {
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  if (!doc['@context']) return [];
  const proofs = Array.isArray(doc.proof) ? doc.proof : doc.proof ? [doc.proof] : [];
  return proofs.map((p: JsonObject, i: number) => {
    const { proofValue: _v, ...rest } = p;
    return { file: `${file}#proof${i}`, options: { '@context': doc['@context'], ...rest } };
  });
});

/** The N-Quads as written (not canonicalised: blank node labels and order must match too), or the error's name. */
async function nquads(make: () => Promise<Quad[]>): Promise<string> {
  try {
    return rdfCanonize.NQuads.serialize(await make());
  } catch (e) {
    return `error: ${(e as Error).name}: ${(e as Error).message}`;
  }
}

const same = async (o: JsonObject) => expect(await nquads(() => optionQuads(o))).toBe(await nquads(() => quadsOf(o)));

const DATES = ['2030-01-01T00:00:00Z', '1999-12-31T23:59:59.999+09:00', 'not a date', '', 'urn:x', '_:b0', '@id', 'ä \u0000 "quoted" \\ \n', '\ud800'];

describe('proof options from a template', () => {
  beforeEach(() => clearOptionTemplates());

  it('covers a real corpus', () => {
    expect(options.length).toBeGreaterThan(40);
  });

  it('gives the quads jsonld.js gives, for every fixture proof, cold and from the template', async () => {
    for (const { file, options: o } of options) {
      expect(await nquads(() => optionQuads(o)), file).toBe(await nquads(() => quadsOf(o)));
      expect(await nquads(() => optionQuads(o)), `${file} (again)`).toBe(await nquads(() => quadsOf(o)));
    }
  });

  it('puts any other date in the same place jsonld.js would', async () => {
    for (const { options: o } of options.slice(0, 12)) {
      await optionQuads(o).catch(() => undefined); // a fixture made to fail: its error is compared below
      for (const d of DATES) {
        await same({ ...o, created: d });
        await same({ ...o, created: d, expires: d });
      }
    }
  });

  it('runs jsonld.js itself when a date is not a plain string, or the template cannot be used', async () => {
    const o = options.find((x) => x.options.cryptosuite === 'eddsa-rdfc-2022')?.options as JsonObject;
    await optionQuads(o);
    await same({ ...o, created: ['2030-01-01T00:00:00Z', '2031-01-01T00:00:00Z'] });
    await same({ ...o, created: { '@value': '2030-01-01T00:00:00Z' } });
    await same({ ...o, created: 5 });
    // A context that makes `created` an IRI: the placeholder is not a typed literal, so no template.
    const iri = { ...o, '@context': [...(o['@context'] as string[]), { '@version': 1.1, myCreated: { '@id': 'http://purl.org/dc/terms/created', '@type': '@id' } }], myCreated: 'urn:a' };
    await same(iri);
    await same({ '@context': { created: { '@id': 'http://purl.org/dc/terms/created', '@type': '@id' } }, type: 'X', created: 'urn:x' });
    await same({ '@context': { created: { '@id': 'http://purl.org/dc/terms/created', '@type': '@id' } }, '@type': 'http://x/X', created: 'urn:y' });
    await same({ '@context': { created: 'http://purl.org/dc/terms/created' }, '@type': 'http://x/X', created: 'plain' });
    // An unknown context: the same error either way.
    await same({ ...o, '@context': ['https://example.org/unknown-context'] });
  });
});
