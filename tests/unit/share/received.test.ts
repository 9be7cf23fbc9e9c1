/** The verify screen's core (issue 7): what arrived, checked; pasted text and files sorted; challenges made. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInput } from '../../../src/lib/formats/parse.ts';
import type { ParsedCredential } from '../../../src/lib/model/credential.ts';
import { createDeviceKey, signPresentation } from '../../../src/lib/share/holder.ts';
import { classifyPaste, isFrameText, newChallenge, rasterImageType } from '../../../src/lib/share/input.ts';
import { checkHolder, checkReceived } from '../../../src/lib/share/received.ts';
import { deepLink, presentationOf, sharePresentation } from '../../../src/lib/share/share.ts';
import { createEnv } from '../../../src/lib/verify/env.ts';
import { demoIssuerDids, trusting } from '../../support/issuer.ts';

const file = (p: string) => new Uint8Array(readFileSync(new URL(`../../${p}`, import.meta.url)));
const parsed = (p: string): ParsedCredential[] => {
  const out = parseInput(file(p));
  if (out.kind !== 'credentials') throw new Error(p);
  return [...out.input.credentials];
};
const enc = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));
const env = () => createEnv({ now: new Date('2026-06-01T00:00:00Z') });

describe('checkReceived', () => {
  const badges = [...parsed('fixtures/ob3/dcc-verifier-core/v2NoStatus.json'), ...parsed('../public/demo/02-python-basics.json')];

  it('a presentation: one report per credential, the issuer as far as the checks show, the holder proof against the challenge', async () => {
    const key = await createDeviceKey();
    // Signed before the verifier's clock (a proof made in the future is refused).
    const vp = await signPresentation(presentationOf(badges), key, { challenge: 'ABC123', created: new Date('2026-05-01T00:00:00Z') });
    // Both issuers are bare did:keys (the fixture's and a demo issuer): the user trusts them here, so each
    // credential can be verified (issue 12).
    const fixtureIssuer = String((badges[0]!.credential.issuer as { id: string }).id); // why: the fixture's issuer is a Profile
    const trusted = createEnv({ now: new Date('2026-06-01T00:00:00Z'), trust: trusting([fixtureIssuer, ...(await demoIssuerDids())]) });
    const r = await checkReceived(enc(vp), trusted, ' ABC123 ');
    expect(r.error).toBeUndefined();
    expect(r.credentials.map((c) => c.verification.verdict)).toEqual(['verified', 'verified']);
    expect(r.credentials[0]?.identity).toMatchObject({ authority: 'key' });
    expect(r.credentials[1]?.identity.claimedName?.text).toBeTruthy();
    expect(r.holder).toMatchObject({ outcome: 'passed', code: 'HOLDER_PROOF_VALID', data: { holder: key.did, challenge: 'ABC123' } });
    expect(r.presentation?.holder).toBe(key.did);
    expect(await checkHolder(vp, 'OTHER')).toMatchObject({ outcome: 'failed', code: 'CHALLENGE_MISMATCH' });
    expect(await checkHolder(vp, '')).toMatchObject({ outcome: 'passed' });
  });

  it('an unsigned presentation: no holder proof, which fails once a challenge is asked for', async () => {
    const vp = presentationOf(badges);
    expect((await checkReceived(enc(vp), env())).holder).toMatchObject({ outcome: 'not-checked', code: 'NOT_APPLICABLE' });
    expect((await checkReceived(enc(vp), env(), 'NONCE')).holder).toMatchObject({ outcome: 'failed', code: 'PROOF_MISSING' });
  });

  it('a single credential has no holder; a tampered one fails on its signature; garbage is a coded error', async () => {
    const one = await checkReceived(file('fixtures/ob3/dcc-verifier-core/v2NoStatus.json'), env());
    expect(one.holder).toBeUndefined();
    expect(one.presentation).toBeUndefined();
    expect(one.credentials).toHaveLength(1);
    const tampered = JSON.parse(new TextDecoder().decode(file('fixtures/ob3/dcc-verifier-core/v2NoStatus.json')));
    tampered.credentialSubject.achievement.name = 'Something grander';
    const bad = await checkReceived(enc(tampered), env());
    expect(bad.credentials[0]?.verification.verdict).toBe('failed');
    expect(bad.credentials[0]?.verification.checks.find((c) => c.id === 'proof')).toMatchObject({ outcome: 'failed', code: 'SIGNATURE_MISMATCH' });
    const garbage = await checkReceived(enc('not a badge at all'), env());
    expect(garbage.credentials).toEqual([]);
    expect(garbage.error?.code).toBe('FORMAT_UNRECOGNIZED');
  });
});

describe('sorting raw input', () => {
  it('pasted frame texts and verify links go to the collector; anything else is a badge', async () => {
    const { frames } = await sharePresentation(presentationOf(parsed('../public/demo/04-sdgs.json')));
    expect(classifyPaste(frames.join('\n'))).toEqual({ kind: 'frames', texts: frames });
    const link = deepLink('https://wallet.example/app/', frames[0] ?? '');
    expect(classifyPaste(`  ${link}  \n`)).toEqual({ kind: 'frames', texts: [link] });
    expect(isFrameText(link)).toBe(true);
    expect(isFrameText('https://example.com')).toBe(false);
    const json = classifyPaste(' {"a":1} ');
    expect(json.kind === 'bytes' && new TextDecoder().decode(json.bytes)).toBe('{"a":1}');
    expect(classifyPaste(`${frames[0]}\n{"a":1}`).kind).toBe('bytes');
  });

  it('raster images are told by their first bytes, not their names', () => {
    expect(rasterImageType(file('../public/demo/01-data-literacy.png'))).toBe('image/png');
    expect(rasterImageType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(rasterImageType(enc('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(rasterImageType(file('../public/demo/08-project-management.svg'))).toBeUndefined();
    expect(rasterImageType(enc('{}'))).toBeUndefined();
  });

  it('a challenge is 10 characters a person can read out, all in the QR alphanumeric set', () => {
    const c = newChallenge();
    expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(newChallenge()).not.toBe(c);
    expect(newChallenge((a) => a.fill(0))).toBe('0000000000');
    expect(newChallenge((a) => a.fill(31))).toBe('ZZZZZZZZZZ');
  });
});
