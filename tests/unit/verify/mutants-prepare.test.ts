// Tests written for StrykerJS (`npm run mutate`): the warm-up (prepare.ts) and the jsonld.js speed-up
// (jsonld-speedup.ts). Neither may change an answer, so what is asserted is that they do their work:
// after the warm-up the first reading of an OB 3.0 credential processes no context a warm reading
// does not (counted with a spy on jsonld.js's processed-context cache), the warm-up's
// canonicalisation and WebCrypto calls really succeed, and the speed-up really shares term
// definitions between Map copies (and really stops when turned off).
import { readFileSync } from 'node:fs';
// @ts-expect-error jsonld ships no types; its processed-context cache is spied on, not changed
import ResolvedContext from 'jsonld/lib/ResolvedContext.js';
import util from 'jsonld/lib/util.js';
import rdfCanonize from 'rdf-canonize';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { applyJsonldSpeedup, setJsonldSpeedup } from '../../../src/lib/verify/jsonld-speedup.ts';
import { prepareVerifier } from '../../../src/lib/verify/prepare.ts';
import { quadsOf, unsecured } from '../../../src/lib/verify/reading/index.ts';

const credential = JSON.parse(readFileSync('tests/fixtures/ob3/spec/ldp-test-vector-ob-signed.json', 'utf8'));

/** Whether a copy of a term map made by jsonld.js's `util.clone` shares its term definitions. */
function clonesShare(): boolean {
  const definition = { '@id': 'https://example.org/term' };
  const copy = util.clone(new Map([['term', definition]])) as Map<string, unknown>;
  return copy.get('term') === definition;
}

describe('mutants: prepare.ts (the warm-up)', () => {
  const processed = vi.spyOn(ResolvedContext.prototype, 'setProcessed');
  const canonize = vi.spyOn(rdfCanonize, 'canonize');
  const subtle = (['importKey', 'verify', 'digest'] as const).map((name) => vi.spyOn(crypto.subtle, name));
  let counts: number[] = [];
  let speedupAfterWarmUp = false;

  beforeAll(async () => {
    setJsonldSpeedup(false); // the warm-up must turn it on
    await prepareVerifier(); // first thing in this file: nothing else has warmed jsonld.js yet
    speedupAfterWarmUp = clonesShare();
    for (let i = 0; i < 2; i++) {
      processed.mockClear();
      await quadsOf(unsecured(credential));
      counts.push(processed.mock.calls.length);
    }
  });
  afterAll(() => {
    vi.restoreAllMocks();
    counts = [];
  });

  it('the first reading after the warm-up processes no context a second reading does not', () => {
    expect(counts[1]).toBeGreaterThan(0); // the count sees context processing at all
    expect(counts[0]).toBe(counts[1]);
  });

  it('canonicalises the skeleton with RDFC-1.0 (to N-Quads)', async () => {
    expect(canonize).toHaveBeenCalledTimes(1);
    const nquads = await canonize.mock.results[0]?.value;
    expect(nquads).toMatch(/^<urn:uuid:00000000-0000-4000-8000-000000000000> /m);
  });

  it('reads and canonicalises a credential with every class OB 3.0 credentials commonly use', async () => {
    const nquads = String(await canonize.mock.results[0]?.value);
    const typed = [...nquads.matchAll(/ <http:\/\/www\.w3\.org\/1999\/02\/22-rdf-syntax-ns#type> <[^>]*[#/](\w+)> \./g)].map((m) => m[1]).sort();
    expect(typed).toEqual(['Achievement', 'AchievementSubject', 'Address', 'AlignmentObject', 'IdentityObject', 'Image', 'OpenBadgeCredential', 'Profile', 'VerifiableCredential']);
    expect(nquads).toContain('vocab.html#narrative>'); // Criteria, the one common class written without a type
  });

  it('imports an Ed25519 key, verifies with it and digests SHA-256 through WebCrypto, all without error', async () => {
    const [importKey, verify, digest] = subtle.map((s) => s.mock);
    expect(importKey?.calls.map((c) => c[2])).toEqual([{ name: 'Ed25519' }]);
    expect(verify?.calls.map((c) => c[0])).toEqual(['Ed25519']);
    expect(digest?.calls.map((c) => c[0])).toContain('SHA-256');
    const results = subtle.flatMap((s) => s.mock.results.map((r) => r.value as Promise<unknown>));
    const settled = await Promise.allSettled(results);
    expect(settled.map((s) => s.status)).toEqual(settled.map(() => 'fulfilled'));
    expect(await verify?.results[0]?.value).toBe(false); // a zero signature is no signature
  });

  it('turns the jsonld.js speed-up on', () => {
    expect(speedupAfterWarmUp).toBe(true);
  });
});

describe('mutants: jsonld-speedup.ts', () => {
  afterAll(() => applyJsonldSpeedup());

  it('on: a copied term map shares its definitions; off: they are deep-copied', () => {
    setJsonldSpeedup(false);
    expect(clonesShare()).toBe(false);
    setJsonldSpeedup(true);
    expect(clonesShare()).toBe(true);
    setJsonldSpeedup(false);
    applyJsonldSpeedup();
    expect(clonesShare()).toBe(true);
  });

  it('anything but a Map is still deep-copied', () => {
    const inner = { a: 1 };
    const copy = util.clone({ inner }) as { inner: object };
    expect(copy).toEqual({ inner });
    expect(copy.inner).not.toBe(inner);
  });
});
