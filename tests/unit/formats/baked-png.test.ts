import { inflateSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import { bakePng, DEFAULT_PNG_LIMITS, extractFromPng, isPng } from '../../../src/lib/formats/baked/png.ts';
import { walkPngChunks } from '../../../src/lib/formats/baked/png-chunks.ts';
import { chunk, codeOf, concat, fixtureBytes, insertBeforeIend, itxt, textChunk, ztxt, zlibBomb } from './baked-helpers.ts';

/**
 * The work extraction does, counted rather than timed (a timed test on a shared machine is either too
 * loose to catch anything or flaky; speed figures live in `npm run bench`): bytes run through CRC-32 and
 * the compressed bytes handed to the inflater, in how many steps. The wrappers only count.
 */
const work = vi.hoisted(() => ({ crcBytes: 0, inflatePushes: 0, inflateBytesIn: 0 }));
vi.mock('crc-32', async (importOriginal) => {
  const original = await importOriginal<{ default: { buf(data: Uint8Array, seed?: number): number } }>();
  const buf = (data: Uint8Array, seed?: number): number => {
    work.crcBytes += data.length;
    return original.default.buf(data, seed);
  };
  return { ...original, buf, default: { ...original.default, buf } };
});
vi.mock('fflate', async (importOriginal) => {
  const original = await importOriginal<typeof import('fflate')>();
  class CountingUnzlib extends original.Unzlib {
    override push(chunk: Uint8Array, final?: boolean): void {
      work.inflatePushes++;
      work.inflateBytesIn += chunk.length;
      super.push(chunk, final);
    }
  }
  return { ...original, Unzlib: CountingUnzlib };
});

/** Runs `run` with the counters at zero (building the input counts too, so it happens before). */
function counted<T>(run: () => T): T {
  work.crcBytes = 0;
  work.inflatePushes = 0;
  work.inflateBytesIn = 0;
  return run();
}

const OB3_JSON = 'ob3/1edtech-validator/simple-json.png';
const OB3_JWT = 'ob3/1edtech-validator/simple-jwt.png';
const OB3_JWT_V1 = 'ob3/1edtech-validator/simple-jwt_v1.png';
const OB2_JSON = 'ob2/1edtech-validator/simple-badge.png';
const PLAIN = 'ob2/1edtech-validator/assets/robotics-badge.png';

const jwsPayload = (jws: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(jws.split('.')[1] ?? '', 'base64url').toString('utf8'));

describe('extractFromPng — real baked badges', () => {
  it('OB 3.0 JSON credential (1EdTech validator simple-json.png)', () => {
    const p = extractFromPng(fixtureBytes(OB3_JSON));
    expect(p).toMatchObject({ chunk: 'iTXt', keyword: 'openbadgecredential', compressed: false });
    const vc = JSON.parse(p.text);
    expect(vc.id).toBe('http://example.com/credentials/3527');
    expect(vc.proof[0].cryptosuite).toBe('eddsa-rdfc-2022');
  });

  it('OB 3.0 VC-JWT (simple-jwt.png): a compact JWS whose payload is the credential', () => {
    const p = extractFromPng(fixtureBytes(OB3_JWT));
    expect(p).toMatchObject({ chunk: 'iTXt', keyword: 'openbadgecredential', compressed: false });
    expect(p.text.split('.')).toHaveLength(3);
    expect(jwsPayload(p.text)).toMatchObject({ id: 'http://example.com/credentials/3527', jti: 'http://example.com/credentials/3527' });
  });

  it('OB 3.0 VC-JWT, VC 1.1 style (simple-jwt_v1.png): credential in the vc claim', () => {
    const p = extractFromPng(fixtureBytes(OB3_JWT_V1));
    expect(p.text.split('.')).toHaveLength(3);
    expect(jwsPayload(p.text)).toMatchObject({ jti: 'http://example.edu/credentials/3732', vc: { id: 'http://example.edu/credentials/3732' } });
  });

  it('OB 2.0 Assertion JSON (simple-badge.png, iTXt keyword openbadges)', () => {
    const p = extractFromPng(fixtureBytes(OB2_JSON));
    expect(p).toMatchObject({ chunk: 'iTXt', keyword: 'openbadges', compressed: false });
    expect(JSON.parse(p.text)).toMatchObject({ type: 'Assertion', id: 'https://example.org/beths-robotics-badge.json' });
  });

  it('an unbaked image → PNG_NO_CREDENTIAL', () => {
    expect(codeOf(() => extractFromPng(fixtureBytes(PLAIN))).code).toBe('PNG_NO_CREDENTIAL');
  });

  it('isPng checks the signature only', () => {
    expect(isPng(fixtureBytes(PLAIN))).toBe(true);
    expect(isPng(new TextEncoder().encode('{"id":1}'))).toBe(false);
    expect(isPng(new Uint8Array(0))).toBe(false);
  });

  it('DEFAULT_PNG_LIMITS: 20 MiB file, 4 MiB chunk, 4 MiB inflated', () => {
    expect(DEFAULT_PNG_LIMITS).toEqual({ maxBytes: 20 * 2 ** 20, maxChunkBytes: 4 * 2 ** 20, maxInflatedBytes: 4 * 2 ** 20 });
  });
});

describe('extractFromPng — other carriers', () => {
  const plain = fixtureBytes(PLAIN);

  it('compressed iTXt (seen in real OB 2.0 images) is accepted and flagged', () => {
    const p = extractFromPng(insertBeforeIend(plain, itxt('openbadges', '{"ok":"日本語"}', { compressed: true })));
    expect(p).toEqual({ text: '{"ok":"日本語"}', chunk: 'iTXt', keyword: 'openbadges', compressed: true });
  });

  it('legacy tEXt openbadges URL, decoded as Latin-1 (not windows-1252)', () => {
    const p = extractFromPng(insertBeforeIend(plain, textChunk('openbadges', 'https://example.org/a\u00e9\u0080')));
    expect(p).toEqual({ text: 'https://example.org/a\u00e9\u0080', chunk: 'tEXt', keyword: 'openbadges', compressed: false });
  });

  it('zTXt openbadges', () => {
    const p = extractFromPng(insertBeforeIend(plain, ztxt('openbadges', 'https://example.org/x')));
    expect(p).toEqual({ text: 'https://example.org/x', chunk: 'zTXt', keyword: 'openbadges', compressed: true });
  });

  it('ignores other text chunks, and tEXt with the OB 3.0 keyword', () => {
    const png = insertBeforeIend(plain, textChunk('Comment', 'hi'), textChunk('openbadgecredential', 'x'), itxt('OpenBadges', 'y'));
    expect(codeOf(() => extractFromPng(png)).code).toBe('PNG_NO_CREDENTIAL');
  });
});

describe('extractFromPng — hostile input', () => {
  const plain = fixtureBytes(PLAIN);
  const baked = fixtureBytes(OB3_JSON);

  it('non-PNG bytes → PNG_MALFORMED (signature)', () => {
    const e = codeOf(() => extractFromPng(new TextEncoder().encode('<svg/>')));
    expect(e).toEqual({ code: 'PNG_MALFORMED', data: { reason: 'signature' } });
  });

  it.each([20, 8, 33, 1000, baked.length - 12, baked.length - 1])('truncated at %i bytes → PNG_MALFORMED', (n) => {
    const e = codeOf(() => extractFromPng(baked.subarray(0, n)));
    expect(e.code).toBe('PNG_MALFORMED');
    expect(e.data?.reason).toBe('truncated');
  });

  it('bad CRC → PNG_MALFORMED with the chunk type and offset', () => {
    const bad = insertBeforeIend(plain, itxt('openbadgecredential', '{"id":"x"}'));
    const at = bad.length - 17; // last byte of the iTXt text (then its CRC, then IEND)
    bad[at] = (bad[at] ?? 0) ^ 0xff;
    const e = codeOf(() => extractFromPng(bad));
    expect(e.code).toBe('PNG_MALFORMED');
    expect(e.data).toMatchObject({ reason: 'crc', type: 'iTXt', offset: plain.length - 12 });
  });

  it('a text chunk whose length claims 50 MB → PNG_CHUNK_TOO_LARGE from its length field alone', () => {
    const liar = chunk('iTXt', new TextEncoder().encode('openbadgecredential\0\0\0\0\0{}'), 50_000_000);
    const png = insertBeforeIend(plain, liar);
    const e = counted(() => codeOf(() => extractFromPng(png)));
    expect(e.code).toBe('PNG_CHUNK_TOO_LARGE');
    expect(e.data).toMatchObject({ type: 'iTXt', length: 50_000_000, max: DEFAULT_PNG_LIMITS.maxChunkBytes });
    expect(work.crcBytes).toBeLessThan(plain.length); // the chunks before it, nothing of it
    expect(work.inflatePushes).toBe(0);
  });

  it('a text chunk really longer than allowed is refused before any of its bytes is read (CRC or inflate)', () => {
    const body = new Uint8Array(DEFAULT_PNG_LIMITS.maxChunkBytes + 1);
    body.set(new TextEncoder().encode('openbadgecredential\0\x01\0\0\0'));
    const png = insertBeforeIend(plain, chunk('iTXt', body));
    const e = counted(() => codeOf(() => extractFromPng(png)));
    expect(e).toMatchObject({ code: 'PNG_CHUNK_TOO_LARGE', data: { type: 'iTXt', length: body.length } });
    // Every chunk before it is checked (CRC-32 over type and data, once), its 4 MiB are not.
    expect(work.crcBytes).toBeLessThan(plain.length);
    expect(work.inflatePushes).toBe(0);
  });

  it('any chunk whose length claims more than the file → PNG_MALFORMED (truncated), without allocating', () => {
    const liar = chunk('abCd', new Uint8Array(4), 50_000_000);
    expect(codeOf(() => extractFromPng(insertBeforeIend(plain, liar))).data).toMatchObject({ reason: 'truncated', type: 'abCd' });
    const bigLimit = { maxChunkBytes: 100_000_000 };
    const text = chunk('iTXt', new Uint8Array(4), 50_000_000);
    expect(codeOf(() => extractFromPng(insertBeforeIend(plain, text), bigLimit)).data).toMatchObject({ reason: 'truncated' });
  });

  it('zlib bomb (200 MiB of zeros in a compressed iTXt) → PNG_CHUNK_TOO_LARGE, stopped near the limit', () => {
    const bomb = zlibBomb(200);
    expect(bomb.length).toBeLessThan(300_000);
    expect(inflateSync(zlibBomb(2)).length).toBe(2 * 2 ** 20); // the construction is valid zlib (Adler-32 too)
    const png = insertBeforeIend(plain, itxt('openbadgecredential', bomb, { flag: 1 }));
    const e = counted(() => codeOf(() => extractFromPng(png)));
    expect(e.code).toBe('PNG_CHUNK_TOO_LARGE');
    expect(e.data?.maxInflated).toBe(DEFAULT_PNG_LIMITS.maxInflatedBytes);
    expect(e.data?.inflatedAtLeast).toBeLessThan(DEFAULT_PNG_LIMITS.maxInflatedBytes + 2 * 2 ** 20);
    // The inflater is fed 1 KiB steps and stopped at the first one past the limit: it reads only as much of the
    // bomb as it takes to inflate 4 MiB (at the bomb's own ratio), plus one step, never the whole chunk.
    const ratio = (200 * 2 ** 20) / bomb.length;
    const needed = Math.ceil(DEFAULT_PNG_LIMITS.maxInflatedBytes / ratio);
    expect(work.inflateBytesIn).toBeLessThanOrEqual(needed + 2 * 1024);
    expect(work.inflatePushes).toBeLessThanOrEqual(Math.ceil(needed / 1024) + 2);
  });

  it('the inflate limit is configurable, and a zTXt bomb is stopped too', () => {
    const small = insertBeforeIend(plain, itxt('openbadges', 'x'.repeat(5000), { compressed: true }));
    expect(codeOf(() => extractFromPng(small, { maxInflatedBytes: 4000 })).code).toBe('PNG_CHUNK_TOO_LARGE');
    const zbomb = chunk('zTXt', concat(new TextEncoder().encode('openbadges'), new Uint8Array([0, 0]), zlibBomb(50)));
    expect(codeOf(() => extractFromPng(insertBeforeIend(plain, zbomb))).code).toBe('PNG_CHUNK_TOO_LARGE');
  });

  it('two credential chunks → PNG_DUPLICATE_CREDENTIAL (same keyword, or OB 3.0 + OB 2.0, or iTXt + legacy tEXt)', () => {
    const dup = insertBeforeIend(baked, itxt('openbadgecredential', '{}'));
    expect(codeOf(() => extractFromPng(dup)).code).toBe('PNG_DUPLICATE_CREDENTIAL');
    const mixed = insertBeforeIend(plain, itxt('openbadgecredential', '{}'), itxt('openbadges', '{}'));
    expect(codeOf(() => extractFromPng(mixed)).data).toMatchObject({ chunks: [{ type: 'iTXt' }, { type: 'iTXt' }] });
    const legacy = insertBeforeIend(fixtureBytes(OB2_JSON), textChunk('openbadges', 'https://example.org/a'));
    expect(codeOf(() => extractFromPng(legacy)).code).toBe('PNG_DUPLICATE_CREDENTIAL');
  });

  it('broken credential chunks → PNG_MALFORMED with a reason', () => {
    const reasonOf = (rec: Uint8Array): unknown => codeOf(() => extractFromPng(insertBeforeIend(plain, rec))).data?.reason;
    expect(reasonOf(itxt('openbadges', new Uint8Array([0xff, 0xfe])))).toBe('utf8');
    expect(reasonOf(itxt('openbadges', new Uint8Array([1, 2, 3]), { flag: 1 }))).toBe('zlib');
    expect(reasonOf(itxt('openbadges', '{}', { flag: 2 }))).toBe('compression-flag');
    expect(reasonOf(chunk('iTXt', new TextEncoder().encode('openbadges\0\0\0')))).toBe('itxt-fields');
  });

  it('file over maxBytes → INPUT_TOO_LARGE; IHDR not first → PNG_MALFORMED', () => {
    expect(codeOf(() => extractFromPng(baked, { maxBytes: 1000 })).code).toBe('INPUT_TOO_LARGE');
    const noIhdr = concat(baked.subarray(0, 8), itxt('openbadges', '{}'), baked.subarray(8));
    expect(codeOf(() => extractFromPng(noIhdr)).data).toMatchObject({ reason: 'ihdr-not-first' });
  });
});

describe('bakePng', () => {
  const plain = fixtureBytes(PLAIN);

  it('inserts one uncompressed iTXt before IEND, every CRC valid, and extracts back', () => {
    const out = bakePng(plain, '{"id":"urn:x","name":"積み木"}');
    const types = walkPngChunks(out, DEFAULT_PNG_LIMITS.maxChunkBytes).map((c) => c.type);
    expect(types.slice(-2)).toEqual(['iTXt', 'IEND']);
    expect(extractFromPng(out)).toEqual({ text: '{"id":"urn:x","name":"積み木"}', chunk: 'iTXt', keyword: 'openbadgecredential', compressed: false });
    expect(out.subarray(0, plain.length - 12)).toEqual(plain.subarray(0, plain.length - 12));
  });

  it('replaces every existing badge chunk (OB 2.0 → OB 3.0, legacy tEXt too)', () => {
    const messy = insertBeforeIend(fixtureBytes(OB2_JSON), textChunk('openbadges', 'https://example.org/a'));
    const out = bakePng(messy, 'a.b.c', 'openbadges');
    expect(extractFromPng(out)).toMatchObject({ text: 'a.b.c', keyword: 'openbadges' });
    expect(extractFromPng(bakePng(out, 'd.e.f'))).toMatchObject({ text: 'd.e.f', keyword: 'openbadgecredential' });
  });

  it('rejects what it cannot bake faithfully', () => {
    expect(codeOf(() => bakePng(new TextEncoder().encode('GIF89a'), 'x')).code).toBe('PNG_MALFORMED');
    expect(codeOf(() => bakePng(plain, 'bad \ud800 surrogate')).code).toBe('BAKE_TEXT_INVALID');
    expect(codeOf(() => bakePng(plain, 'x'.repeat(DEFAULT_PNG_LIMITS.maxChunkBytes))).code).toBe('PNG_CHUNK_TOO_LARGE');
  });
});
