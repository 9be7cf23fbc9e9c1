/**
 * Fuzzing the front door (issue 8): every parser, and the whole import path (importBytes into a
 * fake-indexeddb wallet), on random bytes and on mutated real fixtures. Properties:
 * - nothing but a coded TsumikiError escapes a parser; importBytes never throws at all;
 * - no hang: every input finishes within a bounded time;
 * - a rejected file leaves the wallet exactly as it was; an accepted one adds only what it reports.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import { ERROR_CODES, isTsumikiError } from '../../src/lib/errors.ts';
import { extractFromPng } from '../../src/lib/formats/baked/png.ts';
import { extractFromSvg } from '../../src/lib/formats/baked/svg.ts';
import { parseJson } from '../../src/lib/formats/json.ts';
import { decodeJws } from '../../src/lib/formats/jws.ts';
import { parseInput } from '../../src/lib/formats/parse.ts';
import { FRAME_PREFIX, parseFrame } from '../../src/lib/share/frames.ts';
import { presentationOfBody, unpackPresentation } from '../../src/lib/share/pack.ts';
import { parsePathway } from '../../src/lib/stack/validate.ts';
import { readHeader } from '../../src/lib/store/backup-envelope.ts';
import { decodePayload } from '../../src/lib/store/backup-payload.ts';
import { openWallet, type WalletDb } from '../../src/lib/store/db.ts';
import { createRemote } from '../../src/lib/verify/remote.ts';
import { decodeDataParam } from '../../src/lib/wallet/deeplink.ts';
import { importBytes } from '../../src/lib/wallet/import.ts';

const NOW = new Date('2026-02-01T00:00:00Z');
/** Per input, on a slow 2-core machine; a parser that loops or backtracks blows far past this. */
const BOUND_MS = 3000;
const read = (p: string) => new Uint8Array(readFileSync(new URL(`../${p}`, import.meta.url)));
const FIXTURES = [
  'fixtures/ob3/dcc-verifier-core/v2NoStatus.json',
  'fixtures/ob3/1edtech-validator/simple-json.png',
  'fixtures/ob2/1edtech-validator/simple.jwt',
  'fixtures/ob3/1edtech-validator/simple-jwt_v1.svg',
  'fixtures/ob2/1edtech-validator/basic-assertion.json',
  '../public/demo/02-python-basics.json',
  '../public/demo/01-data-literacy.png',
  '../public/demo/pathways/data-science-certificate.json',
].map(read);

/** One to three random edits of a real file: overwrite a byte, cut, insert, or duplicate a slice. */
const edit = fc.tuple(fc.constantFrom('flip', 'cut', 'insert', 'repeat'), fc.nat(), fc.integer({ min: 0, max: 255 }), fc.uint8Array({ maxLength: 24 }));
const mutated = fc.tuple(fc.constantFrom(...FIXTURES), fc.array(edit, { minLength: 1, maxLength: 3 })).map(([base, edits]) =>
  edits.reduce((b, [kind, at, value, extra]) => {
    const i = b.length === 0 ? 0 : at % b.length;
    if (kind === 'flip') return Uint8Array.from(b, (x, j) => (j === i ? value : x));
    if (kind === 'cut') return b.slice(0, i);
    if (kind === 'repeat') return new Uint8Array([...b.subarray(0, i), ...b.subarray(i, i + 64), ...b.subarray(i)]);
    return new Uint8Array([...b.subarray(0, i), ...extra, ...b.subarray(i)]);
  }, base),
);
const anyInput = fc.oneof(fc.uint8Array({ maxLength: 600 }), mutated, fc.json().map((t) => new TextEncoder().encode(t)));

/** A real JSON credential with letters changed here and there: still JSON, so it reaches verification and the store. */
const JSON_FIXTURES = FIXTURES.filter((b) => b[0] === 0x7b);
const retyped = fc.tuple(fc.constantFrom(...JSON_FIXTURES), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0x61, max: 0x7a })), { minLength: 1, maxLength: 4 })).map(([base, edits]) => {
  const letters = [...base.keys()].filter((i) => (base[i] ?? 0) >= 0x61 && (base[i] ?? 0) <= 0x7a);
  const out = base.slice();
  for (const [at, letter] of edits) out[letters[at % letters.length] ?? 0] = letter;
  return out;
});
/** For the import path, mostly mutated real files, so many get as far as verification and the store. */
const importInput = fc.oneof(
  { arbitrary: mutated, weight: 4 },
  { arbitrary: retyped, weight: 4 },
  { arbitrary: fc.uint8Array({ maxLength: 600 }), weight: 1 },
  { arbitrary: fc.json().map((t) => new TextEncoder().encode(t)), weight: 1 },
);

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const PARSERS: Record<string, (b: Uint8Array) => unknown> = {
  parseInput: (b) => parseInput(b),
  parseJson: (b) => parseJson(text(b)),
  decodeJws: (b) => decodeJws(text(b)),
  extractFromPng: (b) => extractFromPng(b),
  extractFromSvg: (b) => extractFromSvg(text(b)),
  decodeDataParam: (b) => decodeDataParam(text(b)),
  'backup readHeader': (b) => readHeader(b),
  'backup decodePayload': (b) => decodePayload(b),
  parseFrame: (b) => parseFrame(text(b)),
  'parseFrame (with its prefix)': (b) => parseFrame(`${FRAME_PREFIX}${text(b)}`),
  unpackPresentation: (b) => unpackPresentation(b),
  presentationOfBody: (b) => presentationOfBody(text(b)),
  parsePathway: (b) => parsePathway(b),
};

