// `--key FILE` (src/cli/holder-key.ts): created once with mode 0600, the same did:key on every run,
// never overwritten, a file that holds no key refused; without FILE a fresh key each run.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { holderKey } from '../../../src/cli/holder-key.ts';
import { signPresentation, verifyPresentationProof } from '../../../src/lib/share/holder.ts';

const dir = mkdtempSync(join(tmpdir(), 'tsumiki-key-'));

describe('holderKey', () => {
  it('creates the key file (0600) once and gives the same did:key after', async () => {
    const file = join(dir, 'holder.jwk');
    const a = await holderKey(file);
    const written = readFileSync(file, 'utf8');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(written)).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    const b = await holderKey(file);
    expect(b.did).toBe(a.did);
    expect(a.did).toMatch(/^did:key:z6Mk/);
    expect(readFileSync(file, 'utf8')).toBe(written);
    // The key signs presentations the core verifies.
    const vp = await signPresentation({ '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'] }, b, { challenge: 'c1', domain: 'https://v.example' });
    expect((await verifyPresentationProof(vp, { challenge: 'c1', domain: 'https://v.example' })).outcome).toBe('passed');
  });

  it('without a file, a fresh key each run', async () => {
    expect((await holderKey(undefined)).did).not.toBe((await holderKey(undefined)).did);
  });

  it('refuses a file that holds no private Ed25519 JWK, leaving it as it was', async () => {
    const file = join(dir, 'bad.jwk');
    writeFileSync(file, '{"kty":"OKP","crv":"Ed25519","x":"abc"}');
    await expect(holderKey(file)).rejects.toThrow(/not an Ed25519 private JWK/);
    expect(readFileSync(file, 'utf8')).toBe('{"kty":"OKP","crv":"Ed25519","x":"abc"}');
    writeFileSync(file, 'garbage');
    await expect(holderKey(file)).rejects.toThrow(/not a key file/);
  });
});
