// The jsonld.js speed-up must not change a single canonical N-Quad: canonicalise every credential
// fixture (and each one's proof options) with and without it and compare.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import jsonld from 'jsonld';
// @ts-expect-error jsonld ships no types; the resolver is passed through as an option
import ContextResolver from 'jsonld/lib/ContextResolver.js';
import { afterAll, describe, expect, it } from 'vitest';
import { setJsonldSpeedup } from '../../../src/lib/verify/jsonld-speedup.ts';
import { contextLoader } from '../../../src/lib/verify/loader.ts';

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? jsonFiles(path) : name.endsWith('.json') ? [path] : [];
  });
}

const roots = ['tests/fixtures/ob3', 'tests/fixtures/clr2', 'tests/fixtures/status', 'tests/fixtures/vectors'];
const docs = roots.flatMap(jsonFiles).flatMap((file) => {
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  if (!doc['@context']) return [];
  const { proof, ...unsigned } = doc;
  const proofs = (Array.isArray(proof) ? proof : proof ? [proof] : []).map((p: Record<string, unknown>) => {
    const { proofValue: _v, ...options } = p;
    return { ...options, '@context': doc['@context'] };
  });
  return [{ file, doc: unsigned }, ...proofs.map((p: object, i: number) => ({ file: `${file}#proof${i}`, doc: p }))];
});

async function canonical(doc: object): Promise<string> {
  try {
    // A fresh resolver per call: no processed context is shared between the two runs.
    const contextResolver = new ContextResolver({ sharedCache: new Map() });
    return await jsonld.canonize(doc, { documentLoader: contextLoader, safe: true, algorithm: 'RDFC-1.0', contextResolver });
  } catch (e) {
    return `error: ${(e as Error).name}`;
  }
}

describe('jsonld speed-up', () => {
  afterAll(() => setJsonldSpeedup(true));

  it('covers a real corpus', () => {
    expect(docs.length).toBeGreaterThan(60);
  });

  it('gives byte-identical canonical N-Quads for every fixture', async () => {
    setJsonldSpeedup(false);
    const plain = await Promise.all(docs.map((d) => canonical(structuredClone(d.doc))));
    setJsonldSpeedup(true);
    const fast = await Promise.all(docs.map((d) => canonical(structuredClone(d.doc))));
    const canonicalised = plain.filter((q) => !q.startsWith('error')).length;
    expect(canonicalised).toBeGreaterThan(40);
    docs.forEach((d, i) => expect(fast[i], d.file).toBe(plain[i]));
  });
});
