// Bad input gets a clear, specific code, quickly, and never a crash (issue 3 "Bad input").
import { readFileSync } from 'node:fs';
import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseInput, MAX_INPUT_BYTES } from '../../../src/lib/formats/parse.ts';
import { createEnv } from '../../../src/lib/verify/env.ts';
import { verifyBytes } from '../../../src/lib/verify/pipeline.ts';
import { bakePng } from '../../../src/lib/formats/baked/png.ts';
import { base64urlEncode } from '../../../src/lib/util/bytes.ts';
import { trusting } from '../../support/issuer.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const fixture = (p: string) => new Uint8Array(readFileSync(`tests/fixtures/${p}`));
const env = createEnv({ now: new Date('2026-11-23T00:00:00Z') });

async function rejectedWith(bytes: Uint8Array) {
  const t = performance.now();
  const result = await verifyBytes(bytes, env);
  const ms = performance.now() - t;
  expect(result.credentials).toHaveLength(0);
  expect(result.rejected?.verdict).toBe('rejected');
  return { code: result.error?.code, ms };
}

const jwt = (header: object, payload: object, sig = '') =>
  `${base64urlEncode(enc(JSON.stringify(header)))}.${base64urlEncode(enc(JSON.stringify(payload)))}.${sig}`;

describe('hostile and malformed input', () => {
  it('malformed JSON → JSON_MALFORMED', async () => {
    expect((await rejectedWith(enc('{"@context": ['))).code).toBe('JSON_MALFORMED');
  });

  it('the OB 2.0 spec BadgeClass example (a raw line break in a string) is malformed JSON, said so', async () => {
    expect((await rejectedWith(fixture('ob2/spec/badgeclass.json'))).code).toBe('JSON_MALFORMED');
  });

  it('100,000-deep JSON → JSON_TOO_DEEP, without recursion', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const { code, ms } = await rejectedWith(enc(deep));
    expect(code).toBe('JSON_TOO_DEEP');
    expect(ms).toBeLessThan(2000);
  });

  it('__proto__ keys → JSON_FORBIDDEN_KEY, and nothing is polluted', async () => {
    const text = '{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential"],"__proto__":{"polluted":true}}';
    expect((await rejectedWith(enc(text))).code).toBe('JSON_FORBIDDEN_KEY');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a 100 MB file → INPUT_TOO_LARGE before any parsing', async () => {
    const big = new Uint8Array(100 * 1024 * 1024);
    const { code, ms } = await rejectedWith(big);
    expect(code).toBe('INPUT_TOO_LARGE');
    expect(ms).toBeLessThan(1000);
    expect(MAX_INPUT_BYTES).toBeLessThan(big.byteLength);
  });

  it('empty input and plain text are refused with their own codes', async () => {
    expect((await rejectedWith(new Uint8Array())).code).toBe('INPUT_EMPTY');
    expect((await rejectedWith(enc('hello, employer'))).code).toBe('FORMAT_UNRECOGNIZED');
    expect((await rejectedWith(new Uint8Array([0xff, 0xfe, 0x00, 0x01]))).code).toBe('FORMAT_UNRECOGNIZED');
  });

  it('JSON that is not a credential → NOT_A_CREDENTIAL (an OB 2.0 BadgeClass too)', async () => {
    expect((await rejectedWith(enc('{"hello": "world"}'))).code).toBe('NOT_A_CREDENTIAL');
    expect((await rejectedWith(fixture('ob2/1edtech-validator/assets/robotics-badge.json'))).code).toBe('NOT_A_CREDENTIAL');
  });

  it('a truncated PNG → PNG_MALFORMED', async () => {
    const png = fixture('ob3/1edtech-validator/simple-json.png');
    expect((await rejectedWith(png.slice(0, 5000))).code).toBe('PNG_MALFORMED');
  });

  it('a PNG chunk claiming 50 MB → refused quickly without allocating it', async () => {
    const png = fixture('ob2/1edtech-validator/assets/robotics-badge.png');
    const forged = png.slice();
    // The first chunk after the signature is IHDR at offset 8; point a text chunk's length at 50 MB.
    const header = new Uint8Array([0x03, 0x20, 0x00, 0x00, 0x69, 0x54, 0x58, 0x74]); // 50 MB, "iTXt"
    const bytes = new Uint8Array(forged.length + header.length);
    bytes.set(forged.subarray(0, 33), 0); // signature + IHDR chunk (8 + 25 bytes)
    bytes.set(header, 33);
    bytes.set(forged.subarray(33), 33 + header.length);
    const { code, ms } = await rejectedWith(bytes);
    expect(['PNG_CHUNK_TOO_LARGE', 'PNG_MALFORMED']).toContain(code);
    expect(ms).toBeLessThan(1000);
  });

  it('a decompression bomb in a compressed iTXt → PNG_CHUNK_TOO_LARGE', async () => {
    const base = fixture('ob2/1edtech-validator/assets/robotics-badge.png');
    const bomb = zlibSync(new Uint8Array(64 * 1024 * 1024), { level: 9 });
    const keyword = enc('openbadgecredential');
    const data = new Uint8Array(keyword.length + 5 + bomb.length);
    data.set(keyword, 0);
    data.set([0, 1, 0, 0, 0], keyword.length); // NUL, compressed, method 0, empty language, empty translation
    data.set(bomb, keyword.length + 5);
    const png = bakePng(base, 'x'); // a valid PNG with a credential chunk, whose data we replace below
    const { code } = await rejectedWith(replaceTextChunk(png, data));
    expect(code).toBe('PNG_CHUNK_TOO_LARGE');
  });

  it('SVG with entity declarations (billion laughs / XXE) → SVG_FORBIDDEN_CONSTRUCT; nothing resolved', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential>&x;</openbadges:credential></svg>`;
    expect((await rejectedWith(enc(xxe))).code).toBe('SVG_FORBIDDEN_CONSTRUCT');
  });

  it('an SVG with <script> still yields its credential (scripts never run: it is not rendered here)', async () => {
    const vc = readFileSync('tests/fixtures/ob3/dcc-verifier-core/v2NoStatus.json', 'utf8');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"><openbadges:credential><![CDATA[${vc}]]></openbadges:credential><script>alert(1)</script></svg>`;
    // The fixture's did:key issuer, trusted by the user: `verified` needs a proven issuer (issue 12).
    const trusted = createEnv({ now: env.now, trust: trusting([(JSON.parse(vc) as { issuer: { id: string } }).issuer.id]) }); // why: the fixture's issuer is a Profile
    const result = await verifyBytes(enc(svg), trusted);
    expect(result.credentials[0]?.verification.verdict).toBe('verified');
    expect(result.credentials[0]?.parsed.container).toBe('svg');
  });

  it('a JWT with alg "none" → proof failed ALG_FORBIDDEN, never verified', async () => {
    const vc = JSON.parse(readFileSync('tests/fixtures/ob3/dcc-verifier-core/v2NoStatus.json', 'utf8'));
    delete vc.proof;
    const result = await verifyBytes(enc(jwt({ alg: 'none' }, vc)), env);
    const report = result.credentials[0]?.verification;
    expect(report?.verdict).toBe('failed');
    expect(report?.checks).toContainEqual(expect.objectContaining({ id: 'proof', outcome: 'failed', code: 'ALG_FORBIDDEN' }));
  });

  it('an HS256 JWT (shared secret) is refused the same way', async () => {
    const vc = JSON.parse(readFileSync('tests/fixtures/ob3/dcc-verifier-core/v2NoStatus.json', 'utf8'));
    const result = await verifyBytes(enc(jwt({ alg: 'HS256' }, vc, 'c2lnbmF0dXJl')), env);
    expect(result.credentials[0]?.verification.checks).toContainEqual(expect.objectContaining({ id: 'proof', code: 'ALG_FORBIDDEN' }));
  });

  it('a JWS whose payload is not JSON → JWS_MALFORMED', async () => {
    expect((await rejectedWith(enc('eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln'))).code).toBe('JWS_MALFORMED');
  });

  it('parseInput throws only coded errors', () => {
    expect(() => parseInput(enc('{'))).toThrowError(expect.objectContaining({ code: 'JSON_MALFORMED' }));
  });
});

