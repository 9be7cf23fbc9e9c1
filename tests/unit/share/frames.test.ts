import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseInput } from '../../../src/lib/formats/parse.ts';
import type { ParsedCredential } from '../../../src/lib/model/credential.ts';
import { base45Decode, base45Encode } from '../../../src/lib/share/base45.ts';
import { encodeFrames, FRAME_PREFIX, FrameCollector, parseFrame, planFrames } from '../../../src/lib/share/frames.ts';
import { packPresentation, unpackPresentation } from '../../../src/lib/share/pack.ts';
import { deepLink, frameTextOf, presentationFromFrames, presentationOf, sharePresentation } from '../../../src/lib/share/share.ts';
import { base58btcDecode, base58btcEncode } from '../../../src/lib/util/bytes.ts';
import { deflateSync } from 'fflate';

const fixture = (p: string): ParsedCredential[] => {
  const out = parseInput(new Uint8Array(readFileSync(new URL(`../../fixtures/${p}`, import.meta.url))));
  if (out.kind !== 'credentials') throw new Error(p);
  return [...out.input.credentials];
};
const enc = new TextEncoder();
const small = presentationOf(fixture('ob3/1edtech-validator/simple.json'));
const big = presentationOf(fixture('ob3/1edtech-validator/complete.json'));

describe('base45 (RFC 9285) and base58btc', () => {
  it('matches the RFC 9285 examples', () => {
    expect(base45Encode(enc.encode('AB'))).toBe('BB8');
    expect(base45Encode(enc.encode('Hello!!'))).toBe('%69 VD92EX0');
    expect(base45Encode(enc.encode('base-45'))).toBe('UJCLQE7W581');
    expect(new TextDecoder().decode(base45Decode('QED8WEX0'))).toBe('ietf!');
  });
  it('refuses invalid base45', () => {
    expect(base45Decode('GGW')).toBeUndefined(); // 65536 + …: out of range
    expect(base45Decode('a')).toBeUndefined();
    expect(base45Decode('ABCD')).toBeUndefined(); // length 3n+1
    expect(base45Decode('AB#')).toBeUndefined();
  });
  it('base58btc: known vectors, leading zeros, and what the wallet decodes', () => {
    expect(base58btcEncode(enc.encode('Hello World!'))).toBe('2NEpo7TZRRrLZSi2U');
    expect(base58btcEncode(new Uint8Array([0, 0, 0x28, 0x7f, 0xb4, 0xcd]))).toBe('11233QC4');
    for (const bytes of [new Uint8Array(32).fill(7), new Uint8Array([0xed, 0x01, ...new Uint8Array(32).fill(200)])]) {
      expect(base58btcDecode(base58btcEncode(bytes))).toEqual(bytes);
    }
    expect(base58btcEncode(new Uint8Array([0xed, 0x01, ...new Uint8Array(32)])).startsWith('6Mk')).toBe(true);
  });
});

describe('payload and frames', () => {
  it('plans one QR code up to version 25, else up to 3 frames of the smallest version ≤ 25, else evenly filled frames of version ≤ 15', () => {
    expect(planFrames(300)).toMatchObject({ frames: 1 });
    expect(planFrames(958).version).toBe(25);
    // Issue 15: a demo micro-credential (1.4–2 kB) in three codes.
    const few = planFrames(2000);
    expect(few.frames).toBe(3);
    expect(few.version).toBeGreaterThan(15);
    expect(few.version).toBeLessThanOrEqual(25);
    expect(planFrames(1100)).toMatchObject({ frames: 3, version: 15 });
    const many = planFrames(4000);
    expect(many.frames).toBe(11);
    expect(many.version).toBeLessThanOrEqual(15);
    expect(planFrames(2000, { fewFrames: 1 }).version).toBeLessThanOrEqual(15);
    expect(() => planFrames(100_000)).toThrow(expect.objectContaining({ code: 'SHARE_TOO_LARGE' }));
  });

  it('packs far below plain deflate and restores the presentation', () => {
    const payload = packPresentation(small);
    expect(payload.length).toBeLessThan(0.7 * deflateSync(enc.encode(JSON.stringify(small)), { level: 9 }).length);
    expect(unpackPresentation(payload)).toEqual(small);
  });

  it('restores the exact JWS strings of VC-JWT and OB 2.0 badges', async () => {
    const jwts = [...fixture('ob3/1edtech-validator/simple.jwt'), ...fixture('ob2/1edtech-validator/simple.jwt')];
    const scanned = await presentationFromFrames((await sharePresentation(presentationOf(jwts))).frames);
    const again = parseInput(scanned.bytes);
    if (again.kind !== 'credentials') throw new Error('not credentials');
    expect(again.input.credentials.map((c) => c.jws)).toEqual(jwts.map((c) => c.jws));
    expect(again.input.credentials.map((c) => c.format)).toEqual(['ob3-jwt', 'ob2-signed']);
  });

  it('keeps a bare JWS string item and a non-canonical base64url part unchanged', () => {
    const jws = fixture('ob3/1edtech-validator/simple.jwt')[0]!.jws!;
    const [h, p, s] = jws.split('.');
    const odd = `${h}.${p!.slice(0, -1)}${p!.endsWith('A') ? 'B' : 'A'}.${s}`; // last character changed: may decode non-canonically
    const vp = { ...small, verifiableCredential: [jws, odd, 'eyJ.eyJ.'] };
    expect(unpackPresentation(packPresentation(vp))).toEqual(vp);
  });

  it('reads frames in any order, with duplicates', async () => {
    const { frames, plan } = await sharePresentation(big);
    expect(plan.frames).toBeGreaterThan(1);
    const shuffled = [...frames].reverse();
    const back = await presentationFromFrames([...shuffled, frames[0]!]);
    expect(back.presentation).toEqual(big);
    expect(back.frames).toBe(plan.frames);
  });

  it('a deep link carries one frame in the alphanumeric set', async () => {
    const { frames } = await sharePresentation(small);
    const link = deepLink('https://wallet.example/app/#/home', frames[0]!);
    expect(link.startsWith('https://wallet.example/app/#/verify?data=TK1:')).toBe(true);
    expect(link.slice(link.indexOf('data=') + 5)).toMatch(/^[0-9A-Z$%*+\-./:]+$/);
    expect(link).not.toMatch(/[ +]/);
    expect(frameTextOf(link)).toBe(frames[0]);
    expect((await presentationFromFrames([link])).presentation).toEqual(small);
  });
});