function timed<T>(run: () => T): T {
  const start = performance.now();
  try {
    return run();
  } finally {
    expect(performance.now() - start).toBeLessThan(BOUND_MS);
  }
}

describe('every parser: a result or a TsumikiError, quickly', () => {
  test.each(Object.keys(PARSERS))('%s', (name) => {
    const parse = PARSERS[name] as (b: Uint8Array) => unknown; // why: the key comes from PARSERS itself
    fc.assert(
      fc.property(anyInput, (bytes) => {
        timed(() => {
          try {
            parse(bytes);
          } catch (e) {
            if (!isTsumikiError(e)) throw e;
          }
        });
      }),
      { numRuns: 250 },
    );
  });
});

async function contents(db: WalletDb): Promise<string> {
  const [badges, originals, trash, meta] = await Promise.all([db.badges.toArray(), db.originals.toArray(), db.trash.toArray(), db.meta.toArray()]);
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
  return JSON.stringify({ badges: ids(badges), originals: ids(originals), trash: trash.length, meta: meta.length });
}

describe('importBytes into a wallet', () => {
  test('never throws, finishes in bounded time, and changes the wallet only by what it reports', async () => {
    const db = await openWallet({ indexedDB: new IDBFactory(), IDBKeyRange, now: () => NOW });
    const remote = createRemote({ online: false });
    // Something already in the wallet, so "unchanged" is about more than an empty store.
    const tally = { accepted: 0, rejected: 0 };
    const seeded = await importBytes(db, read('../public/demo/04-sdgs.json'), { now: NOW, remote });
    expect(seeded.ok).toBe(true);
    const property = fc.asyncProperty(importInput, async (bytes) => {
      const before = JSON.parse(await contents(db)) as { badges: string[]; originals: string[] }; // why: contents() writes this shape
      const start = performance.now();
      const outcome = await importBytes(db, bytes, { fileName: 'fuzz', now: NOW, remote });
      expect(performance.now() - start).toBeLessThan(BOUND_MS);
      const after = JSON.parse(await contents(db)) as { badges: string[]; originals: string[] }; // why: contents() writes this shape
      if (!outcome.ok) {
        expect(ERROR_CODES).toContain(outcome.error.code);
        tally.rejected++;
        expect(after).toEqual(before);
        return;
      }
      tally.accepted++;
      const added = outcome.credentials.filter((c) => c.status === 'added').map((c) => c.id);
      expect(after.badges).toEqual([...new Set([...before.badges, ...added])].sort());
      expect(after.originals).toEqual(after.badges);
    });
    // A new seed every run, so the fuzz explores; fast-check's report names the seed (and the path) to replay a
    // failure with `{ seed, path }`. Both paths are exercised whatever the draw: the examples run first, three
    // real files that import and three inputs that are refused.
    const examples: [Uint8Array][] = [
      [read('fixtures/ob3/dcc-verifier-core/v2NoStatus.json')],
      [read('fixtures/ob2/1edtech-validator/basic-assertion.json')],
      [read('../public/demo/02-python-basics.json')],
      [new Uint8Array([0])],
      [new TextEncoder().encode('{}')],
      [new TextEncoder().encode('not a badge')],
    ];
    const details = await fc.check(property, { numRuns: 150, examples });
    expect(details.failed, fc.defaultReportMessage(details) ?? '').toBe(false);
    console.info(`importBytes fuzz (seed ${details.seed}): ${tally.accepted} stored, ${tally.rejected} refused`);
    expect(tally.accepted, `seed ${details.seed}: the three importable examples were stored`).toBeGreaterThanOrEqual(3);
    expect(tally.rejected, `seed ${details.seed}: the three unreadable examples were refused`).toBeGreaterThanOrEqual(3);
    db.close();
  }, 300_000);
});
