// Tests written for StrykerJS (`npm run mutate`): digest.ts on both of its paths. In Node the module finds
// node:crypto through process.getBuiltinModule; each test loads a fresh copy of the module (it keeps what it
// found in module state) and answers that lookup with the real node:crypto behind a call counter, or with
// nothing (as in a browser: the WebCrypto path). Either way the hashes are the known SHA-256 / SHA-384 bytes.
import { afterEach, describe, expect, it, vi } from 'vitest';

type Module = typeof import('../../../src/lib/verify/digest.ts');
type RealCrypto = typeof import('node:crypto');

const realGet = process.getBuiltinModule.bind(process);

async function load(node: 'real' | 'none') {
  const real = realGet('node:crypto') as RealCrypto;
  const counts = { createHash: 0 };
  const wrapped = {
    createHash: (algorithm: string) => {
      counts.createHash++;
      return real.createHash(algorithm);
    },
  };
  vi.spyOn(process, 'getBuiltinModule').mockImplementation(((id: string) =>
    id === 'node:crypto' ? (node === 'none' ? undefined : wrapped) : realGet(id)) as typeof process.getBuiltinModule);
  const subtleDigest = vi.spyOn(crypto.subtle, 'digest');
  vi.resetModules();
  const mod: Module = await import('../../../src/lib/verify/digest.ts');
  return { digestText: mod.digestText, counts, subtleDigest };
}
afterEach(() => {
  vi.restoreAllMocks();
});

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** FIPS 180-2 "abc" vectors, and a text with a non-ASCII character and a lone surrogate (UTF-8: 61 e6 97 a5 ef bf bd 62). */
async function knownDigests(digestText: Module['digestText']) {
  expect(hex(await digestText('SHA-256', 'abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  expect(hex(await digestText('SHA-384', 'abc'))).toBe('cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7');
  expect(hex(await digestText('SHA-256', 'a日\ud800b'))).toBe('8d4aa6996cb4998e5dfbc460c0197ea6ab81ffed5687ed66911dea65da430d5e');
  expect(hex(await digestText('SHA-384', 'a日\ud800b'))).toBe('a64e93994887bafbd153884dc07cc7ad3de960376d31dfc5cd69dc7d3c8f29729bf190b64a6e004a6959981241ea942e');
}

describe('mutants: digest.ts', () => {
  it('in Node, node:crypto hashes (looked up once), never WebCrypto', async () => {
    const { digestText, counts, subtleDigest } = await load('real');
    await knownDigests(digestText);
    expect(counts.createHash).toBe(4);
    expect(subtleDigest).not.toHaveBeenCalled();
    expect(process.getBuiltinModule).toHaveBeenCalledTimes(1);
  });

  it('without node:crypto (a browser), WebCrypto gives the same bytes', async () => {
    const { digestText, counts, subtleDigest } = await load('none');
    await knownDigests(digestText);
    expect(counts.createHash).toBe(0);
    expect(subtleDigest).toHaveBeenCalledTimes(4);
  });
});
