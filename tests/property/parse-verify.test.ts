// Properties of the front door: parsing never throws anything but a coded TsumikiError, and
// verification never throws at all, on arbitrary bytes and on mutated real credentials.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTsumikiError } from '../../src/lib/errors.ts';
import { parseInput } from '../../src/lib/formats/parse.ts';
import { CHECK_IDS, verdictOf, type Check } from '../../src/lib/model/verification.ts';
import { createEnv } from '../../src/lib/verify/env.ts';
import { verifyBytes } from '../../src/lib/verify/pipeline.ts';

const env = createEnv({ now: new Date('2026-11-23T00:00:00Z') });
const fixtures = [
  'ob3/dcc-verifier-core/v2NoStatus.json',
  'ob3/1edtech-validator/simple.json',
  'ob2/1edtech-validator/simple.jwt',
  'ob3/1edtech-validator/simple-jwt_v1.svg',
].map((p) => new Uint8Array(readFileSync(`tests/fixtures/${p}`)));

function parsesOrCodes(bytes: Uint8Array): void {
  try {
    parseInput(bytes);
  } catch (e) {
    if (!isTsumikiError(e)) throw e;
  }
}

/** One random edit: flip a byte, cut, or splice in random bytes. */
const mutated = fc
  .tuple(fc.constantFrom(...fixtures), fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('flip', 'cut', 'insert'), fc.uint8Array({ maxLength: 16 }))
  .map(([base, at, value, kind, extra]) => {
    const i = at % base.length;
    if (kind === 'flip') {
      const copy = base.slice();
      copy[i] = value;
      return copy;
    }
    if (kind === 'cut') return base.slice(0, i);
    const out = new Uint8Array(base.length + extra.length);
    out.set(base.subarray(0, i), 0);
    out.set(extra, i);
    out.set(base.subarray(i), i + extra.length);
    return out;
  });

describe('parser and pipeline properties', () => {
  it('parseInput throws only TsumikiError on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => parsesOrCodes(bytes)), { numRuns: 500 });
  });

  it('parseInput throws only TsumikiError on arbitrary JSON-ish text', () => {
    const text = fc.oneof(fc.json(), fc.string(), fc.jsonValue().map((v) => JSON.stringify(v)));
    fc.assert(fc.property(text, (t) => parsesOrCodes(new TextEncoder().encode(t))), { numRuns: 500 });
  });

  it('parseInput throws only TsumikiError on mutated real credentials', () => {
    fc.assert(fc.property(mutated, (bytes) => parsesOrCodes(bytes)), { numRuns: 300 });
  });

  it('verifyBytes never throws and always says something', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutated, fc.uint8Array({ maxLength: 256 })), async (bytes) => {
        const result = await verifyBytes(bytes, env);
        if (result.credentials.length === 0) expect(result.rejected?.verdict).toBe('rejected');
        for (const c of result.credentials) expect(c.verification.checks.length).toBe(CHECK_IDS.length);
      }),
      { numRuns: 60 },
    );
  });

  it('a mutated signed credential is never verified unless the mutation left its bytes meaningfully equal', async () => {
    const original = fixtures[0]!;
    await fc.assert(
      fc.asyncProperty(mutated.filter((b) => b.length > 100), async (bytes) => {
        const result = await verifyBytes(bytes, env);
        const verdict = result.credentials[0]?.verification.verdict;
        if (verdict !== 'verified') return;
        // Only whitespace-level edits may keep a credential verified: its JSON must be unchanged.
        const same = JSON.stringify(JSON.parse(new TextDecoder().decode(bytes))) === JSON.stringify(JSON.parse(new TextDecoder().decode(original)));
        const other = fixtures.slice(1).some((f) => f.length === bytes.length);
        expect(same || other).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('verdictOf', () => {
  const check = fc.record({
    id: fc.constantFrom(...CHECK_IDS),
    outcome: fc.constantFrom('passed', 'failed', 'not-checked'),
    reason: fc.constantFrom('not-applicable', 'offline', 'unsupported', 'error'),
  }).map((c) => ({ ...c, code: 'X' }) as unknown as Check); // why: codes do not matter to the verdict

  it('any failed check (other than format) → failed; verified only when a proof passed and nothing is missing', () => {
    fc.assert(
      fc.property(fc.array(check, { minLength: 1, maxLength: 10 }), (checks) => {
        const v = verdictOf(checks);
        if (checks.some((c) => c.id === 'format' && c.outcome === 'failed')) expect(v).toBe('rejected');
        else if (checks.some((c) => c.outcome === 'failed')) expect(v).toBe('failed');
        else if (v === 'verified') {
          expect(checks.some((c) => c.id === 'proof' && c.outcome === 'passed')).toBe(true);
          expect(checks.every((c) => c.outcome === 'passed' || (c.outcome === 'not-checked' && c.reason === 'not-applicable'))).toBe(true);
        }
      }),
    );
  });

  it('no checks is never verified', () => {
    expect(verdictOf([])).toBe('rejected');
  });
});