describe('hostile frames', () => {
  const code = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return (e as { code?: string }).code;
    }
    return 'none';
  };

  it('garbage is QR_FRAME_INVALID', () => {
    expect(code(() => parseFrame('https://example.com/'))).toBe('QR_FRAME_INVALID');
    expect(code(() => parseFrame(`${FRAME_PREFIX}lower case`))).toBe('QR_FRAME_INVALID');
    expect(code(() => parseFrame(`${FRAME_PREFIX}${base45Encode(new Uint8Array([0, 1, 1, 2, 3, 4]))}`))).toBe('QR_FRAME_INVALID'); // no chunk
    expect(code(() => parseFrame(`${FRAME_PREFIX}${base45Encode(new Uint8Array([3, 2, 1, 2, 3, 4, 9]))}`))).toBe('QR_FRAME_INVALID'); // index ≥ count
    expect(code(() => parseFrame(`${FRAME_PREFIX}${base45Encode(new Uint8Array([0, 0, 1, 2, 3, 4, 9]))}`))).toBe('QR_FRAME_INVALID'); // count 0
  });

  it('oversized totals are QR_PAYLOAD_TOO_LARGE', async () => {
    expect(code(() => parseFrame(`${FRAME_PREFIX}${base45Encode(new Uint8Array([0, 200, 1, 2, 3, 4, 9]))}`))).toBe('QR_PAYLOAD_TOO_LARGE');
    expect(code(() => parseFrame(`${FRAME_PREFIX}${base45Encode(new Uint8Array([0, 1, 1, 2, 3, 4, ...new Uint8Array(3000)]))}`))).toBe('QR_PAYLOAD_TOO_LARGE');
    // a payload declaring 2 GB, and a deflate bomb declaring less than it inflates to
    expect(code(() => unpackPresentation(new Uint8Array([1, 0x80, 0x80, 0x80, 0x80, 0x08, 0, 0])))).toBe('QR_PAYLOAD_TOO_LARGE');
    const bomb = deflateSync(new Uint8Array(5_000_000));
    expect(code(() => unpackPresentation(new Uint8Array([1, 0x80, 0x08, ...bomb])))).toBe('QR_PAYLOAD_INVALID');
  });

  it('frames of two presentations are QR_FRAMES_MIXED; the collector keeps the first', async () => {
    const a = (await sharePresentation(big)).frames;
    const b = (await sharePresentation(presentationOf(fixture('ob3/1edtech-validator/complete_v1.json')))).frames;
    const collector = new FrameCollector();
    collector.add(a[0]!);
    expect(code(() => collector.add(b[1]!))).toBe('QR_FRAMES_MIXED');
    expect(collector.received).toBe(1);
    expect(collector.sequence?.count).toBe(a.length);
  });

  it('missing frames are QR_FRAMES_MISSING, listing which', async () => {
    const a = (await sharePresentation(big)).frames;
    await expect(presentationFromFrames(a.slice(1))).rejects.toMatchObject({ code: 'QR_FRAMES_MISSING', data: { missing: [1] } });
  });

  it('a forged frame with the right id fails the checksum', async () => {
    const a = (await sharePresentation(big)).frames;
    const bytes = base45Decode(a[1]!.slice(FRAME_PREFIX.length))!;
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] as number) ^ 1; // why: the frame is not empty
    const forged = FRAME_PREFIX + base45Encode(bytes);
    await expect(presentationFromFrames([a[0]!, forged, ...a.slice(2)])).rejects.toMatchObject({ code: 'QR_CHECKSUM_MISMATCH' });
  });

  it('a consistent sequence of garbage bytes is QR_PAYLOAD_INVALID', async () => {
    const payload = crypto.getRandomValues(new Uint8Array(500));
    payload[0] = 1;
    payload[1] = 100;
    const { texts } = await encodeFrames(payload);
    await expect(presentationFromFrames(texts)).rejects.toMatchObject({ code: 'QR_PAYLOAD_INVALID' });
    const json = deflateSync(enc.encode('[{"a":1},[[0,[2,{}],[2,{}],"x"]]]'));
    const { texts: t2 } = await encodeFrames(new Uint8Array([1, 34, ...json]));
    await expect(presentationFromFrames(t2)).rejects.toMatchObject({ code: 'QR_PAYLOAD_INVALID' });
  });
});
