// Properties of the front door: parsing never throws anything but a coded TsumikiError, and
// verification never throws at all, on arbitrary bytes and on mutated real credentials.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { isTsumikiError } from '../../src/lib/errors.ts';
import { parseInput } from '../../src/lib/formats/parse.ts';
import { CHECK_IDS, verdictOf, type Check } from '../../src/lib/model/verification.ts';
import { createEnv, type VerifyEnv } from '../../src/lib/verify/env.ts';
import { base64urlDecode } from '../../src/lib/util/bytes.ts';
import { verifyBytes } from '../../src/lib/verify/pipeline.ts';
import { containerBytes, createTestIssuers, trusting } from '../support/issuer.ts';

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
});

/**
 * Inputs that verify, each with the environment it verifies in: a published fixture (offline) and the
 * test issuer's own credentials (online against its fake network), as JSON, as JWS and baked in a PNG.
 */
interface VerifiedBase {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly env: VerifyEnv;
}

/**
 * What a verifier must read the same for the verdict to stand: the JSON of a credential (so white space
 * may change), or for a JWS the signed text (header and payload exactly as written) and the signature's
 * bytes (base64url may spell the last bits two ways).
 */
function signedContent(bytes: Uint8Array): string | undefined {
  try {
    const parsed = parseInput(bytes);
    if (parsed.kind !== 'credentials' || parsed.input.credentials.length !== 1) return undefined;
    const c = parsed.input.credentials[0]!; // why: length checked just above
    if (!c.jws) return JSON.stringify(c.credential);
    const [header, payload, signature] = c.jws.split('.');
    return `${header}.${payload}.${[...base64urlDecode(signature ?? '')].join(',')}`;
  } catch {
    return undefined;
  }
}

describe('a mutated credential is never verified', () => {
  const bases: VerifiedBase[] = [];
  beforeAll(async () => {
    const issuers = await createTestIssuers();
    const online = issuers.world.env();
    const png = new Uint8Array(readFileSync('tests/fixtures/ob2/1edtech-validator/assets/robotics-badge.png'));
    // The fixture's did:key issuer is on no list of its own: the user trusts it here (issue 12), so it can verify.
    const fixtureIssuer = 'did:key:z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q';
    bases.push({ name: 'v2NoStatus.json (fixture)', bytes: fixtures[0]!, env: createEnv({ now: env.now, trust: trusting([fixtureIssuer]) }) });
    for (const format of ['eddsa-rdfc-2022', 'vc-jwt-EdDSA', 'ob2-RS256'] as const) {
      const issuer = issuers.formats[format];
      const signed = await issuer.issue({ status: 'not-revoked' });
      bases.push({ name: `${format} (text)`, bytes: containerBytes(signed, 'text', png, issuer.version), env: online });
    }
    const di = issuers.formats['eddsa-rdfc-2022'];
    bases.push({ name: 'eddsa-rdfc-2022 (png)', bytes: containerBytes(await di.issue({ status: 'not-revoked' }), 'png', png, 'ob3'), env: online });
    // Each base verifies as it is: otherwise "never verified" below would hold for nothing.
    for (const base of bases) {
      expect((await verifyBytes(base.bytes, base.env)).credentials[0]?.verification.verdict, base.name).toBe('verified');
      expect(signedContent(base.bytes), base.name).toBeDefined();
    }
  }, 60_000);

  it('one random edit (a byte overwritten, cut, or bytes spliced in) either changes nothing that was signed or the verdict', async () => {
    const edited = fc.tuple(fc.nat({ max: 1_000_000 }), fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('flip', 'cut', 'insert'), fc.uint8Array({ minLength: 1, maxLength: 8 }));
    await fc.assert(
      fc.asyncProperty(edited, async ([which, at, value, kind, extra]) => {
        const base = bases[which % bases.length]!; // why: bases is filled in beforeAll
        const i = at % base.bytes.length;
        const bytes =
          kind === 'flip' ? Uint8Array.from(base.bytes, (x, j) => (j === i ? value : x))
          : kind === 'cut' ? base.bytes.slice(0, i)
          : new Uint8Array([...base.bytes.subarray(0, i), ...extra, ...base.bytes.subarray(i)]);
        const verdict = (await verifyBytes(bytes, base.env)).credentials[0]?.verification.verdict;
        if (verdict !== 'verified') return;
        // Verified after the edit: only if what was signed reads exactly as before (its own base, no other).
        expect(signedContent(bytes), `${base.name}: ${kind} at ${i} kept "verified"`).toBe(signedContent(base.bytes));
      }),
      { numRuns: 200 },
    );
  }, 120_000);
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
