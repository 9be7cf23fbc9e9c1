// Round trip as a property: for any set of badges, share → encode → frames (in any order, some
// repeated) → decode → verify gives back the same credentials and the same verdicts.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInput } from '../../src/lib/formats/parse.ts';
import type { JsonObject, ParsedCredential } from '../../src/lib/model/credential.ts';
import { createDeviceKey, signPresentation, verifyPresentationProof } from '../../src/lib/share/holder.ts';
import { presentationFromFrames, presentationOf, sharePresentation } from '../../src/lib/share/share.ts';
import { createEnv } from '../../src/lib/verify/env.ts';
import { verifyParsed, verifyBytes } from '../../src/lib/verify/pipeline.ts';

const env = createEnv({ now: new Date('2026-11-23T00:00:00Z') });
const POOL = [
  'ob3/dcc-verifier-core/v2NoStatus.json', //           Ed25519Signature2020, verified
  'ob3/dcc-verifier-core/v1OBv3SpecExample.json', //    eddsa-rdfc-2022
  'ob3/1edtech-validator/simple.json',
  'ob3/1edtech-validator/simple-err-proof-value.json', // failed
  'ob3/1edtech-validator/sd-derivedcredential.json', //  ecdsa-sd-2023 derived
  'ob3/1edtech-validator/complete.json', //              large, endorsements
  'ob3/1edtech-validator/simple.jwt', //                 VC-JWT
  'ob3/1edtech-validator/simple-jwt_v1.svg', //          VC-JWT (VC 1.1) baked in SVG
  'ob2/1edtech-validator/simple.jwt', //                 OB 2.0 JWS
  'clr2/1edtech-validator/simple.json', //               CLR 2.0
  'vectors/w3c-vc-di-eddsa/eddsa-jcs-2022-signedJCS.json',
].flatMap((p) => {
  const out = parseInput(new Uint8Array(readFileSync(`tests/fixtures/${p}`)));
  if (out.kind !== 'credentials') throw new Error(p);
  return out.input.credentials;
});

const noproof = JSON.parse(readFileSync('tests/fixtures/ob3/1edtech-validator/simple-noproof.json', 'utf8')) as JsonObject;

/** Image data: URLs: base64 of SVG text (opened by the codec), of binary bytes, and non-canonical base64 (both kept). */
const dataUrl = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }).map((t) => `data:image/svg+xml;base64,${Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg"><text>${t}</text></svg>`).toString('base64')}`),
  fc.uint8Array({ minLength: 48, maxLength: 200 }).map((b) => `data:image/png;base64,${Buffer.from(b).toString('base64')}`),
  fc.uint8Array({ minLength: 49, maxLength: 200 }).map((b) => `data:image/svg+xml;base64,${Buffer.from(b).toString('base64').replace(/=+$/, '')}`),
);

/** A badge from the pool, or an unsigned one whose text fields are arbitrary Unicode (lone surrogates included). */
const badge: fc.Arbitrary<ParsedCredential> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...POOL) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ maxLength: 300 }), fc.integer(), dataUrl).map(([name, description, n, image]) => {
      const credential = { ...noproof, name, description, image: { id: image, type: 'Image' }, extra: { n, list: [name, null, true, 1.5, image] } } as JsonObject;
      return { format: 'ob3-di', container: 'json', credential, bytes: new TextEncoder().encode(JSON.stringify(credential)) } as ParsedCredential; // why: a hand-made parse result
    }),
  },
);

const summary = (v: { verdict: string; checks: readonly { id: string; outcome: string; code: string }[] }) => ({
  verdict: v.verdict,
  checks: v.checks.map((c) => `${c.id}:${c.outcome}:${c.code}`),
});

describe('share → frames → scan → verify', () => {
  it('gives back the same credentials and verdicts, whatever the badges and the frame order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(badge, { minLength: 1, maxLength: 4, selector: (b) => JSON.stringify(b.jws ?? b.credential) }), fc.array(fc.nat(), { maxLength: 6 }), fc.integer(), async (badges, repeats, seed) => {
        const vp = presentationOf(badges);
        const { frames } = await sharePresentation(vp, { maxFrames: 255 });
        const order = [...frames, ...repeats.map((r) => frames[r % frames.length] as string)];
        const shuffled = order.map((f, i) => ({ f, k: Math.sin(seed + i) })).sort((a, b) => a.k - b.k).map((x) => x.f);
        const scanned = await presentationFromFrames(shuffled);
        expect(scanned.presentation).toEqual(vp);

        const result = await verifyBytes(scanned.bytes, env);
        expect(result.error).toBeUndefined();
        expect(result.credentials).toHaveLength(badges.length);
        for (const [i, original] of badges.entries()) {
          const back = result.credentials[i]!;
          expect(back.parsed.credential).toEqual(original.credential);
          expect(back.parsed.jws).toBe(original.jws);
          expect(back.format).toBe(original.format);
          expect(summary(back.verification)).toEqual(summary(await verifyParsed(original, env)));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('a badge selected twice is presented once', () => {
    const vp = presentationOf([POOL[0]!, POOL[6]!, POOL[0]!, POOL[6]!]);
    expect(vp.verifiableCredential).toHaveLength(2);
  });

  it('a holder-bound presentation keeps its holder proof through the frames', async () => {
    const key = await createDeviceKey();
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.constantFrom(...POOL), { minLength: 1, maxLength: 3 }), fc.string({ minLength: 1, maxLength: 40 }), async (badges, challenge) => {
        const vp = await signPresentation(presentationOf(badges), key, { challenge });
        const scanned = await presentationFromFrames((await sharePresentation(vp, { maxFrames: 255 })).frames);
        expect(await verifyPresentationProof(scanned.presentation, { challenge })).toMatchObject({ outcome: 'passed' });
        expect(await verifyPresentationProof(scanned.presentation, { challenge: challenge + '!' })).toMatchObject({ outcome: 'failed', code: 'CHALLENGE_MISMATCH' });
      }),
      { numRuns: 10 },
    );
  });
});
