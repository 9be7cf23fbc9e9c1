/** Gathering QR frames (issue 7): any order, duplicates, and hostile input refused with the collector unchanged. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseInput } from '../../src/lib/formats/parse.ts';
import { base45Decode, base45Encode } from '../../src/lib/share/base45.ts';
import { FRAME_PREFIX } from '../../src/lib/share/frames.ts';
import { deepLink, presentationOf, sharePresentation, type Scanned } from '../../src/lib/share/share.ts';
import { Frames } from '../../src/ui/state/Scanner.svelte.ts';

const demo = (name: string) => {
  const out = parseInput(new Uint8Array(readFileSync(join(process.cwd(), 'public/demo', name))));
  if (out.kind !== 'credentials') throw new Error(name);
  return out.input.credentials;
};
const framesOf = async (names: string[]) => (await sharePresentation(presentationOf(names.flatMap(demo)))).frames;
const state = (f: Frames) => ({ received: f.received, count: f.count, missing: f.missing });

describe('Frames', () => {
  test('frames in any order with duplicates join once; progress says how many of how many', async () => {
    const texts = await framesOf(['02-python-basics.json']);
    expect(texts.length).toBeGreaterThan(2);
    const done: Scanned[] = [];
    const f = new Frames((s) => done.push(s));
    const order = [...texts].reverse();
    expect(await f.add(order[0] ?? '')).toBe('added');
    expect(await f.add(order[0] ?? '')).toBe('duplicate');
    expect(state(f)).toEqual({ received: 1, count: texts.length, missing: Array.from({ length: texts.length - 1 }, (_, i) => i + 1) });
    for (const t of order.slice(1, -1)) expect(await f.add(t)).toBe('added');
    expect(done).toHaveLength(0);
    expect(await f.add(order.at(-1) ?? '')).toBe('complete');
    expect(done).toHaveLength(1);
    expect(f.scanned?.frames).toBe(texts.length);
    expect(JSON.parse(new TextDecoder().decode(done[0]?.bytes)).type).toEqual(['VerifiablePresentation']);
    expect(await f.add(texts[0] ?? '')).toBe('duplicate'); // nothing more once joined
    expect(done).toHaveLength(1);
  });

  test('garbage, frames of another presentation and oversized declarations are refused with their code; the collector is unchanged', async () => {
    const [a, b] = await Promise.all([framesOf(['02-python-basics.json']), framesOf(['04-sdgs.json'])]);
    const f = new Frames();
    await f.add(a[1] ?? '');
    const before = state(f);
    expect(await f.add('hello world')).toBe('refused');
    expect(f.problem?.code).toBe('QR_FRAME_INVALID');
    expect(await f.add(b[0] ?? '')).toBe('refused');
    expect(f.problem?.code).toBe('QR_FRAMES_MIXED');
    const oversized = FRAME_PREFIX + base45Encode(new Uint8Array([0, 200, 1, 2, 3, 4, 9, 9]));
    expect(await f.add(oversized)).toBe('refused');
    expect(f.problem?.code).toBe('QR_PAYLOAD_TOO_LARGE');
    expect(state(f)).toEqual(before);
    // The next good frame clears the problem.
    expect(await f.add(a[0] ?? '')).toBe('added');
    expect(f.problem).toBeNull();
    f.reset();
    expect(state(f)).toEqual({ received: 0, count: 0, missing: [] });
    expect(f.started).toBe(false);
  });

  test('a verify link or several pasted frames; a sequence whose frames do not join says so', async () => {
    const [one] = await framesOf(['../../tests/fixtures/ob3/dcc-verifier-core/v2NoStatus.json']);
    const f = new Frames();
    expect(await f.add(deepLink('https://w.example/', one ?? ''))).toBe('complete');
    const texts = await framesOf(['04-sdgs.json']);
    const g = new Frames();
    expect(await g.addAll([...texts].reverse())).toBe('complete');
    // Same id and count, but one chunk changed: every place is filled, the checksum fails.
    const bytes = base45Decode((texts[0] ?? '').slice(FRAME_PREFIX.length)) ?? new Uint8Array();
    bytes[bytes.length - 1] = ((bytes[bytes.length - 1] ?? 0) + 1) % 256;
    const forged = [FRAME_PREFIX + base45Encode(bytes), ...texts.slice(1)];
    const h = new Frames();
    expect(await h.addAll(forged)).toBe('refused');
    expect(h.problem?.code).toBe('QR_CHECKSUM_MISMATCH');
    expect(h.scanned).toBeNull();
  });
});
