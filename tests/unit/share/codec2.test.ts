/**
 * Issue 15: codec 2 — binary values set apart, a larger preset dictionary — and the QR plan of at
 * most three codes for a demo micro-credential. Every fixture and demo badge goes through real QR
 * symbols and back (encode → PNG → jsQR → frames → payload) and must give the same presentation and
 * the same verdict as before sharing; codec 1 payloads (QR codes made before) still read.
 */
import { createHash } from 'node:crypto';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/lib/model/credential.ts';
import { DICTIONARY_V1, DICTIONARY_V2 } from '../../../src/lib/share/dictionary.ts';
import { encodeFrames } from '../../../src/lib/share/frames.ts';
import { CODEC_DEFLATE_DICT_V2, packPresentation, packPresentationV1, packPresentationV2, unpackPresentation } from '../../../src/lib/share/pack.ts';
import { qrCode, qrPng, readQr } from '../../../src/lib/share/qr.ts';
import { frameTextsOf, presentationFromFrames, presentationOf, sharePresentation, verifyLink } from '../../../src/lib/share/share.ts';
import { createEnv } from '../../../src/lib/verify/env.ts';
import { verifyBytes } from '../../../src/lib/verify/pipeline.ts';
import { createRemote } from '../../../src/lib/verify/remote.ts';
import { qrInputs } from '../../bench/qr.ts';

const NOW = new Date('2026-11-23T00:00:00Z');
const enc = new TextEncoder();

/** Every verdict and check outcome the core gives for a presentation (offline, fixed clock). */
async function verdicts(vp: JsonObject): Promise<unknown> {
  const r = await verifyBytes(enc.encode(JSON.stringify(vp)), createEnv({ now: NOW, remote: createRemote({ online: false }) }));
  return { error: r.error?.code, credentials: r.credentials.map((c) => ({ verdict: c.verification.verdict, checks: c.verification.checks.map((k) => `${k.id}:${k.outcome}:${k.code}`) })) };
}

const read = (text: string): string | undefined => {
  const png = PNG.sync.read(Buffer.from(qrPng(qrCode(text))));
  return readQr(new Uint8ClampedArray(png.data), png.width, png.height);
};

describe('codec 2 on every fixture and demo badge', () => {
  const inputs = qrInputs().filter((i) => i.name !== 'demo/all');
  it('covers the fixtures', () => expect(inputs.length).toBeGreaterThan(60));

  it.each(inputs.map((i) => [i.name, i] as const))('%s: QR symbols → same presentation, same verdict', async (_name, input) => {
    const vp = presentationOf(input.badges);
    const { frames, payload } = await sharePresentation(vp);
    // Through real QR symbols, read back from pixels, in reverse order.
    const scanned = await presentationFromFrames(frames.map((f) => read(f) ?? '').reverse());
    expect(scanned.presentation).toEqual(vp);
    expect(JSON.stringify(scanned.presentation)).toBe(JSON.stringify(vp));
    expect(await verdicts(scanned.presentation)).toEqual(await verdicts(vp));
    // Codec 1 (what QR codes held before) still reads, to the same presentation.
    expect(unpackPresentation(packPresentationV1(vp))).toEqual(vp);
    expect(payload.length).toBeLessThanOrEqual(packPresentationV1(vp).length);
  }, 60_000);

  it('a demo micro-credential takes at most 3 QR codes of version ≤ 25', async () => {
    const demo = inputs.filter((i) => /^demo\/\d/.test(i.name));
    expect(demo.length).toBe(8);
    for (const d of demo) {
      const { plan } = await sharePresentation(presentationOf(d.badges));
      expect(plan.frames, d.name).toBeLessThanOrEqual(3);
      expect(plan.version, d.name).toBeLessThanOrEqual(25);
    }
  });
});