/** Replace the data of the first iTXt chunk and fix its length and CRC. */
function replaceTextChunk(png: Uint8Array, data: Uint8Array): Uint8Array {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let offset = 8;
  while (offset < png.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...png.subarray(offset + 4, offset + 8));
    if (type === 'iTXt') {
      const before = png.subarray(0, offset);
      const after = png.subarray(offset + 12 + length);
      const chunk = new Uint8Array(12 + data.length);
      const cv = new DataView(chunk.buffer);
      cv.setUint32(0, data.length);
      chunk.set(enc('iTXt'), 4);
      chunk.set(data, 8);
      cv.setUint32(8 + data.length, crc32(chunk.subarray(4, 8 + data.length)));
      const out = new Uint8Array(before.length + chunk.length + after.length);
      out.set(before, 0);
      out.set(chunk, before.length);
      out.set(after, before.length + chunk.length);
      return out;
    }
    offset += 12 + length;
  }
  throw new Error('no iTXt chunk');
}

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

describe('base58btc', () => {
  it('decodes leading zeros as one zero byte each', async () => {
    const { base58btcDecode } = await import('../../../src/lib/util/bytes.ts');
    expect(base58btcDecode('1')).toEqual(new Uint8Array([0]));
    expect(base58btcDecode('11')).toEqual(new Uint8Array([0, 0]));
    expect(base58btcDecode('2')).toEqual(new Uint8Array([1]));
    expect(base58btcDecode('5Q')).toEqual(new Uint8Array([0xff]));
    expect(base58btcDecode('0OIl')).toBeUndefined();
  });
});