describe('codec 2 values set apart', () => {
  const vc = (extra: JsonObject): JsonObject => presentationOf([{ format: 'ob3-di', credential: { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'], ...extra } }] as never);

  it('multibase, dates, urn:uuid and binary data: URLs come back exactly; look-alikes stay text', () => {
    const png = `data:image/png;base64,${Buffer.from(Array.from({ length: 120 }, (_, i) => (i * 37) % 256)).toString('base64')}`;
    const vp = vc({
      id: 'urn:uuid:6f1c3c8e-8f0a-4c59-9d55-0b6a1f0d0a02',
      again: 'urn:uuid:6f1c3c8e-8f0a-4c59-9d55-0b6a1f0d0a02',
      upper: 'urn:uuid:6F1C3C8E-8F0A-4C59-9D55-0B6A1F0D0A02',
      validFrom: '2024-11-20T06:00:00Z',
      fractional: '2024-11-20T06:00:00.5Z',
      impossible: '2024-02-30T06:00:00Z',
      proofValue: 'z4BjDEGe3FNr2VMkNQkQfA3qdLjByj5watP9917kRPHW92E8QKMpNLZ4eg5k47nKzK5tFuqTC7KSJnK4QDgo1aWdY',
      notBase58: 'z0OIl0OIl0OIl0OIl0OIl0OIl0OIl0OIl0OIl0OIl0OIl',
      image: png,
      marked: '\uE000 starts like a marker',
      escaped: '\uE00F\uE001',
      nested: [{ when: '1999-12-31T23:59:59Z' }, '2024-11-20T06:00:00Z'],
    });
    const payload = packPresentationV2(vp);
    expect(payload[0]).toBe(CODEC_DEFLATE_DICT_V2);
    expect(unpackPresentation(payload)).toEqual(vp);
    // The PNG travels as its 120 bytes, not as 160 characters of base64.
    expect(payload.length).toBeLessThan(packPresentationV1(vp).length);
  });

  it('a tail that does not match the markers is QR_PAYLOAD_INVALID', () => {
    const vp = vc({ validFrom: '2024-11-20T06:00:00Z' });
    const payload = packPresentationV2(vp);
    const extra = new Uint8Array([...payload, 0]);
    extra[2] = (extra[2] as number) + 1; // one more tail byte declared, and present: no marker uses it
    expect(() => unpackPresentation(extra)).toThrow(expect.objectContaining({ code: 'QR_PAYLOAD_INVALID' }));
    const short = payload.slice(0, payload.length - 1);
    expect(() => unpackPresentation(short)).toThrow(expect.objectContaining({ code: 'QR_PAYLOAD_INVALID' }));
    const longTail = payload.slice();
    longTail[2] = 200; // a tail longer than the payload
    expect(() => unpackPresentation(longTail)).toThrow(expect.objectContaining({ code: 'QR_PAYLOAD_INVALID' }));
  });

  it('packs the smaller of codec 1 and codec 2', () => {
    for (const vp of [vc({ name: 'x' }), vc({ proofValue: 'z4BjDEGe3FNr2VMkNQkQfA3qdLjByj5watP9917kRPHW92E8QKMpNLZ4eg5k47nKzK5tFuqTC7KSJnK4QDgo1aWdY' })]) {
      expect(packPresentation(vp).length).toBe(Math.min(packPresentationV1(vp).length, packPresentationV2(vp).length));
    }
  });
});

describe('dictionaries', () => {
  it('are frozen: a QR code made with one reads only with exactly its bytes', () => {
    const hash = (d: Uint8Array) => createHash('sha256').update(d).digest('hex');
    expect(hash(DICTIONARY_V1)).toBe('de80ccd880405168f0bedd4f5c962bc05622757f00ccf168640f4ef1cce6837c');
    expect(hash(DICTIONARY_V2)).toBe('ed8065005d535d7a1bda378920ae61af80d665c333e8ba97c99487c1ea19179d');
  });

  it('fit deflate’s 32 kB window and hold the JSON-escaped form of what the body carries', () => {
    expect(DICTIONARY_V2.length).toBeLessThanOrEqual(32 * 1024);
    const text = new TextDecoder().decode(DICTIONARY_V2);
    expect(text).toContain('\\nLearning outcomes: ');
    expect(text).toContain('\\n学修成果：');
    expect(text).toContain('<svg xmlns=\\"http://www.w3.org/2000/svg\\"');
    expect(text.endsWith(new TextDecoder().decode(DICTIONARY_V1))).toBe(true);
  });
});

describe('verify links', () => {
  it('a demo badge that needs three QR codes goes in one link; the link gives the same presentation', async () => {
    const demo = qrInputs().find((i) => i.name === 'demo/03-academic-writing.json');
    const vp = presentationOf(demo?.badges ?? []);
    const { payload, frames } = await sharePresentation(vp);
    expect(frames.length).toBeGreaterThan(1);
    const link = await verifyLink('https://wallet.example/app/#/share', payload);
    // One frame (a link frame holds up to about 2,260 bytes), in the QR alphanumeric set, space and + escaped.
    expect(link).toMatch(/^https:\/\/wallet\.example\/app\/#\/verify\?data=TK1:[0-9A-Z$*\-./:%]+$/);
    expect((await presentationFromFrames([link ?? ''])).presentation).toEqual(vp);
  });

  it('several frames ride in one link, and a link past MAX_LINK_CHARS is not offered', async () => {
    const all = presentationOf(qrInputs().find((i) => i.name === 'demo/all')?.badges ?? []);
    const payload = packPresentation(all);
    const link = await verifyLink('https://w.example/', payload);
    expect(frameTextsOf(link ?? '').length).toBeGreaterThan(1);
    expect((await presentationFromFrames([link ?? ''])).presentation).toEqual(all);
    const { texts } = await encodeFrames(new Uint8Array(40_000), { singleMaxVersion: 40, frameMaxVersion: 40 });
    expect(texts.length).toBeGreaterThan(1);
    expect(await verifyLink('https://w.example/', new Uint8Array(40_000))).toBeUndefined();
  });
});
